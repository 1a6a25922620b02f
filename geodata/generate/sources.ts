/**
 * Reads the source GeoJSON in geodata/sources and brings the ward and its three former units into the local
 * frame (metres). The former units are clipped to the 2025 ward: Thượng Quận only partly joined Trần Liễu.
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Polygon } from 'geojson';
import type { FormerUnitId } from './types';
import { clip, multiArea, ringArea, type Multi, type Poly } from './geometry';
import { LocalFrame, toVn2000, type XY } from './projection';

export interface FormerUnit {
  id: FormerUnitId;
  name: string; // 'Hiệp Hòa'
  kind: 'xã' | 'phường';
  population: number; // report footnote 7
  geom: Multi; // local frame, clipped to the ward
}

export interface Sources {
  frame: LocalFrame;
  ward: Poly; // local frame
  units: FormerUnit[];
  wardOffice: XY; // local frame; sapnhap.bando.com.vn point (former Thượng Quận office)
}

const UNIT_META: Record<string, Omit<FormerUnit, 'geom'>> = {
  'Hiep Hoa': { id: 'hiep-hoa', name: 'Hiệp Hòa', kind: 'xã', population: 8369 },
  'Thuong Quan': { id: 'thuong-quan', name: 'Thượng Quận', kind: 'xã', population: 6921 },
  'An Phu': { id: 'an-phu', name: 'An Phụ', kind: 'phường', population: 11406 },
};

/** Rotation of the local grid against grid north, degrees (gives the fabric a less artificial look). */
const GRID_ANGLE_DEG = 14;

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../sources/${name}`, import.meta.url), 'utf8')) as T;
}

function centroid(ring: XY[]): XY {
  const a = ringArea(ring);
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const f = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    cx += (ring[i][0] + ring[i + 1][0]) * f;
    cy += (ring[i][1] + ring[i + 1][1]) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

/**
 * Densify a lon/lat ring so that no segment is longer than maxDeg. An edge that is straight in lon/lat (as
 * PostGIS stores and tests it) is slightly curved in TM-3: over a 3 km edge the sagitta reaches several cm,
 * enough to push clipped parcels m² outside the stored ward. Segments of ≤ 1e-3° (≈ 100 m) bring that below 1 mm.
 */
function densify(ring: number[][], maxDeg = 1e-3): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / maxDeg));
    for (let k = 0; k < n; k++) out.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  out.push(ring[ring.length - 1]);
  return out;
}

let cached: Sources | null = null;

/** Loads (once) the ward, the clipped former units and the ward office point in the local frame. */
export function loadSources(): Sources {
  if (cached) return cached;
  const wardFc = readJson<FeatureCollection<Polygon>>('tran_lieu_ward.geojson');
  const wardXY = wardFc.features[0].geometry.coordinates.map((r) => densify(r).map((p) => toVn2000(p)));
  const frame = new LocalFrame(centroid(wardXY[0]), GRID_ANGLE_DEG);
  const ward = wardXY.map((r) => r.map((p) => frame.fromXY(p)));
  const communes = readJson<FeatureCollection<Polygon>>('former_communes.geojson');
  const units = communes.features
    .filter((f) => f.properties?.is_tran_lieu_component)
    .map((f) => {
      const poly = f.geometry.coordinates.map((r) => densify(r).map((p) => frame.fromLonLat(p)));
      return { ...UNIT_META[f.properties!.commune as string], geom: clip(poly, ward) };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const centers = readJson<FeatureCollection>('ward_admin_centers_2025.geojson');
  const office = centers.features.find((f) => f.properties?.name === 'Trần Liễu')!;
  const wardOffice = frame.fromLonLat((office.geometry as { coordinates: number[] }).coordinates);
  cached = { frame, ward, units, wardOffice };
  return cached;
}

/** km² of each clipped unit (for the README / CLI summary). */
export function unitAreasKm2(s: Sources): Record<FormerUnitId, number> {
  const out = {} as Record<FormerUnitId, number>;
  for (const u of s.units) out[u.id] = multiArea(u.geom) / 1e6;
  return out;
}
