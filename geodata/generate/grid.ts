/**
 * The block grid in the local frame: columns and rows of blocks separated by gaps. Ordinary gaps (6 m) are
 * field roads and canals left without parcels; four gaps are widened into the main roads (ĐT 389B, ĐH 05,
 * ĐH 06, the ward axis road), which become DGT strip parcels.
 */
import type { DemoRoad } from './types';
import type { Rng } from './prng';
import { cm } from './projection';
import type { Rect } from './geometry';

export type Span = [number, number];

export interface Axis {
  blocks: Span[];
  gaps: Span[]; // gaps[i] lies between blocks[i] and blocks[i + 1]
  roadGap: Map<number, RoadSpec>; // gap index → road
}

export interface RoadSpec {
  name: string;
  roadClass: DemoRoad['roadClass'];
  axis: 'u' | 'v'; // 'u': the road runs along v (a column gap); 'v': along u (a row gap)
  at: number; // approximate local coordinate of the centre line, m
  width: number; // m
}

/** Centre lines chosen so that ĐT 389B passes the ward office (the former Thượng Quận commune office). */
export const ROADS: readonly RoadSpec[] = [
  { name: 'ĐT 389B', roadClass: 'provincial', axis: 'v', at: -560, width: 20 },
  { name: 'Đường trục phường', roadClass: 'ward', axis: 'v', at: 1850, width: 12 },
  { name: 'ĐH 05', roadClass: 'district', axis: 'u', at: -1500, width: 14 },
  { name: 'ĐH 06', roadClass: 'district', axis: 'u', at: 1750, width: 14 },
];

const FIELD_GAP = 6; // m, field road or canal between blocks

/** Builds one axis of blocks from min to max; block sizes are drawn from `size`. */
export function buildAxis(rng: Rng, min: number, max: number, size: Span, roads: RoadSpec[]): Axis {
  const blocks: Span[] = [];
  const gaps: Span[] = [];
  const roadGap = new Map<number, RoadSpec>();
  const pending = roads.slice().sort((a, b) => a.at - b.at);
  let x = cm(min - 20);
  while (x < max + 20) {
    let w = rng.range(size[0], size[1]);
    let gap = FIELD_GAP;
    const road = pending[0];
    if (road && road.at - road.width / 2 - x < w + size[0] * 0.7) {
      w = road.at - road.width / 2 - x;
      gap = road.width;
      pending.shift();
      roadGap.set(blocks.length, road);
    }
    const end = cm(x + w);
    blocks.push([x, end]);
    gaps.push([end, cm(end + gap)]);
    x = cm(end + gap);
  }
  gaps.pop();
  return { blocks, gaps, roadGap };
}

export interface Grid {
  cols: Axis;
  rows: Axis;
}

export function cellRect(g: Grid, col: number, row: number): Rect {
  const [u0, u1] = g.cols.blocks[col];
  const [v0, v1] = g.rows.blocks[row];
  return { u0, v0, u1, v1 };
}

function mid(s: Span): number {
  return cm((s[0] + s[1]) / 2);
}

/**
 * Strip rectangles of every main road, cut at the middle of the crossing field gaps. A column road passes
 * straight through crossings; a row road stops at the column road's edges, so the strips never overlap.
 */
export function roadStrips(g: Grid): { road: RoadSpec; rect: Rect }[] {
  const out: { road: RoadSpec; rect: Rect }[] = [];
  for (const [gi, road] of g.cols.roadGap) {
    const [u0, u1] = g.cols.gaps[gi];
    const rows = g.rows;
    rows.blocks.forEach((b, i) => {
      const v0 = i === 0 ? b[0] : mid(rows.gaps[i - 1]);
      const v1 = i === rows.blocks.length - 1 ? b[1] : mid(rows.gaps[i]);
      out.push({ road, rect: { u0, v0, u1, v1 } });
    });
  }
  for (const [gi, road] of g.rows.roadGap) {
    const [v0, v1] = g.rows.gaps[gi];
    const cols = g.cols;
    cols.blocks.forEach((b, j) => {
      const left = j === 0 ? null : cols.gaps[j - 1];
      const right = j === cols.blocks.length - 1 ? null : cols.gaps[j];
      const u0 = left === null ? b[0] : cols.roadGap.has(j - 1) ? left[1] : mid(left);
      const u1 = right === null ? b[1] : cols.roadGap.has(j) ? right[0] : mid(right);
      out.push({ road, rect: { u0, v0, u1, v1 } });
    });
  }
  return out;
}

/** Centre line of a road across the whole grid (local frame); clipped to the ward by the caller. */
export function roadCentreLine(g: Grid, road: RoadSpec): [[number, number], [number, number]] {
  const axis = road.axis === 'u' ? g.cols : g.rows;
  const other = road.axis === 'u' ? g.rows : g.cols;
  const gi = [...axis.roadGap.entries()].find(([, r]) => r === road)![0];
  const c = mid(axis.gaps[gi]);
  const a = other.blocks[0][0];
  const b = other.blocks[other.blocks.length - 1][1];
  return road.axis === 'u' ? [[c, a], [c, b]] : [[a, c], [b, c]];
}
