/**
 * Deleting a project (DELETE /api/projects/:id?version=N) on a real database: a planner's own mistake goes,
 * with its parcel links, and the audit log keeps the whole row and who; a stale version and a project with
 * site-clearance records (legal progress) are refused with 409 and nothing changes; only planners may delete.
 * Projects this file creates carry the run's code prefix; seeded projects are never deleted here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import type { DeletedProject, PlanSummary, ProjectDetail, ProjectList } from '../../server/api/contract.ts';
import { withActorTransaction } from '../../server/db/pool.ts';
import { anonymous, createAccount, RUN, signIn, type SignedIn } from './auth-helpers.ts';
import { openTestApp } from './harness.ts';

const t = openTestApp();
const PREFIX = `TD${RUN}`;
let planner: SignedIn & { username: string };
const others: Record<string, SignedIn> = {};

/** A 100 m × 100 m square (≈ 1 ha) near the ward centre, shifted by i × 150 m east so projects do not overlap. */
const square = (i: number): Polygon => {
  const lon = 106.492 + i * 0.00145;
  const lat = 20.998;
  const d = 0.00096; // ≈ 100 m in longitude and latitude at 21° N
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d * 0.93], [lon, lat + d * 0.93], [lon, lat]]] };
};
const send = (s: SignedIn, method: 'post' | 'patch' | 'delete', url: string, body: object = {}) =>
  s.agent[method](url).set('X-Forwarded-For', s.ip).set('X-CSRF-Token', s.csrf).send(body);
const create = async (code: string, i: number): Promise<ProjectDetail> => (await send(planner, 'post', '/api/projects', {
  code: `${PREFIX}-${code}`, name: `Dự án nhập nhầm ${code}`, type: 'public', plannedAreaHa: 1, geometry: square(i),
}).expect(201)).body;
const exists = async (id: number) => (await t.pool.query('SELECT 1 FROM plan_project WHERE id = $1', [id])).rowCount === 1;

beforeAll(async () => {
  const p = await createAccount(t.pool, 'plannerdel', ['quy_hoach']);
  planner = { ...(await signIn(t.app, p.username, p.password)), username: p.username };
  for (const role of ['lanh_dao', 'dia_chinh', 'gpmb', 'admin'] as const) {
    const a = await createAccount(t.pool, `del-${role.replace('_', '')}`, [role]);
    others[role] = await signIn(t.app, a.username, a.password);
  }
  others.public = await anonymous(t.app);
});

afterAll(async () => {
  await withActorTransaction(t.pool, 'test:cleanup', (c) => c.query('DELETE FROM plan_project WHERE code LIKE $1', [`${PREFIX}-%`]));
  await t.close();
});

describe('DELETE /api/projects/:id', () => {
  it('deletes a project with its parcel links; it leaves the list and the summary; the audit keeps the row and who', async () => {
    const d = await create('mistake', 0);
    const { rows: [{ last }] } = await t.pool.query('SELECT coalesce(max(id), 0) AS last FROM audit_log');
    // an officially listed parcel (project_parcel) must go with the project (ON DELETE CASCADE)
    await withActorTransaction(t.pool, 'test:setup', (c) => c.query(
      'INSERT INTO project_parcel (project_id, parcel_id) SELECT $1, id FROM parcel ORDER BY id LIMIT 2', [d.project.id]));
    const listed = async () => ((await others.public.agent.get('/api/projects').expect(200)).body as ProjectList).projects;
    expect((await listed()).map((p) => p.id)).toContain(d.project.id);
    const before: PlanSummary = (await others.public.agent.get('/api/projects/summary').expect(200)).body;

    const res = await send(planner, 'delete', `/api/projects/${d.project.id}?version=${d.project.version}`).expect(200);
    expect(res.body as DeletedProject).toEqual({ id: d.project.id, code: d.project.code, name: d.project.name });

    expect((await listed()).map((p) => p.id)).not.toContain(d.project.id);
    await others.public.agent.get(`/api/projects/${d.project.id}`).expect(404);
    const after: PlanSummary = (await others.public.agent.get('/api/projects/summary').expect(200)).body;
    expect(after.projects).toBe(before.projects - 1);
    expect(after.totalAreaHa).toBeCloseTo(before.totalAreaHa - d.project.mappedAreaHa, 3);
    const links = await t.pool.query('SELECT 1 FROM project_parcel WHERE project_id = $1', [d.project.id]);
    expect(links.rowCount).toBe(0);

    const { rows } = await t.pool.query(
      "SELECT actor, before, after FROM audit_log WHERE entity = 'plan_project' AND entity_id = $1 AND action = 'delete' AND id > $2",
      [String(d.project.id), last]);
    expect(rows).toHaveLength(1);
    expect(rows[0].actor).toBe(planner.username);
    expect(rows[0].after).toBeNull();
    expect(rows[0].before).toMatchObject({ code: d.project.code, name: d.project.name, version: d.project.version });
    expect(rows[0].before.geom).toBeTruthy();
  });

  it('refuses a stale version (409 version_conflict) and keeps the project; the current version deletes it', async () => {
    const d = await create('stale', 1);
    const e: ProjectDetail = (await send(planner, 'patch', `/api/projects/${d.project.id}`, { version: d.project.version, name: 'Đổi tên' }).expect(200)).body;
    const stale = await send(planner, 'delete', `/api/projects/${d.project.id}?version=${d.project.version}`).expect(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.message).toContain(`phiên bản ${e.project.version}`);
    expect(await exists(d.project.id)).toBe(true);
    await send(planner, 'delete', `/api/projects/${d.project.id}?version=${e.project.version}`).expect(200);
    expect(await exists(d.project.id)).toBe(false);
    // a second delete finds nothing; a missing or malformed version is a bad request
    expect((await send(planner, 'delete', `/api/projects/${d.project.id}?version=${e.project.version}`).expect(404)).body.error.code).toBe('not_found');
    await send(planner, 'delete', `/api/projects/${d.project.id}`).expect(400);
    await send(planner, 'delete', `/api/projects/${d.project.id}?version=abc`).expect(400);
  });

  it('refuses a project with site-clearance records (409 project_has_clearance) and changes nothing', async () => {
    const { rows: [seeded] } = await t.pool.query(`
      SELECT p.id, p.version, count(c.id)::int AS records FROM plan_project p JOIN clearance_record c ON c.project_id = p.id
      GROUP BY p.id ORDER BY p.id LIMIT 1`);
    expect(seeded, 'the demo data has clearance records').toBeTruthy();
    const id = Number(seeded.id);
    const res = await send(planner, 'delete', `/api/projects/${id}?version=${seeded.version}`).expect(409);
    expect(res.body.error.code).toBe('project_has_clearance');
    expect(res.body.error.message).toMatch(/giải phóng mặt bằng/);
    expect(res.body.error.message).toMatch(/site-clearance/);
    expect(await exists(id)).toBe(true);
    const { rows: [now] } = await t.pool.query('SELECT count(*)::int AS n FROM clearance_record WHERE project_id = $1', [id]);
    expect(now.n).toBe(seeded.records);
  });

  it('lets only planners delete (401 public, 403 other roles and without the CSRF header); 404 for an unknown id', async () => {
    const d = await create('roles', 2);
    const url = `/api/projects/${d.project.id}?version=${d.project.version}`;
    expect((await send(others.public, 'delete', url)).status).toBe(401);
    for (const role of ['lanh_dao', 'dia_chinh', 'gpmb', 'admin']) {
      const res = await send(others[role], 'delete', url);
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    const noCsrf = await planner.agent.delete(url).set('X-Forwarded-For', planner.ip);
    expect(noCsrf.status).toBe(403);
    expect(await exists(d.project.id)).toBe(true);
    await send(planner, 'delete', '/api/projects/999999999?version=1').expect(404);
    await send(planner, 'delete', url).expect(200);
  });
});
