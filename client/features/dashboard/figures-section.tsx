/** The dashboard's certificate backlog (against April 2026) and the report's land and planning figures beside the live ones. */
import type { DashboardBacklog, Stats, StatFigure } from '../../../server/api/contract';
import { useI18n } from '../../i18n/use-i18n';
import { ColumnChart, ProgressBar } from './charts';
import { difference, formatDate, formatMonth, formatNumber, formatPct } from './format';

/** Report sections about land and planning (intro, footnote 7: areas; §1.2: construction and clearance; §1.5: land). */
const LAND_SECTIONS = new Set(['intro', 'fn7', '1.2', '1.5']);
const LAND_EXTRA = new Set(['aquaculture_area_ha']);
/** In those sections but not about land or planning: population, housing and labour figures. */
const NOT_LAND = /^(population_|new_houses|building_permits|construction_labour)/;

/** The figures the dashboard compares: land and planning ones that have a number in the report or in the data. */
export function landFigures(stats: Stats): StatFigure[] {
  return stats.figures.filter((f) => (LAND_SECTIONS.has(f.section) || LAND_EXTRA.has(f.id)) && !NOT_LAND.test(f.id)
    && (f.report_value !== null || f.live_value !== null));
}

export function BacklogSection({ backlog: b, stats }: { backlog: DashboardBacklog; stats: Stats }) {
  const { t, lang } = useI18n();
  const report = stats.figures.find((f) => f.id === 'first_cert_backlog')?.report_value ?? null;
  const pace = b.open === 0
    ? t('dash.backlogDone')
    : b.monthsLeft > 0 && b.neededPerMonth !== null
      ? t('dash.backlogPace', { months: b.monthsLeft, n: formatNumber(b.neededPerMonth, lang) })
      : t('dash.backlogOverdue', { open: b.open });
  return (
    <section className="dash-section" aria-labelledby="dash-backlog" data-testid="backlog-progress">
      <h3 id="dash-backlog">{t('dash.backlog')}</h3>
      <ProgressBar pct={b.pct} label={`${formatPct(b.pct, lang)}% · ${t('dash.backlogResolved', { resolved: b.resolved, cases: b.cases })}`} />
      <ul className="dash-facts">
        <li>{t('dash.backlogTarget', { date: formatDate(b.targetDate) })}</li>
        <li className={b.open > 0 && b.monthsLeft === 0 ? 'stuck-text' : undefined}>{pace}</li>
        <li>{t('dash.backlogIssued', { n: b.certificatesIssued })}</li>
        {report !== null && <li>{t('dash.backlogReport', { n: formatNumber(report, lang) })}</li>}
      </ul>
      {b.resolvedByMonth.length > 0 && (
        <ColumnChart
          title={t('dash.backlogByMonth')}
          height={120}
          columns={b.resolvedByMonth.map((m) => ({ key: m.month, label: formatMonth(m.month), total: String(m.resolved), parts: [{ value: m.resolved, color: '#58a96b' }] }))}
        />
      )}
    </section>
  );
}

export function FiguresSection({ stats }: { stats: Stats }) {
  const { t, lang } = useI18n();
  const figures = landFigures(stats);
  const shown = new Set(figures.map((f) => f.id));
  const notes = stats.notes.filter((n) => n.figure_ids.some((id) => shown.has(id)));
  const flagged = new Map<string, number>();
  notes.forEach((n, i) => n.figure_ids.forEach((id) => flagged.set(id, i + 1)));
  // years are written without a thousands separator (2030, not 2.030)
  const value = (f: StatFigure, v: number | null) => (v === null ? null : f.unit === 'năm' ? String(v) : formatNumber(v, lang, 3));
  return (
    <section className="dash-section" aria-labelledby="dash-figures">
      <h3 id="dash-figures">{t('dash.figures')}</h3>
      <table className="data-table dash-table" data-testid="figures-table">
        <thead>
          <tr>
            <th>{t('dash.col.figure')}</th><th>{t('dash.col.section')}</th><th>{t('dash.col.report')}</th>
            <th>{t('dash.col.live')}</th><th>{t('dash.col.diff')}</th><th>{t('dash.col.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => {
            const diff = difference(f.report_value, f.live_value);
            const note = flagged.get(f.id);
            return (
              <tr key={f.id} data-figure-id={f.id} className={note ? 'flagged' : undefined}>
                <td>{lang === 'vi' ? f.label_vi : f.label_en}{note && <sup className="note-flag" title={t('dash.noteFlag')}> ⚠{note}</sup>}</td>
                <td>{f.section}</td>
                <td className="num">{value(f, f.report_value) ?? '—'}</td>
                <td className="num">{value(f, f.live_value) ?? t('dash.notComputable')}</td>
                <td className={`num${diff ? ' diff' : ''}`}>{diff === null ? '' : `${diff > 0 ? '+' : ''}${formatNumber(diff, lang, 3)}`}</td>
                <td>{f.unit}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {notes.length > 0 && (
        <div className="quality-notes" data-testid="quality-notes">
          <h4>{t('dash.qualityNotes')}</h4>
          <ol>{notes.map((n) => <li key={n.id}>⚠ {lang === 'vi' ? n.message_vi : n.message_en} <span className="dash-muted">({n.section})</span></li>)}</ol>
        </div>
      )}
    </section>
  );
}
