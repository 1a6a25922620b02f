/** Heritage sites (đình, chùa, đền, miếu, nghè). */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Palette } from '../palette';
import { pointLayers } from './common';

export function heritageSiteLayers(source: string, p: Palette): LayerSpecification[] {
  return pointLayers(source, p, p.heritage, { radius: 4.5, labelMinzoom: 14 });
}
