/** Sign-in helpers for the auth tests: test accounts per role and a cookie-keeping supertest agent. */
import type express from 'express';
import type pg from 'pg';
import request from 'supertest';
import type { Role } from '../../server/api/contract.ts';
import { addUser } from '../../scripts/user-add.ts';

/** A run-unique suffix, so the tests also run on a server database that kept accounts from an earlier run. */
export const RUN = Date.now().toString(36).slice(-6);
let ipCounter = 0;
/** A fresh client address per sign-in flow (X-Forwarded-For is trusted from loopback), so per-address limits do not mix tests. */
export const freshIp = () => { ipCounter += 1; return `198.51.${Math.floor(ipCounter / 250) + 100}.${(ipCounter % 250) + 1}`; };

export interface SignedIn {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  ip: string;
}

/** Create an account directly (as the CLI does). */
export async function createAccount(pool: pg.Pool, name: string, roles: Role[], password = `pw-${name}-0123456789`) {
  const username = `t${RUN}-${name}`.toLowerCase();
  const id = await addUser(pool, { username, roles, displayName: name, passwordStdin: true, password });
  return { id, username, password };
}

/** GET /api/auth/me (to receive the csrf cookie), then sign in; the agent keeps the cookies. */
export async function signIn(app: express.Express, username: string, password: string, ip = freshIp()): Promise<SignedIn & { status: number; body: any }> {
  const agent = request.agent(app);
  const me = await agent.get('/api/auth/me').set('X-Forwarded-For', ip).expect(200);
  const res = await agent.post('/api/auth/login').set('X-Forwarded-For', ip).set('X-CSRF-Token', me.body.csrfToken)
    .send({ username, password });
  return { agent, csrf: res.body.csrfToken ?? me.body.csrfToken, ip, status: res.status, body: res.body };
}

/** An agent that never signed in (but holds a csrf cookie, like a browser that loaded the page). */
export async function anonymous(app: express.Express): Promise<SignedIn> {
  const agent = request.agent(app);
  const ip = freshIp();
  const me = await agent.get('/api/auth/me').set('X-Forwarded-For', ip).expect(200);
  return { agent, csrf: me.body.csrfToken, ip };
}
