/**
 * One project: name, type, decision, planned and mapped area, clearance progress, and what its footprint
 * touches (computed live by PostGIS): parcels with the overlapped area, area by land-use code, land users,
 * households and backlog parcels. Land users' names appear only when the server sent them (personal-data roles).
 * Planners edit the footprint and delete the project (./project-delete.tsx).
 */
import type { ProjectDetail, TouchedParcel } from '../../../server/api/contract';
import { useI18n } from '../../i18n/use-i18n';
import { landUseNames } from '../../i18n/land-use';
import { useAuth } from '../auth/use-auth';
import { DemoBadge } from '../layers/demo-badge';
import { ProjectDelete } from './project-delete';
import { formatHa, label } from './project-list';
import type { ProjectWorkspace } from './use-project-workspace';

const MAX_ROWS = 60;

function m2(v: number, lang: 'vi' | 'en'): string {
  return `${v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })} m²`;
}

function Facts({ d }: { d: ProjectDetail }) {
  const { t, tryT, lang } = useI18n();
  const p = d.project;
  const pr = d.progress;
  const pct = pr.clearanceParcels ? Math.round((100 * pr.handedOver) / pr.clearanceParcels) : 0;
  const rows: [string, string][] = [
    [t('proj.code'), p.code],
    [t('proj.type'), label(tryT, 'projectType', p.type)],
    [t('proj.status'), label(tryT, 'projectStatus', p.status)],
    [t('proj.decision'), [p.decisionNo, p.decisionDate].filter(Boolean).join(', ') || '—'],
    [t('field.formerUnit'), label(tryT, 'formerUnit', p.formerUnit)],
    [t('proj.plannedArea'), `${formatHa(p.plannedAreaHa, lang, 4)} ha`],
    [t('proj.mappedArea'), `${formatHa(p.mappedAreaHa, lang, 4)} ha`],
    [t('proj.progress'), pr.clearanceParcels ? t('proj.progressValue', { done: pr.handedOver, total: pr.clearanceParcels, pct }) : t('proj.noClearance')],
  ];
  return (
    <dl className="feature-props">
      {rows.map(([k, v]) => <div key={k} className="feature-row"><dt>{k}</dt><dd>{v}</dd></div>)}
    </dl>
  );
}

function Holders({ p }: { p: TouchedParcel }) {
  const { tryT } = useI18n();
  if (p.holders.length === 0) return <>—</>;
  return <>{p.holders.map((h) => h.partyName ?? label(tryT, 'partyKind', h.partyKind)).join('; ')}</>;
}

function Touches({ d }: { d: ProjectDetail }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const x = d.touches;
  const named = x.parcels.some((p) => p.holders.some((h) => h.partyName !== undefined));
  return (
    <section className="project-touches" data-testid="project-touches">
      <h3>{t('proj.touches')}</h3>
      <dl className="feature-props">
        <div className="feature-row"><dt>{t('proj.touchedParcels')}</dt><dd data-testid="touched-count">{x.parcels.length}</dd></div>
        <div className="feature-row"><dt>{t('proj.touchedArea')}</dt><dd>{m2(x.touchedAreaM2, lang)}</dd></div>
        <div className="feature-row"><dt>{t('proj.landUsers')}</dt><dd>{x.landUsers}</dd></div>
        <div className="feature-row"><dt>{t('proj.households')}</dt><dd>{x.households}</dd></div>
        <div className="feature-row"><dt>{t('proj.backlog')}</dt><dd>{x.backlogParcels}</dd></div>
      </dl>
      <h3>{t('proj.byLandUse')}</h3>
      <table className="data-table compact" data-testid="touched-by-land-use">
        <tbody>
          {x.byLandUse.map((u) => (
            <tr key={u.code}>
              <td><abbr title={landUseNames[u.code]?.[lang] ?? (lang === 'vi' ? u.nameVi : u.nameEn)}>{u.code}</abbr></td>
              <td>{landUseNames[u.code]?.[lang] ?? (lang === 'vi' ? u.nameVi : u.nameEn)}</td>
              <td className="num">{m2(u.areaM2, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('proj.parcels')}</h3>
      {!named && user !== undefined && <p className="muted">{t('proj.holdersHidden')}</p>}
      <table className="data-table compact" data-testid="touched-parcels">
        <thead>
          <tr><th>{t('proj.colParcel')}</th><th>{t('proj.colLandUse')}</th><th className="num">{t('proj.colInside')}</th><th className="num">{t('proj.colParcelArea')}</th><th>{t('proj.colHolders')}</th></tr>
        </thead>
        <tbody>
          {x.parcels.slice(0, MAX_ROWS).map((p) => (
            <tr key={p.parcelId} data-cert-status={p.certStatus}>
              <td>{p.mapSheetNo}/{p.parcelNo}</td>
              <td>{p.landUseCode}</td>
              <td className="num">{m2(p.intersectAreaM2, lang)}</td>
              <td className="num">{m2(p.parcelAreaM2, lang)}</td>
              <td><Holders p={p} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {x.parcels.length > MAX_ROWS && <p className="muted">{t('proj.moreParcels', { n: x.parcels.length - MAX_ROWS })}</p>}
    </section>
  );
}

/** onExport opens the export dialog on the parcels the footprint touches. */
export function ProjectPanel({ ws, onExport }: { ws: ProjectWorkspace; onExport?: () => void }) {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const detail = ws.detail;
  if (!detail) return null;
  const d = detail.status === 'ready' ? detail.data : null;
  return (
    <aside className="feature-panel project-panel" data-testid="project-panel" aria-labelledby="project-heading">
      <header className="feature-panel-header">
        <div>
          <div className="feature-layer">{t('proj.panel')}</div>
          <h2 id="project-heading">{d ? d.project.name : '…'}</h2>
        </div>
        <button type="button" className="icon-button" onClick={ws.close} aria-label={t('proj.close')} title={t('proj.close')}>×</button>
      </header>
      {detail.status === 'loading' && <p className="muted" role="status">{t('proj.loadingDetail')}</p>}
      {detail.status === 'error' && <p className="form-error" role="alert">{t('error.server', { message: detail.error.message })}</p>}
      {d && (
        <>
          <div className="feature-provenance">{d.project.demo && <DemoBadge />}</div>
          {hasRole('quy_hoach') && !ws.editor && (
            <button type="button" className="primary-button" data-testid="project-edit"
              onClick={() => ws.startEditor({ kind: 'edit', project: d.project, geometry: d.geometry })}>
              {t('proj.editFootprint')}
            </button>
          )}
          <Facts d={d} />
          <Touches d={d} />
          {onExport && d.touches.parcels.length > 0 && (
            <button type="button" data-testid="project-export" onClick={onExport}>{t('export.open')}</button>
          )}
          {hasRole('quy_hoach') && !ws.editor && (
            <ProjectDelete key={`${d.project.id}:${d.project.version}`} d={d} onDeleted={() => { ws.close(); ws.refresh(); }} />
          )}
        </>
      )}
    </aside>
  );
}
