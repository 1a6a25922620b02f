/**
 * Subset selection with an exact-ish sum: used to hit the report's areas (5.4 ha of ponds, 59.5 ha of leased
 * public land, 93.3 % of the cluster handed over) with whole parcels.
 */
import type { Rng } from './prng';

export interface Item {
  id: number;
  area: number;
}

/**
 * Picks `count` items (or any number when count is null) whose areas sum to target ± tol.
 * Starts from a random pick and improves it by single swaps/additions; throws if it cannot reach the band.
 */
export function selectBySum(rng: Rng, items: readonly Item[], target: number, tol: number, count: number | null): Item[] {
  const pool = rng.shuffle(items);
  let chosen: Item[];
  if (count !== null) {
    if (pool.length < count) throw new Error(`selectBySum: ${pool.length} items, ${count} needed`);
    chosen = pool.slice(0, count);
  } else {
    chosen = [];
    let sum = 0;
    for (const it of pool) if (sum + it.area <= target) (chosen.push(it), (sum += it.area));
  }
  const inSet = new Set(chosen.map((c) => c.id));
  for (let iter = 0; iter < 200; iter++) {
    const diff = chosen.reduce((s, c) => s + c.area, 0) - target;
    if (Math.abs(diff) <= tol) return chosen.sort((a, b) => a.id - b.id);
    const rest = pool.filter((p) => !inSet.has(p.id));
    const best = bestSwap(chosen, rest, diff, count === null);
    if (!best) break;
    if (best.out) {
      chosen = chosen.filter((c) => c !== best.out);
      inSet.delete(best.out.id);
    }
    if (best.in) {
      chosen.push(best.in);
      inSet.add(best.in.id);
    }
  }
  throw new Error(`selectBySum: could not reach ${target} ± ${tol}`);
}

interface Move {
  out: Item | null;
  in: Item | null;
  after: number;
}

function bestSwap(chosen: Item[], rest: Item[], diff: number, free: boolean): Move | null {
  const sorted = rest.slice().sort((a, b) => a.area - b.area);
  let best: Move | null = null;
  const consider = (m: Move) => {
    if (!best || Math.abs(m.after) < Math.abs(best.after)) best = m;
  };
  for (const out of chosen) {
    // want in.area ≈ out.area - diff
    const want = out.area - diff;
    const k = lowerBound(sorted, want);
    for (const j of [k - 1, k]) if (sorted[j]) consider({ out, in: sorted[j], after: diff - out.area + sorted[j].area });
    if (free) consider({ out, in: null, after: diff - out.area });
  }
  if (free && sorted.length > 0) {
    const k = lowerBound(sorted, -diff);
    for (const j of [k - 1, k]) if (sorted[j]) consider({ out: null, in: sorted[j], after: diff + sorted[j].area });
  }
  return best && Math.abs((best as Move).after) < Math.abs(diff) ? best : null;
}

function lowerBound(sorted: Item[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m].area < value) lo = m + 1;
    else hi = m;
  }
  return lo;
}
