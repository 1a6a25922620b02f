/**
 * "Nhập dữ liệu" (issue 8): a drawer over the map, so the preview stays visible next to it. Steps: choose the
 * layer, the file and its CRS → upload (bytes) → the server reads and checks it (progress by phase) → preview
 * (import-preview.tsx) → commit → result. A failed analysis keeps the upload: change the options and retry.
 */
import { useRef, useState } from 'react';
import type { ImportJob, ImportLayer } from '../../../server/api/contract';
import type { ApiError } from '../../api/client';
import type { I18n } from '../../i18n/use-i18n';
import { useI18n } from '../../i18n/use-i18n';
import { OptionsFields } from './import-options';
import { ImportPreviewView, ReanalyseForm } from './import-preview';
import { DEFAULT_FORM, displayKey, formatBytes, formOfJob, IMPORT_ACCEPT, isBusy, optionsOfForm, phaseKey, progressFraction } from './import-text';
import type { ImportJobState } from './use-import-job';
import type { ImportWorkspace } from './use-import-workspace';

export interface ImportDialogProps {
  state: ImportJobState;
  /** the layers the signed-in user may import into */
  layers: ImportLayer[];
  selectedSeq: number | null;
  onSelect: (seq: number) => void;
  onClose: () => void;
}

/** The sidebar entry "Nhập dữ liệu…", for users who may import into at least one layer. */
export function ImportEntry({ ws }: { ws: ImportWorkspace }) {
  const { t } = useI18n();
  if (ws.layers.length === 0) return null;
  return (
    <button type="button" className="imp-entry" data-testid="import-open" aria-expanded={ws.open} onClick={() => ws.setOpen(true)}>
      {t('imp.open')}
    </button>
  );
}

export function ImportDialog({ state, layers, selectedSeq, onSelect, onClose }: ImportDialogProps) {
  const { t } = useI18n();
  const { step } = state;
  const job = step.kind === 'job' ? step.job : null;
  return (
    <section className="imp-drawer" data-testid="import-dialog" aria-label={t('imp.title')}>
      <header className="imp-header">
        <h2>{t('imp.title')}</h2>
        {job && <span className="imp-file" title={job.fileName}>{job.fileName} · {formatBytes(job.sizeBytes, t('imp.locale'))}</span>}
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('details.close')}>×</button>
      </header>
      <div className="imp-body">
        {job?.state === 'ready' && selectedSeq !== null && <SelectedFeature state={state} seq={selectedSeq} />}
        {state.error && <ErrorNote error={state.error} job={job} state={state} />}
        {step.kind === 'idle' && <UploadForm state={state} layers={layers} />}
        {step.kind === 'uploading' && (
          <ProgressBlock label={t('imp.uploading')} fraction={step.total ? step.sent / step.total : null}
            detail={`${formatBytes(step.sent, t('imp.locale'))} / ${formatBytes(step.total, t('imp.locale'))}`}
            onCancel={state.cancelUpload} />
        )}
        {job && <JobView job={job} state={state} selectedSeq={selectedSeq} onSelect={onSelect} analysisKey={state.analysisKey} onClose={onClose} />}
      </div>
    </section>
  );
}

function JobView({ job, state, selectedSeq, onSelect, analysisKey, onClose }: {
  job: ImportJob; state: ImportJobState; selectedSeq: number | null; onSelect: (seq: number) => void; analysisKey: string; onClose: () => void;
}) {
  const { t } = useI18n();
  if (isBusy(job.state)) {
    const p = job.progress;
    const fraction = progressFraction(p);
    const unit = p?.unit === 'bytes' ? (n: number) => formatBytes(n, t('imp.locale')) : (n: number) => String(n);
    const detail = p ? (p.total === null ? unit(p.done) : `${unit(p.done)} / ${unit(p.total)}`) : '';
    return <ProgressBlock label={t(phaseKey(p?.phase ?? (job.state as 'reading')))} fraction={fraction} detail={detail} />;
  }
  if (job.state === 'failed') {
    return (
      <div className="imp-failed" data-testid="imp-failed">
        <p className="imp-error" role="alert">{job.error?.message ?? t('imp.failed')}</p>
        <p className="imp-hint">{t('imp.failedHint')}</p>
        <ReanalyseForm key={job.id} job={job} state={state} open />
        <button type="button" data-testid="imp-discard" onClick={state.discard} disabled={state.pending}>{t('imp.discard')}</button>
      </div>
    );
  }
  if (job.state === 'committed') {
    const c = job.counts;
    return (
      <div className="imp-done" data-testid="imp-committed" role="status">
        <p>{t('imp.committed', { add: c?.add ?? 0, update: c?.update ?? 0 })}</p>
        <button type="button" onClick={state.reset}>{t('imp.another')}</button>
        <button type="button" onClick={onClose}>{t('details.close')}</button>
      </div>
    );
  }
  if (job.state === 'discarded') return <p className="imp-hint">{t('imp.discarded')}</p>;
  // a commit that failed in the background (stale preview, database error) brings the job back here, with why
  return (
    <>
      {job.error && !state.error && <ErrorNote error={job.error} job={job} state={state} />}
      <ImportPreviewView key={job.id} job={job} state={state} selectedSeq={selectedSeq} onSelect={onSelect} analysisKey={analysisKey} />
    </>
  );
}

/** A progress bar: determinate with a fraction, indeterminate (animated) when the total is unknown. */
function ProgressBlock({ label, fraction, detail, onCancel }: { label: string; fraction: number | null; detail: string; onCancel?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="imp-progress" data-testid="imp-progress" role="status">
      <p>{label}</p>
      <progress max={1} value={fraction ?? undefined} aria-label={label} />
      <p className="imp-hint">{fraction !== null ? `${Math.round(fraction * 100)} % · ` : ''}{detail}</p>
      {onCancel && <button type="button" onClick={onCancel}>{t('imp.cancel')}</button>}
    </div>
  );
}

function UploadForm({ state, layers }: { state: ImportJobState; layers: ImportLayer[] }) {
  const { t } = useI18n();
  const [layer, setLayer] = useState<ImportLayer>(layers[0] ?? 'parcels');
  const [form, setForm] = useState(DEFAULT_FORM);
  const [invalid, setInvalid] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const submit = (ev: React.FormEvent) => {
    ev.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setInvalid(t('imp.form.file'));
    const check = optionsOfForm(form);
    if (!check.valid) return setInvalid(t(check.reason));
    setInvalid(null);
    const { mapping: _none, ...options } = check.options;
    state.start(layer, file, options);
  };
  return (
    <form className="imp-upload" data-testid="imp-upload" onSubmit={submit}>
      <label className="imp-field">
        <span>{t('imp.layer')}</span>
        <select data-testid="imp-layer" value={layer} onChange={(e) => setLayer(e.target.value as ImportLayer)}>
          {layers.map((l) => <option key={l} value={l}>{t(`imp.layer.${l}`)}</option>)}
        </select>
      </label>
      <label className="imp-field">
        <span>{t('imp.file')}</span>
        <input ref={fileInput} data-testid="imp-file" type="file" accept={IMPORT_ACCEPT} />
      </label>
      <p className="imp-hint">{t('imp.formats')}</p>
      <OptionsFields layer={layer} form={form} onChange={setForm} />
      {invalid && <p className="imp-error" role="alert">{invalid}</p>}
      <button type="submit" className="imp-primary" data-testid="imp-start">{t('imp.start')}</button>
    </form>
  );
}

/** The last failed request, in words; a stale preview offers to check again with the same options. */
function ErrorNote({ error, job, state }: { error: Pick<ApiError, 'code' | 'message'>; job: ImportJob | null; state: ImportJobState }) {
  const { t, tryT } = useI18n();
  const known = tryT(`imp.error.${error.code}`);
  return (
    <div className="imp-error" role="alert" data-testid="imp-error">
      <p>{known ?? errorText(error, t)}</p>
      {error.code === 'import_stale' && job && (
        <button type="button" data-testid="imp-recheck" disabled={state.pending} onClick={() => {
          const check = optionsOfForm(formOfJob(job), job.mapping);
          if (check.valid) state.analyse(check.options);
        }}>{t('imp.recheck')}</button>
      )}
    </div>
  );
}

function errorText(error: Pick<ApiError, 'code' | 'message'>, t: I18n['t']): string {
  return error.code === 'network' ? t('error.network') : t('error.server', { message: error.message });
}


/** The feature picked on the map (or in the table), from the preview's properties. */
function SelectedFeature({ state, seq }: { state: ImportJobState; seq: number }) {
  const { t, tryT } = useI18n();
  const f = state.features?.features.find((x) => Number(x.properties?.seq) === seq);
  if (!f?.properties) return null;
  const p = f.properties as { key?: string | null; action?: string; reasons?: unknown; warnings?: unknown };
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v.startsWith('[') ? JSON.parse(v) as string[] : []);
  return (
    <div className={`imp-selected imp-act-${p.action}`} data-testid="imp-selected">
      <strong>{p.key ? displayKey(p.key, (id) => tryT(`formerUnit.${id}`)) : '—'}</strong> · {tryT(`imp.action.${p.action}`) ?? p.action}
      {list(p.reasons).map((c) => <div key={c} className="imp-why-reject">{tryT(`imp.reason.${c}`) ?? c}</div>)}
      {list(p.warnings).map((c) => <div key={c} className="imp-why-warn">{tryT(`imp.warning.${c}`) ?? c}</div>)}
      <span className="imp-hint">{t('imp.selectedHint')}</span>
    </div>
  );
}
