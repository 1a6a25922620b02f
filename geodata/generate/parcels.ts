/**
 * The parcel fabric: block subdivision plus main-road strips, shared vertices, clipping to the ward (slivers
 * under 20 m² dropped), output geometry in EPSG:4326 and the mapped area in EPSG:9209.
 */
import type { MultiPolygon } from 'geojson';
import type { FormerUnitId } from './types';
import type { Rng } from './prng';
import { ringsWithSharedVertices, subdivide, type BlockKind } from './fabric';
import { roadStrips, type RoadSpec } from './grid';
import { clip, lonLatArea, multiArea, pointOnSurface, rectInsidePoly, type Multi, type Rect } from './geometry';
import { unitAt, type Layout } from './layout';
import type { Sources } from './sources';
import type { LocalFrame, XY } from './projection';

export type Tenure = 'private' | 'state' | 'community';

export interface WorkParcel {
  idx: number;
  kind: BlockKind | 'road';
  road: RoadSpec | null;
  rect: Rect; // before clipping, local frame
  clipped: boolean;
  ll: MultiPolygon; // output geometry, EPSG:4326, 1e-7°
  area: number; // m², EPSG:9209, computed on `ll`
  pos: XY; // point on surface, local frame
  unit: FormerUnitId;
  village: string | null;
  landUse: string;
  tenure: Tenure;
}

const MIN_AREA = 20; // m²; smaller clipped pieces are slivers

/** Output geometry: local frame → EPSG:9209 → lon/lat rounded to 1e-7°. */
export function toOutput(frame: LocalFrame, m: Multi): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: m.map((poly) => poly.map((ring) => ring.map((p) => frame.toLonLat(p)))) };
}

function initialLandUse(rng: Rng, kind: BlockKind | 'road', unit: FormerUnitId): string {
  switch (kind) {
    case 'residential':
      return rng.chance(0.08) ? 'CLN' : unit === 'an-phu' ? 'ODT' : 'ONT'; // An Phụ was a phường: urban land
    case 'garden':
      return 'CLN';
    case 'public':
      return rng.chance(0.7) ? 'CLN' : 'HNK';
    case 'civic':
      return 'NTD';
    case 'pond':
      return 'NTS';
    case 'annual':
      return 'HNK';
    case 'cluster':
      return rng.chance(0.65) ? 'LUC' : 'CLN';
    case 'road':
      return 'DGT';
    default:
      return 'LUC';
  }
}

function tenureOf(kind: BlockKind | 'road'): Tenure {
  return kind === 'road' || kind === 'public' || kind === 'civic' ? 'state' : 'private';
}

interface Seed {
  rect: Rect;
  kind: BlockKind | 'road';
  road: RoadSpec | null;
  village: string | null;
  inside: boolean;
}

function seeds(rng: Rng, s: Sources, layout: Layout): Seed[] {
  const out: Seed[] = [];
  for (const c of layout.cells)
    for (const rect of subdivide(rng, c.rect, c.kind)) out.push({ rect, kind: c.kind, road: null, village: c.village, inside: c.inside });
  for (const { road, rect } of roadStrips(layout.grid)) {
    const inside = rectInsidePoly(rect, s.ward);
    out.push({ rect, kind: 'road', road, village: null, inside });
  }
  return out;
}

/** Builds every parcel of the fabric (land use and tenure are refined later). */
export function buildParcels(rng: Rng, s: Sources, layout: Layout): WorkParcel[] {
  const list = seeds(rng, s, layout);
  const rings = ringsWithSharedVertices(list.map((x) => x.rect));
  const out: WorkParcel[] = [];
  list.forEach((seed, i) => {
    let local: Multi = [[rings[i]]];
    if (!seed.inside) {
      local = clip([rings[i]], s.ward).filter((poly) => multiArea([poly]) >= MIN_AREA);
      if (local.length === 0) return;
    }
    const ll = toOutput(s.frame, local);
    const pos = pointOnSurface(local);
    const unit = unitAt(s, pos);
    out.push({
      idx: out.length,
      kind: seed.kind,
      road: seed.road,
      rect: seed.rect,
      clipped: !seed.inside,
      ll,
      area: lonLatArea(ll),
      pos,
      unit,
      village: seed.village,
      landUse: initialLandUse(rng, seed.kind, unit),
      tenure: tenureOf(seed.kind),
    });
  });
  return out;
}
