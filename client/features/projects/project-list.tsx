/** The project list beside the map: filters (type, status, former unit), the plan summary, the list (flies to a project). */
import type { ProjectListQuery, ProjectSummary } from '../../../server/api/contract';
import { PROJECT_FORMER_UNITS, PROJECT_STATUSES, ProjectType } from '../../../server/api/contract';
import { useI18n, type I18n } from '../../i18n/use-i18n';
import { projectPalette } from '../../map/palette';
import { useAuth } from '../auth/use-auth';
import { DemoBadge } from '../layers/demo-badge';
import type { ProjectWorkspace } from './use-project-workspace';

/** The translated name of a vocabulary value, or the value itself when there is no translation. */
export function label(tryT: I18n['tryT'], prefix: string, value: string | null | undefined): string {
  if (!value) return '—';
  return tryT(`${prefix}.${value}`) ?? value;
}

export function formatHa(ha: number, lang: 'vi' | 'en', digits = 2): string {
  return ha.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function Filters({ query, onChange }: { query: ProjectListQuery; onChange: (q: ProjectListQuery) => void }) {
  const { t, tryT } = useI18n();
  const select = <K extends keyof ProjectListQuery>(key: K, title: string, values: readonly string[], prefix: string) => (
    <label className="project-filter">
      <span>{title}</span>
      <select data-testid={`project-filter-${key}`} value={query[key] ?? ''}
        onChange={(e) => onChange({ ...query, [key]: e.target.value || undefined })}>
        <option value="">{t('proj.all')}</option>
        {values.map((v) => <option key={v} value={v}>{label(tryT, prefix, v)}</option>)}
      </select>
    </label>
  );
  return (
    <div className="project-filters">
      {select('type', t('proj.filterType'), ProjectType.options, 'projectType')}
      {select('status', t('proj.filterStatus'), PROJECT_STATUSES, 'projectStatus')}
      {select('formerUnit', t('proj.filterUnit'), PROJECT_FORMER_UNITS, 'formerUnit')}
    </div>
  );
}

function Summary({ ws }: { ws: ProjectWorkspace }) {
  const { t, tryT, lang } = useI18n();
  if (ws.summary.status !== 'ready') return null;
  const s = ws.summary.data;
  return (
    <details className="plan-summary" data-testid="plan-summary">
      <summary>
        {t('proj.summaryTitle')}: <strong data-testid="plan-total">{formatHa(s.totalAreaHa, lang)} ha</strong>
        {s.demo && <DemoBadge />}
      </summary>
      <p>{t('proj.summaryTotal', { ha: formatHa(s.totalAreaHa, lang), n: s.projects })}</p>
      <h3>{t('proj.summaryByType')}</h3>
      <table className="data-table compact">
        <tbody>
          {s.byType.map((x) => (
            <tr key={x.type}><td>{label(tryT, 'projectType', x.type)}</td><td>{x.projects}</td><td className="num">{formatHa(x.areaHa, lang)} ha</td></tr>
          ))}
        </tbody>
      </table>
      <h3>{t('proj.summaryByUnit')}</h3>
      <table className="data-table compact">
        <tbody>
          {s.byFormerUnit.map((x) => (
            <tr key={x.formerUnit}><td>{label(tryT, 'formerUnit', x.formerUnit)}</td><td>{x.projects}</td><td className="num">{formatHa(x.areaHa, lang)} ha</td></tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Row({ p, selected, onOpen }: { p: ProjectSummary; selected: boolean; onOpen: () => void }) {
  const { tryT, lang } = useI18n();
  return (
    <li>
      <button type="button" className="project-row" aria-pressed={selected} data-testid={`project-row-${p.code}`} onClick={onOpen}>
        <span className="project-chip" style={{ background: projectPalette.type[p.type] ?? projectPalette.other }} aria-hidden />
        <span className="project-row-name">{p.name}</span>
        <span className="project-row-meta">{p.code} · {label(tryT, 'projectStatus', p.status)} · {formatHa(p.mappedAreaHa, lang)} ha</span>
      </button>
    </li>
  );
}

export function ProjectListPanel({ ws }: { ws: ProjectWorkspace }) {
  const { t, lang } = useI18n();
  const { hasRole } = useAuth();
  const list = ws.list;
  return (
    <section className="panel project-panel-list" aria-labelledby="projects-heading" data-testid="project-list">
      <h2 id="projects-heading">{t('proj.panel')}</h2>
      <Summary ws={ws} />
      <Filters query={ws.query} onChange={ws.setQuery} />
      {hasRole('quy_hoach') && !ws.editor && (
        <button type="button" className="primary-button" data-testid="project-new" onClick={() => ws.startEditor({ kind: 'new' })}>
          {t('proj.new')}
        </button>
      )}
      {list.status === 'loading' && <p className="muted" role="status">{t('proj.loading')}</p>}
      {list.status === 'error' && <p className="form-error" role="alert">{t('error.server', { message: list.error.message })}</p>}
      {list.status === 'ready' && (
        <>
          <p className="muted">{t('proj.count', { n: list.data.length, ha: formatHa(list.data.reduce((a, p) => a + p.mappedAreaHa, 0), lang) })}</p>
          {list.data.length === 0 && <p className="muted">{t('proj.empty')}</p>}
          <ul className="project-rows">
            {list.data.map((p) => <Row key={p.id} p={p} selected={ws.selectedId === p.id} onOpen={() => ws.open(p)} />)}
          </ul>
        </>
      )}
    </section>
  );
}
