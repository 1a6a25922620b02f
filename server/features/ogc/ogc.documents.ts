/**
 * The static-ish OGC API documents: landing page, conformance, collection descriptions. Built from the map's
 * layer catalogue (layers.catalog.ts), so every map layer is a collection with the same titles and sources.
 */
import {
  CRS84, OGC_CONFORMANCE, OGC_CRS_URIS, OgcPath,
  type OgcCollection, type OgcConformance, type OgcLanding, type OgcLink,
} from '../../api/contract.ts';
import { LAYERS, type LayerDef } from '../layers/layers.catalog.ts';
import type { Extent } from './ogc.repo.ts';
import { href } from './ogc.params.ts';

export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';
const JSON_TYPE = 'application/json';
const GEOJSON = 'application/geo+json';

/** GET /ogc */
export function landingPage(base: string): OgcLanding {
  const link = (path: string, rel: string, type: string, title: string): OgcLink => ({ href: href(base, path), rel, type, title });
  return {
    title: 'Bản đồ quản lý đất đai phường Trần Liễu — OGC API – Features',
    description: 'Các lớp bản đồ của phường Trần Liễu (Hải Phòng): ranh giới, thửa đất, dự án, giao thông… ' +
      'Dữ liệu minh họa ở các lớp có ghi chú. / The map layers of Trần Liễu ward (Hải Phòng) as OGC API – Features; ' +
      'layers marked as demo data are synthetic. CRS: CRS84, EPSG:4326, EPSG:3857, VN-2000 TM-3 EPSG:9209 / 9210.',
    links: [
      link(OgcPath.landing, 'self', JSON_TYPE, 'this document'),
      link(OgcPath.api, 'service-desc', OPENAPI_TYPE, 'the API definition (OpenAPI 3.0)'),
      link(OgcPath.conformance, 'conformance', JSON_TYPE, 'conformance classes implemented'),
      link(OgcPath.collections, 'data', JSON_TYPE, 'the feature collections'),
    ],
  };
}

/** GET /ogc/conformance */
export function conformance(): OgcConformance {
  return { conformsTo: [...OGC_CONFORMANCE] };
}

function describe(layer: LayerDef, base: string, extent: Extent | undefined): OgcCollection {
  return {
    id: layer.id,
    title: `${layer.title.vi} — ${layer.title.en}`,
    description: `${layer.source.vi} / ${layer.source.en}`,
    links: [
      { href: href(base, OgcPath.collection(layer.id)), rel: 'self', type: JSON_TYPE, title: 'this collection' },
      { href: href(base, OgcPath.items(layer.id)), rel: 'items', type: GEOJSON, title: 'the features' },
    ],
    ...(extent ? { extent: { spatial: { bbox: [extent], crs: CRS84 } } } : {}),
    itemType: 'feature',
    crs: [...OGC_CRS_URIS],
    // geometries are stored in EPSG:4326 with longitude first, i.e. as CRS84
    storageCrs: CRS84,
  };
}

/** The description of one collection, or undefined for an unknown id. */
export function collection(id: string, base: string, extents: Map<string, Extent>): OgcCollection | undefined {
  const layer = LAYERS.find((l) => l.id === id);
  return layer && describe(layer, base, extents.get(layer.id));
}

/** GET /ogc/collections */
export function collections(base: string, extents: Map<string, Extent>) {
  return {
    links: [{ href: href(base, OgcPath.collections), rel: 'self', type: JSON_TYPE, title: 'this document' }],
    collections: LAYERS.map((l) => describe(l, base, extents.get(l.id))),
  };
}
