/**
 * e2e global setup: build the client when dist/ is stale, start the real server on a free port with a
 * fresh data directory (so it seeds the demo data), wait for /api/health, provide `baseUrl` to the tests,
 * and stop the server (its whole process group) afterwards.
 *
 * With DATABASE_URL set, the server runs on that PostgreSQL/PostGIS server instead of the embedded
 * PGlite, with DEMO_DATA=true. So the browser tests never race the integration tests on the same
 * tables, they get their own database `<name>_e2e` on that server when the role may create one.
 *
 * E2E_SERVER_ENTRY replaces server/main.ts (to check the harness with a stub); KEEP_E2E_DATA keeps the data dir.
 * Server output goes to test-results/e2e-server.log, and to the console when startup fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the e2e server listens, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
  }
}

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HEALTH_TIMEOUT_MS = 240_000;
const KILL_GRACE_MS = 10_000;
/** Inputs of the client build: dist/ older than any of these is rebuilt. */
const CLIENT_INPUTS = ['client', 'vite.config.ts', 'server/api', 'package-lock.json'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

async function buildClientIfStale(): Promise<void> {
  const index = path.join(root, 'dist', 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(...CLIENT_INPUTS.map((p) => newestMtime(path.join(root, p))));
  if (builtAt >= sourcesAt) {
    console.log('[e2e] dist/ is up to date');
    return;
  }
  console.log(builtAt ? '[e2e] dist/ is older than the client sources: building' : '[e2e] no dist/: building the client');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`[e2e] client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A separate database for the browser tests on the DATABASE_URL server; the URL itself when we may not. */
async function e2eDatabaseUrl(url: string): Promise<string> {
  const pg = (await import('pg')).default;
  const target = new URL(url);
  const baseName = decodeURIComponent(target.pathname.replace(/^\//, '')) || 'postgres';
  const e2eName = `${baseName}_e2e`.replace(/[^A-Za-z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${e2eName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${e2eName}"`);
  } catch (err) {
    console.warn(`[e2e] could not create database ${e2eName} (${(err as Error).message}); using ${baseName} itself`);
    return url;
  } finally {
    await admin.end().catch(() => {});
  }
  target.pathname = `/${e2eName}`;
  const db = new pg.Client({ connectionString: target.toString() });
  try {
    await db.connect();
    await db.query('CREATE EXTENSION IF NOT EXISTS postgis');
  } finally {
    await db.end().catch(() => {});
  }
  console.log(`[e2e] using database ${e2eName} on ${target.host}`);
  return target.toString();
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // negative pid: the whole process group (npx/tsx/node)
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

export interface RunningServer {
  baseUrl: string;
  /** ms from spawn until /api/health answered 200. */
  readyMs: number;
  /** SIGTERM to the whole process group, SIGKILL after a grace period; resolves when it is gone. */
  stop(): Promise<void>;
}

/**
 * Starts `npx tsx server/main.ts` (or E2E_SERVER_ENTRY) on a free port with the given environment and waits for
 * GET /api/health = 200. On failure prints the server's output, stops it and throws. Also used by tests/bench.
 */
export async function startServer(opts: {
  env: NodeJS.ProcessEnv;
  logFile: string;
  label?: string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const label = opts.label ?? '[e2e]';
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = createWriteStream(opts.logFile);
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    log.write(chunk);
    output.push(chunk.toString());
    if (output.length > 2000) output.splice(0, output.length - 2000);
  };

  // E2E_SERVER_ENTRY: another entry point (e.g. a stub when checking the harness itself).
  const entry = process.env.E2E_SERVER_ENTRY ?? 'server/main.ts';
  console.log(`${label} starting server: npx tsx ${entry} on ${baseUrl}`);
  const started = Date.now();
  const child = spawn('npx', ['--no-install', 'tsx', entry], {
    cwd: root,
    env: { ...opts.env, PORT: String(port) },
    detached: true, // own process group, so teardown can stop npx and everything under it
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', remember);
  child.stderr!.on('data', remember);
  let exited: string | null = null;
  const exitedPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = signal ? `killed by ${signal}` : `exited with code ${code}`;
      resolve();
    });
  });

  const stop = async () => {
    if (!exited) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), KILL_GRACE_MS);
      await exitedPromise;
      clearTimeout(timer);
    }
    // Strays of the group (a worker that outlived its parent) go too.
    killGroup(child, 'SIGKILL');
    await new Promise<void>((resolve) => log.end(resolve));
  };

  try {
    await waitForHealth(baseUrl, () => exited, opts.timeoutMs ?? HEALTH_TIMEOUT_MS);
  } catch (err) {
    console.error(`${label} server did not become healthy: ${(err as Error).message}\n----- server output -----`);
    console.error(output.join('').trimEnd() || '(no output)');
    console.error('----- end of server output -----');
    await stop();
    throw err;
  }
  const readyMs = Date.now() - started;
  console.log(`${label} server healthy after ${(readyMs / 1000).toFixed(1)} s (log: ${path.relative(root, opts.logFile)})`);
  return { baseUrl, readyMs, stop };
}

/**
 * A server deployment never gets the demo accounts (only the embedded demo database does). The browser tests on
 * the throw-away e2e database of a PostgreSQL server get the same usernames and passwords, created here the
 * way an administrator would (scripts/user-add.ts), so the tests sign in alike on both databases.
 */
async function addTestAccounts(databaseUrl: string): Promise<void> {
  const pg = (await import('pg')).default;
  const { addUser } = await import('../../scripts/user-add.ts');
  const { DEMO_ACCOUNTS } = await import('../../server/features/auth/demo-accounts.ts');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    for (const a of DEMO_ACCOUNTS) await addUser(pool, { ...a, passwordStdin: true });
  } finally {
    await pool.end();
  }
  console.log(`[e2e] test accounts created on the server database: ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildClientIfStale();

  const dataDir = path.join(root, '.data', `e2e-${Date.now()}-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  console.log(`[e2e] DATA_DIR=${path.relative(root, dataDir)}`);

  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', NODE_ENV: 'production' };
  if (process.env.DATABASE_URL) {
    env.DATABASE_URL = await e2eDatabaseUrl(process.env.DATABASE_URL);
    env.DEMO_DATA = 'true';
  } else {
    delete env.DATABASE_URL;
  }

  let server: RunningServer;
  try {
    server = await startServer({ env, logFile: path.join(root, 'test-results', 'e2e-server.log') });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  if (env.DATABASE_URL) await addTestAccounts(env.DATABASE_URL);
  project.provide('baseUrl', server.baseUrl);
  return async () => {
    await server.stop();
    if (!process.env.KEEP_E2E_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
}

async function waitForHealth(baseUrl: string, exited: () => string | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const gone = exited();
    if (gone) throw new Error(`server ${gone} before /api/health answered`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`GET /api/health did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}
