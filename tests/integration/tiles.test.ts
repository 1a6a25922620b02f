/**
 * Vector tiles /tiles/{layer}/{z}/{x}/{y}.mvt on both databases: tiles decode as MVT 2.1 (@mapbox/vector-tile),
 * carry the parcel layer's ids and properties (no personal data), geometry round-trips to the source within the
 * tile's resolution, ST_AsMVT (server) and the Node encoder (embedded) agree, and an edit shows in the next request.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARCEL_TILE_PROPERTIES, PROJECT_TILE_PROPERTIES } from '../../server/api/contract.ts';
import { withActorTransaction } from '../../server/db/pool.ts';
import { tilesRepo } from '../../server/features/tiles/tiles.repo.ts';
import { PERSONAL_KEYS } from '../../server/http/personal-data.ts';
import { openTestApp } from './harness.ts';

const t = openTestApp();
afterAll(() => t.close());

/** XYZ tile holding lon/lat at zoom z (Web Mercator). */
function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}
/** lon/lat bounds of a tile. */
function tileBounds({ z, x, y }: { z: number; x: number; y: number }): [number, number, number, number] {
  const lon = (i: number) => (i / 2 ** z) * 360 - 180;
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / 2 ** z))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const fetchTile = (path: string, headers: Record<string, string> = {}) => request(t.app).get(path).set(headers).buffer(true).parse(binary);
const decode = (buf: Uint8Array) => new VectorTile(new PbfReader(buf));
type Props = Record<string, unknown>;
/** id → properties of every feature of an MVT layer. */
function featuresOf(buf: Uint8Array, layer: string): Map<number, Props> {
  const l = decode(buf).layers[layer];
  const out = new Map<number, Props>();
  for (let i = 0; i < (l?.length ?? 0); i++) { const f = l.feature(i); out.set(f.id!, f.properties); }
  return out;
}
const withoutNulls = (p: Props) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null));

let tile: { z: number; x: number; y: number };
let path: string;
/** The parcel the test tile is centred on. */
let parcelId: number;
beforeAll(async () => {
  // the tile at zoom 16 under the parcel nearest the middle of the cadastre
  const { rows: [r] } = await t.pool.query(`SELECT id, ST_X(c) x, ST_Y(c) y FROM (SELECT id, ST_PointOnSurface(geom) c FROM parcel
    ORDER BY geom <-> (SELECT ST_SetSRID(ST_Centroid(ST_Extent(geom)::geometry), 4326) FROM parcel) LIMIT 1) s`);
  tile = tileAt(r.x, r.y, 16);
  parcelId = Number(r.id);
  path = `/tiles/parcels/${tile.z}/${tile.x}/${tile.y}.mvt`;
});

describe('GET /tiles/parcels/{z}/{x}/{y}.mvt', () => {
  it('is an MVT 2.1 tile with the parcel layer\'s ids and properties, as the OGC collection gives them', async () => {
    const res = await fetchTile(path).expect(200).expect('Content-Type', /application\/vnd\.mapbox-vector-tile/);
    const layer = decode(res.body).layers.parcels;
    expect(layer.version).toBe(2);
    expect(layer.extent).toBe(4096);
    const tiled = featuresOf(res.body, 'parcels');
    expect(tiled.size).toBeGreaterThan(0);
    // the tile holds what touches it and its buffer (256 of 4096 units each side; a little more here for Mercator)
    const [x0, y0, x1, y1] = tileBounds(tile);
    const [bx, by] = [((x1 - x0) * 1.2) / 16, ((y1 - y0) * 1.2) / 16];
    const ogc = await request(t.app).get(`/ogc/collections/parcels/items?limit=10000&bbox=${[x0 - bx, y0 - by, x1 + bx, y1 + by].join(',')}`).expect(200);
    const byId = new Map<number, Props>(ogc.body.features.map((f: { id: number; properties: Props }) => [f.id, f.properties]));
    for (const [id, props] of tiled) {
      expect(byId.has(id), `parcel ${id} in the OGC answer`).toBe(true);
      expect(props).toEqual(withoutNulls(byId.get(id)!));
      expect(Object.keys(props).every((k) => (PARCEL_TILE_PROPERTIES as readonly string[]).includes(k))).toBe(true);
      expect(Object.keys(props).filter((k) => PERSONAL_KEYS.has(k) || k === 'address')).toEqual([]);
    }
    // every parcel wholly inside the tile is in it
    const inside = ogc.body.features.filter((f: { geometry: { coordinates: number[][][][] } }) => {
      const [x0, y0, x1, y1] = tileBounds(tile);
      return f.geometry.coordinates.flat(2).every(([x, y]) => x > x0 && x < x1 && y > y0 && y < y1);
    });
    expect(inside.length).toBeGreaterThan(0);
    for (const f of inside) expect(tiled.has(f.id), `parcel ${f.id}`).toBe(true);
  });

  it('is compressed for a client that accepts gzip (the default compression filter skips MVT)', async () => {
    const res = await request(t.app).get(path).set('Accept-Encoding', 'gzip').buffer(true)
      .parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))); })
      .expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(featuresOf(res.body, 'parcels').size).toBeGreaterThan(0); // supertest inflated it: still a valid tile
  });

  it('round-trips geometry: decoded vertices lie on the source parcel to the tile resolution', async () => {
    const res = await fetchTile(path).expect(200);
    const layer = decode(res.body).layers.parcels;
    const f = [...Array(layer.length).keys()].map((i) => layer.feature(i)).find((x) => x.id === parcelId)!;
    expect(f, `parcel ${parcelId} in its tile`).toBeDefined();
    const decoded = f.toGeoJSON(tile.x, tile.y, tile.z);
    const src = await t.pool.query(`SELECT max(ST_Distance(ST_Transform(ST_SetSRID(ST_MakePoint(v[1], v[2]), 4326), 9209),
        ST_Transform(ST_Boundary(p.geom), 9209))) AS d
      FROM parcel p, json_array_elements($2::json) e, LATERAL (SELECT ARRAY[(e->>0)::float8, (e->>1)::float8] AS v) q
      WHERE p.id = $1`, [f.id, JSON.stringify(ringPositionsInTile(decoded.geometry as { type: string; coordinates: unknown }, tileBounds(tile)))]);
    expect(src.rows[0].d).toEqual(expect.any(Number));
    // one tile unit at z16 ≈ 611 m / 4096 ≈ 0.15 m; simplification may move an edge by about one unit more
    expect(src.rows[0].d).toBeLessThan(0.5);
  });

  it('gives the same features and properties from ST_AsMVT and from the Node encoder', async () => {
    const node = featuresOf(await tilesRepo(t.pool, { encoder: 'node' }).tile({ layer: 'parcels', ...tile }), 'parcels');
    expect(node.size).toBeGreaterThan(0);
    const served = featuresOf((await fetchTile(path).expect(200)).body, 'parcels');
    expect([...served.keys()].sort()).toEqual([...node.keys()].sort());
    for (const [id, p] of node) expect(served.get(id)).toEqual(p);
    const probed = await tilesRepo(t.pool).encoder();
    expect(probed).toBe(t.mode === 'server' ? 'postgis' : 'node');
    if (t.mode === 'server') {
      const pg = featuresOf(await tilesRepo(t.pool, { encoder: 'postgis' }).tile({ layer: 'parcels', ...tile }), 'parcels');
      expect([...pg.keys()].sort()).toEqual([...node.keys()].sort());
      for (const [id, p] of node) expect(pg.get(id)).toEqual(p);
    }
  });

  it('is fresh after an edit: no-cache, 304 while unchanged, the new status on the next request', async () => {
    const first = await fetchTile(path).expect(200);
    expect(first.header['cache-control']).toBe('no-cache');
    const etag = first.header.etag;
    expect(etag).toMatch(/^(W\/)?"[\w-]+"$/);
    await fetchTile(path, { 'If-None-Match': etag }).expect(304);
    const before = featuresOf(first.body, 'parcels');
    const [id] = [...before].find(([, p]) => p.certStatus !== 'issued') ?? [];
    expect(id, 'a parcel without a certificate in the tile').toBeDefined();
    const serial = `TILE-${Date.now().toString(36)}`;
    await withActorTransaction(t.pool, 'test:tiles', (c) => c.query(
      "INSERT INTO certificate (serial, parcel_id, issue_date, demo) VALUES ($1, $2, '2025-09-30', true)", [serial, id]));
    try {
      const after = await fetchTile(path, { 'If-None-Match': etag }).expect(200);
      expect(after.header.etag).not.toBe(etag);
      expect(featuresOf(after.body, 'parcels').get(id!)!.certStatus).toBe('issued');
    } finally {
      await withActorTransaction(t.pool, 'test:tiles', (c) => c.query('DELETE FROM certificate WHERE serial = $1', [serial]));
    }
    expect(featuresOf((await fetchTile(path).expect(200)).body, 'parcels').get(id!)!.certStatus).toBe(before.get(id!)!.certStatus);
  });
});

describe('other tiles', () => {
  it('serves the projects layer with its properties', async () => {
    const { rows: [r] } = await t.pool.query('SELECT id, ST_X(c) x, ST_Y(c) y FROM (SELECT id, ST_PointOnSurface(geom) c FROM plan_project ORDER BY id LIMIT 1) s');
    const at = tileAt(r.x, r.y, 15);
    const res = await fetchTile(`/tiles/projects/${at.z}/${at.x}/${at.y}.mvt`).expect(200);
    const props = featuresOf(res.body, 'projects').get(Number(r.id));
    expect(props).toBeDefined();
    expect(Object.keys(props!).every((k) => (PROJECT_TILE_PROPERTIES as readonly string[]).includes(k))).toBe(true);
    expect(props!.code).toEqual(expect.any(String));
  });

  it('answers an empty tile far from the ward with no bytes', async () => {
    const res = await fetchTile('/tiles/parcels/6/0/0.mvt').expect(200);
    expect(res.body.length).toBe(0);
  });

  it.each([
    ['/tiles/roads/16/1/1.mvt', 'layer_unknown'], ['/tiles/parcels/23/0/0.mvt', 'not_found'],
    ['/tiles/parcels/2/4/0.mvt', 'not_found'], ['/tiles/parcels/a/0/0.mvt', 'not_found'],
  ])('404s %s', async (url, code) => {
    expect((await request(t.app).get(url).expect(404)).body.error.code).toBe(code);
  });
});

/** Decoded polygon vertices strictly inside the tile (vertices on the tile edge are cut points, not source vertices). */
function ringPositionsInTile(g: { type: string; coordinates: unknown }, [x0, y0, x1, y1]: [number, number, number, number]): number[][] {
  const all = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
  const m = 1e-6;
  return all.flat(2).filter(([x, y]) => x > x0 + m && x < x1 - m && y > y0 + m && y < y1 - m);
}
