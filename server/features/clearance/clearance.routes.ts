import { Router } from 'express';
import type pg from 'pg';
import {
  ClearanceHistory, ClearanceIdParam, ClearanceUpdateBody, ErrorCode, checkStepChange,
  type ClearanceRecordList,
} from '../../api/contract.ts';
import { HttpError } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { actorOf, allow, currentUser } from '../../http/auth.ts';
import { personalDataFor } from '../../http/personal-data.ts';
import { withActorTransaction } from '../../db/pool.ts';
import { clearanceRepo, lockRecord, updateRecord } from './clearance.repo.ts';

const projectNotFound = (id: number) => new HttpError(404, ErrorCode.notFound, `Không có dự án ${id}. / No project ${id}.`);
const recordNotFound = (id: number) => new HttpError(404, ErrorCode.notFound, `Không có hồ sơ GPMB ${id}. / No clearance record ${id}.`);

/** Site clearance: a project's parcels on the map, its records, a record's history, and updating a record. */
export function clearanceRoutes(pool: pg.Pool): Router {
  const repo = clearanceRepo(pool);
  const r = Router();

  r.get('/api/clearance/projects/:id/parcels', allow('GET /api/clearance/projects/:id/parcels'), async (req, res) => {
    const { id } = parse(ClearanceIdParam, req.params);
    const found = await repo.projectParcels(id);
    if (!found) throw projectNotFound(id);
    // the features arrive as JSON text built by PostGIS; wrap without re-parsing them
    res.type('application/geo+json').send(`{"type":"FeatureCollection","projectId":${id},"demo":${found.demo},"features":${found.features}}`);
  });

  r.get('/api/clearance/projects/:id/records', allow('GET /api/clearance/projects/:id/records'), async (req, res) => {
    const { id } = parse(ClearanceIdParam, req.params);
    const records = await repo.projectRecords(id);
    if (!records) throw projectNotFound(id);
    const body: ClearanceRecordList = { projectId: id, records };
    res.json(personalDataFor(currentUser(req), body));
  });

  r.get('/api/clearance/records/:id/history', allow('GET /api/clearance/records/:id/history'), async (req, res) => {
    const { id } = parse(ClearanceIdParam, req.params);
    const entries = await repo.history(id);
    if (!entries) throw recordNotFound(id);
    const body: ClearanceHistory = { recordId: id, entries };
    res.json(body);
  });

  r.patch('/api/clearance/records/:id', allow('PATCH /api/clearance/records/:id'), async (req, res) => {
    const { id } = parse(ClearanceIdParam, req.params);
    const body = parse(ClearanceUpdateBody, req.body);
    const user = currentUser(req)!;
    const record = await withActorTransaction(pool, actorOf(user), async (c) => {
      const current = await lockRecord(c, id);
      if (!current) throw recordNotFound(id);
      if (current.version !== body.version) throw stale(current.version);
      const rule = checkStepChange(current, body);
      if (!rule.valid) throw new HttpError(400, rule.reason, rule.message);
      const version = await updateRecord(c, id, body.version, {
        step: body.step, stepDate: body.stepDate, households: body.households, compensationVnd: body.compensationVnd,
        obstacle: body.step === 'handed_over' ? null : body.obstacle, obstacleNote: body.obstacleNote || null,
        reason: body.reason?.trim() || null,
      });
      if (version === null) throw stale(current.version);
      return repo.record(id, c);
    });
    res.json(personalDataFor(user, record));
  });
  return r;
}

function stale(version: number): HttpError {
  return new HttpError(409, ErrorCode.versionConflict,
    `Hồ sơ đã được người khác cập nhật (phiên bản ${version}); hãy tải lại. / The record changed meanwhile (version ${version}); reload it.`);
}
