/** UBND phường Trần Liễu (the ward office). */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Palette } from '../palette';
import { pointLayers } from './common';

export function wardOfficeLayers(source: string, p: Palette): LayerSpecification[] {
  return pointLayers(source, p, p.wardOffice, { radius: 6, labelMinzoom: 11 });
}
