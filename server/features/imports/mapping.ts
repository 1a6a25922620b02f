/**
 * From a file's columns to the layer's attributes: the automatic field mapping (the column names Vietnamese
 * cadastral software and GIS users write — ViLIS/TMV.LIS short DBF names, snake_case, Vietnamese with accents),
 * and the typed attributes of one feature with the rejections Node can tell alone. What needs the register
 * (unknown unit or land-use code, duplicates, updates) is decided in SQL (sql/classify-*.sql).
 */
import {
  importTargetFields, ProjectType,
  type ImportLayer, type ImportMapping, type ImportRejectReason,
} from '../../api/contract.ts';

/** Lower case, no diacritics (đ → d), letters and digits only: 'Số tờ' → 'soto', 'SO_THUA' → 'sothua'. */
export function foldName(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Folded column names each target field is recognised by, most specific first — including this product's own
 * export headers (CSV/XLSX Vietnamese, Shapefile DBF names), so an exported file imports back unchanged.
 */
const ALIASES: Record<string, readonly string[]> = {
  formerUnit: ['formerunit', 'madonvi', 'madvhc', 'maxa', 'mahc', 'donvi', 'donvihanhchinh', 'xa', 'xaphuong', 'tenxa', 'dvhccu', 'donvihanhchinhcu', 'unit'],
  mapSheetNo: ['mapsheetno', 'soto', 'sotobando', 'shbando', 'sohieutobando', 'tobando', 'to', 'sheet', 'sheetno', 'shtbd'],
  parcelNo: ['parcelno', 'sothua', 'shthua', 'sothututhua', 'sohieuthua', 'thua', 'parcel', 'sttthua'],
  landUseCode: ['landusecode', 'loaidat', 'maloaidat', 'kyhieumucdichsudung', 'mucdichsudung', 'mdsd', 'khmdsd', 'ldat', 'landuse'],
  legalAreaM2: ['legalaream2', 'dientich', 'dientichphaply', 'dientichphaplym', 'dtplm2', 'dtpl', 'dientichm2', 'dt', 'area', 'aream2'],
  address: ['address', 'diachi', 'diachithuadat', 'xudong', 'tenxudong'],
  code: ['code', 'maduan', 'madu', 'ma', 'projectcode', 'kyhieu'],
  name: ['name', 'tenduan', 'ten', 'tenda', 'projectname'],
  type: ['type', 'loaiduan', 'loaida', 'loaicongtrinh', 'projecttype', 'loai'],
  status: ['status', 'trangthai', 'tinhtrang'],
  decisionNo: ['decisionno', 'soquyetdinh', 'quyetdinh', 'soqd', 'qd'],
  plannedAreaHa: ['plannedareaha', 'dientichquyhoachha', 'dtqhha', 'dientichha', 'dientichquyhoach', 'dtqh', 'areaha'],
};


/** target → source column for every target field of the layer (null: no column found). */
export function autoMapping(layer: ImportLayer, fields: readonly string[]): ImportMapping {
  const folded = fields.map((f) => ({ f, k: foldName(f) }));
  const taken = new Set<string>();
  const mapping: ImportMapping = {};
  for (const target of importTargetFields(layer)) {
    const hit = (ALIASES[target] ?? []).map((a) => folded.find((c) => c.k === a && !taken.has(c.f))).find(Boolean);
    mapping[target] = hit ? hit.f : null;
    if (hit) taken.add(hit.f);
  }
  return mapping;
}

/** The user's mapping over the automatic one; columns not in the file are refused (null means "none"). */
export function mergeMapping(layer: ImportLayer, fields: readonly string[], user: ImportMapping | undefined): ImportMapping {
  const auto = autoMapping(layer, fields);
  if (!user) return auto;
  const merged = { ...auto };
  for (const [target, source] of Object.entries(user)) {
    if (!(importTargetFields(layer) as readonly string[]).includes(target)) throw new Error(`'${target}' is not a field of the ${layer} layer`);
    if (source !== null && !fields.includes(source)) throw new Error(`the file has no column '${source}'`);
    merged[target] = source;
  }
  return merged;
}

const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

/**
 * A number as land offices write it: 120.5, '120,5' (decimal comma), '1.234,5' / '1,234.5' (thousands).
 * undefined when absent, NaN when present but not a number.
 */
export function parseNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  const s = text(v)?.replace(/\s/g, '');
  if (!s) return undefined;
  let t = s;
  if (t.includes(',') && t.includes('.')) t = t.lastIndexOf(',') > t.lastIndexOf('.') ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  else if (t.includes(',')) t = t.replace(',', '.');
  return /^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
}

const positiveInt = (n: number | undefined): number | null =>
  n !== undefined && Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;

export interface MappedFeature {
  attrs: Record<string, string | number | null>;
  reasons: ImportRejectReason[];
  /** what was wrong, for the user (e.g. the value that is not a parcel number) */
  detail: string | null;
}

export interface MapDefaults { formerUnit: string | null; mapSheetNo: number | null }

/** Typed attributes of one feature of the parcels layer, and the rejections visible without the database. */
export function mapParcel(props: Record<string, unknown>, m: ImportMapping, d: MapDefaults): MappedFeature {
  const get = (t: string) => (m[t] ? props[m[t] as string] : undefined);
  const reasons: ImportRejectReason[] = [];
  const details: string[] = [];
  const sheetRaw = get('mapSheetNo');
  const sheet = sheetRaw === undefined || text(sheetRaw) === null ? d.mapSheetNo : positiveInt(parseNumber(sheetRaw));
  const parcelRaw = get('parcelNo');
  const parcel = positiveInt(parseNumber(parcelRaw));
  if (sheet === null || parcel === null) {
    reasons.push('key_missing');
    if (sheet === null && text(sheetRaw)) details.push(`số tờ '${text(sheetRaw)}'`);
    if (parcel === null && text(parcelRaw)) details.push(`số thửa '${text(parcelRaw)}'`);
  }
  const areaRaw = get('legalAreaM2');
  const area = parseNumber(areaRaw);
  if (area !== undefined && !(area > 0 && area < 1e9)) {
    reasons.push('area_invalid');
    details.push(`diện tích '${text(areaRaw)}'`);
  }
  return {
    attrs: {
      unit: text(get('formerUnit')) ?? d.formerUnit,
      mapSheetNo: sheet, parcelNo: parcel,
      landUseCode: text(get('landUseCode'))?.toUpperCase() ?? null,
      legalAreaM2: area !== undefined && area > 0 ? Math.round(area * 10) / 10 : null,
      address: text(get('address')),
    },
    reasons,
    detail: details.length ? details.join('; ') : null,
  };
}

const STATUSES = ['planned', 'approved', 'clearing', 'construction', 'done'];

/** Typed attributes of one feature of the projects layer. Missing name/type/status only matter for a new one. */
export function mapProject(props: Record<string, unknown>, m: ImportMapping): MappedFeature {
  const get = (t: string) => (m[t] ? text(props[m[t] as string]) : null);
  const reasons: ImportRejectReason[] = [];
  const details: string[] = [];
  const code = get('code');
  if (!code) reasons.push('code_missing');
  const type = get('type')?.toLowerCase() ?? null;
  if (type && !ProjectType.options.includes(type as ProjectType)) { reasons.push('project_type_unknown'); details.push(`loại '${type}'`); }
  const status = get('status')?.toLowerCase() ?? null;
  if (status && !STATUSES.includes(status)) { reasons.push('project_status_unknown'); details.push(`trạng thái '${status}'`); }
  const area = parseNumber(get('plannedAreaHa'));
  if (area !== undefined && !(area > 0 && area < 1e6)) { reasons.push('area_invalid'); details.push(`diện tích '${get('plannedAreaHa')}'`); }
  return {
    attrs: {
      code, name: get('name'), type, status, decisionNo: get('decisionNo'),
      plannedAreaHa: area !== undefined && area > 0 ? Math.round(area * 1e4) / 1e4 : null,
    },
    reasons,
    detail: details.length ? details.join('; ') : null,
  };
}
