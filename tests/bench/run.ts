/**
 * `npm run bench`: start-up and API latency of the real server on the embedded database.
 *
 *   cold start   empty DATA_DIR: create the database, migrate, seed demo data, until GET /api/health = 200
 *   warm start   the same DATA_DIR again (already seeded)
 *   /api/layers/parcels   median of 5 requests on the warm server (after one untimed request)
 *
 * Targets: cold < 60 s, warm < 10 s. Prints a table; exits 1 when a target is missed.
 * Always measures the embedded PGlite database (DATABASE_URL is ignored). Server logs: test-results/bench-*.log.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root, startServer, type RunningServer } from '../e2e/global-setup';

const COLD_TARGET_MS = 60_000;
const WARM_TARGET_MS = 10_000;
const LATENCY_RUNS = 5;

interface Row {
  what: string;
  value: string;
  target: string;
  ok: boolean | null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function timeGet(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, bytes: body.byteLength, status: res.status };
}

async function main(): Promise<number> {
  const dataDir = path.join(root, '.data', `bench-${Date.now()}-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', NODE_ENV: 'production' };
  delete env.DATABASE_URL;
  if (process.env.DATABASE_URL) console.log('[bench] DATABASE_URL ignored: the bench measures the embedded database');

  const rows: Row[] = [];
  let server: RunningServer | undefined;
  try {
    const { generateDemoDataset } = await import('../../geodata/generate/index.ts');
    const g0 = performance.now();
    const parcels = generateDemoDataset().parcels.length;
    const genMs = performance.now() - g0;
    rows.push({ what: `demo generator (${parcels} parcels, in-process)`, value: `${(genMs / 1000).toFixed(1)} s`,
      target: '< 20 s', ok: genMs < 20_000 });
    const logs = path.join(root, 'test-results');
    const cold = await startServer({ env, logFile: path.join(logs, 'bench-cold.log'), label: '[bench cold]' });
    await cold.stop();
    rows.push({
      what: 'cold start (empty DATA_DIR → /api/health 200)',
      value: `${(cold.readyMs / 1000).toFixed(1)} s`,
      target: `< ${COLD_TARGET_MS / 1000} s`,
      ok: cold.readyMs < COLD_TARGET_MS,
    });

    server = await startServer({ env, logFile: path.join(logs, 'bench-warm.log'), label: '[bench warm]' });
    rows.push({
      what: 'warm start (seeded DATA_DIR → /api/health 200)',
      value: `${(server.readyMs / 1000).toFixed(1)} s`,
      target: `< ${WARM_TARGET_MS / 1000} s`,
      ok: server.readyMs < WARM_TARGET_MS,
    });

    const url = `${server.baseUrl}/api/layers/parcels`;
    const first = await timeGet(url);
    if (first.status !== 200) throw new Error(`GET /api/layers/parcels answered ${first.status}`);
    const times: number[] = [];
    for (let i = 0; i < LATENCY_RUNS; i++) times.push((await timeGet(url)).ms);
    rows.push({ what: 'GET /api/layers/parcels, first', value: `${first.ms.toFixed(0)} ms`, target: '', ok: null });
    rows.push({
      what: `GET /api/layers/parcels, median of ${LATENCY_RUNS}`,
      value: `${median(times).toFixed(0)} ms (${(first.bytes / 1024).toFixed(0)} KiB)`,
      target: '',
      ok: null,
    });
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const w = [Math.max(...rows.map((r) => r.what.length)), Math.max(...rows.map((r) => r.value.length)), 8];
  const line = (a: string, b: string, c: string, d: string) =>
    `${a.padEnd(w[0])}  ${b.padStart(w[1])}  ${c.padEnd(w[2])}  ${d}`;
  console.log();
  console.log(line('measure', 'value', 'target', ''));
  console.log('-'.repeat(w[0] + w[1] + w[2] + 12));
  for (const r of rows) console.log(line(r.what, r.value, r.target, r.ok === null ? '' : r.ok ? 'ok' : 'MISSED'));
  return rows.some((r) => r.ok === false) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[bench] failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
