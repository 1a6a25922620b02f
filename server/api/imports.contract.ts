/**
 * Import of a land office's files (GeoJSON, zipped Shapefile, GeoPackage, CSV with coordinates, DXF) into the
 * parcels or projects layer, in three steps, nothing written before the last:
 *   1. upload  — POST /api/imports?layer=&fileName=  (body: the file's bytes) → a job (202), read in the background;
 *   2. preview — GET /api/imports/:id (state, progress, counts, reasons) · /features (GeoJSON on the map) ·
 *                /rows (the table) · /rejections.csv; change CRS / field mapping with POST /api/imports/:id/analyse;
 *   3. commit  — POST /api/imports/:id/commit: one transaction, all or nothing; or DELETE to discard.
 * Imports neither pg nor express.
 */
import { z } from 'zod';

export const ImportPath = {
  list: '/api/imports',
  upload: (layer: ImportLayer, fileName: string) =>
    `/api/imports?layer=${encodeURIComponent(layer)}&fileName=${encodeURIComponent(fileName)}`,
  job: (id: string) => `/api/imports/${encodeURIComponent(id)}`,
  analyse: (id: string) => `/api/imports/${encodeURIComponent(id)}/analyse`,
  features: (id: string) => `/api/imports/${encodeURIComponent(id)}/features`,
  rows: (id: string) => `/api/imports/${encodeURIComponent(id)}/rows`,
  rejections: (id: string) => `/api/imports/${encodeURIComponent(id)}/rejections.csv`,
  commit: (id: string) => `/api/imports/${encodeURIComponent(id)}/commit`,
} as const;

/** Layers a file can be imported into (parcels: land officers; projects: planners). */
export const ImportLayer = z.enum(['parcels', 'projects']);
export type ImportLayer = z.infer<typeof ImportLayer>;

/** The role that may import into each layer (checked by the server, offered by the client). */
export const IMPORT_LAYER_ROLE = { parcels: 'dia_chinh', projects: 'quy_hoach' } as const satisfies Record<ImportLayer, string>;

/** Recognised from the file's content (zip → Shapefile, SQLite → GeoPackage …), not only its name. */
export const ImportFormat = z.enum(['geojson', 'shp', 'gpkg', 'csv', 'dxf']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** Largest file accepted (bytes): a province's cadastre as GeoJSON is a few hundred MB. */
export const IMPORT_MAX_BYTES = 1024 * 1024 * 1024;
/** DXF is parsed whole (no streaming DXF reader exists): its own, smaller limit. */
export const IMPORT_DXF_MAX_BYTES = 64 * 1024 * 1024;
/** Largest number of features the map preview draws at once (the table and counts cover all). */
export const IMPORT_PREVIEW_MAX = 20_000;

/**
 * The coordinate system of the file's coordinates: 'auto' — from the file (.prj, GeoPackage SRS, GeoJSON `crs`),
 * else WGS 84 when the numbers are degrees; a fixed EPSG code; or 'custom': VN-2000 transverse Mercator with the
 * given central meridian (TM-3 k = 0.9999 or TM-6 k = 0.9996), x0 = 500 000 m, the official 7-parameter shift.
 */
export const ImportCrsChoice = z.enum(['auto', '4326', '9209', '9210', 'custom']);
export type ImportCrsChoice = z.infer<typeof ImportCrsChoice>;

/** The CRS the import actually uses, and where it came from. */
export const ResolvedCrs = z.object({
  /** e.g. 'EPSG:4326', 'EPSG:9209', 'VN-2000 TM-3 106°00′' */
  label: z.string(),
  epsg: z.number().int().nullable(),
  /** proj4 definition used to transform to WGS 84 (EPSG:4326) */
  proj4: z.string(),
  /** file: declared by the file · user: chosen · assumed: nothing said, the numbers look like degrees */
  source: z.enum(['file', 'user', 'assumed']),
});
export type ResolvedCrs = z.infer<typeof ResolvedCrs>;

/** Target attributes of each layer, which the field mapping fills from the file's columns. */
export const PARCEL_IMPORT_FIELDS = ['formerUnit', 'mapSheetNo', 'parcelNo', 'landUseCode', 'legalAreaM2', 'address'] as const;
export const PROJECT_IMPORT_FIELDS = ['code', 'name', 'type', 'status', 'decisionNo', 'plannedAreaHa'] as const;
export type ImportField = (typeof PARCEL_IMPORT_FIELDS)[number] | (typeof PROJECT_IMPORT_FIELDS)[number];

/** Target attributes of a layer, in the order the mapping form lists them. */
export function importTargetFields(layer: ImportLayer): readonly ImportField[] {
  return layer === 'parcels' ? PARCEL_IMPORT_FIELDS : PROJECT_IMPORT_FIELDS;
}

/** Target field → source column (null: not in the file). Unknown target names are refused. */
export const ImportMapping = z.record(z.string(), z.string().min(1).max(100).nullable());
export type ImportMapping = z.infer<typeof ImportMapping>;

/** Options of the analysis, given at upload (query) or changed afterwards (POST …/analyse, JSON body). */
export const ImportOptions = z.object({
  crs: ImportCrsChoice.default('auto'),
  /** degrees east, for crs = 'custom' (Vietnam's TM-3 meridians run 102°–109°30′) */
  centralMeridian: z.coerce.number().min(100).max(112).optional(),
  /** 3 (TM-3, k 0.9999) or 6 (TM-6, k 0.9996) — for crs = 'custom' */
  zoneWidth: z.coerce.number().pipe(z.union([z.literal(3), z.literal(6)])).default(3),
  /** parcels: the former unit (admin_unit id) of features whose file has no unit column */
  formerUnit: z.string().max(40).optional(),
  /** parcels: the map sheet (số tờ) of features whose file has no sheet column (a DXF of one sheet) */
  mapSheetNo: z.coerce.number().int().positive().max(100_000).optional(),
  /** override of the automatic field mapping */
  mapping: ImportMapping.optional(),
}).refine((o) => o.crs !== 'custom' || o.centralMeridian !== undefined,
  { message: 'centralMeridian is required for a custom VN-2000 zone', path: ['centralMeridian'] });
export type ImportOptions = z.input<typeof ImportOptions>;

export const ImportUploadQuery = z.object({
  layer: ImportLayer,
  fileName: z.string().trim().min(1).max(255),
  crs: ImportCrsChoice.default('auto'),
  centralMeridian: z.coerce.number().min(100).max(112).optional(),
  zoneWidth: z.coerce.number().pipe(z.union([z.literal(3), z.literal(6)])).default(3),
  formerUnit: z.string().max(40).optional(),
  mapSheetNo: z.coerce.number().int().positive().max(100_000).optional(),
});

export const ImportState = z.enum(['reading', 'validating', 'ready', 'committing', 'committed', 'failed', 'discarded']);
export type ImportState = z.infer<typeof ImportState>;

/** What happens to a feature at commit. */
export const ImportAction = z.enum(['add', 'update', 'unchanged', 'reject']);
export type ImportAction = z.infer<typeof ImportAction>;

/** Why a feature is rejected (nothing of it is written). */
export const ImportRejectReason = z.enum([
  'geometry_missing', 'geometry_invalid', 'geometry_not_polygon', 'coordinates_out_of_range', 'outside_ward',
  'key_missing', 'unit_unknown', 'duplicate_key', 'land_use_unknown', 'area_invalid',
  'code_missing', 'name_missing', 'project_type_unknown', 'project_status_unknown',
]);
export type ImportRejectReason = z.infer<typeof ImportRejectReason>;

/** Worth a look, but not blocking. */
export const ImportWarning = z.enum([
  'area_from_geometry',   // no legal area in the file: the mapped area (EPSG:9209) is used
  'area_mismatch',        // legal and mapped area differ by more than 10 %
  'overlaps_existing',    // overlaps (> 1 m²) a parcel that the file does not also update
  'geometry_repaired',    // Polygon promoted to MultiPolygon, Z/M dropped (shape unchanged)
]);
export type ImportWarning = z.infer<typeof ImportWarning>;

export const ImportCounts = z.object({
  total: z.number().int(), add: z.number().int(), update: z.number().int(), unchanged: z.number().int(),
  reject: z.number().int(), warned: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportProgress = z.object({
  phase: z.enum(['reading', 'validating', 'committing']),
  done: z.number(),
  /** null when the total is unknown */
  total: z.number().nullable(),
  unit: z.enum(['bytes', 'features']),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const ImportJob = z.object({
  id: z.string(),
  layer: ImportLayer,
  fileName: z.string(),
  sizeBytes: z.number().int(),
  format: ImportFormat.nullable(),
  state: ImportState,
  progress: ImportProgress.nullable(),
  crs: ResolvedCrs.nullable(),
  options: z.object({
    crs: ImportCrsChoice, centralMeridian: z.number().nullable(), zoneWidth: z.number(), formerUnit: z.string().nullable(),
    mapSheetNo: z.number().nullable(),
  }),
  /** the file's attribute columns, in file order */
  fields: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()),
  counts: ImportCounts.nullable(),
  reasons: z.array(z.object({ code: ImportRejectReason, count: z.number().int() })),
  warnings: z.array(z.object({ code: ImportWarning, count: z.number().int() })),
  /** [minLon, minLat, maxLon, maxLat] of the file's features in WGS 84 */
  extent: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  /** a file-level failure (unreadable file, unknown format …): the database is unchanged */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportRowsQuery = z.object({
  action: ImportAction.optional(),
  /** only features carrying a warning */
  warned: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ImportRowsQuery = z.input<typeof ImportRowsQuery>;

/** One feature of the file as the preview table shows it (no geometry). */
export const ImportRow = z.object({
  seq: z.number().int(),
  /** where it is in the file: feature index, row number, fid … */
  sourceRef: z.string(),
  action: ImportAction,
  reasons: z.array(ImportRejectReason),
  warnings: z.array(ImportWarning),
  /** human key: 'an-phu 12/345' for a parcel, the code for a project; null when missing */
  key: z.string().nullable(),
  /** parcels: land-use code; projects: name */
  label: z.string().nullable(),
  /** m² (planar EPSG:9209) for parcels and projects alike; null without a usable geometry */
  mappedArea: z.number().nullable(),
  /** the existing feature it updates */
  targetId: z.number().int().nullable(),
  /** geometry validity reason from PostGIS when geometry_invalid */
  detail: z.string().nullable(),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportRowPage = z.object({ total: z.number().int(), rows: z.array(ImportRow) });
export type ImportRowPage = z.infer<typeof ImportRowPage>;

/** GET …/features: `bbox` (EPSG:4326) and `action` narrow the preview; at most IMPORT_PREVIEW_MAX features. */
export const ImportFeaturesQuery = z.object({
  action: ImportAction.optional(),
  limit: z.coerce.number().int().min(1).max(IMPORT_PREVIEW_MAX).default(IMPORT_PREVIEW_MAX),
});

export const ImportCommitBody = z.object({
  /** false (default): refuse to commit while any feature is rejected; true: write the others, skip those */
  skipRejected: z.boolean().default(false),
});
export type ImportCommitBody = z.input<typeof ImportCommitBody>;

export const ImportJobList = z.object({ jobs: z.array(ImportJob) });
export type ImportJobList = z.infer<typeof ImportJobList>;

export const ImportErrorCode = {
  /** 404: no such import (or it belongs to another user) */
  importNotFound: 'import_not_found',
  /** 415: the file is none of the supported formats */
  importFormatUnsupported: 'import_format_unsupported',
  /** 422: the file could not be read (corrupt zip, no .shp inside, broken JSON …) */
  importFileUnreadable: 'import_file_unreadable',
  /** 409: the import is not in a state that allows this (still reading, already committed …) */
  importNotReady: 'import_not_ready',
  /** 409: some features are rejected and skipRejected was not set */
  importHasRejections: 'import_has_rejections',
  /** 409: a feature the import updates changed after the preview: analyse again */
  importStale: 'import_stale',
  /** 403: the user's role may not import into this layer */
  importLayerForbidden: 'import_layer_forbidden',
} as const;
