/**
 * Land-use layout of the block grid: the An Phụ industrial cluster, village cores (ONT/ODT), a ring of
 * gardens, public land and civic blocks around each village, a few pond blocks, rice and annual crops beyond.
 */
import type { FormerUnitId } from './types';
import type { Rng } from './prng';
import type { BlockKind } from './fabric';
import { buildAxis, cellRect, ROADS, type Grid } from './grid';
import { distance, distanceToMulti, pointInMulti, rectInsidePoly, rectOutsidePoly, type Rect } from './geometry';
import type { Sources } from './sources';
import { VILLAGES, type Village } from './names';
import type { XY } from './projection';

export interface Cell {
  col: number;
  row: number;
  rect: Rect;
  centre: XY;
  inside: boolean; // wholly inside the ward (no clipping needed)
  unit: FormerUnitId;
  kind: BlockKind;
  village: string | null; // nearest village core
}

export interface PlacedVillage extends Village {
  centre: XY;
}

export interface Layout {
  grid: Grid;
  cells: Cell[];
  villages: PlacedVillage[];
  cluster: { cols: [number, number]; rows: [number, number] };
}

/** Residential blocks in all (≈ 4 ha each); shared among villages by population. */
const RESIDENTIAL_BLOCKS = 48;
const CLUSTER_COLS = 4;
const CLUSTER_ROWS = 2;

export function unitAt(s: Sources, p: XY): FormerUnitId {
  const hit = s.units.find((u) => pointInMulti(p, u.geom));
  if (hit) return hit.id;
  return s.units.reduce((best, u) => (distanceToMulti(p, u.geom) < distanceToMulti(p, best.geom) ? u : best)).id;
}

function buildCells(s: Sources, grid: Grid): Cell[] {
  const cells: Cell[] = [];
  grid.cols.blocks.forEach((_, col) =>
    grid.rows.blocks.forEach((__, row) => {
      const rect = cellRect(grid, col, row);
      if (rectOutsidePoly(rect, s.ward)) return;
      const centre: XY = [(rect.u0 + rect.u1) / 2, (rect.v0 + rect.v1) / 2];
      const inside = rectInsidePoly(rect, s.ward);
      if (!inside && !pointInMulti(centre, [s.ward]) && !cornersTouch(rect, s)) return;
      cells.push({ col, row, rect, centre, inside, unit: unitAt(s, centre), kind: 'rice', village: null });
    }),
  );
  return cells;
}

function cornersTouch(r: Rect, s: Sources): boolean {
  return [[r.u0, r.v0], [r.u1, r.v0], [r.u1, r.v1], [r.u0, r.v1]].some((c) => pointInMulti(c, [s.ward]));
}

/** Picks the cluster window: CLUSTER_COLS × CLUSTER_ROWS whole blocks in An Phụ, bounded by field gaps only. */
function placeCluster(rng: Rng, grid: Grid, cells: Cell[]): Layout['cluster'] {
  const byKey = new Map(cells.map((c) => [`${c.col},${c.row}`, c]));
  const candidates: Layout['cluster'][] = [];
  for (const c of cells) {
    const cols: [number, number] = [c.col, c.col + CLUSTER_COLS - 1];
    const rows: [number, number] = [c.row, c.row + CLUSTER_ROWS - 1];
    let ok = true;
    for (let i = cols[0] - 1; i <= cols[1] + 1 && ok; i++)
      for (let j = rows[0] - 1; j <= rows[1] + 1 && ok; j++) {
        const cell = byKey.get(`${i},${j}`);
        ok = !!cell && cell.inside && cell.unit === 'an-phu';
      }
    for (let i = cols[0] - 1; i <= cols[1] && ok; i++) ok = !grid.cols.roadGap.has(i);
    for (let j = rows[0] - 1; j <= rows[1] && ok; j++) ok = !grid.rows.roadGap.has(j);
    if (ok) candidates.push({ cols, rows });
  }
  if (candidates.length === 0) throw new Error('no room for the An Phụ industrial cluster');
  return rng.pick(candidates);
}

function placeVillages(rng: Rng, s: Sources, cells: Cell[]): PlacedVillage[] {
  const placed: PlacedVillage[] = [];
  for (const v of VILLAGES) {
    const pool = cells.filter(
      (c) => c.inside && c.unit === v.formerUnitId && c.kind === 'rice' && distanceToMulti(c.centre, s.units.find((u) => u.id === v.formerUnitId)!.geom) > 350,
    );
    for (let minGap = 1300; ; minGap -= 100) {
      const ok = pool.filter((c) => placed.every((p) => distance(p.centre, c.centre) >= minGap));
      if (ok.length > 0 || minGap <= 300) {
        const c = rng.pick(ok.length > 0 ? ok : pool);
        placed.push({ ...v, centre: c.centre });
        break;
      }
    }
  }
  return placed;
}

/** Village blocks, assigned round-robin so no village takes another's nearest blocks. */
function assignVillageBlocks(s: Sources, cells: Cell[], villages: PlacedVillage[]): void {
  const popOf = (v: PlacedVillage) => {
    const unit = s.units.find((u) => u.id === v.formerUnitId)!;
    return unit.population / VILLAGES.filter((w) => w.formerUnitId === v.formerUnitId).length;
  };
  const totalPop = villages.reduce((sum, v) => sum + popOf(v), 0);
  const plan = villages.map((v) => {
    const res = Math.max(2, Math.round((RESIDENTIAL_BLOCKS * popOf(v)) / totalPop));
    const kinds: BlockKind[] = [...Array(res).fill('residential'), 'civic', 'garden', 'public', 'public'];
    return { v, kinds };
  });
  for (let step = 0; plan.some((p) => step < p.kinds.length); step++)
    for (const { v, kinds } of plan) {
      if (step >= kinds.length) continue;
      const free = cells.filter((c) => c.kind === 'rice' && c.village === null && c.inside);
      const best = free.reduce((a, b) => (distance(a.centre, v.centre) <= distance(b.centre, v.centre) ? a : b));
      best.kind = kinds[step];
      best.village = v.name;
    }
}

/** Builds the grid and classifies its blocks. */
export function buildLayout(rng: Rng, s: Sources): Layout {
  const us = s.ward[0].map((p) => p[0]);
  const vs = s.ward[0].map((p) => p[1]);
  const grid: Grid = {
    cols: buildAxis(rng, Math.min(...us), Math.max(...us), [200, 250], ROADS.filter((r) => r.axis === 'u')),
    rows: buildAxis(rng, Math.min(...vs), Math.max(...vs), [165, 205], ROADS.filter((r) => r.axis === 'v')),
  };
  const cells = buildCells(s, grid);
  const cluster = placeCluster(rng, grid, cells);
  for (const c of cells)
    if (c.col >= cluster.cols[0] && c.col <= cluster.cols[1] && c.row >= cluster.rows[0] && c.row <= cluster.rows[1])
      c.kind = 'cluster';
  const villages = placeVillages(rng, s, cells);
  assignVillageBlocks(s, cells, villages);
  const rest = rng.shuffle(cells.filter((c) => c.kind === 'rice' && c.inside));
  rest.slice(0, 3).forEach((c) => (c.kind = 'pond'));
  for (const c of cells) {
    if (c.kind !== 'rice') continue;
    const near = villages.reduce((a, b) => (distance(a.centre, c.centre) <= distance(b.centre, c.centre) ? a : b));
    c.village = near.name;
    if (rng.chance(0.14)) c.kind = 'annual';
  }
  return { grid, cells, villages, cluster };
}
