/**
 * Opens an uploaded file with the right reader. The format is sniffed from the first bytes (a land office's
 * files are often misnamed: '.zip' holding a GeoPackage, '.txt' holding CSV), the extension only breaks ties.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportFormat } from '../../../api/contract.ts';
import { openCsv } from './csv.ts';
import { openDxf } from './dxf.ts';
import { openGeoJson } from './geojson.ts';
import { isSqlite, openGpkg } from './gpkg.ts';
import { openShapefile } from './shapefile.ts';
import type { OpenedSource } from './types.ts';
import { UnreadableFileError } from './types.ts';
import { extractZip } from './zip.ts';

export { UnreadableFileError } from './types.ts';
export type { DeclaredCrs, OpenedSource, SourceFeature } from './types.ts';

/** 'zip' or a format, from the first bytes and the name; null when it is none of them. */
export function sniffFormat(head: Buffer, fileName: string): ImportFormat | 'zip' | null {
  const ext = path.extname(fileName).toLowerCase();
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'zip';
  if (isSqlite(head)) return 'gpkg';
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(text)) return 'geojson';
  // DXF group code 0 then SECTION, each on its own line (CRLF or LF, codes may be space-padded)
  if (/^\s*0\s*\r?\n\s*SECTION\s*\r?\n/.test(text)) return 'dxf';
  if (looksLikeText(head) && ['.csv', '.txt', '.tsv', ''].includes(ext)) return 'csv';
  if (looksLikeText(head) && ext === '.dxf') return 'dxf';
  return null;
}

/** No NUL bytes and valid UTF-8 (a cut multi-byte character at the end of the sample is allowed). */
function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return true;
  } catch {
    return false;
  }
}

function readHead(filePath: string): Buffer {
  const fd = fs.openSync(filePath, 'r');
  try {
    const buf = Buffer.alloc(4096);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

const unsupported = (fileName: string) => new UnreadableFileError(
  `Không nhận ra định dạng của tệp ${fileName}. Hỗ trợ: GeoJSON, Shapefile (.zip), GeoPackage, CSV, DXF. / ` +
  `The format of ${fileName} is not recognised. Supported: GeoJSON, zipped Shapefile, GeoPackage, CSV, DXF.`,
  'import_format_unsupported');

function openFormat(format: ImportFormat, filePath: string, files: string[]): Promise<OpenedSource> {
  switch (format) {
    case 'geojson': return openGeoJson(filePath);
    case 'gpkg': return openGpkg(filePath);
    case 'csv': return openCsv(filePath);
    case 'dxf': return openDxf(filePath);
    case 'shp': return openShapefile(files);
  }
}

/** What a zip holds: a Shapefile (any of its parts present), or exactly one single-file dataset. */
async function openZipMembers(files: string[], fileName: string): Promise<OpenedSource> {
  const isShpPart = (f: string) => ['.shp', '.shx', '.dbf', '.prj', '.cpg'].includes(path.extname(f).toLowerCase());
  if (files.some(isShpPart)) return openShapefile(files);
  if (files.length === 0) {
    throw new UnreadableFileError(`Tệp zip ${fileName} không chứa Shapefile, GeoJSON, GeoPackage, CSV hay DXF. / ` +
      `The zip ${fileName} holds no Shapefile, GeoJSON, GeoPackage, CSV or DXF.`, 'import_format_unsupported');
  }
  if (files.length > 1) {
    const names = files.map((f) => path.basename(f)).join(', ');
    throw new UnreadableFileError(`Tệp zip chứa nhiều tệp dữ liệu (${names}); hãy nhập từng tệp. / The zip holds several data files (${names}); import them one by one.`);
  }
  const inner = files[0];
  const format = sniffFormat(readHead(inner), inner);
  if (!format || format === 'zip') throw unsupported(path.basename(inner));
  return openFormat(format, inner, files);
}

/**
 * Opens an uploaded file for reading. `workDir` is the job's private temp folder (created and deleted by the
 * pipeline): zip members are extracted there. Throws UnreadableFileError with the user's message.
 */
export async function openSource(filePath: string, fileName: string, workDir: string): Promise<OpenedSource> {
  const format = sniffFormat(readHead(filePath), fileName);
  if (format === null) throw unsupported(fileName);
  if (format !== 'zip') return openFormat(format, filePath, [filePath]);
  const files = await extractZip(filePath, path.join(workDir, 'zip'));
  return openZipMembers(files, fileName);
}
