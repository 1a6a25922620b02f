/**
 * Contract of the land officers' certificate workflow (issue 4): the parcel register (list, counts, exports),
 * search, the parcel panel with its history, status edits with optimistic concurrency, and progress.
 * Re-exported by ./contract.ts; import it from there. It uses the shared vocabularies (CertStatus,
 * BacklogReason, FormerUnitId) lazily: contract.ts re-exports this file, so they are not initialised yet
 * when this module body runs.
 *
 * Words: GCN = giấy chứng nhận (certificate), số phát hành = its serial (e.g. "CS 123456"), cấp GCN lần đầu =
 * first issue; tồn đọng = the backlog; số hóa = digitised into the land database; chủ sử dụng = land user.
 */
import { z } from 'zod';
import { BacklogReason, CertStatus, FormerUnitId } from './contract.ts';
import { requireIdForPersons, RightHolderFields } from './land-users.contract.ts';

const certStatus = z.lazy(() => CertStatus);
const backlogReason = z.lazy(() => BacklogReason);
const formerUnit = z.lazy(() => FormerUnitId);

export const CertificatesPath = {
  parcels: '/api/certificates/parcels',
  parcel: (id: number | string) => `/api/certificates/parcels/${encodeURIComponent(String(id))}`,
  export: '/api/certificates/export',
  search: '/api/certificates/search',
  progress: '/api/certificates/progress',
  facets: '/api/certificates/facets',
} as const;

/** The report's target (§1.5): 100 % of first certificates by April 2026; the baseline is its period end. */
export const FIRST_CERT_TARGET = Object.freeze({ deadline: '2026-04-30', baseline: '2025-09-30', section: '1.5' });

/** How the map colours parcels: certificate status, backlog reason, or digitised/not digitised. */
export const ParcelStyleMode = z.enum(['status', 'reason', 'digitised']);
export type ParcelStyleMode = z.infer<typeof ParcelStyleMode>;

/** "a,b,c" or repeated params → a non-empty array of allowed values; absent → undefined (no filter). */
function listOf<T extends z.ZodTypeAny>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean)))
    .pipe(z.array(item).max(50).optional())
    .transform((a) => (a && a.length > 0 ? a : undefined));
}

/** The register filters; every one combines with the others (AND), values within one filter with OR. */
export const RegisterFilter = z.object({
  formerUnit: listOf(formerUnit),
  /** Residential group (tổ dân phố) ids, e.g. "tdp-an-phu-1". */
  group: listOf(z.string().max(60)),
  landUse: listOf(z.string().regex(/^[A-Z]{2,4}$/, 'land-use code: 2–4 capital letters')),
  status: listOf(certStatus),
  reason: listOf(backlogReason),
  /** yes: parcels with a digitised certificate; no: with a certificate not yet digitised. */
  digitised: z.enum(['yes', 'no']).optional(),
});
export type RegisterFilter = z.infer<typeof RegisterFilter>;
/** The filter as the client holds it (before parsing). */
export type RegisterFilterInput = z.input<typeof RegisterFilter>;

/** Sort keys of the backlog list (an allow-list: the SQL orders by a fixed CASE per key). */
export const RegisterSort = z.enum(['key', 'landUse', 'area', 'status', 'reason', 'openedAt', 'group']);
export type RegisterSort = z.infer<typeof RegisterSort>;

export const RegisterQuery = RegisterFilter.extend({
  sort: RegisterSort.default('key'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type RegisterQuery = z.input<typeof RegisterQuery>;

export const ExportQuery = RegisterFilter.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  sort: RegisterSort.default('key'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});

/** One parcel of the register. holderName is personal data (only for roles that may see it). */
export interface RegisterRow {
  id: number;
  formerUnit: FormerUnitId;
  mapSheetNo: number;
  parcelNo: number;
  landUseCode: string;
  /** m², from the land register. */
  legalAreaM2: number;
  residentialGroupId: string | null;
  residentialGroup: string | null;
  certStatus: CertStatus;
  backlogReason: BacklogReason | null;
  backlogNote: string | null;
  openedAt: string | null;
  digitised: boolean | null;
  serials: string | null;
  issueDate: string | null;
  /** The land users, joined with "; " (personal data: only for roles that may see it). */
  holderName?: string | null;
  version: number;
  demo: boolean;
}

/** Counts of the filtered selection (the same selection as the list and the map). */
export interface RegisterCounts {
  total: number;
  byStatus: Record<CertStatus, number>;
  byReason: Record<BacklogReason, number>;
  digitised: number;
  notDigitised: number;
}

export interface RegisterPage {
  rows: RegisterRow[];
  counts: RegisterCounts;
  page: number;
  pageSize: number;
}

/** Filter choices: residential groups (with their former unit) and the land-use codes in use. */
export interface RegisterFacets {
  groups: { id: string; name: string; formerUnit: FormerUnitId | null }[];
  landUses: { code: string; nameVi: string; nameEn: string; n: number }[];
}

// ---------------------------------------------------------------- search
export const SearchQuery = z.object({ q: z.string().trim().min(1, 'type something to search').max(100) });

export const SearchMatch = z.enum(['key', 'name', 'serial']);
export type SearchMatch = z.infer<typeof SearchMatch>;

export interface SearchHit {
  parcelId: number;
  formerUnit: FormerUnitId;
  mapSheetNo: number;
  parcelNo: number;
  landUseCode: string;
  certStatus: CertStatus;
  match: SearchMatch;
  /** The matched land user (personal: only for roles that may see it) or certificate serial. */
  holderName?: string;
  serial?: string;
  /** [minLon, minLat, maxLon, maxLat], EPSG:4326, for the map to fly to. */
  bbox: [number, number, number, number];
}

export interface SearchResult {
  hits: SearchHit[];
  /** false when the user may not search by land users' names (the public, planners, admins). */
  nameSearch: boolean;
}

// ---------------------------------------------------------------- the parcel panel
export interface ParcelParty {
  partyId: number;
  kind: 'household' | 'individual' | 'organisation' | 'state';
  /** Personal for households and individuals: removed for roles that may not see it. */
  name?: string;
  address?: string | null;
  idNumber?: string | null;
  rightKind: 'ownership_use' | 'lease' | 'state_management';
  share: number;
}

export interface ParcelCertificate {
  id: number;
  serial: string;
  issueDate: string;
  digitised: boolean;
  partyId: number | null;
}

export interface ParcelHistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: 'insert' | 'update' | 'delete' | 'load';
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ParcelDetail {
  id: number;
  version: number;
  demo: boolean;
  formerUnit: FormerUnitId;
  mapSheetNo: number;
  parcelNo: number;
  landUseCode: string;
  landUseNameVi: string;
  landUseNameEn: string;
  /** m², land register. */
  legalAreaM2: number;
  /** m², planar in VN-2000 / TM-3 105°30' (EPSG:9209). */
  mappedAreaM2: number;
  /** mapped − legal, m²; the client shows it when |difference| exceeds AREA_TOLERANCE. */
  areaDifferenceM2: number;
  areaToleranceM2: number;
  residentialGroup: string | null;
  village: string | null;
  certStatus: CertStatus;
  parties: ParcelParty[];
  certificates: ParcelCertificate[];
  backlog: { id: number; reason: BacklogReason; note: string | null; openedAt: string; resolvedAt: string | null } | null;
  bbox: [number, number, number, number];
  history: ParcelHistoryEntry[];
}

/**
 * Tolerance between legal and mapped area, m²: the larger of 0.5 m² and 1 % — a working rule for 1:500–1:2,000
 * cadastral maps (a decision to confirm with the ward's land office).
 */
export function areaTolerance(legalAreaM2: number): number {
  return Math.max(0.5, legalAreaM2 * 0.01);
}

// ---------------------------------------------------------------- edits
/** Certificate serial (số phát hành): 2 letters and 6 digits, stored as "CS 123456". */
export const Serial = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2} ?\d{6}$/, 'serial: 2 letters and 6 digits, e.g. CS 123456')
  .transform((s) => `${s.slice(0, 2)} ${s.slice(-6)}`);

const note = z.string().trim().max(1000).optional();

/** An officer's edit of a parcel; `version` is the parcel version the officer saw (optimistic concurrency). */
export const ParcelEdit = z.discriminatedUnion('action', [
  /** Resolve the backlog case by issuing the first certificate. */
  z.object({
    action: z.literal('issue'),
    version: z.number().int().positive(),
    serial: Serial,
    issueDate: z.string().date('issueDate: YYYY-MM-DD'),
    digitised: z.boolean().default(false),
    note,
  }).strict(),
  /** Change the blocking reason and/or note of the parcel's open case (opened when none is open). */
  z.object({
    action: z.literal('backlog'),
    version: z.number().int().positive(),
    reason: backlogReason,
    note,
  }).strict(),
  /** Mark the parcel's certificates as digitised (entered in the land database) or not. */
  z.object({
    action: z.literal('digitise'),
    version: z.number().int().positive(),
    digitised: z.boolean(),
  }).strict(),
  /** Record or correct the land user: replaces the parcel's ownership/use right(s) (land-users.contract.ts). */
  RightHolderFields,
]);
export type ParcelEdit = z.input<typeof ParcelEdit>;

/** ParcelEdit with the rules across fields (a person's CCCD/CMND): what the PATCH route parses. */
export const ParcelEditBody = ParcelEdit.superRefine((e, ctx) => {
  if (e.action === 'rightHolder') requireIdForPersons(e, ctx);
});

/** 409 body of a version conflict: the error and the parcel as it is now. */
export interface ParcelConflict {
  error: { code: 'version_conflict'; message: string };
  current: ParcelDetail;
}

// ---------------------------------------------------------------- progress
export interface ProgressMonth {
  /** 'YYYY-MM' */
  month: string;
  /** Certificates issued in the month (all, first or not). */
  issued: number;
  /** Backlog cases resolved in the month. */
  resolved: number;
  /** Backlog cases still open at the end of the month (null for months still to come). */
  openAtEnd: number | null;
  /** The straight line from the baseline's open cases to 0 at the deadline (null before the baseline). */
  target: number | null;
}

export interface Progress {
  months: ProgressMonth[];
  baseline: { date: string; open: number };
  deadline: string;
  targetPct: number | null;
  openNow: number;
  certificates: { total: number; digitised: number; pct: number | null };
  /** Share of parcels that need a first certificate which have one: issued / (issued + open backlog), %. */
  firstCertPct: number | null;
}
