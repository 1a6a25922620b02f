/**
 * Queries behind /api/projects: the list, one project, what its footprint touches (live PostGIS overlays),
 * clearance progress, the plan summary, footprint checks and writes. Never sees req/res.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import {
  FOOTPRINT_MAX_M2, FOOTPRINT_MIN_M2, FootprintReason,
  type FootprintCheck, type FootprintGeometry, type PlanSummary, type ProjectListQuery,
  type ProjectProgress, type ProjectSummary, type DeletedProject, type ProjectTouches, type NewProject, type ProjectChange,
} from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';
import { queryOne } from '../../db/query.ts';

const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'), [
  'list-projects', 'find-project', 'project-touches', 'project-progress', 'plan-summary', 'check-footprint',
  'insert-project', 'update-project', 'delete-blockers', 'delete-project',
] as const);

type Db = Pick<pg.Pool, 'query'> | pg.PoolClient;

interface ProjectRow {
  id: string | number; code: string; name: string; type: string; status: ProjectSummary['status'];
  decision_no: string | null; decision_date: string | null; planned_area_ha: number; mapped_area_ha: number;
  former_unit: ProjectSummary['formerUnit']; version: number; demo: boolean;
  min_lon: number; min_lat: number; max_lon: number; max_lat: number;
}

function toSummary(r: ProjectRow): ProjectSummary {
  return {
    id: Number(r.id), code: r.code, name: r.name, type: r.type, status: r.status, decisionNo: r.decision_no,
    decisionDate: r.decision_date, plannedAreaHa: r.planned_area_ha, mappedAreaHa: r.mapped_area_ha,
    formerUnit: r.former_unit, version: r.version, demo: r.demo, bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
  };
}

/** The check result for a footprint, from PostGIS's answer (bad user data is a result, not an exception). */
export function judgeFootprint(r: { valid: boolean; invalid_reason: string | null; area_m2: number | null; meets_ward: boolean | null; outside_m2: number | null }): FootprintCheck {
  const base = { areaM2: r.area_m2, outsideWardM2: r.outside_m2 };
  const no = (reason: FootprintCheck['reason'], message: string): FootprintCheck => ({ valid: false, reason, message, ...base });
  if (!r.valid) return no(FootprintReason.invalid, `Ranh giới không hợp lệ / Invalid polygon: ${r.invalid_reason ?? 'unknown'}`);
  const m2 = r.area_m2 ?? 0;
  if (!r.meets_ward) return no(FootprintReason.outsideWard, 'Ranh giới nằm ngoài phường Trần Liễu / The footprint lies outside the ward');
  if (m2 < FOOTPRINT_MIN_M2) return no(FootprintReason.tooSmall, `Diện tích ${m2.toFixed(2)} m² quá nhỏ (tối thiểu ${FOOTPRINT_MIN_M2} m²) / Area too small`);
  if (m2 > FOOTPRINT_MAX_M2) return no(FootprintReason.tooLarge, `Diện tích ${(m2 / 1e4).toFixed(2)} ha quá lớn (tối đa ${FOOTPRINT_MAX_M2 / 1e4} ha) / Area too large`);
  return { valid: true, reason: null, message: null, ...base };
}

/** Repository of plan projects on a pool (reads) or a transaction client (writes). */
export function projectsRepo(db: Db) {
  return {
    /** Projects matching the filters, ordered by code. */
    async list(q: ProjectListQuery): Promise<ProjectSummary[]> {
      const { rows } = await db.query<ProjectRow>(sql['list-projects'], [q.type ?? null, q.status ?? null, q.formerUnit ?? null]);
      return rows.map(toSummary);
    },
    /** One project with its footprint (EPSG:4326), or null. */
    async find(id: number): Promise<{ project: ProjectSummary; geometry: FootprintGeometry } | null> {
      const { rows } = await db.query<ProjectRow & { geometry: FootprintGeometry }>(sql['find-project'], [id]);
      return rows[0] ? { project: toSummary(rows[0]), geometry: rows[0].geometry } : null;
    },
    /** What the footprint of project id touches, computed now. */
    async touches(id: number): Promise<ProjectTouches> {
      const r = await queryOne<{ parcels: ProjectTouches['parcels']; by_land_use: ProjectTouches['byLandUse']; touched_m2: number; land_users: number; households: number; backlog_parcels: number }>(db, sql['project-touches'], [id]);
      return { parcels: r.parcels, byLandUse: r.by_land_use, touchedAreaM2: r.touched_m2, landUsers: r.land_users, households: r.households, backlogParcels: r.backlog_parcels };
    },
    /** Site-clearance progress of project id. */
    async progress(id: number): Promise<ProjectProgress> {
      const r = await queryOne<{ clearance_parcels: number; handed_over: number; households: number }>(db, sql['project-progress'], [id]);
      return { clearanceParcels: r.clearance_parcels, handedOver: r.handed_over, households: r.households };
    },
    /** Totals of the plan by type and by former unit. */
    async summary(): Promise<PlanSummary> {
      const r = await queryOne<{ projects: number; total_area_ha: number; by_type: PlanSummary['byType']; by_former_unit: PlanSummary['byFormerUnit']; demo: boolean }>(db, sql['plan-summary']);
      return { projects: r.projects, totalAreaHa: r.total_area_ha, byType: r.by_type, byFormerUnit: r.by_former_unit, demo: r.demo };
    },
    /** PostGIS's verdict on a footprint: valid polygon, inside or touching the ward, plausible size. */
    async checkFootprint(geometry: FootprintGeometry): Promise<FootprintCheck> {
      return judgeFootprint(await queryOne(db, sql['check-footprint'], [JSON.stringify(geometry)]));
    },
    /** Insert a project; returns its id, or null when its code is taken. */
    async insert(b: NewProject): Promise<number | null> {
      const { rows: [r] } = await db.query<{ id: string }>(sql['insert-project'], [
        b.code, b.name, b.type, b.status, b.decisionNo, b.decisionDate, b.plannedAreaHa, b.formerUnit, JSON.stringify(b.geometry),
      ]);
      return r ? Number(r.id) : null;
    },
    /** Apply a change if the project is still at b.version; false when it is missing or changed meanwhile. */
    async update(id: number, b: ProjectChange): Promise<boolean> {
      const { rows } = await db.query(sql['update-project'], [
        id, b.version, b.name ?? null, b.type ?? null, b.status ?? null, b.decisionNo ?? null, b.decisionDate ?? null,
        b.plannedAreaHa ?? null, b.formerUnit ?? null, b.geometry ? JSON.stringify(b.geometry) : null,
      ]);
      return rows.length === 1;
    },
    /** Lock project id and say what stands in the way of deleting it; null when it does not exist. */
    async deleteBlockers(id: number): Promise<{ version: number; clearanceRecords: number } | null> {
      const { rows } = await db.query<{ version: number; clearance_records: number }>(sql['delete-blockers'], [id]);
      return rows[0] ? { version: rows[0].version, clearanceRecords: rows[0].clearance_records } : null;
    },
    /** Delete project id if still at version and without clearance records; null when refused. */
    async delete(id: number, version: number): Promise<DeletedProject | null> {
      const { rows } = await db.query<{ id: string; code: string; name: string }>(sql['delete-project'], [id, version]);
      return rows[0] ? { id: Number(rows[0].id), code: rows[0].code, name: rows[0].name } : null;
    },
  };
}

