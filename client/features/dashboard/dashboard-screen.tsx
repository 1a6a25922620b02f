/**
 * The leadership dashboard: clearance progress of every project (An Phụ cluster first), the certificate backlog
 * against its deadline, and the report's figures beside the live ones. Printable on one page (styles.css @media print).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Dashboard, Stats } from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/use-i18n';
import { DemoBadge } from '../layers/demo-badge';
import { fetchDashboard, fetchStats } from '../clearance/clearance-api';
import { ClearanceSection } from './clearance-section';
import { BacklogSection, FiguresSection } from './figures-section';
import { formatDate } from './format';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; dashboard: Dashboard; stats: Stats };

export function DashboardScreen() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback((signal?: AbortSignal) => {
    setState({ status: 'loading' });
    Promise.all([fetchDashboard(signal), fetchStats(signal)]).then(
      ([dashboard, stats]) => setState({ status: 'ready', dashboard, stats }),
      (err) => {
        if ((err as Error).name !== 'AbortError') setState({ status: 'error', message: err instanceof ApiError ? err.message : String(err) });
      },
    );
  }, []);
  useEffect(() => {
    const ctl = new AbortController();
    load(ctl.signal);
    return () => ctl.abort();
  }, [load]);

  if (state.status === 'loading') return <p className="state-message" role="status">{t('dash.loading')}</p>;
  if (state.status === 'error') {
    return (
      <div className="state-message state-error" role="alert" data-testid="dashboard-error">
        <p>{t('error.server', { message: state.message })}</p>
        <button type="button" onClick={() => load()}>{t('error.retry')}</button>
      </div>
    );
  }
  const { dashboard: d, stats } = state;
  return (
    <article className="dashboard" data-testid="dashboard">
      <header className="dashboard-head">
        <div>
          <h2>{t('dash.title')}</h2>
          <p className="dashboard-date" data-testid="dashboard-date">
            {t('dash.asOf', { date: formatDate(d.generatedAt), time: new Date(d.generatedAt).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }) })}
            {d.demoData && <> <DemoBadge /></>}
          </p>
        </div>
        <button type="button" className="no-print" data-testid="dashboard-print" onClick={() => window.print()}>{t('dash.print')}</button>
      </header>
      <ClearanceSection dashboard={d} stats={stats} />
      <BacklogSection backlog={d.backlog} stats={stats} />
      <FiguresSection stats={stats} />
      <footer className="dashboard-sources">{t('dash.sources')}</footer>
    </article>
  );
}
