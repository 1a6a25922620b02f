/**
 * Sign-in and sessions: cookies, lock-out after repeated failures, CSRF, idle and absolute expiry, sign-out,
 * demo accounts, and the audit entries account changes leave (never a password hash).
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, UserAccount } from '../../server/api/contract.ts';
import { DEMO_ACCOUNTS } from '../../server/features/auth/demo-accounts.ts';
import { anonymous, createAccount, freshIp, RUN, signIn, type SignedIn } from './auth-helpers.ts';
import { openTestApp } from './harness.ts';

const t = openTestApp();
afterAll(() => t.close());

let admin: SignedIn & { id: number; username: string };
beforeAll(async () => {
  const a = await createAccount(t.pool, 'sess-admin', ['admin']);
  admin = { ...(await signIn(t.app, a.username, a.password)), id: a.id, username: a.username };
});

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie, a readable csrf cookie, and stores only token hashes', async () => {
    const a = await createAccount(t.pool, 'cookie', ['quy_hoach']);
    const agent = request.agent(t.app);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(Session.parse(me.body).user).toBeNull();
    const res = await agent.post('/api/auth/login').set('X-CSRF-Token', me.body.csrfToken)
      .send({ username: a.username.toUpperCase(), password: a.password }).expect(200);
    expect(Session.parse(res.body).user).toMatchObject({ username: a.username, roles: ['quy_hoach'] });
    const cookies = res.headers['set-cookie'] as unknown as string[];
    const sid = cookies.find((c) => c.startsWith('landmap_sid='))!;
    expect(sid).toMatch(/HttpOnly/i);
    expect(sid).toMatch(/SameSite=Lax/i);
    expect(sid).not.toMatch(/Secure/i); // plain http in the test
    expect(cookies.find((c) => c.startsWith('csrf='))).not.toMatch(/HttpOnly/i);
    const token = decodeURIComponent(sid.split(';')[0].split('=')[1]);
    const { rows } = await t.pool.query('SELECT token_hash FROM user_session WHERE user_id = $1', [a.id]);
    expect(rows.map((r) => r.token_hash)).toEqual([createHash('sha256').update(token).digest('hex')]);
    const { rows: [u] } = await t.pool.query('SELECT password_hash FROM app_user WHERE id = $1', [a.id]);
    expect(u.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const a = await createAccount(t.pool, 'secure', []);
    const me = await request(t.app).get('/api/auth/me').set('X-Forwarded-Proto', 'https').expect(200);
    expect((me.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^csrf=.*Secure/);
    // the test talks plain http, so a cookie jar would not send the Secure cookie back: set it by hand
    const res = await request(t.app).post('/api/auth/login').set('X-Forwarded-Proto', 'https')
      .set('Cookie', `csrf=${me.body.csrfToken}`).set('X-CSRF-Token', me.body.csrfToken)
      .send({ username: a.username, password: a.password }).expect(200);
    expect((res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('landmap_sid='))).toMatch(/Secure/);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const a = await createAccount(t.pool, 'wrong', []);
    const wrong = await signIn(t.app, a.username, 'not-the-password');
    const unknown = await signIn(t.app, `nobody-${RUN}`, 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });

  it('locks a username after 5 failures: the 6th attempt is 429, even with the right password', async () => {
    const a = await createAccount(t.pool, 'locked', []);
    for (let i = 1; i <= 5; i++) expect((await signIn(t.app, a.username, `wrong-${i}`)).status, `attempt ${i}`).toBe(401);
    const sixth = await signIn(t.app, a.username, a.password);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('too_many_attempts');
    expect(sixth.body.error.message).toMatch(/thử lại sau 1[45] phút/);
    expect(sixth.body.error.message).toMatch(/Try again in 1[45] min/);
    // the lock ends when the failures leave the 15-minute window
    await t.pool.query("UPDATE login_attempt SET at = at - interval '16 minutes' WHERE username = $1", [a.username]);
    expect((await signIn(t.app, a.username, a.password)).status).toBe(200);
  });

  it('locks an address after 20 failures, whatever the usernames', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) expect((await signIn(t.app, `ipuser${i}-${RUN}`, 'wrong-password', ip)).status).toBe(401);
    const a = await createAccount(t.pool, 'ip-victim', []);
    expect((await signIn(t.app, a.username, a.password, ip)).status).toBe(429);
    expect((await signIn(t.app, a.username, a.password)).status).toBe(200); // from another address
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const a = await createAccount(t.pool, 'off', []);
    await admin.agent.patch(`/api/admin/users/${a.id}`).set('X-CSRF-Token', admin.csrf).send({ disabled: true }).expect(200);
    const res = await signIn(t.app, a.username, a.password);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_credentials');
  });
});

describe('CSRF', () => {
  it('rejects a write without the X-CSRF-Token header with 403 csrf_invalid', async () => {
    const res = await admin.agent.post('/api/admin/users').send({ username: `csrf-${RUN}`, password: 'long-enough-pw', roles: [] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_invalid');
    expect((await t.pool.query('SELECT 1 FROM app_user WHERE username = $1', [`csrf-${RUN}`])).rowCount).toBe(0);
  });
  it('rejects a header that does not match the cookie, and a sign-in without a token', async () => {
    expect((await admin.agent.post('/api/auth/logout').set('X-CSRF-Token', 'x'.repeat(43))).body.error.code).toBe('csrf_invalid');
    const res = await request(t.app).post('/api/auth/login').send({ username: admin.username, password: 'whatever-pass' });
    expect(res.status).toBe(403);
  });
  it('rejects a self-consistent cookie and header that are not the session\'s token', async () => {
    const forged = 'A'.repeat(43);
    const res = await admin.agent.patch(`/api/admin/users/${admin.id}`).set('Cookie', `csrf=${forged}`)
      .set('X-CSRF-Token', forged).send({ displayName: 'forged' });
    expect(res.status).toBe(403);
  });
});

describe('sessions', () => {
  it('end at the absolute expiry', async () => {
    const a = await createAccount(t.pool, 'abs', ['lanh_dao']);
    const s = await signIn(t.app, a.username, a.password);
    await s.agent.get('/api/audit').expect(200);
    await t.pool.query("UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1", [a.id]);
    expect((await s.agent.get('/api/audit')).status).toBe(401);
    expect((await s.agent.get('/api/auth/me')).body.user).toBeNull();
  });
  it('end after the idle timeout', async () => {
    const a = await createAccount(t.pool, 'idle', ['lanh_dao']);
    const s = await signIn(t.app, a.username, a.password);
    await t.pool.query("UPDATE user_session SET last_seen_at = now() - interval '3 hours' WHERE user_id = $1", [a.id]);
    expect((await s.agent.get('/api/audit')).status).toBe(401);
  });
  it('end at sign-out: the old cookie is worthless afterwards', async () => {
    const a = await createAccount(t.pool, 'out', ['lanh_dao']);
    const s = await signIn(t.app, a.username, a.password);
    const cookie = (await s.agent.get('/api/auth/me')).request.cookies;
    const out = await s.agent.post('/api/auth/logout').set('X-CSRF-Token', s.csrf).expect(200);
    expect(out.body.user).toBeNull();
    expect((await request(t.app).get('/api/audit').set('Cookie', cookie)).status).toBe(401);
    expect((await t.pool.query('SELECT 1 FROM user_session WHERE user_id = $1', [a.id])).rowCount).toBe(0);
  });
  it('all end when an admin resets the password', async () => {
    const a = await createAccount(t.pool, 'reset', ['lanh_dao']);
    const s = await signIn(t.app, a.username, a.password);
    await admin.agent.patch(`/api/admin/users/${a.id}`).set('X-CSRF-Token', admin.csrf).send({ password: 'a-new-password-1' }).expect(200);
    expect((await s.agent.get('/api/audit')).status).toBe(401);
    expect((await signIn(t.app, a.username, 'a-new-password-1')).status).toBe(200);
  });
});

describe('account administration', () => {
  it('creates, re-roles and disables an account, each change audited under the admin\'s name, no password hash', async () => {
    const username = `new-${RUN}`;
    const created = await admin.agent.post('/api/admin/users').set('X-CSRF-Token', admin.csrf)
      .send({ username, displayName: 'Nguyễn Văn Cán Bộ', password: 'first-password-1', roles: ['dia_chinh'] }).expect(201);
    const u = UserAccount.parse(created.body);
    expect(u.roles).toEqual(['dia_chinh']);
    const patch = (body: object) => admin.agent.patch(`/api/admin/users/${u.id}`).set('X-CSRF-Token', admin.csrf).send(body);
    expect((await patch({ roles: ['quy_hoach', 'gpmb'] }).expect(200)).body.roles).toEqual(['gpmb', 'quy_hoach']);
    await patch({ password: 'second-password-2' }).expect(200);
    expect((await patch({ disabled: true }).expect(200)).body.disabled).toBe(true);
    const { rows } = await t.pool.query(`SELECT actor, action, entity, before, after FROM audit_log
      WHERE (entity = 'app_user' AND entity_id = $1) OR (entity = 'user_role' AND entity_id = $1) ORDER BY id`, [String(u.id)]);
    expect(rows.every((r) => r.actor === admin.username)).toBe(true);
    expect(rows.map((r) => `${r.entity}:${r.action}`)).toEqual([
      'app_user:insert', 'user_role:insert', 'user_role:delete', 'user_role:insert', 'user_role:insert', 'app_user:update', 'app_user:update']);
    expect(rows[5].after).toEqual({ password_changed_at: expect.any(String) });
    expect(rows[6].after).toEqual({ disabled: true });
    const { rows: [leak] } = await t.pool.query(`SELECT count(*) AS n FROM audit_log
      WHERE before ? 'password_hash' OR after ? 'password_hash' OR before::text LIKE '%scrypt$%' OR after::text LIKE '%scrypt$%'`);
    expect(leak.n).toBe(0);
    // the admin browses it through the API
    const page = await admin.agent.get('/api/audit').query({ entity: 'app_user', actor: admin.username, from: '2000-01-01' }).expect(200);
    expect(page.body.entries.some((e: { entityId: string }) => e.entityId === String(u.id))).toBe(true);
  });

  it('refuses a taken username, a weak password, and an admin locking themselves out', async () => {
    const post = (body: object) => admin.agent.post('/api/admin/users').set('X-CSRF-Token', admin.csrf).send(body);
    expect((await post({ username: admin.username, password: 'long-enough-pw', roles: [] })).body.error.code).toBe('username_taken');
    const weak = await post({ username: `weak-${RUN}`, password: 'short', roles: [] });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toMatch(/10 characters/);
    const self = await admin.agent.patch(`/api/admin/users/${admin.id}`).set('X-CSRF-Token', admin.csrf).send({ disabled: true });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('self_lockout');
  });

  it('has no route that edits the audit log', async () => {
    const s = await anonymous(t.app);
    for (const m of ['put', 'patch', 'delete', 'post'] as const) {
      expect((await admin.agent[m]('/api/audit').set('X-CSRF-Token', admin.csrf)).status).toBe(404);
      expect([403, 404]).toContain((await s.agent[m]('/api/audit').set('X-CSRF-Token', s.csrf)).status);
    }
  });
});

describe('demo accounts', () => {
  it('exist on the embedded demo database, one per role, and sign in', async () => {
    const { rows } = await t.pool.query('SELECT username FROM app_user WHERE username = ANY($1)', [DEMO_ACCOUNTS.map((a) => a.username)]);
    if (t.mode !== 'embedded') return; // a server deployment never gets them
    expect(rows).toHaveLength(DEMO_ACCOUNTS.length);
    const lead = await signIn(t.app, 'lanhdao', 'demo-lanhdao');
    expect(lead.status).toBe(200);
    expect(lead.body.user.roles).toEqual(['lanh_dao']);
  });
});
