/**
 * Coordinate reference systems of the area, as proj4 strings — the one copy every TypeScript module uses
 * (the demo generator, footprint import, drawing measurements). They are exactly the strings migration
 * 0002_spatial_functions.sql puts into spatial_ref_sys, so the browser, Node and PostGIS transform alike
 * (tests/unit/projects-crs.test.ts compares them, and checks points against PROJ's cs2cs).
 * TM-3 (3° zone), k = 0.9999, x0 = 500 000 m, WGS 84 ellipsoid, datum shift = the official 7 parameters
 * (Thông tư 973/2001/TT-TCĐC) in proj4's position-vector convention.
 */
const VN2000_TOWGS84 = '+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

/** VN-2000 / TM-3 105°30' (Hải Dương: the 2010 cadastral maps of the three former units), metres. */
export const EPSG_9209 =
  `+proj=tmerc +lat_0=0 +lon_0=105.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ${VN2000_TOWGS84} +units=m +no_defs`;
/** VN-2000 / TM-3 105°45' (Hải Phòng), metres. */
export const EPSG_9210 =
  `+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ${VN2000_TOWGS84} +units=m +no_defs`;

/** The coordinate systems a footprint file may be in. */
export const ImportCrs = { wgs84: 'EPSG:4326', vn2000_10530: 'EPSG:9209', vn2000_10545: 'EPSG:9210' } as const;
export type ImportCrs = (typeof ImportCrs)[keyof typeof ImportCrs];

/** proj4 definition of each supported CRS (EPSG:4326 is proj4's built-in WGS 84). */
export const PROJ4_DEFS: Readonly<Record<ImportCrs, string>> = Object.freeze({
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs',
  'EPSG:9209': EPSG_9209,
  'EPSG:9210': EPSG_9210,
});
