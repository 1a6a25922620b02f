/**
 * Residential groups (16 tổ dân phố, a Voronoi partition of the ward around seeds in the former units) and
 * the cadastral keys: map sheets (số tờ) as 1,000 m × 700 m tiles numbered per former unit, parcels (số thửa)
 * numbered per sheet from north-west to south-east.
 */
import { featureCollection, point, voronoi } from '@turf/turf';
import type { DemoResidentialGroup, FormerUnitId } from './types';
import { GROUP_VILLAGES } from './names';
import type { Layout } from './layout';
import type { Sources } from './sources';
import type { WorkParcel } from './parcels';
import { toOutput } from './parcels';
import { clip, distance, type Poly } from './geometry';
import type { XY } from './projection';

export interface Group {
  id: string;
  name: string;
  unit: FormerUnitId;
  seed: XY;
}

/** Seeds: the village centre, or for a second group of a village the block near it farthest from other seeds. */
export function groupSeeds(layout: Layout): Group[] {
  const seeds: Group[] = [];
  const all = GROUP_VILLAGES.map((name) => ({ name, base: name.replace(/ 2$/, '') }));
  const village = (n: string) => layout.villages.find((v) => v.name === n)!;
  for (const g of all.filter((x) => x.name === x.base)) {
    const v = village(g.base);
    seeds.push({ id: '', name: g.name, unit: v.formerUnitId, seed: v.centre });
  }
  for (const g of all.filter((x) => x.name !== x.base)) {
    const v = village(g.base);
    const near = layout.cells.filter((c) => c.unit === v.formerUnitId && distance(c.centre, v.centre) < 1600);
    const best = near.reduce((a, b) => (minDist(a.centre, seeds) >= minDist(b.centre, seeds) ? a : b));
    seeds.push({ id: '', name: g.name, unit: v.formerUnitId, seed: best.centre });
  }
  const order = new Map(GROUP_VILLAGES.map((n, i) => [n, i]));
  seeds.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
  seeds.forEach((g, i) => (g.id = `tdp-${String(i + 1).padStart(2, '0')}`));
  return seeds;
}

function minDist(p: XY, seeds: Group[]): number {
  return Math.min(...seeds.map((s) => distance(p, s.seed)));
}

export function nearestGroup(groups: Group[], p: XY): Group {
  return groups.reduce((a, b) => (distance(a.seed, p) <= distance(b.seed, p) ? a : b));
}

/** Group polygons: Voronoi cells of the seeds clipped to the ward (they partition it). */
export function groupPolygons(s: Sources, groups: Group[]): DemoResidentialGroup[] {
  const us = s.ward[0].map((p) => p[0]);
  const vs = s.ward[0].map((p) => p[1]);
  const bbox: [number, number, number, number] = [Math.min(...us) - 500, Math.min(...vs) - 500, Math.max(...us) + 500, Math.max(...vs) + 500];
  const cells = voronoi(featureCollection(groups.map((g) => point(g.seed))), { bbox });
  return groups.map((g, i) => ({
    id: g.id,
    name: `Tổ dân phố ${g.name}`,
    formerUnitId: g.unit,
    geom: toOutput(s.frame, clip(cells.features[i]!.geometry.coordinates as Poly, s.ward)),
  }));
}

const SHEET_W = 1000; // m
const SHEET_H = 700; // m

/** Assigns mapSheetNo / parcelNo; returns them in parcel order. */
export function cadastralKeys(s: Sources, parcels: WorkParcel[]): { sheet: number; no: number }[] {
  const u0 = Math.min(...s.ward[0].map((p) => p[0]));
  const v1 = Math.max(...s.ward[0].map((p) => p[1]));
  const tile = (p: WorkParcel) => [Math.floor((v1 - p.pos[1]) / SHEET_H), Math.floor((p.pos[0] - u0) / SHEET_W)];
  const sheetOf = new Map<string, number>();
  for (const unit of s.units.map((u) => u.id)) {
    const tiles = [...new Set(parcels.filter((p) => p.unit === unit).map((p) => tile(p).join(',')))];
    tiles.sort((a, b) => { const [ra, ca] = a.split(',').map(Number); const [rb, cb] = b.split(',').map(Number); return ra - rb || ca - cb; });
    tiles.forEach((t, i) => sheetOf.set(`${unit}:${t}`, i + 1));
  }
  const keys = parcels.map((p) => ({ sheet: sheetOf.get(`${p.unit}:${tile(p).join(',')}`)!, no: 0 }));
  const bySheet = new Map<string, number[]>();
  parcels.forEach((p, i) => {
    const k = `${p.unit}:${keys[i].sheet}`;
    (bySheet.get(k) ?? bySheet.set(k, []).get(k)!).push(i);
  });
  for (const idxs of bySheet.values()) {
    idxs.sort((a, b) => parcels[b].pos[1] - parcels[a].pos[1] || parcels[a].pos[0] - parcels[b].pos[0] || a - b);
    idxs.forEach((i, n) => (keys[i].no = n + 1));
  }
  return keys;
}
