/**
 * Recording a parcel's land user (the `rightHolder` edit): a parcel without a holder gets one and can then be
 * issued its certificate; a holder is replaced; a known person is reused by CCCD; bad input and stale versions
 * change nothing; only land officers write; names stay hidden from roles without personal data; the audit
 * log names the officer. Runs on a database other tests change too: it works on parcels it picks and changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActorTransaction } from '../../server/db/pool.ts';
import { anonymous, createAccount, RUN, signIn, type SignedIn } from './auth-helpers.ts';
import { openTestApp } from './harness.ts';

const t = openTestApp();
afterAll(() => t.close());

let officer: SignedIn;
let officerName: string;
let planner: SignedIn;
let pub: SignedIn;
/** Run-unique CCCD numbers (12 digits) and serials, so reruns on a server database do not meet earlier data. */
const STAMP = Date.now() % 1_000_000;
const cccd = (i: number) => `0${String(STAMP).padStart(6, '0')}${String(i).padStart(5, '0')}`;
const serial = `RH ${String(STAMP).padStart(6, '0')}`;

beforeAll(async () => {
  const a = await createAccount(t.pool, 'rhofficer', ['dia_chinh']);
  officer = await signIn(t.app, a.username, a.password);
  officerName = a.username;
  const p = await createAccount(t.pool, 'rhplanner', ['quy_hoach']);
  planner = await signIn(t.app, p.username, p.password);
  pub = await anonymous(t.app);
});

/** Open backlog parcels with a household land user, from the end of the list (certificates.test.ts takes the start). */
async function backlogParcels(n: number): Promise<number[]> {
  const { rows } = await t.pool.query(`
    SELECT r.id FROM parcel_register r
    WHERE r.cert_status = 'backlog' AND EXISTS (
      SELECT 1 FROM land_right lr JOIN party y ON y.id = lr.party_id
      WHERE lr.parcel_id = r.id AND lr.kind = 'ownership_use' AND y.kind = 'household')
    ORDER BY r.id DESC LIMIT $1`, [n]);
  return rows.map((r) => Number(r.id));
}

const patch = (s: SignedIn, id: number, body: object) =>
  s.agent.patch(`/api/certificates/parcels/${id}`).set('X-Forwarded-For', s.ip).set('X-CSRF-Token', s.csrf).send(body);
const detail = async (s: SignedIn, id: number) => (await s.agent.get(`/api/certificates/parcels/${id}`).expect(200)).body;
const ownershipRights = async (id: number) => (await t.pool.query(
  `SELECT lr.party_id, y.kind, y.name, y.id_number, y.address, lr.note FROM land_right lr JOIN party y ON y.id = lr.party_id
   WHERE lr.parcel_id = $1 AND lr.kind = 'ownership_use'`, [id])).rows;

let parcels: number[];
beforeAll(async () => {
  parcels = await backlogParcels(6);
  expect(parcels).toHaveLength(6);
});

describe('recording the land user', () => {
  it('gives a parcel without a holder one, after which its certificate can be issued', async () => {
    const id = parcels[0];
    // the register has parcels whose land user was never recorded: make this one such a parcel
    await withActorTransaction(t.pool, 'test:setup', (c) => c.query("DELETE FROM land_right WHERE parcel_id = $1 AND kind = 'ownership_use'", [id]));
    let d = await detail(officer, id);
    const refused = await patch(officer, id, { action: 'issue', version: d.version, serial, issueDate: '2025-10-01' }).expect(409);
    expect(refused.body.error.code).toBe('no_right_holder');

    const name = `Hộ ông Kiểm Thử ${RUN}`;
    const res = await patch(officer, id, {
      action: 'rightHolder', version: d.version, kind: 'household', name, idNumber: cccd(1).replace(/(\d{4})/g, '$1 '),
      address: 'Tổ dân phố An Phụ 1, phường Trần Liễu', note: 'Theo hồ sơ kê khai 2025',
    }).expect(200);
    expect(res.body.version).toBe(d.version + 1);
    const holders = res.body.parties.filter((x: { rightKind: string }) => x.rightKind === 'ownership_use');
    expect(holders).toMatchObject([{ kind: 'household', name, idNumber: cccd(1), address: 'Tổ dân phố An Phụ 1, phường Trần Liễu' }]);
    expect((await ownershipRights(id))[0].note).toBe('Theo hồ sơ kê khai 2025');

    d = await detail(officer, id);
    const issued = await patch(officer, id, { action: 'issue', version: d.version, serial, issueDate: '2025-10-01' }).expect(200);
    expect(issued.body.certStatus).toBe('issued');
    expect(issued.body.certificates[0].partyId).toBe(holders[0].partyId);
    // after the first certificate a new land user is a transfer: refused, nothing changed
    const after = await patch(officer, id, { action: 'rightHolder', version: issued.body.version, kind: 'individual', name: 'Ai Đó', idNumber: cccd(2) }).expect(409);
    expect(after.body.error.code).toBe('already_issued');
    expect((await ownershipRights(id)).map((r) => r.name)).toEqual([name]);
  });

  it('replaces the holder, keeping lease and State-management rights', async () => {
    const id = parcels[1];
    const before = await ownershipRights(id);
    expect(before.length).toBeGreaterThan(0);
    // a lease on the same parcel must survive the replacement
    const { rows: [state] } = await t.pool.query("SELECT id FROM party WHERE kind = 'state' ORDER BY id LIMIT 1");
    await withActorTransaction(t.pool, 'test:setup', (c) => c.query("INSERT INTO land_right (parcel_id, party_id, kind, share) VALUES ($1, $2, 'lease', 1)", [id, state.id]));
    const d = await detail(officer, id);
    const res = await patch(officer, id, { action: 'rightHolder', version: d.version, kind: 'organisation', name: `Công ty TNHH Kiểm Thử ${RUN}` }).expect(200);
    expect(res.body.parties.map((x: { rightKind: string; name: string }) => `${x.rightKind}:${x.name}`).sort())
      .toEqual(expect.arrayContaining([`ownership_use:Công ty TNHH Kiểm Thử ${RUN}`, expect.stringMatching(/^lease:/)]));
    const now = await ownershipRights(id);
    expect(now).toHaveLength(1);
    expect(now[0]).toMatchObject({ kind: 'organisation', id_number: null });
    expect(before.map((r) => r.party_id)).not.toContain(now[0].party_id);
  });

  it('reuses the party with the same kind and CCCD, correcting its name', async () => {
    const [a, b] = [parcels[2], parcels[3]];
    const first = await patch(officer, a, { action: 'rightHolder', version: (await detail(officer, a)).version, kind: 'individual', name: `Trần Văn Thử ${RUN}`, idNumber: cccd(3) }).expect(200);
    const partyA = first.body.parties.find((x: { rightKind: string }) => x.rightKind === 'ownership_use').partyId;
    const second = await patch(officer, b, { action: 'rightHolder', version: (await detail(officer, b)).version, kind: 'individual', name: `Trần Văn Thử ${RUN} (sửa)`, idNumber: cccd(3) }).expect(200);
    expect(second.body.parties.find((x: { rightKind: string }) => x.rightKind === 'ownership_use').partyId).toBe(partyA);
    const { rows } = await t.pool.query('SELECT name FROM party WHERE id_number = $1', [cccd(3)]);
    expect(rows).toEqual([{ name: `Trần Văn Thử ${RUN} (sửa)` }]);
    // the same number for another kind of party is another party
    const org = await patch(officer, b, { action: 'rightHolder', version: second.body.version, kind: 'organisation', name: `HTX Thử ${RUN}`, idNumber: cccd(3) }).expect(200);
    expect(org.body.parties.find((x: { rightKind: string }) => x.rightKind === 'ownership_use').partyId).not.toBe(partyA);
  });

  it.each([
    ['a 10-digit number', { idNumber: '0123456789' }, 'idNumber'],
    ['letters in the number', { idNumber: '01234567890A' }, 'idNumber'],
    ['no number for a household', { idNumber: undefined }, 'idNumber'],
    ['a one-letter name', { name: 'A' }, 'name'],
  ])('refuses %s with 400 and changes nothing', async (_case, change, field) => {
    const id = parcels[4];
    const d = await detail(officer, id);
    const before = await ownershipRights(id);
    const res = await patch(officer, id, { action: 'rightHolder', version: d.version, kind: 'household', name: 'Hộ bà Thử', idNumber: cccd(4), ...change }).expect(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(new RegExp(`^${field}:`));
    expect((await detail(officer, id)).version).toBe(d.version);
    expect(await ownershipRights(id)).toEqual(before);
  });

  it('answers a stale version with 409 and the current parcel, changing nothing', async () => {
    const id = parcels[4];
    const d = await detail(officer, id);
    await patch(officer, id, { action: 'backlog', version: d.version, reason: d.backlog.reason, note: `ghi chú ${RUN}` }).expect(200);
    const before = await ownershipRights(id);
    const res = await patch(officer, id, { action: 'rightHolder', version: d.version, kind: 'household', name: 'Hộ bà Cũ', idNumber: cccd(5) }).expect(409);
    expect(res.body.error.code).toBe('version_conflict');
    expect(res.body.current.version).toBe(d.version + 1);
    expect(res.body.current.parties.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(before.map((r) => r.name)));
    expect(await ownershipRights(id)).toEqual(before);
  });

  it('lets only land officers write; a planner gets 403 and changes nothing', async () => {
    const id = parcels[5];
    const d = await detail(officer, id);
    const res = await patch(planner, id, { action: 'rightHolder', version: d.version, kind: 'household', name: 'Hộ ông Lạ', idNumber: cccd(6) }).expect(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await detail(officer, id)).version).toBe(d.version);
  });

  it('hides the recorded name, number and address from the public and planners, and audits the officer', async () => {
    const id = parcels[5];
    const name = `Hộ bà Riêng Tư ${RUN}`;
    const address = `Số ${STAMP} đường Kiểm Thử`;
    await patch(officer, id, { action: 'rightHolder', version: (await detail(officer, id)).version, kind: 'household', name, idNumber: cccd(7), address }).expect(200);
    for (const s of [pub, planner]) {
      const res = await s.agent.get(`/api/certificates/parcels/${id}`).expect(200);
      for (const secret of [name, cccd(7), address]) expect(res.text).not.toContain(secret);
      expect(res.body.parties.some((x: { rightKind: string; kind: string }) => x.rightKind === 'ownership_use' && x.kind === 'household')).toBe(true);
    }
    const seen = await detail(officer, id);
    const mine = seen.history.filter((h: { actor: string }) => h.actor.includes(officerName));
    const entities = new Set(mine.map((h: { entity: string; action: string }) => `${h.entity}:${h.action}`));
    for (const e of ['party:insert', 'land_right:insert', 'land_right:delete', 'parcel:update']) expect(entities, e).toContain(e);
    expect(mine.find((h: { entity: string }) => h.entity === 'party').after.name).toBe(name);
    const { rows } = await t.pool.query(
      "SELECT actor FROM audit_log WHERE entity = 'land_right' AND action = 'insert' AND after ->> 'parcel_id' = $1::text ORDER BY id DESC LIMIT 1", [id]);
    expect(rows[0].actor).toContain(officerName);
  });
});
