/**
 * The checks on a feature's geometry that Node makes before PostGIS sees it (in EPSG:4326, after the CRS
 * transform): the type, finite in-range coordinates, ring structure. Anything that would make
 * ST_GeomFromGeoJSON raise an error is caught here — an SQL error in a batch would cost the whole batch, and on
 * the embedded database a reconnect. Topology (self-intersections …) is PostGIS's job (ST_IsValidReason).
 */
import type { Geometry, Position } from 'geojson';
import type { ImportRejectReason, ImportWarning } from '../../api/contract.ts';

export interface CheckedGeometry {
  /** GeoJSON text for PostGIS: a MultiPolygon when usable, the original shape for the preview otherwise; null if none */
  geojson: string | null;
  reasons: ImportRejectReason[];
  warnings: ImportWarning[];
  detail: string | null;
}

const inRange = (p: Position): boolean =>
  p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/** Every position of a geometry, flattened (for range checks and the extent). */
export function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'MultiPoint': case 'LineString': return g.coordinates;
    case 'MultiLineString': case 'Polygon': return g.coordinates.flat();
    case 'MultiPolygon': return g.coordinates.flat(2);
    case 'GeometryCollection': return g.geometries.flatMap(positionsOf);
  }
}

/** The polygons of a Polygon, MultiPolygon or a collection of them; null when there is anything else. */
function polygonsOf(g: Geometry): Position[][][] | null {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') {
    const parts = g.geometries.map(polygonsOf);
    return parts.every((p): p is Position[][][] => p !== null) && parts.length > 0 ? parts.flat() : null;
  }
  return null;
}

/** Check and normalise one geometry already in EPSG:4326 lon/lat. */
export function checkGeometry(g: Geometry | null): CheckedGeometry {
  if (!g) return { geojson: null, reasons: ['geometry_missing'], warnings: [], detail: null };
  const positions = positionsOf(g);
  if (positions.length === 0) return { geojson: null, reasons: ['geometry_missing'], warnings: [], detail: 'hình rỗng / empty geometry' };
  if (!positions.every(inRange)) {
    return { geojson: null, reasons: ['coordinates_out_of_range'], warnings: [], detail: 'tọa độ ngoài phạm vi kinh độ/vĩ độ — sai hệ tọa độ? / coordinates out of range — wrong CRS?' };
  }
  const polygons = polygonsOf(g);
  if (!polygons) return { geojson: JSON.stringify(g), reasons: ['geometry_not_polygon'], warnings: [], detail: g.type };
  const warnings: ImportWarning[] = [];
  const fixed: Position[][][] = [];
  for (const rings of polygons) {
    const out: Position[][] = [];
    for (const ring of rings) {
      const r = ring.map((p) => [p[0], p[1]]);
      if (ring.some((p) => p.length > 2)) warnings.push('geometry_repaired'); // Z/M dropped
      const [a, b] = [r[0], r[r.length - 1]];
      if (r.length > 0 && (a[0] !== b[0] || a[1] !== b[1])) { r.push([a[0], a[1]]); warnings.push('geometry_repaired'); }
      if (r.length < 4) return { geojson: null, reasons: ['geometry_invalid'], warnings: [], detail: 'vòng ít hơn 3 đỉnh / ring with fewer than 3 vertices' };
      out.push(r);
    }
    if (out.length > 0) fixed.push(out);
  }
  if (fixed.length === 0) return { geojson: null, reasons: ['geometry_missing'], warnings: [], detail: 'hình rỗng / empty geometry' };
  return {
    geojson: JSON.stringify({ type: 'MultiPolygon', coordinates: fixed }),
    reasons: [], warnings: [...new Set(warnings)], detail: null,
  };
}
