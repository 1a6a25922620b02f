/**
 * CRS resolution of imported files, and the transform to WGS 84: each fixture's parcels land within 0.1 m of
 * where PROJ's cs2cs puts them (tests/fixtures/import/expected.json), also when the .prj carries no datum shift.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { afterAll, describe, expect, it } from 'vitest';
import { EPSG_9209, EPSG_9210, PROJ4_DEFS } from '../../server/api/crs.ts';
import { crsOfWkt, isVn2000Datum, resolveCrs, toWgs84 } from '../../server/features/imports/crs.ts';
import { openSource, UnreadableFileError } from '../../server/features/imports/readers/index.ts';
import type { SourceFeature } from '../../server/features/imports/readers/index.ts';

const FIX = path.resolve('tests/fixtures/import');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(FIX, 'expected.json'), 'utf8')) as {
  parcels: { parcelNo: number; wgs84: [number, number] }[];
};
const CS2CS = '/usr/bin/cs2cs';
const auto = { crs: 'auto', zoneWidth: 3 } as const;
const none = { wkt: null, epsg: null };
const work: string[] = [];
afterAll(() => { for (const d of work) fs.rmSync(d, { recursive: true, force: true }); });

/** Ground distance (m) between two lon/lat points, locally flat (fine at 0.1 m over metres). */
function metres(a: Position, b: Position): number {
  const dx = (a[0] - b[0]) * Math.cos((b[1] * Math.PI) / 180) * 111_320;
  const dy = (a[1] - b[1]) * 110_574;
  return Math.hypot(dx, dy);
}

const ESRI_9209 = 'PROJCS["VN-2000_TM-3_105-30",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],' +
  'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.5],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const UTM48_ESRI = 'PROJCS["WGS_1984_UTM_Zone_48N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],' +
  'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

describe('resolveCrs rules', () => {
  it('a user choice wins over the file', () => {
    expect(resolveCrs({ wkt: ESRI_9209, epsg: null }, { crs: '9210', zoneWidth: 3 }, null))
      .toEqual({ label: 'EPSG:9210', epsg: 9210, proj4: EPSG_9210, source: 'user' });
    expect(resolveCrs({ wkt: null, epsg: 9209 }, { crs: '4326', zoneWidth: 3 }, null)).toMatchObject({ epsg: 4326, source: 'user' });
    const custom = resolveCrs(none, { crs: 'custom', centralMeridian: 106, zoneWidth: 3 }, null);
    expect(custom).toMatchObject({ label: 'VN-2000 TM-3 106°00′', epsg: 9211, source: 'user' });
    expect(custom.proj4).toBe(EPSG_9209.replace('+lon_0=105.5', '+lon_0=106'));
    expect(resolveCrs(none, { crs: 'custom', centralMeridian: 105, zoneWidth: 6 }, null).proj4).toMatch(/\+lon_0=105 \+k=0\.9996/);
  });

  it('declared EPSG codes: WGS 84, CRS84, the VN-2000 zones, UTM', () => {
    expect(resolveCrs({ wkt: null, epsg: 4326 }, auto, null)).toMatchObject({ label: 'EPSG:4326', source: 'file' });
    expect(resolveCrs({ wkt: null, epsg: 9209 }, auto, null).proj4).toBe(EPSG_9209);
    expect(resolveCrs({ wkt: null, epsg: 9213 }, auto, null)).toMatchObject({ label: 'VN-2000 TM-3 106°30′', epsg: 9213 });
    expect(resolveCrs({ wkt: null, epsg: 5899 }, auto, null).proj4).toMatch(/\+lon_0=107\.75 \+k=0\.9999/);
    expect(resolveCrs({ wkt: null, epsg: 3405 }, auto, null).proj4).toMatch(/\+lon_0=105 \+k=0\.9996.*\+towgs84=-191\.90441429/);
    expect(resolveCrs({ wkt: null, epsg: 32648 }, auto, null)).toMatchObject({ label: 'EPSG:32648', epsg: 32648 });
    expect(() => resolveCrs({ wkt: null, epsg: 2154 }, auto, null)).toThrow(UnreadableFileError);
  });

  it('an ESRI VN-2000 .prj gets the official shift, not the .prj datum', () => {
    expect(isVn2000Datum(ESRI_9209)).toBe(true);
    expect(resolveCrs({ wkt: ESRI_9209, epsg: null }, auto, null)).toEqual({ label: 'EPSG:9209', epsg: 9209, proj4: EPSG_9209, source: 'file' });
  });

  it('a TOWGS84 within 1 m of the official one is VN-2000 whatever the datum is called', () => {
    const wkt = ESRI_9209.replace('D_Vietnam_2000', 'D_Unknown').replace('PARAMETER["Central_Meridian",105.5]', 'PARAMETER["Central_Meridian",106.25]')
      .replace('SPHEROID["WGS_1984",6378137.0,298.257223563]', 'SPHEROID["WGS_1984",6378137.0,298.257223563],TOWGS84[-191.9,-39.3,-111.45,0,0,0,0]');
    expect(crsOfWkt(wkt)).toMatchObject({ label: 'VN-2000 TM-3 106°15′', epsg: 9212 });
    expect(isVn2000Datum(wkt.replace('-191.9', '-181.9'))).toBe(false);
  });

  it('geographic WGS 84 and other WKT proj4 understands', () => {
    const geographic = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    expect(resolveCrs({ wkt: geographic, epsg: null }, auto, null)).toMatchObject({ epsg: 4326, source: 'file' });
    const utm = resolveCrs({ wkt: UTM48_ESRI, epsg: null }, auto, null);
    expect(utm).toMatchObject({ label: 'WGS_1984_UTM_Zone_48N', epsg: null, source: 'file' });
    const p = toWgs84(utm)({ type: 'Point', coordinates: [654321, 2323456] }) as GeoJSON.Point;
    const ref = proj4('+proj=utm +zone=48 +datum=WGS84 +units=m +no_defs', PROJ4_DEFS['EPSG:4326'], [654321, 2323456]);
    expect(metres(p.coordinates, ref)).toBeLessThan(0.01);
  });

  it('nothing declared: degrees are assumed WGS 84; VN-2000-like metres ask for the zone', () => {
    expect(resolveCrs(none, auto, [106.48, 21.0])).toMatchObject({ epsg: 4326, source: 'assumed' });
    expect(() => resolveCrs(none, auto, [602281.34, 2323159.27])).toThrow(/kinh tuyến trục.*central meridian/s);
    expect(() => resolveCrs(none, auto, [-5e6, 9e6])).toThrow(UnreadableFileError);
    expect(() => resolveCrs(none, auto, null)).toThrow(UnreadableFileError);
  });

  it('toWgs84 keeps rings and drops Z', () => {
    const g = toWgs84(resolveCrs(none, auto, [106, 21]))({ type: 'Polygon', coordinates: [[[106, 21, 5], [106.1, 21, 5], [106, 21.1, 5], [106, 21, 5]], [[106.01, 21.01], [106.02, 21.01], [106.01, 21.02], [106.01, 21.01]]] });
    expect((g as Polygon).coordinates.map((r) => r.length)).toEqual([4, 4]);
    expect((g as Polygon).coordinates[0][0]).toEqual([106, 21]);
  });
});

const FIXTURES = [
  { file: 'parcels-9209.geojson', options: auto, label: 'EPSG:9209', source: 'file', key: 'so_thua' },
  { file: 'parcels-4326.geojson', options: auto, label: 'EPSG:4326', source: 'assumed', key: 'so_thua' },
  { file: 'parcels-9209-esri.zip', options: auto, label: 'EPSG:9209', source: 'file', key: 'SHTHUA' },
  { file: 'parcels-106.zip', options: auto, label: 'VN-2000 TM-3 106°00′', source: 'file', key: 'SHTHUA' },
  { file: 'parcels-9210.gpkg', options: auto, label: 'EPSG:9210', source: 'file', key: 'so_thua' },
  { file: 'parcels-9209.csv', options: { crs: '9209', zoneWidth: 3 }, label: 'EPSG:9209', source: 'user', key: 'Số thửa' },
  { file: 'parcels-9209.dxf', options: { crs: '9209', zoneWidth: 3 }, label: 'EPSG:9209', source: 'user', key: 'SoThua' },
] as const;

async function read(file: string): Promise<{ crs: { wkt: string | null; epsg: number | null }; features: SourceFeature[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-crs-'));
  work.push(dir);
  const src = await openSource(path.join(FIX, file), file, dir);
  const features: SourceFeature[] = [];
  for await (const f of src.features()) features.push(f);
  await src.close();
  return { crs: src.crs, features };
}

const firstVertex = (f: SourceFeature) => (f.geometry as Polygon).coordinates[0][0];

describe('fixtures land where PROJ puts them', () => {
  for (const c of FIXTURES) {
    it(`${c.file}: ${c.label} (${c.source}), every parcel within 0.1 m of cs2cs`, async () => {
      const { crs, features } = await read(c.file);
      const resolved = resolveCrs(crs, c.options, firstVertex(features[0]) as [number, number]);
      expect(resolved).toMatchObject({ label: c.label, source: c.source });
      const transform = toWgs84(resolved);
      expect(features).toHaveLength(EXPECTED.parcels.length);
      for (const f of features) {
        const expected = EXPECTED.parcels.find((p) => p.parcelNo === Number(f.properties[c.key]))!;
        const got = (transform(f.geometry!) as Polygon).coordinates[0][0];
        expect(metres(got, expected.wgs84)).toBeLessThan(0.1);
      }
    });
  }

  it('the ESRI .prj taken at its word (no TOWGS84) would put parcels more than 100 m off', async () => {
    const { crs, features } = await read('parcels-9209-esri.zip');
    const naive = proj4(crs.wkt!, PROJ4_DEFS['EPSG:4326']).forward(firstVertex(features[0]));
    expect(metres(naive, EXPECTED.parcels[0].wgs84)).toBeGreaterThan(100);
  });

  it.skipIf(!fs.existsSync(CS2CS))('live: cs2cs with the resolved definition agrees with proj4 to 1 cm', async () => {
    for (const c of FIXTURES) {
      const { crs, features } = await read(c.file);
      const resolved = resolveCrs(crs, c.options, firstVertex(features[0]) as [number, number]);
      const [x, y] = firstVertex(features[0]);
      const out = execFileSync(CS2CS, ['-f', '%.10f', ...resolved.proj4.split(' '), '+to', ...PROJ4_DEFS['EPSG:4326'].split(' ')],
        { input: `${x} ${y}\n`, encoding: 'utf8' });
      const live = out.trim().split(/\s+/).slice(0, 2).map(Number);
      const ours = (toWgs84(resolved)(features[0].geometry!) as Polygon).coordinates[0][0];
      expect(metres(ours, live)).toBeLessThan(0.01);
    }
  });
});
