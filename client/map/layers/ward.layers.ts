/** Phường Trần Liễu: the ward boundary (bold) and its name. */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Palette } from '../palette';
import { boundaryLayers, labelSource, nameLabel } from './common';

export function wardLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    ...boundaryLayers(source, p, { color: p.ward, width: 2.6, fillOpacity: 0.01 }),
    nameLabel(`${source}-label`, labelSource(source), p, { size: 16, bold: true, color: p.ward, maxzoom: 15 }),
  ];
}
