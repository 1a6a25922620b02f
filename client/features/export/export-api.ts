/**
 * Layer exports from the client: the URL of a selection, and a download by fetch → Blob → object URL, so a
 * refusal shows in the dialog in the one error shape (never a downloaded error page) and the received bytes
 * of the streamed answer can be shown while it arrives.
 */
import {
  ErrorBody, exportFileName, LayerExportPath, isSelection,
  type LayerExportCrs, type LayerExportFormat, type LayerId, type RegisterFilterInput,
} from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import { filterQuery } from '../certificates/certificates-api';

/** What to export: the whole layer, the map's view (bbox, EPSG:4326), the register filter or a project's parcels. */
export type ExportScope =
  | { kind: 'all' }
  | { kind: 'view'; bbox: [number, number, number, number] }
  | { kind: 'filter'; filter: RegisterFilterInput }
  | { kind: 'project'; projectId: number };

export interface ExportChoice { layer: LayerId; format: LayerExportFormat; crs: LayerExportCrs; scope: ExportScope }

/** The query of a scope (bbox with 7 decimals ≈ 1 cm). */
function scopeParams(scope: ExportScope): Record<string, string> {
  switch (scope.kind) {
    case 'all': return {};
    case 'view': return { bbox: scope.bbox.map((v) => v.toFixed(7)).join(',') };
    case 'filter': return Object.fromEntries(new URLSearchParams(filterQuery(scope.filter)));
    case 'project': return { project: String(scope.projectId) };
  }
}

/** GET /api/export/:layer?format&crs&… for a choice. */
export function exportUrl(c: ExportChoice): string {
  const q = new URLSearchParams({ format: c.format, crs: c.crs, ...scopeParams(c.scope) });
  return `${LayerExportPath.layer(c.layer)}?${q}`;
}

/** The file name the server gives (Content-Disposition), else the contract's. */
function fileNameOf(res: Response, c: ExportChoice): string {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(res.headers.get('content-disposition') ?? '');
  return m ? decodeURIComponent(m[1]) : exportFileName(c.layer, c.format, c.crs, isSelection(scopeParams(c.scope)));
}

async function refusal(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let body: unknown = null;
  try { body = JSON.parse(text); } catch { /* not JSON: a proxy page */ }
  const parsed = ErrorBody.safeParse(body);
  return parsed.success
    ? new ApiError(res.status, parsed.data.error.code, parsed.data.error.message)
    : new ApiError(res.status, 'http_error', `HTTP ${res.status} ${res.statusText}`);
}

/** Download the export; onBytes gets the bytes received so far. A connection cut mid-file rejects (no partial file). */
export async function downloadExport(c: ExportChoice, onBytes: (n: number) => void, signal?: AbortSignal): Promise<{ blob: Blob; name: string }> {
  let res: Response;
  try {
    res = await fetch(exportUrl(c), { credentials: 'same-origin', signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'Cannot reach the server.');
  }
  if (!res.ok) throw await refusal(res);
  const chunks: Uint8Array[] = [];
  let n = 0;
  const reader = res.body?.getReader();
  if (!reader) return { blob: await res.blob(), name: fileNameOf(res, c) };
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks.push(r.value);
      n += r.value.byteLength;
      onBytes(n);
    }
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The connection broke while the file was being received; nothing was saved.');
  }
  return { blob: new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' }), name: fileNameOf(res, c) };
}

/** Save a blob under name through a temporary object URL. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // the browser has started reading the URL synchronously; free it a little later
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
