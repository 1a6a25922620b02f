import { Router } from 'express';
import type pg from 'pg';
import { ApiPath, type Stats } from '../../api/contract.ts';
import { statsRepo } from './stats.repo.ts';
import { allow } from '../../http/auth.ts';

/** GET /api/stats: every report figure beside the same figure computed now from the database. */
export function statsRoutes(pool: pg.Pool): Router {
  const repo = statsRepo(pool);
  const r = Router();
  r.get(ApiPath.stats, allow('GET /api/stats'), async (_req, res) => {
    const [report, live, notes, demoData] = [await repo.reportFigures(), await repo.liveFigures(), await repo.qualityNotes(), await repo.isDemo()];
    const body: Stats = {
      figures: report.map((f) => ({
        id: f.id, label_vi: f.label_vi, label_en: f.label_en, unit: f.unit, section: f.section,
        report_value: f.value, live_value: live[f.id] ?? null, decisions: f.decisions,
      })),
      notes,
      demoData,
    };
    res.json(body);
  });
  return r;
}
