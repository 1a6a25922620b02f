/**
 * GET /api/export/:layer: every layer as GeoJSON; parcels in VN-2000 as GeoJSON, CSV, XLSX and zipped Shapefile,
 * read back with independent readers (JSON, a CSV split, exceljs, shpjs, GDAL's ogrinfo when installed), the
 * coordinates checked against proj4 with the definitions of server/api/crs.ts (< 0.1 m), no personal data.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { FeatureCollection, Polygon, MultiPolygon, Position } from 'geojson';
import proj4 from 'proj4';
import { parseZip } from 'shpjs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayerId } from '../../server/api/contract.ts';
import { PROJ4_DEFS } from '../../server/api/crs.ts';
import { openTestApp } from './harness.ts';

const run = promisify(execFile);
const hasGdal = await run('ogrinfo', ['--version']).then(() => true, () => false);
if (!hasGdal) console.warn('export.test.ts: ogrinfo not found, the GDAL checks are skipped (apt-get install gdal-bin)');

const t = openTestApp();
afterAll(() => t.close());

const binary = (res: NodeJS.ReadableStream, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const download = (url: string) => request(t.app).get(url).buffer(true).parse(binary as never);

const to9209 = (p: Position) => proj4(PROJ4_DEFS['EPSG:4326'], PROJ4_DEFS['EPSG:9209'], [p[0], p[1]]);
const ringsOf = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());
/** Distance from p to the nearest vertex of g. */
const nearestVertex = (g: Polygon | MultiPolygon, p: Position) =>
  Math.min(...ringsOf(g).flat().map((q) => Math.hypot(q[0] - p[0], q[1] - p[1])));

/** The parcels layer in WGS 84 (the reference), and a household's name that must never appear in a file. */
let wgs84: FeatureCollection<Polygon | MultiPolygon>;
let personal: string[] = [];
beforeAll(async () => {
  const res = await download('/api/export/parcels?format=geojson').expect(200);
  wgs84 = JSON.parse(res.body.toString('utf8'));
  const { rows } = await t.pool.query<{ name: string; id_number: string | null }>(
    "SELECT name, id_number FROM party WHERE kind IN ('household', 'individual') ORDER BY id LIMIT 5");
  personal = rows.flatMap((r) => [r.name, r.id_number ?? '']).filter((s) => s.length >= 6);
});

const reference = () => wgs84.features[0];

/** The fields of one CSV line (RFC 4180 quoting; no line breaks inside fields in these files). */
function csvFields(line: string): string[] {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2]));
}

describe('GeoJSON', () => {
  it('exports every layer with as many features as the map layer', async () => {
    for (const id of LayerId.options) {
      const [file, layer] = await Promise.all([
        download(`/api/export/${id}?format=geojson`).expect(200),
        request(t.app).get(`/api/layers/${id}`).expect(200),
      ]);
      expect(file.headers['content-disposition'], id).toMatch(new RegExp(`^attachment; filename="?tran-lieu_${id}_EPSG4326\\.geojson`));
      const fc = JSON.parse(file.body.toString('utf8')) as FeatureCollection;
      expect(fc.features.length, id).toBe(layer.body.features.length);
      expect(fc).not.toHaveProperty('crs'); // RFC 7946: WGS 84 lon/lat, no crs member
    }
  });

  it('writes VN-2000 coordinates with a crs member, within 0.1 m of PROJ', async () => {
    const res = await download('/api/export/parcels?format=geojson&crs=9209').expect(200);
    const fc = JSON.parse(res.body.toString('utf8')) as FeatureCollection<Polygon | MultiPolygon> & { crs: unknown };
    expect(fc.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9209' } });
    expect(fc.features.length).toBe(wgs84.features.length);
    const ref = reference();
    const same = fc.features.find((f) => f.id === ref.id)!;
    const vertex = ringsOf(ref.geometry)[0][0];
    expect(nearestVertex(same.geometry, to9209(vertex))).toBeLessThan(0.1);
  });

  it('limits to a bbox and refuses an unknown layer, format or CRS', async () => {
    const [lon, lat] = ringsOf(reference().geometry)[0][0];
    const res = await download(`/api/export/parcels?bbox=${lon - 1e-4},${lat - 1e-4},${lon + 1e-4},${lat + 1e-4}`).expect(200);
    const fc = JSON.parse(res.body.toString('utf8')) as FeatureCollection;
    expect(fc.features.map((f) => f.id)).toContain(reference().id);
    expect(fc.features.length).toBeLessThan(wgs84.features.length);
    await request(t.app).get('/api/export/nope').expect(404);
    await request(t.app).get('/api/export/parcels?format=dwg').expect(400);
    await request(t.app).get('/api/export/parcels?crs=3405').expect(400);
  });
});

describe('CSV', () => {
  it('has a BOM, Vietnamese headers, point and WKT columns in VN-2000, one row per parcel', async () => {
    const res = await download('/api/export/parcels?format=csv&crs=9209').expect(200);
    expect(res.headers['content-disposition']).toContain('tran-lieu_parcels_EPSG9209.csv');
    const text: string = res.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    const header = csvFields(lines[0]);
    expect(header).toEqual(expect.arrayContaining(['Số tờ', 'Số thửa', 'Loại đất', 'X – Đông (m, EPSG:9209)', 'Hình học (WKT, EPSG:9209)']));
    expect(lines.length - 1).toBe(wgs84.features.length);
    const ref = reference();
    const row = csvFields(lines.find((l) => l.startsWith(`${ref.id},`))!);
    const wkt = row[header.indexOf('Hình học (WKT, EPSG:9209)')];
    expect(wkt).toMatch(/^(MULTI)?POLYGON\(/);
    const coords = [...wkt.matchAll(/(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const p = to9209(ringsOf(ref.geometry)[0][0]);
    expect(Math.min(...coords.map((q) => Math.hypot(q[0] - p[0], q[1] - p[1])))).toBeLessThan(0.1);
    expect(personal.length).toBeGreaterThan(0);
    for (const s of personal) expect(text).not.toContain(s);
  });
});

describe('XLSX', () => {
  it('has one row per parcel with point coordinates inside the ward (VN-2000 105°45′)', async () => {
    const res = await download('/api/export/parcels?format=xlsx&crs=9210').expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const sheet = wb.getWorksheet('Dữ liệu')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Số thửa');
    expect(sheet.actualRowCount - 1).toBe(wgs84.features.length);
    const xCol = header.indexOf('X – Đông (m, EPSG:9210)') + 1;
    const ref = reference();
    const row = sheet.getRows(2, sheet.actualRowCount - 1)!.find((r) => String(r.getCell(1).value) === String(ref.id))!;
    const [x, y] = [Number(row.getCell(xCol).value), Number(row.getCell(xCol + 1).value)];
    const vertex = proj4(PROJ4_DEFS['EPSG:4326'], PROJ4_DEFS['EPSG:9210'], ringsOf(ref.geometry)[0][0]);
    // a point on a parcel lies within a few hundred metres of its vertices
    expect(Math.hypot(x - vertex[0], y - vertex[1])).toBeLessThan(500);
  });
});

describe('Shapefile (zip)', () => {
  let zip: Buffer;
  beforeAll(async () => {
    const res = await download('/api/export/parcels?format=shp&crs=9209').expect(200);
    expect(res.headers['content-disposition']).toContain('tran-lieu_parcels_EPSG9209.zip');
    zip = res.body;
  });

  it('reads back with shpjs (reprojecting by the .prj) to the WGS 84 geometry', async () => {
    const fc = (await parseZip(zip)) as FeatureCollection<Polygon | MultiPolygon>;
    expect(fc.features.length).toBe(wgs84.features.length);
    const ref = reference();
    const same = fc.features.find((f) => String(f.properties?.MA_DT) === String(ref.id))!;
    expect(same.properties).toMatchObject({ SO_TO: (ref.properties as any).mapSheetNo, SO_THUA: (ref.properties as any).parcelNo });
    // 1e-6° ≈ 0.1 m at 21° N
    expect(nearestVertex(same.geometry, ringsOf(ref.geometry)[0][0])).toBeLessThan(1e-6);
    const text = JSON.stringify(fc.features.map((f) => f.properties));
    for (const s of personal) expect(text).not.toContain(s);
  });

  it('writes every layer (polygons, lines, points) as a Shapefile shpjs reads in full', async () => {
    for (const id of LayerId.options) {
      const [file, layer] = await Promise.all([
        download(`/api/export/${id}?format=shp&crs=9210`).expect(200),
        request(t.app).get(`/api/layers/${id}`).expect(200),
      ]);
      const fc = await parseZip(file.body);
      expect(fc.features.length, id).toBe(layer.body.features.length);
      expect(fc.features.every((f) => f.geometry !== null), id).toBe(true);
    }
  });

  it.skipIf(!hasGdal)('opens in GDAL with the VN-2000 CRS and VN-2000 coordinates', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'export-')), 'parcels.zip');
    fs.writeFileSync(file, zip);
    const { stdout } = await run('ogrinfo', ['-ro', '-so', '-al', `/vsizip/${file}`]);
    expect(stdout).toMatch(/Geometry: (Multi )?Polygon/);
    expect(stdout).toContain(`Feature Count: ${wgs84.features.length}`);
    expect(stdout).toMatch(/Longitude of natural origin",105\.5,/);
    expect(stdout).toContain('X-axis translation",-191.90441429'); // the official datum shift, not EPSG's
    const json = await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', `/vsizip/${file}`], { maxBuffer: 256 * 1024 * 1024 });
    const fc = JSON.parse(json.stdout) as FeatureCollection<Polygon | MultiPolygon>;
    const ref = reference();
    const same = fc.features.find((f) => String(f.properties?.MA_DT) === String(ref.id))!;
    expect(nearestVertex(same.geometry, to9209(ringsOf(ref.geometry)[0][0]))).toBeLessThan(0.1);
    expect(same.properties?.LOAI_DAT).toBe((ref.properties as any).landUseCode);
  });
});

describe('GeoPackage', () => {
  let file = '';
  beforeAll(async () => {
    const res = await download('/api/export/parcels?format=gpkg&crs=9209').expect(200);
    expect(res.headers['content-disposition']).toContain('tran-lieu_parcels_EPSG9209.gpkg');
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'export-')), 'parcels.gpkg');
    fs.writeFileSync(file, res.body);
  });

  it('has the GeoPackage tables, VN-2000 in gpkg_spatial_ref_sys and valid geometry blobs', () => {
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(0x47504b47);
      const srs = db.prepare('SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id').pluck().all();
      expect(srs).toEqual([-1, 0, 4326, 9209, 9210]);
      expect(db.prepare('SELECT table_name, data_type, srs_id FROM gpkg_contents').all()).toEqual([{ table_name: 'parcels', data_type: 'features', srs_id: 9209 }]);
      expect(db.prepare("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = 'parcels'").pluck().get()).toBe('geom');
      expect(db.prepare('SELECT count(*) FROM parcels').pluck().get()).toBe(wgs84.features.length);
      const ref = reference();
      const row = db.prepare('SELECT geom, parcelNo FROM parcels WHERE id = ?').get(Number(ref.id)) as { geom: Buffer; parcelNo: number };
      expect(row.parcelNo).toBe((ref.properties as any).parcelNo);
      expect(row.geom.subarray(0, 2).toString('ascii')).toBe('GP');
      expect(row.geom.readInt32LE(4)).toBe(9209);
      // the envelope (minx maxx miny maxy) holds the PROJ position of the reference vertex
      const [x, y] = to9209(ringsOf(ref.geometry)[0][0]);
      const [minx, maxx, miny, maxy] = [0, 1, 2, 3].map((i) => row.geom.readDoubleLE(8 + 8 * i));
      expect(x).toBeGreaterThan(minx - 0.1); expect(x).toBeLessThan(maxx + 0.1);
      expect(y).toBeGreaterThan(miny - 0.1); expect(y).toBeLessThan(maxy + 0.1);
    } finally {
      db.close();
    }
  });

  it('writes every layer (polygons, lines, points) with all its features', async () => {
    for (const id of LayerId.options) {
      const [res, layer] = await Promise.all([
        download(`/api/export/${id}?format=gpkg&crs=9210`).expect(200),
        request(t.app).get(`/api/layers/${id}`).expect(200),
      ]);
      const db = new Database(res.body);
      try {
        const table = db.prepare('SELECT table_name FROM gpkg_contents').pluck().get() as string;
        expect(db.prepare(`SELECT count(*) FROM "${table}" WHERE hex(substr(geom, 1, 2)) = '4750'`).pluck().get(), id).toBe(layer.body.features.length);
      } finally {
        db.close();
      }
    }
  });

  it.skipIf(!hasGdal)('opens in GDAL: layer, CRS, count, VN-2000 coordinates within 0.1 m of PROJ', async () => {
    const { stdout } = await run('ogrinfo', ['-ro', '-so', file, 'parcels']);
    expect(stdout).toContain(`Feature Count: ${wgs84.features.length}`);
    expect(stdout).toMatch(/Longitude of natural origin",105\.5,/);
    expect(stdout).toContain('X-axis translation",-191.90441429'); // the official datum shift, not EPSG's
    const json = await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file, 'parcels'], { maxBuffer: 256 * 1024 * 1024 });
    const fc = JSON.parse(json.stdout) as FeatureCollection<Polygon | MultiPolygon>;
    const ref = reference();
    const same = fc.features.find((f) => String(f.properties?.id) === String(ref.id))!;
    expect(nearestVertex(same.geometry, to9209(ringsOf(ref.geometry)[0][0]))).toBeLessThan(0.1);
  });
});
