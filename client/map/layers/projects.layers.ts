/** Planned projects: hatched footprints with a solid outline and their names. */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Palette } from '../palette';
import { nameLabel, selectionLine } from './common';

/** Image id of the hatch; map-view generates it (palette.hatchPattern) when MapLibre asks for it. */
export const projectHatchImage = 'project-hatch';

export function projectLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    { id: `${source}-fill`, type: 'fill', source, paint: { 'fill-pattern': projectHatchImage, 'fill-opacity': 0.9 } },
    {
      id: `${source}-line`,
      type: 'line',
      source,
      paint: { 'line-color': p.project, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1.2, 17, 2.4] },
    },
    selectionLine(source, p),
    nameLabel(`${source}-label`, source, p, {
      minzoom: 14,
      size: 11,
      color: p.project,
      field: ['coalesce', ['get', 'name'], ['get', 'code'], ''],
    }),
  ];
}
