/**
 * Building blocks shared by the `*.layers.ts` builders: fonts, label layout, the selection outline.
 * Font names are the keys of the style's `font-faces` (see ../style.ts); no glyph server is used.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SymbolLayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Palette } from '../palette';

export const fontRegular = ['Noto Sans Regular'];
export const fontBold = ['Noto Sans Bold'];

/**
 * The point source a boundary layer's names are drawn from (one point per polygon, see ../label-points.ts),
 * so a big polygon is not labelled once per tile.
 */
export function labelSource(source: string): string {
  return `${source}-labels`;
}

/** true while the feature is the one shown in the details panel (map-view sets the feature state). */
export const isSelected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** A name label at the polygon's label point. */
export function nameLabel(
  id: string,
  source: string,
  p: Palette,
  o: { minzoom?: number; maxzoom?: number; size?: number; bold?: boolean; color?: string; field?: ExpressionSpecification },
): SymbolLayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    ...(o.minzoom !== undefined ? { minzoom: o.minzoom } : {}),
    ...(o.maxzoom !== undefined ? { maxzoom: o.maxzoom } : {}),
    layout: {
      'text-field': o.field ?? ['coalesce', ['get', 'name'], ''],
      'text-font': o.bold ? fontBold : fontRegular,
      'text-size': o.size ?? 12,
      'text-max-width': 8,
      'text-padding': 4,
    },
    paint: {
      'text-color': o.color ?? p.text,
      'text-halo-color': p.textHalo,
      'text-halo-width': 1.4,
    },
  };
}

/** A polygon layer's clickable fill (nearly transparent), its outline and its selection outline. */
export function boundaryLayers(
  source: string,
  p: Palette,
  o: { color: string; width: number; dash?: number[]; fill?: string; fillOpacity?: number },
): LayerSpecification[] {
  return [
    {
      id: `${source}-fill`,
      type: 'fill',
      source,
      paint: { 'fill-color': o.fill ?? o.color, 'fill-opacity': o.fillOpacity ?? 0.02 },
    },
    {
      id: `${source}-line`,
      type: 'line',
      source,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': o.color,
        'line-width': ['interpolate', ['linear'], ['zoom'], 12, o.width, 17, o.width * 1.8],
        ...(o.dash ? { 'line-dasharray': o.dash } : {}),
      },
    },
    selectionLine(source, p),
  ];
}

/** The outline drawn around the selected polygon. */
export function selectionLine(source: string, p: Palette): LayerSpecification {
  return {
    id: `${source}-selected`,
    type: 'line',
    source,
    paint: {
      'line-color': p.selection,
      'line-width': 3.5,
      'line-opacity': ['case', isSelected, 1, 0],
    },
  };
}

/** A point layer: a circle (ringed when selected) and a name label below it from `labelMinzoom`. */
export function pointLayers(source: string, p: Palette, color: string, o: { radius: number; labelMinzoom: number }): LayerSpecification[] {
  return [
    {
      id: `${source}-circle`,
      type: 'circle',
      source,
      paint: {
        'circle-color': color,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, o.radius, 18, o.radius * 1.8],
        'circle-stroke-color': ['case', isSelected, p.selection, '#ffffff'],
        'circle-stroke-width': ['case', isSelected, 3, 1.5],
      },
    },
    {
      ...nameLabel(`${source}-label`, source, p, { minzoom: o.labelMinzoom, size: 11, color }),
      layout: {
        'text-field': ['coalesce', ['get', 'name'], ''],
        'text-font': fontRegular,
        'text-size': 11,
        'text-anchor': 'top',
        'text-offset': [0, 0.9],
        'text-max-width': 9,
        'text-optional': true,
      },
    },
  ];
}
