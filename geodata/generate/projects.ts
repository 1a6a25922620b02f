/**
 * The 30 projects of the 2025 land-use plan (Quyết định 442/QĐ-UBND, 25/02/2025): 116.94 ha in all. Names and
 * sizes are demo values; footprints are rectangles in the local frame whose EPSG:9209 area equals plannedAreaHa.
 */
import type { DemoProject, ProjectStatus } from './types';
import type { Rng } from './prng';
import type { Layout } from './layout';
import { unitAt } from './layout';
import type { Sources } from './sources';
import type { Grid, RoadSpec, Span } from './grid';
import { roadCentreLine } from './grid';
import { lonLatArea, rectInsidePoly, rectRing, rectsOverlap, type Rect } from './geometry';
import { toOutput } from './parcels';

export const PLAN_TOTAL_HA = 116.94;
export const PLAN_DECISION = { no: '442/QĐ-UBND', date: '2025-02-25' };

interface Spec {
  name: string;
  type: string;
  status: ProjectStatus;
  weight: number; // relative size
  road?: string; // corridor along this road
}

const CATALOG: readonly Spec[] = [
  { name: 'Nâng cấp, mở rộng đường tỉnh 389B đoạn qua phường', type: 'transport', status: 'construction', weight: 6, road: 'ĐT 389B' },
  { name: 'Cải tạo, nâng cấp đường huyện ĐH 05', type: 'transport', status: 'approved', weight: 3.5, road: 'ĐH 05' },
  { name: 'Cải tạo, nâng cấp đường huyện ĐH 06', type: 'transport', status: 'planned', weight: 3.2, road: 'ĐH 06' },
  { name: 'Đường trục phường giai đoạn 2', type: 'transport', status: 'approved', weight: 4, road: 'Đường trục phường' },
  { name: 'Khu dân cư mới Huề Trì', type: 'residential', status: 'clearing', weight: 6 },
  { name: 'Khu dân cư mới Khuê Bích', type: 'residential', status: 'approved', weight: 5.5 },
  { name: 'Khu dân cư Đông Hà', type: 'residential', status: 'planned', weight: 4.5 },
  { name: 'Khu dân cư Thượng Xá', type: 'residential', status: 'planned', weight: 4 },
  { name: 'Khu dân cư Châu Bộ', type: 'residential', status: 'planned', weight: 3.8 },
  { name: 'Đất ở xen kẹp Phương Luật (đấu giá quyền sử dụng đất)', type: 'residential', status: 'done', weight: 1.2 },
  { name: 'Đất ở xen kẹp Quế Lĩnh (đấu giá quyền sử dụng đất)', type: 'residential', status: 'approved', weight: 0.9 },
  { name: 'Mở rộng Trường Mầm non An Phụ', type: 'education', status: 'construction', weight: 0.6 },
  { name: 'Mở rộng Trường THCS Thượng Quận', type: 'education', status: 'planned', weight: 0.8 },
  { name: 'Nhà văn hóa tổ dân phố Đích Sơn', type: 'culture', status: 'done', weight: 0.3 },
  { name: 'Tu bổ, tôn tạo di tích Chùa Huề Trì', type: 'culture', status: 'construction', weight: 0.5 },
  { name: 'Xây mới Đình làng Quế Lĩnh', type: 'culture', status: 'construction', weight: 0.4 },
  { name: 'Sân thể thao phường Trần Liễu', type: 'sport', status: 'planned', weight: 1.5 },
  { name: 'Chợ Trần Liễu', type: 'commerce', status: 'approved', weight: 0.8 },
  { name: 'Trạm biến áp 110 kV Kinh Môn 2', type: 'energy', status: 'planned', weight: 1.2 },
  { name: 'Cải tạo kênh tưới tiêu trạm bơm An Phụ', type: 'irrigation', status: 'approved', weight: 3 },
  { name: 'Nạo vét, kè kênh tiêu Hiệp Hòa', type: 'irrigation', status: 'planned', weight: 2.5 },
  { name: 'Mở rộng nghĩa trang nhân dân Thượng Quận', type: 'cemetery', status: 'planned', weight: 2.2 },
  { name: 'Mở rộng nghĩa trang nhân dân Hiệp Hòa', type: 'cemetery', status: 'planned', weight: 1.8 },
  { name: 'Điểm tập kết, trung chuyển rác thải sinh hoạt', type: 'environment', status: 'approved', weight: 0.6 },
  { name: 'Cửa hàng xăng dầu ven ĐT 389B', type: 'commerce', status: 'planned', weight: 0.3 },
  { name: 'Khu dịch vụ thương mại An Phụ', type: 'commerce', status: 'planned', weight: 5 },
  { name: 'Trụ sở Công an phường Trần Liễu', type: 'public', status: 'construction', weight: 0.5 },
  { name: 'Thao trường huấn luyện dân quân phường', type: 'defence', status: 'planned', weight: 2 },
  { name: 'Trạm y tế phường Trần Liễu (cơ sở 2)', type: 'health', status: 'planned', weight: 0.3 },
];

const mid = (s: Span) => (s[0] + s[1]) / 2;

/** Splits `totalCents` hundredths of a hectare in proportion to the weights (largest remainder). */
function apportion(totalCents: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * totalCents);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = totalCents - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) out[order[k][1]] += 1;
  return out;
}

/** Stretches the rectangle along u until the output geometry's EPSG:9209 area equals `ha`. */
function exactRect(s: Sources, r: Rect, ha: number): Rect {
  let rect = { ...r };
  for (let i = 0; i < 4; i++) {
    const area = lonLatArea(toOutput(s.frame, [[rectRing(rect)]]));
    const h = rect.v1 - rect.v0;
    rect = { ...rect, u1: rect.u1 + (ha * 1e4 - area) / h };
  }
  return rect;
}

export function clusterRect(grid: Grid, layout: Layout): Rect {
  const { cols, rows } = layout.cluster;
  return {
    u0: mid(grid.cols.gaps[cols[0] - 1]),
    u1: mid(grid.cols.gaps[cols[1]]),
    v0: mid(grid.rows.gaps[rows[0] - 1]),
    v1: mid(grid.rows.gaps[rows[1]]),
  };
}

function corridor(rng: Rng, grid: Grid, road: RoadSpec, areaM2: number, width: number): Rect {
  const [[a0, b0], [a1, b1]] = roadCentreLine(grid, road);
  const len = areaM2 / width;
  if (road.axis === 'u') {
    const v = rng.range(b0 + len / 2, b1 - len / 2);
    return { u0: a0 - width / 2, u1: a0 + width / 2, v0: v - len / 2, v1: v + len / 2 };
  }
  const u = rng.range(a0 + len / 2, a1 - len / 2);
  return { u0: u - len / 2, u1: u + len / 2, v0: b0 - width / 2, v1: b0 + width / 2 };
}

function randomRect(rng: Rng, s: Sources, areaM2: number): Rect {
  const aspect = rng.range(0.6, 1.7);
  const w = Math.sqrt(areaM2 * aspect);
  const h = areaM2 / w;
  const us = s.ward[0].map((p) => p[0]);
  const vs = s.ward[0].map((p) => p[1]);
  const u = rng.range(Math.min(...us), Math.max(...us) - w);
  const v = rng.range(Math.min(...vs), Math.max(...vs) - h);
  return { u0: u, v0: v, u1: u + w, v1: v + h };
}

function place(rng: Rng, s: Sources, layout: Layout, spec: Spec, areaM2: number, placed: Rect[]): Rect {
  const roads = [...layout.grid.cols.roadGap.values(), ...layout.grid.rows.roadGap.values()];
  const road = roads.find((r) => r.name === spec.road);
  for (let attempt = 0; attempt < 8000; attempt++) {
    // A road project is a corridor along its road; if the road has no room inside the ward, any rectangle.
    const r = road && attempt < 3000 ? corridor(rng, layout.grid, road, areaM2, road.width + 16) : randomRect(rng, s, areaM2);
    const grown = { u0: r.u0, v0: r.v0, u1: r.u1 + 2, v1: r.v1 }; // room for exactRect's stretch
    if (rectInsidePoly(grown, s.ward) && placed.every((p) => !rectsOverlap(p, grown, 10))) return r;
  }
  throw new Error(`cannot place project ${spec.name}`);
}

/** The 30 plan projects; the An Phụ industrial cluster is DA-01. */
export function buildProjects(rng: Rng, s: Sources, layout: Layout): DemoProject[] {
  const cRect = clusterRect(layout.grid, layout);
  const clusterCents = Math.round(((cRect.u1 - cRect.u0) * (cRect.v1 - cRect.v0)) / 100);
  const cents = apportion(Math.round(PLAN_TOTAL_HA * 100) - clusterCents, CATALOG.map((c) => c.weight));
  const specs: Spec[] = [{ name: 'Cụm công nghiệp An Phụ', type: 'industrial', status: 'clearing', weight: 0 }, ...CATALOG];
  const areas = [clusterCents, ...cents].map((c) => c / 100);
  const placed: Rect[] = [];
  return specs.map((spec, i) => {
    const raw = i === 0 ? cRect : place(rng, s, layout, spec, areas[i] * 1e4, placed);
    const rect = exactRect(s, raw, areas[i]);
    placed.push(rect);
    const centre: [number, number] = [(rect.u0 + rect.u1) / 2, (rect.v0 + rect.v1) / 2];
    return {
      id: i + 1,
      code: `DA-${String(i + 1).padStart(2, '0')}`,
      name: spec.name,
      type: spec.type,
      status: spec.status,
      decisionNo: PLAN_DECISION.no,
      decisionDate: PLAN_DECISION.date,
      plannedAreaHa: areas[i],
      formerUnitId: unitAt(s, centre),
      geom: toOutput(s.frame, [[rectRing(rect)]]),
    };
  });
}

/** Local-frame rectangles of the projects, recovered for intersection tests. */
export function projectRects(s: Sources, projects: DemoProject[]): Rect[] {
  return projects.map((p) => {
    const ring = p.geom.coordinates[0][0].map((q) => s.frame.fromLonLat(q));
    const us = ring.map((q) => q[0]);
    const vs = ring.map((q) => q[1]);
    return { u0: Math.min(...us), u1: Math.max(...us), v0: Math.min(...vs), v1: Math.max(...vs) };
  });
}
