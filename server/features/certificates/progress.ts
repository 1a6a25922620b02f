/**
 * Progress of first certificates against the report's target (§1.5: 100 % by April 2026): the backlog's
 * burn-down per month with the straight target line from the baseline to zero at the deadline, certificates
 * issued per month, and the digitisation rate — all computed from the records, none typed in.
 */
import type { Progress, ProgressMonth } from '../../api/contract.ts';
import type { certificatesRepo } from './certificates.repo.ts';

type Repo = Pick<ReturnType<typeof certificatesRepo>, 'progressMonths' | 'progressSummary'>;

/** The chart starts with the year before the report's period ends, so a year of history shows. */
const CHART_START = '2025-01-01';

const monthStart = (isoDate: string) => `${isoDate.slice(0, 7)}-01`;
/** Days between two ISO dates (UTC, so no daylight-saving shifts). */
const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
/** Last day of the month 'YYYY-MM'. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The target line at a month's end: linear from baselineOpen at baseline to 0 at deadline; null before it. */
export function targetAt(month: string, baseline: string, deadline: string, baselineOpen: number): number | null {
  const end = monthEnd(month);
  if (end < monthEnd(baseline.slice(0, 7))) return null;
  const share = Math.min(1, Math.max(0, days(baseline, end) / days(baseline, deadline)));
  return Math.round(baselineOpen * (1 - share));
}

/** Progress as GET /api/certificates/progress answers it. */
export async function progressOf(repo: Repo, target: { deadline: string; baseline: string }): Promise<Progress> {
  const s = await repo.progressSummary(target.baseline);
  const last = [monthStart(target.deadline), monthStart(s.today)].sort().at(-1)!;
  const rows = await repo.progressMonths(CHART_START, last);
  const months: ProgressMonth[] = rows.map((r) => ({
    ...r,
    target: targetAt(r.month, target.baseline, target.deadline, s.baselineOpen),
  }));
  const pct = (a: number, b: number) => (b > 0 ? Math.round((1000 * a) / b) / 10 : null);
  return {
    months,
    baseline: { date: target.baseline, open: s.baselineOpen },
    deadline: target.deadline,
    targetPct: s.targetPct,
    openNow: s.openNow,
    certificates: { total: s.certTotal, digitised: s.certDigitised, pct: pct(s.certDigitised, s.certTotal) },
    firstCertPct: pct(s.parcelsIssued, s.parcelsIssued + s.openNow),
  };
}
