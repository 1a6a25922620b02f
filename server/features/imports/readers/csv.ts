/**
 * CSV reader (csv-parse, streamed): geometry from a WKT column, or a point from X/Y columns. Header names are
 * matched without case or Vietnamese accents ('Hình học' = 'hinh_hoc'). The delimiter (',' ';' tab) is taken
 * from the header line: Excel in a Vietnamese locale saves ';' with a decimal comma.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import type { Geometry } from 'geojson';
import { wktToGeoJSON } from 'betterknown';
import type { OpenedSource, SourceFeature } from './types.ts';
import { UnreadableFileError } from './types.ts';

/** Lower case, no accents (đ → d), spaces and dashes → '_': 'Kinh độ' → 'kinh_do'. */
export function normaliseHeader(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const WKT_NAMES = ['wkt', 'geometry', 'geom', 'the_geom', 'hinh_hoc', 'shape'];
/** [x, y] header pairs; `projected` pairs may hold VN-2000 survey coordinates (X = northing). */
const XY_PAIRS: { x: string; y: string; projected: boolean }[] = [
  { x: 'x', y: 'y', projected: true }, { x: 'toa_do_x', y: 'toa_do_y', projected: true },
  { x: 'lon', y: 'lat', projected: false }, { x: 'lng', y: 'lat', projected: false },
  { x: 'long', y: 'lat', projected: false }, { x: 'longitude', y: 'latitude', projected: false },
  { x: 'kinh_do', y: 'vi_do', projected: false },
];

export type CsvGeometryColumns =
  | { kind: 'wkt'; index: number }
  | { kind: 'xy'; x: number; y: number; projected: boolean };

/** Where the geometry is in a header row; null when nothing recognisable. */
export function findGeometryColumns(header: string[]): CsvGeometryColumns | null {
  const norm = header.map(normaliseHeader);
  const wkt = norm.findIndex((h) => WKT_NAMES.includes(h));
  if (wkt >= 0) return { kind: 'wkt', index: wkt };
  for (const pair of XY_PAIRS) {
    const x = norm.indexOf(pair.x);
    const y = norm.indexOf(pair.y);
    if (x >= 0 && y >= 0) return { kind: 'xy', x, y, projected: pair.projected };
  }
  return null;
}

/** The delimiter of a header line: the most frequent of ',' ';' tab outside double quotes. */
export function detectDelimiter(line: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ',';
}

/** A number written '602281.34', '602281,34' (decimal comma) or ' 602 281.34 '; NaN otherwise. */
export function parseNumber(text: string | undefined): number {
  const t = (text ?? '').trim().replace(/\s/g, '');
  if (/^-?\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
  return t === '' ? NaN : Number(t);
}

/**
 * A point from X/Y values. Vietnamese survey convention: in VN-2000 the X axis points NORTH and Y EAST, so a
 * file written from a cadastral coordinate table has northings (≈ 2 300 000 m here) under X and eastings
 * (≈ 500 000 m) under Y — when both are projected and X > 1 000 000 > Y, they are swapped to (easting, northing).
 */
export function xyPoint(xText: string | undefined, yText: string | undefined, projected: boolean): Geometry | null {
  let x = parseNumber(xText);
  let y = parseNumber(yText);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (projected && x > 1_000_000 && y > 1_000 && y < 1_000_000) [x, y] = [y, x];
  return { type: 'Point', coordinates: [x, y] };
}

function rowGeometry(row: string[], g: CsvGeometryColumns): Geometry | null {
  if (g.kind === 'xy') return xyPoint(row[g.x], row[g.y], g.projected);
  const text = (row[g.index] ?? '').trim();
  if (!text) return null;
  try {
    return wktToGeoJSON(text);
  } catch {
    return null; // unreadable WKT: the pipeline rejects this row (geometry_missing), the others go on
  }
}

/** First line of the file (up to 64 KiB), without a BOM. */
function headerLine(filePath: string): string {
  const fd = fs.openSync(filePath, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens a CSV file; throws when the header names no geometry column. */
export async function openCsv(filePath: string): Promise<OpenedSource> {
  const total = fs.statSync(filePath).size;
  const delimiter = detectDelimiter(headerLine(filePath));
  const file = fs.createReadStream(filePath);
  const parser = file.pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, relax_quotes: true, info: true }));
  file.on('error', (e) => parser.destroy(e));
  // info: true → { record, info.lines }: the line a record ends on, the row number the user sees in Excel
  const rows = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const first = await rows.next().catch((e: Error) => { throw unreadable(e); });
  const header = first.done ? [] : first.value.record.map((h) => h.trim());
  const geometry = findGeometryColumns(header);
  if (!geometry) {
    file.destroy();
    throw new UnreadableFileError('Tệp CSV không có cột hình học (WKT) hay cột tọa độ X/Y (kinh độ/vĩ độ). / ' +
      'The CSV file has no geometry (WKT) column and no X/Y (longitude/latitude) columns.');
  }
  const geometryIndexes = geometry.kind === 'wkt' ? [geometry.index] : [geometry.x, geometry.y];
  const fields = header.filter((_, i) => !geometryIndexes.includes(i));
  const fieldIndexes = header.map((_, i) => i).filter((i) => !geometryIndexes.includes(i));
  let iterated = false;
  return {
    format: 'csv',
    fields,
    crs: { wkt: null, epsg: null },
    async *features(): AsyncGenerator<SourceFeature> {
      if (iterated) throw new Error('features() may be iterated once');
      iterated = true;
      for (;;) {
        const r = await rows.next().catch((e: Error) => { throw unreadable(e); });
        if (r.done) return;
        const row = r.value.record;
        const properties = Object.fromEntries(fieldIndexes.map((i) => [header[i], row[i] ?? null]));
        yield { ref: `dòng ${r.value.info.lines}`, geometry: rowGeometry(row, geometry), properties };
      }
    },
    progress: () => ({ done: file.bytesRead, total }),
    close: async () => { file.destroy(); parser.destroy(); },
  };
}

const unreadable = (e: Error) =>
  new UnreadableFileError(`Tệp CSV bị lỗi định dạng. / The CSV file is malformed (${e.message}).`);
