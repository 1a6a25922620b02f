/**
 * `npm run bench:import [-- N]`: import N (default 100 000) synthetic parcels — a GeoJSON written to disk — through
 * the real HTTP API into the embedded database (or DATABASE_URL's, whose database must be empty or a bench copy),
 * commit them, and measure each phase and the process's memory (sampled every 100 ms: the server and, on the
 * embedded database, PGlite run in this process, so RSS is what `npm start` would use).
 *
 * Target: the import completes and the JavaScript heap grows by less than HEAP_TARGET whatever N is (it streams:
 * the file is never held whole — 20 000 and 100 000 parcels grow it alike). Prints a table; exits 1 when the
 * import fails or the target is missed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/pool.ts';
import { migrate } from '../../server/db/migrate.ts';
import { seedDatabase } from '../../server/db/seed/seed.ts';
import { createLogger } from '../../server/lib/log.ts';
import type { ImportJob } from '../../server/api/contract.ts';

const N = Number(process.argv[2] ?? 100_000);
const HEAP_TARGET = 128 * 2 ** 20;
/** Centre of the grid: inside the ward (the import fixtures' first parcel), WGS 84. */
const ORIGIN = [106.4857, 20.9990];
const STEP = 0.00006; // ≈ 6 m between parcel corners
const SIZE = 0.000045; // ≈ 4.7 m squares

/** Write N parcels as a GeoJSON FeatureCollection, streaming (the bench itself must not hold it either). */
async function writeFile(file: string): Promise<number> {
  const out = fs.createWriteStream(file);
  const side = Math.ceil(Math.sqrt(N));
  const write = (s: string) => (out.write(s) ? Promise.resolve() : once(out, 'drain').then(() => undefined));
  await write('{"type":"FeatureCollection","features":[\n');
  for (let i = 0; i < N; i++) {
    const x = ORIGIN[0] + ((i % side) - side / 2) * STEP;
    const y = ORIGIN[1] + (Math.floor(i / side) - side / 2) * STEP;
    const ring = [[x, y], [x + SIZE, y], [x + SIZE, y + SIZE], [x, y + SIZE], [x, y]].map(([a, b]) => [+a.toFixed(7), +b.toFixed(7)]);
    await write(`${i ? ',\n' : ''}{"type":"Feature","properties":{"so_to":${5000 + Math.floor(i / 1000)},"so_thua":${(i % 1000) + 1},"loai_dat":"ONT","dien_tich":22.5,"ma_dvhc":"an-phu"},"geometry":{"type":"Polygon","coordinates":[${JSON.stringify(ring)}]}}`);
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return fs.statSync(file).size;
}

async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'landmap-bench-import-'));
  const config = loadConfig({ ...process.env, DATA_DIR: path.join(tmp, 'db'), LOG_LEVEL: 'warn' });
  const log = createLogger(process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn');
  const file = path.join(tmp, 'parcels.geojson');
  const t0 = performance.now();
  const bytes = await writeFile(file);
  console.log(`[bench] ${N} parcels, ${(bytes / 2 ** 20).toFixed(0)} MiB GeoJSON written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const db = await openDatabase(config, log);
  await migrate(db.pool, log);
  await seedDatabase(db.pool, log, { demo: true, seed: config.demoSeed, embedded: db.mode === 'embedded' });
  const app = createApp({ pool: db.pool, mode: db.mode, log, importDir: path.join(tmp, 'imports') });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let peakRss = 0; let peakHeap = 0;
  const before = process.memoryUsage();
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss); peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 100);
  const rows: Array<[string, string]> = [];
  try {
    // sign in as the demo land officer (embedded demo database) — cookies by hand
    const me = await fetch(`${base}/api/auth/me`);
    let cookies = me.headers.getSetCookie().map((c) => c.split(';')[0]);
    const csrf = (await me.json() as { csrfToken: string }).csrfToken;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Cookie: cookies.join('; ') },
      body: JSON.stringify({ username: 'diachinh', password: 'demo-diachinh' }) });
    if (login.status !== 200) throw new Error(`sign-in: ${login.status} (the bench needs the embedded demo accounts)`);
    cookies = [...cookies.filter((c) => !login.headers.getSetCookie().some((n) => n.split('=')[0] === c.split('=')[0])), ...login.headers.getSetCookie().map((c) => c.split(';')[0])];
    const token = (await login.json() as { csrfToken: string }).csrfToken;
    const headers = { 'X-CSRF-Token': token, Cookie: cookies.join('; ') };

    const tUp = performance.now();
    const up = await fetch(`${base}/api/imports?layer=parcels&fileName=bench.geojson`, {
      method: 'POST', headers: { ...headers, 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes) },
      body: fs.createReadStream(file) as unknown as BodyInit, duplex: 'half' } as RequestInit);
    if (up.status !== 202) throw new Error(`upload: ${up.status} ${await up.text()}`);
    const id = (await up.json() as ImportJob).id;
    rows.push(['upload (stream to disk)', `${((performance.now() - tUp) / 1000).toFixed(1)} s`]);
    const poll = async (until: string[]) => {
      const phases: Record<string, number> = {};
      let last = performance.now(); let phase = 'reading';
      for (;;) {
        // on the embedded database PostGIS runs in this process: a busy statement can make a keep-alive
        // socket race its server-side timeout (ECONNRESET) — a poll is idempotent, so ask again
        const job = await fetch(`${base}/api/imports/${id}`, { headers }).then((r) => r.json() as Promise<ImportJob>).catch(() => null);
        if (!job) { await new Promise((r) => setTimeout(r, 250)); continue; }
        const now = performance.now();
        const p = job.progress?.phase ?? job.state;
        if (p !== phase) { phases[phase] = (phases[phase] ?? 0) + now - last; last = now; phase = p; }
        if (until.includes(job.state)) { phases[phase] = (phases[phase] ?? 0) + now - last; return { job, phases }; }
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const read = await poll(['ready', 'failed']);
    if (read.job.state !== 'ready') throw new Error(`analysis failed: ${JSON.stringify(read.job.error)}`);
    for (const [k, v] of Object.entries(read.phases)) if (k !== 'ready') rows.push([`${k}`, `${(v / 1000).toFixed(1)} s`]);
    const c = read.job.counts!;
    rows.push(['classified', `${c.add} add · ${c.update} update · ${c.reject} reject · ${c.warned} warned`]);
    const tC = performance.now();
    const commit = await fetch(`${base}/api/imports/${id}/commit`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ skipRejected: true }) });
    if (commit.status !== 202) throw new Error(`commit: ${commit.status} ${await commit.text()}`);
    const done = await poll(['committed', 'ready']);
    if (done.job.state !== 'committed') throw new Error(`commit failed: ${JSON.stringify(done.job.error)}`);
    rows.push(['commit (one transaction, audited per row)', `${((performance.now() - tC) / 1000).toFixed(1)} s`]);
  } finally {
    clearInterval(sampler);
    server.close();
    await db.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
  rows.push(['file size', mib(bytes)]);
  rows.push(['peak heap (growth)', `${mib(peakHeap)} (+${mib(peakHeap - before.heapUsed)})`]);
  rows.push(['peak RSS (server + embedded DB)', `${mib(peakRss)} (+${mib(peakRss - before.rss)})`]);
  const heapOk = peakHeap - before.heapUsed < HEAP_TARGET;
  rows.push([`target: heap growth < ${mib(HEAP_TARGET)}`, heapOk ? 'ok' : 'MISSED']);
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log();
  for (const [a, b] of rows) console.log(`${a.padEnd(w)}  ${b}`);
  return heapOk ? 0 : 1;
}

main().then((code) => process.exit(code), (err) => { console.error(`[bench] failed: ${(err as Error).stack} ${String((err as { cause?: unknown }).cause ?? "")}`); process.exit(1); });
