/**
 * Zipped ESRI Shapefile (ESRI Shapefile Technical Description, 1998): .shp/.shx geometry, .dbf attributes
 * (dBASE III, UTF-8 text declared by the .cpg), .prj (WKT of the CRS, see ./prj.ts). Coordinates come already
 * transformed by PostGIS (degrees for EPSG:4326, metres for VN-2000).
 */
import type { Geometry, Position } from 'geojson';
import type { LayerExportCrs, LayerId } from '../../api/contract.ts';
import type { ExportRow } from './export.repo.ts';
import { dbfTable } from './dbf.ts';
import { prjWkt } from './prj.ts';
import { zip } from './zip.ts';

const SHAPE = { null: 0, point: 1, polyline: 3, polygon: 5 } as const;
type ShapeType = (typeof SHAPE)[keyof typeof SHAPE];

function shapeTypeOf(geoms: readonly (Geometry | null)[]): ShapeType {
  const t = geoms.find((g) => g)?.type;
  if (t === 'Polygon' || t === 'MultiPolygon') return SHAPE.polygon;
  if (t === 'LineString' || t === 'MultiLineString') return SHAPE.polyline;
  if (t === 'Point') return SHAPE.point;
  if (t === undefined) return SHAPE.null;
  throw new Error(`Shapefile export: unsupported geometry ${t}`);
}

/** Twice the signed area: > 0 for a counter-clockwise ring (x east, y north). */
const signedArea2 = (ring: Position[]): number =>
  ring.reduce((s, p, i) => (i === 0 ? s : s + ring[i - 1][0] * p[1] - p[0] * ring[i - 1][1]), 0);

/** The parts of a geometry; polygon rings oriented as the format wants (outer clockwise, holes anticlockwise). */
function partsOf(g: Geometry): Position[][] {
  const orient = (ring: Position[], outer: boolean) => ((signedArea2(ring) > 0) === outer ? [...ring].reverse() : ring);
  const polygon = (rings: Position[][]) => rings.map((r, i) => orient(r, i === 0));
  switch (g.type) {
    case 'Polygon': return polygon(g.coordinates);
    case 'MultiPolygon': return g.coordinates.flatMap(polygon);
    case 'LineString': return [g.coordinates];
    case 'MultiLineString': return g.coordinates;
    case 'Point': return [[g.coordinates]];
    default: throw new Error(`Shapefile export: unsupported geometry ${g.type}`);
  }
}

type Box = [number, number, number, number];
const boxOf = (pts: Position[], b: Box = [Infinity, Infinity, -Infinity, -Infinity]): Box =>
  pts.reduce<Box>((a, p) => [Math.min(a[0], p[0]), Math.min(a[1], p[1]), Math.max(a[2], p[0]), Math.max(a[3], p[1])], b);

/** The content of one shape record (little-endian). */
function shapeRecord(type: ShapeType, g: Geometry | null): Buffer {
  if (!g) return Buffer.from([0, 0, 0, 0]);
  const parts = partsOf(g);
  if (type === SHAPE.point) {
    const b = Buffer.alloc(20);
    b.writeInt32LE(type, 0); b.writeDoubleLE(parts[0][0][0], 4); b.writeDoubleLE(parts[0][0][1], 12);
    return b;
  }
  const points = parts.flat();
  const b = Buffer.alloc(44 + 4 * parts.length + 16 * points.length);
  b.writeInt32LE(type, 0);
  boxOf(points).forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
  b.writeInt32LE(parts.length, 36);
  b.writeInt32LE(points.length, 40);
  let start = 0;
  parts.forEach((p, i) => { b.writeInt32LE(start, 44 + 4 * i); start += p.length; });
  const at = 44 + 4 * parts.length;
  points.forEach((p, i) => { b.writeDoubleLE(p[0], at + 16 * i); b.writeDoubleLE(p[1], at + 16 * i + 8); });
  return b;
}

/** The 100-byte header shared by .shp and .shx; lengths count 16-bit words. */
function fileHeader(type: ShapeType, bytes: number, box: Box): Buffer {
  const h = Buffer.alloc(100);
  h.writeInt32BE(9994, 0);
  h.writeInt32BE(bytes / 2, 24);
  h.writeInt32LE(1000, 28);
  h.writeInt32LE(type, 32);
  (box[0] <= box[2] ? box : [0, 0, 0, 0]).forEach((v, i) => h.writeDoubleLE(v, 36 + 8 * i));
  return h;
}

/** .shp and .shx of the geometries. */
export function shpShx(geoms: readonly (Geometry | null)[]): { shp: Buffer; shx: Buffer; type: ShapeType } {
  const type = shapeTypeOf(geoms);
  const contents = geoms.map((g) => shapeRecord(type, g));
  const box = geoms.reduce<Box>((b, g) => (g ? boxOf(partsOf(g).flat(), b) : b), [Infinity, Infinity, -Infinity, -Infinity]);
  const records: Buffer[] = [];
  const index = Buffer.alloc(8 * contents.length);
  let offset = 100;
  contents.forEach((c, i) => {
    const rh = Buffer.alloc(8);
    rh.writeInt32BE(i + 1, 0); rh.writeInt32BE(c.length / 2, 4);
    index.writeInt32BE(offset / 2, 8 * i); index.writeInt32BE(c.length / 2, 8 * i + 4);
    records.push(rh, c);
    offset += 8 + c.length;
  });
  const shp = Buffer.concat([fileHeader(type, offset, box), ...records]);
  const shx = Buffer.concat([fileHeader(type, 100 + index.length, box), index]);
  return { shp, shx, type };
}

/** The zip: <base>.shp, .shx, .dbf, .prj, .cpg with base like tran-lieu_parcels_EPSG9209. */
export function toShapefileZip(layer: LayerId, crs: LayerExportCrs, rows: readonly ExportRow[]): Buffer {
  const base = `tran-lieu_${layer}_EPSG${crs}`;
  const { shp, shx } = shpShx(rows.map((r) => (r.geometry ? (JSON.parse(r.geometry) as Geometry) : null)));
  return zip([
    { name: `${base}.shp`, data: shp },
    { name: `${base}.shx`, data: shx },
    { name: `${base}.dbf`, data: dbfTable(rows.map((r) => r.properties)) },
    { name: `${base}.prj`, data: Buffer.from(prjWkt(crs), 'utf8') },
    { name: `${base}.cpg`, data: Buffer.from('UTF-8', 'ascii') },
  ]);
}
