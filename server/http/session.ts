/**
 * Sessions and CSRF. The session cookie holds a random 256-bit token (HttpOnly, SameSite=Lax, Secure on https);
 * the database keeps only its SHA-256. CSRF: double submit — a readable `csrf` cookie that the client echoes
 * in the X-CSRF-Token header on every state-changing request; for a signed-in user the token must also be the
 * one bound to the session (a cookie planted by a sibling site cannot match it).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { CSRF_COOKIE, CSRF_HEADER, ErrorCode } from '../api/contract.ts';
import type { AuthRepo } from '../features/auth/auth.repo.ts';
import { parseCookies } from './cookies.ts';
import { HttpError } from './errors.ts';

export const SESSION_COOKIE = 'landmap_sid';
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/; // 32 bytes, base64url
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthSettings {
  /** Idle timeout (s): a session unused this long ends. */
  idleSeconds: number;
  /** Absolute lifetime (s) of a session, however active. */
  absoluteSeconds: number;
  /** Sign-in lock-out: this many failures within windowSeconds lock the username (or address) until they age out. */
  lockout: { windowSeconds: number; perUsername: number; perIp: number };
}
export const DEFAULT_AUTH_SETTINGS: AuthSettings = Object.freeze({
  idleSeconds: 2 * 3600,
  absoluteSeconds: 12 * 3600,
  // an office shares one address behind NAT: the per-address limit is higher than the per-username one
  lockout: Object.freeze({ windowSeconds: 15 * 60, perUsername: 5, perIp: 20 }),
});

/** A new random token (base64url, 43 chars). */
export const newToken = (): string => randomBytes(32).toString('base64url');
/** Hex SHA-256: what the database keeps instead of a token. */
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const baseCookie = (req: Request): CookieOptions => ({ path: '/', sameSite: 'lax', secure: req.secure });

/** Set the session and CSRF cookies after sign-in. */
export function setSessionCookies(req: Request, res: Response, token: string, csrf: string, maxAgeSeconds: number): void {
  res.cookie(SESSION_COOKIE, token, { ...baseCookie(req), httpOnly: true, maxAge: maxAgeSeconds * 1000 });
  res.cookie(CSRF_COOKIE, csrf, { ...baseCookie(req), httpOnly: false });
}

/** Set only the (readable) CSRF cookie: before sign-in, after sign-out, or when the browser lost it. */
export function setCsrfCookie(req: Request, res: Response, csrf: string): void {
  res.cookie(CSRF_COOKIE, csrf, { ...baseCookie(req), httpOnly: false });
}

/** Forget the session cookie. */
export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { ...baseCookie(req), httpOnly: true });
}

/** The raw session token of the request, if it has a well-formed one. */
export function sessionToken(req: Request): string | undefined {
  const t = parseCookies(req.headers.cookie)[SESSION_COOKIE];
  return t && TOKEN_RE.test(t) ? t : undefined;
}

/** The request's csrf cookie, if any. */
export function csrfCookie(req: Request): string | undefined {
  return parseCookies(req.headers.cookie)[CSRF_COOKIE] || undefined;
}

/** Sets req.user and req.session from a live session cookie; anything else is the public. */
export function sessionMiddleware(repo: AuthRepo, settings: AuthSettings): RequestHandler {
  return async (req, _res, next) => {
    const token = sessionToken(req);
    if (token) {
      const tokenHash = sha256(token);
      const s = await repo.findSession(tokenHash, settings.idleSeconds);
      if (s) {
        req.user = { id: s.userId, username: s.username, displayName: s.displayName, roles: s.roles };
        req.session = { tokenHash, csrfHash: s.csrfHash };
        // one write per minute per session is enough for an idle timeout counted in hours
        if (Date.now() - s.lastSeenAt.getTime() > 60_000) await repo.touchSession(tokenHash);
      }
    }
    next();
  };
}

/** 403 csrf_invalid for a state-changing request whose X-CSRF-Token header does not match. */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const header = req.get(CSRF_HEADER);
  const cookie = csrfCookie(req);
  const ok = !!header && !!cookie && safeEqual(header, cookie) && (!req.session || safeEqual(sha256(header), req.session.csrfHash));
  if (!ok) {
    throw new HttpError(403, ErrorCode.csrfInvalid,
      'Thiếu hoặc sai mã chống giả mạo (CSRF); hãy tải lại trang. / Missing or wrong CSRF token; reload the page.');
  }
  next();
};
