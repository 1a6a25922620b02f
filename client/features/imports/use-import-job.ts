/**
 * One import from upload to commit: uploads the file (progress in bytes), polls the job while the server reads,
 * validates or commits, loads the preview features whenever an analysis is ready, and exposes the actions.
 * Nothing is written to the database before `commit`; `discard` drops the job and its file on the server.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { ImportJob, ImportLayer, ImportOptions } from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import { analyseImport, commitImport, discardImport, fetchImportFeatures, fetchImportJob, uploadImport, type UploadOptions } from './imports-api';
import { isBusy, POLL_MS } from './import-text';

export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'uploading'; fileName: string; sent: number; total: number }
  | { kind: 'job'; job: ImportJob };

export interface ImportJobState {
  step: ImportStep;
  /** the last failed request (upload, analyse, commit, discard, a poll); null when the last one succeeded */
  error: ApiError | null;
  /** the preview features of the current analysis (null until loaded) */
  features: FeatureCollection | null;
  /** a request of the user (analyse, commit, discard) is on its way */
  pending: boolean;
  /** changes with every finished analysis (the preview table reloads) */
  analysisKey: string;
  start: (layer: ImportLayer, file: File, options: UploadOptions) => void;
  cancelUpload: () => void;
  analyse: (options: ImportOptions) => void;
  commit: (skipRejected: boolean) => void;
  discard: () => void;
  /** forget a finished (committed / discarded) job and start over */
  reset: () => void;
}

/** onCommitted: the layer whose data changed (the map and lists reload it). */
export function useImportJob(onCommitted: (layer: ImportLayer) => void): ImportJobState {
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });
  const [error, setError] = useState<ApiError | null>(null);
  const [features, setFeatures] = useState<FeatureCollection | null>(null);
  const [pending, setPending] = useState(false);
  // bumped by every analysis so the features are fetched again even when the counts did not change
  const [analysisRev, setAnalysisRev] = useState(0);
  const upload = useRef<{ abort: () => void } | null>(null);
  const job = step.kind === 'job' ? step.job : null;
  usePolling(job, setStep, setError);
  useFeatures(job, analysisRev, setFeatures, setError);
  useCommitted(job, onCommitted);

  const start = useCallback((layer: ImportLayer, file: File, options: UploadOptions) => {
    setError(null);
    setFeatures(null);
    setStep({ kind: 'uploading', fileName: file.name, sent: 0, total: file.size });
    const u = uploadImport(layer, file, options, (sent, total) =>
      setStep((s) => (s.kind === 'uploading' ? { ...s, sent, total } : s)));
    upload.current = u;
    u.done.then(
      (j) => setStep({ kind: 'job', job: j }),
      (err: ApiError) => {
        setStep({ kind: 'idle' });
        if (err.code !== 'aborted') setError(err);
      },
    ).finally(() => { upload.current = null; });
  }, []);
  const cancelUpload = useCallback(() => upload.current?.abort(), []);

  const run = useCallback((action: () => Promise<ImportJob | null>) => {
    setPending(true);
    setError(null);
    action().then(
      (j) => setStep(j ? { kind: 'job', job: j } : { kind: 'idle' }),
      (err: ApiError) => setError(err),
    ).finally(() => setPending(false));
  }, []);
  const id = job?.id ?? null;
  const analyse = useCallback((options: ImportOptions) => {
    if (!id) return;
    setFeatures(null);
    // the new analysis's features are fetched when it is ready, not the old ones meanwhile
    run(() => analyseImport(id, options).then((j) => { setAnalysisRev((r) => r + 1); return j; }));
  }, [id, run]);
  const commit = useCallback((skipRejected: boolean) => {
    if (id) run(() => commitImport(id, { skipRejected }));
  }, [id, run]);
  const discard = useCallback(() => {
    setFeatures(null);
    if (id) run(() => discardImport(id).then(() => null));
    else setStep({ kind: 'idle' });
  }, [id, run]);
  const reset = useCallback(() => {
    setStep({ kind: 'idle' });
    setFeatures(null);
    setError(null);
  }, []);
  const analysisKey = job ? `${job.id}:${analysisRev}:${job.state}` : '';
  return { step, error, features, pending, analysisKey, start, cancelUpload, analyse, commit, discard, reset };
}

/** While the job is busy, fetch it again every POLL_MS (2 s more after a failed poll, showing the error). */
function usePolling(job: ImportJob | null, setStep: (s: ImportStep) => void, setError: (e: ApiError | null) => void) {
  useEffect(() => {
    if (!job || !isBusy(job.state)) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      fetchImportJob(job.id, ctl.signal).then(
        (next) => { setError(null); setStep({ kind: 'job', job: next }); },
        (err: ApiError) => {
          if (ctl.signal.aborted) return;
          setError(err);
          // the same job object again after a pause: the effect runs once more
          setTimeout(() => !ctl.signal.aborted && setStep({ kind: 'job', job: { ...job } }), 2000);
        },
      );
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [job, setStep, setError]);
}

/** Loads the preview features once per ready analysis. */
function useFeatures(job: ImportJob | null, rev: number, setFeatures: (f: FeatureCollection | null) => void, setError: (e: ApiError) => void) {
  const readyKey = job?.state === 'ready' ? `${job.id}:${rev}` : null;
  const id = job?.id;
  useEffect(() => {
    if (!readyKey || !id) return;
    const ctl = new AbortController();
    fetchImportFeatures(id, ctl.signal).then(
      (fc) => !ctl.signal.aborted && setFeatures(fc),
      (err: ApiError) => !ctl.signal.aborted && err.name !== 'AbortError' && setError(err),
    );
    return () => ctl.abort();
  }, [readyKey, id, setFeatures, setError]);
}

/** Calls onCommitted once when the job reaches 'committed'. */
function useCommitted(job: ImportJob | null, onCommitted: (layer: ImportLayer) => void) {
  const notified = useRef<string | null>(null);
  const cb = useRef(onCommitted);
  cb.current = onCommitted;
  useEffect(() => {
    if (job?.state === 'committed' && notified.current !== job.id) {
      notified.current = job.id;
      cb.current(job.layer);
    }
  }, [job]);
}
