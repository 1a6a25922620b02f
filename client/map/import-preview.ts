/**
 * The import preview on the map (issue 8), used by map-view.tsx only: a GeoJSON source with the file's features
 * (layers/import-preview.layers.ts), the camera fitted to the file's extent (EPSG:4326), the selected row
 * outlined, and a click on a preview feature reported by its `seq`.
 */
import { useEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { palette } from './palette';
import { importPreviewClickLayers, importPreviewLayers, importPreviewSource } from './layers/import-preview.layers';
import { whenStyleLoaded } from './style-ready';

export interface ImportPreview {
  data: FeatureCollection;
  /** [minLon, minLat, maxLon, maxLat] of the file, EPSG:4326; the map fits it once per new extent */
  extent: [number, number, number, number] | null;
  /** seq of the row selected in the table (outlined), null: none */
  selectedSeq: number | null;
  /** a click on a preview feature */
  onFeatureClick: (seq: number) => void;
}

type MapRef = { current: maplibregl.Map | null };
/** Width of the import drawer plus its margin, CSS px (styles.css .imp-drawer: 480 + 52). */
const DRAWER_PX = 532;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Adds / updates / hides the preview layers; `layers` changes when map-view builds a new map. */
export function useImportPreview(mapRef: MapRef, mapKey: unknown, preview: ImportPreview | null | undefined) {
  const data = preview?.data ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      const source = map.getSource<maplibregl.GeoJSONSource>(importPreviewSource);
      if (source) source.setData(data ?? EMPTY);
      else map.addSource(importPreviewSource, { type: 'geojson', data: data ?? EMPTY, promoteId: 'seq' });
      for (const spec of importPreviewLayers(importPreviewSource, palette)) {
        if (!map.getLayer(spec.id)) map.addLayer(spec as maplibregl.AddLayerObject); // on top of everything
        map.setLayoutProperty(spec.id, 'visibility', data ? 'visible' : 'none');
      }
    };
    whenStyleLoaded(map, apply); // not isStyleLoaded(): false while parcel tiles load
  }, [mapRef, mapKey, data]);

  useFitExtent(mapRef, preview?.extent ?? null);
  useSelectedSeq(mapRef, data ? preview?.selectedSeq ?? null : null);
  const onClick = useRef(preview?.onFeatureClick);
  onClick.current = preview?.onFeatureClick;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const handler = (ev: maplibregl.MapLayerMouseEvent) => {
      const seq = Number(ev.features?.[0]?.properties?.seq);
      if (Number.isFinite(seq)) onClick.current?.(seq);
    };
    for (const id of importPreviewClickLayers) map.on('click', id, handler);
    return () => { for (const id of importPreviewClickLayers) map.off('click', id, handler); };
  }, [mapRef, mapKey]);
}

/** Fits the camera to a new extent (compared by value: polling returns equal extents as new arrays). */
function useFitExtent(mapRef: MapRef, extent: [number, number, number, number] | null) {
  const key = extent ? extent.join(',') : null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !key) return;
    const [w, s, e, n] = key.split(',').map(Number);
    // the import drawer covers the map's right side (≈ 530 px, styles.css .imp-drawer): fit into the rest
    const right = Math.min(DRAWER_PX, map.getContainer().clientWidth / 2);
    map.fitBounds([w, s, e, n], { padding: { top: 80, bottom: 80, left: 80, right: right + 40 }, maxZoom: 18, duration: 600 });
  }, [mapRef, key]);
}

function useSelectedSeq(mapRef: MapRef, seq: number | null) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map || seq === null) return;
    const target = { source: importPreviewSource, id: seq };
    const set = () => map.getSource(importPreviewSource) && map.setFeatureState(target, { selected: true });
    whenStyleLoaded(map, set);
    return () => {
      if (mapRef.current === map && map.getSource(importPreviewSource)) map.removeFeatureState(target, 'selected');
    };
  }, [mapRef, seq]);
}
