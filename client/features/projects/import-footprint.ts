/**
 * Footprint import: a GeoJSON file or a zipped Shapefile → one EPSG:4326 Polygon/MultiPolygon to save.
 * The coordinate system is detected (GeoJSON `crs` member, the Shapefile's .prj) or chosen by the user, and
 * reprojected with proj4 using the same VN-2000 definitions as PostGIS (server/api/crs.ts, migration 0002).
 * Bad files are a result with a reason, never an exception.
 */
import proj4 from 'proj4';
import { iter } from 'but-unzip';
import { parseShp } from 'shpjs';
import type { Feature, GeoJsonObject, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { PROJ4_DEFS, type ImportCrs } from '../../../server/api/contract';

export const ImportFailure = {
  unreadable: 'unreadable',
  noPolygon: 'no_polygon',
  unknownCrs: 'unknown_crs',
  unsupportedCrs: 'unsupported_crs',
  noShapefile: 'no_shapefile',
} as const;
export type ImportFailure = (typeof ImportFailure)[keyof typeof ImportFailure];

export type ImportResult =
  | { ok: true; geometry: Polygon | MultiPolygon; crs: ImportCrs; detected: boolean; polygons: number }
  | { ok: false; reason: ImportFailure; detail: string };

/** 'auto': detect from the file (or from the coordinates when they can only be lon/lat). */
export type CrsChoice = ImportCrs | 'auto';

const fail = (reason: ImportFailure, detail: string): ImportResult => ({ ok: false, reason, detail });

/** CRS named by a GeoJSON `crs` member (old-style, still written by QGIS and ogr2ogr), or null. */
export function crsFromGeoJson(obj: unknown): ImportCrs | null | 'other' {
  const name = (obj as { crs?: { properties?: { name?: unknown } } })?.crs?.properties?.name;
  if (typeof name !== 'string') return null;
  if (/CRS84$|EPSG:{1,2}4326$/i.test(name)) return 'EPSG:4326';
  if (/EPSG:{1,2}9209$/i.test(name)) return 'EPSG:9209';
  if (/EPSG:{1,2}9210$/i.test(name)) return 'EPSG:9210';
  return 'other';
}

/** CRS described by a .prj (ESRI or OGC WKT): by EPSG authority, else by datum and central meridian. */
export function crsFromPrj(wkt: string): ImportCrs | 'other' {
  const auth = /AUTHORITY\["EPSG",\s*"?(\d+)"?\]\s*\]\s*$/i.exec(wkt.trim());
  if (auth && ['4326', '9209', '9210'].includes(auth[1])) return `EPSG:${auth[1]}` as ImportCrs;
  if (!/^PROJCS/i.test(wkt.trim())) return /WGS[ _]?(19)?84/i.test(wkt) && /^GEOGCS/i.test(wkt.trim()) ? 'EPSG:4326' : 'other';
  if (!/VN[-_ ]?2000/i.test(wkt)) return 'other';
  const cm = /PARAMETER\["central_meridian",\s*([\d.]+)\]/i.exec(wkt);
  const lon0 = cm ? Number(cm[1]) : NaN;
  if (Math.abs(lon0 - 105.5) < 1e-9) return 'EPSG:9209';
  if (Math.abs(lon0 - 105.75) < 1e-9) return 'EPSG:9210';
  return 'other';
}

function positionsOf(polys: Position[][][]): Position[] {
  return polys.flat(2);
}

/** Coordinates that can only be lon/lat (degrees) → EPSG:4326; projected metres are ambiguous (9209 or 9210). */
function guessFromCoordinates(polys: Position[][][]): ImportCrs | null {
  return positionsOf(polys).every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90) ? 'EPSG:4326' : null;
}

/** The polygons of any GeoJSON object (FeatureCollection, Feature, geometry), as polygon coordinate arrays. */
export function polygonsOf(obj: GeoJsonObject | Geometry | null | undefined): Position[][][] {
  if (!obj) return [];
  switch (obj.type) {
    case 'FeatureCollection': return (obj as unknown as { features: Feature[] }).features.flatMap((f) => polygonsOf(f.geometry));
    case 'Feature': return polygonsOf((obj as Feature).geometry);
    case 'GeometryCollection': return (obj as { geometries: Geometry[] }).geometries.flatMap(polygonsOf);
    case 'Polygon': return [(obj as Polygon).coordinates];
    case 'MultiPolygon': return (obj as MultiPolygon).coordinates;
    default: return [];
  }
}

/** Reprojects polygon coordinates from crs to EPSG:4326 (1e-8° ≈ 1 mm), with the official VN-2000 shift. */
export function toWgs84(polys: Position[][][], crs: ImportCrs): Position[][][] {
  const round = (v: number) => Math.round(v * 1e8) / 1e8;
  const conv = crs === 'EPSG:4326' ? null : proj4(PROJ4_DEFS[crs], PROJ4_DEFS['EPSG:4326']);
  return polys.map((poly) => poly.map((ring) => ring.map((p) => {
    const [lon, lat] = conv ? conv.forward([p[0], p[1]]) : [p[0], p[1]];
    return [round(lon), round(lat)];
  })));
}

/** One footprint from polygons in a known or detected CRS. */
export function footprintFromPolygons(polys: Position[][][], declared: ImportCrs | null | 'other', choice: CrsChoice): ImportResult {
  if (polys.length === 0) return fail(ImportFailure.noPolygon, 'no Polygon or MultiPolygon in the file');
  let crs: ImportCrs | null = choice === 'auto' ? null : choice;
  const detected = crs === null && declared !== null && declared !== 'other';
  if (!crs) {
    if (declared === 'other') return fail(ImportFailure.unsupportedCrs, 'the file is in a coordinate system other than EPSG:4326, 9209 or 9210');
    crs = declared ?? guessFromCoordinates(polys);
  }
  if (!crs) return fail(ImportFailure.unknownCrs, 'projected coordinates without a coordinate system: choose VN-2000 105°30′ or 105°45′');
  const out = toWgs84(polys, crs);
  const bad = positionsOf(out).some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90);
  if (bad) return fail(ImportFailure.unknownCrs, `the coordinates are not valid in ${crs}`);
  const geometry: Polygon | MultiPolygon = out.length === 1
    ? { type: 'Polygon', coordinates: out[0] }
    : { type: 'MultiPolygon', coordinates: out };
  return { ok: true, geometry, crs, detected: detected || (choice === 'auto'), polygons: out.length };
}

/** A GeoJSON text → footprint. */
export function footprintFromGeoJsonText(text: string, choice: CrsChoice = 'auto'): ImportResult {
  let obj: GeoJsonObject;
  try {
    obj = JSON.parse(text);
  } catch (err) {
    return fail(ImportFailure.unreadable, `not JSON: ${(err as Error).message}`);
  }
  if (!obj || typeof obj !== 'object' || typeof obj.type !== 'string') return fail(ImportFailure.unreadable, 'not a GeoJSON object');
  return footprintFromPolygons(polygonsOf(obj), crsFromGeoJson(obj), choice);
}

/** A zipped Shapefile (.shp + .prj, optional .dbf) → footprint; the .prj names the CRS. */
export async function footprintFromShapefileZip(bytes: Uint8Array, choice: CrsChoice = 'auto'): Promise<ImportResult> {
  const files = new Map<string, Uint8Array>();
  try {
    for (const entry of iter(bytes)) {
      if (/\.(shp|prj)$/i.test(entry.filename) && !entry.filename.includes('__MACOSX')) {
        files.set(entry.filename.toLowerCase(), await entry.read());
      }
    }
  } catch (err) {
    return fail(ImportFailure.unreadable, `not a zip file: ${(err as Error).message}`);
  }
  const shp = [...files.keys()].find((k) => k.endsWith('.shp'));
  if (!shp) return fail(ImportFailure.noShapefile, 'the zip holds no .shp file');
  const prj = files.get(shp.replace(/\.shp$/, '.prj'));
  let geometries: Geometry[];
  try {
    geometries = parseShp(files.get(shp)!, false);
  } catch (err) {
    return fail(ImportFailure.unreadable, `cannot read ${shp}: ${(err as Error).message}`);
  }
  const declared = prj ? crsFromPrj(new TextDecoder().decode(prj)) : null;
  return footprintFromPolygons(geometries.flatMap(polygonsOf), declared, choice);
}

/** A file the user picked (by name: .zip = Shapefile, anything else = GeoJSON) → footprint. */
export async function readFootprintFile(name: string, bytes: Uint8Array, choice: CrsChoice = 'auto'): Promise<ImportResult> {
  if (/\.zip$/i.test(name)) return footprintFromShapefileZip(bytes, choice);
  return footprintFromGeoJsonText(new TextDecoder().decode(bytes), choice);
}
