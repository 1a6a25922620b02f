/** The 16 residential groups (tổ dân phố): thin dotted outlines, names from zoom 14. */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Palette } from '../palette';
import { boundaryLayers, labelSource, nameLabel } from './common';

export function residentialGroupLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    ...boundaryLayers(source, p, { color: p.residentialGroup, width: 1, dash: [2, 2] }),
    nameLabel(`${source}-label`, labelSource(source), p, { size: 11, color: '#4d545c', minzoom: 14 }),
  ];
}
