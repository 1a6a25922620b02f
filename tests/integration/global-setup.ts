/**
 * Integration tests run on a real database, set up once here:
 * - DATABASE_URL unset: a fresh embedded PGlite + PostGIS in a temporary folder, served on a loopback port;
 * - DATABASE_URL set: that PostgreSQL/PostGIS server (its database should be empty or hold the same demo data).
 * Either way the schema is migrated and the demo dataset seeded, then tests connect through `pg`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbedded, type EmbeddedDatabase } from '../../server/db/embedded.ts';
import { migrate } from '../../server/db/migrate.ts';
import { seedDatabase } from '../../server/db/seed/seed.ts';
import { createLogger } from '../../server/lib/log.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseMode: 'embedded' | 'server';
  }
}

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

export default async function setup(project: TestProject) {
  const log = createLogger(process.env.TEST_DB_LOG === '1' ? 'info' : 'warn');
  let url = process.env.DATABASE_URL;
  const mode = url ? 'server' : 'embedded';
  if (!url) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landmap-it-'));
    embedded = await startEmbedded(dataDir);
    url = embedded.url;
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migrate(pool, log);
    await seedDatabase(pool, log, { demo: true, seed: 20250701, embedded: mode === 'embedded' });
  } finally {
    await pool.end();
  }
  project.provide('databaseUrl', url);
  project.provide('databaseMode', mode);
  return async () => {
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
