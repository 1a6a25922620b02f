/** Test harness: the app on the database the global setup prepared, and a direct pool for SQL checks. */
import pg from 'pg';
import { inject } from 'vitest';
import '../../server/db/pool.ts'; // registers the pg type parsers the app relies on
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/lib/log.ts';

export function openTestApp() {
  const mode = inject('databaseMode');
  // The embedded database serves one connection at a time: one pool of 1 per test file, closed after it.
  const pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: mode === 'embedded' ? 1 : 4 });
  const app = createApp({ pool, mode, log: createLogger((process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent') });
  return { app, pool, mode, close: () => pool.end() };
}
