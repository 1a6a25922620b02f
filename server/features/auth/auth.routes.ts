/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
import { Router, type Request, type Response } from 'express';
import type pg from 'pg';
import { ApiPath, ErrorCode, LoginBody, type Me, type Session } from '../../api/contract.ts';
import { allow, canSeePersonalData, type SessionUser } from '../../http/auth.ts';
import { HttpError } from '../../http/errors.ts';
import {
  clearSessionCookie, csrfCookie, newToken, setCsrfCookie, setSessionCookies, sha256, type AuthSettings,
} from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { authRepo, type AuthRepo } from './auth.repo.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';

/** What the client may know about the signed-in user. */
export function toMe(u: SessionUser): Me {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, canSeePersonalData: canSeePersonalData(u) };
}

const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

/** 429 while the username or the address is locked after repeated failures. */
async function refuseIfLocked(repo: AuthRepo, settings: AuthSettings, username: string, ip: string, res: Response): Promise<void> {
  const l = await repo.lockout(username, ip, settings.lockout);
  const until = Math.max(l.userLockedUntil?.getTime() ?? 0, l.ipLockedUntil?.getTime() ?? 0);
  if (until <= Date.now()) return;
  const seconds = Math.ceil((until - Date.now()) / 1000);
  const minutes = Math.ceil(seconds / 60);
  res.set('Retry-After', String(seconds));
  throw new HttpError(429, ErrorCode.tooManyAttempts,
    `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút. / Too many failed sign-ins. Try again in ${minutes} min.`);
}

/** Check the password (same work for unknown, disabled and real accounts); the user, or 401. */
async function checkCredentials(repo: AuthRepo, body: LoginBody, ip: string) {
  const user = await repo.findLoginUser(body.username);
  const ok = user && !user.disabled ? await verifyPassword(body.password, user.passwordHash) : await verifyAgainstDummy(body.password);
  await repo.recordAttempt(body.username, ip, ok);
  if (!ok || !user) {
    throw new HttpError(401, ErrorCode.invalidCredentials, 'Sai tên đăng nhập hoặc mật khẩu. / Wrong username or password.');
  }
  return user;
}

/** A fresh session and CSRF token; any session the browser already had ends (no session fixation). */
async function startSession(repo: AuthRepo, settings: AuthSettings, req: Request, res: Response, userId: number) {
  if (req.session) await repo.deleteSession(req.session.tokenHash);
  await repo.deleteExpiredSessions(settings.idleSeconds);
  const token = newToken();
  const csrf = newToken();
  await repo.createSession({ tokenHash: sha256(token), userId, csrfHash: sha256(csrf), absoluteSeconds: settings.absoluteSeconds, ip: req.ip ?? '' });
  await repo.markLogin(userId);
  setSessionCookies(req, res, token, csrf, settings.absoluteSeconds);
  const s = await repo.findSession(sha256(token), settings.idleSeconds);
  if (!s) throw new Error('session not found right after it was created');
  return { user: { id: s.userId, username: s.username, displayName: s.displayName, roles: s.roles }, csrf };
}

/** The sign-in routes. */
export function authRoutes(pool: pg.Pool, settings: AuthSettings): Router {
  const repo = authRepo(pool);
  const r = Router();

  r.post(ApiPath.login, allow('POST /api/auth/login'), async (req, res) => {
    noStore(res);
    const body = parse(LoginBody, req.body);
    const ip = req.ip ?? 'unknown';
    await refuseIfLocked(repo, settings, body.username, ip, res);
    const user = await checkCredentials(repo, body, ip);
    const s = await startSession(repo, settings, req, res, user.id);
    const answer: Session = { user: toMe(s.user), csrfToken: s.csrf };
    res.json(answer);
  });

  r.post(ApiPath.logout, allow('POST /api/auth/logout'), async (req, res) => {
    noStore(res);
    if (req.session) await repo.deleteSession(req.session.tokenHash);
    clearSessionCookie(req, res);
    const csrf = newToken();
    setCsrfCookie(req, res, csrf);
    const answer: Session = { user: null, csrfToken: csrf };
    res.json(answer);
  });

  // Always 200 (user null when signed out): the client asks on every page load.
  r.get(ApiPath.me, allow('GET /api/auth/me'), async (req, res) => {
    noStore(res);
    let csrf = csrfCookie(req);
    const valid = !!csrf && /^[A-Za-z0-9_-]{43}$/.test(csrf) && (!req.session || sha256(csrf) === req.session.csrfHash);
    if (!csrf || !valid) {
      csrf = newToken();
      if (req.session) await repo.setSessionCsrf(req.session.tokenHash, sha256(csrf));
      setCsrfCookie(req, res, csrf);
    }
    const answer: Session = { user: req.user ? toMe(req.user) : null, csrfToken: csrf };
    res.json(answer);
  });
  return r;
}
