/**
 * Land-use-plan projects: footprints coloured by project type, drawn by status (planned: hatched, dashed
 * outline · approved: dashed outline · clearing → construction → done: ever fuller fill, solid outline),
 * with their names.
 */
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { projectPalette, type Palette } from '../palette';
import { nameLabel, selectionLine } from './common';

/** Image id of the hatch; map-view generates it (palette.hatchPattern) when MapLibre asks for it. */
export const projectHatchImage = 'project-hatch';

/** Statuses whose outline is dashed: nothing has happened on the ground yet. */
const NOT_STARTED = ['planned', 'approved'];

/** Colour by `type` (projectPalette.type), the fallback for a type the palette does not know. */
export function projectTypeColor(): ExpressionSpecification {
  const pairs = Object.entries(projectPalette.type).flat();
  return ['match', ['get', 'type'], ...pairs, projectPalette.other] as unknown as ExpressionSpecification;
}

function statusOpacity(): ExpressionSpecification {
  const pairs = Object.entries(projectPalette.statusFillOpacity).flat();
  return ['match', ['get', 'status'], ...pairs, 0.2] as unknown as ExpressionSpecification;
}

export function projectLayers(source: string, p: Palette): LayerSpecification[] {
  const width: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 12, 1.2, 17, 2.6];
  return [
    { id: `${source}-fill`, type: 'fill', source, paint: { 'fill-color': projectTypeColor(), 'fill-opacity': statusOpacity() } },
    {
      id: `${source}-hatch`,
      type: 'fill',
      source,
      filter: ['==', ['get', 'status'], 'planned'],
      paint: { 'fill-pattern': projectHatchImage, 'fill-opacity': 0.55 },
    },
    {
      id: `${source}-line`,
      type: 'line',
      source,
      filter: ['!', ['in', ['get', 'status'], ['literal', NOT_STARTED]]],
      paint: { 'line-color': projectTypeColor(), 'line-width': width },
    },
    {
      id: `${source}-line-planned`,
      type: 'line',
      source,
      filter: ['in', ['get', 'status'], ['literal', NOT_STARTED]],
      paint: { 'line-color': projectTypeColor(), 'line-width': width, 'line-dasharray': [3, 2] },
    },
    selectionLine(source, p),
    nameLabel(`${source}-label`, source, p, {
      minzoom: 14,
      size: 11,
      color: p.text,
      field: ['coalesce', ['get', 'name'], ['get', 'code'], ''],
    }),
  ];
}
