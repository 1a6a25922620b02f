/** The pace the first-certificate backlog needs to meet its deadline. Pure; dates are 'YYYY-MM-DD'. */

/**
 * Calendar months from today to the target, counting the current month when the target is still ahead
 * (today 2025-10-01, target 2026-04-30 → 7: October … April); 0 once the target date has passed.
 */
export function monthsLeft(today: string, target: string): number {
  if (today > target) return 0;
  const [ty, tm] = target.split('-').map(Number);
  const [y, m] = today.split('-').map(Number);
  return (ty - y) * 12 + (tm - m) + 1;
}

/** Cases to resolve per month (1 decimal) to close `open` cases in `months`; null when nothing is open or no time is left. */
export function neededPerMonth(open: number, months: number): number | null {
  if (open <= 0 || months <= 0) return null;
  return Math.round((open / months) * 10) / 10;
}
