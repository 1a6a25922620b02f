/**
 * Site clearance (GPMB) of one project: its parcels coloured by clearance step, stuck parcels (an obstacle
 * and not handed over) outlined in red with the obstacle written at high zoom. The source holds the
 * FeatureCollection of GET /api/clearance/projects/:id/parcels.
 */
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { CLEARANCE_STEPS } from '../../../server/api/contract';
import { clearancePalette } from '../palette';
import { fontBold } from './common';

/** The map source id of the clearance overlay. */
export const clearanceSource = 'clearance';

type ClearanceColors = typeof clearancePalette;

/** `step` → colour; an unknown step draws like a notice (the least advanced). */
export function clearanceStepColor(c: ClearanceColors = clearancePalette): ExpressionSpecification {
  const branches = CLEARANCE_STEPS.flatMap((s) => [s, c.step[s]]);
  return ['match', ['get', 'step'], ...branches, c.step.notice] as unknown as ExpressionSpecification;
}

/**
 * The overlay's layers. `obstacleLabel` is the text drawn on stuck parcels (an expression over `obstacle`
 * that the caller builds from the i18n strings, so the map speaks the UI's language).
 */
export function clearanceLayers(source: string, obstacleLabel: ExpressionSpecification, c: ClearanceColors = clearancePalette): LayerSpecification[] {
  const stuck: ExpressionSpecification = ['==', ['get', 'stuck'], true];
  return [
    { id: `${source}-fill`, type: 'fill', source, paint: { 'fill-color': clearanceStepColor(c), 'fill-opacity': 0.85 } },
    {
      id: `${source}-line`, type: 'line', source,
      paint: { 'line-color': c.line, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 0.3, 18, 1.2], 'line-opacity': 0.7 },
    },
    {
      id: `${source}-stuck`, type: 'line', source, filter: stuck,
      paint: { 'line-color': c.stuck, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1.5, 18, 4] },
    },
    {
      id: `${source}-stuck-label`, type: 'symbol', source, filter: stuck, minzoom: 15.5,
      layout: { 'text-field': obstacleLabel, 'text-font': fontBold, 'text-size': 11, 'text-max-width': 7, 'text-padding': 2 },
      paint: { 'text-color': c.stuck, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}

/** A `match` over `obstacle` giving each type its label (unknown values: the fallback). */
export function obstacleLabelExpression(labels: Record<string, string>, fallback: string): ExpressionSpecification {
  const branches = Object.entries(labels).flat();
  // a `match` needs at least one branch
  if (branches.length === 0) return ['literal', fallback] as unknown as ExpressionSpecification;
  return ['match', ['get', 'obstacle'], ...branches, fallback] as unknown as ExpressionSpecification;
}
