/**
 * Parcels (thửa đất) coloured by certificate status; số thửa labels only at high zoom. The source is the vector
 * tiles of GET /tiles/parcels/{z}/{x}/{y}.mvt (style.ts), so every layer names the MVT layer; a property that is
 * null in the database is absent from the tile, and every expression below treats absent like unknown.
 */
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { certStatusOrder, type Palette } from '../palette';
import { fontRegular, selectionLine } from './common';

/** Minimum zoom of the parcel-number labels (≈ 2 m/px at the ward's latitude). */
export const parcelLabelMinzoom = 16;

/** Name of the layer inside the parcel tiles (the tile layer id of tiles.contract.ts). */
export const parcelSourceLayer = 'parcels';

/** `certStatus` → colour, one branch per status of the palette; unknown values fall back to `unknown`. */
export function certStatusColor(p: Palette): ExpressionSpecification {
  const branches = certStatusOrder.filter((s) => s !== 'unknown').flatMap((s) => [s, p.cert[s]]);
  return ['match', ['get', 'certStatus'], ...branches, 'unknown', p.cert.unknown, p.cert.unknown] as unknown as ExpressionSpecification;
}

export function parcelLayers(source: string, p: Palette): LayerSpecification[] {
  const layers: LayerSpecification[] = [
    {
      id: `${source}-fill`,
      type: 'fill',
      source,
      paint: {
        'fill-color': certStatusColor(p),
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.55, 17, 0.75],
      },
    },
    {
      id: `${source}-line`,
      type: 'line',
      source,
      minzoom: 14,
      paint: {
        'line-color': p.parcelLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 14, 0.3, 18, 1.2],
        'line-opacity': 0.8,
      },
    },
    selectionLine(source, p),
    {
      id: `${source}-label`,
      type: 'symbol',
      source,
      minzoom: parcelLabelMinzoom,
      layout: {
        'text-field': ['to-string', ['get', 'parcelNo']],
        'text-font': fontRegular,
        'text-size': ['interpolate', ['linear'], ['zoom'], 16, 10, 19, 14],
        'text-padding': 1,
      },
      paint: { 'text-color': p.text, 'text-halo-color': p.textHalo, 'text-halo-width': 1 },
    },
  ];
  return layers.map((l) => ({ ...l, 'source-layer': parcelSourceLayer }) as LayerSpecification);
}
