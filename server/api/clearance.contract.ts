/**
 * Site clearance (giải phóng mặt bằng, GPMB) and the leadership dashboard (issue 6).
 * Steps run thông báo thu hồi đất (notice) → kiểm đếm (inventory) → phê duyệt phương án bồi thường
 * (plan_approved) → chi trả (compensated) → bàn giao mặt bằng (handed_over).
 * Progress is measured two ways, both shown: by area (m², planar VN-2000 / TM-3 105°30', EPSG:9209, of the parcel
 * inside the project footprint) and by households (hộ).
 * This file must not import ./contract.ts (which re-exports it): the values would not exist yet.
 */
import { z } from 'zod';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

// ---------------------------------------------------------------- vocabularies
/** The clearance steps in the order practice runs them; the index is the step's rank. */
export const CLEARANCE_STEPS = ['notice', 'inventory', 'plan_approved', 'compensated', 'handed_over'] as const;
export type ClearanceStepId = (typeof CLEARANCE_STEPS)[number];
const Step = z.enum(CLEARANCE_STEPS);

/**
 * Why a parcel is stuck: unit_price — the household does not agree with the compensation unit price (the
 * report's main cause, §II.2.2); dispute — tranh chấp; origin_unclear — nguồn gốc đất chưa rõ; owner_absent —
 * chủ sử dụng vắng mặt.
 */
export const CLEARANCE_OBSTACLES = ['unit_price', 'dispute', 'origin_unclear', 'owner_absent'] as const;
export const ClearanceObstacle = z.enum(CLEARANCE_OBSTACLES);
export type ClearanceObstacle = z.infer<typeof ClearanceObstacle>;

/** Rank of a step (0 = notice … 4 = handed_over). */
export function clearanceStepRank(step: ClearanceStepId): number {
  return CLEARANCE_STEPS.indexOf(step);
}

/** True when moving from → to goes back in the step order (which needs a reason). */
export function isStepBackwards(from: ClearanceStepId, to: ClearanceStepId): boolean {
  return clearanceStepRank(to) < clearanceStepRank(from);
}

/** The report's deadline for the first-certificate backlog (report §1.5: "hoàn thành trước tháng 4/2026"). */
export const BACKLOG_TARGET_DATE = '2026-04-30';

export const ClearanceErrorCode = {
  /** 400: the step would go backwards and no reason was given. */
  clearanceStepBackwards: 'clearance_step_backwards',
  /** 400: a forward step dated before the current step's date. */
  clearanceDateOrder: 'clearance_date_order',
} as const;
// A stale version answers 409 ErrorCode.versionConflict ('version_conflict', shared with the other editors).

// ---------------------------------------------------------------- paths
export const ClearancePath = {
  dashboard: '/api/dashboard',
  projectParcels: (id: number | string) => `/api/clearance/projects/${encodeURIComponent(String(id))}/parcels`,
  projectRecords: (id: number | string) => `/api/clearance/projects/${encodeURIComponent(String(id))}/records`,
  record: (id: number | string) => `/api/clearance/records/${encodeURIComponent(String(id))}`,
  recordHistory: (id: number | string) => `/api/clearance/records/${encodeURIComponent(String(id))}/history`,
} as const;

export const ClearanceIdParam = z.object({ id: z.coerce.number().int().positive() });

// ---------------------------------------------------------------- progress (aggregates: public)
const Amounts = z.object({ parcels: z.number().int(), areaM2: z.number(), households: z.number().int() });

/** One project's clearance progress. Percentages are null while the project has no clearance record. */
export const ProjectClearance = z.object({
  projectId: z.number().int(),
  code: z.string(),
  name: z.string(),
  status: z.string(),
  /** The An Phụ industrial cluster (cụm công nghiệp An Phụ, dataset_info 'an_phu_cluster_code'). */
  isAnPhuCluster: z.boolean(),
  total: Amounts,
  handedOver: Amounts,
  /** Parcels not handed over that have an obstacle. */
  stuck: Amounts,
  /** Handed-over share of the area, % (1 decimal). */
  areaPct: z.number().nullable(),
  /** Handed-over share of the households, % (1 decimal). */
  householdsPct: z.number().nullable(),
  compensationVnd: z.number(),
  byStep: z.object({ notice: Amounts, inventory: Amounts, plan_approved: Amounts, compensated: Amounts, handed_over: Amounts }),
  demo: z.boolean(),
});
export type ProjectClearance = z.infer<typeof ProjectClearance>;

/** Area handed over in one month (by the date of the bàn giao step). */
export const HandoverMonth = z.object({ month: z.string(), areaM2: z.number(), parcels: z.number().int(), clusterAreaM2: z.number() });
export type HandoverMonth = z.infer<typeof HandoverMonth>;

export const ObstacleCount = z.object({ obstacle: ClearanceObstacle, parcels: z.number().int(), areaM2: z.number(), households: z.number().int() });
export type ObstacleCount = z.infer<typeof ObstacleCount>;

/** The first-certificate backlog (cấp GCN lần đầu) against its deadline. */
export const DashboardBacklog = z.object({
  /** Backlog cases on record (open + resolved). */
  cases: z.number().int(),
  resolved: z.number().int(),
  open: z.number().int(),
  /** Certificates issued on backlog parcels since their case opened. */
  certificatesIssued: z.number().int(),
  /** resolved / cases, % (1 decimal); null without cases. */
  pct: z.number().nullable(),
  targetDate: z.string(),
  /** Whole months from today to the target date (0 when passed). */
  monthsLeft: z.number().int(),
  /** Cases to resolve per month to meet the target (null when none are open or the date has passed). */
  neededPerMonth: z.number().nullable(),
  resolvedByMonth: z.array(z.object({ month: z.string(), resolved: z.number().int() })),
});
export type DashboardBacklog = z.infer<typeof DashboardBacklog>;

export const Dashboard = z.object({
  generatedAt: z.string(),
  demoData: z.boolean(),
  clusterCode: z.string().nullable(),
  /** An Phụ cluster first, then projects with records, then the rest (by code). */
  projects: z.array(ProjectClearance),
  handoverByMonth: z.array(HandoverMonth),
  obstacles: z.array(ObstacleCount),
  backlog: DashboardBacklog,
});
export type Dashboard = z.infer<typeof Dashboard>;

// ---------------------------------------------------------------- records (signed in)
/** A parcel's clearance record. `holderName` (the land user) is personal data: only personal-data roles see it. */
export const ClearanceRecord = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  parcelId: z.number().int(),
  formerUnit: z.string(),
  mapSheetNo: z.number().int(),
  parcelNo: z.number().int(),
  landUseCode: z.string(),
  /** m² of the parcel inside the footprint, EPSG:9209. */
  areaM2: z.number(),
  step: Step,
  stepDate: z.string(),
  households: z.number().int(),
  compensationVnd: z.number().nullable(),
  obstacle: ClearanceObstacle.nullable(),
  obstacleNote: z.string().nullable(),
  stepReason: z.string().nullable(),
  version: z.number().int(),
  demo: z.boolean(),
  holderName: z.string().nullable().optional(),
});
export type ClearanceRecord = z.infer<typeof ClearanceRecord>;
export const ClearanceRecordList = z.object({ projectId: z.number().int(), records: z.array(ClearanceRecord) });
export type ClearanceRecordList = z.infer<typeof ClearanceRecordList>;

/** PATCH /api/clearance/records/:id — the whole editable state plus the version read (409 when stale). */
export const ClearanceUpdateBody = z
  .object({
    version: z.number().int().positive(),
    step: Step,
    stepDate: z.string().date(),
    households: z.number().int().min(0).max(10_000),
    /** VND, whole đồng. */
    compensationVnd: z.number().int().min(0).max(1e15).nullable(),
    obstacle: ClearanceObstacle.nullable(),
    obstacleNote: z.string().trim().max(500).nullable().default(null),
    /** Why: required when the step goes backwards. */
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((b) => !(b.step === 'handed_over' && b.obstacle), { message: 'a handed-over parcel has no obstacle', path: ['obstacle'] })
  .refine((b) => b.stepDate <= new Date().toISOString().slice(0, 10), { message: 'the step date is in the future', path: ['stepDate'] });
export type ClearanceUpdateBody = z.input<typeof ClearanceUpdateBody>;

export const ClearanceHistoryEntry = z.object({
  step: Step,
  stepDate: z.string(),
  previousStep: Step.nullable(),
  reason: z.string().nullable(),
  actor: z.string(),
  recordedAt: z.string(),
});
export type ClearanceHistoryEntry = z.infer<typeof ClearanceHistoryEntry>;
export const ClearanceHistory = z.object({ recordId: z.number().int(), entries: z.array(ClearanceHistoryEntry) });
export type ClearanceHistory = z.infer<typeof ClearanceHistory>;

/** Map properties of a parcel in a project's clearance layer (no personal data). */
export interface ClearanceParcelProps {
  id: number;
  recordId: number;
  demo: boolean;
  step: ClearanceStepId;
  stepDate: string;
  obstacle: ClearanceObstacle | null;
  stuck: boolean;
  households: number;
  areaM2: number;
  mapSheetNo: number;
  parcelNo: number;
}
export type ClearanceParcels = FeatureCollection<Polygon | MultiPolygon, ClearanceParcelProps> & { projectId: number; demo: boolean };

// ---------------------------------------------------------------- the step-order rule
export const StepChangeReason = {
  backwards: ClearanceErrorCode.clearanceStepBackwards,
  dateOrder: ClearanceErrorCode.clearanceDateOrder,
} as const;
export type StepChangeResult =
  | { valid: true; backwards: boolean }
  | { valid: false; reason: (typeof StepChangeReason)[keyof typeof StepChangeReason]; message: string };

/**
 * May a record at `current` become `next`? Forward (or same step): yes, but a later step cannot be dated
 * before the current one; backwards: only with a non-blank reason (the date is then free: it corrects a mistake).
 */
export function checkStepChange(
  current: { step: ClearanceStepId; stepDate: string },
  next: { step: ClearanceStepId; stepDate: string; reason?: string | null },
): StepChangeResult {
  if (isStepBackwards(current.step, next.step)) {
    if (!next.reason?.trim()) {
      return { valid: false, reason: StepChangeReason.backwards, message: `going back from ${current.step} to ${next.step} needs a reason` };
    }
    return { valid: true, backwards: true };
  }
  if (next.step !== current.step && next.stepDate < current.stepDate) {
    return { valid: false, reason: StepChangeReason.dateOrder, message: `${next.step} cannot be dated before ${current.step} (${current.stepDate})` };
  }
  return { valid: true, backwards: false };
}
