/**
 * Main roads as centre lines clipped to the ward, with encroachment hotspots (report §II.1: encroachment on
 * ĐT 389B, ĐH 05, ĐH 06 and the ward axis road) where the road passes nearest the village cores.
 */
import type { DemoRoad } from './types';
import type { Rng } from './prng';
import type { Layout } from './layout';
import type { Sources } from './sources';
import { ROADS, roadCentreLine, type RoadSpec } from './grid';
import { distance, pointInRing } from './geometry';
import type { XY } from './projection';

/** The longest run of the line inside the ward, sampled every 10 m. */
function insideRun(s: Sources, a: XY, b: XY): XY[] {
  const n = Math.ceil(distance(a, b) / 10);
  let best: XY[] = [];
  let cur: XY[] = [];
  for (let i = 0; i <= n; i++) {
    const p: XY = [a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n];
    if (pointInRing(p, s.ward[0])) cur.push(p);
    else cur = [];
    if (cur.length > best.length) best = cur;
  }
  return best;
}

/** Distance from a point to the road's centre line in the local frame, metres. */
export function roadDistance(layout: Layout, road: RoadSpec, p: XY): number {
  const [[a0, b0]] = roadCentreLine(layout.grid, road);
  return road.axis === 'u' ? Math.abs(p[0] - a0) : Math.abs(p[1] - b0);
}

export function buildRoads(rng: Rng, s: Sources, layout: Layout): DemoRoad[] {
  return ROADS.map((road) => {
    const [a, b] = roadCentreLine(layout.grid, road);
    const run = insideRun(s, a, b);
    const hot = layout.villages
      .map((v) => ({ v, d: roadDistance(layout, road, v.centre) }))
      .sort((x, y) => x.d - y.d)
      .slice(0, 3)
      .map(({ v }) => {
        const along = road.axis === 'u' ? v.centre[1] + rng.range(-150, 150) : v.centre[0] + rng.range(-150, 150);
        const first = run[0];
        const last = run[run.length - 1];
        const k = road.axis === 'u' ? Math.min(Math.max(along, Math.min(first[1], last[1])), Math.max(first[1], last[1])) : Math.min(Math.max(along, Math.min(first[0], last[0])), Math.max(first[0], last[0]));
        const p: XY = road.axis === 'u' ? [first[0], k] : [k, first[1]];
        return { type: 'Point' as const, coordinates: s.frame.toLonLat(p) };
      });
    return {
      name: road.name,
      roadClass: road.roadClass,
      geom: { type: 'LineString' as const, coordinates: [s.frame.toLonLat(run[0]), s.frame.toLonLat(run[run.length - 1])] },
      encroachmentHotspots: hot,
    };
  });
}
