/** GET /api/audit: browse the audit log (admins and leadership). There is deliberately no route that edits it. */
import { Router } from 'express';
import type pg from 'pg';
import { ApiPath, AuditQuery, type AuditPage } from '../../api/contract.ts';
import { allow, currentUser } from '../../http/auth.ts';
import { personalDataFor, redactAuditEntry } from '../../http/personal-data.ts';
import { parse } from '../../http/validate.ts';
import { auditRepo } from './audit.repo.ts';

/** The audit browser's route. */
export function auditRoutes(pool: pg.Pool): Router {
  const repo = auditRepo(pool);
  const r = Router();
  r.get(ApiPath.audit, allow('GET /api/audit'), async (req, res) => {
    const { page, pageSize, ...filter } = parse(AuditQuery, req.query);
    const [entries, total] = [await repo.list(filter, pageSize, (page - 1) * pageSize), await repo.count(filter)];
    // party rows in before/after hold names and ID numbers: an admin without a personal-data role gets them redacted
    const visible = personalDataFor(currentUser(req), entries, (es) => es.map(redactAuditEntry));
    const body: AuditPage = { entries: visible, total, page, pageSize };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return r;
}
