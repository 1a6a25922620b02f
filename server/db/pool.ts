/**
 * The one data path: a `pg` pool, to the embedded database or to the server in DATABASE_URL.
 * Embedded: pool of 1 (PGlite serialises connections; a second one would share its transaction state).
 * Server: a normal pool (DB_POOL_MAX).
 */
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Logger } from '../lib/log.ts';
import { startEmbedded } from './embedded.ts';

// numeric and bigint come back as JS numbers: areas (m², ha) and counts here stay far below 2^53.
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(20, (v) => Number(v));
// dates stay 'YYYY-MM-DD' strings (no time-zone shifts).
pg.types.setTypeParser(1082, (v) => v);

export type DatabaseMode = 'embedded' | 'server';

export interface Database {
  pool: pg.Pool;
  mode: DatabaseMode;
  /** True when an embedded database was created from nothing on this start. */
  fresh: boolean;
  close(): Promise<void>;
}

/** Open the database the config names and return a pool sized correctly for it. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolMax });
    pool.on('error', (err) => log.error('database pool error', err.message));
    return { pool, mode: 'server', fresh: false, close: () => pool.end() };
  }
  log.info(`Opening the embedded PostgreSQL + PostGIS database in ${config.dataDir} …`);
  const t0 = Date.now();
  const embedded = await startEmbedded(config.dataDir);
  log.info(`Embedded database ready in ${((Date.now() - t0) / 1000).toFixed(1)} s${embedded.fresh ? ' (new)' : ''}`);
  const pool = new pg.Pool({ connectionString: embedded.url, max: 1, idleTimeoutMillis: 0 });
  pool.on('error', (err) => log.error('database pool error', err.message));
  return {
    pool,
    mode: 'embedded',
    fresh: embedded.fresh,
    async close() {
      await pool.end();
      await embedded.stop();
    },
  };
}

/** Run fn inside one transaction on one client; rolls back on any error. */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Run fn in one transaction whose audit-log entries name actor (the audit triggers read `landmap.actor`,
 * a transaction-local setting, so it cannot leak into the next request on the same connection).
 * Every write on behalf of a user goes through here: withActorTransaction(pool, actorOf(req.user), …).
 */
export async function withActorTransaction<T>(pool: pg.Pool, actor: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  if (!actor) throw new Error('withActorTransaction needs an actor');
  return withTransaction(pool, async (client) => {
    await client.query("SELECT set_config('landmap.actor', $1, true)", [actor]);
    return fn(client);
  });
}
