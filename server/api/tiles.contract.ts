/**
 * Vector tiles: GET /tiles/{layer}/{z}/{x}/{y}.mvt, Mapbox Vector Tile 2.1 in Web Mercator (EPSG:3857) tile
 * coordinates, one MVT layer named like the map layer. Only dense layers are tiled; the others stay GeoJSON.
 * Imports neither pg nor express.
 */
import { z } from 'zod';

/** Map layers served as vector tiles. */
export const TileLayerId = z.enum(['parcels', 'projects']);
export type TileLayerId = z.infer<typeof TileLayerId>;

export const TilePath = {
  route: '/tiles/:layer/:z/:x/:y.mvt',
  /** MapLibre source URL template (the {z}/{x}/{y} placeholders stay literal). */
  template: (layer: TileLayerId) => `/tiles/${layer}/{z}/{x}/{y}.mvt`,
  tile: (layer: TileLayerId, z: number, x: number, y: number) => `/tiles/${layer}/${z}/${x}/${y}.mvt`,
} as const;

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';
/** Tile extent (integer units per tile side) and the buffer around it, in those units; ST_AsMVTGeom's defaults. */
export const MVT_EXTENT = 4096;
export const MVT_BUFFER = 256;
/** Zoom levels served; beyond 22 a tile is a few centimetres wide. */
export const TILE_MAX_ZOOM = 22;

/** z/x/y of a tile: integers, 0 ≤ x, y < 2^z. */
export const TileParams = z
  .object({
    layer: TileLayerId,
    z: z.string().regex(/^\d{1,2}$/).transform(Number).pipe(z.number().int().min(0).max(TILE_MAX_ZOOM)),
    x: z.string().regex(/^\d{1,8}$/).transform(Number),
    y: z.string().regex(/^\d{1,8}$/).transform(Number),
  })
  .refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, { message: 'x and y must be below 2^z' });
export type TileParams = z.infer<typeof TileParams>;

/**
 * Properties of a feature in the `parcels` tile layer: the parcel layer's properties (ParcelProps in contract.ts),
 * no personal data. Null values are left out, as MVT has no null. The MVT feature id is the parcel id.
 */
export const PARCEL_TILE_PROPERTIES = ['id', 'demo', 'formerUnit', 'mapSheetNo', 'parcelNo', 'landUseCode',
  'legalAreaM2', 'mappedAreaM2', 'certStatus', 'backlogReason', 'digitised', 'residentialGroup', 'village'] as const;
export const PROJECT_TILE_PROPERTIES = ['id', 'demo', 'code', 'name', 'type', 'status', 'decisionNo',
  'plannedAreaHa', 'mappedAreaHa', 'formerUnit'] as const;
