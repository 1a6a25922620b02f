import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { loadSqlDir } from '../../db/sql.ts';
import { queryOne } from '../../db/query.ts';

const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'), ['postgis-version'] as const);

/** Queries behind /api/health. */
export function healthRepo(pool: pg.Pool) {
  return {
    /** The PostGIS version the database runs. */
    async postgisVersion(): Promise<string> {
      return (await queryOne<{ version: string }>(pool, sql['postgis-version'])).version;
    },
  };
}
