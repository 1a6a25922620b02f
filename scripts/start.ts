/**
 * `npm start`: build the client when dist/ is missing or older than its sources, then run the server
 * (embedded database unless DATABASE_URL is set). One command after `npm install`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** True when the built client is missing or older than anything it is built from. */
export function clientIsStale(): boolean {
  const index = path.join(root, 'dist', 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  const inputs = ['client', 'server/api/contract.ts', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));
  return inputs.filter((p) => fs.existsSync(p)).some((p) => newestMtime(p) > built);
}

if (clientIsStale()) {
  const t0 = Date.now();
  console.log('Building the web client (first start or changed sources) …');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`Web client built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
await import('../server/main.ts');
