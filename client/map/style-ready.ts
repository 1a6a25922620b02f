/**
 * "Run this once the map's style has loaded." `map.isStyleLoaded()` cannot tell: it is also false while any source
 * is loading tiles (the parcels are vector tiles, so during every pan or fly-to), and `load` fires only once — a
 * change made then (a filter, the selection, an overlay) would wait for a `load` that never comes again.
 */
import type * as maplibregl from 'maplibre-gl';

const loaded = new WeakSet<maplibregl.Map>();

/** Call right after creating a map: remembers when its style has loaded (the `load` event). */
export function trackStyleLoad(map: maplibregl.Map): void {
  map.once('load', () => loaded.add(map));
}

/** Runs fn now if the map's style has loaded, else once it has. */
export function whenStyleLoaded(map: maplibregl.Map, fn: () => void): void {
  if (loaded.has(map)) fn();
  else map.once('load', fn);
}
