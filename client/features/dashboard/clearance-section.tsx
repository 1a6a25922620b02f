/** The dashboard's clearance part: the An Phụ cluster card, every project's progress, handovers per month, obstacles. */
import type { Dashboard, ProjectClearance, Stats } from '../../../server/api/contract';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n/use-i18n';
import { clearancePalette } from '../../map/palette';
import { BarChart, ColumnChart, ProgressBar } from './charts';
import { formatBillionVnd, formatHa, formatMonth, formatNumber, formatPct } from './format';

export function ClearanceSection({ dashboard: d, stats }: { dashboard: Dashboard; stats: Stats }) {
  const { t } = useI18n();
  const cluster = d.projects.find((p) => p.isAnPhuCluster);
  const withRecords = d.projects.filter((p) => p.total.parcels > 0);
  const without = d.projects.filter((p) => p.total.parcels === 0);
  const report = stats.figures.find((f) => f.id === 'an_phu_cluster_clearance_pct')?.report_value ?? null;
  return (
    <section className="dash-section" aria-labelledby="dash-clearance">
      <h3 id="dash-clearance">{t('dash.clearance')}</h3>
      {cluster && <ClusterCard p={cluster} report={report} />}
      <ProjectTable projects={withRecords} />
      {without.length > 0 && (
        <p className="dash-muted" data-testid="projects-without-records">
          {t('dash.noRecords', { n: without.length, names: without.map((p) => p.code).join(', ') })}
        </p>
      )}
      <div className="dash-charts">
        <HandoverChart dashboard={d} />
        <ObstacleChart dashboard={d} />
      </div>
    </section>
  );
}

function ClusterCard({ p, report }: { p: ProjectClearance; report: number | null }) {
  const { t, lang } = useI18n();
  return (
    <div className="cluster-card" data-testid="cluster-card">
      <h4>{p.name} <span className="dash-muted">({p.code})</span></h4>
      <div className="cluster-figures">
        <div>
          <span className="big-figure" data-testid="cluster-area-pct">{formatPct(p.areaPct, lang)}</span><span className="big-unit">%</span>
          <div>{t('dash.byArea')}: {t('dash.areaOf', { done: formatHa(p.handedOver.areaM2, lang), total: formatHa(p.total.areaM2, lang) })}</div>
        </div>
        <div>
          <span className="big-figure" data-testid="cluster-households-pct">{formatPct(p.householdsPct, lang)}</span><span className="big-unit">%</span>
          <div>{t('dash.byHouseholds')}: {t('dash.householdsOf', { done: p.handedOver.households, total: p.total.households })}</div>
        </div>
        <div className="cluster-side">
          {report !== null && <div>{t('dash.reportSays', { value: formatPct(report, lang) })}</div>}
          <div className="stuck-text">{t('dash.stuckSummary', { parcels: p.stuck.parcels, households: p.stuck.households, ha: formatHa(p.stuck.areaM2, lang) })}</div>
        </div>
      </div>
    </div>
  );
}

function ProjectTable({ projects }: { projects: ProjectClearance[] }) {
  const { t, lang } = useI18n();
  return (
    <table className="data-table dash-table" data-testid="project-progress">
      <thead>
        <tr>
          <th>{t('dash.col.project')}</th><th>{t('dash.col.area')}</th><th>{t('dash.col.households')}</th>
          <th>{t('dash.col.stuck')}</th><th>{t('dash.col.compensation')}</th>
        </tr>
      </thead>
      <tbody>
        {projects.map((p) => (
          <tr key={p.projectId} data-project-code={p.code}>
            <td><strong>{p.code}</strong> {p.name}</td>
            <td><ProgressBar pct={p.areaPct} label={`${formatPct(p.areaPct, lang)}% · ${formatHa(p.handedOver.areaM2, lang)}/${formatHa(p.total.areaM2, lang)} ha`} /></td>
            <td><ProgressBar pct={p.householdsPct} label={`${formatPct(p.householdsPct, lang)}% · ${p.handedOver.households}/${p.total.households} ${t('dash.hh')}`} /></td>
            <td className={p.stuck.parcels > 0 ? 'stuck-text' : undefined}>{t('dash.stuckCell', { parcels: p.stuck.parcels, households: p.stuck.households })}</td>
            <td>{formatBillionVnd(p.compensationVnd, lang)} {t('dash.billion')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HandoverChart({ dashboard: d }: { dashboard: Dashboard }) {
  const { t, lang } = useI18n();
  const cols = d.handoverByMonth.map((m) => ({
    key: m.month,
    label: formatMonth(m.month),
    total: formatNumber(m.areaM2 / 10_000, lang, 2),
    parts: [
      { value: m.clusterAreaM2, color: clearancePalette.step.handed_over },
      { value: m.areaM2 - m.clusterAreaM2, color: clearancePalette.step.compensated },
    ],
  }));
  return (
    <figure className="dash-figure" data-testid="handover-chart">
      <figcaption>{t('dash.timeline')}</figcaption>
      <ColumnChart columns={cols} title={t('dash.timeline')} />
      <div className="chart-key">
        <span><i style={{ background: clearancePalette.step.handed_over }} />{t('dash.timelineCluster')}</span>
        <span><i style={{ background: clearancePalette.step.compensated }} />{t('dash.timelineOther')}</span>
      </div>
    </figure>
  );
}

function ObstacleChart({ dashboard: d }: { dashboard: Dashboard }) {
  const { t, lang } = useI18n();
  const bars = d.obstacles.map((o) => ({
    key: o.obstacle,
    label: t(`obstacle.${o.obstacle}` as MessageKey),
    value: o.parcels,
    note: t('dash.obstacleRow', { parcels: o.parcels, households: o.households, ha: formatHa(o.areaM2, lang) }),
  }));
  return (
    <figure className="dash-figure" data-testid="obstacle-chart">
      <figcaption>{t('dash.obstacles')}</figcaption>
      <BarChart bars={bars} title={t('dash.obstacles')} />
    </figure>
  );
}
