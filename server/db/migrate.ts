/**
 * Forward-only migrations: server/db/migrations/NNNN_<what>.sql applied in order, each in its own
 * transaction, recorded in schema_migrations. Applying twice is a no-op. Never edit a landed migration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Logger } from '../lib/log.ts';
import { withTransaction } from './pool.ts';

export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The migration files, sorted by their number. */
export function listMigrations(dir = migrationsDir): { version: string; file: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), file: path.join(dir, f) }));
}

/** Apply every migration not yet recorded; returns the versions applied now. */
export async function migrate(pool: pg.Pool, log: Logger, dir = migrationsDir): Promise<string[]> {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version text PRIMARY KEY,
       applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const done = new Set((await pool.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  const applied: string[] = [];
  for (const m of listMigrations(dir)) {
    if (done.has(m.version)) continue;
    const sql = fs.readFileSync(m.file, 'utf8');
    await withTransaction(pool, async (c) => {
      // Two servers starting at once: the second waits, then finds the version recorded.
      await c.query('SELECT pg_advisory_xact_lock(7290001)');
      const again = await c.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (again.rowCount) return;
      await c.query(sql);
      await c.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
      applied.push(m.version);
    });
    log.info(`Migration applied: ${m.version}`);
  }
  return applied;
}
