/**
 * Reading a search box the way land officers type: cadastral keys ("An Phụ 12/345", "tờ 12 thửa 345",
 * "thửa 345 tờ 12", "12-345"), certificate serials ("CS 123456", "cs123"), or a land user's name in any
 * accenting ("nguyen van an"). Pure functions: the repo runs the queries.
 */
import type { FormerUnitId } from '../../api/contract.ts';

/**
 * Vietnamese accent folding: NFD, drop combining marks, đ → d, lower case, single spaces.
 * SQL has the same folding as fold_vi() (migration 0010); a test checks both agree on every party name.
 */
export function foldVi(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface CadastralKey {
  formerUnit?: FormerUnitId;
  /** số tờ */
  mapSheetNo?: number;
  /** số thửa */
  parcelNo: number;
}

/** Former unit names (folded) with the prefixes officers put before them. */
const UNITS: readonly [RegExp, FormerUnitId][] = [
  [/^(?:(?:xa|phuong|p\.|x\.)\s*)?an phu\b/, 'an-phu'],
  [/^(?:(?:xa|phuong|p\.|x\.)\s*)?hiep hoa\b/, 'hiep-hoa'],
  [/^(?:(?:xa|phuong|p\.|x\.)\s*)?thuong quan\b/, 'thuong-quan'],
];

const MAX_NO = 100_000;
const no = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isInteger(n) && n > 0 && n < MAX_NO ? n : undefined;
};

/** The cadastral key in a query, or null when the query is not one. */
export function parseCadastralKey(query: string): CadastralKey | null {
  let q = foldVi(query);
  let formerUnit: FormerUnitId | undefined;
  for (const [re, id] of UNITS) {
    const m = re.exec(q);
    if (m) {
      formerUnit = id;
      q = q.slice(m[0].length).replace(/^[\s,:;-]+/, '');
      break;
    }
  }
  const patterns: [RegExp, (m: RegExpExecArray) => [string | undefined, string]][] = [
    [/^(\d+)\s*[/\-.:]\s*(\d+)$/, (m) => [m[1], m[2]]], // 12/345
    [/^(?:to|t)\s*(?:so\s*)?(\d+)\s*[,;]?\s*(?:thua|th)\s*(?:so\s*)?(\d+)$/, (m) => [m[1], m[2]]], // tờ 12 thửa 345
    [/^(?:thua|th)\s*(?:so\s*)?(\d+)\s*[,;]?\s*(?:to|t)\s*(?:so\s*)?(\d+)$/, (m) => [m[2], m[1]]], // thửa 345 tờ 12
    [/^(?:thua|th)\s*(?:so\s*)?(\d+)$/, (m) => [undefined, m[1]]], // thửa 345
    [/^(\d+)$/, (m) => [undefined, m[1]]], // 345
  ];
  for (const [re, pick] of patterns) {
    const m = re.exec(q);
    if (!m) continue;
    const [sheet, parcel] = pick(m);
    const parcelNo = no(parcel);
    const mapSheetNo = no(sheet);
    if (parcelNo === undefined || (sheet !== undefined && mapSheetNo === undefined)) return null;
    return { ...(formerUnit ? { formerUnit } : {}), ...(mapSheetNo ? { mapSheetNo } : {}), parcelNo };
  }
  return null;
}

/** A certificate serial or its beginning ("CS 1234…"), without spaces and upper case; null otherwise. */
export function parseSerialPrefix(query: string): string | null {
  const s = query.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]{2}\d{2,6}$/.test(s) ? s : null;
}

/** The folded name to look for (LIKE wildcards escaped), or null when the query holds no name. */
export function nameTerm(query: string): string | null {
  const f = foldVi(query);
  if (f.length < 2 || !/[a-z]/.test(f)) return null;
  return f.replace(/[\\%_]/g, (c) => `\\${c}`);
}
