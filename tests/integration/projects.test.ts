/**
 * Projects API on a real database: the list and its filters, the plan summary (116.94 ha for the demo data),
 * what a footprint touches (against hand-checked fixtures), footprint validation (nothing saved on refusal),
 * optimistic concurrency, roles, personal data and the audit log. Projects this file creates carry the run's
 * code prefix and are deleted at the end, so other test files see the demo plan unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import { intersect, polygon as turfPolygon, featureCollection } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { EPSG_9209, PROJ4_DEFS } from '../../server/api/crs.ts';
import type { PlanSummary, ProjectDetail, ProjectList } from '../../server/api/contract.ts';
import { withActorTransaction } from '../../server/db/pool.ts';
import { anonymous, createAccount, RUN, signIn, type SignedIn } from './auth-helpers.ts';
import { openTestApp } from './harness.ts';

const t = openTestApp();
const PREFIX = `T${RUN}`;
let planner: SignedIn & { username: string };
let officer: SignedIn;
let leader: SignedIn;
let pub: SignedIn;

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name), 'utf8'));
const toLonLat = proj4(EPSG_9209, PROJ4_DEFS['EPSG:4326']);
const fromLonLat = proj4(PROJ4_DEFS['EPSG:4326'], EPSG_9209);
/** The 1 ha square of projects-square-9209.geojson in EPSG:4326. */
const squareRing9209: number[][] = fixture('projects-square-9209.geojson').features[0].geometry.coordinates[0];
const square: Polygon = { type: 'Polygon', coordinates: [squareRing9209.map((p) => toLonLat.forward(p))] };

/** Planar area in EPSG:9209 (m²) of lon/lat polygons, by the shoelace formula — an independent check of PostGIS. */
function area9209(polys: Position[][][]): number {
  const ring = (r: Position[]) => {
    const xy = r.map((p) => fromLonLat.forward([p[0], p[1]]));
    let s = 0;
    for (let i = 0; i < xy.length - 1; i++) s += xy[i][0] * xy[i + 1][1] - xy[i + 1][0] * xy[i][1];
    return Math.abs(s / 2);
  };
  return polys.reduce((sum, poly) => sum + ring(poly[0]) - poly.slice(1).reduce((h, r) => h + ring(r), 0), 0);
}

const newProject = (code: string, geometry: Polygon | MultiPolygon) => ({
  code: `${PREFIX}-${code}`, name: `Dự án kiểm thử ${code}`, type: 'public', plannedAreaHa: 1, geometry,
});
const post = (s: SignedIn, url: string, body: object) => s.agent.post(url).set('X-Forwarded-For', s.ip).set('X-CSRF-Token', s.csrf).send(body);
const patch = (s: SignedIn, url: string, body: object) => s.agent.patch(url).set('X-Forwarded-For', s.ip).set('X-CSRF-Token', s.csrf).send(body);
const projectCount = async () => Number((await t.pool.query('SELECT count(*) AS n FROM plan_project')).rows[0].n);

beforeAll(async () => {
  const p = await createAccount(t.pool, 'planner5', ['quy_hoach']);
  planner = { ...(await signIn(t.app, p.username, p.password)), username: p.username };
  const o = await createAccount(t.pool, 'officer5', ['dia_chinh']);
  officer = await signIn(t.app, o.username, o.password);
  const l = await createAccount(t.pool, 'leader5', ['lanh_dao']);
  leader = await signIn(t.app, l.username, l.password);
  pub = await anonymous(t.app);
});

afterAll(async () => {
  await withActorTransaction(t.pool, 'test:cleanup', (c) => c.query('DELETE FROM plan_project WHERE code LIKE $1', [`${PREFIX}-%`]));
  await t.close();
});

describe('project list and plan summary', () => {
  it('lists the 30 demo projects of the 2025 plan, filterable by type, status and former unit', async () => {
    const all: ProjectList = (await pub.agent.get('/api/projects').expect(200)).body;
    const demo = all.projects.filter((p) => p.demo);
    expect(demo.length).toBe(30);
    // the plan's 116.94 ha, summed from the footprints (ha, EPSG:9209)
    expect(Math.round(demo.reduce((s, p) => s + p.mappedAreaHa, 0) * 100) / 100).toBe(116.94);
    const transport: ProjectList = (await pub.agent.get('/api/projects?type=transport').expect(200)).body;
    expect(transport.projects.length).toBe(all.projects.filter((p) => p.type === 'transport').length);
    expect(transport.projects.length).toBeGreaterThan(0);
    const planned: ProjectList = (await pub.agent.get('/api/projects?status=planned&type=residential').expect(200)).body;
    expect(planned.projects.every((p) => p.status === 'planned' && p.type === 'residential')).toBe(true);
    const units = await Promise.all(['hiep-hoa', 'thuong-quan', 'an-phu'].map(async (u) =>
      ((await pub.agent.get(`/api/projects?formerUnit=${u}`).expect(200)).body as ProjectList).projects));
    for (const list of units) expect(list.length).toBeGreaterThan(0);
    expect(units.reduce((n, l) => n + l.length, 0)).toBeGreaterThanOrEqual(all.projects.length);
    await pub.agent.get('/api/projects?type=spaceport').expect(400);
  });

  it('sums the plan by type and by former unit from the footprints', async () => {
    const s: PlanSummary = (await pub.agent.get('/api/projects/summary').expect(200)).body;
    const list: ProjectList = (await pub.agent.get('/api/projects').expect(200)).body;
    expect(s.projects).toBe(list.projects.length);
    expect(s.totalAreaHa).toBeCloseTo(list.projects.reduce((a, p) => a + p.mappedAreaHa, 0), 2);
    expect(s.byType.reduce((a, x) => a + x.areaHa, 0)).toBeCloseTo(s.totalAreaHa, 3);
    expect(s.byType.reduce((a, x) => a + x.projects, 0)).toBe(s.projects);
    expect(s.byFormerUnit.map((u) => u.formerUnit).sort()).toEqual(['an-phu', 'hiep-hoa', 'thuong-quan']);
    // footprints lie in the ward, so the three units hold (almost) all of the area: < 0.5 % outside
    const inUnits = s.byFormerUnit.reduce((a, x) => a + x.areaHa, 0);
    expect(inUnits).toBeLessThanOrEqual(s.totalAreaHa + 1e-4);
    expect(inUnits).toBeGreaterThan(s.totalAreaHa * 0.995);
  });
});

describe('what a footprint touches', () => {
  it('a footprint equal to one parcel touches exactly that parcel, with its whole area and land users', async () => {
    const { rows: [parcel] } = await t.pool.query(`
      SELECT c.id, c.land_use_code, ST_AsGeoJSON(c.geom, 9)::json AS g, area_vn2000_m2(c.geom) AS m2
      FROM parcel c WHERE area_vn2000_m2(c.geom) > 300 AND EXISTS (SELECT 1 FROM land_right r JOIN party s ON s.id = r.party_id
        WHERE r.parcel_id = c.id AND s.kind = 'household') ORDER BY c.id LIMIT 1`);
    const { rows: [users] } = await t.pool.query(`
      SELECT count(DISTINCT s.id) FILTER (WHERE s.kind <> 'state') AS users, count(DISTINCT s.id) FILTER (WHERE s.kind = 'household') AS households
      FROM land_right r JOIN party s ON s.id = r.party_id WHERE r.parcel_id = $1`, [parcel.id]);
    const res = await post(planner, '/api/projects', newProject('one-parcel', parcel.g)).expect(201);
    const d: ProjectDetail = res.body;
    expect(d.touches.parcels.map((p) => p.parcelId)).toEqual([Number(parcel.id)]);
    expect(d.touches.parcels[0].intersectAreaM2).toBeCloseTo(parcel.m2, 1);
    expect(d.touches.byLandUse).toEqual([expect.objectContaining({ code: parcel.land_use_code, parcels: 1 })]);
    expect(d.touches.byLandUse[0].areaM2).toBeCloseTo(parcel.m2, 1);
    expect(d.touches.landUsers).toBe(Number(users.users));
    expect(d.touches.households).toBe(Number(users.households));
    expect(d.touches.households).toBeGreaterThan(0);
    // a planner does not see land users' names
    expect(d.touches.parcels[0].holders.every((h) => h.partyName === undefined)).toBe(true);
    const lead: ProjectDetail = (await leader.agent.get(`/api/projects/${d.project.id}`).expect(200)).body;
    expect(lead.touches.parcels[0].holders.some((h) => h.partyKind === 'household' && typeof h.partyName === 'string')).toBe(true);
    const open: ProjectDetail = (await pub.agent.get(`/api/projects/${d.project.id}`).expect(200)).body;
    expect(JSON.stringify(open)).not.toContain('partyName');
  });

  it('the hand-checked 1 ha square: mapped area 1.0000 ha; each overlap agrees with an independent computation', async () => {
    const d: ProjectDetail = (await post(planner, '/api/projects', newProject('square', square)).expect(201)).body;
    expect(d.project.mappedAreaHa).toBeCloseTo(1, 4);
    const { parcels, byLandUse, touchedAreaM2 } = d.touches;
    expect(parcels.length).toBeGreaterThan(0);
    expect(touchedAreaM2).toBeLessThanOrEqual(10_000.01);
    expect(parcels.reduce((a, p) => a + p.intersectAreaM2, 0)).toBeCloseTo(touchedAreaM2, 1);
    expect(byLandUse.reduce((a, x) => a + x.areaM2, 0)).toBeCloseTo(touchedAreaM2, 1);
    expect(byLandUse.reduce((a, x) => a + x.parcels, 0)).toBe(parcels.length);
    expect(d.touches.backlogParcels).toBe(parcels.filter((p) => p.certStatus === 'backlog').length);
    const { rows } = await t.pool.query('SELECT id, ST_AsGeoJSON(geom, 9)::json AS g FROM parcel WHERE id = ANY($1)', [parcels.map((p) => p.parcelId)]);
    for (const row of rows) {
      const g = row.g as MultiPolygon;
      const cut = intersect(featureCollection([turfPolygon(square.coordinates), ...g.coordinates.map((c) => turfPolygon(c))].slice(0, 2)));
      const expected = cut ? area9209(cut.geometry.type === 'Polygon' ? [cut.geometry.coordinates] : cut.geometry.coordinates) : 0;
      const got = parcels.find((p) => p.parcelId === Number(row.id))!;
      expect(Math.abs(got.intersectAreaM2 - expected), `parcel ${row.id}`).toBeLessThan(0.05);
      expect(got.intersectAreaM2).toBeLessThanOrEqual(got.parcelAreaM2 + 0.01);
    }
  });
});

describe('footprint validation and edits', () => {
  const bowtie = fixture('projects-bowtie.geojson').geometry as Polygon;
  const rect = (lon: number, lat: number, dLon: number, dLat: number): Polygon => ({ type: 'Polygon',
    coordinates: [[[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]]] });

  it.each([
    ['a self-intersecting polygon', bowtie, /Self-intersection/],
    ['a footprint outside the ward', rect(105.80, 21.02, 0.002, 0.002), /outside the ward/],
    ['a footprint under 10 m²', rect(106.491, 20.995, 0.00002, 0.00002), /too small/],
    ['a footprint over 500 ha', rect(106.45, 20.975, 0.08, 0.06), /too large/],
  ])('refuses %s with the reason and saves nothing', async (_what, geometry, message) => {
    const before = await projectCount();
    const res = await post(planner, '/api/projects', newProject('bad', geometry)).expect(422);
    expect(res.body.error.code).toBe('footprint_invalid');
    expect(res.body.error.message).toMatch(message);
    expect(await projectCount()).toBe(before);
    const check = await post(planner, '/api/projects/footprint-check', { geometry }).expect(200);
    expect(check.body.valid).toBe(false);
  });

  it('refuses malformed GeoJSON at the boundary (400) and a duplicate code (409)', async () => {
    const open = { type: 'Polygon', coordinates: [[[106.49, 20.99], [106.5, 20.99], [106.5, 21.0]]] };
    await post(planner, '/api/projects', newProject('open-ring', open as Polygon)).expect(400);
    await post(planner, '/api/projects', newProject('dup', square)).expect(201);
    expect((await post(planner, '/api/projects', newProject('dup', square)).expect(409)).body.error.code).toBe('project_code_taken');
  });

  it('saves a new footprint with the version read, recomputes what it touches, refuses a stale version, and audits', async () => {
    const { rows: [{ last }] } = await t.pool.query('SELECT coalesce(max(id), 0) AS last FROM audit_log');
    const d: ProjectDetail = (await post(planner, '/api/projects', newProject('edit', square)).expect(201)).body;
    const half: Polygon = { type: 'Polygon', coordinates: [[
      [602900, 2322760], [602950, 2322760], [602950, 2322860], [602900, 2322860], [602900, 2322760]].map((p) => toLonLat.forward(p))] };
    const e: ProjectDetail = (await patch(planner, `/api/projects/${d.project.id}`, { version: d.project.version, geometry: half, status: 'approved' }).expect(200)).body;
    expect(e.project.version).toBe(d.project.version + 1);
    expect(e.project.status).toBe('approved');
    expect(e.project.mappedAreaHa).toBeCloseTo(0.5, 4);
    expect(e.touches.touchedAreaM2).toBeLessThanOrEqual(5000.01);
    expect(e.touches.touchedAreaM2).toBeLessThan(d.touches.touchedAreaM2);
    const stale = await patch(planner, `/api/projects/${d.project.id}`, { version: d.project.version, name: 'x' }).expect(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const invalid = await patch(planner, `/api/projects/${d.project.id}`, { version: e.project.version, geometry: bowtie }).expect(422);
    expect(invalid.body.error.message).toMatch(/Self-intersection/);
    const again: ProjectDetail = (await pub.agent.get(`/api/projects/${d.project.id}`).expect(200)).body;
    expect(again.project.version).toBe(e.project.version);
    const { rows } = await t.pool.query("SELECT actor, action FROM audit_log WHERE entity = 'plan_project' AND entity_id = $1 AND id > $2 ORDER BY id",
      [String(d.project.id), last]);
    expect(rows).toEqual([{ actor: planner.username, action: 'insert' }, { actor: planner.username, action: 'update' }]);
    await patch(planner, '/api/projects/999999999', { version: 1, name: 'x' }).expect(404);
  });

  it('never hands out a project id twice, even after a delete', async () => {
    const a: ProjectDetail = (await post(planner, '/api/projects', newProject('id-a', square)).expect(201)).body;
    await withActorTransaction(t.pool, 'test:cleanup', (c) => c.query('DELETE FROM plan_project WHERE id = $1', [a.project.id]));
    const b: ProjectDetail = (await post(planner, '/api/projects', newProject('id-b', square)).expect(201)).body;
    expect(b.project.id).toBeGreaterThan(a.project.id);
  });

  it('lets only planners write', async () => {
    expect((await post(officer, '/api/projects', newProject('officer', square))).status).toBe(403);
    expect((await post(pub, '/api/projects', newProject('public', square))).status).toBe(401);
    expect((await post(officer, '/api/projects/footprint-check', { geometry: square })).status).toBe(403);
    const ok = await post(planner, '/api/projects/footprint-check', { geometry: square }).expect(200);
    expect(ok.body).toMatchObject({ valid: true, reason: null });
    expect(ok.body.areaM2).toBeCloseTo(10_000, 0);
  });
});
