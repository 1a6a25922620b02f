/**
 * Measurements shown while drawing a footprint. Area: planar in VN-2000 / TM-3 105°30' (EPSG:9209), the same
 * measure the server stores and the land register uses (area_vn2000_m2), so the figure does not jump on save.
 * Perimeter: turf's length (m) on a sphere; in the ward about 0.15 % longer than the planar VN-2000 figure,
 * close enough for a number shown while drawing (the server stores no perimeter).
 */
import proj4 from 'proj4';
import { length, polygonToLine } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { EPSG_9209, PROJ4_DEFS } from '../../../server/api/contract';

const toVn2000 = proj4(PROJ4_DEFS['EPSG:4326'], EPSG_9209);

function ringAreaM2(ring: Position[]): number {
  const xy = ring.map((p) => toVn2000.forward([p[0], p[1]]));
  let s = 0;
  for (let i = 0; i < xy.length - 1; i++) s += xy[i][0] * xy[i + 1][1] - xy[i + 1][0] * xy[i][1];
  return Math.abs(s) / 2;
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** m², EPSG:9209 planar: outer rings minus holes. */
export function areaVn2000M2(g: Polygon | MultiPolygon): number {
  return polygonsOf(g).reduce((sum, [outer, ...holes]) => sum + ringAreaM2(outer) - holes.reduce((h, r) => h + ringAreaM2(r), 0), 0);
}

/** m, on turf's sphere, all rings. */
export function perimeterM(g: Polygon | MultiPolygon): number {
  return polygonsOf(g).reduce((sum, coordinates) => {
    const line = polygonToLine({ type: 'Polygon', coordinates });
    const features = line.type === 'FeatureCollection' ? line.features : [line];
    return sum + features.reduce((s, f) => s + length(f, { units: 'kilometers' }) * 1000, 0);
  }, 0);
}

/** "1,2345 ha (12 345 m²)" style figures for the language. */
export function formatArea(m2: number, lang: 'vi' | 'en'): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const ha = (m2 / 1e4).toLocaleString(locale, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  return `${ha} ha (${Math.round(m2).toLocaleString(locale)} m²)`;
}
