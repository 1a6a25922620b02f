/**
 * The preview table: the file's features one per row (where in the file, key, what happens, why, mapped area
 * in m² EPSG:9209, PostGIS's validity detail), filtered by action or warning and paged on the server.
 */
import { useEffect, useState } from 'react';

import type { ImportAction, ImportRowPage } from '../../../server/api/contract';
import type { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/use-i18n';
import { fetchImportRows, type RowFilter } from './imports-api';
import { displayKey, reasonKey, warningKey } from './import-text';

export const ROWS_PAGE = 50;

/** '' all · an action · 'warned' the rows with a warning. */
export type RowView = '' | ImportAction | 'warned';

export interface ImportRowsProps {
  jobId: string;
  /** changes whenever the analysis changes: the page is fetched again */
  analysisKey: string;
  view: RowView;
  onView: (v: RowView) => void;
  selectedSeq: number | null;
  onSelect: (seq: number) => void;
}

export function ImportRows({ jobId, analysisKey, view, onView, selectedSeq, onSelect }: ImportRowsProps) {
  const { t, tryT, lang } = useI18n();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<ImportRowPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => setOffset(0), [view, analysisKey]);
  useEffect(() => {
    const ctl = new AbortController();
    const filter: RowFilter = { offset, limit: ROWS_PAGE, ...(view === 'warned' ? { warned: true } : view ? { action: view } : {}) };
    setError(null);
    fetchImportRows(jobId, filter, ctl.signal).then(
      (p) => !ctl.signal.aborted && setPage(p),
      (err: ApiError) => !ctl.signal.aborted && err.name !== 'AbortError' && setError(err),
    );
    return () => ctl.abort();
  }, [jobId, analysisKey, view, offset]);
  useJumpToSelected(selectedSeq, page, view, onView, setOffset);
  const num = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  const total = page?.total ?? 0;
  return (
    <section className="imp-rows" aria-label={t('imp.rows')}>
      <div className="imp-rows-bar">
        <label>
          {t('imp.rows.show')}{' '}
          <select data-testid="imp-row-filter" value={view} onChange={(e) => onView(e.target.value as RowView)}>
            <option value="">{t('imp.rows.all')}</option>
            {(['add', 'update', 'unchanged', 'reject'] as const).map((a) => <option key={a} value={a}>{t(`imp.action.${a}`)}</option>)}
            <option value="warned">{t('imp.rows.warned')}</option>
          </select>
        </label>
        <span className="imp-pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - ROWS_PAGE))} aria-label={t('imp.rows.prev')}>‹</button>
          {t('imp.rows.range', { from: total ? offset + 1 : 0, to: Math.min(total, offset + ROWS_PAGE), total })}
          <button type="button" disabled={offset + ROWS_PAGE >= total} onClick={() => setOffset(offset + ROWS_PAGE)} aria-label={t('imp.rows.next')}>›</button>
        </span>
      </div>
      {error && <p className="imp-error" role="alert">{t('error.server', { message: error.message })}</p>}
      <table className="imp-table" data-testid="imp-rows" aria-busy={!page}>
        <thead>
          <tr>
            <th>{t('imp.col.ref')}</th><th>{t('imp.col.key')}</th><th>{t('imp.col.action')}</th>
            <th>{t('imp.col.why')}</th><th className="num">{t('imp.col.area')}</th>
          </tr>
        </thead>
        <tbody>
          {page?.rows.map((r) => (
            <tr key={r.seq} data-seq={r.seq} className={`imp-act-${r.action}${r.seq === selectedSeq ? ' is-selected' : ''}`} onClick={() => onSelect(r.seq)}>
              <td>{r.sourceRef}</td>
              <td>{r.key ? displayKey(r.key, (id) => tryT(`formerUnit.${id}`)) : '—'}{r.label ? <small> · {r.label}</small> : null}</td>
              <td><span className={`imp-chip imp-chip-${r.action}`}>{t(`imp.action.${r.action}`)}</span></td>
              <td>
                {r.reasons.map((c) => <div key={c} className="imp-why-reject">{t(reasonKey(c))}</div>)}
                {r.warnings.map((c) => <div key={c} className="imp-why-warn">{t(warningKey(c))}</div>)}
                {r.detail && <div className="imp-detail">{r.detail}</div>}
              </td>
              <td className="num">{r.mappedArea === null ? '—' : num.format(r.mappedArea)}</td>
            </tr>
          ))}
          {page && page.rows.length === 0 && <tr><td colSpan={5} className="imp-empty">{t('imp.rows.none')}</td></tr>}
        </tbody>
      </table>
    </section>
  );
}

/**
 * A feature picked on the map shows its row: rows come in file order and `seq` counts from 1 without gaps, so
 * in the unfiltered list its page is known; under a filter that hides it, the filter is dropped first.
 */
function useJumpToSelected(seq: number | null, page: ImportRowPage | null, view: RowView, onView: (v: RowView) => void, setOffset: (o: number) => void) {
  useEffect(() => {
    if (seq === null || !page) return;
    const row = document.querySelector(`.imp-table tr[data-seq="${seq}"]`);
    if (row) {
      row.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (view !== '') onView('');
    else setOffset(Math.floor((seq - 1) / ROWS_PAGE) * ROWS_PAGE);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq, page]);
}


