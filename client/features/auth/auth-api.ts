/** Sign-in calls, validated against the contract. */
import { ApiPath, Session } from '../../../server/api/contract';
import { getJson, sendJson } from '../../api/client';

/** GET /api/auth/me: who is signed in (user null when nobody); also sets the csrf cookie. */
export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  return Session.parse(await getJson(ApiPath.me, signal));
}

/** POST /api/auth/login. Fails with ApiError invalid_credentials (401) or too_many_attempts (429). */
export async function login(username: string, password: string): Promise<Session> {
  return Session.parse(await sendJson('POST', ApiPath.login, { username, password }));
}

/** POST /api/auth/logout. */
export async function logout(): Promise<Session> {
  return Session.parse(await sendJson('POST', ApiPath.logout, {}));
}
