/**
 * The .prj of an exported Shapefile: OGC WKT 1 with the same parameters as server/api/crs.ts and migration
 * 0002_spatial_functions.sql (TM-3, k = 0.9999, x0 = 500 000 m, WGS 84 ellipsoid, the official 7-parameter
 * VN-2000 shift as TOWGS84, position-vector convention, arc-seconds and ppm). tests/unit/export-prj.test.ts
 * checks it against PROJ4_DEFS through proj4's WKT reader. No AUTHORITY["EPSG","9209"]: with it GDAL/QGIS swap in
 * the EPSG database's VN-2000 → WGS 84 transformation (other parameters, metres apart) for the TOWGS84 given here;
 * for the same reason the datum is not named "Vietnam_2000" (GDAL strips TOWGS84 from datums it recognises).
 */
import type { LayerExportCrs } from '../../api/contract.ts';

const WGS84 =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563],AUTHORITY["EPSG","6326"]],' +
  'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]';

const VN2000_GEOGCS =
  'GEOGCS["VN-2000",DATUM["VN-2000 (TT 973/2001/TT-TCDC)",SPHEROID["WGS 84",6378137,298.257223563],' +
  'TOWGS84[-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278]],' +
  'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]';

/** VN-2000 / TM-3 with its central meridian in degrees (105.5 for EPSG:9209, 105.75 for EPSG:9210). */
const tm3 = (name: string, lon0: number) =>
  `PROJCS["${name}",${VN2000_GEOGCS},PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],` +
  `PARAMETER["central_meridian",${lon0}],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],` +
  `PARAMETER["false_northing",0],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]`;

const PRJ: Record<LayerExportCrs, string> = {
  '4326': WGS84,
  '9209': tm3('VN-2000 / TM-3 105-30', 105.5),
  '9210': tm3('VN-2000 / TM-3 105-45', 105.75),
};

export const prjWkt = (crs: LayerExportCrs): string => PRJ[crs];
