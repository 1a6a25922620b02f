/** Calls of the certificate workflow (typed from the contract); errors arrive as ApiError. */
import {
  CertificatesPath, type ParcelDetail, type ParcelEdit, type Progress, type RegisterFacets, type RegisterFilterInput,
  type RegisterPage, type RegisterSort, type SearchResult,
} from '../../../server/api/contract';
import { ApiError, getJson, sendJson } from '../../api/client';

export interface ListParams { filter: RegisterFilterInput; sort: RegisterSort; dir: 'asc' | 'desc'; page: number; pageSize: number }

/** Query string of a filter (empty filters left out). */
export function filterQuery(f: RegisterFilterInput, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    const s = Array.isArray(v) ? v.join(',') : v;
    if (s) q.set(k, String(s));
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return q.toString();
}

export const fetchFacets = async (signal?: AbortSignal) => (await getJson(CertificatesPath.facets, signal)) as RegisterFacets;

export async function fetchRegister(p: ListParams, signal?: AbortSignal): Promise<RegisterPage> {
  const qs = filterQuery(p.filter, { sort: p.sort, dir: p.dir, page: p.page, pageSize: p.pageSize });
  return (await getJson(`${CertificatesPath.parcels}?${qs}`, signal)) as RegisterPage;
}

export const searchParcels = async (q: string, signal?: AbortSignal) =>
  (await getJson(`${CertificatesPath.search}?${new URLSearchParams({ q })}`, signal)) as SearchResult;

export const fetchParcel = async (id: number, signal?: AbortSignal) => (await getJson(CertificatesPath.parcel(id), signal)) as ParcelDetail;

export const fetchProgress = async (signal?: AbortSignal) => (await getJson(CertificatesPath.progress, signal)) as Progress;

/** The export file's URL for the current filter and sort. */
export function exportUrl(f: RegisterFilterInput, format: 'csv' | 'xlsx', sort: RegisterSort, dir: 'asc' | 'desc'): string {
  return `${CertificatesPath.export}?${filterQuery(f, { format, sort, dir })}`;
}

/** The outcome of an edit: the parcel after it, or the conflict with the parcel as it is now. */
export type EditOutcome = { ok: true; parcel: ParcelDetail } | { ok: false; conflict: ParcelDetail; message: string };

/** PATCH the parcel; a 409 version conflict comes back as a result carrying the current state. */
export async function editParcel(id: number, edit: ParcelEdit): Promise<EditOutcome> {
  try {
    return { ok: true, parcel: (await sendJson('PATCH', CertificatesPath.parcel(id), edit)) as ParcelDetail };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'version_conflict') {
      return { ok: false, conflict: await fetchParcel(id), message: err.message };
    }
    throw err;
  }
}
