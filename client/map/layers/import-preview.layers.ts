/**
 * Import preview (issue 8): the file's features before anything is written, coloured by what the commit will
 * do with them (importPalette.action); rejected features get a dashed red outline, the selected row a thick
 * selection outline. Properties come from GET /api/imports/:id/features: seq, action, key, label (số tờ/số thửa
 * or the project code: the map is already in the ward, the unit would only crowd it), reasons, warnings.
 */
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { importPalette, type Palette } from '../palette';
import { fontRegular, isSelected } from './common';

/** Source id of the preview (map-view adds it, promoteId 'seq' so a row can be selected). */
export const importPreviewSource = 'import-preview';

function actionColor(): ExpressionSpecification {
  const a = importPalette.action;
  return ['match', ['get', 'action'], 'add', a.add, 'update', a.update, 'unchanged', a.unchanged, 'reject', a.reject, a.unchanged];
}

const isReject: ExpressionSpecification = ['==', ['get', 'action'], 'reject'];

export function importPreviewLayers(source: string, p: Palette): LayerSpecification[] {
  return [
    { id: `${source}-fill`, type: 'fill', source, paint: { 'fill-color': actionColor(), 'fill-opacity': ['case', isReject, 0.25, 0.45] } },
    {
      id: `${source}-line`,
      type: 'line',
      source,
      filter: ['!', isReject],
      paint: { 'line-color': actionColor(), 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1, 18, 2.5] },
    },
    {
      id: `${source}-reject`,
      type: 'line',
      source,
      filter: isReject,
      paint: { 'line-color': importPalette.action.reject, 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
    },
    {
      id: `${source}-selected`,
      type: 'line',
      source,
      paint: { 'line-color': p.selection, 'line-width': 4, 'line-opacity': ['case', isSelected, 1, 0] },
    },
    {
      id: `${source}-label`,
      type: 'symbol',
      source,
      minzoom: 16,
      layout: { 'text-field': ['coalesce', ['get', 'label'], ['get', 'key'], ''], 'text-font': fontRegular, 'text-size': 11, 'text-max-width': 8 },
      paint: { 'text-color': p.text, 'text-halo-color': p.textHalo, 'text-halo-width': 1.4 },
    },
  ];
}

/** The style layers a click may select a preview feature on. */
export const importPreviewClickLayers = [`${importPreviewSource}-fill`];
