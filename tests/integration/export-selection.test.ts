/**
 * GET /api/export/:layer with a selection: feature ids, the parcel register filter (counts must equal the
 * certificates API's for the same filter), a project's touched parcels (must equal the project panel's), a bbox,
 * all ANDed; keyset paging; streamed GeoJSON/CSV; a failure mid-stream breaks the download; bad input → 400.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { FeatureCollection } from 'geojson';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayerExportQuery, MAX_EXPORT_IDS } from '../../server/api/contract.ts';
import { exportRoutes } from '../../server/features/export/export.routes.ts';
import { exportRepo } from '../../server/features/export/export.repo.ts';
import { errorHandler } from '../../server/http/errors.ts';
import { createLogger } from '../../server/lib/log.ts';
import { openTestApp } from './harness.ts';

const t = openTestApp();
afterAll(() => t.close());

const collection = async (url: string): Promise<FeatureCollection> => {
  const res = await request(t.app).get(url).buffer(true).parse((r, cb) => {
    let s = '';
    r.setEncoding('utf8');
    r.on('data', (c: string) => { s += c; });
    r.on('end', () => cb(null, s));
  }).expect(200);
  return JSON.parse(res.body as string) as FeatureCollection;
};
const idsOf = (fc: FeatureCollection) => fc.features.map((f) => String(f.id)).sort();
/** The certificates register's total for a filter query string (the reference the export must equal). */
const registerTotal = async (qs: string) =>
  (await request(t.app).get(`/api/certificates/parcels?pageSize=1&${qs}`).expect(200)).body.counts.total as number;

let layerIds: string[] = [];
beforeAll(async () => {
  layerIds = idsOf(await collection('/api/export/parcels'));
});

describe('register filter', () => {
  it('selects as many parcels as the certificates API counts for the same filter', async () => {
    const facets = (await request(t.app).get('/api/certificates/facets').expect(200)).body;
    const landUse = facets.landUses[0].code as string;
    const group = facets.groups[0].id as string;
    const filters = ['status=backlog', 'reason=dispute,encroachment', 'formerUnit=an-phu&digitised=yes',
      `landUse=${landUse}&status=issued,backlog`, `group=${group}`, 'digitised=no'];
    for (const qs of filters) {
      const [fc, total] = [await collection(`/api/export/parcels?${qs}`), await registerTotal(qs)];
      expect(fc.features.length, qs).toBe(total);
      expect(fc.features.length, qs).toBeLessThan(layerIds.length);
    }
    const some = await collection('/api/export/parcels?status=backlog');
    expect(some.features.length).toBeGreaterThan(0);
    expect(some.features.every((f) => f.properties?.certStatus === 'backlog')).toBe(true);
  });

  it('counts the CSV rows alike and names the file a selection', async () => {
    const res = await request(t.app).get('/api/export/parcels?format=csv&crs=9209&status=backlog').buffer(true).expect(200);
    expect(res.headers['content-disposition']).toContain('tran-lieu_parcels_selection_EPSG9209.csv');
    const lines = String(res.text).slice(1).trimEnd().split('\r\n');
    expect(lines.length - 1).toBe(await registerTotal('status=backlog'));
  });
});

describe('ids, bbox and project', () => {
  it('returns exactly the named ids, on the parcels and on a text-id layer', async () => {
    const want = [layerIds[0], layerIds[Math.floor(layerIds.length / 2)], layerIds[layerIds.length - 1]].sort();
    expect(idsOf(await collection(`/api/export/parcels?ids=${want.join(',')}`))).toEqual(want);
    const groups = idsOf(await collection('/api/export/residential-groups'));
    expect(idsOf(await collection(`/api/export/residential-groups?ids=${groups[1]}`))).toEqual([groups[1]]);
    // an id that is not in the layer selects nothing, it is not an error
    expect((await collection('/api/export/parcels?ids=999999999')).features).toEqual([]);
  });

  it('ANDs ids, the register filter and a bbox', async () => {
    const backlog = idsOf(await collection('/api/export/parcels?status=backlog'));
    const mixed = [...backlog.slice(0, 3), ...layerIds.filter((id) => !backlog.includes(id)).slice(0, 3)];
    expect(idsOf(await collection(`/api/export/parcels?status=backlog&ids=${mixed.join(',')}`))).toEqual(backlog.slice(0, 3).sort());
    const whole = await collection(`/api/export/parcels?ids=${backlog[0]}`);
    const ring = (whole.features[0].geometry as any).coordinates.flat(Infinity) as number[];
    const [lon, lat] = [ring[0], ring[1]];
    const bbox = `${lon - 1e-4},${lat - 1e-4},${lon + 1e-4},${lat + 1e-4}`;
    const inBox = idsOf(await collection(`/api/export/parcels?bbox=${bbox}`));
    const both = idsOf(await collection(`/api/export/parcels?bbox=${bbox}&status=backlog`));
    expect(both).toContain(backlog[0]);
    expect(both).toEqual(inBox.filter((id) => backlog.includes(id)));
  });

  it("selects the parcels a project's footprint touches, as the project panel lists them", async () => {
    const { projects } = (await request(t.app).get('/api/projects').expect(200)).body;
    let checked = 0;
    for (const p of projects.slice(0, 4)) {
      const detail = (await request(t.app).get(`/api/projects/${p.id}`).expect(200)).body;
      const touched = detail.touches.parcels.map((x: { parcelId: number }) => String(x.parcelId)).sort();
      const fc = await collection(`/api/export/parcels?project=${p.id}&crs=9209`);
      expect(idsOf(fc), p.code).toEqual(touched);
      checked += touched.length;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('refusals', () => {
  it('answers bad input with 400 and an unknown project with 404, in the one error shape', async () => {
    const bad = ['parcels?ids=1;2', 'parcels?ids=', 'parcels?ids=1&ids=2', 'parcels?status=lost', 'parcels?project=abc', 'parcels?digitised=maybe', 'roads?status=backlog', 'schools?project=1'];
    for (const q of bad) {
      const res = await request(t.app).get(`/api/export/${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code, q).toBe('bad_request');
      expect(res.body.error.message, q).toBeTruthy();
    }
    const res = await request(t.app).get('/api/export/parcels?project=99999999&format=shp').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('caps ids at MAX_EXPORT_IDS (a URL that long is refused by Node before the route: 431)', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(',');
    expect(LayerExportQuery.safeParse({ ids: ids(MAX_EXPORT_IDS) }).success).toBe(true);
    const over = LayerExportQuery.safeParse({ ids: ids(MAX_EXPORT_IDS + 1) });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0].message).toContain(String(MAX_EXPORT_IDS));
  });
});

describe('paging and streaming', () => {
  it('pages by keyset without losing or repeating a feature (integer and text ids)', async () => {
    const repo = exportRepo(t.pool);
    for (const [layer, size] of [['parcels', 997], ['residential-groups', 2]] as const) {
      const all = idsOf(await collection(`/api/export/${layer}`));
      const seen: string[] = [];
      let pages = 0;
      for await (const page of repo.pages(layer, '4326', {}, size)) { seen.push(...page.map((r) => r.id)); pages++; }
      expect(seen.sort(), layer).toEqual(all);
      expect(pages, layer).toBe(Math.ceil(all.length / size));
      expect(pages, layer).toBeGreaterThan(1);
    }
  });

  it('streams a GeoJSON that parses and holds the layer feature count', async () => {
    const res = await request(t.app).get('/api/export/parcels?format=geojson&crs=9210').buffer(true).parse((r, cb) => {
      let n = 0; let s = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => { n++; s += c; });
      r.on('end', () => cb(null, { n, s }));
    }).expect(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const fc = JSON.parse(res.body.s) as FeatureCollection;
    expect(fc.features.length).toBe((await request(t.app).get('/api/layers/parcels').expect(200)).body.features.length);
  });

  it('breaks the download when the database fails mid-stream', async () => {
    // a pool whose first page is full (so a second is asked for) and whose second query fails
    let calls = 0;
    const failing = {
      async query(sql: string, params: unknown[]) {
        calls++;
        if (calls === 1) {
          const r = await t.pool.query(sql, params);
          return { ...r, rows: Array.from({ length: Number(params[17]) }, (_, i) => r.rows[i % r.rows.length]) };
        }
        throw new Error('connection lost (test)');
      },
    } as unknown as pg.Pool;
    const app = express().use(exportRoutes(failing, createLogger('silent'))).use(errorHandler(createLogger('silent')));
    const server = app.listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      const outcome = await new Promise<{ error: string | null; body: string }>((resolve) => {
        http.get(`http://127.0.0.1:${port}/api/export/parcels?format=csv`, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => { body += c; });
          res.on('end', () => resolve({ error: null, body }));
          res.on('error', (e) => resolve({ error: e.message, body }));
          res.on('aborted', () => resolve({ error: 'aborted', body }));
        }).on('error', (e) => resolve({ error: e.message, body: '' }));
      });
      expect(calls).toBe(2);
      expect(outcome.body.length).toBeGreaterThan(0); // the first page went out …
      expect(outcome.error).not.toBeNull(); // … and the download did not end as if complete
    } finally {
      server.close();
    }
  });
});
