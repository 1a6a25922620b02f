/** Schools (mầm non, tiểu học, THCS). */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Palette } from '../palette';
import { pointLayers } from './common';

export function schoolLayers(source: string, p: Palette): LayerSpecification[] {
  return pointLayers(source, p, p.school, { radius: 4.5, labelMinzoom: 14 });
}
