/**
 * Export of a map layer as a file for the land office's tools (QGIS, MapInfo, Excel): the formats, the coordinate
 * systems (WGS 84 or VN-2000 / TM-3), the selection (ids, the register filter, a project's footprint, a bbox) and
 * the file name. Imports neither pg nor express.
 */
import { z } from 'zod';
// contract.ts re-exports this file: its BboxQuery is not initialised yet when this body runs, hence z.lazy.
// RegisterFilter is imported from its own file, which therefore runs before this body.
import { BboxQuery, type LayerId } from './contract.ts';
import { RegisterFilter, type RegisterFilterInput } from './certificates.contract.ts';

export const LayerExportPath = {
  layer: (id: string) => `/api/export/${encodeURIComponent(id)}`,
} as const;

/** geojson (RFC 7946), csv (UTF-8 + BOM, WKT geometry), xlsx (attributes + a point), shp (zipped Shapefile), gpkg (GeoPackage). */
export const LayerExportFormat = z.enum(['geojson', 'csv', 'xlsx', 'shp', 'gpkg']);
export type LayerExportFormat = z.infer<typeof LayerExportFormat>;

/**
 * Output CRS by EPSG code: 4326 WGS 84 (lon/lat, degrees); 9209 VN-2000 / TM-3 105°30' (the ward's 2010 cadastral
 * maps); 9210 VN-2000 / TM-3 105°45' (Hải Phòng). Projected ones are easting/northing in metres.
 */
export const LayerExportCrs = z.enum(['4326', '9209', '9210']);
export type LayerExportCrs = z.infer<typeof LayerExportCrs>;

/** Most feature ids one `ids` selection may name (a URL of ~10 000 short ids still fits common proxies' limits). */
export const MAX_EXPORT_IDS = 10_000;

/** "1,2,3" → ['1','2','3']: feature ids of the layer (parcels: numbers; admin units: slugs like "tdp-an-phu-1"). */
const idList = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean)))
  .pipe(z.array(z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/, 'ids: letters, digits, "-", "_" or "." only'))
    .max(MAX_EXPORT_IDS, `ids: at most ${MAX_EXPORT_IDS} features`).optional())
  .refine((a) => a === undefined || a.length > 0, 'ids: name at least one feature');

/**
 * `?format=…&crs=…[&bbox=minLon,minLat,maxLon,maxLat][&ids=…][&formerUnit=…&group=…&landUse=…&status=…&reason=…
 * &digitised=…][&project=<id>]` — every given part narrows the selection (AND). bbox is in EPSG:4326 like the
 * map's. The register filter (same meaning as the certificates list) and `project` (the parcels its footprint
 * touches, as in the project panel) apply to the parcels layer only.
 */
export const LayerExportQuery = RegisterFilter.extend({
  format: LayerExportFormat.default('geojson'),
  crs: LayerExportCrs.default('4326'),
  bbox: z.lazy(() => BboxQuery.shape.bbox),
  ids: idList,
  project: z.coerce.number().int().positive().optional(),
});
export type LayerExportQuery = z.input<typeof LayerExportQuery>;
export type LayerExportSelection = Pick<z.infer<typeof LayerExportQuery>, 'bbox' | 'ids' | 'project' | keyof RegisterFilter>;

/** The register filter keys (parcels only). */
export const REGISTER_FILTER_KEYS = Object.keys(RegisterFilter.shape) as (keyof RegisterFilter)[];

/** True when the query narrows the layer (the file is then named a selection). */
export function isSelection(q: Partial<Record<string, unknown>>): boolean {
  return ['bbox', 'ids', 'project', ...REGISTER_FILTER_KEYS].some((k) => q[k] !== undefined);
}

const EXTENSION: Record<LayerExportFormat, string> = { geojson: 'geojson', csv: 'csv', xlsx: 'xlsx', shp: 'zip', gpkg: 'gpkg' };

/** e.g. tran-lieu_parcels_EPSG9209.zip, or tran-lieu_parcels_selection_EPSG9209.zip for a selection. */
export function exportFileName(layer: LayerId, format: LayerExportFormat, crs: LayerExportCrs, selection = false): string {
  return `tran-lieu_${layer}${selection ? '_selection' : ''}_EPSG${crs}.${EXTENSION[format]}`;
}
