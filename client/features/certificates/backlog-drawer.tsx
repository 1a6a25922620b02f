/**
 * The backlog list under the map: the filtered register as a sortable, paged table (the same selection as the
 * map and the counts), CSV and Excel exports, and the progress tab.
 */
import { useState } from 'react';
import type { RegisterSort } from '../../../server/api/contract';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n/use-i18n';
import { DemoBadge } from '../layers/demo-badge';
import { exportUrl } from './certificates-api';
import { ProgressChart } from './progress-chart';
import { PAGE_SIZE, type CertificatesState } from './use-certificates';

const COLUMNS: { key: RegisterSort | null; label: MessageKey }[] = [
  { key: 'key', label: 'cert.col.key' },
  { key: 'landUse', label: 'field.landUseCode' },
  { key: 'area', label: 'field.legalAreaM2' },
  { key: 'group', label: 'field.residentialGroup' },
  { key: 'status', label: 'field.certStatus' },
  { key: 'reason', label: 'field.backlogReason' },
  { key: 'openedAt', label: 'cert.col.openedAt' },
  { key: null, label: 'cert.col.certificate' },
];

export interface BacklogDrawerProps {
  state: CertificatesState;
  onOpenParcel: (id: number) => void;
  onClose: () => void;
}

export function BacklogDrawer({ state, onOpenParcel, onClose }: BacklogDrawerProps) {
  const { t, tryT, lang } = useI18n();
  const [tab, setTab] = useState<'list' | 'progress'>('list');
  const { data, sort, dir, page } = state;
  const pages = data ? Math.max(1, Math.ceil(data.counts.total / PAGE_SIZE)) : 1;
  const num = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  return (
    <section className="backlog-drawer" data-testid="backlog-drawer" aria-label={t('cert.list.title')}>
      <header className="backlog-header">
        <nav className="backlog-tabs">
          <button type="button" aria-pressed={tab === 'list'} onClick={() => setTab('list')}>{t('cert.list.title')}</button>
          <button type="button" aria-pressed={tab === 'progress'} data-testid="cert-tab-progress" onClick={() => setTab('progress')}>{t('cert.progress.title')}</button>
        </nav>
        <DemoBadge />
        {tab === 'list' && (
          <span className="backlog-exports">
            <a href={exportUrl(state.filter, 'csv', sort, dir)} data-testid="cert-export-csv" download>{t('cert.export.csv')}</a>
            <a href={exportUrl(state.filter, 'xlsx', sort, dir)} data-testid="cert-export-xlsx" download>{t('cert.export.xlsx')}</a>
          </span>
        )}
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('details.close')}>×</button>
      </header>
      {tab === 'progress' ? <ProgressChart revision={state.revision} /> : (
        <div className="backlog-body">
          <table className="backlog-table" data-testid="backlog-table" aria-busy={state.loading}>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.label} aria-sort={c.key && c.key === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {c.key ? (
                      <button type="button" className="link-button" data-testid={`cert-sort-${c.key}`} onClick={() => state.setSort(c.key!)}>
                        {t(c.label)}{c.key === sort ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
                      </button>
                    ) : t(c.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data?.rows.map((r) => (
                <tr key={r.id} data-parcel-id={r.id} onClick={() => onOpenParcel(r.id)} className="clickable">
                  <td>{tryT(`formerUnit.${r.formerUnit}`)} {r.mapSheetNo}/{r.parcelNo}</td>
                  <td>{r.landUseCode}</td>
                  <td className="num">{num.format(r.legalAreaM2)}</td>
                  <td>{r.residentialGroup ?? '—'}</td>
                  <td>{tryT(`certStatus.${r.certStatus}`)}</td>
                  <td>{r.backlogReason ? tryT(`backlogReason.${r.backlogReason}`) : '—'}</td>
                  <td>{r.openedAt ?? '—'}</td>
                  <td>{r.serials ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="backlog-pager">
            <button type="button" disabled={page <= 1} onClick={() => state.setPage(page - 1)}>‹</button>
            <span data-testid="cert-page">{t('cert.list.page', { page, pages, total: num.format(data?.counts.total ?? 0) })}</span>
            <button type="button" disabled={page >= pages} onClick={() => state.setPage(page + 1)}>›</button>
          </div>
        </div>
      )}
    </section>
  );
}
