/**
 * The React ↔ MapLibre boundary: the only module that touches the map object.
 * Everything drawn comes from style.ts (layers as data); this file wires events, visibility and selection.
 */
import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { ClearanceParcels, LayerId, LayerInfo, TileLayerId } from '../../server/api/contract';
import { fetchLayer, layerDataUrl } from '../api/client';
import { config } from '../config';
import { fontFiles } from './fonts';
import { hatchPattern, palette } from './palette';
import { projectHatchImage } from './layers/projects.layers';
import { labelSource } from './layers/common';
import { labelPoints } from './label-points';
import { trackStyleLoad, whenStyleLoaded } from './style-ready';
import { useFootprintDraw, useProjectsRevision, type FootprintDraw } from './footprint-draw';
import { parcelFillColor } from './layers/parcel-modes.layers';
import { clearanceLayers, clearanceSource, obstacleLabelExpression } from './layers/clearance.layers';
import { useImportPreview, type ImportPreview } from './import-preview';
import {
  buildOfflineStyle, clickableLayerIds, labelledByPoint, styleLayerIds, tiledLayers, tileUrls, withProjectLayers, type StyleOptions,
} from './style';

/** A feature under the click, as the details panel shows it. */
export interface PickedFeature {
  layerId: LayerId;
  id: string | number | undefined;
  properties: Record<string, unknown>;
}

export interface MapViewProps {
  layers: LayerInfo[];
  /** Online basemap style (from the server's BASEMAP_STYLE_URL); null or unreachable: the offline style. */
  basemapStyleUrl: string | null;
  visibility: Partial<Record<LayerId, boolean>>;
  /** The feature shown in the details panel, outlined on the map. */
  selected: PickedFeature | null;
  /** Features under a click, one per layer, top-most first (empty when the click hit nothing). */
  onPick: (features: PickedFeature[]) => void;
  onError: (message: string) => void;
  /** Site clearance of one project drawn over the parcels (null: none). */
  clearance?: ClearanceOverlay | null;
  /** Change it (e.g. a counter) to capture the current view as an image for printing; see onSnapshot. */
  snapshotRequest?: number;
  onSnapshot?: (snapshot: MapSnapshot) => void;
  /** A click on a parcel of the GPMB overlay: its clearance record id. */
  onClearancePick?: (recordId: number) => void;
  /** Certificate workflow: how parcels are coloured, which are shown, and a revision that reloads them. */
  parcelView?: ParcelView;
  /** Fly to this extent (EPSG:4326) whenever the object changes (a search result, a row of the list). */
  focus?: { bbox: [number, number, number, number] } | null;
  /** Projects (issue 5): draw or edit a footprint (null: not drawing); bump the revision after a save. */
  draw?: FootprintDraw | null;
  projectsRevision?: number;
  /** The map's zoom after each move (the layer panel says when the tiled parcels are hidden below their minzoom). */
  onZoom?: (zoom: number) => void;
  /** The visible extent [west, south, east, north] (EPSG:4326) after each move, e.g. for "export the current view". */
  onViewBounds?: (bbox: [number, number, number, number]) => void;
  /** Import (issue 8): the file's features before commit, coloured by action (null: no import open). */
  importPreview?: ImportPreview | null;
}

/** The parcel layer as the certificate workflow wants it (see layers/parcel-modes.layers.ts). */
export interface ParcelView {
  mode: import('../../server/api/contract').ParcelStyleMode;
  filter: import('@maplibre/maplibre-gl-style-spec').FilterSpecification | null;
  /** Bumped after an edit: the parcel source is fetched again, so colours follow without a page reload. */
  revision: number;
}

/** The GPMB overlay: a project's parcels by clearance step, and the obstacle names in the UI's language. */
export interface ClearanceOverlay {
  data: ClearanceParcels;
  obstacleLabels: Record<string, string>;
}

/** The map as printed: the image and what a print needs to draw a scale bar and a north arrow. */
export interface MapSnapshot {
  dataUrl: string;
  /** CSS pixels of the captured view. */
  width: number;
  height: number;
  /** Ground metres per CSS pixel at the view's centre (Web Mercator scale at that latitude). */
  metresPerPixel: number;
  /** Degrees clockwise from north of the view's up direction (0 = north up). */
  bearing: number;
  /** [[west, south], [east, north]], EPSG:4326. */
  bounds: [[number, number], [number, number]];
}

declare global {
  interface Window {
    /** Test hook for the e2e suite. */
    __landmap?: { map: maplibregl.Map };
  }
}

const clickPriority: readonly LayerId[] = [
  'ward-office', 'schools', 'heritage-sites', 'roads', 'parcels', 'projects',
  'residential-groups', 'former-units', 'ward', 'neighbour-wards',
];

export function MapView({
  layers, basemapStyleUrl, visibility, selected, onPick, onError, clearance = null, snapshotRequest, onSnapshot, onClearancePick,
  parcelView, focus, draw, projectsRevision, onZoom, importPreview, onViewBounds,
}: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const callbacks = useRef({ onPick, onError });
  callbacks.current = { onPick, onError };
  const initialVisibility = useRef(visibility);

  useEffect(() => {
    if (!container.current) return;
    const map = createMap(container.current, layers, initialVisibility.current, callbacks, basemapStyleUrl);
    mapRef.current = map;
    window.__landmap = { map };
    return () => {
      mapRef.current = null;
      delete document.body.dataset.mapReady;
      map.remove();
    };
  }, [layers, basemapStyleUrl]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      for (const l of layers) {
        const v = visibility[l.id] ? 'visible' : 'none';
        for (const id of styleLayerIds(l.id)) {
          if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== v) map.setLayoutProperty(id, 'visibility', v);
        }
      }
    };
    whenStyleLoaded(map, apply);
  }, [layers, visibility]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !selected || selected.id === undefined) return;
    // a tiled layer's feature state is kept per MVT layer
    const target = { source: selected.layerId, sourceLayer: tiledLayers[selected.layerId]?.sourceLayer, id: selected.id };
    const set = () => map.getSource(target.source) && map.setFeatureState(target, { selected: true });
    whenStyleLoaded(map, set);
    return () => {
      if (mapRef.current === map && map.getSource(target.source)) map.removeFeatureState(target, 'selected');
    };
  }, [selected]);

  useClearanceOverlay(mapRef, layers, clearance);
  const clearancePick = useRef(onClearancePick);
  clearancePick.current = onClearancePick;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const onClick = (ev: maplibregl.MapLayerMouseEvent) => {
      const id = Number(ev.features?.[0]?.properties?.recordId);
      if (Number.isFinite(id)) clearancePick.current?.(id);
    };
    map.on('click', `${clearanceSource}-fill`, onClick);
    return () => { map.off('click', `${clearanceSource}-fill`, onClick); };
  }, [layers]);
  useParcelView(mapRef, layers, parcelView);
  useZoomReport(mapRef, layers, onZoom);
  useViewBounds(mapRef, layers, onViewBounds);
  useFocus(mapRef, focus);
  useFootprintDraw(mapRef, draw);
  useProjectsRevision(mapRef, layerDataUrl('projects'), projectsRevision);
  useImportPreview(mapRef, layers, importPreview);
  const snapshotCallback = useRef(onSnapshot);
  snapshotCallback.current = onSnapshot;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !snapshotRequest) return;
    // read the canvas right after a frame is drawn, while its drawing buffer is still valid
    map.once('render', () => snapshotCallback.current?.(snapshotOf(map)));
    map.triggerRepaint();
  }, [snapshotRequest]);

  return <div ref={container} className="map-view" role="region" aria-label="map" />;
}

/** Parcel colouring mode and filter (same selection as the counts and the list); reloads after edits. */
function useParcelView(mapRef: { current: maplibregl.Map | null }, layers: LayerInfo[], view: ParcelView | undefined) {
  const mode = view?.mode;
  const filter = view?.filter;
  const revision = view?.revision ?? 0;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mode) return;
    const apply = () => {
      if (!map.getLayer('parcels-fill')) return;
      map.setPaintProperty('parcels-fill', 'fill-color', parcelFillColor(mode, palette));
      // the selection outline stays unfiltered: a parcel opened from search shows even outside the filter
      for (const id of ['parcels-fill', 'parcels-line', 'parcels-label']) if (map.getLayer(id)) map.setFilter(id, filter ?? null);
    };
    whenStyleLoaded(map, apply);
  }, [mapRef, layers, mode, filter]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || revision === 0) return;
    // new tile URLs: MapLibre drops its tiles and fetches them again (the server answers them uncached, ETag only)
    const tiles = tileUrls('parcels', window.location.href).map((u) => `${u}?rev=${revision}`);
    map.getSource<maplibregl.VectorTileSource>('parcels')?.setTiles(tiles);
  }, [mapRef, revision]);
}

/** Reports the zoom once the map is created and after every move. */
function useZoomReport(mapRef: { current: maplibregl.Map | null }, layers: LayerInfo[], onZoom: ((zoom: number) => void) | undefined) {
  const callback = useRef(onZoom);
  callback.current = onZoom;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const report = () => callback.current?.(map.getZoom());
    report();
    map.on('moveend', report);
    return () => { map.off('moveend', report); };
  }, [mapRef, layers]);
}

/** Reports the visible extent (EPSG:4326, clamped to valid lon/lat) after each move. */
function useViewBounds(mapRef: { current: maplibregl.Map | null }, layers: LayerInfo[], onBounds: ((bbox: [number, number, number, number]) => void) | undefined) {
  const callback = useRef(onBounds);
  callback.current = onBounds;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const report = () => {
      const b = map.getBounds();
      callback.current?.([Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()), Math.min(90, b.getNorth())]);
    };
    report();
    map.on('moveend', report);
    return () => { map.off('moveend', report); };
  }, [mapRef, layers]);
}

/** Flies to an extent (EPSG:4326), close enough to read parcel numbers but not closer than zoom 18. */
function useFocus(mapRef: { current: maplibregl.Map | null }, focus: { bbox: [number, number, number, number] } | null | undefined) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    const [w, s, e, n] = focus.bbox;
    map.fitBounds([w, s, e, n], { padding: 120, maxZoom: 18, duration: 600 });
  }, [mapRef, focus]);
}

/** Adds, updates or hides the GPMB overlay (a GeoJSON source and the clearance.layers.ts layers). */
function useClearanceOverlay(mapRef: { current: maplibregl.Map | null }, layers: LayerInfo[], overlay: ClearanceOverlay | null) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      const empty = { type: 'FeatureCollection' as const, features: [] };
      const source = map.getSource<maplibregl.GeoJSONSource>(clearanceSource);
      if (source) source.setData(overlay?.data ?? empty);
      else map.addSource(clearanceSource, { type: 'geojson', data: overlay?.data ?? empty, promoteId: 'id' });
      const label = obstacleLabelExpression(overlay?.obstacleLabels ?? {}, '');
      for (const spec of clearanceLayers(clearanceSource, label)) {
        if (map.getLayer(spec.id)) map.removeLayer(spec.id);
        // over the parcel fills, under the project outlines (labels go on top)
        const before = spec.type !== 'symbol' && map.getLayer('projects-line') ? 'projects-line' : undefined;
        map.addLayer(spec as maplibregl.AddLayerObject, before);
        map.setLayoutProperty(spec.id, 'visibility', overlay ? 'visible' : 'none');
      }
    };
    whenStyleLoaded(map, apply);
  }, [mapRef, layers, overlay]);
}

function snapshotOf(map: maplibregl.Map): MapSnapshot {
  const canvas = map.getCanvas();
  const lat = map.getCenter().lat;
  const b = map.getBounds();
  return {
    dataUrl: canvas.toDataURL('image/png'),
    width: canvas.clientWidth,
    height: canvas.clientHeight,
    // MapLibre's world is 512 px wide at zoom 0: 40 075 016.686 m (equator) · cos φ / (512 · 2^z)
    metresPerPixel: (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom()),
    bearing: map.getBearing(),
    bounds: [[b.getWest(), b.getSouth()], [b.getEast(), b.getNorth()]],
  };
}

type Callbacks = { current: Pick<MapViewProps, 'onPick' | 'onError'> };

function createMap(
  el: HTMLElement,
  layers: LayerInfo[],
  visibility: Partial<Record<LayerId, boolean>>,
  cb: Callbacks,
  basemapStyleUrl: string | null,
): maplibregl.Map {
  const styleOptions: StyleOptions = {
    layers: layers.map((l) => ({
      id: l.id,
      visible: Boolean(visibility[l.id]),
      data: layerDataUrl(l.id),
      ...(tiledLayers[l.id] ? { tiles: tileUrls(l.id as TileLayerId, window.location.href) } : {}),
      attribution: l.attribution,
    })),
    fonts: fontFiles,
    baseUrl: window.location.href,
  };
  const [w, s, e, n] = config.wardBbox;
  const map = new maplibregl.Map({
    container: el,
    style: basemapStyleUrl ?? buildOfflineStyle(styleOptions),
    transformStyle: basemapStyleUrl ? (_prev, next) => withProjectLayers(next, styleOptions) : undefined,
    bounds: [w, s, e, n],
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
    maxZoom: 20,
  });
  trackStyleLoad(map);
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(new maplibregl.AttributionControl({ compact: false }), 'bottom-right');

  // The project hatch is generated, not fetched: MapLibre asks for it when a project fill first needs it.
  map.setMissingStyleImageResolver((id) => {
    if (id === projectHatchImage && !map.hasImage(id)) map.addImage(id, hatchPattern(palette.project), { pixelRatio: 1 });
  });
  map.on('load', () => {
    map.fitBounds([w, s, e, n], { padding: 24, animate: false });
    watchReadiness(map, layers.filter((l) => visibility[l.id]).map((l) => l.id));
    fillLabelSources(map, layers.map((l) => l.id).filter((id) => labelledByPoint.includes(id)), cb);
  });
  // Without network the online basemap style cannot load: fall back to the offline style, which holds every
  // project layer and its labels, so the map still renders completely.
  let basemapPending = Boolean(basemapStyleUrl);
  map.once('load', () => { basemapPending = false; });
  map.on('error', (ev) => {
    const sourceId = (ev as { sourceId?: string }).sourceId;
    if (basemapPending && !sourceId) {
      basemapPending = false;
      console.warn(`Basemap style unreachable (${ev.error?.message ?? 'error'}): using the offline style`);
      map.setStyle(buildOfflineStyle(styleOptions), { diff: false });
      return;
    }
    const message = ev.error?.message ?? 'unknown error';
    cb.current.onError(sourceId ? `${sourceId}: ${message}` : message);
  });
  wirePicking(map, layers.map((l) => l.id), cb);
  return map;
}

/** Loads the boundary layers once more and puts one label point per polygon into their `-labels` sources. */
function fillLabelSources(map: maplibregl.Map, ids: LayerId[], cb: Callbacks) {
  const ctrl = new AbortController();
  map.once('remove', () => ctrl.abort());
  for (const id of ids) {
    fetchLayer(id, ctrl.signal)
      .then((fc) => {
        if (!ctrl.signal.aborted) map.getSource<maplibregl.GeoJSONSource>(labelSource(id))?.setData(labelPoints(fc));
      })
      .catch((err: Error) => {
        if (!ctrl.signal.aborted) cb.current.onError(`${id}: ${err.message}`);
      });
  }
}

/** Sets `body[data-map-ready]` once the map is idle with every initially visible source loaded (or failed). */
function watchReadiness(map: maplibregl.Map, visibleSources: string[]) {
  const failed = new Set<string>();
  map.on('error', (ev) => {
    const id = (ev as { sourceId?: string }).sourceId;
    if (id) failed.add(id);
  });
  const check = () => {
    const done = visibleSources.every((id) => failed.has(id) || (map.getSource(id) && map.isSourceLoaded(id)));
    if (done) {
      document.body.dataset.mapReady = 'true';
      map.off('idle', check);
    }
  };
  map.on('idle', check);
}

/** Click → the features under the cursor (one per API layer); pointer cursor over clickable features. */
function wirePicking(map: maplibregl.Map, ids: LayerId[], cb: Callbacks) {
  const clickable = clickableLayerIds(ids);
  const hoverable = clickable.filter((id) => !/^(ward|neighbour-wards|former-units|residential-groups)-/.test(id));
  const existing = (list: string[]) => list.filter((id) => map.getLayer(id));

  map.on('click', (ev) => {
    const { x, y } = ev.point;
    const hits = map.queryRenderedFeatures([[x - 3, y - 3], [x + 3, y + 3]], { layers: existing(clickable) });
    const byLayer = new Map<LayerId, PickedFeature>();
    for (const f of hits) {
      const layerId = f.source as LayerId;
      if (!byLayer.has(layerId)) byLayer.set(layerId, { layerId, id: f.id, properties: { ...f.properties } });
    }
    cb.current.onPick(clickPriority.filter((id) => byLayer.has(id)).map((id) => byLayer.get(id)!));
  });
  let frame = 0;
  map.on('mousemove', (ev) => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!map.getCanvas()) return;
      const over = map.queryRenderedFeatures(ev.point, { layers: existing(hoverable) }).length > 0;
      map.getCanvas().style.cursor = over ? 'pointer' : '';
    });
  });
}
