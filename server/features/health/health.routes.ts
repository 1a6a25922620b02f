import { Router } from 'express';
import type pg from 'pg';
import { ApiPath, type Health } from '../../api/contract.ts';
import type { DatabaseMode } from '../../db/pool.ts';
import { healthRepo } from './health.repo.ts';
import { allow } from '../../http/auth.ts';

/** GET /api/health: the server is up and its database answers. */
export function healthRoutes(pool: pg.Pool, mode: DatabaseMode, demoData: () => Promise<boolean>): Router {
  const repo = healthRepo(pool);
  const r = Router();
  r.get(ApiPath.health, allow('GET /api/health'), async (_req, res) => {
    const body: Health = { ok: true, database: mode, postgis: await repo.postgisVersion(), demoData: await demoData() };
    res.json(body);
  });
  return r;
}
