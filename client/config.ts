/**
 * Client configuration: the only module that reads `import.meta.env`.
 * `VITE_BASEMAP_STYLE_URL` (optional): an OSM-based MapLibre style URL to draw under the project layers.
 * Unset (the default) the map is fully offline: a plain background plus the project's own layers.
 */
const basemap = (import.meta.env.VITE_BASEMAP_STYLE_URL as string | undefined)?.trim();

export const config = Object.freeze({
  basemapStyleUrl: basemap ? basemap : null,
  /** Ward extent, EPSG:4326 [minLon, minLat, maxLon, maxLat]. */
  wardBbox: [106.44545, 20.97258, 106.53755, 21.03619] as [number, number, number, number],
  /** localStorage key for the chosen language. */
  langStorageKey: 'landmap.lang',
});
