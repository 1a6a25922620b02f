/**
 * /api/imports: upload a land office's file, preview what it would change, commit it (all or nothing) or discard
 * it. Land officers (dia_chinh) import parcels, planners (quy_hoach) projects. A job is its creator's alone (404 for
 * anyone else). Reading and committing run in the background; the client polls the job.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request } from 'express';
import type pg from 'pg';
import {
  ErrorCode, IMPORT_LAYER_ROLE, IMPORT_MAX_BYTES, ImportCommitBody, ImportFeaturesQuery, ImportOptions, ImportPath, ImportRowsQuery,
  ImportUploadQuery, type ImportJob, type ImportLayer, type Role,
} from '../../api/contract.ts';
import { actorOf, allow, currentUser, hasRole, type SessionUser } from '../../http/auth.ts';
import { HttpError } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import type { Logger } from '../../lib/log.ts';
import { importsRepo, type StoredOptions } from './imports.repo.ts';
import { importRunner, uploadPath } from './pipeline.ts';
import { mergeMapping } from './mapping.ts';
import { rejectionsCsv } from './rejections-csv.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assertLayerRole(user: SessionUser, layer: ImportLayer): void {
  if (!hasRole(user, IMPORT_LAYER_ROLE[layer])) {
    throw new HttpError(403, ErrorCode.importLayerForbidden, `Tài khoản không được nhập lớp này. / Your account may not import into '${layer}'.`);
  }
}

function toStored(o: ReturnType<typeof ImportOptions.parse>): StoredOptions {
  return {
    crs: o.crs, centralMeridian: o.centralMeridian ?? null, zoneWidth: o.zoneWidth as 3 | 6,
    formerUnit: o.formerUnit ?? null, mapSheetNo: o.mapSheetNo ?? null, mapping: o.mapping ?? null,
  };
}

/** Stream the request body to file, refusing more than max bytes (413) or nothing (400). Returns the size. */
async function saveUpload(req: Request, file: string, max: number): Promise<number> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw new HttpError(413, ErrorCode.payloadTooLarge, `Tệp quá lớn (tối đa ${max / 2 ** 20} MB). / File too large.`);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > max ? new HttpError(413, ErrorCode.payloadTooLarge, `Tệp quá lớn (tối đa ${max / 2 ** 20} MB). / File too large.`) : null, chunk);
    },
  });
  await pipeline(req, limit, fs.createWriteStream(file));
  if (size === 0) throw new HttpError(400, ErrorCode.badRequest, 'Tệp rỗng. / The file is empty.');
  return size;
}

export function importsRoutes(pool: pg.Pool, log: Logger, dir: string): Router {
  const repo = importsRepo(pool);
  const runner = importRunner(pool, repo, dir, log);
  const r = Router();

  /** The user's job with live progress, or 404. */
  async function loadJob(id: string, username: string): Promise<ImportJob & { options: StoredOptions }> {
    const job = UUID.test(id) ? await repo.find(id, username) : null;
    if (!job) throw new HttpError(404, ErrorCode.importNotFound, `Không có lần nhập ${id}. / No import ${id}.`);
    return { ...job, progress: runner.liveProgress(job.id) ?? job.progress };
  }
  const jobOf = (req: Request) => loadJob(String(req.params.id), currentUser(req)!.username);
  const publicJob = (job: ImportJob & { options: StoredOptions }): ImportJob => {
    const { mapping: _override, ...options } = job.options;
    return { ...job, options };
  };

  r.get(ImportPath.list, allow('GET /api/imports'), async (req, res) => {
    const jobs = await repo.list(currentUser(req)!.username);
    res.set('Cache-Control', 'no-store').json({ jobs: jobs.map((j) => publicJob({ ...j, progress: runner.liveProgress(j.id) ?? j.progress })) });
  });

  r.post(ImportPath.list, allow('POST /api/imports'), async (req, res) => {
    const user = currentUser(req)!;
    const q = parse(ImportUploadQuery, req.query);
    assertLayerRole(user, q.layer);
    const options = toStored(parse(ImportOptions, { ...q, layer: undefined, fileName: undefined }));
    for (const old of await repo.purgeOld()) fs.rmSync(path.join(dir, old), { recursive: true, force: true });
    const id = randomUUID();
    fs.mkdirSync(path.join(dir, id), { recursive: true });
    let size: number;
    try {
      size = await saveUpload(req, uploadPath(dir, id), IMPORT_MAX_BYTES);
    } catch (err) {
      fs.rmSync(path.join(dir, id), { recursive: true, force: true });
      throw err;
    }
    await repo.create(id, q.layer, q.fileName, size, options, user.username);
    void runner.analyse({ id, layer: q.layer, fileName: q.fileName, sizeBytes: size }, options);
    res.status(202).location(ImportPath.job(id)).json(publicJob(await loadJob(id, user.username)));
  });

  r.get('/api/imports/:id', allow('GET /api/imports/:id'), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(publicJob(await jobOf(req)));
  });

  r.post('/api/imports/:id/analyse', allow('POST /api/imports/:id/analyse'), async (req, res) => {
    const job = await jobOf(req);
    if (!['ready', 'failed'].includes(job.state)) throw new HttpError(409, ErrorCode.importNotReady, `Lần nhập đang ở trạng thái '${job.state}'. / The import is ${job.state}.`);
    const options = toStored(parse(ImportOptions, req.body ?? {}));
    if (options.mapping && job.fields.length > 0) {
      try { mergeMapping(job.layer, job.fields, options.mapping); } catch (err) { throw new HttpError(400, ErrorCode.badRequest, (err as Error).message); }
    }
    await repo.setProgress(job.id, 'reading', { phase: 'reading', done: 0, total: job.sizeBytes, unit: 'bytes' });
    void runner.analyse(job, options);
    res.status(202).json(publicJob(await jobOf(req)));
  });

  r.get('/api/imports/:id/features', allow('GET /api/imports/:id/features'), async (req, res) => {
    const job = await jobOf(req);
    const q = parse(ImportFeaturesQuery, req.query);
    const rows = await repo.previewFeatures(job.id, q.action, q.limit);
    // geometry is GeoJSON text from PostGIS: spliced, not parsed and re-serialised
    const features = rows.map((f) => `{"type":"Feature","id":${f.seq},"geometry":${f.geometry},"properties":${JSON.stringify({
      seq: f.seq, ref: f.source_ref, action: f.action, key: f.key, label: f.key?.replace(/^[a-z-]+ (?=\d+\/\d+$)/, '') ?? null,
      reasons: f.reasons, warnings: f.warnings })}}`);
    const total = job.counts?.total ?? rows.length;
    res.type('application/geo+json').set('Cache-Control', 'no-store')
      .send(`{"type":"FeatureCollection","truncated":${rows.length >= q.limit && total > q.limit},"features":[${features.join(',')}]}`);
  });

  r.get('/api/imports/:id/rows', allow('GET /api/imports/:id/rows'), async (req, res) => {
    const job = await jobOf(req);
    const q = parse(ImportRowsQuery, req.query);
    const [total, rows] = [await repo.countRows(job.id, q), await repo.rows(job.id, q)];
    res.set('Cache-Control', 'no-store').json({ total, rows });
  });

  r.get('/api/imports/:id/rejections.csv', allow('GET /api/imports/:id/rejections.csv'), async (req, res) => {
    const job = await jobOf(req);
    res.attachment(`${path.parse(job.fileName).name}_bi-tu-choi.csv`).type('text/csv; charset=utf-8').set('Cache-Control', 'no-store');
    await rejectionsCsv(res, (offset, limit) => repo.rows(job.id, { action: 'reject', warned: false, offset, limit }));
  });

  r.post('/api/imports/:id/commit', allow('POST /api/imports/:id/commit'), async (req, res) => {
    const user = currentUser(req)!;
    const job = await jobOf(req);
    assertLayerRole(user, job.layer);
    const body = parse(ImportCommitBody, req.body ?? {});
    if (job.state !== 'ready' || !job.counts) throw new HttpError(409, ErrorCode.importNotReady, `Lần nhập đang ở trạng thái '${job.state}'. / The import is ${job.state}.`);
    if (job.counts.reject > 0 && !body.skipRejected) {
      throw new HttpError(409, ErrorCode.importHasRejections, `${job.counts.reject} đối tượng bị từ chối: sửa tệp, hoặc chọn bỏ qua chúng. / ${job.counts.reject} features are rejected: fix the file or skip them.`);
    }
    if (job.counts.add + job.counts.update === 0) throw new HttpError(409, ErrorCode.importNotReady, 'Không có gì để ghi. / Nothing to write.');
    if (await repo.stale(pool, job.id, job.layer) > 0) {
      throw new HttpError(409, ErrorCode.importStale, 'Dữ liệu đã thay đổi sau khi xem trước: hãy kiểm tra lại. / The data changed after the preview: analyse again.');
    }
    // the state changes before the answer: a client must not read 'ready' back and think nothing happened
    // (on a server database the runner's own write could come after this request's read)
    const writes = { add: job.counts.add, update: job.counts.update };
    await repo.setProgress(job.id, 'committing', { phase: 'committing', done: 0, total: writes.add + writes.update, unit: 'features' });
    void runner.commit(job, writes, actorOf(user));
    res.status(202).json(publicJob(await jobOf(req)));
  });

  r.delete('/api/imports/:id', allow('DELETE /api/imports/:id'), async (req, res) => {
    const job = await jobOf(req);
    if (job.state === 'committing' || job.state === 'committed') throw new HttpError(409, ErrorCode.importNotReady, `Lần nhập đang ở trạng thái '${job.state}'. / The import is ${job.state}.`);
    runner.cancel(job.id);
    await repo.clearFeatures(job.id);
    await repo.setState(job.id, 'discarded');
    fs.rmSync(path.join(dir, job.id), { recursive: true, force: true });
    res.status(204).end();
  });

  return r;
}

/** At start-up: jobs a previous process left half-done are marked failed (see sql/interrupted.sql). */
export async function recoverInterruptedImports(pool: pg.Pool): Promise<number> {
  return importsRepo(pool).markInterrupted();
}
