/**
 * Who may call what: every route as every role (public, each role, a disabled user), no personal data for
 * those who may not see it, and the route-policy completeness check. Sign-in, CSRF, sessions and the audit
 * of account changes: auth-session.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type express from 'express';
import type { Test } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/api/contract.ts';
import { createApp } from '../../server/app.ts';
import { withActorTransaction } from '../../server/db/pool.ts';
import { guardKeyOf, routePolicy, type RouteKey } from '../../server/http/auth.ts';
import { PERSONAL_KEYS } from '../../server/http/personal-data.ts';
import { createLogger } from '../../server/lib/log.ts';
import { anonymous, createAccount, signIn, type SignedIn } from './auth-helpers.ts';
import { openTestApp } from './harness.ts';

const t = openTestApp();
afterAll(() => t.close());

const PERSONAS = ['public', 'lanh_dao', 'dia_chinh', 'quy_hoach', 'gpmb', 'admin', 'disabled'] as const;
type Persona = (typeof PERSONAS)[number];
const who: Partial<Record<Persona, SignedIn & { id?: number }>> = {};
/** Personal values from the demo cadastre that must never reach public, planner or admin answers. */
let secrets: string[] = [];

beforeAll(async () => {
  who.public = await anonymous(t.app);
  for (const role of ['lanh_dao', 'dia_chinh', 'quy_hoach', 'gpmb', 'admin'] as Role[]) {
    const a = await createAccount(t.pool, role.replace('_', ''), [role]);
    const s = await signIn(t.app, a.username, a.password);
    expect(s.status, role).toBe(200);
    who[role] = { ...s, id: a.id };
  }
  // signed in while enabled, then disabled by an admin: the open session must stop working
  const d = await createAccount(t.pool, 'disabled', ['admin', 'lanh_dao']);
  who.disabled = await signIn(t.app, d.username, d.password);
  await who.admin!.agent.patch(`/api/admin/users/${d.id}`).set('X-CSRF-Token', who.admin!.csrf).send({ disabled: true }).expect(200);
  // a party change in the audit log: its before/after values hold a name and an ID number
  const { rows: [p] } = await t.pool.query("SELECT id, name, id_number FROM party WHERE kind = 'household' AND id_number IS NOT NULL LIMIT 1");
  await withActorTransaction(t.pool, 'test:officer', (c) => c.query('UPDATE party SET name = name || $2, id_number = $3 WHERE id = $1', [p.id, ' (x)', '000111222333']));
  await withActorTransaction(t.pool, 'test:officer', (c) => c.query('UPDATE party SET name = $2, id_number = $3 WHERE id = $1', [p.id, p.name, p.id_number]));
  const { rows } = await t.pool.query("SELECT name, id_number FROM party WHERE kind IN ('household', 'individual') AND id_number IS NOT NULL ORDER BY id LIMIT 200");
  secrets = [...rows.map((r) => r.id_number), ...rows.slice(0, 50).map((r) => r.name), '000111222333'];
});

type Call = (s: SignedIn) => Test;
const get = (url: string): Call => (s) => s.agent.get(url).set('X-Forwarded-For', s.ip);
const send = (method: 'post' | 'patch' | 'delete', url: string, body: object): Call => (s) =>
  s.agent[method](url).set('X-Forwarded-For', s.ip).set('X-CSRF-Token', s.csrf).send(body);

const EVERYONE: Persona[] = [...PERSONAS];
const IMPORTERS: Persona[] = ['dia_chinh', 'quy_hoach'];
const NO_JOB = '00000000-0000-4000-8000-000000000000';
/** One line per route: how to call it, and who gets past the policy. Sign-in/out are exercised in auth-session.test.ts. */
const MATRIX: { key: RouteKey; call: Call; allowed: readonly Persona[] }[] = [
  { key: 'GET /api/health', call: get('/api/health'), allowed: EVERYONE },
  { key: 'GET /api/layers', call: get('/api/layers'), allowed: EVERYONE },
  { key: 'GET /api/layers/:id', call: get('/api/layers/parcels?bbox=106.485,20.995,106.5,21.005'), allowed: EVERYONE },
  { key: 'GET /api/stats', call: get('/api/stats'), allowed: EVERYONE },
  { key: 'GET /api/auth/me', call: get('/api/auth/me'), allowed: EVERYONE },
  { key: 'GET /api/admin/users', call: get('/api/admin/users'), allowed: ['admin'] },
  // an invalid body: allowed callers get 400 (nothing is created), the others 401/403 before validation
  { key: 'POST /api/admin/users', call: send('post', '/api/admin/users', { username: '!' }), allowed: ['admin'] },
  { key: 'PATCH /api/admin/users/:id', call: send('patch', '/api/admin/users/999999999', { displayName: 'x' }), allowed: ['admin'] },
  { key: 'GET /api/audit', call: get('/api/audit?entity=party&pageSize=20'), allowed: ['admin', 'lanh_dao'] },
  // certificate workflow (issue 4): public reads without names; parcel 87 is a household's backlog parcel in the
  // demo data (seed 20250701); the invalid PATCH (version 0) changes nothing
  { key: 'GET /api/certificates/facets', call: get('/api/certificates/facets'), allowed: EVERYONE },
  { key: 'GET /api/certificates/parcels', call: get('/api/certificates/parcels?status=backlog&pageSize=200'), allowed: EVERYONE },
  { key: 'GET /api/certificates/export', call: get('/api/certificates/export?format=csv&status=backlog'), allowed: EVERYONE },
  { key: 'GET /api/certificates/search', call: get('/api/certificates/search?q=nguyen'), allowed: EVERYONE },
  { key: 'GET /api/certificates/progress', call: get('/api/certificates/progress'), allowed: EVERYONE },
  { key: 'GET /api/certificates/parcels/:id', call: get('/api/certificates/parcels/87'), allowed: EVERYONE },
  { key: 'PATCH /api/certificates/parcels/:id', call: send('patch', '/api/certificates/parcels/87', { action: 'backlog', version: 0, reason: 'dispute' }), allowed: ['dia_chinh'] },
  // recording a land user (personal data): only land officers; the invalid CCCD makes it a 400 that changes nothing
  { key: 'PATCH /api/certificates/parcels/:id', call: send('patch', '/api/certificates/parcels/87', { action: 'rightHolder', version: 1, kind: 'household', name: 'Hộ ông Thử', idNumber: '123' }), allowed: ['dia_chinh'] },
  // projects (issue 5): public reads (project 1's touched parcels name households: filtered), planner writes
  { key: 'GET /api/projects', call: get('/api/projects?type=residential'), allowed: EVERYONE },
  { key: 'GET /api/projects/summary', call: get('/api/projects/summary'), allowed: EVERYONE },
  { key: 'GET /api/projects/:id', call: get('/api/projects/1'), allowed: EVERYONE },
  { key: 'POST /api/projects', call: send('post', '/api/projects', { code: '' }), allowed: ['quy_hoach'] },
  { key: 'PATCH /api/projects/:id', call: send('patch', '/api/projects/999999999', { version: 1, name: 'x' }), allowed: ['quy_hoach'] },
  { key: 'DELETE /api/projects/:id', call: send('delete', '/api/projects/999999999?version=1', {}), allowed: ['quy_hoach'] },
  { key: 'POST /api/projects/footprint-check', call: send('post', '/api/projects/footprint-check', {}), allowed: ['quy_hoach'] },
  // site clearance (issue 6): project 1 is the demo's An Phụ cluster; the invalid PATCH body changes nothing
  { key: 'GET /api/dashboard', call: get('/api/dashboard'), allowed: EVERYONE },
  { key: 'GET /api/clearance/projects/:id/parcels', call: get('/api/clearance/projects/1/parcels'), allowed: ['lanh_dao', 'dia_chinh', 'quy_hoach', 'gpmb', 'admin'] },
  { key: 'GET /api/clearance/projects/:id/records', call: get('/api/clearance/projects/1/records'), allowed: ['lanh_dao', 'dia_chinh', 'quy_hoach', 'gpmb', 'admin'] },
  { key: 'GET /api/clearance/records/:id/history', call: get('/api/clearance/records/1/history'), allowed: ['lanh_dao', 'dia_chinh', 'quy_hoach', 'gpmb', 'admin'] },
  { key: 'PATCH /api/clearance/records/:id', call: send('patch', '/api/clearance/records/1', { version: 0 }), allowed: ['gpmb'] },
  // OGC API – Features and vector tiles (issue 8): public like the map layers, never a personal field
  { key: 'GET /ogc', call: get('/ogc'), allowed: EVERYONE },
  { key: 'GET /ogc/conformance', call: get('/ogc/conformance'), allowed: EVERYONE },
  { key: 'GET /ogc/api', call: get('/ogc/api'), allowed: EVERYONE },
  { key: 'GET /ogc/collections', call: get('/ogc/collections'), allowed: EVERYONE },
  { key: 'GET /ogc/collections/:collectionId', call: get('/ogc/collections/parcels'), allowed: EVERYONE },
  { key: 'GET /ogc/collections/:collectionId/items', call: get('/ogc/collections/parcels/items?limit=2000'), allowed: EVERYONE },
  { key: 'GET /ogc/collections/:collectionId/items/:featureId', call: get('/ogc/collections/parcels/items/87'), allowed: EVERYONE },
  // the tile under parcel 87 at z15, read as text so a leaked name or ID number would show
  { key: 'GET /tiles/:layer/:z/:x/:y.mvt', call: (s) => get('/tiles/parcels/15/26073/14425.mvt')(s).buffer(true), allowed: EVERYONE },
  { key: 'GET /api/export/:layer', call: get('/api/export/parcels?format=csv&crs=9209'), allowed: EVERYONE },
  // a selection (register filter, streamed GeoJSON): the filters name no person, the file carries no personal field
  { key: 'GET /api/export/:layer', call: get('/api/export/parcels?format=geojson&status=backlog,issued&reason=dispute,encroachment'), allowed: EVERYONE },
  // imports (a job id nobody has: allowed roles get 404 import_not_found, the others 401/403)
  { key: 'GET /api/imports', call: get('/api/imports'), allowed: IMPORTERS },
  { key: 'POST /api/imports', call: send('post', '/api/imports?layer=parcels', {}), allowed: IMPORTERS },
  { key: 'GET /api/imports/:id', call: get(`/api/imports/${NO_JOB}`), allowed: IMPORTERS },
  { key: 'POST /api/imports/:id/analyse', call: send('post', `/api/imports/${NO_JOB}/analyse`, {}), allowed: IMPORTERS },
  { key: 'GET /api/imports/:id/features', call: get(`/api/imports/${NO_JOB}/features`), allowed: IMPORTERS },
  { key: 'GET /api/imports/:id/rows', call: get(`/api/imports/${NO_JOB}/rows`), allowed: IMPORTERS },
  { key: 'GET /api/imports/:id/rejections.csv', call: get(`/api/imports/${NO_JOB}/rejections.csv`), allowed: IMPORTERS },
  { key: 'POST /api/imports/:id/commit', call: send('post', `/api/imports/${NO_JOB}/commit`, {}), allowed: IMPORTERS },
  { key: 'DELETE /api/imports/:id', call: send('delete', `/api/imports/${NO_JOB}`, {}), allowed: IMPORTERS },
];

function expectedStatus(persona: Persona, allowed: readonly Persona[]): 'ok' | 401 | 403 {
  if (allowed.includes(persona)) return 'ok';
  return persona === 'public' || persona === 'disabled' ? 401 : 403;
}

describe('route access by role', () => {
  const rows = MATRIX.flatMap((m) => PERSONAS.map((p) => ({ ...m, persona: p })));
  it.each(rows)('$key as $persona', async ({ call, allowed, persona }) => {
    const res = await call(who[persona]!);
    const expected = expectedStatus(persona, allowed);
    if (expected === 'ok') expect([200, 400, 404], `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status);
    else {
      expect(res.status).toBe(expected);
      expect(res.body.error.code).toBe(expected === 401 ? 'unauthenticated' : 'forbidden');
    }
    if (!['lanh_dao', 'dia_chinh', 'gpmb'].includes(persona)) {
      expect(findPersonalKeys(res.body), 'personal keys').toEqual([]);
      const leaked = secrets.filter((s) => res.text.includes(s));
      expect(leaked, 'personal values').toEqual([]);
    }
  });

  it('covers every rule of the route policy except the client shell', () => {
    const covered = new Set<string>([...MATRIX.map((m) => m.key), 'POST /api/auth/login', 'POST /api/auth/logout', 'GET /^\\/(?!api\\/).*/']);
    expect(Object.keys(routePolicy).filter((k) => !covered.has(k))).toEqual([]);
  });

  it('shows leadership the personal data in the audit log, and hides it from an admin', async () => {
    const lead = await who.lanh_dao!.agent.get('/api/audit?entity=party&actor=test:officer').expect(200);
    expect(lead.text).toContain('000111222333');
    const adm = await who.admin!.agent.get('/api/audit?entity=party&actor=test:officer').expect(200);
    expect(adm.body.entries.length).toBe(lead.body.entries.length);
    expect(adm.text).not.toContain('000111222333');
    for (const e of adm.body.entries) expect(Object.keys(e.after ?? {})).not.toContain('name');
  });

  it('tells the client whether the user may see personal data', async () => {
    expect((await who.lanh_dao!.agent.get('/api/auth/me')).body.user.canSeePersonalData).toBe(true);
    expect((await who.quy_hoach!.agent.get('/api/auth/me')).body.user.canSeePersonalData).toBe(false);
    expect((await who.disabled!.agent.get('/api/auth/me')).body.user).toBeNull();
  });
});

function findPersonalKeys(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => findPersonalKeys(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (PERSONAL_KEYS.has(k)) out.push(k);
      findPersonalKeys(x, out);
    }
  }
  return out;
}

interface Layer { route?: { path: unknown; stack: { method?: string; handle: unknown }[] }; handle: unknown }

/** Every route the Express app registered, with its method, path and first handler. */
function registeredRoutes(app: express.Express): { key: string; first: unknown }[] {
  const out: { key: string; first: unknown }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const methods = new Set(layer.route.stack.map((l) => l.method).filter(Boolean));
        for (const m of methods) out.push({ key: `${m!.toUpperCase()} ${String(layer.route.path)}`, first: layer.route.stack[0].handle });
      } else if ((layer.handle as { stack?: Layer[] }).stack) walk((layer.handle as { stack: Layer[] }).stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

describe('route policy', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'landmap-dist-'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
  const app = createApp({ pool: t.pool, mode: t.mode, log: createLogger('silent'), distDir: dist });
  const routes = registeredRoutes(app);

  it('finds the routes', () => expect(routes.length).toBeGreaterThanOrEqual(Object.keys(routePolicy).length));

  it.each(routes)('$key has a rule and starts with its guard', ({ key, first }) => {
    expect(Object.keys(routePolicy), `add a rule for ${key} to routePolicy in server/http/auth.ts`).toContain(key);
    expect(guardKeyOf(first), `${key} must start with allow('${key}')`).toBe(key);
  });

  it('has no rule for a route that does not exist', () => {
    const keys = new Set(routes.map((r) => r.key));
    expect(Object.keys(routePolicy).filter((k) => !keys.has(k))).toEqual([]);
  });
});
