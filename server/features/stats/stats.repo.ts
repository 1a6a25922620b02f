import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { DataQualityNote } from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';

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
      return (await pool.query<Record<string, number | null>>(sql['live-figures'])).rows[0];
    },
    /** The report's data-quality notes. */
    async qualityNotes(): Promise<DataQualityNote[]> {
      return (await pool.query<DataQualityNote>(sql['quality-notes'])).rows;
    },
    /** Whether the loaded data is the demo dataset. */
    async isDemo(): Promise<boolean> {
      return (await pool.query<{ demo: boolean }>(sql['is-demo'])).rows[0].demo;
    },
  };
}
