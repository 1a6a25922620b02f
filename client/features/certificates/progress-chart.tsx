/**
 * Progress against the report's target (§1.5: 100 % of first certificates by April 2026): the backlog still
 * open at each month's end (burn-down) beside the straight target line, certificates issued per month as bars,
 * and the digitisation rate — all from GET /api/certificates/progress, computed from the records.
 */
import { useEffect, useState } from 'react';
import type { Progress } from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/use-i18n';
import { palette } from '../../map/palette';
import { fetchProgress } from './certificates-api';

const W = 640;
const H = 200;
const PAD = { l: 40, r: 12, t: 12, b: 28 };

export function ProgressChart({ revision }: { revision: number }) {
  const { t, lang } = useI18n();
  const [data, setData] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    fetchProgress(ctl.signal).then(setData, (err) => !ctl.signal.aborted && setError(err instanceof ApiError ? err.message : String(err)));
    return () => ctl.abort();
  }, [revision]);
  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!data) return <p role="status">{t('state.loading')}</p>;

  const num = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const m = data.months;
  const max = Math.max(1, ...m.map((x) => Math.max(x.openAtEnd ?? 0, x.target ?? 0, x.issued)));
  const x = (i: number) => PAD.l + ((W - PAD.l - PAD.r) * (i + 0.5)) / m.length;
  const y = (v: number) => H - PAD.b - ((H - PAD.t - PAD.b) * v) / max;
  const bw = Math.max(2, ((W - PAD.l - PAD.r) / m.length) * 0.6);
  // bars on their own scale (up to 40 % of the height): a month's issues are small beside the backlog
  const maxIssued = Math.max(1, ...m.map((p) => p.issued));
  const barTop = (v: number) => y(0) - ((H - PAD.t - PAD.b) * 0.4 * v) / maxIssued;
  const line = (key: 'openAtEnd' | 'target') =>
    m.map((p, i) => (p[key] === null ? null : `${x(i)},${y(p[key]!)}`)).filter(Boolean).join(' ');
  return (
    <div className="cert-progress" data-testid="cert-progress">
      <p className="cert-progress-figures">
        <span data-testid="cert-progress-open">{t('cert.progress.open', { n: num.format(data.openNow), pct: data.firstCertPct ?? '—' })}</span>
        {' · '}
        <span data-testid="cert-progress-digitised">{t('cert.progress.digitised', { d: num.format(data.certificates.digitised), n: num.format(data.certificates.total), pct: data.certificates.pct ?? '—' })}</span>
        {' · '}{t('cert.progress.target', { pct: data.targetPct ?? 100, date: data.deadline.slice(0, 7) })}
      </p>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('cert.progress.title')} className="cert-progress-svg">
        <line x1={PAD.l} x2={W - PAD.r} y1={y(0)} y2={y(0)} stroke="#999" />
        <text x={PAD.l - 4} y={y(max)} textAnchor="end" fontSize="10">{num.format(max)}</text>
        <text x={PAD.l - 4} y={y(0)} textAnchor="end" fontSize="10">0</text>
        <text x={W - PAD.r} y={barTop(maxIssued) - 3} textAnchor="end" fontSize="10" fill={palette.cert.issued}>{t('cert.progress.barMax', { n: num.format(maxIssued) })}</text>
        {m.map((p, i) => (
          <g key={p.month}>
            <rect x={x(i) - bw / 2} y={barTop(p.issued)} width={bw} height={y(0) - barTop(p.issued)} fill={palette.cert.issued} opacity={0.6}>
              <title>{`${p.month}: ${p.issued} GCN, ${p.resolved} ${t('cert.progress.resolved')}`}</title>
            </rect>
            {i % 2 === 0 && <text x={x(i)} y={H - 10} textAnchor="middle" fontSize="9">{p.month.slice(2).replace('-', '/')}</text>}
          </g>
        ))}
        <polyline points={line('target')} fill="none" stroke={palette.selection} strokeDasharray="5 4" strokeWidth={2} />
        <polyline points={line('openAtEnd')} fill="none" stroke={palette.cert.backlog} strokeWidth={2.5} />
      </svg>
      <ul className="cert-progress-legend">
        <li><span className="swatch swatch-line" style={{ ['--swatch' as string]: palette.cert.backlog }} /> {t('cert.progress.openLine')}</li>
        <li><span className="swatch swatch-dashed" style={{ ['--swatch' as string]: palette.selection }} /> {t('cert.progress.targetLine')}</li>
        <li><span className="swatch swatch-fill" style={{ ['--swatch' as string]: palette.cert.issued }} /> {t('cert.progress.issuedBars')}</li>
      </ul>
    </div>
  );
}
