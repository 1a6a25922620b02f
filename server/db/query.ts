/**
 * Query helpers for repos. `queryOne` is for statements that must return exactly one row (aggregates, lookups by
 * key): a missing row is an error, never a silent `undefined` — PGlite's PostGIS has been seen to drop a result
 * without an error (see 0002_spatial_functions.sql), and an aggregate that returns nothing must not pass unseen.
 */
import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** Run a statement that must yield exactly one row and return it. */
export async function queryOne<R extends pg.QueryResultRow>(db: Queryable, sql: string, params: unknown[] = []): Promise<R> {
  const { rows } = await db.query<R>(sql, params);
  if (rows.length !== 1) throw new Error(`expected exactly one row, got ${rows.length}: ${sql.split('\n')[0]}`);
  return rows[0];
}
