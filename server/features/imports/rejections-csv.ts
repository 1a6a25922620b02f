/**
 * The rejected features of an import as a CSV for the land office to fix its file: where each one is in the
 * file, its key, the reasons (code and Vietnamese text) and PostGIS's detail. UTF-8 with BOM (Excel), written
 * page by page so a file with 100 000 rejections never sits in memory whole.
 */
import type { Writable } from 'node:stream';
import type { ImportRejectReason, ImportRow, ImportWarning } from '../../api/contract.ts';

/** Plain-language reason, as the land office reads it (the client has its own vi/en texts for the screen). */
export const REASON_VI: Record<ImportRejectReason | ImportWarning, string> = {
  geometry_missing: 'không có hình thửa',
  geometry_invalid: 'hình không hợp lệ (tự cắt, vòng hở …)',
  geometry_not_polygon: 'không phải vùng (điểm/đường)',
  coordinates_out_of_range: 'tọa độ ngoài phạm vi — sai hệ tọa độ?',
  outside_ward: 'nằm ngoài địa giới phường',
  key_missing: 'thiếu đơn vị, số tờ hoặc số thửa',
  unit_unknown: 'không nhận ra đơn vị hành chính cũ',
  duplicate_key: 'trùng khóa (đơn vị + số tờ + số thửa / mã dự án) trong tệp',
  land_use_unknown: 'mã loại đất không có hoặc không có trong danh mục',
  area_invalid: 'diện tích không hợp lệ',
  code_missing: 'thiếu mã dự án',
  name_missing: 'thiếu tên dự án',
  project_type_unknown: 'loại dự án không có hoặc không hợp lệ',
  project_status_unknown: 'trạng thái dự án không hợp lệ',
  area_from_geometry: 'không có diện tích pháp lý: dùng diện tích đo trên bản đồ',
  area_mismatch: 'diện tích pháp lý và diện tích bản đồ lệch quá 10 %',
  overlaps_existing: 'chồng lấn thửa đã có',
  geometry_repaired: 'đã khép vòng / bỏ tọa độ Z',
};

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const PAGE = 2000;

/** Write every rejected row to out (paged by readPage), then end it. */
export async function rejectionsCsv(out: Writable, readPage: (offset: number, limit: number) => Promise<ImportRow[]>): Promise<void> {
  const write = (line: string) => new Promise<void>((resolve) => (out.write(line) ? resolve() : out.once('drain', resolve)));
  await write('\uFEFFThứ tự,Vị trí trong tệp,Khóa,Mã lý do,Lý do,Chi tiết\r\n');
  for (let offset = 0; ; offset += PAGE) {
    const rows = await readPage(offset, PAGE);
    for (const r of rows) {
      await write([r.seq, r.sourceRef, r.key, r.reasons.join(' '), r.reasons.map((c) => REASON_VI[c]).join('; '), r.detail]
        .map(cell).join(',') + '\r\n');
    }
    if (rows.length < PAGE) break;
  }
  out.end();
}
