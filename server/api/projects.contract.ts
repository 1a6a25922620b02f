/**
 * Contract of the land-use-plan projects (dự án trong Kế hoạch sử dụng đất 2025, Quyết định 442/QĐ-UBND):
 * the list, one project with what its footprint touches (computed live by PostGIS), the plan summary, and
 * creating or editing a project and its footprint (ranh giới dự án). Re-exported by contract.ts.
 * This file must not import contract.ts (it is re-exported from there: a cycle would leave values undefined),
 * so the two vocabularies it shares are restated below and compared by tests/unit/projects-contract.test.ts.
 */
import { z } from 'zod';
import type { MultiPolygon, Polygon } from 'geojson';

export * from './crs.ts';

/** Same values as contract.ts ProjectStatus / FormerUnitId (checked by a unit test). */
const Status = z.enum(['planned', 'approved', 'clearing', 'construction', 'done']);
const FormerUnit = z.enum(['hiep-hoa', 'thuong-quan', 'an-phu']);

/** Project types (loại công trình, dự án) as the plan groups them. */
export const ProjectType = z.enum([
  'industrial', 'transport', 'residential', 'education', 'culture', 'sport', 'commerce', 'energy', 'irrigation',
  'cemetery', 'environment', 'public', 'defence', 'health',
]);
export type ProjectType = z.infer<typeof ProjectType>;
export const PROJECT_STATUSES = Status.options;
export const PROJECT_FORMER_UNITS = FormerUnit.options;

/** Error codes of this capability, merged into ErrorCode in contract.ts. */
export const ProjectErrorCode = {
  /** 422: a footprint PostGIS refuses (invalid polygon, outside the ward, implausible size); nothing saved. */
  footprintInvalid: 'footprint_invalid',
  /** 409: the record changed since the client read it (optimistic concurrency on `version`). */
  versionConflict: 'version_conflict',
  /** 409: another project already has this code. */
  projectCodeTaken: 'project_code_taken',
  /** 409: the project has site-clearance records (giải phóng mặt bằng is legal progress); it cannot be deleted. */
  projectHasClearance: 'project_has_clearance',
} as const;

export const ProjectPath = {
  list: '/api/projects',
  summary: '/api/projects/summary',
  footprintCheck: '/api/projects/footprint-check',
  one: (id: number | string) => `/api/projects/${encodeURIComponent(String(id))}`,
} as const;

/** Footprint limits: smaller than 10 m² is a digitising slip, larger than 500 ha is larger than the plan itself. */
export const FOOTPRINT_MIN_M2 = 10;
export const FOOTPRINT_MAX_M2 = 500 * 1e4;

// ---------------------------------------------------------------- geometry at the boundary
const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const Ring = z.array(Position).min(4, 'a ring needs at least 4 positions (closed)')
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], 'a ring must be closed (first = last position)');
/** A footprint in EPSG:4326: a GeoJSON Polygon or MultiPolygon (validity is checked by PostGIS). */
export const FootprintGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1).max(100) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1).max(100)).min(1).max(100) }),
]).refine((g) => JSON.stringify(g.coordinates).length < 2_000_000, 'geometry too large');
export type FootprintGeometry = Polygon | MultiPolygon;

/** Why the server refused a footprint (error code footprint_invalid; the message carries the detail). */
export const FootprintReason = {
  invalid: 'invalid_geometry', // PostGIS ST_IsValidReason, e.g. "Self-intersection[106.49 20.99]"
  outsideWard: 'outside_ward',
  tooSmall: 'too_small',
  tooLarge: 'too_large',
} as const;
export type FootprintReason = (typeof FootprintReason)[keyof typeof FootprintReason];

export const FootprintCheck = z.object({
  valid: z.boolean(),
  reason: z.enum(['invalid_geometry', 'outside_ward', 'too_small', 'too_large']).nullable(),
  /** Readable detail (Vietnamese / English), null when valid. */
  message: z.string().nullable(),
  /** m², planar in VN-2000 / TM-3 105°30' (EPSG:9209). */
  areaM2: z.number().nullable(),
  /** m² of the footprint outside the ward boundary. */
  outsideWardM2: z.number().nullable(),
});
export type FootprintCheck = z.infer<typeof FootprintCheck>;
export const FootprintCheckBody = z.object({ geometry: FootprintGeometry });

// ---------------------------------------------------------------- list and detail
export const ProjectListQuery = z.object({
  type: ProjectType.optional(),
  status: Status.optional(),
  formerUnit: FormerUnit.optional(),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;

export const ProjectSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  status: Status,
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  plannedAreaHa: z.number(),
  /** ha, from the footprint, planar in EPSG:9209. */
  mappedAreaHa: z.number(),
  formerUnit: FormerUnit.nullable(),
  version: z.number().int(),
  demo: z.boolean(),
  /** [minLon, minLat, maxLon, maxLat] of the footprint, to fly to. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;
export const ProjectList = z.object({ projects: z.array(ProjectSummary), demo: z.boolean() });
export type ProjectList = z.infer<typeof ProjectList>;

/** A land user of a touched parcel; names only for roles that may see personal data. */
export const TouchedHolder = z.object({
  partyKind: z.enum(['household', 'individual', 'organisation', 'state']),
  partyName: z.string().optional(),
});
export const TouchedParcel = z.object({
  parcelId: z.number().int(),
  formerUnit: z.string(),
  mapSheetNo: z.number().int(),
  parcelNo: z.number().int(),
  landUseCode: z.string(),
  /** m² of the whole parcel and of the part inside the footprint (EPSG:9209). */
  parcelAreaM2: z.number(),
  intersectAreaM2: z.number(),
  certStatus: z.string(),
  holders: z.array(TouchedHolder),
});
export type TouchedParcel = z.infer<typeof TouchedParcel>;
export const LandUseArea = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), areaM2: z.number(), parcels: z.number().int() });
export type LandUseArea = z.infer<typeof LandUseArea>;

/** What a footprint touches, computed live from geometry (never stored). */
export const ProjectTouches = z.object({
  parcels: z.array(TouchedParcel),
  byLandUse: z.array(LandUseArea),
  /** m² of parcels inside the footprint. */
  touchedAreaM2: z.number(),
  /** Distinct land users (households, individuals, organisations; the State is not counted). */
  landUsers: z.number().int(),
  households: z.number().int(),
  /** Parcels still waiting for their first certificate (backlog). */
  backlogParcels: z.number().int(),
});
export type ProjectTouches = z.infer<typeof ProjectTouches>;

/** Site-clearance progress: parcels with a clearance record and how many were handed over. */
export const ProjectProgress = z.object({ clearanceParcels: z.number().int(), handedOver: z.number().int(), households: z.number().int() });
export type ProjectProgress = z.infer<typeof ProjectProgress>;

export const ProjectDetail = z.object({
  project: ProjectSummary,
  geometry: z.custom<FootprintGeometry>(),
  progress: ProjectProgress,
  touches: ProjectTouches,
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;
export const ProjectIdParam = z.object({ id: z.coerce.number().int().positive() });

export const PlanSummary = z.object({
  projects: z.number().int(),
  /** ha, sum of footprint areas (EPSG:9209): 116.94 ha for the demo data, as in the report. */
  totalAreaHa: z.number(),
  byType: z.array(z.object({ type: z.string(), projects: z.number().int(), areaHa: z.number() })),
  /** Area of footprints inside each former unit (geometric intersection). */
  byFormerUnit: z.array(z.object({ formerUnit: z.string(), name: z.string(), projects: z.number().int(), areaHa: z.number() })),
  demo: z.boolean(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

// ---------------------------------------------------------------- writes
const Text = (max: number) => z.string().trim().min(1).max(max);
export const CreateProjectBody = z.object({
  code: Text(40).regex(/^[A-Za-z0-9._/-]+$/, 'code: letters, digits, . _ / -'),
  name: Text(300),
  type: ProjectType,
  status: Status.default('planned'),
  decisionNo: Text(80).nullable().default(null),
  decisionDate: z.string().date().nullable().default(null),
  plannedAreaHa: z.number().positive().max(500),
  formerUnit: FormerUnit.nullable().default(null),
  geometry: FootprintGeometry,
}).strict();
/** What a client sends (the geometry typed as GeoJSON rather than zod's tuples). */
export type CreateProjectBody = Omit<z.input<typeof CreateProjectBody>, 'geometry'> & { geometry: FootprintGeometry };
/** A new project after validation (defaults applied). */
export type NewProject = z.output<typeof CreateProjectBody>;

/** A change: the version the client read (optimistic concurrency) and the fields to change. */
export const UpdateProjectBody = z.object({
  version: z.number().int().positive(),
  name: Text(300).optional(),
  type: ProjectType.optional(),
  status: Status.optional(),
  decisionNo: Text(80).optional(),
  decisionDate: z.string().date().optional(),
  plannedAreaHa: z.number().positive().max(500).optional(),
  formerUnit: FormerUnit.optional(),
  geometry: FootprintGeometry.optional(),
}).strict().refine((b) => Object.keys(b).length > 1, 'nothing to change');
export type UpdateProjectBody = Omit<z.input<typeof UpdateProjectBody>, 'geometry'> & { geometry?: FootprintGeometry };
/** A change after validation. */
export type ProjectChange = z.output<typeof UpdateProjectBody>;

// ---------------------------------------------------------------- delete
/** DELETE /api/projects/:id?version=N: the version the planner saw (optimistic concurrency, as for a change). */
export const DeleteProjectQuery = z.object({ version: z.coerce.number().int().positive() });
export type DeleteProjectQuery = z.infer<typeof DeleteProjectQuery>;
/** The answer to a delete: which project went (the audit log keeps the whole row). */
export const DeletedProject = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export type DeletedProject = z.infer<typeof DeletedProject>;
