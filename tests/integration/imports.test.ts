/**
 * Import pipeline end to end: each format's VN-2000 fixture lands where PROJ puts it (< 0.1 m), rejections come
 * with their reasons, refused or broken files and refused commits leave the register unchanged, a commit writes
 * everything or nothing (stale previews are refused), an exported file imports back unchanged, and access rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob, ImportRowPage } from '../../server/api/contract.ts';
import { openTestApp } from './harness.ts';
import { anonymous, createAccount, RUN, signIn, type SignedIn } from './auth-helpers.ts';

const FIX = path.join(import.meta.dirname, '..', 'fixtures', 'import');
const expected = JSON.parse(fs.readFileSync(path.join(FIX, 'expected.json'), 'utf8')) as {
  parcels: Array<{ key: string; parcelNo: number; wgs84: [number, number] }>;
};

let t: ReturnType<typeof openTestApp>;
let officer: SignedIn;
let officer2: SignedIn;
let planner: SignedIn;

beforeAll(async () => {
  t = openTestApp();
  const o = await createAccount(t.pool, 'imp-officer', ['dia_chinh']);
  const o2 = await createAccount(t.pool, 'imp-officer2', ['dia_chinh']);
  const p = await createAccount(t.pool, 'imp-planner', ['quy_hoach']);
  officer = await signIn(t.app, o.username, o.password);
  officer2 = await signIn(t.app, o2.username, o2.password);
  planner = await signIn(t.app, p.username, p.password);
});
afterAll(() => t.close());

async function upload(s: SignedIn, body: Buffer, fileName: string, query: Record<string, string | number> = {}, layer = 'parcels') {
  const qs = new URLSearchParams({ layer, fileName, ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
  return s.agent.post(`/api/imports?${qs}`).set('X-Forwarded-For', s.ip).set('X-CSRF-Token', s.csrf)
    .set('Content-Type', 'application/octet-stream').send(body);
}
const send = (s: SignedIn, method: 'post' | 'delete', url: string, body: object = {}) =>
  s.agent[method](url).set('X-Forwarded-For', s.ip).set('X-CSRF-Token', s.csrf).send(body);

/** Poll the job until it leaves the running states. */
async function settle(s: SignedIn, id: string): Promise<ImportJob> {
  for (let i = 0; i < 600; i++) {
    const job: ImportJob = (await s.agent.get(`/api/imports/${id}`).set('X-Forwarded-For', s.ip).expect(200)).body;
    if (!['reading', 'validating', 'committing'].includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} did not settle`);
}

async function importFile(s: SignedIn, body: Buffer, name: string, query: Record<string, string | number> = {}, layer = 'parcels') {
  const res = await upload(s, body, name, query, layer);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return settle(s, res.body.id);
}

/** Everything a write to the register would change. */
async function fingerprint(): Promise<string> {
  const { rows } = await t.pool.query(`SELECT (SELECT count(*) FROM parcel) AS n, (SELECT coalesce(sum(version), 0) FROM parcel) AS v,
    (SELECT count(*) FROM plan_project) AS pn, (SELECT coalesce(sum(version), 0) FROM plan_project) AS pv,
    (SELECT count(*) FROM audit_log) AS audit`);
  return JSON.stringify(rows[0]);
}

/** Metres between two lon/lat points (equirectangular: exact enough at these distances). */
function metres(a: number[], b: number[]): number {
  const k = Math.PI / 180;
  const dx = (a[0] - b[0]) * k * 6378137 * Math.cos(a[1] * k);
  const dy = (a[1] - b[1]) * k * 6378137;
  return Math.hypot(dx, dy);
}

async function previewFirstVertices(s: SignedIn, id: string): Promise<Map<string, number[]>> {
  const fc = (await s.agent.get(`/api/imports/${id}/features`).set('X-Forwarded-For', s.ip).expect(200)).body;
  return new Map(fc.features.map((f: any) => [f.properties.key, f.geometry.coordinates[0][0][0]]));
}

// files of one former unit carry no unit column: the user names it (formerUnit), as a DXF of one sheet its number
const FORMATS: Array<{ file: string; format: string; query?: Record<string, string | number>; crs: RegExp; source: string }> = [
  { file: 'parcels-9209.geojson', format: 'geojson', crs: /9209/, source: 'file' },
  { file: 'parcels-9209-esri.zip', format: 'shp', crs: /9209/, source: 'file' },
  { file: 'parcels-9210.gpkg', format: 'gpkg', query: { formerUnit: 'an-phu' }, crs: /9210/, source: 'file' },
  { file: 'parcels-9209.csv', format: 'csv', query: { crs: '9209', formerUnit: 'an-phu' }, crs: /9209/, source: 'user' },
  { file: 'parcels-9209.dxf', format: 'dxf', query: { crs: '9209', formerUnit: 'an-phu', mapSheetNo: 901 }, crs: /9209/, source: 'user' },
  { file: 'parcels-106.zip', format: 'shp', crs: /106/, source: 'file' },
  { file: 'parcels-4326.geojson', format: 'geojson', crs: /4326/, source: 'assumed' },
];

describe('each format, VN-2000 positions against PROJ', () => {
  for (const f of FORMATS) {
    it(`${f.file}: read, classified, within 0.1 m of cs2cs, nothing written`, async () => {
      const before = await fingerprint();
      const job = await importFile(officer, fs.readFileSync(path.join(FIX, f.file)), f.file, f.query);
      expect(job.state, JSON.stringify(job.error)).toBe('ready');
      expect(job.format).toBe(f.format);
      expect(job.crs?.label).toMatch(f.crs);
      expect(job.crs?.source).toBe(f.source);
      expect(job.counts?.total).toBe(expected.parcels.length);
      expect(job.counts?.reject, JSON.stringify(job.reasons)).toBe(0);
      const vertices = await previewFirstVertices(officer, job.id);
      for (const p of expected.parcels) {
        const got = vertices.get(p.key);
        expect(got, `${f.file}: ${p.key}`).toBeDefined();
        expect(metres(got!, p.wgs84), `${f.file} ${p.key}`).toBeLessThan(0.1);
      }
      expect(await fingerprint()).toBe(before);
      await send(officer, 'delete', `/api/imports/${job.id}`).expect(204);
    });
  }
});

describe('files that cannot be read', () => {
  for (const [file, code] of [['broken.zip', 'import_file_unreadable'], ['broken.geojson', 'import_file_unreadable'],
    ['not-geo.bin', 'import_format_unsupported']] as const) {
    it(`${file}: failed with ${code}, the register unchanged`, async () => {
      const before = await fingerprint();
      const job = await importFile(officer, fs.readFileSync(path.join(FIX, file)), file);
      expect(job.state).toBe('failed');
      expect(job.error?.code).toBe(code);
      expect(job.error?.message).toMatch(/ \/ /); // Vietnamese / English
      expect(await fingerprint()).toBe(before);
      await send(officer, 'post', `/api/imports/${job.id}/commit`, { skipRejected: true }).expect(409);
      expect(await fingerprint()).toBe(before);
    });
  }

  it('projected coordinates with no CRS: failed, then analysed again with the zone chosen', async () => {
    const csv = fs.readFileSync(path.join(FIX, 'parcels-9209.csv'));
    const job = await importFile(officer, csv, 'no-crs.csv');
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(/VN-2000/);
    await send(officer, 'post', `/api/imports/${job.id}/analyse`, { crs: '9209' }).expect(202);
    const again = await settle(officer, job.id);
    expect(again.state).toBe('ready');
    expect(again.crs?.source).toBe('user');
    await send(officer, 'delete', `/api/imports/${job.id}`).expect(204);
  });
});

/** A 20 m × 20 m square (WGS 84) east of the fixtures' first parcel, i steps of 40 m along. */
function square(i: number, dy = 0): number[][][] {
  const [lon, lat] = expected.parcels[0].wgs84;
  const x = lon + 0.0004 * i; const y = lat + 0.0008 + dy;
  const d = 0.00019;
  return [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
}
const feature = (props: Record<string, unknown>, geometry: object | null) => ({ type: 'Feature', properties: props, geometry });
const poly = (c: number[][][]) => ({ type: 'Polygon', coordinates: c });
const geojson = (features: object[]) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
const SHEET = 900 + Math.floor(Math.random() * 50); // a sheet no earlier run on a server database used up … mostly
const base = { 'Đơn vị': 'An Phụ', 'Số tờ': SHEET, 'Loại đất': 'ONT', 'Diện tích': 400 };

describe('preview: what would be added, updated, rejected — and why', () => {
  let jobId = '';
  it('each rejection reason on its feature, nothing written until commit', async () => {
    const before = await fingerprint();
    const [lon, lat] = expected.parcels[0].wgs84;
    const body = geojson([
      feature({ ...base, 'Số thửa': 1 }, poly(square(0))),                                  // add (unit by name)
      feature({ ...base, 'Số thửa': 2, 'Diện tích': undefined }, poly(square(1))),           // add, area from map
      feature({ ...base, 'Số thửa': 3 }, poly([[[lon, lat + 0.002], [lon + 0.0002, lat + 0.0022], [lon + 0.0002, lat + 0.002], [lon, lat + 0.0022], [lon, lat + 0.002]]])), // bow-tie
      feature({ ...base, 'Số thửa': 4 }, poly([[[105, 21], [105.0002, 21], [105.0002, 21.0002], [105, 21]]])), // far outside
      feature({ ...base, 'Số thửa': 5 }, poly(square(2))), feature({ ...base, 'Số thửa': 5 }, poly(square(3))), // duplicate key
      feature({ ...base, 'Số thửa': '5a' }, poly(square(4))),                                 // not a parcel number
      feature({ ...base, 'Số thửa': 6, 'Loại đất': 'XYZ' }, poly(square(5))),                 // unknown land use
      feature({ ...base, 'Số thửa': 7, 'Đơn vị': 'Hải Dương' }, poly(square(6))),             // unknown unit
      feature({ ...base, 'Số thửa': 8 }, { type: 'Point', coordinates: [lon, lat] }),          // not a polygon
      feature({ ...base, 'Số thửa': 9 }, null),                                               // no geometry
    ]);
    const job = await importFile(officer, body, 'mixed.geojson');
    expect(job.state, JSON.stringify(job.error)).toBe('ready');
    expect(job.mapping).toMatchObject({ formerUnit: 'Đơn vị', mapSheetNo: 'Số tờ', parcelNo: 'Số thửa', landUseCode: 'Loại đất', legalAreaM2: 'Diện tích' });
    expect(job.counts).toMatchObject({ total: 11, add: 2, update: 0, reject: 9 });
    const rows: ImportRowPage = (await officer.agent.get(`/api/imports/${job.id}/rows?limit=50`).set('X-Forwarded-For', officer.ip).expect(200)).body;
    const reasonsOf = (seq: number) => rows.rows.find((r) => r.seq === seq)!.reasons;
    expect(rows.total).toBe(11);
    expect(reasonsOf(3)).toEqual(['geometry_invalid']);
    expect(rows.rows.find((r) => r.seq === 3)!.detail).toMatch(/self-intersection/i);
    expect(reasonsOf(4)).toEqual(['outside_ward']);
    expect(reasonsOf(5)).toEqual(['duplicate_key']);
    expect(reasonsOf(6)).toEqual(['duplicate_key']);
    expect(reasonsOf(7)).toEqual(['key_missing']);
    expect(rows.rows.find((r) => r.seq === 7)!.detail).toMatch(/5a/);
    expect(reasonsOf(8)).toEqual(['land_use_unknown']);
    expect(reasonsOf(9)).toEqual(['unit_unknown']);
    expect(reasonsOf(10)).toEqual(['geometry_not_polygon']);
    expect(reasonsOf(11)).toEqual(['geometry_missing']);
    expect(rows.rows.find((r) => r.seq === 2)!.warnings).toContain('area_from_geometry');
    expect(rows.rows.find((r) => r.seq === 1)!.key).toBe(`an-phu ${SHEET}/1`);
    const rejected: ImportRowPage = (await officer.agent.get(`/api/imports/${job.id}/rows?action=reject`).set('X-Forwarded-For', officer.ip).expect(200)).body;
    expect(rejected.total).toBe(9);
    const csv = await officer.agent.get(`/api/imports/${job.id}/rejections.csv`).set('X-Forwarded-For', officer.ip).expect(200);
    expect(csv.text.trim().split('\r\n')).toHaveLength(10); // header + 9
    expect(csv.text).toMatch(/nằm ngoài địa giới phường/);
    // the map preview: features with a geometry (10 of 11), with their action
    const fc = (await officer.agent.get(`/api/imports/${job.id}/features`).set('X-Forwarded-For', officer.ip).expect(200)).body;
    expect(fc.features).toHaveLength(10);
    expect(fc.features.filter((f: any) => f.properties.action === 'add')).toHaveLength(2);
    expect(fc.features.find((f: any) => f.properties.seq === 1).properties).toMatchObject({ key: `an-phu ${SHEET}/1`, label: `${SHEET}/1` });
    // all or nothing: refused while features are rejected
    const refused = await send(officer, 'post', `/api/imports/${job.id}/commit`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('import_has_rejections');
    expect(await fingerprint()).toBe(before);
    jobId = job.id;
  });

  it('commit skipping the rejections writes the two new parcels in one go, audited under the officer', async () => {
    const before = await t.pool.query('SELECT count(*)::int AS n FROM parcel');
    const started = await send(officer, 'post', `/api/imports/${jobId}/commit`, { skipRejected: true }).expect(202);
    expect(started.body.state).toBe('committing'); // never 'ready': a client polling on would think nothing happened
    const job = await settle(officer, jobId);
    expect(job.state, JSON.stringify(job.error)).toBe('committed');
    expect(job.committedAt).not.toBeNull();
    const after = await t.pool.query('SELECT count(*)::int AS n FROM parcel');
    expect(after.rows[0].n - before.rows[0].n).toBe(2);
    const { rows } = await t.pool.query(
      `SELECT p.parcel_no, p.legal_area_m2::float AS legal, p.demo, round(area_vn2000_m2(p.geom)::numeric, 1)::float AS mapped,
              (SELECT a.actor FROM audit_log a WHERE a.entity = 'parcel' AND a.entity_id = p.id::text AND a.action = 'insert') AS actor
       FROM parcel p WHERE p.former_unit_id = 'an-phu' AND p.map_sheet_no = $1 ORDER BY p.parcel_no`, [SHEET]);
    expect(rows.map((r) => r.parcel_no)).toEqual([1, 2]);
    expect(rows[0].legal).toBe(400);
    expect(rows[1].legal).toBeCloseTo(rows[1].mapped, 1); // no legal area in the file: the mapped one
    expect(rows.every((r) => r.demo === false && r.actor.endsWith('imp-officer'))).toBe(true);
    // the new parcel is on the public map layer
    const layer = (await (await anonymous(t.app)).agent.get('/api/layers/parcels').expect(200)).body;
    expect(layer.features.some((f: any) => f.properties.mapSheetNo === SHEET && f.properties.parcelNo === 1)).toBe(true);
    // a committed job cannot be committed again or discarded
    await send(officer, 'post', `/api/imports/${jobId}/commit`, { skipRejected: true }).expect(409);
    await send(officer, 'delete', `/api/imports/${jobId}`).expect(409);
  });

  it('the same parcels again: unchanged; with a new land use: an update; a stale preview is refused whole', async () => {
    const same = await importFile(officer, geojson([feature({ ...base, 'Số thửa': 1 }, poly(square(0)))]), 'same.geojson');
    expect(same.counts).toMatchObject({ unchanged: 1, add: 0, update: 0, reject: 0 });
    await send(officer, 'post', `/api/imports/${same.id}/commit`, {}).expect(409); // nothing to write
    await send(officer, 'delete', `/api/imports/${same.id}`).expect(204);

    const changed = await importFile(officer, geojson([
      feature({ ...base, 'Số thửa': 1, 'Loại đất': 'CLN' }, poly(square(0))),
      feature({ ...base, 'Số thửa': 10 }, poly(square(7))),
    ]), 'changed.geojson');
    expect(changed.counts).toMatchObject({ update: 1, add: 1, reject: 0 });
    // someone edits the parcel after the preview: the commit must write nothing at all
    await t.pool.query(`UPDATE parcel SET version = version + 1 WHERE former_unit_id = 'an-phu' AND map_sheet_no = $1 AND parcel_no = 1`, [SHEET]);
    const before = await fingerprint();
    const stale = await send(officer, 'post', `/api/imports/${changed.id}/commit`, {});
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('import_stale');
    expect(await fingerprint()).toBe(before);
    // analysed again, it commits: one update, one add
    await send(officer, 'post', `/api/imports/${changed.id}/analyse`, {}).expect(202);
    expect((await settle(officer, changed.id)).counts).toMatchObject({ update: 1, add: 1 });
    await send(officer, 'post', `/api/imports/${changed.id}/commit`, {}).expect(202);
    expect((await settle(officer, changed.id)).state).toBe('committed');
    const { rows } = await t.pool.query(`SELECT parcel_no, land_use_code FROM parcel WHERE former_unit_id = 'an-phu' AND map_sheet_no = $1 ORDER BY parcel_no`, [SHEET]);
    expect(rows).toEqual([{ parcel_no: 1, land_use_code: 'CLN' }, { parcel_no: 2, land_use_code: 'ONT' }, { parcel_no: 10, land_use_code: 'ONT' }]);
  });

  it('an exported Shapefile in VN-2000 imports back as unchanged (round trip within 1 cm)', async () => {
    const [lon, lat] = expected.parcels[0].wgs84;
    const bbox = [lon - 0.003, lat - 0.003, lon + 0.003, lat + 0.003].join(',');
    const zip = await (await anonymous(t.app)).agent.get(`/api/export/parcels?format=shp&crs=9209&bbox=${bbox}`)
      .buffer(true).parse((res, cb) => { const c: Buffer[] = []; res.on('data', (d: Buffer) => c.push(d)); res.on('end', () => cb(null, Buffer.concat(c))); }).expect(200);
    const job = await importFile(officer, zip.body as Buffer, 'export.zip');
    expect(job.state, JSON.stringify(job.error)).toBe('ready');
    expect(job.crs?.label).toMatch(/9209/);
    expect(job.counts!.total).toBeGreaterThan(3);
    expect(job.counts).toMatchObject({ unchanged: job.counts!.total, add: 0, update: 0, reject: 0 });
    await send(officer, 'delete', `/api/imports/${job.id}`).expect(204);
  });
});

describe('projects and access', () => {
  it('a planner imports a new project footprint; an officer may not', async () => {
    const code = `IMP-${RUN}`;
    const body = geojson([feature({ 'Mã dự án': code, 'Tên dự án': 'Nhà văn hóa thử nghiệm', 'Loại': 'culture' }, poly(square(0, 0.003)))]);
    const forbidden = await upload(officer, body, 'project.geojson', {}, 'projects');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('import_layer_forbidden');
    const job = await importFile(planner, body, 'project.geojson', {}, 'projects');
    expect(job.counts, JSON.stringify(job.reasons)).toMatchObject({ add: 1, reject: 0 });
    await send(planner, 'post', `/api/imports/${job.id}/commit`, {}).expect(202);
    expect((await settle(planner, job.id)).state).toBe('committed');
    const list = (await planner.agent.get('/api/projects').expect(200)).body;
    const p = list.projects.find((x: any) => x.code === code);
    expect(p).toMatchObject({ name: 'Nhà văn hóa thử nghiệm', type: 'culture', status: 'planned', demo: false });
  });

  it('a job is its creator\'s alone; the public and other roles are refused', async () => {
    const job = await importFile(officer, fs.readFileSync(path.join(FIX, 'parcels-4326.geojson')), 'mine.geojson');
    await officer2.agent.get(`/api/imports/${job.id}`).set('X-Forwarded-For', officer2.ip).expect(404);
    await send(officer2, 'delete', `/api/imports/${job.id}`).expect(404);
    const pub = await anonymous(t.app);
    await pub.agent.get(`/api/imports/${job.id}`).expect(401);
    expect((await upload(pub, Buffer.from('{}'), 'x.geojson')).status).toBe(401);
    await officer.agent.get('/api/imports/not-a-uuid').set('X-Forwarded-For', officer.ip).expect(404);
    const mine = (await officer.agent.get('/api/imports').set('X-Forwarded-For', officer.ip).expect(200)).body.jobs;
    expect(mine.some((j: ImportJob) => j.id === job.id)).toBe(true);
    expect((await officer2.agent.get('/api/imports').set('X-Forwarded-For', officer2.ip).expect(200)).body.jobs
      .some((j: ImportJob) => j.id === job.id)).toBe(false);
    await send(officer, 'delete', `/api/imports/${job.id}`).expect(204);
    expect((await officer.agent.get(`/api/imports/${job.id}`).set('X-Forwarded-For', officer.ip).expect(200)).body.state).toBe('discarded');
  });

  it('bad input is refused in the one error shape', async () => {
    const res = await upload(officer, Buffer.alloc(0), 'empty.geojson');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    const custom = await upload(officer, Buffer.from('{}'), 'x.geojson', { crs: 'custom' });
    expect(custom.status).toBe(400);
    expect(custom.body.error.message).toMatch(/centralMeridian/);
  });
});
