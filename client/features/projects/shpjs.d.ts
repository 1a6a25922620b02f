/** The part of shpjs (no bundled types) the footprint import uses: parse a .shp / .dbf without reprojecting. */
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Geometries of a .shp; with no prj the coordinates stay as stored (we reproject ourselves, see crs.ts). */
  export function parseShp(shp: ArrayBuffer | DataView | Uint8Array, prj?: string | false): Geometry[];
  export function parseDbf(dbf: ArrayBuffer | DataView | Uint8Array, cpg?: string): Record<string, unknown>[];
}
