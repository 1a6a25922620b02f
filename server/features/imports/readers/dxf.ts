/**
 * DXF reader (dxf-parser, whole file: no streaming DXF parser exists, hence IMPORT_DXF_MAX_BYTES). Closed
 * LWPOLYLINE / POLYLINE entities (flag 70 = 1, or last vertex = first) become polygons — bulges (arc segments) are ignored, the chord is kept, which
 * cadastral drawings rarely need; a closed polyline lying inside another becomes that one's hole (and also a
 * parcel of its own when it carries a label: an enclave). TEXT / MTEXT whose insertion point falls in a polygon is
 * its label. dxf-parser 1.1 has no HATCH entity, so hatch boundaries are not read. DXF carries no CRS.
 */
import fs from 'node:fs';
import DxfParser from 'dxf-parser';
import type { Polygon, Position } from 'geojson';
import { IMPORT_DXF_MAX_BYTES } from '../../../api/contract.ts';
import type { OpenedSource, SourceFeature } from './types.ts';
import { UnreadableFileError } from './types.ts';

interface Ring { handle: string; layer: string; points: Position[]; area: number; order: number }
interface Label { text: string; at: Position }

/** Cadastral label parts: 'số thửa\Ploại đất\Pdiện tích' or '345 ODT 120,5'; {} when it does not look like one. */
export function parseParcelLabel(raw: string): { SoThua?: number; LoaiDat?: string; DienTich?: number } {
  const parts = plainText(raw).split(/[\s/]+/).filter(Boolean);
  if (parts.length === 0 || !/^\d{1,6}$/.test(parts[0])) return {};
  const out: { SoThua?: number; LoaiDat?: string; DienTich?: number } = { SoThua: Number(parts[0]) };
  for (const p of parts.slice(1)) {
    if (out.LoaiDat === undefined && /^[A-Z]{2,4}(\+[A-Z]{2,4})*$/.test(p)) out.LoaiDat = p;
    else if (out.DienTich === undefined && /^\d+([.,]\d+)?$/.test(p)) out.DienTich = Number(p.replace(',', '.')); // m²
  }
  return out;
}

/** MTEXT → plain text: \P is a line break; formatting codes (\fArial|b0; \H2.5; \A1; braces) are dropped. */
export function plainText(raw: string): string {
  return raw.replace(/\\P/g, '\n').replace(/\\[A-Za-z][^;\\{}]*;/g, '').replace(/[{}]/g, '').trim();
}

/** Shoelace area of a ring (drawing units², sign = orientation). */
function signedArea(points: Position[]): number {
  let s = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) s += (points[j][0] + points[i][0]) * (points[j][1] - points[i][1]);
  return s / 2;
}

function inRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const handleText = (h: unknown) => (typeof h === 'number' ? h.toString(16).toUpperCase() : String(h ?? '?'));

/** Closed polylines and labels of the drawing, in file order. */
function collect(entities: Record<string, unknown>[]): { rings: Ring[]; labels: Label[] } {
  const rings: Ring[] = [];
  const labels: Label[] = [];
  entities.forEach((e, order) => {
    const type = e.type as string;
    if (type === 'LWPOLYLINE' || type === 'POLYLINE') {
      const points = ((e.vertices ?? []) as { x: number; y: number }[]).map((v) => [v.x, v.y]);
      // closed by flag (70 = 1) or by a last vertex on the first (GDAL and many CAD exports write it so)
      const last = points[points.length - 1];
      const coincident = points.length >= 4 && last[0] === points[0][0] && last[1] === points[0][1];
      if (coincident) points.pop();
      if ((e.shape || coincident) && points.length >= 3) {
        rings.push({ handle: handleText(e.handle), layer: String(e.layer ?? ''), points, area: Math.abs(signedArea(points)), order });
      }
    } else if ((type === 'MTEXT' || type === 'TEXT') && typeof e.text === 'string') {
      const at = (type === 'MTEXT' ? e.position : e.startPoint) as { x: number; y: number } | undefined;
      if (at) labels.push({ text: e.text, at: [at.x, at.y] });
    }
  });
  return { rings, labels };
}

/** Rings, labels → polygon features: holes to their smallest container, labels to the smallest ring around them. */
export function buildFeatures(rings: Ring[], labels: Label[]): SourceFeature[] {
  const bySize = [...rings].sort((a, b) => a.area - b.area);
  const container = new Map<Ring, Ring>();
  for (const r of bySize) {
    const outer = bySize.find((s) => s !== r && s.area > r.area && r.points.every((p) => inRing(p, s.points)));
    if (outer) container.set(r, outer);
  }
  const labelOf = new Map<Ring, string>();
  for (const l of labels) {
    const owner = bySize.find((r) => inRing(l.at, r.points));
    if (owner && !labelOf.has(owner)) labelOf.set(owner, l.text);
  }
  const close = (pts: Position[]) => [...pts, pts[0]];
  return rings
    .filter((r) => !container.has(r) || labelOf.has(r))
    .map((r) => {
      const holes = rings.filter((h) => container.get(h) === r).map((h) => close(h.points));
      const geometry: Polygon = { type: 'Polygon', coordinates: [close(r.points), ...holes] };
      const text = labelOf.get(r) ?? null;
      const properties: Record<string, unknown> = { Layer: r.layer, Text: text };
      if (text) Object.assign(properties, parseParcelLabel(text));
      return { ref: `handle ${r.handle}`, geometry, properties };
    });
}

/**
 * DXF text: UTF-8 from AutoCAD 2007 on; older files are in the $DWGCODEPAGE code page (ANSI_1258 for Vietnamese
 * Windows). TCVN3 (.VnTime font) labels are not converted: their letters come out as Windows-1258 look-alikes.
 */
export function decodeDxf(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const page = /\$DWGCODEPAGE\s*\r?\n\s*3\s*\r?\n\s*ANSI_(\d+)/.exec(bytes.subarray(0, 8192).toString('latin1'))?.[1] ?? '1252';
    try {
      return new TextDecoder(`windows-${page}`).decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
}

/** Opens a DXF file (parsed whole, after the size check). */
export async function openDxf(filePath: string): Promise<OpenedSource> {
  const size = fs.statSync(filePath).size;
  if (size > IMPORT_DXF_MAX_BYTES) {
    const mb = Math.round(IMPORT_DXF_MAX_BYTES / 1024 ** 2);
    throw new UnreadableFileError(`Tệp DXF lớn hơn ${mb} MB; hãy chia nhỏ theo tờ bản đồ. / The DXF file is larger than ${mb} MB; split it by map sheet.`);
  }
  let dxf: { entities?: Record<string, unknown>[] } | null;
  try {
    dxf = new DxfParser().parseSync(decodeDxf(fs.readFileSync(filePath))) as unknown as typeof dxf;
  } catch (e) {
    throw new UnreadableFileError(`Tệp DXF bị hỏng. / The DXF file is corrupt (${(e as Error).message}).`);
  }
  const { rings, labels } = collect(dxf?.entities ?? []);
  const features = buildFeatures(rings, labels);
  let done = 0;
  return {
    format: 'dxf',
    fields: ['Layer', 'Text', 'SoThua', 'LoaiDat', 'DienTich'],
    crs: { wkt: null, epsg: null },
    async *features() {
      for (const f of features) { done++; yield f; }
    },
    progress: () => ({ done, total: features.length }),
    close: async () => undefined,
  };
}
