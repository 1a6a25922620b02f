/** The audit log for admins and leadership: filter by table, actor and dates, newest first, page by page. */
import { useEffect, useState } from 'react';
import type { AuditPage } from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/use-i18n';
import { fetchAudit } from './admin-api';

const PAGE_SIZE = 50;
const ENTITIES = ['', 'parcel', 'party', 'land_right', 'certificate', 'backlog_case', 'plan_project', 'clearance_record',
  'lease_contract', 'app_user', 'user_role'];

export function AuditBrowser() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState({ entity: '', actor: '', from: '', to: '' });
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AuditPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchAudit({ ...filter, page, pageSize: PAGE_SIZE }).then(
      (d) => live && (setData(d), setError(null)),
      (err) => live && setError(err instanceof ApiError ? err.message : String(err)),
    );
    return () => { live = false; };
  }, [filter, page]);
  const set = (k: keyof typeof filter) => (e: { target: { value: string } }) => { setFilter({ ...filter, [k]: e.target.value }); setPage(1); };
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <section className="admin-screen" data-testid="audit-browser">
      <h2>{t('audit.title')}</h2>
      <div className="admin-form audit-filters">
        <label>{t('audit.entity')}
          <select value={filter.entity} onChange={set('entity')}>
            {ENTITIES.map((e) => <option key={e} value={e}>{e || t('audit.all')}</option>)}
          </select>
        </label>
        <label>{t('audit.actor')}<input value={filter.actor} onChange={set('actor')} /></label>
        <label>{t('audit.from')}<input type="date" value={filter.from} onChange={set('from')} /></label>
        <label>{t('audit.to')}<input type="date" value={filter.to} onChange={set('to')} /></label>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {data && (
        <>
          <table className="data-table audit-table">
            <thead><tr><th>{t('audit.at')}</th><th>{t('audit.actor')}</th><th>{t('audit.action')}</th><th>{t('audit.entity')}</th><th>{t('audit.change')}</th></tr></thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.at).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</td>
                  <td>{e.actor}</td>
                  <td>{e.action}</td>
                  <td>{e.entity}{e.entityId ? ` #${e.entityId}` : ''}</td>
                  <td className="audit-change"><code>{JSON.stringify(e.before ?? {})}</code> → <code>{JSON.stringify(e.after ?? {})}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>‹</button>
            <span>{t('audit.page', { page, pages, total: data.total })}</span>
            <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>›</button>
          </div>
        </>
      )}
    </section>
  );
}
