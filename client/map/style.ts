/**
 * Builds the map style from data: the offline style (background + the project's layers) or the
 * project's layers on top of a basemap style. Pure functions; map-view.tsx hands the result to MapLibre.
 */
import type {
  FontFacesSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
  VectorSourceSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { TilePath, type LayerId, type TileLayerId } from '../../server/api/contract';
import { palette as defaultPalette, type Palette } from './palette';
import { wardLayers } from './layers/ward.layers';
import { neighbourWardLayers } from './layers/neighbour-wards.layers';
import { formerUnitLayers } from './layers/former-units.layers';
import { residentialGroupLayers } from './layers/residential-groups.layers';
import { parcelLayers } from './layers/parcels.layers';
import { projectLayers } from './layers/projects.layers';
import { roadLayers } from './layers/roads.layers';
import { wardOfficeLayers } from './layers/ward-office.layers';
import { heritageSiteLayers } from './layers/heritage-sites.layers';
import { schoolLayers } from './layers/schools.layers';
import { labelSource } from './layers/common';

type LayerBuilder = (source: string, p: Palette) => LayerSpecification[];

/** One builder per API layer; the source id is the API layer id. */
export const layerBuilders: Record<LayerId, LayerBuilder> = {
  ward: wardLayers,
  'neighbour-wards': neighbourWardLayers,
  'former-units': formerUnitLayers,
  'residential-groups': residentialGroupLayers,
  parcels: parcelLayers,
  projects: projectLayers,
  roads: roadLayers,
  'ward-office': wardOfficeLayers,
  'heritage-sites': heritageSiteLayers,
  schools: schoolLayers,
};

/** Bottom-to-top drawing order within each kind (fills, then lines, then circles, then labels). */
export const drawOrder: readonly LayerId[] = [
  'neighbour-wards', 'residential-groups', 'parcels', 'projects', 'roads',
  'former-units', 'ward', 'schools', 'heritage-sites', 'ward-office',
];
const kindRank: Record<string, number> = { background: 0, fill: 1, line: 2, circle: 3, symbol: 4 };

/** Which woff2 file covers which part of Unicode, per weight. */
export interface FontFiles {
  regular: { vietnamese: string; latin: string; latinExt: string };
  bold: { vietnamese: string; latin: string; latinExt: string };
}
// Unicode ranges of the @fontsource/noto-sans subsets (from its CSS), so each file is fetched only when needed.
const ranges = {
  vietnamese: ['U+0102-0103', 'U+0110-0111', 'U+0128-0129', 'U+0168-0169', 'U+01A0-01A1', 'U+01AF-01B0',
    'U+0300-0301', 'U+0303-0304', 'U+0308-0309', 'U+0323', 'U+0329', 'U+1EA0-1EF9', 'U+20AB'],
  latin: ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F',
    'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD'],
  latinExt: ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF',
    'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'],
};

/** The style's `font-faces`: the names used in `text-font` → the bundled files (Vietnamese first). */
export function fontFaces(files: FontFiles, base?: string): FontFacesSpecification {
  const abs = (u: string) => (base ? new URL(u, base).href : u);
  const faces = (f: FontFiles['regular']) => [
    { url: abs(f.vietnamese), 'unicode-range': ranges.vietnamese },
    { url: abs(f.latin), 'unicode-range': ranges.latin },
    { url: abs(f.latinExt), 'unicode-range': ranges.latinExt },
  ];
  return { 'Noto Sans Regular': faces(files.regular), 'Noto Sans Bold': faces(files.bold) };
}

/** A project layer as the style needs it: where its GeoJSON comes from and whether it starts visible. */
export interface StyleLayerInput {
  id: LayerId;
  visible: boolean;
  /** URL of `/api/layers/:id` or inline GeoJSON (ignored for a layer in `tiledLayers`). */
  data: GeoJSONSourceSpecification['data'];
  /** Tile URL templates of a layer in `tiledLayers` (see tileUrls); required for those. */
  tiles?: string[];
  attribution?: string;
}

/**
 * Layers drawn from vector tiles (GET /tiles/…, tiles.contract.ts) instead of one GeoJSON download, so a district's
 * or a province's cadastre stays fast. minzoom: the ward fills a 1280 × 800 window at zoom ≈ 12.5 (a 1400 × 900 one
 * at ≈ 12.7), so parcels show when the app opens and below zoom 12 (a tile wider than 9 km) none are fetched — the
 * layer panel says to zoom in. maxzoom 16 (a tile ≈ 600 m, 0.15 m per tile unit): deeper zooms overzoom those tiles.
 */
export const tiledLayers: Partial<Record<LayerId, { minzoom: number; maxzoom: number; sourceLayer: TileLayerId }>> = {
  parcels: { minzoom: 12, maxzoom: 16, sourceLayer: 'parcels' },
};

/** The tile URL templates of a tiled layer, absolute (MapLibre fetches tiles from a worker). */
export function tileUrls(id: TileLayerId, base: string): string[] {
  // concatenated, not new URL(): URL would percent-encode the {z}/{x}/{y} placeholders
  return [`${new URL(base).origin}${TilePath.template(id)}`];
}

/** Layers whose names are drawn from a separate point source (filled by map-view from label-points.ts). */
export const labelledByPoint: readonly LayerId[] = ['ward', 'neighbour-wards', 'former-units', 'residential-groups'];

const emptyCollection: GeoJSONSourceSpecification['data'] = { type: 'FeatureCollection', features: [] };

/**
 * The sources, keyed by API layer id: GeoJSON (`promoteId` lets map-view mark the selected feature), or vector tiles
 * for the `tiledLayers` (the MVT feature id is the feature's id), plus an initially empty `<id>-labels` point
 * source per boundary layer.
 */
export function projectSources(inputs: StyleLayerInput[]): Record<string, SourceSpecification> {
  return Object.fromEntries(
    inputs.flatMap((l) => {
      const attribution = l.attribution ? { attribution: l.attribution } : {};
      const tiled = tiledLayers[l.id];
      if (tiled && !l.tiles?.length) throw new Error(`layer ${l.id} is drawn from vector tiles: pass its tile URLs`);
      const main: [string, SourceSpecification] = tiled
        ? [l.id, { type: 'vector', tiles: l.tiles, minzoom: tiled.minzoom, maxzoom: tiled.maxzoom, ...attribution } satisfies VectorSourceSpecification]
        : [l.id, { type: 'geojson', data: l.data, promoteId: 'id', ...attribution }];
      return labelledByPoint.includes(l.id)
        ? [main, [labelSource(l.id), { type: 'geojson', data: emptyCollection }] as [string, SourceSpecification]]
        : [main];
    }),
  );
}

/** All style layers of the given API layers, in drawing order, visibility from `visible`. */
export function projectStyleLayers(inputs: StyleLayerInput[], p: Palette = defaultPalette): LayerSpecification[] {
  const byId = new Map(inputs.map((l) => [l.id, l]));
  const layers = drawOrder
    .filter((id) => byId.has(id))
    .flatMap((id) => layerBuilders[id](id, p).map((spec) => withVisibility(spec, byId.get(id)!.visible)));
  return layers
    .map((spec, i) => ({ spec, i }))
    .sort((a, b) => kindRank[a.spec.type] - kindRank[b.spec.type] || a.i - b.i)
    .map(({ spec }) => spec);
}

function withVisibility(spec: LayerSpecification, visible: boolean): LayerSpecification {
  return { ...spec, layout: { ...spec.layout, visibility: visible ? 'visible' : 'none' } } as LayerSpecification;
}

/** The style layer ids drawn for one API layer (its source). */
export function styleLayerIds(id: LayerId, p: Palette = defaultPalette): string[] {
  return layerBuilders[id](id, p).map((l) => l.id);
}

/** Style layer ids a click can hit, top-most kinds first (labels are not clickable). */
export function clickableLayerIds(ids: LayerId[], p: Palette = defaultPalette): string[] {
  return projectStyleLayers(ids.map((id) => ({ id, visible: true, data: '' })), p)
    .filter((l) => l.type === 'fill' || l.type === 'line' || l.type === 'circle')
    .filter((l) => !l.id.endsWith('-selected'))
    .map((l) => l.id)
    .reverse();
}

export interface StyleOptions {
  layers: StyleLayerInput[];
  fonts: FontFiles;
  /** Base URL the font files are resolved against (the page URL in the browser). */
  baseUrl?: string;
  palette?: Palette;
}

/** The offline style: a paper background and the project's layers, labels from the bundled fonts. */
export function buildOfflineStyle(o: StyleOptions): StyleSpecification {
  const p = o.palette ?? defaultPalette;
  return {
    version: 8,
    name: 'Trần Liễu — offline',
    'font-faces': fontFaces(o.fonts, o.baseUrl),
    sources: projectSources(o.layers),
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': p.background } },
      ...projectStyleLayers(o.layers, p),
    ],
  };
}

/** A basemap style (e.g. OSM-based) with the project's sources, layers and fonts added on top. */
export function withProjectLayers(base: StyleSpecification, o: StyleOptions): StyleSpecification {
  const p = o.palette ?? defaultPalette;
  return {
    ...base,
    'font-faces': { ...(base['font-faces'] ?? {}), ...fontFaces(o.fonts, o.baseUrl) },
    sources: { ...base.sources, ...projectSources(o.layers) },
    layers: [...base.layers, ...projectStyleLayers(o.layers, p)],
  };
}
