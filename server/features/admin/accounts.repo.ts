/**
 * Accounts and roles. Writes take the transaction's client (withActorTransaction), so the audit triggers
 * record who made them; used by /api/admin/users, scripts/user-add.ts and the demo-account seed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Role, UserAccount } from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';
import { hashPassword } from '../auth/password.ts';

const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'), [
  'list-users', 'find-user', 'insert-user', 'update-user', 'set-password', 'remove-other-roles', 'add-roles',
  'end-user-sessions', 'count-users',
] as const);

type Db = pg.Pool | pg.PoolClient;

interface UserRow {
  id: number; username: string; display_name: string; disabled: boolean; created_at: Date; last_login_at: Date | null; roles: Role[];
}
const toAccount = (r: UserRow): UserAccount => ({
  id: r.id, username: r.username, displayName: r.display_name, roles: r.roles, disabled: r.disabled,
  createdAt: r.created_at.toISOString(), lastLoginAt: r.last_login_at?.toISOString() ?? null,
});

export interface NewAccount { username: string; displayName: string; password: string; roles: readonly Role[] }
export interface AccountChange { displayName?: string; disabled?: boolean; roles?: readonly Role[]; password?: string }

/** Account queries on a pool (reads) or a transaction's client (writes). */
export function accountsRepo(db: Db) {
  return {
    /** Every account with its roles. */
    async list(): Promise<UserAccount[]> {
      return (await db.query<UserRow>(sql['list-users'])).rows.map(toAccount);
    },
    /** One account, or null. */
    async find(id: number): Promise<UserAccount | null> {
      const { rows: [r] } = await db.query<UserRow>(sql['find-user'], [id]);
      return r ? toAccount(r) : null;
    },
    /** How many accounts exist. */
    async count(): Promise<number> {
      return (await db.query<{ n: number }>(sql['count-users'])).rows[0].n;
    },
    /** Create an account (password hashed here); null when the username is taken. */
    async create(a: NewAccount): Promise<number | null> {
      const { rows: [r] } = await db.query<{ id: number }>(sql['insert-user'], [a.username, a.displayName, await hashPassword(a.password)]);
      if (!r) return null;
      if (a.roles.length) await db.query(sql['add-roles'], [r.id, a.roles]);
      return r.id;
    },
    /** Apply a change; false when there is no such account. Disabling or a new password ends its sessions. */
    async update(id: number, c: AccountChange): Promise<boolean> {
      const { rowCount } = await db.query(sql['update-user'], [id, c.displayName ?? null, c.disabled ?? null]);
      if (!rowCount) return false;
      if (c.roles) {
        await db.query(sql['remove-other-roles'], [id, c.roles]);
        await db.query(sql['add-roles'], [id, c.roles]);
      }
      if (c.password !== undefined) await db.query(sql['set-password'], [id, await hashPassword(c.password)]);
      if (c.disabled || c.password !== undefined) await db.query(sql['end-user-sessions'], [id]);
      return true;
    },
  };
}
