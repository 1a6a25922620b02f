/**
 * SQL lives in .sql files, one statement per file, loaded once at start. A missing file stops the start.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Load every `<name>.sql` in dir into { name: text }; throws if any of `required` is missing. */
export function loadSqlDir<K extends string>(dir: string, required: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const name of required) {
    const file = path.join(dir, `${name}.sql`);
    if (!fs.existsSync(file)) throw new Error(`SQL file missing: ${file}`);
    out[name] = fs.readFileSync(file, 'utf8');
  }
  return out;
}
