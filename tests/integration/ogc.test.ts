/**
 * OGC API – Features under /ogc against the standard's requirements (OGC 17-069r4 Part 1 Core/GeoJSON/OAS30,
 * OGC 18-058r1 Part 2 CRS): landing links, conformance, collections for every map layer, items with paging by
 * next links, numberMatched/numberReturned, bbox and bbox-crs, crs with Content-Crs and EPSG:4326's lat/lon
 * order, VN-2000 coordinates checked against PROJ (cs2cs fixture + proj4 with the same definition).
 */
import fs from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRS84, ErrorBody, LayerId, OGC_CONFORMANCE, OGC_CRS_URIS } from '../../server/api/contract.ts';
import { PERSONAL_KEYS } from '../../server/http/personal-data.ts';
import { openTestApp } from './harness.ts';

const t = openTestApp();
afterAll(() => t.close());

const EPSG = (n: number) => `http://www.opengis.net/def/crs/EPSG/0/${n}`;
const fixture = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/vn2000-proj-points.json'), 'utf8'));
// the PROJ definition the fixture was computed with (its "about" line), for proj4 checks of polygon vertices
const vn2000 = (lon0: number) => `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ` +
  '+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs';

/** Path and query of an absolute link, for supertest. */
const local = (href: string) => { const u = new URL(href); return u.pathname + u.search; };
const get = (url: string) => request(t.app).get(url);
type Pos = [number, number];
const firstPosition = (g: { type: string; coordinates: unknown }): Pos => {
  let c: unknown = g.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return c as Pos;
};

/** A small bbox (CRS84) around the middle of the parcels, and the parcels' total. */
let box: [number, number, number, number];
let parcelTotal: number;
beforeAll(async () => {
  const { rows: [r] } = await t.pool.query(`SELECT ST_X(c) x, ST_Y(c) y, n FROM
    (SELECT ST_Centroid(ST_Extent(geom)::geometry) c, count(*)::int n FROM parcel) s`);
  box = [r.x - 0.004, r.y - 0.003, r.x + 0.004, r.y + 0.003];
  parcelTotal = r.n;
});

describe('landing page, conformance, API definition', () => {
  it('links to the API definition, the conformance classes and the collections, and each link resolves', async () => {
    const res = await get('/ogc').expect(200).expect('Content-Type', /application\/json/);
    const rels = Object.fromEntries(res.body.links.map((l: { rel: string }) => [l.rel, l]));
    for (const rel of ['self', 'service-desc', 'conformance', 'data']) expect(rels[rel]?.href, rel).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ogc/);
    expect(rels['service-desc'].type).toBe('application/vnd.oai.openapi+json;version=3.0');
    for (const rel of ['service-desc', 'conformance', 'data']) await get(local(rels[rel].href)).expect(200);
  });

  it('declares Core, GeoJSON, OpenAPI 3.0 and CRS conformance', async () => {
    const res = await get('/ogc/conformance').expect(200);
    expect(res.body.conformsTo).toEqual(expect.arrayContaining([...OGC_CONFORMANCE]));
    expect(res.body.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs');
  });

  it('serves an OpenAPI 3.0 document naming every collection and the CRS parameters', async () => {
    const res = await get('/ogc/api').expect(200).expect('Content-Type', /application\/vnd\.oai\.openapi\+json/);
    const doc = JSON.parse(res.text);
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/', '/conformance', '/collections', '/collections/{collectionId}/items', '/collections/{collectionId}/items/{featureId}']));
    expect(doc.components.parameters.collectionId.schema.enum).toEqual(LayerId.options);
    expect(doc.components.parameters.crs.schema.enum).toEqual(OGC_CRS_URIS);
    expect(doc.components.parameters.limit.schema.maximum).toBe(10_000);
  });

  it('answers unknown paths and query parameters in the one error shape', async () => {
    expect(ErrorBody.parse((await get('/ogc/no-such-thing').expect(404)).body).error.code).toBe('route_not_found');
    expect((await get('/ogc/collections?colour=red').expect(400)).body.error.message).toMatch(/colour/);
  });
});

describe('collections', () => {
  it('has one collection per map layer, each with items link, extent, CRS list and storage CRS', async () => {
    const res = await get('/ogc/collections').expect(200);
    const layers = (await get('/api/layers').expect(200)).body.layers as { id: string; featureCount: number }[];
    expect(res.body.collections.map((c: { id: string }) => c.id).sort()).toEqual(layers.map((l) => l.id).sort());
    expect(res.body.links.find((l: { rel: string }) => l.rel === 'self')).toBeTruthy();
    const { rows: [e] } = await t.pool.query('SELECT ST_XMin(b) x0, ST_YMin(b) y0, ST_XMax(b) x1, ST_YMax(b) y1 FROM (SELECT ST_Extent(geom) b FROM school) s');
    for (const c of res.body.collections) {
      expect(c.itemType).toBe('feature');
      expect(c.crs).toEqual(OGC_CRS_URIS);
      expect(c.storageCrs).toBe(CRS84);
      const items = c.links.find((l: { rel: string }) => l.rel === 'items');
      expect(items.type).toBe('application/geo+json');
      expect(local(items.href)).toBe(`/ogc/collections/${c.id}/items`);
    }
    const schools = res.body.collections.find((c: { id: string }) => c.id === 'schools');
    expect(schools.extent.spatial.crs).toBe(CRS84);
    expect(schools.extent.spatial.bbox[0]).toEqual([e.x0, e.y0, e.x1, e.y1].map((v) => expect.closeTo(v, 9)));
    expect(schools.title).toContain('Trường học');
  });

  it('describes one collection, and 404s an unknown one', async () => {
    const res = await get('/ogc/collections/parcels').expect(200);
    expect(res.body.id).toBe('parcels');
    expect(res.body.description).toContain('Dữ liệu minh họa');
    expect((await get('/ogc/collections/cadastre-of-mars').expect(404)).body.error.code).toBe('layer_unknown');
    expect((await get('/ogc/collections/cadastre-of-mars/items').expect(404)).body.error.code).toBe('layer_unknown');
  });
});

describe('items: paging', () => {
  it('defaults to 100 features, says how many matched and returned, and links self, alternate, next, collection', async () => {
    const res = await get('/ogc/collections/parcels/items').expect(200).expect('Content-Type', /application\/geo\+json/);
    expect(res.body.type).toBe('FeatureCollection');
    expect(res.body.numberMatched).toBeGreaterThan(100);
    expect(res.body.numberReturned).toBe(100);
    expect(res.body.features).toHaveLength(100);
    expect(Date.parse(res.body.timeStamp)).not.toBeNaN();
    expect(res.header['content-crs']).toBe(`<${CRS84}>`);
    const rel = (r: string) => res.body.links.find((l: { rel: string }) => l.rel === r);
    expect(rel('self').type).toBe('application/geo+json');
    expect(rel('alternate').type).toBe('application/json');
    await get(local(rel('alternate').href)).expect(200).expect('Content-Type', /^application\/json/);
    expect(local(rel('self').href)).toBe('/ogc/collections/parcels/items');
    expect(rel('collection').href).toMatch(/\/ogc\/collections\/parcels$/);
    expect(rel('prev')).toBeUndefined();
    const next = new URL(rel('next').href);
    expect([next.searchParams.get('offset'), next.searchParams.get('limit')]).toEqual(['100', '100']);
    const page2 = await get(local(rel('next').href)).expect(200);
    const ids1 = new Set(res.body.features.map((f: { id: number }) => f.id));
    expect(page2.body.features.some((f: { id: number }) => ids1.has(f.id))).toBe(false);
    expect(page2.body.links.some((l: { rel: string }) => l.rel === 'prev')).toBe(true);
  });

  it('walks a whole collection by next links: every feature once, as many as numberMatched', async () => {
    const all = (await get('/api/layers/heritage-sites').expect(200)).body.features.map((f: { id: number }) => f.id);
    let url: string | undefined = '/ogc/collections/heritage-sites/items?limit=10';
    const seen: number[] = [];
    let matched = -1;
    while (url) {
      const res: request.Response = await get(url).expect(200);
      matched = res.body.numberMatched;
      expect(res.body.numberReturned).toBe(res.body.features.length);
      expect(res.body.numberReturned).toBeLessThanOrEqual(10);
      seen.push(...res.body.features.map((f: { id: number }) => f.id));
      const next: { href: string } | undefined = res.body.links.find((l: { rel: string }) => l.rel === 'next');
      url = next && local(next.href);
    }
    expect(seen.length).toBe(matched);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...all].sort());
  });

  it('serves a limit above 10 000 as 10 000, and refuses a limit below 1 or not a number', async () => {
    const res = await get('/ogc/collections/parcels/items?limit=50000').expect(200);
    expect(res.body.numberReturned).toBe(Math.min(10_000, res.body.numberMatched));
    expect(res.body.features.length).toBe(res.body.numberReturned);
    expect(res.body.numberMatched).toBe(parcelTotal);
    for (const limit of ['0', '-5', 'many', '2.5']) await get(`/ogc/collections/parcels/items?limit=${limit}`).expect(400);
  });

  it('returns an empty page past the end, without a next link', async () => {
    const res = await get(`/ogc/collections/schools/items?offset=100000`).expect(200);
    expect(res.body.numberReturned).toBe(0);
    expect(res.body.features).toEqual([]);
    expect(res.body.links.some((l: { rel: string }) => l.rel === 'next')).toBe(false);
  });
});

describe('items: bbox and bbox-crs', () => {
  const ids = (b: { features: { id: number }[] }) => b.features.map((f) => f.id).sort((a, c) => a - c);

  it('filters by a CRS84 bbox (lon,lat): fewer features, each touching the box (to the 1e-7° of the output)', async () => {
    const res = await get(`/ogc/collections/parcels/items?limit=10000&bbox=${box.join(',')}`).expect(200);
    expect(res.body.numberMatched).toBeGreaterThan(0);
    expect(res.body.numberMatched).toBeLessThan(parcelTotal);
    for (const f of res.body.features) {
      const pts = (f.geometry.coordinates as Pos[][][]).flat(2);
      const [x0, y0, x1, y1] = [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
      const e = 2e-7;
      expect(x0 <= box[2] + e && x1 >= box[0] - e && y0 <= box[3] + e && y1 >= box[1] - e, JSON.stringify([box, f.geometry])).toBe(true);
    }
  });

  it('reads an EPSG:4326 bbox as lat,lon, and a VN-2000 bbox in metres', async () => {
    const base = await get(`/ogc/collections/parcels/items?limit=10000&bbox=${box.join(',')}`).expect(200);
    const latLon = [box[1], box[0], box[3], box[2]].join(',');
    const as4326 = await get(`/ogc/collections/parcels/items?limit=10000&bbox=${latLon}&bbox-crs=${encodeURIComponent(EPSG(4326))}`).expect(200);
    expect(ids(as4326.body)).toEqual(ids(base.body));
    // the same box projected to VN-2000 TM-3 105°30': its corners' envelope in metres holds the lon/lat box
    const corners = [[box[0], box[1]], [box[2], box[1]], [box[2], box[3]], [box[0], box[3]]].map((c) => proj4('WGS84', vn2000(105.5), c));
    const m = [Math.min(...corners.map((c) => c[0])), Math.min(...corners.map((c) => c[1])), Math.max(...corners.map((c) => c[0])), Math.max(...corners.map((c) => c[1]))];
    const asVn = await get(`/ogc/collections/parcels/items?limit=10000&bbox=${m.join(',')}&bbox-crs=${encodeURIComponent(EPSG(9209))}`).expect(200);
    expect(ids(asVn.body)).toEqual(expect.arrayContaining(ids(base.body)));
    expect(asVn.body.numberMatched).toBeLessThan(base.body.numberMatched * 1.2 + 5);
  });

  it.each([
    ['1,2,3', 'bbox_invalid'], ['a,b,c,d', 'bbox_invalid'], ['106.5,21,106.4,21.1', 'bbox_invalid'], ['200,0,201,1', 'bbox_invalid'],
  ])('refuses bbox=%s', async (bbox, code) => {
    expect((await get(`/ogc/collections/parcels/items?bbox=${bbox}`).expect(400)).body.error.code).toBe(code);
  });

  it('refuses an unknown CRS, and bbox-crs without bbox', async () => {
    const bad = await get(`/ogc/collections/parcels/items?crs=${encodeURIComponent(EPSG(32648))}`).expect(400);
    expect(bad.body.error.message).toMatch(/unsupported CRS/);
    await get(`/ogc/collections/parcels/items?bbox-crs=${encodeURIComponent(EPSG(4326))}`).expect(400);
    await get(`/ogc/collections/parcels/items?bbox=${box.join(',')}&bbox-crs=EPSG:4326`).expect(400);
  });
});

describe('items: crs', () => {
  const office = fixture.points.find((p: { name: string }) => p.name.startsWith('ward office'));

  it('writes the ward office in each CRS, with Content-Crs; VN-2000 agrees with PROJ cs2cs to < 1 cm', async () => {
    const base = await get('/ogc/collections/ward-office/items').expect(200);
    const [lon, lat] = base.body.features[0].geometry.coordinates;
    expect([lon, lat]).toEqual([expect.closeTo(office.lon, 7), expect.closeTo(office.lat, 7)]);
    for (const [code, expected] of [[9209, office.epsg9209], [9210, office.epsg9210]] as const) {
      const res = await get(`/ogc/collections/ward-office/items?crs=${encodeURIComponent(EPSG(code))}`).expect(200);
      expect(res.header['content-crs']).toBe(`<${EPSG(code)}>`);
      const [e, n] = res.body.features[0].geometry.coordinates;
      expect(Math.hypot(e - expected[0], n - expected[1]), `EPSG:${code}`).toBeLessThan(0.01);
    }
  });

  it('writes EPSG:4326 as lat,lon and EPSG:3857 in metres, vertex by vertex', async () => {
    const q = `limit=5&bbox=${box.join(',')}`;
    const lonLat = (await get(`/ogc/collections/parcels/items?${q}`).expect(200)).body.features;
    const latLon = await get(`/ogc/collections/parcels/items?${q}&crs=${encodeURIComponent(EPSG(4326))}`).expect(200);
    expect(latLon.header['content-crs']).toBe(`<${EPSG(4326)}>`);
    const merc = (await get(`/ogc/collections/parcels/items?${q}&crs=${encodeURIComponent(EPSG(3857))}`).expect(200)).body.features;
    const vn = (await get(`/ogc/collections/parcels/items?${q}&crs=${encodeURIComponent(EPSG(9209))}`).expect(200)).body.features;
    expect(lonLat.length).toBe(5);
    lonLat.forEach((f: { id: number; geometry: { type: string; coordinates: unknown } }, i: number) => {
      const p = firstPosition(f.geometry);
      expect(latLon.body.features[i].id).toBe(f.id);
      expect(firstPosition(latLon.body.features[i].geometry)).toEqual([p[1], p[0]]);
      const m = proj4('WGS84', 'EPSG:3857', p);
      const gm = firstPosition(merc[i].geometry);
      expect(Math.hypot(gm[0] - m[0], gm[1] - m[1])).toBeLessThan(0.01);
      const v = proj4('WGS84', vn2000(105.5), p);
      const gv = firstPosition(vn[i].geometry);
      expect(Math.hypot(gv[0] - v[0], gv[1] - v[1])).toBeLessThan(0.01);
    });
  });
});

describe('one feature', () => {
  it('is the same feature as in the list, with self and collection links and Content-Crs', async () => {
    const list = await get('/ogc/collections/parcels/items?limit=1').expect(200);
    const f = list.body.features[0];
    const res = await get(`/ogc/collections/parcels/items/${f.id}?crs=${encodeURIComponent(EPSG(9210))}`).expect(200)
      .expect('Content-Type', /application\/geo\+json/);
    expect(res.body.type).toBe('Feature');
    expect(res.body.id).toBe(f.id);
    expect(res.body.properties).toEqual(f.properties);
    expect(res.header['content-crs']).toBe(`<${EPSG(9210)}>`);
    expect(firstPosition(res.body.geometry)[0]).toBeGreaterThan(100_000); // metres, not degrees
    const rels = res.body.links.map((l: { rel: string }) => l.rel);
    expect(rels).toEqual(expect.arrayContaining(['self', 'alternate', 'collection']));
    const ward = await get('/ogc/collections/ward/items').expect(200);
    await get(`/ogc/collections/ward/items/${encodeURIComponent(ward.body.features[0].id)}`).expect(200);
  });

  it('404s an unknown or impossible feature id', async () => {
    for (const id of ['999999999999', 'abc', '1;DROP']) {
      expect((await get(`/ogc/collections/parcels/items/${id}`).expect(404)).body.error.code).toBe('not_found');
    }
    await get('/ogc/collections/ward/items/no-such-ward').expect(404);
  });
});

describe('access rules', () => {
  it('gives the public no personal data: no personal keys, no party names or ID numbers', async () => {
    const res = await get('/ogc/collections/parcels/items?limit=2000').expect(200);
    const keys = new Set(res.body.features.flatMap((f: { properties: object }) => Object.keys(f.properties)));
    expect([...keys].filter((k) => PERSONAL_KEYS.has(k as string) || k === 'address')).toEqual([]);
    const { rows } = await t.pool.query(`SELECT DISTINCT y.name, y.id_number FROM land_right r JOIN party y ON y.id = r.party_id
      WHERE y.kind IN ('household', 'individual') AND r.parcel_id = ANY($1::bigint[]) AND y.id_number IS NOT NULL LIMIT 50`,
    [res.body.features.map((f: { id: number }) => f.id)]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => res.text.includes(r.id_number) || res.text.includes(`"${r.name}"`))).toEqual([]);
  });
});
