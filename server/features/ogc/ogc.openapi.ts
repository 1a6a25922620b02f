/**
 * The OpenAPI 3.0 definition of /ogc (conformance class oas30), generated from the same constants the routes
 * use: collection ids from the layer catalogue, the CRS list, the limit bounds.
 */
import { LayerId, OGC_CRS_URIS, OGC_LIMIT_DEFAULT, OGC_LIMIT_MAX } from '../../api/contract.ts';

const json = (schema: object, type = 'application/json') => ({ content: { [type]: { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = { description: 'An error', ...json(ref('error')) };

const link = {
  type: 'object', required: ['href', 'rel'],
  properties: { href: { type: 'string' }, rel: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' } },
};
const links = { type: 'array', items: ref('link') };

const parameters = {
  collectionId: { name: 'collectionId', in: 'path', required: true, schema: { type: 'string', enum: LayerId.options } },
  featureId: { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } },
  limit: {
    name: 'limit', in: 'query', required: false, style: 'form', explode: false,
    description: `Maximum number of features (default ${OGC_LIMIT_DEFAULT}; larger values are served as ${OGC_LIMIT_MAX}).`,
    schema: { type: 'integer', minimum: 1, maximum: OGC_LIMIT_MAX, default: OGC_LIMIT_DEFAULT },
  },
  offset: { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 },
    description: 'Features to skip (the next links carry it).' },
  bbox: {
    name: 'bbox', in: 'query', required: false, style: 'form', explode: false,
    description: 'minx,miny,maxx,maxy in the axis order of bbox-crs (CRS84 by default: lon,lat; EPSG:4326: lat,lon).',
    schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
  },
  bboxCrs: { name: 'bbox-crs', in: 'query', required: false, schema: { type: 'string', format: 'uri', enum: OGC_CRS_URIS } },
  crs: { name: 'crs', in: 'query', required: false, schema: { type: 'string', format: 'uri', enum: OGC_CRS_URIS } },
  f: { name: 'f', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'geojson'] } },
};
const p = (name: keyof typeof parameters) => ({ $ref: `#/components/parameters/${name}` });

const contentCrsHeader = { 'Content-Crs': { description: 'CRS of the coordinates, as <uri>', schema: { type: 'string' } } };

/** The OpenAPI document; base is the server's URL (scheme://host). */
export function openApiDocument(base: string): object {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Trần Liễu land map — OGC API – Features',
      version: '1.0.0',
      description: 'Map layers of phường Trần Liễu as OGC API – Features (Part 1 Core, GeoJSON; Part 2 CRS). ' +
        'No personal data. Demo layers are marked "Dữ liệu minh họa".',
    },
    servers: [{ url: `${base}/ogc` }],
    paths: {
      '/': { get: { operationId: 'getLandingPage', parameters: [p('f')], responses: { 200: { description: 'Landing page', ...json(ref('landingPage')) }, 400: error } } },
      '/conformance': { get: { operationId: 'getConformance', parameters: [p('f')], responses: { 200: { description: 'Conformance classes', ...json(ref('confClasses')) }, 400: error } } },
      '/api': { get: { operationId: 'getApi', responses: { 200: { description: 'This document', content: { 'application/vnd.oai.openapi+json;version=3.0': {} } } } } },
      '/collections': { get: { operationId: 'getCollections', parameters: [p('f')], responses: { 200: { description: 'The collections', ...json(ref('collections')) }, 400: error } } },
      '/collections/{collectionId}': {
        get: { operationId: 'describeCollection', parameters: [p('collectionId'), p('f')],
          responses: { 200: { description: 'A collection', ...json(ref('collection')) }, 400: error, 404: error } },
      },
      '/collections/{collectionId}/items': {
        get: { operationId: 'getFeatures', parameters: [p('collectionId'), p('limit'), p('offset'), p('bbox'), p('bboxCrs'), p('crs'), p('f')],
          responses: { 200: { description: 'Features', headers: contentCrsHeader, ...json(ref('featureCollectionGeoJSON'), 'application/geo+json') }, 400: error, 404: error } },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: { operationId: 'getFeature', parameters: [p('collectionId'), p('featureId'), p('crs'), p('f')],
          responses: { 200: { description: 'A feature', headers: contentCrsHeader, ...json(ref('featureGeoJSON'), 'application/geo+json') }, 400: error, 404: error } },
      },
    },
    components: {
      parameters,
      schemas: {
        link,
        error: { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
        landingPage: { type: 'object', required: ['links'], properties: { title: { type: 'string' }, description: { type: 'string' }, links } },
        confClasses: { type: 'object', required: ['conformsTo'], properties: { conformsTo: { type: 'array', items: { type: 'string' } } } },
        collection: {
          type: 'object', required: ['id', 'links'],
          properties: { id: { type: 'string' }, title: { type: 'string' }, description: { type: 'string' }, links, extent: { type: 'object' },
            itemType: { type: 'string' }, crs: { type: 'array', items: { type: 'string' } }, storageCrs: { type: 'string' } },
        },
        collections: { type: 'object', required: ['links', 'collections'], properties: { links, collections: { type: 'array', items: ref('collection') } } },
        featureGeoJSON: { type: 'object', required: ['type', 'geometry', 'properties'],
          properties: { type: { type: 'string', enum: ['Feature'] }, id: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
            geometry: { type: 'object', nullable: true }, properties: { type: 'object', nullable: true }, links } },
        featureCollectionGeoJSON: { type: 'object', required: ['type', 'features'],
          properties: { type: { type: 'string', enum: ['FeatureCollection'] }, features: { type: 'array', items: ref('featureGeoJSON') },
            links, timeStamp: { type: 'string', format: 'date-time' }, numberMatched: { type: 'integer', minimum: 0 }, numberReturned: { type: 'integer', minimum: 0 } } },
      },
    },
  };
}
