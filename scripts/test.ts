/**
 * `npm test`: the whole suite — unit, integration and, when a Chromium is present, the browser (e2e) tests.
 *
 *   npm test                          # unit + integration + e2e (embedded PGlite+PostGIS)
 *   DATABASE_URL=postgres://… npm test   # the same tests on a real PostgreSQL/PostGIS server
 *   npm test -- tests/unit/foo        # extra args go to vitest as they are
 *   npm test -- --project unit        # an explicit --project replaces the default set
 *
 * Environment:
 *   CHROMIUM_PATH           the browser for e2e (default /usr/bin/chromium)
 *   TEST_JSON=<file>        also write vitest's JSON report there (CI sums the counts)
 *   REQUIRE_BROWSER_TESTS=1 fail instead of skipping e2e when no Chromium is found (CI sets it)
 *
 * The exit code is vitest's (the first non-zero one of the two runs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extra = process.argv.slice(2);

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = isExecutable(chromiumPath);
const userChoseProjects = extra.some((a) => a === '--project' || a.startsWith('--project='));

/**
 * Default: two vitest runs, unit+integration first, then e2e. A broken client build or server start (e2e global
 * setup) then fails only the browser tests, and the browser never competes with the integration tests for the
 * machine's two cores. An explicit --project runs vitest once with the args as given.
 */
const phases: { name: string; projects: string[] }[] = [];
let skippedBrowser = false;
if (userChoseProjects) {
  phases.push({ name: 'vitest', projects: [] });
} else {
  phases.push({ name: 'unit + integration', projects: ['unit', 'integration'] });
  if (haveChromium) {
    phases.push({ name: 'e2e (Chromium)', projects: ['e2e'] });
  } else if (process.env.REQUIRE_BROWSER_TESTS === '1') {
    console.error(
      `Browser tests required (REQUIRE_BROWSER_TESTS=1) but no chromium found at ${chromiumPath} ` +
        '(apt-get install chromium, or set CHROMIUM_PATH).',
    );
    process.exit(1);
  } else {
    skippedBrowser = true;
  }
}

const jsonFile = process.env.TEST_JSON ? path.resolve(process.env.TEST_JSON) : undefined;
if (jsonFile) mkdirSync(path.dirname(jsonFile), { recursive: true });

const skipNote =
  `Browser tests SKIPPED: no chromium found at ${chromiumPath} (apt-get install chromium) — ` +
  'unit and integration tests ran.';
if (skippedBrowser) console.log(skipNote);

const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
let current: ChildProcess | undefined;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    current?.kill(sig);
    process.exit(130);
  });
}

function runVitest(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    current = spawn(process.execPath, [vitestBin, ...args], { cwd: root, stdio: 'inherit', env: process.env });
    current.on('error', (err) => {
      console.error(`npm test: could not start vitest: ${err.message}`);
      resolve(1);
    });
    current.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const reports: string[] = [];
let exitCode = 0;
for (const [i, phase] of phases.entries()) {
  const args = ['run', ...phase.projects.flatMap((p) => ['--project', p])];
  if (jsonFile) {
    const part = phases.length === 1 ? jsonFile : jsonFile.replace(/(\.json)?$/, `.part${i + 1}.json`);
    rmSync(part, { force: true });
    reports.push(part);
    args.push('--reporter=default', '--reporter=json', `--outputFile.json=${part}`);
  }
  // A file filter (npm test -- tests/unit/x) matches files of one phase only: the other must not fail on that.
  if (phases.length > 1 && extra.some((a) => !a.startsWith('-'))) args.push('--passWithNoTests');
  args.push(...extra);
  console.log(
    `\nnpm test: ${phase.name}: vitest ${args.join(' ')}` +
      (process.env.DATABASE_URL ? '  [database: DATABASE_URL server]' : '  [database: embedded PGlite]'),
  );
  const code = await runVitest(args);
  if (code !== 0 && exitCode === 0) exitCode = code;
}

if (jsonFile && reports.length > 1) mergeReports(reports, jsonFile);
// Repeat the skip note after vitest's summary, where a reader looks.
if (skippedBrowser) console.log(`\n${skipNote}`);
process.exit(exitCode);

/** Sums vitest JSON reports into one (counts added, testResults joined); a missing part makes it unsuccessful. */
function mergeReports(parts: string[], out: string): void {
  const merged: Record<string, unknown> & { testResults: unknown[]; success: boolean } = {
    testResults: [],
    success: true,
  };
  for (const part of parts) {
    if (!existsSync(part)) {
      console.error(`npm test: no JSON report from one vitest run (${part})`);
      merged.success = false;
      continue;
    }
    const r = JSON.parse(readFileSync(part, 'utf8')) as Record<string, unknown>;
    for (const [k, v] of Object.entries(r)) {
      if (k === 'testResults' && Array.isArray(v)) merged.testResults.push(...v);
      else if (k === 'success') merged.success &&= v === true;
      else if (k === 'startTime' && typeof v === 'number')
        merged.startTime = Math.min(v, (merged.startTime as number | undefined) ?? v);
      else if (typeof v === 'number') merged[k] = ((merged[k] as number | undefined) ?? 0) + v;
      else if (!(k in merged)) merged[k] = v;
    }
    rmSync(part, { force: true });
  }
  writeFileSync(out, JSON.stringify(merged));
  console.log(`npm test: JSON report (both runs) written to ${out}`);
}
