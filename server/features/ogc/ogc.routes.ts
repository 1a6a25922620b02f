/**
 * OGC API – Features under /ogc (Part 1 Core + GeoJSON + OpenAPI 3.0, Part 2 CRS by Reference): landing page,
 * conformance, the API definition, collections (every map layer), items with bbox/limit/offset/crs/bbox-crs and
 * next links, single features. Everything here is public, like the map layers (no personal data in any source).
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type pg from 'pg';
import { ErrorCode, LayerId, OgcFormatQuery, OgcItemQuery, OgcItemsQuery, OgcPath, type OgcLink } from '../../api/contract.ts';
import { allow } from '../../http/auth.ts';
import { HttpError, notFoundHandler } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { collection, collections, conformance, landingPage, OPENAPI_TYPE } from './ogc.documents.ts';
import { openApiDocument } from './ogc.openapi.ts';
import { contentCrs, href, itemsLinks, outputCrs, resolveBbox } from './ogc.params.ts';
import { isPossibleFeatureId, ogcRepo } from './ogc.repo.ts';

const GEOJSON = 'application/geo+json';

/** scheme://host of the request (X-Forwarded-Proto is trusted from loopback, see app.ts). */
const baseUrl = (req: Request) => `${req.protocol}://${req.get('host')}`;

/** Open data: any web map or desktop GIS may read it, from any origin. */
const openData: RequestHandler = (_req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'Content-Crs');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  next();
};

function collectionId(req: Request): LayerId {
  const id = LayerId.safeParse(req.params.collectionId);
  if (!id.success) throw new HttpError(404, ErrorCode.layerUnknown, `Unknown collection '${req.params.collectionId}'`);
  return id.data;
}

/** Send JSON text with a media type (f=json asks for plain application/json). */
function sendJson(res: Response, text: string, type: string, f?: string): void {
  res.type(f === 'json' ? 'application/json' : type).send(text);
}

/** The /ogc routes. */
export function ogcRoutes(pool: pg.Pool): Router {
  const repo = ogcRepo(pool);
  const r = Router();
  r.use(OgcPath.landing, openData);

  r.get(OgcPath.landing, allow('GET /ogc'), (req, res) => {
    parse(OgcFormatQuery, req.query);
    res.json(landingPage(baseUrl(req)));
  });
  r.get(OgcPath.conformance, allow('GET /ogc/conformance'), (req, res) => {
    parse(OgcFormatQuery, req.query);
    res.json(conformance());
  });
  r.get(OgcPath.api, allow('GET /ogc/api'), (req, res) => {
    parse(OgcFormatQuery, req.query);
    res.type(OPENAPI_TYPE).send(JSON.stringify(openApiDocument(baseUrl(req))));
  });
  r.get(OgcPath.collections, allow('GET /ogc/collections'), async (req, res) => {
    parse(OgcFormatQuery, req.query);
    res.json(collections(baseUrl(req), await repo.extents()));
  });
  r.get('/ogc/collections/:collectionId', allow('GET /ogc/collections/:collectionId'), async (req, res) => {
    const id = collectionId(req);
    parse(OgcFormatQuery, req.query);
    res.json(collection(id, baseUrl(req), await repo.extents()));
  });

  r.get('/ogc/collections/:collectionId/items', allow('GET /ogc/collections/:collectionId/items'), async (req, res) => {
    const id = collectionId(req);
    parse(OgcItemsQuery.pick({ bbox: true }), { bbox: req.query.bbox }, ErrorCode.bboxInvalid);
    const q = parse(OgcItemsQuery, req.query);
    let bbox;
    if (q.bbox) {
      const b = resolveBbox(q.bbox, q['bbox-crs']);
      if (!b.valid) throw new HttpError(400, ErrorCode.bboxInvalid, b.reason);
      bbox = b.value;
    } else if (q['bbox-crs']) throw new HttpError(400, ErrorCode.badRequest, 'bbox-crs needs a bbox');
    const crs = outputCrs(q.crs);
    const matched = await repo.count(id, bbox);
    const page = await repo.items(id, { bbox, crs, limit: q.limit, offset: q.offset });
    const links = itemsLinks(baseUrl(req), OgcPath.items(id), OgcPath.collection(id), req.query as Record<string, string>,
      { offset: q.offset, limit: q.limit, returned: page.returned, matched });
    res.setHeader('Content-Crs', contentCrs(crs.uri));
    // features arrive as JSON text built by PostGIS: wrap without re-parsing them
    sendJson(res, `{"type":"FeatureCollection","numberMatched":${matched},"numberReturned":${page.returned},` +
      `"timeStamp":${JSON.stringify(new Date().toISOString())},"links":${JSON.stringify(links)},"features":${page.features}}`, GEOJSON, q.f);
  });

  r.get('/ogc/collections/:collectionId/items/:featureId', allow('GET /ogc/collections/:collectionId/items/:featureId'), async (req, res) => {
    const id = collectionId(req);
    const q = parse(OgcItemQuery, req.query);
    const featureId = String(req.params.featureId);
    const crs = outputCrs(q.crs);
    const feature = isPossibleFeatureId(id, featureId) ? await repo.item(id, featureId, crs) : null;
    if (!feature) throw new HttpError(404, ErrorCode.notFound, `No feature '${featureId}' in collection '${id}'`);
    const base = baseUrl(req);
    const self = OgcPath.item(id, featureId);
    const keep = { crs: req.query.crs as string | undefined };
    const links: OgcLink[] = [
      { href: href(base, self, keep), rel: 'self', type: GEOJSON, title: 'this feature' },
      { href: href(base, self, { ...keep, f: 'json' }), rel: 'alternate', type: 'application/json', title: 'this feature as JSON' },
      { href: href(base, OgcPath.collection(id)), rel: 'collection', type: 'application/json', title: 'the collection' },
    ];
    res.setHeader('Content-Crs', contentCrs(crs.uri));
    // the feature is a JSON object from PostGIS: add the links before its closing brace
    sendJson(res, `${feature.slice(0, feature.lastIndexOf('}'))},"links":${JSON.stringify(links)}}`, GEOJSON, q.f);
  });

  // an unknown path under /ogc is a JSON 404 (not the client's app shell)
  r.use(OgcPath.landing, notFoundHandler);
  return r;
}
