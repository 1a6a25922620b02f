/**
 * Footprint import: GeoJSON and zipped Shapefile, in EPSG:4326, 9209 and 9210, detected or chosen, reprojected
 * with the proj4 definitions that PostGIS also uses; points checked against PROJ's cs2cs.
 */
import fs from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { EPSG_9209, EPSG_9210, PROJ4_DEFS } from '../../server/api/crs.ts';
import {
  crsFromPrj, footprintFromGeoJsonText, readFootprintFile, ImportFailure,
} from '../../client/features/projects/import-footprint.ts';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const read = (name: string) => new Uint8Array(fs.readFileSync(fixture(name)));
const cs2cs = JSON.parse(fs.readFileSync(fixture('vn2000-proj-points.json'), 'utf8')).points as
  { name: string; lon: number; lat: number; epsg9209: [number, number]; epsg9210: [number, number] }[];

/** Planar area (m²) of a lon/lat ring in EPSG:9209: the way area_vn2000_m2 measures. */
function area9209(ring: Position[]): number {
  const xy = ring.map((p) => proj4(PROJ4_DEFS['EPSG:4326'], EPSG_9209).forward([p[0], p[1]]));
  let s = 0;
  for (let i = 0; i < xy.length - 1; i++) s += xy[i][0] * xy[i + 1][1] - xy[i + 1][0] * xy[i][1];
  return Math.abs(s / 2);
}

describe('VN-2000 definitions', () => {
  it('are the strings migration 0002 gives PostGIS', () => {
    const sql = fs.readFileSync(path.join(import.meta.dirname, '../../server/db/migrations/0002_spatial_functions.sql'), 'utf8');
    expect(sql).toContain(`'${EPSG_9209}'`);
    expect(sql).toContain(`'${EPSG_9210}'`);
  });

  it.each(cs2cs)('match PROJ cs2cs at $name to 1 mm', (p) => {
    const a = proj4(PROJ4_DEFS['EPSG:4326'], EPSG_9209).forward([p.lon, p.lat]);
    const b = proj4(PROJ4_DEFS['EPSG:4326'], EPSG_9210).forward([p.lon, p.lat]);
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(a[i] - p.epsg9209[i])).toBeLessThan(0.001);
      expect(Math.abs(b[i] - p.epsg9210[i])).toBeLessThan(0.001);
    }
  });
});

describe('footprint import', () => {
  const ward = cs2cs.find((p) => p.name.startsWith('ward office'))!;

  it('reads a GeoJSON point given in EPSG:9209 back to the lon/lat PROJ computed it from', () => {
    const [x, y] = ward.epsg9209;
    const ring = [[x, y], [x + 50, y], [x + 50, y + 50], [x, y + 50], [x, y]];
    const text = JSON.stringify({ type: 'Feature', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9209' } },
      properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } });
    const r = footprintFromGeoJsonText(text);
    expect(r.ok && r.crs).toBe('EPSG:9209');
    if (!r.ok) return;
    const [lon, lat] = (r.geometry as Polygon).coordinates[0][0];
    // 1e-7° ≈ 1 cm at this latitude
    expect(Math.abs(lon - ward.lon)).toBeLessThan(1e-7);
    expect(Math.abs(lat - ward.lat)).toBeLessThan(1e-7);
  });

  it('imports the hand-checked 1 ha square from GeoJSON (crs member EPSG:9209)', async () => {
    const r = await readFootprintFile('square.geojson', read('projects-square-9209.geojson'));
    expect(r).toMatchObject({ ok: true, crs: 'EPSG:9209', detected: true, polygons: 1 });
    if (r.ok) expect(area9209((r.geometry as Polygon).coordinates[0])).toBeCloseTo(10_000, 1);
  });

  it.each([['projects-square-9209.zip', 'EPSG:9209'], ['projects-square-9210.zip', 'EPSG:9210']] as const)(
    'imports the zipped Shapefile %s, CRS from its .prj', async (file, crs) => {
      const r = await readFootprintFile(file, read(file));
      expect(r).toMatchObject({ ok: true, crs, polygons: 1 });
      if (!r.ok) return;
      const ring = (r.geometry as Polygon).coordinates[0];
      expect(area9209(ring)).toBeCloseTo(10_000, 0);
      // the same corner whatever the zone it was stored in (the 9210 file holds the square reprojected, ±1 mm)
      const geo = await readFootprintFile('g.geojson', read('projects-square-9209.geojson'));
      const corners = (geo.ok ? (geo.geometry as Polygon).coordinates[0] : []).map((p) => p.join());
      const near = ring.every((p) => (geo.ok ? (geo.geometry as Polygon).coordinates[0] : []).some((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) < 2e-8));
      expect(corners.length).toBe(5);
      expect(near).toBe(true);
    });

  it('asks for the CRS when projected coordinates come without one, and uses the one chosen', () => {
    const [x, y] = ward.epsg9210;
    const text = JSON.stringify({ type: 'Polygon', coordinates: [[[x, y], [x + 20, y], [x + 20, y + 20], [x, y]]] });
    expect(footprintFromGeoJsonText(text)).toMatchObject({ ok: false, reason: ImportFailure.unknownCrs });
    const r = footprintFromGeoJsonText(text, 'EPSG:9210');
    expect(r.ok && (r.geometry as Polygon).coordinates[0][0].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([ward.lon, ward.lat]);
  });

  it('takes lon/lat without a crs member as EPSG:4326 and merges several polygons', () => {
    const sq = (x: number) => [[[x, 21], [x + 0.001, 21], [x + 0.001, 21.001], [x, 21]]];
    const text = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: sq(106.49) } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106.49, 21] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: sq(106.495) } },
    ] });
    expect(footprintFromGeoJsonText(text)).toMatchObject({ ok: true, crs: 'EPSG:4326', polygons: 2, geometry: { type: 'MultiPolygon' } });
  });

  it('refuses what it cannot use, with the reason', async () => {
    expect(footprintFromGeoJsonText('{not json')).toMatchObject({ ok: false, reason: ImportFailure.unreadable });
    expect(footprintFromGeoJsonText('{"type":"Point","coordinates":[106.49,21]}')).toMatchObject({ ok: false, reason: ImportFailure.noPolygon });
    const utm = JSON.stringify({ type: 'Polygon', crs: { type: 'name', properties: { name: 'EPSG:32648' } }, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
    expect(footprintFromGeoJsonText(utm)).toMatchObject({ ok: false, reason: ImportFailure.unsupportedCrs });
    expect(await readFootprintFile('x.zip', new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false });
  });

  it('reads the CRS of common .prj texts', () => {
    expect(crsFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')).toBe('EPSG:4326');
    expect(crsFromPrj('PROJCS["VN-2000 / TM-3 105-45",GEOGCS["VN-2000"],PARAMETER["central_meridian",105.75]]')).toBe('EPSG:9210');
    expect(crsFromPrj('PROJCS["VN_2000_UTM_Zone_48N",GEOGCS["GCS_VN_2000"],PARAMETER["Central_Meridian",105.0]]')).toBe('other');
  });
});
