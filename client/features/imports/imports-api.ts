/**
 * The import endpoints (server/api/imports.contract.ts) as typed calls. The upload goes through XMLHttpRequest,
 * not fetch, because only XHR reports upload progress (files can be hundreds of MB).
 */
import type { FeatureCollection } from 'geojson';
import {
  CSRF_HEADER, ErrorBody, ImportJob, ImportPath, ImportRowPage,
  type ImportAction, type ImportCommitBody, type ImportLayer, type ImportOptions,
} from '../../../server/api/contract';
import { ApiError, csrfToken, getJson, sendJson } from '../../api/client';

/** Upload options sent as query parameters (the same as ImportOptions, without the mapping). */
export type UploadOptions = Omit<ImportOptions, 'mapping'>;

/** The ApiError of a non-2xx answer: the server's `{error:{code,message}}` when it sent one. */
export function errorOf(status: number, text: string, path: string): ApiError {
  if (status === 0) return new ApiError(0, 'network', `Cannot reach the server (${path}).`);
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (a proxy page): the generic message below
  }
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) return new ApiError(status, parsed.data.error.code, parsed.data.error.message);
  return new ApiError(status, 'http_error', `HTTP ${status} (${path})`);
}

/** The query string of the upload options; undefined and empty values are left out. */
export function uploadQuery(o: UploadOptions): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === '') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `&${parts.join('&')}` : '';
}

export interface Upload {
  /** resolves with the job the server created (202) */
  done: Promise<ImportJob>;
  abort: () => void;
}

/** POST the file's bytes; `onProgress(sent, total)` in bytes while they go up. */
export function uploadImport(layer: ImportLayer, file: File, options: UploadOptions, onProgress: (sent: number, total: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const path = ImportPath.upload(layer, file.name) + uploadQuery(options);
  const done = new Promise<ImportJob>((resolve, reject) => {
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(CSRF_HEADER, csrfToken());
    xhr.upload.onprogress = (ev) => onProgress(ev.loaded, ev.lengthComputable ? ev.total : file.size);
    xhr.onerror = () => reject(errorOf(0, '', path));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Upload cancelled.'));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorOf(xhr.status, xhr.responseText, path));
      const parsed = ImportJob.safeParse(safeJson(xhr.responseText));
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(xhr.status, 'bad_response', `Unexpected import job: ${parsed.error.issues[0]?.message}`));
    };
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function parseJob(body: unknown): ImportJob {
  const parsed = ImportJob.safeParse(body);
  if (!parsed.success) throw new ApiError(200, 'bad_response', `Unexpected import job: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** GET the job: state, progress, counts, reasons. */
export async function fetchImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return parseJob(await getJson(ImportPath.job(id), signal));
}

/** Analyse the uploaded file again with other options (CRS, mapping, defaults). */
export async function analyseImport(id: string, options: ImportOptions): Promise<ImportJob> {
  return parseJob(await sendJson('POST', ImportPath.analyse(id), options));
}

/** Start the commit (202); poll the job until 'committed' or 'failed'. */
export async function commitImport(id: string, body: ImportCommitBody): Promise<ImportJob> {
  return parseJob(await sendJson('POST', ImportPath.commit(id), body));
}

/** Discard the job and its uploaded file. */
export async function discardImport(id: string): Promise<void> {
  const path = ImportPath.job(id);
  let res: Response;
  try {
    res = await fetch(path, { method: 'DELETE', credentials: 'same-origin', headers: { accept: 'application/json', [CSRF_HEADER]: csrfToken() } });
  } catch {
    throw errorOf(0, '', path);
  }
  if (!res.ok) throw errorOf(res.status, await res.text(), path);
}

export interface RowFilter {
  action?: ImportAction;
  warned?: boolean;
  offset: number;
  limit: number;
}

/** One page of the preview table. */
export async function fetchImportRows(id: string, f: RowFilter, signal?: AbortSignal): Promise<ImportRowPage> {
  const q = new URLSearchParams({ offset: String(f.offset), limit: String(f.limit) });
  if (f.action) q.set('action', f.action);
  if (f.warned) q.set('warned', 'true');
  return ImportRowPage.parse(await getJson(`${ImportPath.rows(id)}?${q}`, signal));
}

/** The file's features for the map preview (properties: seq, action, key, reasons, warnings). */
export async function fetchImportFeatures(id: string, signal?: AbortSignal): Promise<FeatureCollection> {
  const body = (await getJson(ImportPath.features(id), signal)) as FeatureCollection;
  if (body?.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
    throw new ApiError(200, 'bad_response', 'Unexpected preview features.');
  }
  return body;
}

/** Link of the rejected rows as CSV (downloaded by the browser with the session cookie). */
export function rejectionsUrl(id: string): string {
  return ImportPath.rejections(id);
}
