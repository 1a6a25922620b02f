import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorBody, Health, LayerId, LayerList, Stats } from '../../server/api/contract.ts';
import { listMigrations, migrate } from '../../server/db/migrate.ts';
import { createLogger } from '../../server/lib/log.ts';
import { openTestApp } from './harness.ts';

const t = openTestApp();
afterAll(() => t.close());

const fixture = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/vn2000-proj-points.json'), 'utf8'));

describe('GET /api/health', () => {
  it('reports the database mode and the PostGIS version', async () => {
    const res = await request(t.app).get('/api/health').expect(200);
    const body = Health.parse(res.body);
    expect(body.database).toBe(t.mode);
    expect(body.postgis).toMatch(/^3\.\d+/);
    expect(body.demoData).toBe(true);
  });
});

describe('errors', () => {
  it('answers unknown API routes with a JSON 404 in the one error shape', async () => {
    const res = await request(t.app).get('/api/no-such-thing').expect(404);
    expect(ErrorBody.parse(res.body).error.code).toBe('route_not_found');
  });
  it('answers an unknown layer with layer_unknown', async () => {
    const res = await request(t.app).get('/api/layers/cadastre-of-mars').expect(404);
    expect(res.body.error.code).toBe('layer_unknown');
  });
  it.each(['1,2,3', 'a,b,c,d', '106.5,21,106.4,21.1', '200,0,201,1'])('rejects bbox=%s with bbox_invalid', async (bbox) => {
    const res = await request(t.app).get('/api/layers/parcels').query({ bbox }).expect(400);
    expect(res.body.error.code).toBe('bbox_invalid');
    expect(res.body.error.message).toContain('minLon,minLat,maxLon,maxLat');
  });
  it('answers malformed JSON bodies with 400, not a stack trace', async () => {
    const res = await request(t.app).post('/api/layers').set('Content-Type', 'application/json').send('{"broken":');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('GET /api/layers', () => {
  it('lists every map layer with titles, source, and real-or-demo flag', async () => {
    const res = await request(t.app).get('/api/layers').expect(200);
    const { layers, basemapStyleUrl } = LayerList.parse(res.body);
    expect(basemapStyleUrl).toBeNull(); // offline style unless BASEMAP_STYLE_URL is set
    expect(layers.map((l) => l.id).sort()).toEqual([...LayerId.options].sort());
    const byId = new Map(layers.map((l) => [l.id, l]));
    for (const real of ['ward', 'neighbour-wards', 'former-units', 'ward-office'] as const) expect(byId.get(real)!.demo).toBe(false);
    for (const demo of ['parcels', 'projects', 'residential-groups', 'roads', 'heritage-sites', 'schools'] as const) {
      expect(byId.get(demo)!.demo).toBe(true);
    }
    expect(byId.get('former-units')!.featureCount).toBe(3);
    expect(byId.get('residential-groups')!.featureCount).toBe(16);
    expect(byId.get('neighbour-wards')!.featureCount).toBe(6);
    for (const l of layers) {
      expect(l.title.vi).not.toBe('');
      expect(l.title.en).not.toBe('');
      expect(l.attribution).not.toBe('');
    }
  });

  it('serves a layer as a GeoJSON FeatureCollection marked demo or real', async () => {
    const res = await request(t.app).get('/api/layers/former-units').expect(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.body.type).toBe('FeatureCollection');
    expect(res.body.demo).toBe(false);
    const names = res.body.features.map((f: { properties: { name: string } }) => f.properties.name).sort();
    expect(names).toEqual(['Phường An Phụ', 'Xã Hiệp Hòa', 'Xã Thượng Quận']);
    const parcels = await request(t.app).get('/api/layers/parcels').query({ bbox: '106.49,21.0,106.495,21.005' }).expect(200);
    expect(parcels.body.demo).toBe(true);
    expect(parcels.body.features.every((f: { properties: { demo: boolean } }) => f.properties.demo)).toBe(true);
  });

  it('compresses large layers for browsers that accept gzip', async () => {
    const res = await request(t.app).get('/api/layers/parcels').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.features.length).toBeGreaterThan(1000);
  });

  it('filters by bbox: fewer features, each one intersecting the box', async () => {
    const all = await request(t.app).get('/api/layers/parcels').expect(200);
    const bbox = [106.485, 20.995, 106.5, 21.005];
    const part = await request(t.app).get('/api/layers/parcels').query({ bbox: bbox.join(',') }).expect(200);
    expect(part.body.features.length).toBeGreaterThan(0);
    expect(part.body.features.length).toBeLessThan(all.body.features.length);
    for (const f of part.body.features) {
      const xs: number[] = [];
      const ys: number[] = [];
      for (const poly of f.geometry.coordinates) for (const ring of poly) for (const [x, y] of ring) { xs.push(x); ys.push(y); }
      const overlaps = Math.min(...xs) <= bbox[2] && Math.max(...xs) >= bbox[0] && Math.min(...ys) <= bbox[3] && Math.max(...ys) >= bbox[1];
      expect(overlaps).toBe(true);
    }
    const p = part.body.features[0].properties;
    expect(p).toMatchObject({ formerUnit: expect.any(String), mapSheetNo: expect.any(Number), parcelNo: expect.any(Number) });
    expect(['issued', 'backlog', 'state', 'unknown']).toContain(p.certStatus);
    expect(p).not.toHaveProperty('ownerName');
  });
});

describe('GET /api/stats', () => {
  it('gives every report figure beside its live value, and the data-quality notes', async () => {
    const res = await request(t.app).get('/api/stats').expect(200);
    const stats = Stats.parse(res.body);
    expect(stats.figures.length).toBeGreaterThan(40);
    const live = stats.figures.filter((f) => f.live_value !== null);
    expect(live.length).toBeGreaterThanOrEqual(30);
    // figures the data cannot compute stay null rather than being copied from the report
    expect(stats.figures.find((f) => f.id === 'population_hiep_hoa')?.live_value ?? null).toBeNull();
    expect(stats.notes.length).toBeGreaterThanOrEqual(5);
  });
});

describe('migrations', () => {
  it('are recorded and safe to run twice', async () => {
    const applied = await migrate(t.pool, createLogger('silent'));
    expect(applied).toEqual([]);
    const { rows } = await t.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
  });
});

describe('VN-2000 / TM-3 (EPSG:9209, EPSG:9210)', () => {
  it.each(fixture.points as { name: string; lon: number; lat: number; epsg9209: number[]; epsg9210: number[] }[])(
    'transforms $name as PROJ does (< 1 cm)',
    async (p) => {
      const { rows: [r] } = await t.pool.query(
        `SELECT ST_X(a) AS x1, ST_Y(a) AS y1, ST_X(b) AS x2, ST_Y(b) AS y2 FROM (
           SELECT ST_Transform(g, 9209) AS a, ST_Transform(g, 9210) AS b
           FROM (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS g) s) t`, [p.lon, p.lat]);
      expect(Math.abs(r.x1 - p.epsg9209[0])).toBeLessThan(0.01);
      expect(Math.abs(r.y1 - p.epsg9209[1])).toBeLessThan(0.01);
      expect(Math.abs(r.x2 - p.epsg9210[0])).toBeLessThan(0.01);
      expect(Math.abs(r.y2 - p.epsg9210[1])).toBeLessThan(0.01);
    },
  );

  it('computes areas in EPSG:9209 consistent with a hand-checked geodesic area', async () => {
    // A 0.01° × 0.01° cell at 21°N, 106.5°E. On the WGS 84 ellipsoid its area is
    // A = b²·Δλ/2 · [q(φ2) − q(φ1)], q(φ) = sinφ/(1 − e² sin²φ) + 1/(2e)·ln((1 + e sinφ)/(1 − e sinφ))
    //   = 1 151 091.71 m² (computed by hand with that formula).
    // TM-3 105°30' is conformal with point scale k ≈ 0.9999·(1 + x²/2R²) ≈ 1.0000325 at 1° east of the
    // central meridian, so the planar VN-2000 area is A·k² ≈ A·1.000065.
    const { rows: [r] } = await t.pool.query(
      `SELECT area_vn2000_m2(g) AS planar, ST_Area(g::geography) AS geodesic
       FROM (SELECT ST_MakeEnvelope(106.5, 21.0, 106.51, 21.01, 4326) AS g) s`);
    expect(r.geodesic).toBeCloseTo(1_151_091.71, 0);
    expect(r.planar / 1_151_091.71).toBeGreaterThan(1.00005);
    expect(r.planar / 1_151_091.71).toBeLessThan(1.00008);
  });
});
