/**
 * dBASE III table (.dbf) of a Shapefile: one record per feature. Text is UTF-8 (declared by the .cpg file),
 * cut at 254 bytes on a character boundary; numbers are N fields with the decimals the data needs; booleans L.
 */
import { dbfNames, propertyKeys } from './export.columns.ts';

interface Field { key: string; name: string; type: 'C' | 'N' | 'L'; width: number; decimals: number }

const utf8Cut = (s: string, max: number): Buffer => {
  let b = Buffer.from(s, 'utf8');
  if (b.length <= max) return b;
  let chars = [...s];
  while (b.length > max) { chars = chars.slice(0, -1); b = Buffer.from(chars.join(''), 'utf8'); }
  return b;
};

const decimalsOf = (n: number): number => Math.min(8, (String(n).split('.')[1] ?? '').length);

/** The field of one property, typed by its values: all numbers → N, all booleans → L, else text. */
function fieldOf(key: string, name: string, values: unknown[]): Field {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length > 0 && present.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    const decimals = Math.max(...present.map((v) => decimalsOf(v as number)));
    const width = Math.max(...present.map((v) => (v as number).toFixed(decimals).length));
    if (width <= 19) return { key, name, type: 'N', width: Math.max(width, 1), decimals };
  }
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return { key, name, type: 'L', width: 1, decimals: 0 };
  const width = Math.max(1, ...present.map((v) => utf8Cut(textOf(v), 254).length));
  return { key, name, type: 'C', width, decimals: 0 };
}

const textOf = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function cell(f: Field, v: unknown): Buffer {
  const out = Buffer.alloc(f.width, 0x20);
  if (v === null || v === undefined) {
    if (f.type === 'L') out.write('?');
    return out;
  }
  if (f.type === 'L') out.write(v ? 'T' : 'F');
  else if (f.type === 'N') { const s = (v as number).toFixed(f.decimals); out.write(s, f.width - s.length, 'ascii'); }
  else utf8Cut(textOf(v), f.width).copy(out);
  return out;
}

export function dbfTable(props: readonly Record<string, unknown>[]): Buffer {
  const keys = propertyKeys(props.map((properties) => ({ properties })));
  const names = dbfNames(keys);
  const fields = keys.map((k, i) => fieldOf(k, names[i], props.map((p) => p[k])));
  const recordLength = 1 + fields.reduce((s, f) => s + f.width, 0);
  const head = Buffer.alloc(32);
  const now = new Date();
  head.writeUInt8(0x03, 0);
  head.writeUInt8(now.getFullYear() - 1900, 1); head.writeUInt8(now.getMonth() + 1, 2); head.writeUInt8(now.getDate(), 3);
  head.writeUInt32LE(props.length, 4);
  head.writeUInt16LE(32 + 32 * fields.length + 1, 8);
  head.writeUInt16LE(recordLength, 10);
  const descriptors = fields.map((f) => {
    const d = Buffer.alloc(32);
    d.write(f.name, 0, 10, 'ascii');
    d.write(f.type, 11, 'ascii');
    d.writeUInt8(f.width, 16); d.writeUInt8(f.decimals, 17);
    return d;
  });
  const records = props.map((p) => Buffer.concat([Buffer.from(' '), ...fields.map((f) => cell(f, p[f.key]))]));
  return Buffer.concat([head, ...descriptors, Buffer.from([0x0d]), ...records, Buffer.from([0x1a])]);
}
