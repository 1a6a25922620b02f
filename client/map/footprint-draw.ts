/**
 * Drawing and editing a project footprint on the map with terra-draw (the MapLibre adapter). Used only by
 * map-view.tsx (the map boundary); React components describe what they want through the `FootprintDraw` prop.
 * - 'draw': click the corners, click the first one (or press Enter) to close; then the vertices stay editable.
 * - 'edit': the given footprint's vertices can be dragged, inserted (midpoints) and deleted (right click).
 * The pointer snaps to parcel (and other footprints') vertices, else edges, within SNAP_PX pixels.
 */
import { useEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import {
  TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures, type TerraDrawMouseEvent,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { ringsOf, snapToRings } from './snap';
import { whenStyleLoaded } from './style-ready';

/** What the footprint editor asks of the map. */
export interface FootprintDraw {
  mode: 'draw' | 'edit';
  /** The footprint to edit (or an imported one to adjust); null to draw from nothing. */
  initial: Polygon | MultiPolygon | null;
  /** The footprint as it is now (null while none is closed yet); `closed` false while a polygon is being drawn. */
  onChange: (geometry: Polygon | MultiPolygon | null, closed: boolean) => void;
}

const SNAP_PX = 10;
const SNAP_LAYERS = ['parcels-fill', 'projects-fill'];
const COLOR = '#0b5cad' as const;
const VERTEX = '#ffffff' as const;

/** Polygons in the draw store → one footprint (Polygon, or MultiPolygon for several parts). */
function footprintOf(features: GeoJSONStoreFeatures[]): Polygon | MultiPolygon | null {
  const polys = features.filter((f) => f.geometry.type === 'Polygon').map((f) => (f.geometry as Polygon).coordinates);
  if (polys.length === 0) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

function snapper(map: maplibregl.Map) {
  return (event: TerraDrawMouseEvent): Position | undefined => {
    const { containerX: x, containerY: y } = event;
    const layers = SNAP_LAYERS.filter((id) => map.getLayer(id));
    const hits = map.queryRenderedFeatures([[x - SNAP_PX, y - SNAP_PX], [x + SNAP_PX, y + SNAP_PX]], { layers });
    const rings = ringsOf(hits.map((f) => f.geometry as { type: string; coordinates: unknown }));
    const p = snapToRings({ x, y }, rings,
      (c) => map.project([c[0], c[1]]),
      (s) => { const ll = map.unproject([s.x, s.y]); return [ll.lng, ll.lat]; },
      SNAP_PX);
    return p ?? undefined;
  };
}

function createDraw(map: maplibregl.Map): TerraDraw {
  const toCustom = snapper(map);
  const styles = {
    fillColor: COLOR, fillOpacity: 0.25, outlineColor: COLOR, outlineWidth: 2,
    closingPointColor: VERTEX, closingPointOutlineColor: COLOR, closingPointWidth: 5, closingPointOutlineWidth: 2,
    snappingPointColor: '#ffcc00' as const, snappingPointOutlineColor: COLOR, snappingPointWidth: 6,
  };
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'footprint-draw' }),
    modes: [
      new TerraDrawPolygonMode({ snapping: { toCustom }, styles }),
      new TerraDrawSelectMode({
        flags: {
          polygon: {
            feature: {
              draggable: false,
              coordinates: { draggable: true, midpoints: true, deletable: true, snappable: { toCustom } },
            },
          },
        },
        styles: {
          selectedPolygonColor: COLOR, selectedPolygonOutlineColor: COLOR, selectedPolygonFillOpacity: 0.25,
          selectedPolygonOutlineWidth: 2, selectionPointColor: VERTEX, selectionPointOutlineColor: COLOR,
          selectionPointWidth: 5, selectionPointOutlineWidth: 2, midPointColor: COLOR, midPointOutlineColor: VERTEX,
        },
      }),
    ],
  });
}

/** Runs terra-draw while `draw` is set; a new `draw` object restarts it (e.g. after an import). */
export function useFootprintDraw(mapRef: { current: maplibregl.Map | null }, draw: FootprintDraw | null | undefined) {
  const onChange = useRef(draw?.onChange);
  onChange.current = draw?.onChange;
  const mode = draw?.mode;
  const initial = draw?.initial ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mode) return;
    let td: TerraDraw | null = null;
    const start = () => {
      td = createDraw(map);
      const instance = td;
      instance.start();
      instance.on('change', () => {
        const polys = instance.getSnapshot().filter((f) => f.geometry.type === 'Polygon');
        const drawing = instance.getMode() === 'polygon' && polys.some((f) => f.properties.currentlyDrawing);
        onChange.current?.(footprintOf(polys), !drawing);
      });
      instance.on('finish', (id, ctx) => {
        // a closed polygon stays editable: into select mode with it selected
        if (ctx.mode === 'polygon' && ctx.action === 'draw') {
          instance.setMode('select');
          instance.selectFeature(id);
        }
      });
      const parts = initial ? (initial.type === 'Polygon' ? [initial.coordinates] : initial.coordinates) : [];
      if (parts.length > 0) {
        const added = instance.addFeatures(parts.map((coordinates) => ({
          type: 'Feature', geometry: { type: 'Polygon', coordinates }, properties: { mode: 'polygon' },
        })));
        instance.setMode('select');
        const first = added.find((a) => a.valid)?.id;
        if (first !== undefined) instance.selectFeature(first);
        onChange.current?.(footprintOf(instance.getSnapshot()), true);
      } else {
        instance.setMode(mode === 'draw' ? 'polygon' : 'select');
      }
    };
    whenStyleLoaded(map, start); // not isStyleLoaded(): false while parcel tiles load
    return () => {
      map.off('load', start);
      td?.stop();
      map.getCanvas().style.cursor = '';
    };
  }, [mapRef, mode, initial]);
}

/** Reloads the projects source after a save (a new URL, so no cached copy is served). */
export function useProjectsRevision(mapRef: { current: maplibregl.Map | null }, url: string, revision: number | undefined) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !revision) return;
    map.getSource<maplibregl.GeoJSONSource>('projects')?.setData(`${url}?rev=${revision}`);
  }, [mapRef, url, revision]);
}
