/** shpjs's zip reader (no bundled types), used by the export tests: reprojects to WGS 84 with the .prj. */
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  export function parseZip(zip: ArrayBuffer | Uint8Array): Promise<FeatureCollection & { fileName?: string }>;
}
