/** The three former units (đơn vị hành chính cũ) merged into the ward on 1 July 2025. */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Palette } from '../palette';
import { boundaryLayers, labelSource, nameLabel } from './common';

export function formerUnitLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    ...boundaryLayers(source, p, { color: p.formerUnit, width: 1.8, dash: [4, 2] }),
    nameLabel(`${source}-label`, labelSource(source), p, { size: 13, bold: true, color: p.formerUnit, minzoom: 12, maxzoom: 17 }),
  ];
}
