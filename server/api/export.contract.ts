/**
 * Export of a map layer as a file for the land office's tools (QGIS, MapInfo, Excel): the formats, the coordinate
 * systems (WGS 84 or VN-2000 / TM-3), the query and the file name. Imports neither pg nor express.
 */
import { z } from 'zod';
// contract.ts re-exports this file: its BboxQuery is not initialised yet when this body runs, hence z.lazy
import { BboxQuery, type LayerId } from './contract.ts';

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

/** `?format=…&crs=…[&bbox=minLon,minLat,maxLon,maxLat]` — bbox always in EPSG:4326, like the map's. */
export const LayerExportQuery = z.object({
  format: LayerExportFormat.default('geojson'),
  crs: LayerExportCrs.default('4326'),
  bbox: z.lazy(() => BboxQuery.shape.bbox),
});
export type LayerExportQuery = z.input<typeof LayerExportQuery>;

const EXTENSION: Record<LayerExportFormat, string> = { geojson: 'geojson', csv: 'csv', xlsx: 'xlsx', shp: 'zip', gpkg: 'gpkg' };

/** e.g. tran-lieu_parcels_EPSG9209.zip */
export function exportFileName(layer: LayerId, format: LayerExportFormat, crs: LayerExportCrs): string {
  return `tran-lieu_${layer}_EPSG${crs}.${EXTENSION[format]}`;
}
