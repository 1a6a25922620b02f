/**
 * The server process: read config, open the database (embedded or DATABASE_URL), migrate, seed what is missing,
 * listen. Prints progress, since a first start on the embedded database creates and seeds it.
 */
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/pool.ts';
import { migrate } from './db/migrate.ts';
import { seedDatabase } from './db/seed/seed.ts';
import { createLogger } from './lib/log.ts';
import { recoverInterruptedImports } from './features/imports/imports.routes.ts';

const t0 = Date.now();
const config = loadConfig();
const log = createLogger(config.logLevel);
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const db = await openDatabase(config, log).catch((err) => {
  log.error(`Cannot open the database: ${err.message}`);
  process.exit(1);
});
try {
  await migrate(db.pool, log);
  await seedDatabase(db.pool, log, { demo: config.demoData, seed: config.demoSeed, embedded: db.mode === 'embedded' });
  const interrupted = await recoverInterruptedImports(db.pool);
  if (interrupted > 0) log.warn(`${interrupted} import(s) interrupted by the last shutdown were marked failed`);
} catch (err) {
  log.error(`Database set-up failed: ${(err as Error).message}`);
  await db.close().catch(() => undefined);
  process.exit(1);
}

const app = createApp({ pool: db.pool, mode: db.mode, log, distDir: config.distDir, auth: config.auth,
  basemapStyleUrl: config.basemapStyleUrl, importDir: config.importDir });
const server = app.listen(config.port, config.host, () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  log.info(`Trần Liễu land map ready in ${secs()} (${db.mode} database) → http://localhost:${port}`);
});
// Keep idle connections longer than clients do (browsers, QGIS, scripts reuse them for a while): with Node's 5 s
// the server can close a socket just as a client sends on it (ECONNRESET), more so while the embedded database
// holds the event loop in a long statement.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on('error', (err) => {
  log.error(`Cannot listen on port ${config.port}: ${err.message}`);
  process.exit(1);
});

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  log.info(`${signal}: closing …`);
  server.close();
  await db.close().catch(() => undefined);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
