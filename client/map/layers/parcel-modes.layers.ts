/**
 * The parcel layer's styling modes and filters as data (issue 4): colour by certificate status, by the
 * backlog's blocking reason, or by digitised / not digitised; the legend of each mode lists exactly the
 * colours its expression draws. map-view.tsx applies them with setPaintProperty / setFilter.
 */
import type { ExpressionSpecification, FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { BacklogReason, ParcelStyleMode, RegisterFilterInput } from '../../../server/api/contract';
import { certStatusLegend, type LegendEntry, type Palette } from '../palette';
import { certStatusColor } from './parcels.layers';

export const backlogReasonOrder: readonly BacklogReason[] = ['unauthorised_allocation', 'encroachment', 'dispute', 'missing_records'];

/** The parcel fill colour of a styling mode. */
export function parcelFillColor(mode: ParcelStyleMode, p: Palette): ExpressionSpecification {
  if (mode === 'status') return certStatusColor(p);
  if (mode === 'reason') {
    const branches = backlogReasonOrder.flatMap((r) => [r, p.backlogReason[r]]);
    return ['match', ['coalesce', ['get', 'backlogReason'], ''], ...branches, p.notApplicable] as unknown as ExpressionSpecification;
  }
  return ['case',
    ['==', ['get', 'digitised'], true], p.digitised.yes,
    ['==', ['get', 'digitised'], false], p.digitised.no,
    p.notApplicable] as ExpressionSpecification;
}

/** Legend entries of a styling mode, in the order the expression lists them. */
export function parcelModeLegend(mode: ParcelStyleMode, p: Palette): LegendEntry[] {
  if (mode === 'status') return certStatusLegend(p);
  const other: LegendEntry = { labelKey: 'cert.legend.notApplicable', color: p.notApplicable, symbol: 'fill' };
  if (mode === 'reason') {
    return [...backlogReasonOrder.map((r): LegendEntry => ({ labelKey: `backlogReason.${r}`, color: p.backlogReason[r], symbol: 'fill' })), other];
  }
  return [
    { labelKey: 'cert.legend.digitised', color: p.digitised.yes, symbol: 'fill' },
    { labelKey: 'cert.legend.notDigitised', color: p.digitised.no, symbol: 'fill' },
    other,
  ];
}

/**
 * The register filter as a MapLibre filter on the parcel features, so the map shows the selection the list and
 * the counts show (the server applies the same filter in parcel_register_filtered(), migration 0010).
 * Residential groups are matched by name: the map features carry the group's name, the filter its id.
 */
export function parcelFilter(f: RegisterFilterInput, groupNames: Record<string, string>): FilterSpecification | null {
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(',')).filter(Boolean);
  const anyOf = (prop: string, values: string[]): ExpressionSpecification =>
    ['in', ['coalesce', ['get', prop], ''], ['literal', values]] as ExpressionSpecification;
  const parts: ExpressionSpecification[] = [];
  const pairs: [string, string[]][] = [
    ['formerUnit', list(f.formerUnit)],
    ['residentialGroup', list(f.group).map((id) => groupNames[id] ?? id)],
    ['landUseCode', list(f.landUse)],
    ['certStatus', list(f.status)],
    ['backlogReason', list(f.reason)],
  ];
  for (const [prop, values] of pairs) if (values.length) parts.push(anyOf(prop, values));
  if (f.digitised) parts.push(['==', ['get', 'digitised'], f.digitised === 'yes']);
  if (parts.length === 0) return null;
  return (parts.length === 1 ? parts[0] : ['all', ...parts]) as FilterSpecification;
}
