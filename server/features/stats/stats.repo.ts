import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { DataQualityNote } from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';
import { queryOne } from '../../db/query.ts';

const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'),
  ['live-figures', 'report-figures', 'quality-notes', 'is-demo'] as const);

export interface ReportFigureRow {
  id: string; label_vi: string; label_en: string; value: number | null; unit: string; section: string; decisions: string[];
}

/** Queries behind /api/stats. */
export function statsRepo(pool: pg.Pool) {
  return {
    /** The report's figures as recorded. */
    async reportFigures(): Promise<ReportFigureRow[]> {
      return (await pool.query<ReportFigureRow>(sql['report-figures'])).rows;
    },
    /** The figures computed now from the data, keyed by figure id (null: the data cannot compute it now). */
    async liveFigures(): Promise<Record<string, number | null>> {
      return queryOne<Record<string, number | null>>(pool, sql['live-figures']);
    },
    /** The report's data-quality notes. */
    async qualityNotes(): Promise<DataQualityNote[]> {
      return (await pool.query<DataQualityNote>(sql['quality-notes'])).rows;
    },
    /** Whether the loaded data is the demo dataset. */
    async isDemo(): Promise<boolean> {
      return (await queryOne<{ demo: boolean }>(pool, sql['is-demo'])).demo;
    },
  };
}
