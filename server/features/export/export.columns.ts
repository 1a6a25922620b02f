/**
 * The attribute columns of an exported layer: Vietnamese headers for CSV/XLSX (land-office words) and
 * ≤ 10-character field names for the Shapefile's dBASE table. Keys are the OGC sources' property names.
 */
import type { LayerExportCrs } from '../../api/contract.ts';

interface ColumnName { vi: string; dbf: string }

const NAMES: Record<string, ColumnName> = {
  id: { vi: 'Mã đối tượng', dbf: 'MA_DT' },
  demo: { vi: 'Dữ liệu minh họa', dbf: 'MINH_HOA' },
  formerUnit: { vi: 'Đơn vị hành chính cũ', dbf: 'DVHC_CU' },
  mapSheetNo: { vi: 'Số tờ', dbf: 'SO_TO' },
  parcelNo: { vi: 'Số thửa', dbf: 'SO_THUA' },
  landUseCode: { vi: 'Loại đất', dbf: 'LOAI_DAT' },
  legalAreaM2: { vi: 'Diện tích pháp lý (m²)', dbf: 'DT_PL_M2' },
  mappedAreaM2: { vi: 'Diện tích bản đồ (m², VN-2000)', dbf: 'DT_BD_M2' },
  mappedAreaHa: { vi: 'Diện tích bản đồ (ha, VN-2000)', dbf: 'DT_BD_HA' },
  mappedAreaKm2: { vi: 'Diện tích bản đồ (km², VN-2000)', dbf: 'DT_BD_KM2' },
  officialAreaKm2: { vi: 'Diện tích công bố (km²)', dbf: 'DT_CB_KM2' },
  plannedAreaHa: { vi: 'Diện tích quy hoạch (ha)', dbf: 'DT_QH_HA' },
  certStatus: { vi: 'Tình trạng GCN', dbf: 'TT_GCN' },
  backlogReason: { vi: 'Lý do chưa cấp GCN', dbf: 'LY_DO' },
  digitised: { vi: 'Đã số hóa', dbf: 'SO_HOA' },
  residentialGroup: { vi: 'Tổ dân phố', dbf: 'TO_DP' },
  village: { vi: 'Thôn, xóm cũ', dbf: 'THON' },
  name: { vi: 'Tên', dbf: 'TEN' },
  code: { vi: 'Mã', dbf: 'MA' },
  gsoCode: { vi: 'Mã ĐVHC (TCTK)', dbf: 'MA_TCTK' },
  population: { vi: 'Dân số (người)', dbf: 'DAN_SO' },
  partial: { vi: 'Chỉ một phần trong phường', dbf: 'MOT_PHAN' },
  status: { vi: 'Trạng thái', dbf: 'TRANG_THAI' },
  decisionNo: { vi: 'Số quyết định', dbf: 'SO_QD' },
  encroachmentHotspots: { vi: 'Điểm nóng lấn chiếm', dbf: 'LAN_CHIEM' },
  roadClass: { vi: 'Cấp đường', dbf: 'CAP_DUONG' },
  lengthM: { vi: 'Chiều dài (m, VN-2000)', dbf: 'DAI_M' },
  type: { vi: 'Loại', dbf: 'LOAI' },
  rank: { vi: 'Xếp hạng', dbf: 'XEP_HANG' },
  level: { vi: 'Cấp học', dbf: 'CAP_HOC' },
  standardLevel: { vi: 'Mức chuẩn quốc gia', dbf: 'CHUAN_QG' },
  reportFootnote: { vi: 'Chú thích báo cáo', dbf: 'CHU_THICH' },
  note: { vi: 'Ghi chú', dbf: 'GHI_CHU' },
};

/** Vietnamese header of a property (the key itself when the table has none). */
export const headerVi = (key: string): string => NAMES[key]?.vi ?? key;

/** dBASE field name: ASCII, ≤ 10 characters, unique within the table. */
export function dbfNames(keys: readonly string[]): string[] {
  const used = new Set<string>();
  return keys.map((k) => {
    const base = (NAMES[k]?.dbf ?? k.replace(/[^A-Za-z0-9_]/g, '_')).slice(0, 10).toUpperCase();
    let name = base;
    for (let i = 1; used.has(name); i++) name = `${base.slice(0, 10 - String(i).length)}${i}`;
    used.add(name);
    return name;
  });
}

/** The property keys of the features, in first-seen order (every feature of a layer has the same ones). */
export function propertyKeys(rows: readonly { properties: Record<string, unknown> }[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.properties)) keys.add(k);
  return [...keys];
}

/** Headers of the coordinate columns: longitude/latitude in degrees, or easting/northing in metres. */
export function coordinateHeaders(crs: LayerExportCrs): [string, string] {
  return crs === '4326'
    ? ['Kinh độ (độ, WGS 84)', 'Vĩ độ (độ, WGS 84)']
    : [`X – Đông (m, EPSG:${crs})`, `Y – Bắc (m, EPSG:${crs})`];
}

/** A cell value: booleans as Có/Không, objects (none expected) as JSON. */
export function cellValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number' || typeof v === 'string') return v;
  return JSON.stringify(v);
}
