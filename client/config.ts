/**
 * Client configuration: the only module that would read `import.meta.env` (nothing needs it today).
 * The online basemap is a runtime server setting (BASEMAP_STYLE_URL, delivered with GET /api/layers), so a
 * deployment switches it without rebuilding the client.
 */
export const config = Object.freeze({
  /** Ward extent, EPSG:4326 [minLon, minLat, maxLon, maxLat]. */
  wardBbox: [106.44545, 20.97258, 106.53755, 21.03619] as [number, number, number, number],
  /** localStorage key for the chosen language. */
  langStorageKey: 'landmap.lang',
});
