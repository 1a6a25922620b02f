import request from 'supertest';
/**
 * The certificate workflow's API: search (accents, key formats, serials, no name search for the public),
 * filters (list, counts and the same selection), the parcel panel, edits (issue, backlog, digitise),
 * conflicts, bad input that changes nothing, exports (CSV and an .xlsx parsed back), and progress.
 * Runs on a database other tests change too: assertions are about what this file creates or relative changes.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVi } from '../../server/features/certificates/search-terms.ts';
import { anonymous, createAccount, signIn, type SignedIn } from './auth-helpers.ts';
import { openTestApp } from './harness.ts';

const t = openTestApp();
afterAll(() => t.close());

let officer: SignedIn;
let officerName: string;
let officer2: SignedIn;
let planner: SignedIn;
let pub: SignedIn;
/** A run-unique serial number base, so reruns on a server database do not collide. */
const SERIAL_BASE = 100_000 + (Date.now() % 800_000);
const serial = (i: number) => `TL ${String(SERIAL_BASE + i).padStart(6, '0')}`;

beforeAll(async () => {
  const a = await createAccount(t.pool, 'certofficer', ['dia_chinh']);
  officer = await signIn(t.app, a.username, a.password);
  officerName = a.username;
  officer2 = await signIn(t.app, a.username, a.password);
  const p = await createAccount(t.pool, 'certplanner', ['quy_hoach']);
  planner = await signIn(t.app, p.username, p.password);
  pub = await anonymous(t.app);
});

/** An open backlog parcel with a household land user, not used by another test of this file. */
async function backlogParcel(offset: number) {
  const { rows: [r] } = await t.pool.query(`
    SELECT p.id, p.former_unit_id, p.map_sheet_no, p.parcel_no, y.name
    FROM parcel_register r JOIN parcel p ON p.id = r.id
    JOIN land_right lr ON lr.parcel_id = p.id AND lr.kind = 'ownership_use' JOIN party y ON y.id = lr.party_id
    WHERE r.cert_status = 'backlog' AND y.kind = 'household' ORDER BY p.id OFFSET $1 LIMIT 1`, [offset]);
  return r as { id: number; former_unit_id: string; map_sheet_no: number; parcel_no: number; name: string };
}
const patch = (s: SignedIn, id: number, body: object) =>
  s.agent.patch(`/api/certificates/parcels/${id}`).set('X-Forwarded-For', s.ip).set('X-CSRF-Token', s.csrf).send(body);

describe('search', () => {
  it('folds accents in SQL exactly as in Node, for every party name', async () => {
    const { rows } = await t.pool.query('SELECT name, fold_vi(name) AS folded FROM party');
    expect(rows.length).toBeGreaterThan(100);
    const differ = rows.filter((r) => foldVi(r.name) !== r.folded.replace(/\s+/g, ' ').trim());
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('finds a land user by name without accents, only for roles that may see names', async () => {
    const p = await backlogParcel(0);
    const plain = foldVi(p.name).replace(/^ho (ong|ba) /, '');
    const res = await officer.agent.get('/api/certificates/search').query({ q: plain.toUpperCase() }).expect(200);
    expect(res.body.nameSearch).toBe(true);
    expect(res.body.hits.map((h: { parcelId: number }) => h.parcelId)).toContain(p.id);
    expect(res.body.hits.find((h: { parcelId: number }) => h.parcelId === p.id).holderName).toBe(p.name);
    const anon = await pub.agent.get('/api/certificates/search').query({ q: plain }).expect(200);
    expect(anon.body.nameSearch).toBe(false);
    expect(anon.body.hits).toEqual([]);
    expect(anon.text).not.toContain(p.name);
  });

  it.each([
    ['{unit} {sheet}/{parcel}'], ['tờ {sheet} thửa {parcel}'], ['thửa {parcel} tờ {sheet}'], ['{unitPlain} {sheet}-{parcel}'],
  ])('finds a parcel by its cadastral key written as "%s"', async (format) => {
    const p = await backlogParcel(1);
    const unit = { 'an-phu': 'An Phụ', 'hiep-hoa': 'Hiệp Hòa', 'thuong-quan': 'Thượng Quận' }[p.former_unit_id]!;
    const q = format.replace('{unit}', unit).replace('{unitPlain}', foldVi(unit))
      .replace('{sheet}', String(p.map_sheet_no)).replace('{parcel}', String(p.parcel_no));
    const res = await pub.agent.get('/api/certificates/search').query({ q }).expect(200);
    const hit = res.body.hits.find((h: { parcelId: number }) => h.parcelId === p.id);
    expect(hit, q).toMatchObject({ match: 'key', mapSheetNo: p.map_sheet_no, parcelNo: p.parcel_no });
    expect(hit.bbox[0]).toBeLessThan(hit.bbox[2]);
    if (format.includes('unit')) expect(res.body.hits.every((h: { formerUnit: string }) => h.formerUnit === p.former_unit_id)).toBe(true);
  });

  it('finds a parcel by certificate serial, typed without the space', async () => {
    const { rows: [c] } = await t.pool.query('SELECT serial, parcel_id FROM certificate ORDER BY id LIMIT 1');
    const res = await pub.agent.get('/api/certificates/search').query({ q: c.serial.replace(' ', '').toLowerCase() }).expect(200);
    expect(res.body.hits[0]).toMatchObject({ parcelId: Number(c.parcel_id), match: 'serial', serial: c.serial });
  });

  it('refuses an empty query', async () => {
    const res = await pub.agent.get('/api/certificates/search').query({ q: '  ' }).expect(400);
    expect(res.body.error.code).toBe('bad_request');
  });
});

describe('register filters', () => {
  it('lists, counts and pages the same selection, each filter narrowing it', async () => {
    const all = (await pub.agent.get('/api/certificates/parcels').query({ pageSize: 5 }).expect(200)).body;
    const backlog = (await pub.agent.get('/api/certificates/parcels').query({ status: 'backlog', pageSize: 500 }).expect(200)).body;
    expect(backlog.counts.total).toBe(all.counts.byStatus.backlog);
    expect(backlog.rows.every((r: { certStatus: string }) => r.certStatus === 'backlog')).toBe(true);
    expect(backlog.rows.length).toBe(Math.min(500, backlog.counts.total));
    const combined = (await pub.agent.get('/api/certificates/parcels')
      .query({ status: 'backlog', reason: 'dispute', formerUnit: 'an-phu', pageSize: 500 }).expect(200)).body;
    expect(combined.counts.total).toBeLessThan(backlog.counts.byReason.dispute + 1);
    expect(combined.rows.every((r: { backlogReason: string; formerUnit: string }) => r.backlogReason === 'dispute' && r.formerUnit === 'an-phu')).toBe(true);
    const { rows: [{ n }] } = await t.pool.query(`SELECT count(*)::int AS n FROM parcel_register
      WHERE cert_status = 'backlog' AND backlog_reason = 'dispute' AND former_unit_id = 'an-phu'`);
    expect(combined.counts.total).toBe(n);
    expect(all.rows[0]).not.toHaveProperty('holderName');
  });

  it('sorts by area both ways and filters digitised and land use', async () => {
    const asc = (await pub.agent.get('/api/certificates/parcels').query({ sort: 'area', dir: 'asc', landUse: 'ONT', pageSize: 20 }).expect(200)).body;
    const areas = asc.rows.map((r: { legalAreaM2: number }) => r.legalAreaM2);
    expect(areas).toEqual([...areas].sort((a, b) => a - b));
    expect(asc.rows.every((r: { landUseCode: string }) => r.landUseCode === 'ONT')).toBe(true);
    const desc = (await pub.agent.get('/api/certificates/parcels').query({ sort: 'area', dir: 'desc', landUse: 'ONT', pageSize: 20 }).expect(200)).body;
    const big = desc.rows.map((r: { legalAreaM2: number }) => r.legalAreaM2);
    expect(big).toEqual([...big].sort((a, b) => b - a));
    expect(big[0]).toBeGreaterThan(areas[0]);
    const no = (await pub.agent.get('/api/certificates/parcels').query({ digitised: 'no', pageSize: 10 }).expect(200)).body;
    expect(no.rows.every((r: { digitised: boolean }) => r.digitised === false)).toBe(true);
    expect(no.counts.total).toBe(no.counts.notDigitised);
  });

  it('rejects an unknown status or sort key', async () => {
    expect((await pub.agent.get('/api/certificates/parcels').query({ status: 'lost' }).expect(400)).body.error.code).toBe('bad_request');
    await pub.agent.get('/api/certificates/parcels').query({ sort: 'name; DROP TABLE parcel' }).expect(400);
  });

  it('shows land users to officers only', async () => {
    const o = (await officer.agent.get('/api/certificates/parcels').query({ status: 'backlog', pageSize: 3 }).expect(200)).body;
    expect(o.rows[0].holderName).toBeTruthy();
    const p = (await planner.agent.get('/api/certificates/parcels').query({ status: 'backlog', pageSize: 3 }).expect(200)).body;
    expect(p.rows[0]).not.toHaveProperty('holderName');
  });
});

describe('edits', () => {
  it('issues a first certificate: status, counts, backlog case and history change together', async () => {
    const p = await backlogParcel(2);
    const before = (await officer.agent.get(`/api/certificates/parcels/${p.id}`).expect(200)).body;
    expect(before.certStatus).toBe('backlog');
    const res = await patch(officer, p.id, { action: 'issue', version: before.version, serial: serial(1).replace(' ', '').toLowerCase(), issueDate: '2025-10-15', note: 'Đã hoàn thiện hồ sơ' }).expect(200);
    expect(res.body).toMatchObject({ certStatus: 'issued', version: before.version + 1 });
    expect(res.body.certificates.at(-1)).toMatchObject({ serial: serial(1), issueDate: '2025-10-15' });
    expect(res.body.backlog).toMatchObject({ resolvedAt: '2025-10-15', note: 'Đã hoàn thiện hồ sơ' });
    expect(res.body.history[0].actor).toBe(officerName);
    expect(res.body.history.some((h: { entity: string; action: string }) => h.entity === 'certificate' && h.action === 'insert')).toBe(true);
    expect(res.body.history.some((h: { entity: string; after: { resolved_at?: string } }) => h.entity === 'backlog_case' && h.after?.resolved_at === '2025-10-15')).toBe(true);
    const { rows: [layer] } = await t.pool.query('SELECT cert_status FROM parcel_status WHERE parcel_id = $1', [p.id]);
    expect(layer.cert_status).toBe('issued');    // the public sees the new status but not the audit trail (who changed what)
    const pub = (await request(t.app).get(`/api/certificates/parcels/${p.id}`).expect(200)).body;
    expect(pub.certStatus).toBe('issued');
    expect(pub.history).toEqual([]);
  });

  it('answers a stale version with 409 and the current state, changing nothing', async () => {
    const p = await backlogParcel(3);
    const seen = (await officer.agent.get(`/api/certificates/parcels/${p.id}`).expect(200)).body;
    await patch(officer, p.id, { action: 'backlog', version: seen.version, reason: 'dispute', note: 'Officer 1' }).expect(200);
    const late = await patch(officer2, p.id, { action: 'backlog', version: seen.version, reason: 'missing_records', note: 'Officer 2' }).expect(409);
    expect(late.body.error.code).toBe('version_conflict');
    expect(late.body.current).toMatchObject({ version: seen.version + 1, backlog: { reason: 'dispute', note: 'Officer 1' } });
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const p = await backlogParcel(4);
    const seen = (await officer.agent.get(`/api/certificates/parcels/${p.id}`).expect(200)).body;
    const { rows: [used] } = await t.pool.query('SELECT serial FROM certificate ORDER BY id LIMIT 1');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const cases: [object, number, string][] = [
      [{ action: 'issue', version: seen.version, serial: used.serial, issueDate: '2025-10-01' }, 409, 'serial_taken'],
      [{ action: 'issue', version: seen.version, serial: serial(2), issueDate: tomorrow }, 400, 'date_in_future'],
      [{ action: 'issue', version: seen.version, serial: 'ABC', issueDate: '2025-10-01' }, 400, 'bad_request'],
      [{ action: 'close', version: seen.version }, 400, 'bad_request'],
      [{ action: 'backlog', version: seen.version, reason: 'bribery' }, 400, 'bad_request'],
    ];
    for (const [body, status, code] of cases) {
      const res = await patch(officer, p.id, body).expect(status);
      expect(res.body.error.code, JSON.stringify(body)).toBe(code);
      expect(res.body.error.message.length).toBeGreaterThan(10);
    }
    const after = (await officer.agent.get(`/api/certificates/parcels/${p.id}`).expect(200)).body;
    expect(after).toMatchObject({ version: seen.version, certStatus: 'backlog', certificates: seen.certificates });
  });

  it('lets only land officers edit', async () => {
    const p = await backlogParcel(5);
    await patch(planner, p.id, { action: 'backlog', version: 1, reason: 'dispute' }).expect(403);
    await patch(pub, p.id, { action: 'backlog', version: 1, reason: 'dispute' }).expect(401);
  });

  it('marks certificates digitised and refuses a first issue on an issued parcel', async () => {
    const { rows: [c] } = await t.pool.query('SELECT parcel_id FROM certificate WHERE NOT digitised ORDER BY id DESC LIMIT 1');
    const id = Number(c.parcel_id);
    const seen = (await officer.agent.get(`/api/certificates/parcels/${id}`).expect(200)).body;
    const res = await patch(officer, id, { action: 'digitise', version: seen.version, digitised: true }).expect(200);
    expect(res.body.certificates.every((x: { digitised: boolean }) => x.digitised)).toBe(true);
    const again = await patch(officer, id, { action: 'issue', version: res.body.version, serial: serial(3), issueDate: '2025-10-01' }).expect(409);
    expect(again.body.error.code).toBe('already_issued');
  });
});

describe('parcel panel, exports and progress', () => {
  it('shows names to officers and hides them from the public', async () => {
    const p = await backlogParcel(6);
    const o = (await officer.agent.get(`/api/certificates/parcels/${p.id}`).expect(200)).body;
    expect(o.parties.map((x: { name: string }) => x.name)).toContain(p.name);
    expect(o).toMatchObject({ landUseNameVi: expect.stringMatching(/^Đất/), mappedAreaM2: expect.any(Number) });
    const anon = await pub.agent.get(`/api/certificates/parcels/${p.id}`).expect(200);
    expect(anon.text).not.toContain(p.name);
    await pub.agent.get('/api/certificates/parcels/999999999').expect(404);
  });

  it('exports the filtered list as CSV and as an .xlsx workbook with Vietnamese headers', async () => {
    const q = { status: 'backlog', reason: 'encroachment' };
    const counts = (await pub.agent.get('/api/certificates/parcels').query({ ...q, pageSize: 1 }).expect(200)).body.counts;
    const csv = await officer.agent.get('/api/certificates/export').query({ ...q, format: 'csv' }).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('Số thửa');
    expect(lines[0]).toContain('Chủ sử dụng');
    expect(lines.length - 1).toBe(counts.total);
    const xlsx = await pub.agent.get('/api/certificates/export').query({ ...q, format: 'xlsx' })
      .buffer(true).parse((res, cb) => { const b: Buffer[] = []; res.on('data', (d: Buffer) => b.push(d)); res.on('end', () => cb(null, Buffer.concat(b))); })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const ws = wb.getWorksheet('Danh sách')!;
    expect(ws.rowCount - 1).toBe(counts.total);
    const headers = (ws.getRow(1).values as string[]).filter(Boolean);
    expect(headers).toContain('Lý do chưa cấp GCN');
    expect(headers).not.toContain('Chủ sử dụng');
    expect(wb.getWorksheet('Ghi chú')!.getRow(1).getCell(1).text).toContain('Dữ liệu minh họa');
  });

  it('computes progress and the digitisation rate from the records', async () => {
    const res = (await pub.agent.get('/api/certificates/progress').expect(200)).body;
    const { rows: [c] } = await t.pool.query('SELECT count(*)::int AS n, count(*) FILTER (WHERE digitised)::int AS d FROM certificate');
    expect(res.certificates).toMatchObject({ total: c.n, digitised: c.d });
    expect(res.certificates.pct).toBeCloseTo((100 * c.d) / c.n, 1);
    expect(res.deadline).toBe('2026-04-30');
    const months = res.months.map((m: { month: string }) => m.month);
    expect(months).toContain('2026-04');
    const apr = res.months.find((m: { month: string }) => m.month === '2026-04');
    expect(apr.target).toBe(0);
    const sep = res.months.find((m: { month: string }) => m.month === '2025-09');
    expect(sep.target).toBe(res.baseline.open);
    const { rows: [b] } = await t.pool.query("SELECT count(*)::int AS n FROM backlog_case WHERE resolved_at IS NULL");
    expect(res.openNow).toBe(b.n);
  });
});
