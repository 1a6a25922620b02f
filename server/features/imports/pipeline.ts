/**
 * The import runner: reads an uploaded file feature by feature (readers/), transforms each to EPSG:4326 (crs.ts),
 * maps and checks it (mapping.ts, geometry.ts) and stages it in import_feature in batches — awaiting each batch
 * before reading on, so memory stays flat however large the file — then lets PostGIS classify the whole job, and
 * on the user's word commits it in one transaction. Runs in the background of the request that started it; the
 * job row (and, for this process's running jobs, `liveProgress`) tells the client how far it is.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { Geometry, Position } from 'geojson';
import { ErrorCode, type ImportLayer, type ImportProgress, type ResolvedCrs } from '../../api/contract.ts';
import { withActorTransaction } from '../../db/pool.ts';
import type { Logger } from '../../lib/log.ts';
import { checkGeometry, positionsOf } from './geometry.ts';
import { mapParcel, mapProject, mergeMapping, type MapDefaults } from './mapping.ts';
import type { ImportsRepo, StagedFeature, StoredOptions } from './imports.repo.ts';
import { openSource } from './readers/index.ts';
import { UnreadableFileError, type OpenedSource, type SourceFeature } from './readers/types.ts';
import { resolveCrs, toWgs84 } from './crs.ts';

/** Features per INSERT: large enough to amortise a round trip, small enough to keep a batch a few MB. */
const BATCH = 1000;
/** Features per validation statement (≈ 0.5–1 s each on the embedded database). */
const VALIDATE_CHUNK = 2000;
/** Progress is written to the job row at most this often (ms); polls in this process see every batch. */
const PROGRESS_WRITE_MS = 1000;

class Cancelled extends Error {}
/** A feature the import would write changed after the preview. */
export class StaleImportError extends Error {}

export interface ImportJobRef { id: string; layer: ImportLayer; fileName: string; sizeBytes: number }

export const uploadPath = (dir: string, id: string) => path.join(dir, id, 'upload.bin');

const firstPosition = (g: Geometry): [number, number] | null => {
  const p: Position | undefined = positionsOf(g)[0];
  return p ? [p[0], p[1]] : null;
};

/** One feature of the file, mapped, transformed and checked, as it goes into the staging table. */
function stage(seq: number, f: SourceFeature, layer: ImportLayer, mapping: Record<string, string | null>,
  defaults: MapDefaults, project: ((g: Geometry) => Geometry) | null): StagedFeature {
  const mapped = layer === 'parcels' ? mapParcel(f.properties, mapping, defaults) : mapProject(f.properties, mapping);
  let geometry: Geometry | null = null;
  let transformFailed = false;
  try {
    geometry = f.geometry && project ? project(f.geometry) : null;
  } catch {
    transformFailed = true; // proj4 throws on coordinates it cannot place: the same as out of range
  }
  const checked = transformFailed
    ? { geojson: null, reasons: ['coordinates_out_of_range' as const], warnings: [], detail: null }
    : checkGeometry(geometry);
  return {
    seq, ref: f.ref, attrs: mapped.attrs, geom: checked.geojson,
    reasons: [...mapped.reasons, ...checked.reasons], warnings: checked.warnings,
    detail: [mapped.detail, checked.detail].filter(Boolean).join('; ') || null,
  };
}

export function importRunner(pool: pg.Pool, repo: ImportsRepo, dir: string, log: Logger) {
  const live = new Map<string, ImportProgress>();
  const cancelled = new Set<string>();
  const lastWrite = new Map<string, number>(); // per job: two imports must not throttle each other

  async function report(id: string, state: 'reading' | 'validating' | 'committing', p: ImportProgress, force = false) {
    live.set(id, p);
    if (force || Date.now() - (lastWrite.get(id) ?? 0) >= PROGRESS_WRITE_MS) {
      lastWrite.set(id, Date.now());
      await repo.setProgress(id, state, p);
    }
  }

  /** Read the whole file into the staging table (the CRS resolved at the first geometry goes on the job). */
  async function read(job: ImportJobRef, options: StoredOptions, source: OpenedSource): Promise<number> {
    const mapping = mergeMapping(job.layer, source.fields, options.mapping ?? undefined);
    await repo.setSource(job.id, { format: source.format, fields: source.fields, mapping, options, crs: null });
    const choice = { crs: options.crs, centralMeridian: options.centralMeridian ?? undefined, zoneWidth: options.zoneWidth };
    const defaults: MapDefaults = { formerUnit: options.formerUnit, mapSheetNo: options.mapSheetNo };
    let crs: ResolvedCrs | null = null;
    let project: ((g: Geometry) => Geometry) | null = null;
    let batch: StagedFeature[] = [];
    let seq = 0;
    const flush = async () => {
      await repo.insertFeatures(job.id, batch);
      batch = [];
      if (cancelled.has(job.id)) throw new Cancelled();
      const { done, total } = source.progress();
      // GeoPackage and DXF readers count records, the streaming ones bytes
      const unit = source.format === 'gpkg' || source.format === 'dxf' ? 'features' : 'bytes';
      await report(job.id, 'reading', { phase: 'reading', done, total, unit });
    };
    for await (const f of source.features()) {
      seq += 1;
      if (!crs && f.geometry) {
        crs = resolveCrs(source.crs, choice, firstPosition(f.geometry));
        project = toWgs84(crs);
        await repo.setCrs(job.id, crs);
      }
      batch.push(stage(seq, f, job.layer, mapping, defaults, project));
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (seq === 0) throw new UnreadableFileError('Tệp không có đối tượng nào. / The file holds no features.');
    return seq;
  }

  /**
   * Classify the staged features, step by step, each over chunks of VALIDATE_CHUNK features: on the embedded
   * database PostGIS runs in this process, so one statement over 100 000 rows would stall every other request.
   */
  async function validate(job: ImportJobRef, count: number): Promise<void> {
    const steps = repo.validationSteps(job.layer);
    const total = steps.length * count;
    for (const [i, step] of steps.entries()) {
      const t0 = Date.now();
      for (let from = 1; from <= count; from += VALIDATE_CHUNK) {
        await report(job.id, 'validating', { phase: 'validating', done: i * count + from - 1, total, unit: 'features' });
        await step(job.id, from, Math.min(count, from + VALIDATE_CHUNK - 1));
        if (cancelled.has(job.id)) throw new Cancelled();
      }
      log.debug(`import ${job.id}: validation step ${i + 1}/${steps.length} in ${Date.now() - t0} ms`);
    }
    await repo.setReady(job.id);
  }

  return {
    /** The progress of a job running in this process (fresher than the row), or undefined. */
    liveProgress: (id: string) => live.get(id),

    /** Read, map and classify the uploaded file (again) with these options. Never throws: failures go on the job. */
    async analyse(job: ImportJobRef, options: StoredOptions): Promise<void> {
      const work = path.join(dir, job.id, 'work');
      let source: OpenedSource | undefined;
      live.set(job.id, { phase: 'reading', done: 0, total: job.sizeBytes, unit: 'bytes' });
      try {
        await repo.clearFeatures(job.id);
        await fs.rm(work, { recursive: true, force: true });
        await fs.mkdir(work, { recursive: true });
        source = await openSource(uploadPath(dir, job.id), job.fileName, work);
        const count = await read(job, options, source);
        await source.close();
        await validate(job, count);
      } catch (err) {
        if (err instanceof Cancelled) { await repo.clearFeatures(job.id).catch(() => undefined); return; }
        if (err instanceof UnreadableFileError) await repo.setFailed(job.id, { code: err.code, message: err.message });
        else {
          log.error(`import ${job.id}: ${(err as Error).stack ?? err}`);
          await repo.setFailed(job.id, { code: ErrorCode.internal, message: `Lỗi khi xử lý tệp. / Processing failed: ${(err as Error).message}` }).catch(() => undefined);
        }
      } finally {
        await source?.close().catch(() => undefined);
        await fs.rm(work, { recursive: true, force: true }).catch(() => undefined);
        live.delete(job.id);
        lastWrite.delete(job.id);
        cancelled.delete(job.id);
      }
    },

    /**
     * Write the job's adds and updates in one transaction under actor (audited per row by the triggers); the
     * counts written must equal the preview's, or nothing is written (StaleImportError → back to 'ready').
     */
    async commit(job: ImportJobRef, expected: { add: number; update: number }, actor: string): Promise<void> {
      await report(job.id, 'committing', { phase: 'committing', done: 0, total: expected.add + expected.update, unit: 'features' }, true);
      try {
        await withActorTransaction(pool, actor, async (db) => {
          if (await repo.stale(db, job.id, job.layer) > 0) throw new StaleImportError();
          const done = await repo.commit(db, job.id, job.layer);
          if (done.added !== expected.add || done.updated !== expected.update) throw new StaleImportError();
        });
        await repo.clearFeatures(job.id);
        await repo.setState(job.id, 'committed');
        await fs.rm(path.join(dir, job.id), { recursive: true, force: true });
      } catch (err) {
        const stale = err instanceof StaleImportError;
        if (!stale) log.error(`import ${job.id} commit: ${(err as Error).stack ?? err}`);
        await repo.setReady(job.id, stale
          ? { code: ErrorCode.importStale, message: 'Dữ liệu đã thay đổi sau khi xem trước; không có gì được ghi. Hãy kiểm tra lại. / The data changed after the preview; nothing was written. Analyse again.' }
          : { code: ErrorCode.internal, message: `Không ghi được; không có gì thay đổi. / The commit failed; nothing was written: ${(err as Error).message}` });
      } finally {
        live.delete(job.id);
        lastWrite.delete(job.id);
      }
    },

    /** Stop a running job at its next batch; the caller discards it. */
    cancel(id: string) { if (live.has(id)) cancelled.add(id); },
  };
}
export type ImportRunner = ReturnType<typeof importRunner>;
