/**
 * Which coordinate system an imported file is in, and the transform of its geometry to WGS 84 lon/lat
 * (EPSG:4326). VN-2000 is always given OUR definition (server/api/crs.ts: the official 7-parameter shift of
 * Thông tư 973/2001/TT-TCĐC): ESRI .prj files name the VN-2000 datum but carry no TOWGS84, and a transform
 * without the shift places parcels ≈ 200 m off — so a .prj's datum is recognised, never trusted.
 */
import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';
import { EPSG_9209, PROJ4_DEFS } from '../../api/crs.ts';
import type { ImportCrsChoice, ResolvedCrs } from '../../api/contract.ts';
import type { DeclaredCrs } from './readers/types.ts';
import { UnreadableFileError } from './readers/types.ts';

/** '+towgs84=…' of the one VN-2000 definition (taken from EPSG_9209, not copied). */
const VN2000_TOWGS84 = /\+towgs84=\S+/.exec(EPSG_9209)![0];
const OFFICIAL_SHIFT = VN2000_TOWGS84.slice('+towgs84='.length).split(',').map(Number);

/** VN-2000 TM-3 zones with an EPSG code (k 0.9999, x0 500 000 m): central meridian (° E) → code, checked with PROJ 9.1. */
const VN2000_TM3_EPSG: Readonly<Record<number, number>> = {
  102: 5896, 105: 5897, 108: 5898, 107.75: 5899, 103: 9205, 104: 9206, 104.5: 9207, 104.75: 9208, 105.5: 9209,
  105.75: 9210, 106: 9211, 106.25: 9212, 106.5: 9213, 107: 9214, 107.25: 9215, 107.5: 9216, 108.25: 9217, 108.5: 9218,
};
/** VN-2000 / UTM 48N, 49N (TM-6, k 0.9996): code → central meridian. */
const VN2000_UTM_EPSG: Readonly<Record<number, number>> = { 3405: 105, 3406: 111 };
/** Other systems an exported file may declare: WGS 84 / UTM 48N, 49N, and Web Mercator (web map exports). */
const OTHER_EPSG: Readonly<Record<number, string>> = {
  32648: '+proj=utm +zone=48 +datum=WGS84 +units=m +no_defs', 32649: '+proj=utm +zone=49 +datum=WGS84 +units=m +no_defs',
  3857: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
};

/** Labels of the systems the import offers by name. */
export const IMPORT_CRS_LABELS = {
  '4326': 'EPSG:4326 (WGS 84)', '9209': 'EPSG:9209 (VN-2000 TM-3 105°30′)', '9210': 'EPSG:9210 (VN-2000 TM-3 105°45′)',
} as const;

/** 106 → '106°00′', 105.75 → '105°45′'. */
export function formatMeridian(lon: number): string {
  const deg = Math.floor(lon);
  return `${deg}°${String(Math.round((lon - deg) * 60)).padStart(2, '0')}′`;
}

/** VN-2000 transverse Mercator: TM-3 (k 0.9999) or TM-6 (k 0.9996) on `lon0`, x0 500 000 m, official shift. */
export function vn2000Tm(lon0: number, zoneWidth: 3 | 6, source: ResolvedCrs['source']): ResolvedCrs {
  const k = zoneWidth === 3 ? 0.9999 : 0.9996;
  if (zoneWidth === 3 && lon0 === 105.5) return { label: 'EPSG:9209', epsg: 9209, proj4: PROJ4_DEFS['EPSG:9209'], source };
  if (zoneWidth === 3 && lon0 === 105.75) return { label: 'EPSG:9210', epsg: 9210, proj4: PROJ4_DEFS['EPSG:9210'], source };
  const epsg = zoneWidth === 3 ? VN2000_TM3_EPSG[lon0] ?? null
    : Number(Object.entries(VN2000_UTM_EPSG).find(([, m]) => m === lon0)?.[0]) || null;
  return {
    label: `VN-2000 TM-${zoneWidth} ${formatMeridian(lon0)}`,
    epsg,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=${k} +x_0=500000 +y_0=0 +ellps=WGS84 ${VN2000_TOWGS84} +units=m +no_defs`,
    source,
  };
}

const WGS84 = (source: ResolvedCrs['source']): ResolvedCrs => ({ label: 'EPSG:4326', epsg: 4326, proj4: PROJ4_DEFS['EPSG:4326'], source });

/** A declared EPSG code → the CRS we use for it; null when we do not know it. */
export function crsOfEpsg(code: number, source: ResolvedCrs['source']): ResolvedCrs | null {
  if (code === 4326 || code === 4979 || code === 4047) return WGS84(source);
  const tm3 = Object.entries(VN2000_TM3_EPSG).find(([, c]) => c === code);
  if (tm3) return vn2000Tm(Number(tm3[0]), 3, source);
  if (VN2000_UTM_EPSG[code]) return vn2000Tm(VN2000_UTM_EPSG[code], 6, source);
  if (OTHER_EPSG[code]) return { label: `EPSG:${code}`, epsg: code, proj4: OTHER_EPSG[code], source };
  return null;
}

/** Numeric PARAMETER of a WKT1 (ESRI/OGC) or WKT2 text, by any of its names (case- and '_'/' '-insensitive). */
function wktParameter(wkt: string, names: string[]): number | null {
  const re = /PARAMETER\s*\[\s*"([^"]+)"\s*,\s*(-?[\d.eE+-]+)/gi;
  for (let m = re.exec(wkt); m; m = re.exec(wkt)) {
    if (names.includes(m[1].toLowerCase().replace(/[\s_]+/g, ' '))) return Number(m[2]);
  }
  return null;
}

/** True when the WKT's datum is VN-2000 by name, or its TOWGS84 translation is within 1 m of the official one. */
export function isVn2000Datum(wkt: string): boolean {
  const datum = /DATUM\s*\[\s*"([^"]+)"/i.exec(wkt)?.[1] ?? '';
  if (/^(D_)?(VN[-_ ]?2000|Vietnam[-_ ]?2000)$/i.test(datum)) return true;
  const shift = /TOWGS84\s*\[([^\]]+)\]/i.exec(wkt)?.[1].split(',').map(Number);
  if (!shift || shift.length < 3) return false;
  return Math.hypot(shift[0] - OFFICIAL_SHIFT[0], shift[1] - OFFICIAL_SHIFT[1], shift[2] - OFFICIAL_SHIFT[2]) < 1;
}

/** CRS of a .prj / GeoPackage WKT; null when proj4 cannot use it either. */
export function crsOfWkt(wkt: string): ResolvedCrs | null {
  const projected = /^\s*(PROJCS|PROJCRS|PROJECTEDCRS)\b/i.test(wkt);
  const tmerc = /Transverse[_ ]Mercator/i.test(wkt) && !/South[_ ]Orientated/i.test(wkt);
  if (projected && tmerc && isVn2000Datum(wkt)) {
    const lon0 = wktParameter(wkt, ['central meridian', 'longitude of natural origin', 'longitude of origin']);
    const k = wktParameter(wkt, ['scale factor', 'scale factor at natural origin']) ?? 1;
    const x0 = wktParameter(wkt, ['false easting']) ?? 0;
    const lat0 = wktParameter(wkt, ['latitude of origin', 'latitude of natural origin']) ?? 0;
    if (lon0 !== null && x0 === 500000 && lat0 === 0 && (Math.abs(k - 0.9999) < 1e-9 || Math.abs(k - 0.9996) < 1e-9)) {
      return vn2000Tm(lon0, Math.abs(k - 0.9999) < 1e-9 ? 3 : 6, 'file');
    }
  }
  const name = /^\s*\w+\s*\[\s*"([^"]+)"/.exec(wkt)?.[1] ?? 'WKT';
  if (!projected && /DATUM\s*\[\s*"(D_)?WGS[_ ]?(19)?84"/i.test(wkt)) return WGS84('file');
  try {
    proj4(wkt, PROJ4_DEFS['EPSG:4326']).forward([0, 0]);
    return { label: name, epsg: null, proj4: wkt, source: 'file' };
  } catch {
    return null;
  }
}

/** The CRS of a file, from the user's choice, else its declaration, else its numbers (see module doc). */
export function resolveCrs(
  declared: DeclaredCrs,
  options: { crs: ImportCrsChoice; centralMeridian?: number; zoneWidth: number },
  sample: [number, number] | null,
): ResolvedCrs {
  if (options.crs === 'custom') {
    if (options.centralMeridian === undefined) throw new Error('centralMeridian is required for a custom VN-2000 zone');
    return vn2000Tm(options.centralMeridian, options.zoneWidth === 6 ? 6 : 3, 'user');
  }
  if (options.crs !== 'auto') return crsOfEpsg(Number(options.crs), 'user')!;
  const byCode = declared.epsg !== null ? crsOfEpsg(declared.epsg, 'file') : null;
  if (byCode) return byCode;
  const byWkt = declared.wkt ? crsOfWkt(declared.wkt) : null;
  if (byWkt) return byWkt;
  if (declared.epsg !== null || declared.wkt) {
    throw new UnreadableFileError(`Hệ tọa độ khai báo trong tệp (${declared.epsg ? `EPSG:${declared.epsg}` : 'WKT'}) không được hỗ trợ; hãy chọn hệ tọa độ. / ` +
      `The file's coordinate system (${declared.epsg ? `EPSG:${declared.epsg}` : 'WKT'}) is not supported; choose one.`);
  }
  return crsOfNumbers(sample);
}

/** No declaration: degrees → WGS 84 (assumed); VN-2000-like metres → ask for the zone; otherwise ask too. */
function crsOfNumbers(sample: [number, number] | null): ResolvedCrs {
  if (sample && Math.abs(sample[0]) <= 180 && Math.abs(sample[1]) <= 90) return WGS84('assumed');
  const [e, n] = sample ?? [NaN, NaN];
  if (e >= 100_000 && e <= 900_000 && n >= 900_000 && n <= 2_700_000) {
    throw new UnreadableFileError('Tọa độ có dạng mét VN-2000 nhưng tệp không khai báo múi chiếu: hãy chọn kinh tuyến trục ' +
      '(EPSG:9209 105°30′, EPSG:9210 105°45′ hoặc tùy chọn). / The coordinates look like VN-2000 metres but the file ' +
      'declares no zone: choose the central meridian (EPSG:9209 105°30′, EPSG:9210 105°45′ or custom).');
  }
  throw new UnreadableFileError('Không xác định được hệ tọa độ của tệp; hãy chọn hệ tọa độ. / ' +
    'The coordinate system of the file cannot be determined; choose one.');
}

/** Geometry (Z/M dropped, rings kept as they are) from `crs` to WGS 84 lon/lat. */
export function toWgs84(crs: ResolvedCrs): (g: Geometry) => Geometry {
  const identity = crs.epsg === 4326 && crs.proj4 === PROJ4_DEFS['EPSG:4326'];
  const converter = identity ? null : proj4(crs.proj4, PROJ4_DEFS['EPSG:4326']);
  const pos = (p: Position): Position => (converter ? converter.forward([p[0], p[1]]) : [p[0], p[1]]);
  const map = (g: Geometry): Geometry => {
    switch (g.type) {
      case 'Point': return { type: g.type, coordinates: pos(g.coordinates) };
      case 'MultiPoint': case 'LineString': return { type: g.type, coordinates: g.coordinates.map(pos) };
      case 'MultiLineString': case 'Polygon': return { type: g.type, coordinates: g.coordinates.map((r) => r.map(pos)) };
      case 'MultiPolygon': return { type: g.type, coordinates: g.coordinates.map((p) => p.map((r) => r.map(pos))) };
      case 'GeometryCollection': return { type: g.type, geometries: g.geometries.map(map) };
    }
  };
  return map;
}
