/** The wards around Trần Liễu, greyed out as context. */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Palette } from '../palette';
import { boundaryLayers, labelSource, nameLabel } from './common';

export function neighbourWardLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    ...boundaryLayers(source, p, { color: p.neighbourLine, width: 1.2, fill: p.neighbourFill, fillOpacity: 0.7 }),
    nameLabel(`${source}-label`, labelSource(source), p, { size: 13, color: '#6e6a60' }),
  ];
}
