import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import {
  CLEARANCE_STEPS, type ClearanceHistoryEntry, type ClearanceObstacle, type ClearanceRecord, type ClearanceStepId,
  type HandoverMonth, type ObstacleCount, type ProjectClearance,
} from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';
import { queryOne } from '../../db/query.ts';

const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'), [
  'project-progress', 'handover-by-month', 'obstacles', 'project-parcels', 'project-records', 'project-exists',
  'lock-record', 'update-record', 'record-history', 'record-exists',
] as const);

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;
type Amounts = { parcels: number; areaM2: number; households: number };

interface ProgressRow {
  project_id: number; code: string; name: string; status: string; is_cluster: boolean | null;
  n: number; m2: number; hh: number; n_done: number; m2_done: number; hh_done: number;
  n_stuck: number; m2_stuck: number; hh_stuck: number; area_pct: number | null; households_pct: number | null;
  vnd: number; steps: Partial<Record<ClearanceStepId, Amounts>>; demo: boolean;
}

interface RecordRow {
  id: number; project_id: number; parcel_id: number; former_unit_id: string; map_sheet_no: number; parcel_no: number;
  land_use_code: string; m2: number; step: ClearanceStepId; step_date: string; households: number;
  compensation_vnd: number | null; obstacle: ClearanceObstacle | null; obstacle_note: string | null;
  step_reason: string | null; version: number; demo: boolean; holder_name: string | null;
}

/** The new state of a record (validated by the route). */
export interface RecordChange {
  step: ClearanceStepId; stepDate: string; households: number; compensationVnd: number | null;
  obstacle: ClearanceObstacle | null; obstacleNote: string | null; reason: string | null;
}

const zero = (): Amounts => ({ parcels: 0, areaM2: 0, households: 0 });

function toProgress(r: ProgressRow): ProjectClearance {
  const byStep = Object.fromEntries(CLEARANCE_STEPS.map((s) => [s, r.steps[s] ?? zero()])) as ProjectClearance['byStep'];
  return {
    projectId: r.project_id, code: r.code, name: r.name, status: r.status, isAnPhuCluster: r.is_cluster === true,
    total: { parcels: r.n, areaM2: r.m2, households: r.hh },
    handedOver: { parcels: r.n_done, areaM2: r.m2_done, households: r.hh_done },
    stuck: { parcels: r.n_stuck, areaM2: r.m2_stuck, households: r.hh_stuck },
    areaPct: r.area_pct, householdsPct: r.households_pct, compensationVnd: r.vnd, byStep, demo: r.demo,
  };
}

function toRecord(r: RecordRow): ClearanceRecord {
  return {
    id: r.id, projectId: r.project_id, parcelId: r.parcel_id, formerUnit: r.former_unit_id, mapSheetNo: r.map_sheet_no,
    parcelNo: r.parcel_no, landUseCode: r.land_use_code, areaM2: r.m2, step: r.step, stepDate: r.step_date,
    households: r.households, compensationVnd: r.compensation_vnd, obstacle: r.obstacle, obstacleNote: r.obstacle_note,
    stepReason: r.step_reason, version: r.version, demo: r.demo, holderName: r.holder_name,
  };
}

/** Queries behind /api/clearance and the clearance part of /api/dashboard. */
export function clearanceRepo(pool: pg.Pool) {
  return {
    /** Every project's progress (by area and households), the An Phụ cluster first. */
    async progress(): Promise<ProjectClearance[]> {
      return (await pool.query<ProgressRow>(sql['project-progress'])).rows.map(toProgress);
    },
    /** Handed-over area per month (m², EPSG:9209). */
    async handoverByMonth(): Promise<HandoverMonth[]> {
      const { rows } = await pool.query<{ month: string; parcels: number; m2: number; cluster_m2: number }>(sql['handover-by-month']);
      return rows.map((r) => ({ month: r.month, parcels: r.parcels, areaM2: r.m2, clusterAreaM2: r.cluster_m2 }));
    },
    /** Stuck parcels by obstacle type. */
    async obstacles(): Promise<ObstacleCount[]> {
      const { rows } = await pool.query<{ obstacle: ClearanceObstacle; parcels: number; households: number; m2: number }>(sql.obstacles);
      return rows.map((r) => ({ obstacle: r.obstacle, parcels: r.parcels, households: r.households, areaM2: r.m2 }));
    },
    /** A project's parcels with their step as GeoJSON feature array text; null when the project does not exist. */
    async projectParcels(projectId: number): Promise<{ features: string; demo: boolean } | null> {
      const { rows } = await pool.query<{ features: string; demo: boolean }>(sql['project-parcels'], [projectId]);
      return rows[0] ?? null;
    },
    /** A project's records (with the holder's name: the route filters it); null when the project does not exist. */
    async projectRecords(projectId: number): Promise<ClearanceRecord[] | null> {
      const { exists } = await queryOne<{ exists: boolean }>(pool, sql['project-exists'], [projectId]);
      if (!exists) return null;
      return (await pool.query<RecordRow>(sql['project-records'], [projectId, null])).rows.map(toRecord);
    },
    /** One record as the API shows it (holder's name included: the route filters it). */
    async record(id: number, db: Queryable = pool): Promise<ClearanceRecord | undefined> {
      const { rows } = await db.query<RecordRow>(sql['project-records'], [null, id]);
      return rows[0] && toRecord(rows[0]);
    },
    /** A record's step history, oldest first; null when the record does not exist. */
    async history(recordId: number): Promise<ClearanceHistoryEntry[] | null> {
      const { exists } = await queryOne<{ exists: boolean }>(pool, sql['record-exists'], [recordId]);
      if (!exists) return null;
      const { rows } = await pool.query<{ step: ClearanceStepId; step_date: string; previous_step: ClearanceStepId | null; reason: string | null; actor: string; recorded_at: Date }>(sql['record-history'], [recordId]);
      return rows.map((r) => ({ step: r.step, stepDate: r.step_date, previousStep: r.previous_step, reason: r.reason, actor: r.actor, recordedAt: new Date(r.recorded_at).toISOString() }));
    },
  };
}

/** Record id's current step, date and version, locked until the transaction ends (undefined: no such record). */
export async function lockRecord(db: Queryable, id: number): Promise<{ step: ClearanceStepId; stepDate: string; version: number } | undefined> {
  const { rows } = await db.query<{ step: ClearanceStepId; step_date: string; version: number }>(sql['lock-record'], [id]);
  return rows[0] && { step: rows[0].step, stepDate: rows[0].step_date, version: rows[0].version };
}

/** Write the change if the version still matches; the new version, or null when it was stale. */
export async function updateRecord(db: Queryable, id: number, version: number, c: RecordChange): Promise<number | null> {
  const { rows } = await db.query<{ version: number }>(sql['update-record'], [
    id, version, c.step, c.stepDate, c.households, c.compensationVnd, c.obstacle, c.obstacleNote, c.reason,
  ]);
  return rows[0]?.version ?? null;
}
