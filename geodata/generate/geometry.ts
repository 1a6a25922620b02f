/**
 * Planar geometry helpers in metres (local frame or EPSG:9209). Rings are closed (first = last), exterior
 * counter-clockwise. Polygon clipping is delegated to turf (polyclip-ts).
 */
import { featureCollection, intersect, multiPolygon as turfMulti, polygon as turfPolygon } from '@turf/turf';
import type { Feature, MultiPolygon as GeoMulti, Polygon } from 'geojson';
import { toVn2000, type XY } from './projection';

export type Ring = XY[];
export type Poly = Ring[];
export type Multi = Poly[];

/** Axis-aligned rectangle in the local frame, metres. */
export interface Rect {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
}

/** Signed shoelace area of a closed ring (positive when counter-clockwise), m². */
export function ringArea(ring: readonly XY[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/** Area of a multipolygon (exterior minus holes), m². */
export function multiArea(m: Multi): number {
  let a = 0;
  for (const poly of m) poly.forEach((ring, i) => (a += i === 0 ? Math.abs(ringArea(ring)) : -Math.abs(ringArea(ring))));
  return a;
}

/** EPSG:9209 area of a lon/lat MultiPolygon, as the server computes it (ST_Area(ST_Transform(geom, 9209))). */
export function lonLatArea(m: GeoMulti): number {
  return multiArea(m.coordinates.map((poly) => poly.map((ring) => ring.map((p) => toVn2000(p)))));
}

export function rectRing(r: Rect): Ring {
  return [[r.u0, r.v0], [r.u1, r.v0], [r.u1, r.v1], [r.u0, r.v1], [r.u0, r.v0]];
}

export function rectArea(r: Rect): number {
  return (r.u1 - r.u0) * (r.v1 - r.v0);
}

export function rectOverlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.u1, b.u1) - Math.max(a.u0, b.u0);
  const h = Math.min(a.v1, b.v1) - Math.max(a.v0, b.v0);
  return w > 0 && h > 0 ? w * h : 0;
}

export function rectsOverlap(a: Rect, b: Rect, margin = 0): boolean {
  return a.u0 < b.u1 + margin && b.u0 < a.u1 + margin && a.v0 < b.v1 + margin && b.v0 < a.v1 + margin;
}

export function pointInRing(p: readonly number[], ring: readonly XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPoly(p: readonly number[], poly: Poly): boolean {
  return pointInRing(p, poly[0]) && !poly.slice(1).some((hole) => pointInRing(p, hole));
}

export function pointInMulti(p: readonly number[], m: Multi): boolean {
  return m.some((poly) => pointInPoly(p, poly));
}

/** True when the rectangle lies wholly inside the (hole-free) polygon: corners inside, no polygon vertex inside. */
export function rectInsidePoly(r: Rect, poly: Poly): boolean {
  const corners = rectRing(r).slice(0, 4);
  if (!corners.every((c) => pointInRing(c, poly[0]))) return false;
  return !poly[0].some(([x, y]) => x >= r.u0 && x <= r.u1 && y >= r.v0 && y <= r.v1);
}

export function rectOutsidePoly(r: Rect, poly: Poly): boolean {
  const ring = poly[0];
  const minX = Math.min(...ring.map((p) => p[0]));
  const maxX = Math.max(...ring.map((p) => p[0]));
  const minY = Math.min(...ring.map((p) => p[1]));
  const maxY = Math.max(...ring.map((p) => p[1]));
  return r.u1 < minX || r.u0 > maxX || r.v1 < minY || r.v0 > maxY;
}

/** Intersection of two polygons (metres), as a list of polygons; empty when disjoint. */
export function clip(a: Poly, b: Poly | Multi): Multi {
  const fb: Feature<Polygon | GeoMulti> = isMulti(b) ? turfMulti(b) : turfPolygon(b);
  const out = intersect(featureCollection<Polygon | GeoMulti>([turfPolygon(a), fb]));
  if (!out) return [];
  const g = out.geometry;
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Multi;
}

function isMulti(g: Poly | Multi): g is Multi {
  return Array.isArray(g[0]?.[0]?.[0]);
}

export function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Distance from a point to the boundary of a multipolygon, metres. */
export function distanceToMulti(p: readonly number[], m: Multi): number {
  let best = Infinity;
  for (const poly of m)
    for (const ring of poly)
      for (let i = 0; i < ring.length - 1; i++) best = Math.min(best, segmentDistance(p, ring[i], ring[i + 1]));
  return best;
}

function segmentDistance(p: readonly number[], a: readonly number[], b: readonly number[]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** A point inside the polygon: the centroid if inside, else the middle of the widest horizontal chord. */
export function pointOnSurface(m: Multi): XY {
  const poly = m.reduce((best, p) => (Math.abs(ringArea(p[0])) > Math.abs(ringArea(best[0])) ? p : best));
  const ring = poly[0];
  let cx = 0;
  let cy = 0;
  const a = ringArea(ring);
  for (let i = 0; i < ring.length - 1; i++) {
    const f = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    cx += (ring[i][0] + ring[i + 1][0]) * f;
    cy += (ring[i][1] + ring[i + 1][1]) * f;
  }
  const c: XY = [cx / (6 * a), cy / (6 * a)];
  if (pointInPoly(c, poly)) return c;
  return chordMiddle(poly, c[1]);
}

function chordMiddle(poly: Poly, y: number): XY {
  const xs: number[] = [];
  for (const ring of poly)
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[i + 1];
      if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  xs.sort((p, q) => p - q);
  let best: XY = poly[0][0];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2)
    if (xs[i + 1] - xs[i] > width) {
      width = xs[i + 1] - xs[i];
      best = [(xs[i] + xs[i + 1]) / 2, y];
    }
  return best;
}
