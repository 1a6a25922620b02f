/**
 * Shapefile reader (the `shapefile` package streams .shp and .dbf record by record). The .dbf text encoding comes
 * from the .cpg (default UTF-8, as QGIS writes; Vietnamese offices' older files are often Windows-1258), the
 * coordinate system from the .prj WKT — resolved later in crs.ts, which never trusts a VN-2000 .prj's datum.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import type { Geometry } from 'geojson';
import * as shapefile from 'shapefile';
import type { OpenedSource, SourceFeature } from './types.ts';
import { UnreadableFileError } from './types.ts';

/** TextDecoder label of a .cpg's content ('UTF-8', '1258', 'CP1258', 'ANSI 1258' …); UTF-8 when unknown. */
export function encodingOfCpg(cpg: string | null): string {
  const text = (cpg ?? '').trim().toLowerCase();
  if (!text || /^(utf-?8|65001)$/.test(text)) return 'utf-8';
  const codePage = /(?:^|[^\d])(\d{3,4})$/.exec(text)?.[1] ?? (/^\d{3,4}$/.test(text) ? text : null);
  const label = codePage && Number(codePage) >= 874 && Number(codePage) <= 1258 ? `windows-${codePage}` : text;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return 'utf-8';
  }
}

/** Column names of a dBASE table, from its header (32-byte field descriptors up to the 0x0D terminator). */
function dbfFieldNames(dbfPath: string, encoding: string): string[] {
  const fd = fs.openSync(dbfPath, 'r');
  try {
    const head = Buffer.alloc(32);
    fs.readSync(fd, head, 0, 32, 0);
    const headerLength = head.readUInt16LE(8);
    const descriptors = Buffer.alloc(Math.max(0, headerLength - 32));
    fs.readSync(fd, descriptors, 0, descriptors.length, 32);
    const decoder = new TextDecoder(encoding);
    const names: string[] = [];
    for (let at = 0; at + 32 <= descriptors.length && descriptors[at] !== 0x0d; at += 32) {
      const raw = descriptors.subarray(at, at + 11);
      const end = raw.indexOf(0);
      names.push(decoder.decode(end < 0 ? raw : raw.subarray(0, end)).trim());
    }
    return names;
  } finally {
    fs.closeSync(fd);
  }
}

/** The one Shapefile among extracted files: its .shp, .dbf, .prj, .cpg (same base name, any case). */
export function pickShapefile(files: string[]): { shp: string; dbf: string; prj: string | null; cpg: string | null } {
  const byExt = (ext: string) => files.filter((f) => path.extname(f).toLowerCase() === ext);
  const shps = byExt('.shp');
  if (shps.length > 1) {
    const names = shps.map((f) => path.basename(f)).join(', ');
    throw new UnreadableFileError(`Tệp zip có nhiều lớp Shapefile (${names}); hãy nén từng lớp riêng. / The zip holds several Shapefiles (${names}); zip one layer per file.`);
  }
  const stem = (f: string) => path.basename(f, path.extname(f)).toLowerCase();
  const sibling = (ext: string) => byExt(ext).find((f) => shps[0] && stem(f) === stem(shps[0])) ?? null;
  const dbf = sibling('.dbf');
  if (!shps[0] || !dbf) {
    const missing = !shps[0] ? '.shp' : '.dbf';
    throw new UnreadableFileError(`Tệp zip thiếu ${missing} của Shapefile. / The zip lacks the Shapefile's ${missing}.`);
  }
  return { shp: shps[0], dbf, prj: sibling('.prj'), cpg: sibling('.cpg') };
}

/** Opens a Shapefile from its extracted parts. */
export async function openShapefile(files: string[]): Promise<OpenedSource> {
  const parts = pickShapefile(files);
  const encoding = encodingOfCpg(parts.cpg ? fs.readFileSync(parts.cpg, 'utf8') : null);
  const total = fs.statSync(parts.shp).size;
  let done = 0;
  // counts the .shp bytes handed to the reader: the share of the file read, for the progress bar
  const counter = new Transform({ transform(chunk: Buffer, _e, cb) { done += chunk.length; cb(null, chunk); } });
  const shpStream = fs.createReadStream(parts.shp).pipe(counter);
  const dbfStream = fs.createReadStream(parts.dbf);
  let source: Awaited<ReturnType<typeof shapefile.open>>;
  try {
    source = await shapefile.open(shpStream, dbfStream, { encoding });
  } catch (e) {
    throw new UnreadableFileError(`Shapefile bị hỏng. / The Shapefile is corrupt (${(e as Error).message}).`);
  }
  const prj = parts.prj ? fs.readFileSync(parts.prj, 'utf8').trim() || null : null;
  let iterated = false;
  return {
    format: 'shp',
    fields: dbfFieldNames(parts.dbf, encoding),
    crs: { wkt: prj, epsg: null },
    async *features(): AsyncGenerator<SourceFeature> {
      if (iterated) throw new Error('features() may be iterated once');
      iterated = true;
      for (let record = 1; ; record++) {
        let r: { done: boolean; value: GeoJSON.Feature };
        try {
          r = await source.read();
        } catch (e) {
          throw new UnreadableFileError(`Shapefile bị hỏng ở bản ghi ${record}. / The Shapefile is corrupt at record ${record} (${(e as Error).message}).`);
        }
        if (r.done) return;
        yield { ref: String(record), geometry: (r.value.geometry as Geometry | null) ?? null, properties: r.value.properties ?? {} };
      }
    },
    progress: () => ({ done, total }),
    close: async () => { shpStream.destroy(); dbfStream.destroy(); await source.cancel().catch(() => undefined); },
  };
}
