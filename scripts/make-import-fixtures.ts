/**
 * Writes the import-reader fixtures of tests/fixtures/import/ (run: npx tsx scripts/make-import-fixtures.ts; needs
 * GDAL's ogr2ogr and PROJ's cs2cs — the fixtures are committed, so the tests need neither).
 * Six 20 m × 25 m parcels (số tờ 901, số thửa 1–6, former unit 'an-phu'; parcel 3 has a 5 m × 5 m hole) are laid
 * out in VN-2000 TM-3 105°30′ (EPSG:9209, metres) around points inside the ward, then written by a real
 * third-party writer (ogr2ogr) in each format the import reads. expected.json holds each parcel's first outer-ring
 * vertex (its south-west corner) in WGS 84 lon/lat as PROJ's cs2cs computes it with the proj4 strings of
 * server/api/crs.ts — the command is CS2CS_COMMAND below.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import proj4 from 'proj4';
import { booleanPointInPolygon } from '@turf/turf';
import { EPSG_9209 } from '../server/api/crs.ts';

const OUT = path.resolve('tests/fixtures/import');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'import-fixtures-'));
const VN2000_TOWGS84 = EPSG_9209.match(/\+towgs84=\S+/)![0];
/** TM-3 zone with central meridian 106° (a custom VN-2000 zone, not an EPSG code). */
const TM3_106 = `+proj=tmerc +lat_0=0 +lon_0=106 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ${VN2000_TOWGS84} +units=m +no_defs`;
const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';
/** The exact PROJ command behind expected.json: easting northing (EPSG:9209, m) in → lon lat (WGS 84, °) out. */
const CS2CS_COMMAND = ['cs2cs', '-f', '%.9f', ...EPSG_9209.split(' '), '+to', ...WGS84.split(' ')];
const LAND_USE = ['ONT', 'LUC', 'CLN', 'ONT', 'NTS', 'LUC'];

/** ESRI-style .prj of a VN-2000 TM-3 zone: no TOWGS84, as ArcGIS writes it (the reader must add the shift). */
const esriPrj = (name: string, lon0: number) =>
  `PROJCS["${name}",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],` +
  `PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],` +
  `PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${lon0}],` +
  `PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

/** Six points inside the ward, 300 m apart on a grid from its centre (EPSG:9209 m, rounded to the centimetre). */
function parcelCorners(): [number, number][] {
  const ward = JSON.parse(fs.readFileSync('geodata/sources/tran_lieu_ward.geojson', 'utf8')).features[0];
  const xs = ward.geometry.coordinates[0].map((p: number[]) => p[0]);
  const ys = ward.geometry.coordinates[0].map((p: number[]) => p[1]);
  const centre = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  const [e0, n0] = proj4(WGS84, EPSG_9209, centre);
  const found: [number, number][] = [];
  for (let i = 0; found.length < 6 && i < 100; i++) {
    const e = Math.round((e0 + ((i % 5) - 2) * 300) * 100) / 100 + 0.37;
    const n = Math.round((n0 + (Math.floor(i / 5) - 2) * 300) * 100) / 100 + 0.81;
    const ll = proj4(EPSG_9209, WGS84, [e + 10, n + 12.5]);
    if (booleanPointInPolygon(ll, ward)) found.push([Number(e.toFixed(2)), Number(n.toFixed(2))]);
  }
  if (found.length < 6) throw new Error('fewer than 6 points inside the ward');
  return found;
}

/** A 20 m (E) × 25 m (N) rectangle from its south-west corner, counter-clockwise, the corner first. */
function rectangle([e, n]: [number, number], hole: boolean): number[][][] {
  const ring = [[e, n], [e + 20, n], [e + 20, n + 25], [e, n + 25], [e, n]];
  if (!hole) return [ring];
  const [he, hn] = [e + 7.5, n + 10];
  return [ring, [[he, hn], [he, hn + 5], [he + 5, hn + 5], [he + 5, hn], [he, hn]]];
}

const ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { stdio: ['ignore', 'inherit', 'inherit'] });

/** A deflated zip of files (local headers + central directory; CRC-32 from zlib). */
function zip(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, raw] of Object.entries(files)) {
    const data = zlib.deflateRawSync(raw);
    const n = Buffer.from(name, 'utf8');
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); common.writeUInt16LE(0x0800, 2); common.writeUInt16LE(8, 4);
    common.writeUInt32LE(zlib.crc32(raw), 10); common.writeUInt32LE(data.length, 14);
    common.writeUInt32LE(raw.length, 18); common.writeUInt16LE(n.length, 22);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, n, data]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4);
    common.copy(central, 6); central.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([central, n]));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(centrals.length, 8); end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Zips the Shapefile parts of `base` in TMP, with `prj` as its .prj and a UTF-8 .cpg. */
function zipShapefile(base: string, prj: string, out: string) {
  const files: Record<string, Buffer> = {};
  for (const ext of ['shp', 'shx', 'dbf']) files[`${path.basename(base)}.${ext}`] = fs.readFileSync(`${base}.${ext}`);
  files[`${path.basename(base)}.prj`] = Buffer.from(prj);
  files[`${path.basename(base)}.cpg`] = Buffer.from('UTF-8');
  fs.writeFileSync(path.join(OUT, out), zip(files));
}

/**
 * The DXF source: each ring a closed LWPOLYLINE on layer THUA_DAT (GDAL's DXF writer turns polygons into HATCH,
 * so rings go in as closed lines), and an MTEXT label 'số thửa\Ploại đất\Pdiện tích' on NHAN_THUA inside each
 * parcel (an OGR_STYLE LABEL; GDAL writes the newlines as MTEXT's \P).
 */
function dxfSource(parcels: { rings: number[][][]; no: number; use: string; area: number }[]) {
  return {
    type: 'FeatureCollection',
    features: parcels.flatMap((p) => [
      ...p.rings.map((ring) => ({ type: 'Feature', properties: { Layer: 'THUA_DAT' }, geometry: { type: 'LineString', coordinates: ring } })),
      { type: 'Feature', properties: { Layer: 'NHAN_THUA', OGR_STYLE: `LABEL(f:"Arial",t:"${p.no}\n${p.use}\n${p.area.toFixed(1)}",s:1.5g)` },
        geometry: { type: 'Point', coordinates: [p.rings[0][0][0] + 3, p.rings[0][0][1] + 20] } },
    ]),
  };
}

function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const corners = parcelCorners();
  const parcels = corners.map((c, i) => {
    const rings = rectangle(c, i === 2);
    const area = i === 2 ? 20 * 25 - 25 : 20 * 25; // m², planar EPSG:9209
    return { rings, no: i + 1, use: LAND_USE[i], area };
  });
  const source = {
    type: 'FeatureCollection',
    features: parcels.map((p) => ({
      type: 'Feature',
      properties: { so_to: 901, so_thua: p.no, loai_dat: p.use, dien_tich: p.area, ma_dvhc: 'an-phu' },
      geometry: { type: 'Polygon', coordinates: p.rings },
    })),
  };
  const src = path.join(TMP, 'source.geojson');
  fs.writeFileSync(src, JSON.stringify(source));
  const s9209 = ['-s_srs', EPSG_9209];

  // GeoJSON with the legacy crs member (GDAL writes it before `features`)
  ogr('-f', 'GeoJSON', '-a_srs', 'EPSG:9209', path.join(OUT, 'parcels-9209.geojson'), src, '-nln', 'parcels');
  // plain RFC 7946 (WGS 84, no crs member)
  ogr('-f', 'GeoJSON', '-lco', 'RFC7946=YES', '-lco', 'COORDINATE_PRECISION=9', ...s9209, '-t_srs', 'EPSG:4326',
    path.join(OUT, 'parcels-4326.geojson'), src, '-nln', 'parcels');
  // zipped Shapefile, ESRI field names, ESRI .prj without TOWGS84
  const shpSql = "SELECT so_to AS SHBANDO, so_thua AS SHTHUA, loai_dat AS LOAIDAT, dien_tich AS DIENTICH, ma_dvhc AS MADVHC FROM source";
  ogr('-f', 'ESRI Shapefile', '-a_srs', EPSG_9209, path.join(TMP, 'thua_dat.shp'), src, '-sql', shpSql, '-nln', 'thua_dat');
  zipShapefile(path.join(TMP, 'thua_dat'), esriPrj('VN-2000_TM-3_105-30', 105.5), 'parcels-9209-esri.zip');
  // custom zone: TM-3 106°00′ (reprojected exactly: same datum, same shift)
  ogr('-f', 'ESRI Shapefile', ...s9209, '-t_srs', TM3_106, path.join(TMP, 'thua_dat_106.shp'), src,
    '-sql', shpSql, '-nln', 'thua_dat_106');
  zipShapefile(path.join(TMP, 'thua_dat_106'), esriPrj('VN_2000_TM3_106', 106.0), 'parcels-106.zip');
  // GeoPackage in EPSG:9210
  fs.rmSync(path.join(OUT, 'parcels-9210.gpkg'), { force: true });
  ogr('-f', 'GPKG', '-s_srs', 'EPSG:9209', '-t_srs', 'EPSG:9210', path.join(OUT, 'parcels-9210.gpkg'), src,
    '-sql', 'SELECT so_to, so_thua, loai_dat AS ma_loai_dat, dien_tich FROM source', '-nln', 'thua_dat');
  // CSV with Vietnamese headers, WKT geometry, UTF-8 BOM (as Excel saves it)
  ogr('-f', 'CSV', '-lco', 'GEOMETRY=AS_WKT', '-lco', 'WRITE_BOM=YES', path.join(OUT, 'parcels-9209.csv'), src,
    '-sql', 'SELECT so_to AS "Số tờ", so_thua AS "Số thửa", loai_dat AS "Loại đất", dien_tich AS "Diện tích" FROM source');
  const dxfSrc = path.join(TMP, 'dxf-source.geojson');
  fs.writeFileSync(dxfSrc, JSON.stringify(dxfSource(parcels)));
  fs.rmSync(path.join(OUT, 'parcels-9209.dxf'), { force: true });
  ogr('-f', 'DXF', path.join(OUT, 'parcels-9209.dxf'), dxfSrc);
  writeBroken();
  writeExpected(parcels);
  fs.rmSync(TMP, { recursive: true, force: true });
}

/** Files the readers must refuse with a clear error. */
function writeBroken() {
  fs.writeFileSync(path.join(OUT, 'broken.zip'), zip({ 'thua_dat.dbf': fs.readFileSync(path.join(TMP, 'thua_dat.dbf')),
    'ghi_chu.txt': Buffer.from('Thiếu tệp .shp') }));
  const full = fs.readFileSync(path.join(OUT, 'parcels-9209.geojson'));
  fs.writeFileSync(path.join(OUT, 'broken.geojson'), full.subarray(0, Math.floor(full.length * 0.6)));
  let seed = 20250701; // deterministic "random" bytes (xorshift32), not a magic number of any format
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; bytes[i] = seed & 0xff; }
  bytes[0] = 0x8f;
  fs.writeFileSync(path.join(OUT, 'not-geo.bin'), bytes);
}

/** expected.json: first outer-ring vertex of each parcel in WGS 84, by PROJ (CS2CS_COMMAND). */
function writeExpected(parcels: { rings: number[][][]; no: number }[]) {
  const input = parcels.map((p) => `${p.rings[0][0][0]} ${p.rings[0][0][1]}`).join('\n') + '\n';
  const out = execFileSync(CS2CS_COMMAND[0], CS2CS_COMMAND.slice(1), { input, encoding: 'utf8' });
  const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const expected = {
    note: 'Dữ liệu minh họa. First outer-ring vertex (south-west corner) of each parcel: VN-2000 EPSG:9209 metres and WGS 84 lon/lat by PROJ cs2cs.',
    cs2cs: CS2CS_COMMAND.join(' '),
    parcels: parcels.map((p, i) => ({
      key: `an-phu 901/${p.no}`, mapSheetNo: 901, parcelNo: p.no,
      vn2000_9209: p.rings[0][0], wgs84: [rows[i][0], rows[i][1]],
    })),
  };
  fs.writeFileSync(path.join(OUT, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
}

main();
