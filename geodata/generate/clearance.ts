/**
 * Site clearance (giải phóng mặt bằng). Every parcel of the An Phụ cluster has a record; 93.3 % of the
 * cluster's parcel area is handed over (report §1.2). Stuck parcels mostly disagree with the compensation unit
 * price (report §II.2.2 "chưa đồng thuận với đơn giá bồi thường, hỗ trợ"). A few other projects get records too.
 */
import type { ClearanceObstacle, ClearanceStep, DemoClearance, DemoProject } from './types';
import { randomDate, type Rng } from './prng';
import type { WorkParcel } from './parcels';
import { selectBySum } from './select';
import { pointInRing, rectRing, type Rect } from './geometry';

export const HANDED_OVER_SHARE = 0.933;

const STUCK_STEPS: ClearanceStep[] = ['notice', 'inventory', 'plan_approved', 'compensated'];
const OBSTACLES: ClearanceObstacle[] = ['unit_price', 'dispute', 'origin_unclear', 'owner_absent'];
const OBSTACLE_WEIGHTS = [70, 10, 15, 5];

/** VND per m² of compensation and support, by land use (demo values). */
function unitPrice(rng: Rng, landUse: string): number {
  if (landUse === 'ONT' || landUse === 'ODT') return rng.int(2_500, 4_500) * 1000;
  if (landUse === 'CLN') return rng.int(180, 260) * 1000;
  return rng.int(120, 190) * 1000;
}

function record(rng: Rng, project: DemoProject, p: WorkParcel, step: ClearanceStep, blocked = true): DemoClearance {
  const stuck = step !== 'handed_over' && blocked;
  return {
    projectId: project.id,
    parcelId: p.idx + 1,
    step,
    stepDate: randomDate(rng, stuck ? '2024-06-01' : '2023-09-01', '2025-09-30'),
    households: rng.chance(0.85) ? 1 : 2,
    compensationVnd: step === 'notice' || step === 'inventory' ? 0 : Math.round((p.area * unitPrice(rng, p.landUse)) / 1000) * 1000,
    obstacle: stuck ? rng.weighted(OBSTACLES, OBSTACLE_WEIGHTS) : null,
  };
}

/** Cluster records; handed-over parcels become State land planned for industry (SKN). */
export function clusterClearance(rng: Rng, cluster: DemoProject, parcels: WorkParcel[]): DemoClearance[] {
  const inCluster = parcels.filter((p) => p.kind === 'cluster');
  const total = inCluster.reduce((s, p) => s + p.area, 0);
  const stuckTarget = total * (1 - HANDED_OVER_SHARE);
  const stuck = new Set(selectBySum(rng, inCluster.map((p) => ({ id: p.idx, area: p.area })), stuckTarget, total * 0.0001, null).map((x) => x.id));
  return inCluster.map((p) => {
    const step = stuck.has(p.idx) ? rng.pick(STUCK_STEPS) : 'handed_over';
    const rec = record(rng, cluster, p, step);
    if (step === 'handed_over') {
      p.landUse = 'SKN';
      p.tenure = 'state';
    }
    return rec;
  });
}

/** Records for private parcels lying in projects being cleared or built (in progress, some blocked). */
export function otherClearance(rng: Rng, projects: DemoProject[], rects: Rect[], parcels: WorkParcel[]): DemoClearance[] {
  const out: DemoClearance[] = [];
  projects.forEach((project, i) => {
    if (project.status !== 'clearing' && project.status !== 'construction') return;
    if (i === 0) return;
    const ring = rectRing(rects[i]);
    for (const p of parcels) {
      if (p.tenure !== 'private' || !pointInRing(p.pos, ring)) continue;
      out.push(record(rng, project, p, rng.pick(STUCK_STEPS), rng.chance(0.4)));
    }
  });
  return out;
}
