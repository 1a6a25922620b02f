/** Sessions, sign-in lookups and sign-in attempts. Tokens arrive here already hashed (SHA-256 hex). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Role } from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';

const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'), [
  'find-session', 'touch-session', 'create-session', 'delete-session', 'delete-expired-sessions', 'set-session-csrf',
  'find-login-user', 'mark-login', 'record-attempt', 'lockout',
] as const);

export interface SessionRow {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  csrfHash: string;
  lastSeenAt: Date;
}
export interface LoginUserRow { id: number; username: string; displayName: string; passwordHash: string; disabled: boolean }
export interface LockoutRow { userLockedUntil: Date | null; ipLockedUntil: Date | null }
export interface LockoutLimits { windowSeconds: number; perUsername: number; perIp: number }

/** Queries behind the session middleware and /api/auth/*. */
export function authRepo(pool: pg.Pool) {
  return {
    /** The live session of a token hash, or null (unknown, expired, idle too long, user disabled). */
    async findSession(tokenHash: string, idleSeconds: number): Promise<SessionRow | null> {
      const { rows: [r] } = await pool.query(sql['find-session'], [tokenHash, idleSeconds]);
      return r ? { userId: r.id, username: r.username, displayName: r.display_name, roles: r.roles,
        csrfHash: r.csrf_hash, lastSeenAt: r.last_seen_at } : null;
    },
    /** Move a session's idle expiry forward. */
    async touchSession(tokenHash: string): Promise<void> {
      await pool.query(sql['touch-session'], [tokenHash]);
    },
    /** Store a new session (hashes only). */
    async createSession(s: { tokenHash: string; userId: number; csrfHash: string; absoluteSeconds: number; ip: string }): Promise<void> {
      await pool.query(sql['create-session'], [s.tokenHash, s.userId, s.csrfHash, s.absoluteSeconds, s.ip]);
    },
    /** End a session. */
    async deleteSession(tokenHash: string): Promise<void> {
      await pool.query(sql['delete-session'], [tokenHash]);
    },
    /** Drop every expired session. */
    async deleteExpiredSessions(idleSeconds: number): Promise<void> {
      await pool.query(sql['delete-expired-sessions'], [idleSeconds]);
    },
    /** Give a session a new CSRF token hash. */
    async setSessionCsrf(tokenHash: string, csrfHash: string): Promise<void> {
      await pool.query(sql['set-session-csrf'], [tokenHash, csrfHash]);
    },
    /** The account a username names, with its password hash (never leaves the server). */
    async findLoginUser(username: string): Promise<LoginUserRow | null> {
      const { rows: [r] } = await pool.query(sql['find-login-user'], [username]);
      return r ? { id: r.id, username: r.username, displayName: r.display_name, passwordHash: r.password_hash, disabled: r.disabled } : null;
    },
    /** Record a successful sign-in on the account. */
    async markLogin(userId: number): Promise<void> {
      await pool.query(sql['mark-login'], [userId]);
    },
    /** Record one sign-in attempt. */
    async recordAttempt(username: string, ip: string, success: boolean): Promise<void> {
      await pool.query(sql['record-attempt'], [username.slice(0, 60), ip, success]);
    },
    /** Until when sign-in is locked for this username and this address. */
    async lockout(username: string, ip: string, l: LockoutLimits): Promise<LockoutRow> {
      const { rows: [r] } = await pool.query(sql.lockout, [username.slice(0, 60), ip, l.windowSeconds, l.perUsername, l.perIp]);
      return { userLockedUntil: r.user_locked_until, ipLockedUntil: r.ip_locked_until };
    },
  };
}
export type AuthRepo = ReturnType<typeof authRepo>;
