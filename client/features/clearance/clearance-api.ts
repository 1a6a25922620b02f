/** Site clearance and dashboard calls, typed and validated from the contract. */
import {
  ApiPath, ClearanceHistory, ClearancePath, ClearanceRecord, ClearanceRecordList, Dashboard, Stats,
  type ClearanceParcels, type ClearanceUpdateBody,
} from '../../../server/api/contract';
import { ApiError, getJson, sendJson } from '../../api/client';

function checked<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new ApiError(200, 'bad_response', `Unexpected ${what}: ${r.error.issues[0]?.message}`);
  return r.data;
}

/** GET /api/dashboard: every project's clearance progress, handovers per month, obstacles, the backlog. */
export async function fetchDashboard(signal?: AbortSignal): Promise<Dashboard> {
  return checked(Dashboard, await getJson(ClearancePath.dashboard, signal), 'dashboard');
}

/** GET /api/stats: the report's figures beside the live ones, and its data-quality notes. */
export async function fetchStats(signal?: AbortSignal): Promise<Stats> {
  return checked(Stats, await getJson(ApiPath.stats, signal), 'statistics');
}

/** GET the parcels of a project with their clearance step (signed in). */
export async function fetchClearanceParcels(projectId: number, signal?: AbortSignal): Promise<ClearanceParcels> {
  return (await getJson(ClearancePath.projectParcels(projectId), signal)) as ClearanceParcels;
}

/** GET a project's clearance records (the land user's name only for personal-data roles). */
export async function fetchClearanceRecords(projectId: number, signal?: AbortSignal): Promise<ClearanceRecordList> {
  return checked(ClearanceRecordList, await getJson(ClearancePath.projectRecords(projectId), signal), 'clearance records');
}

/** GET a record's step history. */
export async function fetchClearanceHistory(recordId: number, signal?: AbortSignal): Promise<ClearanceHistory> {
  return checked(ClearanceHistory, await getJson(ClearancePath.recordHistory(recordId), signal), 'clearance history');
}

/** PATCH a record (clearance officers); 400 for a step-order violation, 409 when someone changed it meanwhile. */
export async function updateClearanceRecord(recordId: number, body: ClearanceUpdateBody): Promise<ClearanceRecord> {
  return checked(ClearanceRecord, await sendJson('PATCH', ClearancePath.record(recordId), body), 'clearance record');
}
