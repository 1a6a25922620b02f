/**
 * Snapping for footprint drawing: the pointer goes to the nearest parcel vertex within a few pixels, else to
 * the nearest point on a parcel edge. Pure (screen projection passed in), so it is unit-tested without a map.
 */
import type { Position } from 'geojson';

export interface ScreenPoint { x: number; y: number }
type Project = (p: Position) => ScreenPoint;
type Unproject = (p: ScreenPoint) => Position;

/** The rings (as coordinate lists) of polygon-like geometries, e.g. rendered parcel features. */
export function ringsOf(geometries: { type: string; coordinates: unknown }[]): Position[][] {
  return geometries.flatMap((g) => {
    if (g.type === 'Polygon') return g.coordinates as Position[][];
    if (g.type === 'MultiPolygon') return (g.coordinates as Position[][][]).flat();
    return [];
  });
}

/** The nearest vertex within maxPx of the pointer, else the nearest point on an edge within maxPx, else null. */
export function snapToRings(pointer: ScreenPoint, rings: Position[][], project: Project, unproject: Unproject, maxPx: number): Position | null {
  let best: { d: number; p: Position } | null = null;
  const projected = rings.map((r) => r.map((p) => ({ p, s: project(p) })));
  for (const ring of projected) {
    for (const v of ring) {
      const d = Math.hypot(v.s.x - pointer.x, v.s.y - pointer.y);
      if (d <= maxPx && (!best || d < best.d)) best = { d, p: v.p };
    }
  }
  if (best) return best.p;
  let edge: { d: number; s: ScreenPoint } | null = null;
  for (const ring of projected) {
    for (let i = 0; i < ring.length - 1; i++) {
      const s = nearestOnSegment(pointer, ring[i].s, ring[i + 1].s);
      const d = Math.hypot(s.x - pointer.x, s.y - pointer.y);
      if (d <= maxPx && (!edge || d < edge.d)) edge = { d, s };
    }
  }
  return edge ? unproject(edge.s) : null;
}

function nearestOnSegment(p: ScreenPoint, a: ScreenPoint, b: ScreenPoint): ScreenPoint {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return { x: a.x + t * dx, y: a.y + t * dy };
}
