import { Router } from 'express';
import type pg from 'pg';
import { BACKLOG_TARGET_DATE, ClearancePath, type Dashboard, type DashboardBacklog } from '../../api/contract.ts';
import { allow } from '../../http/auth.ts';
import { clearanceRepo } from '../clearance/clearance.repo.ts';
import { statsRepo } from '../stats/stats.repo.ts';
import { monthsLeft, neededPerMonth } from './backlog-pace.ts';
import { dashboardRepo } from './dashboard.repo.ts';

/** GET /api/dashboard: the leadership view — aggregates only (no names), so it is public like /api/stats. */
export function dashboardRoutes(pool: pg.Pool): Router {
  const clearance = clearanceRepo(pool);
  const repo = dashboardRepo(pool);
  const stats = statsRepo(pool);
  const r = Router();
  r.get(ClearancePath.dashboard, allow('GET /api/dashboard'), async (_req, res) => {
    // one after another: the embedded database serves one connection at a time
    const projects = await clearance.progress();
    const handoverByMonth = await clearance.handoverByMonth();
    const obstacles = await clearance.obstacles();
    const body: Dashboard = {
      generatedAt: new Date().toISOString(),
      demoData: await stats.isDemo(),
      clusterCode: await repo.clusterCode(),
      projects,
      handoverByMonth,
      obstacles,
      backlog: await backlog(repo),
    };
    res.json(body);
  });
  return r;
}

async function backlog(repo: ReturnType<typeof dashboardRepo>): Promise<DashboardBacklog> {
  const b = await repo.backlog();
  const months = monthsLeft(new Date().toISOString().slice(0, 10), BACKLOG_TARGET_DATE);
  return {
    cases: b.cases, resolved: b.resolved, open: b.open, certificatesIssued: b.issued,
    pct: b.cases > 0 ? Math.round((1000 * b.resolved) / b.cases) / 10 : null,
    targetDate: BACKLOG_TARGET_DATE, monthsLeft: months, neededPerMonth: neededPerMonth(b.open, months),
    resolvedByMonth: await repo.backlogByMonth(),
  };
}
