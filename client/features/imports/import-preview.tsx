/**
 * The preview of an analysed file, before anything is written: the CRS used (and where it came from), the
 * options and field mapping (changing them analyses the same upload again), the counts, every reject reason
 * and warning explained with its count, the table, the rejections CSV, and the commit with its confirmation.
 */
import { useEffect, useState } from 'react';
import type { ImportJob } from '../../../server/api/contract';
import { useI18n } from '../../i18n/use-i18n';
import { rejectionsUrl } from './imports-api';
import { MappingFields, OptionsFields } from './import-options';
import { ImportRows, type RowView } from './import-rows';
import { formOfJob, optionsOfForm, reasonKey, warningKey } from './import-text';
import type { ImportJobState } from './use-import-job';

export interface ImportPreviewProps {
  job: ImportJob;
  state: ImportJobState;
  selectedSeq: number | null;
  onSelect: (seq: number) => void;
  analysisKey: string;
}

export function ImportPreviewView({ job, state, selectedSeq, onSelect, analysisKey }: ImportPreviewProps) {
  const { t } = useI18n();
  const [view, setView] = useState<RowView>('');
  const c = job.counts;
  return (
    <div className="imp-preview" data-testid="imp-preview">
      <CrsSummary job={job} />
      {c && (
        <ul className="imp-counts" data-testid="imp-counts">
          {(['add', 'update', 'unchanged', 'reject'] as const).map((a) => (
            <li key={a}>
              <button type="button" className={`imp-count imp-chip-${a}`} data-testid={`imp-count-${a}`} aria-pressed={view === a}
                onClick={() => setView(view === a ? '' : a)}>
                <strong>{c[a]}</strong> {t(`imp.action.${a}`)}
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="imp-count imp-chip-warned" data-testid="imp-count-warned" aria-pressed={view === 'warned'}
              onClick={() => setView(view === 'warned' ? '' : 'warned')}>
              <strong>{c.warned}</strong> {t('imp.rows.warned')}
            </button>
          </li>
        </ul>
      )}
      <Explanations job={job} />
      {job.reasons.length > 0 && (
        <a className="imp-link" href={rejectionsUrl(job.id)} download data-testid="imp-rejections-csv">{t('imp.rejectionsCsv')}</a>
      )}
      <ReanalyseForm job={job} state={state} />
      <ImportRows jobId={job.id} analysisKey={analysisKey} view={view} onView={setView} selectedSeq={selectedSeq} onSelect={onSelect} />
      <CommitBar job={job} state={state} />
    </div>
  );
}

function CrsSummary({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  return (
    <p className="imp-crs" data-testid="imp-crs-resolved">
      {t('imp.crs.used')}: <strong>{job.crs?.label ?? '—'}</strong>
      {job.crs && <span className="imp-crs-source"> ({t(`imp.crsSource.${job.crs.source}`)})</span>}
      {job.format && <span className="imp-format"> · {job.format.toUpperCase()}</span>}
    </p>
  );
}

/** Each reject reason and warning in plain words, with how many features it concerns. */
function Explanations({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  if (job.reasons.length === 0 && job.warnings.length === 0) return null;
  return (
    <div className="imp-explain" data-testid="imp-reasons">
      {job.reasons.length > 0 && <h3>{t('imp.reasons')}</h3>}
      <ul>
        {job.reasons.map((r) => <li key={r.code} className="imp-why-reject" data-code={r.code}><strong>{r.count}</strong> × {t(reasonKey(r.code))}</li>)}
      </ul>
      {job.warnings.length > 0 && <h3>{t('imp.warnings')}</h3>}
      <ul>
        {job.warnings.map((w) => <li key={w.code} className="imp-why-warn" data-code={w.code}><strong>{w.count}</strong> × {t(warningKey(w.code))}</li>)}
      </ul>
    </div>
  );
}

/** CRS, defaults and mapping; "Kiểm tra lại" analyses the uploaded file again with them. */
export function ReanalyseForm({ job, state, open: initiallyOpen = false }: { job: ImportJob; state: ImportJobState; open?: boolean }) {
  const { t } = useI18n();
  const [form, setForm] = useState(() => formOfJob(job));
  const [mapping, setMapping] = useState<Record<string, string | null>>(() => ({ ...job.mapping }));
  const [invalid, setInvalid] = useState<string | null>(null);
  const apply = () => {
    const check = optionsOfForm(form, job.fields.length ? mapping : undefined);
    if (!check.valid) return setInvalid(t(check.reason));
    setInvalid(null);
    state.analyse(check.options);
  };
  return (
    <details className="imp-reanalyse" open={initiallyOpen}>
      <summary>{t('imp.settings')}</summary>
      <OptionsFields layer={job.layer} form={form} onChange={setForm} disabled={state.pending} />
      {job.fields.length > 0 && <MappingFields layer={job.layer} fields={job.fields} mapping={mapping} onChange={setMapping} disabled={state.pending} />}
      {invalid && <p className="imp-error" role="alert">{invalid}</p>}
      <button type="button" data-testid="imp-reanalyse" disabled={state.pending} onClick={apply}>{t('imp.reanalyse')}</button>
    </details>
  );
}

/** Commit: refused while features are rejected unless the user chooses to skip them; confirmed with counts. */
function CommitBar({ job, state }: { job: ImportJob; state: ImportJobState }) {
  const { t } = useI18n();
  const [skip, setSkip] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // a refused commit (stale preview, rejections) ends the confirmation: the error above says what to do next
  useEffect(() => { if (state.error) setConfirming(false); }, [state.error]);
  const c = job.counts;
  if (!c) return null;
  const writes = c.add + c.update;
  const blocked = (c.reject > 0 && !skip) || writes === 0;
  return (
    <div className="imp-commit" data-testid="imp-commit-bar">
      {c.reject > 0 && (
        <label className="imp-skip">
          <input type="checkbox" data-testid="imp-skip" checked={skip} onChange={(e) => { setSkip(e.target.checked); setConfirming(false); }} />
          {t('imp.skipRejected', { n: c.reject })}
        </label>
      )}
      {blocked && <p className="imp-hint">{writes === 0 ? t('imp.nothingToWrite') : t('imp.blockedByRejects')}</p>}
      {confirming ? (
        <div className="imp-confirm" role="alertdialog" data-testid="imp-confirm">
          <p>{t('imp.confirmText', { add: c.add, update: c.update, skip: skip ? c.reject : 0 })}</p>
          <button type="button" className="imp-primary" data-testid="imp-confirm-yes" disabled={state.pending} onClick={() => state.commit(skip)}>{t('imp.confirmYes')}</button>
          <button type="button" onClick={() => setConfirming(false)}>{t('imp.back')}</button>
        </div>
      ) : (
        <div className="imp-actions">
          <button type="button" className="imp-primary" data-testid="imp-commit" disabled={blocked || state.pending} onClick={() => setConfirming(true)}>{t('imp.commit')}</button>
          <button type="button" data-testid="imp-discard" disabled={state.pending} onClick={state.discard}>{t('imp.discard')}</button>
        </div>
      )}
    </div>
  );
}
