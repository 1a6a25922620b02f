/**
 * One label point per polygon feature, always inside it. MapLibre labels a GeoJSON polygon once per
 * tile it crosses, so a ward-sized polygon gets its name repeated; labelling a point source instead
 * draws each name once. Planar maths on lon/lat (EPSG:4326) is fine at ward scale.
 */
import type { Feature, FeatureCollection, Point, Polygon, Position } from 'geojson';

type Ring = Position[];

/** Point features (same properties and id) for every Polygon/MultiPolygon feature of `fc`. */
export function labelPoints(fc: FeatureCollection): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of fc.features) {
    const polygons: Ring[][] =
      f.geometry?.type === 'Polygon' ? [f.geometry.coordinates]
        : f.geometry?.type === 'MultiPolygon' ? f.geometry.coordinates : [];
    if (polygons.length === 0) continue;
    const largest = polygons.reduce((a, b) => (Math.abs(ringArea(b[0])) > Math.abs(ringArea(a[0])) ? b : a));
    const at = insidePoint(largest);
    if (at) features.push({ type: 'Feature', id: f.id, properties: f.properties, geometry: { type: 'Point', coordinates: at } });
  }
  return { type: 'FeatureCollection', features };
}

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a / 2;
}

/** The middle of the widest inside stretch of a horizontal line through the polygon's middle latitude. */
export function insidePoint(rings: Polygon['coordinates']): Position | null {
  const outer = rings[0];
  if (!outer || outer.length < 4) return null;
  const ys = outer.map((p) => p[1]);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  let best: { x: number; y: number; w: number } | null = null;
  // a few scanlines around the middle, so a thin neck at the exact middle does not win
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const y = minY + (maxY - minY) * t;
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x1, y1] = ring[j];
        const [x2, y2] = ring[i];
        if ((y1 > y) !== (y2 > y)) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const w = xs[k + 1] - xs[k];
      if (!best || w > best.w * 1.25) best = { x: (xs[k] + xs[k + 1]) / 2, y, w };
    }
  }
  return best ? [best.x, best.y] : null;
}
