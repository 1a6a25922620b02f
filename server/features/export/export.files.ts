/**
 * Writers of the text and spreadsheet formats: GeoJSON, CSV (UTF-8 with BOM so Excel reads Vietnamese; WKT
 * geometry) and XLSX (exceljs; attributes + a point on each feature). All coordinates are already in the
 * requested CRS (PostGIS transformed them).
 */
import ExcelJS from 'exceljs';
import type { LayerExportCrs, LayerId } from '../../api/contract.ts';
import type { ExportRow } from './export.repo.ts';
import { cellValue, coordinateHeaders, headerVi, propertyKeys } from './export.columns.ts';

export const DEMO_NOTE_VI = 'Dữ liệu minh họa ở các lớp có thuộc tính "Dữ liệu minh họa" = Có: không phải dữ liệu địa chính thật.';

/**
 * GeoJSON. RFC 7946 allows only WGS 84 lon/lat; a VN-2000 export therefore carries the (pre-RFC, 2008) `crs`
 * member naming the EPSG code, which GDAL/QGIS read — a strict RFC 7946 reader would take the metres for degrees.
 */
export function toGeoJson(layer: LayerId, crs: LayerExportCrs, rows: readonly ExportRow[]): string {
  return `${geoJsonHead(layer, crs)}${rows.map(geoJsonFeature).join(',\n')}${GEOJSON_TAIL}`;
}

/** The FeatureCollection up to the opening of its features array (streamed exports write the rest in chunks). */
export function geoJsonHead(layer: LayerId, crs: LayerExportCrs): string {
  const head = crs === '4326'
    ? `{"type":"FeatureCollection","name":${JSON.stringify(layer)}`
    : `{"type":"FeatureCollection","name":${JSON.stringify(layer)},"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::${crs}"}}`;
  return `${head},"features":[\n`;
}

/** One feature (the geometry text is PostGIS's ST_AsGeoJSON, already in the CRS). */
export const geoJsonFeature = (r: ExportRow): string =>
  `{"type":"Feature","id":${JSON.stringify(r.id)},"geometry":${r.geometry},"properties":${JSON.stringify(r.properties)}}`;

export const GEOJSON_TAIL = '\n]}\n';

const csvCell = (v: string | number | null): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** CSV: one row per feature — attributes (Vietnamese headers), a point on the feature, the geometry as WKT. */
export function toCsv(crs: LayerExportCrs, rows: readonly ExportRow[]): string {
  const keys = propertyKeys(rows);
  return `${csvHeader(keys, crs)}${rows.map((r) => csvLine(keys, r)).join('')}`;
}

/** BOM + the header line of the CSV for these property keys. */
export function csvHeader(keys: readonly string[], crs: LayerExportCrs): string {
  const header = [...keys.map(headerVi), ...coordinateHeaders(crs), `Hình học (WKT, EPSG:${crs})`];
  return `\uFEFF${header.map(csvCell).join(',')}\r\n`;
}

/** One CSV line (CRLF-terminated) of a feature. */
export const csvLine = (keys: readonly string[], r: ExportRow): string =>
  `${[...keys.map((k) => cellValue(r.properties[k])), r.cx, r.cy, r.wkt].map(csvCell).join(',')}\r\n`;

/** XLSX: sheet "Dữ liệu" (attributes + point coordinates) and sheet "Ghi chú" (layer, CRS, demo note). */
export async function toXlsx(layer: LayerId, crs: LayerExportCrs, rows: readonly ExportRow[]): Promise<Buffer> {
  const keys = propertyKeys(rows);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Dữ liệu');
  sheet.columns = [...keys.map(headerVi), ...coordinateHeaders(crs)].map((header) => ({ header, width: Math.max(10, header.length + 2) }));
  for (const r of rows) sheet.addRow([...keys.map((k) => cellValue(r.properties[k])), r.cx, r.cy]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = wb.addWorksheet('Ghi chú');
  notes.addRows([
    ['Lớp dữ liệu', layer],
    ['Hệ tọa độ', crs === '4326' ? 'WGS 84 (EPSG:4326), độ' : `VN-2000 / TM-3 (EPSG:${crs}), mét`],
    ['Số đối tượng', rows.length],
    ['Tọa độ', 'Một điểm nằm trên đối tượng (ST_PointOnSurface)'],
    ['Lưu ý', DEMO_NOTE_VI],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
