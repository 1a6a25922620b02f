/** Number formats of the dashboard, in the UI's language (vi: 93,3 — en: 93.3). Pure. */
export type NumberLang = 'vi' | 'en';

const locale = (lang: NumberLang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** A number with at most `digits` decimals. */
export function formatNumber(n: number, lang: NumberLang, digits = 1): string {
  return n.toLocaleString(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A percentage with exactly one decimal ("93,3"), or "—" when unknown. */
export function formatPct(n: number | null, lang: NumberLang): string {
  return n === null ? '—' : n.toLocaleString(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** m² → ha with two decimals (1 ha = 10 000 m²). */
export function formatHa(m2: number, lang: NumberLang): string {
  return (m2 / 10_000).toLocaleString(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** VND → "tỷ đồng"/billion VND with one decimal (1 tỷ = 10⁹ đồng). */
export function formatBillionVnd(vnd: number, lang: NumberLang): string {
  return (vnd / 1e9).toLocaleString(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** 'YYYY-MM-DD' or an ISO time → dd/mm/yyyy. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** 'YYYY-MM' → 'mm/yyyy'. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

/** Live − report, or null when either is missing. */
export function difference(report: number | null, live: number | null): number | null {
  return report === null || live === null ? null : Math.round((live - report) * 1000) / 1000;
}
