import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { loadSqlDir } from '../../db/sql.ts';
import { queryOne } from '../../db/query.ts';

const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'),
  ['backlog-progress', 'backlog-by-month', 'cluster-code'] as const);

export interface BacklogCounts { cases: number; resolved: number; open: number; issued: number }

/** Queries behind /api/dashboard that are not clearance (see clearance.repo.ts for those). */
export function dashboardRepo(pool: pg.Pool) {
  return {
    /** Backlog cases: on record, resolved, open; certificates issued on backlog parcels. */
    async backlog(): Promise<BacklogCounts> {
      return queryOne<BacklogCounts>(pool, sql['backlog-progress']);
    },
    /** Backlog cases resolved per month ('YYYY-MM'). */
    async backlogByMonth(): Promise<{ month: string; resolved: number }[]> {
      return (await pool.query<{ month: string; resolved: number }>(sql['backlog-by-month'])).rows;
    },
    /** The An Phụ cluster's project code, or null. */
    async clusterCode(): Promise<string | null> {
      return (await queryOne<{ code: string | null }>(pool, sql['cluster-code'])).code;
    },
  };
}
