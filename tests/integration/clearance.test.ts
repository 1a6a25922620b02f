/**
 * Site clearance (issue 6): progress computed from the records (by area and by households) against a fixture
 * project, the step-order rules of an update, its audit and history, personal data in records, and the demo's
 * An Phụ cluster at 93.3 % by area. Tolerates a shared database: it asserts on what it created.
 */
import fs from 'node:fs';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClearanceRecord, Dashboard, ProjectClearance } from '../../server/api/contract.ts';
import { withActorTransaction } from '../../server/db/pool.ts';
import { anonymous, createAccount, signIn, type SignedIn } from './auth-helpers.ts';
import { openTestApp } from './harness.ts';

type Ring = [number, number][];
interface FixtureParcel { key: string; step: string; stepDate: string; households: number; obstacle: string | null; geometry: { coordinates: Ring[][] } }
const fixture: { project: { code: string; name: string; geometry: { coordinates: Ring[][] } }; parcels: FixtureParcel[] } =
  JSON.parse(fs.readFileSync(new URL('../fixtures/clearance-project.json', import.meta.url), 'utf8'));

// EPSG:9209 exactly as migration 0002 defines it: the expected areas are computed here, independently of PostGIS.
const VN2000_TM3_10530 = '+proj=tmerc +lat_0=0 +lon_0=105.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs';
const toVn2000 = proj4('EPSG:4326', VN2000_TM3_10530);

/** m², planar EPSG:9209, of the part of an axis-aligned lon/lat rectangle inside another (shoelace). */
function clippedAreaM2(parcel: Ring, footprint: Ring): number {
  const xs = (r: Ring) => r.map((p) => p[0]);
  const ys = (r: Ring) => r.map((p) => p[1]);
  const w = Math.max(Math.min(...xs(parcel)), Math.min(...xs(footprint)));
  const e = Math.min(Math.max(...xs(parcel)), Math.max(...xs(footprint)));
  const s = Math.max(Math.min(...ys(parcel)), Math.min(...ys(footprint)));
  const n = Math.min(Math.max(...ys(parcel)), Math.max(...ys(footprint)));
  if (w >= e || s >= n) return 0;
  const pts = [[w, s], [e, s], [e, n], [w, n]].map((p) => toVn2000.forward(p));
  let twice = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x1, y1] = pts[i];
    const [x2, y2] = pts[(i + 1) % pts.length];
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

const t = openTestApp();
// ids unique per run, far above the demo's, so a shared server database keeps working
const base = 900_000_000 + (Date.now() % 1_000_000) * 10;
const projectId = base;
const parcelIds = fixture.parcels.map((_, i) => base + i + 1);
const recordIds = new Map<string, number>();
let gpmb: SignedIn;
let gpmbUser = '';
let planner: SignedIn;
let lead: SignedIn;

beforeAll(async () => {
  const footprint = JSON.stringify({ type: 'MultiPolygon', coordinates: fixture.project.geometry.coordinates });
  await withActorTransaction(t.pool, 'test:fixture', async (c) => {
    await c.query(`INSERT INTO plan_project (id, code, name, project_type, status, planned_area_ha, demo, geom)
      VALUES ($1, $2, $3, 'public', 'clearing', 1, false, ST_SetSRID(ST_GeomFromGeoJSON($4), 4326))`,
    [projectId, `${fixture.project.code}-${base}`, fixture.project.name, footprint]);
    for (const [i, p] of fixture.parcels.entries()) {
      await c.query(`INSERT INTO parcel (id, former_unit_id, map_sheet_no, parcel_no, land_use_code, legal_area_m2, geom)
        VALUES ($1, 'an-phu', $2, $3, 'LUC', 100, ST_SetSRID(ST_GeomFromGeoJSON($4), 4326))`,
      [parcelIds[i], 9000 + (base % 100_000), i + 1, JSON.stringify({ type: 'MultiPolygon', coordinates: p.geometry.coordinates })]);
      const { rows: [r] } = await c.query(`INSERT INTO clearance_record (project_id, parcel_id, step, step_date, households, compensation_vnd, obstacle)
        VALUES ($1, $2, $3, $4, $5, 0, $6) RETURNING id`, [projectId, parcelIds[i], p.step, p.stepDate, p.households, p.obstacle]);
      recordIds.set(p.key, Number(r.id));
    }
  });
  const accounts = [['gpmbofficer', 'gpmb'], ['planner', 'quy_hoach'], ['leader', 'lanh_dao']] as const;
  const signed = [];
  for (const [name, role] of accounts) {
    const a = await createAccount(t.pool, `clr-${name}`, [role]);
    signed.push(await signIn(t.app, a.username, a.password));
    if (role === 'gpmb') gpmbUser = a.username;
  }
  [gpmb, planner, lead] = signed;
});

afterAll(async () => {
  await withActorTransaction(t.pool, 'test:fixture', async (c) => {
    await c.query('DELETE FROM plan_project WHERE id = $1', [projectId]);
    await c.query('DELETE FROM parcel WHERE id = ANY($1)', [parcelIds]);
  });
  await t.close();
});

async function progressOf(id: number): Promise<ProjectClearance> {
  const res = await (await anonymous(t.app)).agent.get('/api/dashboard').expect(200);
  const p = (res.body as Dashboard).projects.find((x) => x.projectId === id);
  expect(p, `project ${id} in the dashboard`).toBeDefined();
  return p!;
}

function expectedProgress(steps: Record<string, string>) {
  const footprint = fixture.project.geometry.coordinates[0][0];
  let area = 0, areaDone = 0, hh = 0, hhDone = 0;
  for (const p of fixture.parcels) {
    const m2 = clippedAreaM2(p.geometry.coordinates[0][0], footprint);
    area += m2;
    hh += p.households;
    if ((steps[p.key] ?? p.step) === 'handed_over') { areaDone += m2; hhDone += p.households; }
  }
  return { area, areaDone, areaPct: Math.round((1000 * areaDone) / area) / 10, householdsPct: Math.round((1000 * hhDone) / hh) / 10, hh, hhDone };
}

describe('clearance progress from the records', () => {
  it('computes area (inside the footprint, EPSG:9209) and households handed over', async () => {
    const p = await progressOf(projectId);
    const e = expectedProgress({});
    expect(p.total.parcels).toBe(4);
    expect(p.total.areaM2).toBeCloseTo(e.area, 0);
    expect(p.handedOver.areaM2).toBeCloseTo(e.areaDone, 0);
    expect(p.areaPct).toBe(e.areaPct);
    expect(p.total.households).toBe(e.hh);
    expect(p.handedOver.households).toBe(e.hhDone);
    expect(p.householdsPct).toBe(e.householdsPct);
    // the straddling parcel counts only its part inside the footprint (half of it)
    const ring = fixture.parcels.find((x) => x.key === 'done-straddling')!.geometry.coordinates[0][0];
    const rec = (await lead.agent.get(`/api/clearance/projects/${projectId}/records`).expect(200)).body.records
      .find((r: ClearanceRecord) => r.id === recordIds.get('done-straddling'));
    expect(rec.areaM2).toBeCloseTo(clippedAreaM2(ring, fixture.project.geometry.coordinates[0][0]), 0);
    expect(rec.areaM2).toBeLessThan(0.6 * clippedAreaM2(ring, ring));
    expect(p.stuck).toMatchObject({ parcels: 1, households: 1 });
    expect(p.byStep.notice.households).toBe(3);
  });

  it('puts the An Phụ cluster first, at the report figure by area, and shows households too', async () => {
    const res = await (await anonymous(t.app)).agent.get('/api/dashboard').expect(200);
    const d = res.body as Dashboard;
    const first = d.projects[0];
    expect(first.isAnPhuCluster).toBe(true);
    expect(first.code).toBe(d.clusterCode);
    expect(first.householdsPct).not.toBeNull();
    const { rows: [s] } = await t.pool.query(`SELECT sum(households) FILTER (WHERE step = 'handed_over') AS done, sum(households) AS total
      FROM clearance_record WHERE project_id = $1`, [first.projectId]);
    expect(first.householdsPct).toBe(Math.round((1000 * s.done) / s.total) / 10);
    const stats = await (await anonymous(t.app)).agent.get('/api/stats').expect(200);
    const live = stats.body.figures.find((f: { id: string }) => f.id === 'an_phu_cluster_clearance_pct').live_value;
    expect(first.areaPct).toBe(live);
    if (t.mode === 'embedded') expect(first.areaPct).toBe(93.3); // the untouched demo data
    expect(d.obstacles.map((o) => o.obstacle)).toContain('unit_price');
    expect(d.handoverByMonth.length).toBeGreaterThan(0);
    expect(d.backlog.cases).toBeGreaterThan(0);
    expect(JSON.stringify(d)).not.toContain('holderName');
  });
});

describe('updating a record', () => {
  const patch = (s: SignedIn, id: number, body: object) =>
    s.agent.patch(`/api/clearance/records/${id}`).set('X-Forwarded-For', s.ip).set('X-CSRF-Token', s.csrf).send(body);
  const current = async (id: number): Promise<ClearanceRecord> => {
    const res = await gpmb.agent.get(`/api/clearance/projects/${projectId}/records`).expect(200);
    return res.body.records.find((r: ClearanceRecord) => r.id === id);
  };
  const bodyOf = (r: ClearanceRecord, change: object) => ({
    version: r.version, step: r.step, stepDate: r.stepDate, households: r.households, compensationVnd: r.compensationVnd,
    obstacle: r.obstacle, obstacleNote: r.obstacleNote, ...change,
  });

  it('moves forward, raises the progress, keeps the history and the audit', async () => {
    const id = recordIds.get('stuck-price')!;
    const before = await current(id);
    const res = await patch(gpmb, id, bodyOf(before, { step: 'handed_over', stepDate: '2025-08-15', obstacle: null, compensationVnd: 250_000_000 })).expect(200);
    expect(res.body).toMatchObject({ step: 'handed_over', version: before.version + 1, obstacle: null });
    const p = await progressOf(projectId);
    expect(p.areaPct).toBe(expectedProgress({ 'stuck-price': 'handed_over' }).areaPct);
    expect(p.stuck.parcels).toBe(0);
    const h = await lead.agent.get(`/api/clearance/records/${id}/history`).expect(200);
    expect(h.body.entries.at(-1)).toMatchObject({ step: 'handed_over', previousStep: 'compensated', stepDate: '2025-08-15', actor: gpmbUser });
    const { rows } = await t.pool.query(`SELECT actor, before, after FROM audit_log WHERE entity = 'clearance_record' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(id)]);
    expect(rows[0].actor).toBe(gpmbUser);
    expect(rows[0].after.step).toBe('handed_over');
    expect(rows[0].before.step).toBe('compensated');
  });

  it('refuses to go backwards without a reason, and accepts it with one', async () => {
    const id = recordIds.get('stuck-price')!;
    const r = await current(id);
    const back = await patch(gpmb, id, bodyOf(r, { step: 'plan_approved', obstacle: 'dispute' })).expect(400);
    expect(back.body.error.code).toBe('clearance_step_backwards');
    const blank = await patch(gpmb, id, bodyOf(r, { step: 'plan_approved', obstacle: 'dispute', reason: '   ' })).expect(400);
    expect(blank.body.error.code).toBe('clearance_step_backwards');
    expect((await current(id)).step).toBe('handed_over'); // nothing changed
    const ok = await patch(gpmb, id, bodyOf(r, { step: 'plan_approved', obstacle: 'dispute', reason: 'Tranh chấp ranh giới phát sinh sau bàn giao' })).expect(200);
    expect(ok.body.stepReason).toBe('Tranh chấp ranh giới phát sinh sau bàn giao');
    const h = await gpmb.agent.get(`/api/clearance/records/${id}/history`).expect(200);
    expect(h.body.entries.at(-1)).toMatchObject({ step: 'plan_approved', previousStep: 'handed_over', reason: 'Tranh chấp ranh giới phát sinh sau bàn giao' });
    const p = await progressOf(projectId);
    expect(p.stuck.parcels).toBe(1);
    expect(p.areaPct).toBe(expectedProgress({}).areaPct);
  });

  it('refuses a later step dated before the current one, a stale version, and an obstacle on a handed-over parcel', async () => {
    const id = recordIds.get('notice')!;
    const r = await current(id);
    const early = await patch(gpmb, id, bodyOf(r, { step: 'inventory', stepDate: '2025-06-30' })).expect(400);
    expect(early.body.error.code).toBe('clearance_date_order');
    const obstacle = await patch(gpmb, id, bodyOf(r, { step: 'handed_over', stepDate: '2025-07-02', obstacle: 'unit_price' })).expect(400);
    expect(obstacle.body.error.message).toMatch(/obstacle/);
    await patch(gpmb, id, bodyOf(r, { step: 'inventory', stepDate: '2025-07-05' })).expect(200);
    const stale = await patch(gpmb, id, bodyOf(r, { step: 'plan_approved', stepDate: '2025-07-09' })).expect(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await current(id)).step).toBe('inventory');
  });

  it('lets only clearance officers update, and needs the CSRF header', async () => {
    const id = recordIds.get('notice')!;
    const r = await current(id);
    await patch(lead, id, bodyOf(r, { step: 'plan_approved' })).expect(403);
    await patch(await anonymous(t.app), id, bodyOf(r, { step: 'plan_approved' })).expect(401);
    await gpmb.agent.patch(`/api/clearance/records/${id}`).set('X-Forwarded-For', gpmb.ip).send(bodyOf(r, { step: 'plan_approved' })).expect(403);
    await patch(gpmb, 999_999_999, bodyOf(r, {})).expect(404);
  });
});

describe('records and the map layer', () => {
  it('shows the land user only to personal-data roles', async () => {
    const url = `/api/clearance/projects/${projectId}/records`;
    const leadRes = await lead.agent.get(url).expect(200);
    expect(leadRes.body.records).toHaveLength(4);
    expect(leadRes.body.records[0]).toHaveProperty('holderName');
    const plannerRes = await planner.agent.get(url).expect(200);
    expect(plannerRes.body.records).toHaveLength(4);
    for (const r of plannerRes.body.records) expect(r).not.toHaveProperty('holderName');
    await (await anonymous(t.app)).agent.get(url).expect(401);
    await lead.agent.get('/api/clearance/projects/999999999/records').expect(404);
  });

  it('serves the project parcels coloured by step, stuck ones flagged with their obstacle', async () => {
    const res = await planner.agent.get(`/api/clearance/projects/${projectId}/parcels`).expect(200);
    expect(res.body.type).toBe('FeatureCollection');
    expect(res.body.features).toHaveLength(4);
    const stuck = res.body.features.filter((f: { properties: { stuck: boolean } }) => f.properties.stuck);
    expect(stuck).toHaveLength(1);
    expect(stuck[0].properties).toMatchObject({ step: 'plan_approved', obstacle: 'dispute' });
    const steps = new Set(res.body.features.map((f: { properties: { step: string } }) => f.properties.step));
    expect(steps).toEqual(new Set(['handed_over', 'plan_approved', 'inventory']));
  });
});
