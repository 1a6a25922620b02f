/**
 * Queries behind /api/imports: jobs, staged features (import_feature), their classification and the commit.
 * Never sees req/res. Every statement is one .sql file in ./sql.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type {
  ImportAction, ImportJob, ImportLayer, ImportRejectReason, ImportRow, ImportWarning, ResolvedCrs,
} from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';
import { queryOne } from '../../db/query.ts';

const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'), [
  'insert-job', 'find-job', 'list-jobs', 'set-progress', 'set-source', 'set-crs', 'set-failed', 'set-state', 'set-ready',
  'clear-features', 'insert-features', 'validate-geometry', 'classify-parcels-key', 'classify-parcels-action',
  'overlap-warnings', 'classify-projects-key', 'classify-projects-action',
  'preview-features', 'list-rows', 'count-rows', 'stale-features', 'lock-parcels', 'commit-parcels-update',
  'commit-parcels-insert', 'commit-projects-update', 'commit-projects-insert', 'sync-project-sequence', 'purge-old',
  'interrupted',
] as const);

type Db = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** A staged feature as the pipeline inserts it. */
export interface StagedFeature {
  seq: number;
  ref: string;
  attrs: Record<string, string | number | null>;
  /** GeoJSON text in EPSG:4326, checked by geometry.ts */
  geom: string | null;
  reasons: ImportRejectReason[];
  warnings: ImportWarning[];
  detail: string | null;
}

/** Stored options (ImportOptions as parsed, the mapping override kept apart). */
export interface StoredOptions {
  crs: ImportJob['options']['crs'];
  centralMeridian: number | null;
  zoneWidth: 3 | 6;
  formerUnit: string | null;
  mapSheetNo: number | null;
  mapping: Record<string, string | null> | null;
}

interface JobRow {
  id: string; layer: ImportLayer; file_name: string; size_bytes: string | number; format: ImportJob['format'];
  state: ImportJob['state']; progress: ImportJob['progress']; options: StoredOptions; crs: ResolvedCrs | null;
  fields: string[]; mapping: Record<string, string | null>; extent: ImportJob['extent']; error: ImportJob['error'];
  counts: (Omit<NonNullable<ImportJob['counts']>, never> & { reasons: Record<string, number>; warnings: Record<string, number> }) | null;
  created_by: string; created_at: Date; committed_at: Date | null;
}

const byCount = <C extends string>(o: Record<string, number> | undefined) =>
  Object.entries(o ?? {}).map(([code, count]) => ({ code: code as C, count: Number(count) })).sort((a, b) => b.count - a.count);

function toJob(r: JobRow): ImportJob & { options: StoredOptions } {
  const { reasons, warnings, ...counts } = r.counts ?? { reasons: {}, warnings: {} };
  return {
    id: r.id, layer: r.layer, fileName: r.file_name, sizeBytes: Number(r.size_bytes), format: r.format, state: r.state,
    progress: r.progress, crs: r.crs, options: r.options, fields: r.fields, mapping: r.mapping,
    counts: r.counts ? (counts as ImportJob['counts']) : null,
    reasons: byCount<ImportRejectReason>(reasons), warnings: byCount<ImportWarning>(warnings),
    extent: r.extent, error: r.error, createdBy: r.created_by, createdAt: r.created_at.toISOString(),
    committedAt: r.committed_at ? r.committed_at.toISOString() : null,
  };
}

export function importsRepo(pool: pg.Pool) {
  return {
    async create(id: string, layer: ImportLayer, fileName: string, size: number, options: StoredOptions, user: string): Promise<void> {
      await pool.query(sql['insert-job'], [id, layer, fileName, size, JSON.stringify(options), user]);
    },
    async find(id: string, user: string) {
      const { rows } = await pool.query<JobRow>(sql['find-job'], [id, user]);
      return rows[0] ? toJob(rows[0]) : null;
    },
    async list(user: string) {
      return (await pool.query<JobRow>(sql['list-jobs'], [user])).rows.map(toJob);
    },
    async setProgress(id: string, state: ImportJob['state'], progress: ImportJob['progress']) {
      await pool.query(sql['set-progress'], [id, state, progress ? JSON.stringify(progress) : null]);
    },
    async setSource(id: string, s: { format: string; fields: string[]; mapping: object; options: StoredOptions; crs: ResolvedCrs | null }) {
      await pool.query(sql['set-source'], [id, s.format, JSON.stringify(s.fields), JSON.stringify(s.mapping), JSON.stringify(s.options), s.crs ? JSON.stringify(s.crs) : null]);
    },
    async setCrs(id: string, crs: ResolvedCrs) { await pool.query(sql['set-crs'], [id, JSON.stringify(crs)]); },
    async setFailed(id: string, error: { code: string; message: string }) { await pool.query(sql['set-failed'], [id, JSON.stringify(error)]); },
    async setState(id: string, state: ImportJob['state'], error: { code: string; message: string } | null = null) {
      await pool.query(sql['set-state'], [id, state, error ? JSON.stringify(error) : null]);
    },
    async setReady(id: string, error: { code: string; message: string } | null = null) {
      await pool.query(sql['set-ready'], [id, error ? JSON.stringify(error) : null]);
    },
    async clearFeatures(id: string) { await pool.query(sql['clear-features'], [id]); },
    async insertFeatures(id: string, batch: StagedFeature[]) {
      if (batch.length > 0) await pool.query(sql['insert-features'], [id, JSON.stringify(batch)]);
    },
    /**
     * The validation steps of a layer, in order; each runs over the features from <= seq <= to, and a step must
     * have run over the whole job before the next starts (step 2 looks for duplicates across the job).
     */
    validationSteps(layer: ImportLayer): Array<(id: string, from: number, to: number) => Promise<unknown>> {
      const step = (name: keyof typeof sql) => (id: string, from: number, to: number) => pool.query(sql[name], [id, from, to]);
      return layer === 'parcels'
        ? [step('validate-geometry'), step('classify-parcels-key'), step('classify-parcels-action'), step('overlap-warnings')]
        : [step('validate-geometry'), step('classify-projects-key'), step('classify-projects-action')];
    },
    async previewFeatures(id: string, action: ImportAction | undefined, limit: number) {
      const { rows } = await pool.query<{ seq: number; source_ref: string; action: ImportAction | null; key: string | null; reasons: string[]; warnings: string[]; geometry: string }>(
        sql['preview-features'], [id, action ?? null, limit]);
      return rows;
    },
    async rows(id: string, q: { action?: ImportAction; warned: boolean; offset: number; limit: number }): Promise<ImportRow[]> {
      const { rows } = await pool.query<{ seq: number; source_ref: string; action: ImportAction | null; reasons: ImportRejectReason[]; warnings: ImportWarning[]; key: string | null; detail: string | null; target_id: string | null; mapped_area: number | null; label: string | null }>(
        sql['list-rows'], [id, q.action ?? null, q.warned, q.offset, q.limit]);
      return rows.map((r) => ({
        seq: r.seq, sourceRef: r.source_ref, action: r.action ?? 'reject', reasons: r.reasons, warnings: r.warnings,
        key: r.key, label: r.label, mappedArea: r.mapped_area === null ? null : Math.round(r.mapped_area * 10) / 10,
        targetId: r.target_id === null ? null : Number(r.target_id), detail: r.detail,
      }));
    },
    async countRows(id: string, q: { action?: ImportAction; warned: boolean }): Promise<number> {
      return (await queryOne<{ total: number }>(pool, sql['count-rows'], [id, q.action ?? null, q.warned])).total;
    },
    async stale(db: Db, id: string, layer: ImportLayer): Promise<number> {
      return (await queryOne<{ stale: number }>(db, sql['stale-features'], [id, layer])).stale;
    },
    /** Write the job's features in the caller's transaction; returns rows added and updated. */
    async commit(db: pg.PoolClient, id: string, layer: ImportLayer): Promise<{ added: number; updated: number }> {
      if (layer === 'parcels') {
        await db.query(sql['lock-parcels']);
        const updated = (await db.query(sql['commit-parcels-update'], [id])).rowCount ?? 0;
        const added = (await db.query(sql['commit-parcels-insert'], [id])).rowCount ?? 0;
        return { added, updated };
      }
      await queryOne(db, sql['sync-project-sequence']);
      const updated = (await db.query(sql['commit-projects-update'], [id])).rowCount ?? 0;
      const added = (await db.query(sql['commit-projects-insert'], [id])).rowCount ?? 0;
      return { added, updated };
    },
    async purgeOld(): Promise<string[]> { return (await pool.query<{ id: string }>(sql['purge-old'])).rows.map((r) => r.id); },
    async markInterrupted(): Promise<number> { return (await pool.query(sql.interrupted)).rowCount ?? 0; },
  };
}
export type ImportsRepo = ReturnType<typeof importsRepo>;
