/**
 * The backlog list as files for the office: CSV (UTF-8 with BOM, so Excel reads the Vietnamese letters) and an
 * Excel workbook (.xlsx, written with exceljs) with Vietnamese headers. The land users' names are a column
 * only when the caller may see personal data.
 */
import ExcelJS from 'exceljs';
import type { RegisterRow } from '../../api/contract.ts';

const UNIT_VI: Record<string, string> = { 'an-phu': 'An Phụ', 'hiep-hoa': 'Hiệp Hòa', 'thuong-quan': 'Thượng Quận' };
const STATUS_VI: Record<string, string> = {
  issued: 'Đã cấp GCN', backlog: 'Chưa cấp GCN lần đầu', state: 'Đất Nhà nước quản lý / không đủ điều kiện', unknown: 'Chưa xác định',
};
const REASON_VI: Record<string, string> = {
  unauthorised_allocation: 'Giao đất trái thẩm quyền', encroachment: 'Lấn, chiếm đất', dispute: 'Tranh chấp',
  missing_records: 'Thiếu hồ sơ địa chính',
};

interface Column { header: string; width: number; value: (r: RegisterRow) => string | number | null }

function columns(withNames: boolean): Column[] {
  const cols: Column[] = [
    { header: 'Đơn vị hành chính cũ', width: 16, value: (r) => UNIT_VI[r.formerUnit] ?? r.formerUnit },
    { header: 'Số tờ', width: 7, value: (r) => r.mapSheetNo },
    { header: 'Số thửa', width: 8, value: (r) => r.parcelNo },
    { header: 'Loại đất', width: 9, value: (r) => r.landUseCode },
    { header: 'Diện tích pháp lý (m²)', width: 12, value: (r) => r.legalAreaM2 },
    { header: 'Tổ dân phố', width: 16, value: (r) => r.residentialGroup },
    { header: 'Tình trạng GCN', width: 22, value: (r) => STATUS_VI[r.certStatus] ?? r.certStatus },
    { header: 'Lý do chưa cấp GCN', width: 24, value: (r) => (r.backlogReason ? REASON_VI[r.backlogReason] : null) },
    { header: 'Ghi chú', width: 40, value: (r) => r.backlogNote },
    { header: 'Ngày lập hồ sơ', width: 12, value: (r) => r.openedAt },
    { header: 'Số phát hành GCN', width: 14, value: (r) => r.serials },
    { header: 'Ngày cấp GCN', width: 12, value: (r) => r.issueDate },
    { header: 'Đã số hóa', width: 9, value: (r) => (r.digitised === null ? null : r.digitised ? 'Có' : 'Chưa') },
  ];
  if (withNames) cols.push({ header: 'Chủ sử dụng', width: 30, value: (r) => r.holderName ?? null });
  cols.push({ header: 'Dữ liệu minh họa', width: 10, value: (r) => (r.demo ? 'Có' : 'Không') });
  return cols;
}

function csvCell(v: string | number | null): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rows as CSV text (BOM, header row, CRLF line ends as RFC 4180 says). */
export function registerCsv(rows: RegisterRow[], withNames: boolean): string {
  const cols = columns(withNames);
  const lines = [cols.map((c) => csvCell(c.header)).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvCell(c.value(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The rows as an .xlsx workbook: sheet "Danh sách" (frozen, filterable header) and a "Ghi chú" sheet. */
export async function registerXlsx(rows: RegisterRow[], withNames: boolean, note: string): Promise<Buffer> {
  const cols = columns(withNames);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bản đồ quản lý đất đai phường Trần Liễu';
  wb.created = new Date();
  const ws = wb.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(cols.map((c) => c.value(r)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  const info = wb.addWorksheet('Ghi chú');
  info.getColumn(1).width = 110;
  for (const line of note.split('\n')) info.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
