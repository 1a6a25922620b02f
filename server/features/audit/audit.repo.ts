/** Reading the audit log (it is written only by triggers and is append-only; nothing here changes it). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { AuditEntry } from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';

const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'), ['list-entries', 'count-entries'] as const);

export interface AuditFilter { entity?: string; entityId?: string; actor?: string; from?: string; to?: string }

interface Row {
  id: number; at: Date; actor: string; action: AuditEntry['action']; entity: string; entity_id: string | null;
  before: Record<string, unknown> | null; after: Record<string, unknown> | null;
}

/** Queries behind GET /api/audit. */
export function auditRepo(pool: pg.Pool) {
  const filterParams = (f: AuditFilter) => [f.entity ?? null, f.entityId ?? null, f.actor ?? null, f.from ?? null, f.to ?? null];
  return {
    /** One page of matching entries, newest first. */
    async list(f: AuditFilter, limit: number, offset: number): Promise<AuditEntry[]> {
      const { rows } = await pool.query<Row>(sql['list-entries'], [...filterParams(f), limit, offset]);
      return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actor: r.actor, action: r.action, entity: r.entity,
        entityId: r.entity_id, before: r.before, after: r.after }));
    },
    /** How many entries match. */
    async count(f: AuditFilter): Promise<number> {
      return (await pool.query<{ n: number }>(sql['count-entries'], filterParams(f))).rows[0].n;
    },
  };
}
