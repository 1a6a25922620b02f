/**
 * The one contract between client and server: zod schemas, inferred types, route paths and error codes.
 * Imports neither pg nor express, so the client may import it.
 *
 * Domain words (Vietnamese land administration, Thông tư 08/2024/TT-BTNMT, LADM / ISO 19152):
 * - thửa đất (parcel), keyed by former unit + số tờ (`mapSheetNo`, map sheet no.) + số thửa (`parcelNo`);
 * - GCN (giấy chứng nhận quyền sử dụng đất): the land-use-right certificate;
 * - cấp GCN lần đầu: first issue of a certificate; the backlog is the parcels still waiting for it;
 * - tổ dân phố: residential group (16 in the ward); đơn vị hành chính cũ: the three former units;
 * - giải phóng mặt bằng (GPMB): site clearance; đất công ích: public land leased to households.
 */
import { z } from 'zod';
import type { FeatureCollection, Geometry } from 'geojson';
import { ClearanceErrorCode } from './clearance.contract.ts';
import { ProjectErrorCode } from './projects.contract.ts';
import { ImportErrorCode } from './imports.contract.ts';

// ---------------------------------------------------------------- errors
export const ErrorCode = {
  notFound: 'not_found',
  routeNotFound: 'route_not_found',
  badRequest: 'bad_request',
  bboxInvalid: 'bbox_invalid',
  layerUnknown: 'layer_unknown',
  payloadTooLarge: 'payload_too_large',
  databaseUnavailable: 'database_unavailable',
  internal: 'internal_error',
  /** 401: the route needs a signed-in user (no session, or it expired). */
  unauthenticated: 'unauthenticated',
  /** 403: signed in, but none of the user's roles may use the route. */
  forbidden: 'forbidden',
  /** 403: a state-changing request without a matching X-CSRF-Token header. */
  csrfInvalid: 'csrf_invalid',
  /** 401: wrong username or password (never says which). */
  invalidCredentials: 'invalid_credentials',
  /** 429: too many failed sign-ins for this username or address; try again later. */
  tooManyAttempts: 'too_many_attempts',
  usernameTaken: 'username_taken',
  /** 409: an admin may not disable their own account or drop their own admin role. */
  selfLockout: 'self_lockout',
  userUnknown: 'user_unknown',
  // certificate workflow (certificates.contract.ts)
  // 409 version_conflict (a parcel changed since the client read it) is ErrorCode.versionConflict, shared
  /** 409: a certificate with this serial (số phát hành) already exists. */
  serialTaken: 'serial_taken',
  /** 400: an issue date after today. */
  dateInFuture: 'date_in_future',
  /** 409: the parcel already holds a certificate (a first issue is no longer possible). */
  alreadyIssued: 'already_issued',
  /** 409: the parcel has no land user (ownership/use right) to issue the certificate to, or is State land. */
  noRightHolder: 'no_right_holder',
  ...ClearanceErrorCode,
  ...ProjectErrorCode,
  ...ImportErrorCode,
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------------------------------------------------------------- paths
export const ApiPath = {
  health: '/api/health',
  layers: '/api/layers',
  layer: (id: string) => `/api/layers/${encodeURIComponent(id)}`,
  stats: '/api/stats',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  adminUsers: '/api/admin/users',
  adminUser: (id: number | string) => `/api/admin/users/${encodeURIComponent(String(id))}`,
  audit: '/api/audit',
} as const;

/** Header and cookie of the CSRF double-submit token; the session cookie is HttpOnly. */
export const CSRF_HEADER = 'X-CSRF-Token';
export const CSRF_COOKIE = 'csrf';

// ---------------------------------------------------------------- health
export const Health = z.object({
  ok: z.literal(true),
  database: z.enum(['embedded', 'server']),
  postgis: z.string(),
  demoData: z.boolean(),
});
export type Health = z.infer<typeof Health>;

// ---------------------------------------------------------------- vocabularies
/** The three former units (đơn vị hành chính cũ) merged into phường Trần Liễu on 1 July 2025. */
export const FormerUnitId = z.enum(['hiep-hoa', 'thuong-quan', 'an-phu']);
export type FormerUnitId = z.infer<typeof FormerUnitId>;

/** Certificate (GCN) status of a parcel, as the map colours it. */
export const CertStatus = z.enum(['issued', 'backlog', 'state', 'unknown']);
export type CertStatus = z.infer<typeof CertStatus>;

/** Why a parcel still waits for its first certificate (report §1.5). */
export const BacklogReason = z.enum(['unauthorised_allocation', 'encroachment', 'dispute', 'missing_records']);
export type BacklogReason = z.infer<typeof BacklogReason>;

/** Site-clearance steps, in the order Vietnamese practice runs them. */
export const ClearanceStep = z.enum(['notice', 'inventory', 'plan_approved', 'compensated', 'handed_over']);
export type ClearanceStep = z.infer<typeof ClearanceStep>;

export const ProjectStatus = z.enum(['planned', 'approved', 'clearing', 'construction', 'done']);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

// ---------------------------------------------------------------- layers
export const LayerId = z.enum([
  'ward',
  'neighbour-wards',
  'former-units',
  'residential-groups',
  'ward-office',
  'parcels',
  'projects',
  'roads',
  'heritage-sites',
  'schools',
]);
export type LayerId = z.infer<typeof LayerId>;

export const Bilingual = z.object({ vi: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

export const LayerInfo = z.object({
  id: LayerId,
  title: Bilingual,
  geometryType: z.enum(['Polygon', 'LineString', 'Point']),
  /** true: synthetic demo data ("Dữ liệu minh họa"); false: a real source. */
  demo: z.boolean(),
  /** Where the data comes from, its date and licence note. */
  source: Bilingual,
  /** Short attribution shown on the map. */
  attribution: z.string(),
  /** Shown by default when the map opens. */
  visible: z.boolean(),
  featureCount: z.number().int(),
});
export type LayerInfo = z.infer<typeof LayerInfo>;
export const LayerList = z.object({
  layers: z.array(LayerInfo),
  /** An online (OpenStreetMap-based) MapLibre style to draw under the layers; null: the offline style only. */
  basemapStyleUrl: z.string().url().nullable(),
});
export type LayerList = z.infer<typeof LayerList>;

/** `bbox=minLon,minLat,maxLon,maxLat` in EPSG:4326. */
export const BboxQuery = z.object({
  bbox: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const n = s.split(',').map(Number);
      const ok =
        n.length === 4 &&
        n.every(Number.isFinite) &&
        n[0] >= -180 && n[2] <= 180 && n[1] >= -90 && n[3] <= 90 &&
        n[0] < n[2] && n[1] < n[3];
      if (!ok) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'bbox must be minLon,minLat,maxLon,maxLat in EPSG:4326' });
        return z.NEVER;
      }
      return n as [number, number, number, number];
    }),
});

/** Properties every feature of every layer carries. */
export interface BaseProps {
  id: string | number;
  /** true when the feature is synthetic demo data. */
  demo: boolean;
}
/** Properties of a parcel feature in the `parcels` layer (no personal data: names stay out of map layers). */
export interface ParcelProps extends BaseProps {
  formerUnit: FormerUnitId;
  mapSheetNo: number;
  parcelNo: number;
  landUseCode: string;
  /** m², from the land register. */
  legalAreaM2: number;
  /** m², computed from the geometry in VN-2000 / TM-3 105°30' (EPSG:9209). */
  mappedAreaM2: number;
  certStatus: CertStatus;
  backlogReason: BacklogReason | null;
  digitised: boolean | null;
  residentialGroup: string | null;
}
export type LayerCollection = FeatureCollection<Geometry, Record<string, unknown> & BaseProps> & {
  layer: LayerId;
  demo: boolean;
};

// ---------------------------------------------------------------- stats
export const StatFigure = z.object({
  id: z.string(),
  label_vi: z.string(),
  label_en: z.string(),
  unit: z.string(),
  section: z.string(),
  report_value: z.number().nullable(),
  live_value: z.number().nullable(),
  decisions: z.array(z.string()),
});
export type StatFigure = z.infer<typeof StatFigure>;

export const DataQualityNote = z.object({
  id: z.string(),
  section: z.string(),
  figure_ids: z.array(z.string()),
  message_vi: z.string(),
  message_en: z.string(),
});
export type DataQualityNote = z.infer<typeof DataQualityNote>;

export const Stats = z.object({
  figures: z.array(StatFigure),
  notes: z.array(DataQualityNote),
  demoData: z.boolean(),
});
export type Stats = z.infer<typeof Stats>;

// ---------------------------------------------------------------- accounts, roles, audit
/**
 * Roles (a user may hold several; no role = the public view):
 * lanh_dao leadership (reads everything, incl. personal data) · dia_chinh land officer (parcels, land users,
 * certificates, backlog) · quy_hoach planner (projects) · gpmb site-clearance officer · admin (accounts).
 */
export const Role = z.enum(['lanh_dao', 'dia_chinh', 'quy_hoach', 'gpmb', 'admin']);
export type Role = z.infer<typeof Role>;

export const Username = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,40}$/, 'username: 3–40 of a-z 0-9 . _ -');
/** Passwords: at least 10 characters (length beats composition rules); at most 200 to bound hashing work. */
export const Password = z
  .string()
  .min(10, 'password must have at least 10 characters')
  .max(200, 'password must have at most 200 characters')
  .refine((s) => new Set(s).size >= 4, 'password is too repetitive');

export const LoginBody = z.object({ username: Username, password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  canSeePersonalData: z.boolean(),
});
export type Me = z.infer<typeof Me>;
/** GET /api/auth/me and POST /api/auth/login: the user (null when signed out) and the CSRF token to echo. */
export const Session = z.object({ user: Me.nullable(), csrfToken: z.string() });
export type Session = z.infer<typeof Session>;

export const UserAccount = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserAccount = z.infer<typeof UserAccount>;
export const UserList = z.object({ users: z.array(UserAccount) });
export type UserList = z.infer<typeof UserList>;

export const CreateUserBody = z.object({
  username: Username,
  displayName: z.string().trim().max(100).default(''),
  password: Password,
  roles: z.array(Role).max(5).default([]),
});
export type CreateUserBody = z.input<typeof CreateUserBody>;
export const UpdateUserBody = z
  .object({
    displayName: z.string().trim().max(100).optional(),
    disabled: z.boolean().optional(),
    roles: z.array(Role).max(5).optional(),
    password: Password.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;
export const UserIdParam = z.object({ id: z.coerce.number().int().positive() });

/** GET /api/audit filters; dates are ISO 8601 (a date alone means its midnight, server time zone). */
export const AuditQuery = z.object({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actor: z.string().max(80).optional(),
  from: z.string().datetime({ offset: true }).or(z.string().date()).optional(),
  to: z.string().datetime({ offset: true }).or(z.string().date()).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof AuditQuery>;
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['insert', 'update', 'delete', 'load']),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.record(z.unknown()).nullable(),
  after: z.record(z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = z.object({ entries: z.array(AuditEntry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type AuditPage = z.infer<typeof AuditPage>;

export * from './clearance.contract.ts';
export * from './projects.contract.ts';

export * from './certificates.contract.ts';
export * from './land-users.contract.ts';
export * from './ogc.contract.ts';
export * from './tiles.contract.ts';
export * from './export.contract.ts';
export * from './imports.contract.ts';
