/**
 * Subdivision of blocks into parcels, and the topology pass: every rectangle edge receives the vertices of
 * its neighbours that lie on it, so that shared edges use identical vertices (no T-junctions).
 */
import type { Rng } from './prng';
import { cm } from './projection';
import type { Rect, Ring } from './geometry';

export type BlockKind = 'residential' | 'garden' | 'public' | 'civic' | 'pond' | 'rice' | 'annual' | 'cluster';

interface Pattern {
  rowDepth: number; // m
  width: [number, number]; // lot frontage range, m
}

// Lot sizes of a delta village: ONT lots ≈ 12–17 m × 36 m, public CLN/HNK lots ≈ 700 m², rice fields after
// dồn điền đổi thửa (plot consolidation) ≈ 0.5–0.8 ha.
const PATTERNS: Record<BlockKind, Pattern> = {
  residential: { rowDepth: 36, width: [11, 17] },
  garden: { rowDepth: 40, width: [15, 25] },
  public: { rowDepth: 40, width: [12, 22] },
  civic: { rowDepth: 90, width: [35, 70] },
  pond: { rowDepth: 90, width: [28, 55] },
  rice: { rowDepth: 90, width: [75, 130] },
  annual: { rowDepth: 90, width: [50, 90] },
  cluster: { rowDepth: 90, width: [22, 40] },
};

/** Splits [a, b] into pieces drawn from `range`; the last piece takes the remainder. */
function breaks(rng: Rng, a: number, b: number, range: [number, number]): number[] {
  const out = [a];
  let x = a;
  for (;;) {
    const w = rng.range(range[0], range[1]);
    if (b - (x + w) < range[0] * 0.8) break;
    x = cm(x + w);
    out.push(x);
  }
  out.push(b);
  return out;
}

/** Parcels of one block: rows of lots, each lot a rectangle (local frame). */
export function subdivide(rng: Rng, block: Rect, kind: BlockKind): Rect[] {
  const p = PATTERNS[kind];
  const nRows = Math.max(1, Math.round((block.v1 - block.v0) / p.rowDepth));
  const h = (block.v1 - block.v0) / nRows;
  const out: Rect[] = [];
  for (let r = 0; r < nRows; r++) {
    const v0 = r === 0 ? block.v0 : cm(block.v0 + r * h);
    const v1 = r === nRows - 1 ? block.v1 : cm(block.v0 + (r + 1) * h);
    const xs = breaks(rng, block.u0, block.u1, p.width);
    for (let i = 0; i + 1 < xs.length; i++) out.push({ u0: xs[i], v0, u1: xs[i + 1], v1 });
  }
  return out;
}

type LineIndex = Map<number, number[]>;

function addTo(index: LineIndex, key: number, value: number): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function between(index: LineIndex, key: number, a: number, b: number): number[] {
  const list = index.get(key);
  if (!list) return [];
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const vals = [...new Set(list.filter((x) => x > lo && x < hi))].sort((p, q) => p - q);
  return a < b ? vals : vals.reverse();
}

/**
 * Counter-clockwise rings for all rectangles, with every vertex of another rectangle that lies on an edge
 * inserted into that edge. Coordinates are centimetre-snapped, so equal vertices compare equal.
 */
export function ringsWithSharedVertices(rects: readonly Rect[]): Ring[] {
  const onU: LineIndex = new Map(); // u → v values of vertices on the vertical line u
  const onV: LineIndex = new Map(); // v → u values of vertices on the horizontal line v
  for (const r of rects)
    for (const [u, v] of [[r.u0, r.v0], [r.u1, r.v0], [r.u1, r.v1], [r.u0, r.v1]]) {
      addTo(onU, u, v);
      addTo(onV, v, u);
    }
  return rects.map((r) => {
    const ring: Ring = [[r.u0, r.v0]];
    for (const u of between(onV, r.v0, r.u0, r.u1)) ring.push([u, r.v0]);
    ring.push([r.u1, r.v0]);
    for (const v of between(onU, r.u1, r.v0, r.v1)) ring.push([r.u1, v]);
    ring.push([r.u1, r.v1]);
    for (const u of between(onV, r.v1, r.u1, r.u0)) ring.push([u, r.v1]);
    ring.push([r.u0, r.v1]);
    for (const v of between(onU, r.u0, r.v1, r.v0)) ring.push([r.u0, v]);
    ring.push([r.u0, r.v0]);
    return ring;
  });
}
