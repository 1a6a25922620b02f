/**
 * OGC API – Features (Part 1 Core + GeoJSON, Part 2 CRS by Reference) under /ogc: paths, the coordinate reference
 * systems offered, the query parameters of /items, and the shapes of the answers. Every map layer is a collection.
 * Imports neither pg nor express (the client may import it through contract.ts).
 */
import { z } from 'zod';
import type { Feature, Geometry } from 'geojson';

export const OgcPath = {
  landing: '/ogc',
  conformance: '/ogc/conformance',
  api: '/ogc/api',
  collections: '/ogc/collections',
  collection: (id: string) => `/ogc/collections/${encodeURIComponent(id)}`,
  items: (id: string) => `/ogc/collections/${encodeURIComponent(id)}/items`,
  item: (id: string, featureId: string | number) =>
    `/ogc/collections/${encodeURIComponent(id)}/items/${encodeURIComponent(String(featureId))}`,
} as const;

/** Conformance classes this server implements (OGC 17-069r4, OGC 18-058r1). */
export const OGC_CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
] as const;

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/**
 * The CRSs offered, by URI: PostGIS SRID, and whether the authority's axis order is latitude first (EPSG:4326
 * is lat/lon; CRS84 is lon/lat; the projected ones are easting/northing — EPSG's own VN-2000 TM-3 definitions
 * are E, N). decimals: GeoJSON coordinate precision (1e-7° ≈ 1 cm; 1e-3 m = 1 mm).
 */
export const OGC_CRS = {
  [CRS84]: { srid: 4326, latFirst: false, decimals: 7, geographic: true },
  'http://www.opengis.net/def/crs/EPSG/0/4326': { srid: 4326, latFirst: true, decimals: 7, geographic: true },
  'http://www.opengis.net/def/crs/EPSG/0/3857': { srid: 3857, latFirst: false, decimals: 3, geographic: false },
  // VN-2000 / TM-3 105°30' (the 2010 cadastral maps of the ward) and 105°45' (Hải Phòng), see 0002_spatial_functions.sql
  'http://www.opengis.net/def/crs/EPSG/0/9209': { srid: 9209, latFirst: false, decimals: 3, geographic: false },
  'http://www.opengis.net/def/crs/EPSG/0/9210': { srid: 9210, latFirst: false, decimals: 3, geographic: false },
} as const satisfies Record<string, OgcCrsInfo>;
export interface OgcCrsInfo { srid: number; latFirst: boolean; decimals: number; geographic: boolean }
export type OgcCrsUri = Extract<keyof typeof OGC_CRS, string>;
export const OGC_CRS_URIS = Object.keys(OGC_CRS) as OgcCrsUri[];

/** limit on /items: default and maximum (a larger value is served as the maximum, as Part 1 asks). */
export const OGC_LIMIT_DEFAULT = 100;
export const OGC_LIMIT_MAX = 10_000;

const crsParam = z
  .string()
  .trim()
  // '<uri>' in angle brackets is allowed too (safe CURIE style some clients send)
  .transform((s) => s.replace(/^<(.*)>$/, '$1'))
  .refine((s): s is OgcCrsUri => s in OGC_CRS, { message: `unsupported CRS; use one of ${OGC_CRS_URIS.join(', ')}` });

/** Query of /items. bbox is kept as numbers in the axis order of bbox-crs; the route checks it against the CRS. */
export const OgcItemsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).default(OGC_LIMIT_DEFAULT).transform((n) => Math.min(n, OGC_LIMIT_MAX)),
    offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
    bbox: z
      .string()
      .transform((s, ctx) => {
        const n = s.split(',').map((v) => (v.trim() === '' ? NaN : Number(v)));
        if ((n.length !== 4 && n.length !== 6) || !n.every(Number.isFinite)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'bbox must be 4 (or 6) comma-separated numbers' });
          return z.NEVER;
        }
        // 6 numbers: minx,miny,minz,maxx,maxy,maxz — heights are not stored, so they do not filter
        return (n.length === 6 ? [n[0], n[1], n[3], n[4]] : n) as [number, number, number, number];
      })
      .optional(),
    'bbox-crs': crsParam.optional(),
    crs: crsParam.optional(),
    f: z.enum(['json', 'geojson']).optional(),
  })
  .strict();
export type OgcItemsQuery = z.infer<typeof OgcItemsQuery>;

/** Query of the other /ogc resources: only the output format. */
export const OgcFormatQuery = z.object({ f: z.enum(['json', 'geojson']).optional() }).strict();
export const OgcItemQuery = z.object({ crs: crsParam.optional(), f: z.enum(['json', 'geojson']).optional() }).strict();

export interface OgcLink { href: string; rel: string; type?: string; title?: string; hreflang?: string }

export interface OgcLanding { title: string; description: string; links: OgcLink[] }
export interface OgcConformance { conformsTo: string[] }

export interface OgcCollection {
  id: string;
  title: string;
  description: string;
  links: OgcLink[];
  extent?: { spatial: { bbox: [number, number, number, number][]; crs: typeof CRS84 } };
  itemType: 'feature';
  crs: string[];
  storageCrs: string;
}
export interface OgcCollections { links: OgcLink[]; collections: OgcCollection[] }

export type OgcFeature = Feature<Geometry | null, Record<string, unknown>> & { links?: OgcLink[] };
export interface OgcFeatureCollection {
  type: 'FeatureCollection';
  features: OgcFeature[];
  links: OgcLink[];
  timeStamp: string;
  numberMatched: number;
  numberReturned: number;
}
