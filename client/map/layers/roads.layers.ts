/** Roads by class (ĐT provincial, ĐH district, ward, village) with names along the line. */
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Palette } from '../palette';
import { fontRegular, isSelected } from './common';

function byClass(p: Palette): ExpressionSpecification {
  return ['match', ['get', 'roadClass'], 'provincial', p.road.provincial, 'district', p.road.district, 'ward', p.road.ward, p.road.village];
}

/** Width in px at a zoom, scaled by class. */
function width(scale: number): ExpressionSpecification {
  return ['*', scale, ['match', ['get', 'roadClass'], 'provincial', 3, 'district', 2.4, 'ward', 1.8, 1.2]];
}

export function roadLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    {
      id: `${source}-line`,
      type: 'line',
      source,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['case', isSelected, p.selection, byClass(p)],
        'line-width': ['interpolate', ['linear'], ['zoom'], 12, width(0.8), 18, width(3)],
      },
    },
    {
      id: `${source}-label`,
      type: 'symbol',
      source,
      minzoom: 13,
      layout: {
        'symbol-placement': 'line',
        'text-field': ['coalesce', ['get', 'name'], ''],
        'text-font': fontRegular,
        'text-size': 11,
      },
      paint: { 'text-color': '#5a3a1a', 'text-halo-color': p.textHalo, 'text-halo-width': 1.5 },
    },
  ];
}
