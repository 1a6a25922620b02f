/**
 * OGC API parameters → what the repo needs: the bbox in x/y order with its SRID, the output CRS, and links
 * rebuilt from the request. Pure functions (unit-tested in tests/unit/ogc-params.test.ts).
 */
import { CRS84, OGC_CRS, type OgcCrsUri, type OgcLink } from '../../api/contract.ts';
import type { OutputCrs, SridBbox } from './ogc.repo.ts';

/** Why a bbox is refused (the route answers 400 bbox_invalid with the message). */
export const BboxReason = {
  order: 'bbox: the lower corner must not exceed the upper corner (a box across the antimeridian is not supported)',
  range: 'bbox: coordinates outside the valid range of bbox-crs',
} as const;
export type BboxResult = { valid: true; value: SridBbox } | { valid: false; reason: string };

/**
 * Limits of projected coordinates that the transform to EPSG:4326 can take (m): Web Mercator's square, and for
 * VN-2000 TM-3 the northern-hemisphere band a 3° zone can hold with some margin.
 */
const PROJECTED_RANGE: Record<number, [number, number, number, number]> = {
  3857: [-20_037_508.35, -20_048_966.11, 20_037_508.35, 20_048_966.11],
  9209: [-1_000_000, 0, 2_000_000, 10_000_000],
  9210: [-1_000_000, 0, 2_000_000, 10_000_000],
};

/**
 * A bbox as given (axis order of bboxCrs: EPSG:4326 is lat,lon; CRS84 and the projected CRSs are x,y) →
 * minx, miny, maxx, maxy in x/y order and its SRID, or why it is not acceptable.
 */
export function resolveBbox(given: [number, number, number, number], bboxCrs: OgcCrsUri = CRS84): BboxResult {
  const crs = OGC_CRS[bboxCrs];
  const [a, b, c, d] = given;
  const xy: [number, number, number, number] = crs.latFirst ? [b, a, d, c] : [a, b, c, d];
  const [minx, miny, maxx, maxy] = xy;
  if (minx > maxx || miny > maxy) return { valid: false, reason: BboxReason.order };
  const range = crs.geographic ? [-180, -90, 180, 90] : PROJECTED_RANGE[crs.srid];
  if (minx < range[0] || miny < range[1] || maxx > range[2] || maxy > range[3]) return { valid: false, reason: BboxReason.range };
  return { valid: true, value: { bbox: xy, srid: crs.srid } };
}

/** The output CRS of a response (CRS84 when the request names none). */
export function outputCrs(uri: OgcCrsUri = CRS84): OutputCrs & { uri: OgcCrsUri } {
  const { srid, latFirst, decimals } = OGC_CRS[uri];
  return { uri, srid, latFirst, decimals };
}

/** The Content-Crs header value: the CRS URI in angle brackets (OGC 18-058r1, /req/crs/ogc-crs-header). */
export function contentCrs(uri: OgcCrsUri): string {
  return `<${uri}>`;
}

/** href of path on base with query (undefined values left out; order kept, so self links echo the request). */
export function href(base: string, path: string, query: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return `${base}${path}${s ? `?${s}` : ''}`;
}

const GEOJSON = 'application/geo+json';
const JSON_TYPE = 'application/json';

/**
 * Links of an /items page: self and alternate (the same page as JSON), next while features remain, prev after
 * the first page, and the collection. query: the request's own parameters (strings), offset/limit as served.
 */
export function itemsLinks(
  base: string, itemsPath: string, collectionPath: string, query: Record<string, string | undefined>,
  page: { offset: number; limit: number; returned: number; matched: number },
): OgcLink[] {
  const at = (offset: number) => ({ ...query, f: undefined, offset: offset || undefined, limit: String(page.limit) });
  const here = { ...query, f: undefined };
  const links: OgcLink[] = [
    { href: href(base, itemsPath, here), rel: 'self', type: GEOJSON, title: 'this document' },
    { href: href(base, itemsPath, { ...here, f: 'json' }), rel: 'alternate', type: JSON_TYPE, title: 'this document as JSON' },
  ];
  if (page.offset + page.returned < page.matched) {
    links.push({ href: href(base, itemsPath, at(page.offset + page.limit)), rel: 'next', type: GEOJSON, title: 'next page' });
  }
  if (page.offset > 0) {
    links.push({ href: href(base, itemsPath, at(Math.max(0, page.offset - page.limit))), rel: 'prev', type: GEOJSON, title: 'previous page' });
  }
  links.push({ href: href(base, collectionPath), rel: 'collection', type: JSON_TYPE, title: 'the collection' });
  return links;
}
