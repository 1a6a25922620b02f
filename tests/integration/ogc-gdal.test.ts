/**
 * A standard client reads /ogc: GDAL's OGR "OAPIF" driver (what QGIS uses for OGC API – Features) lists every
 * collection and reads features, against the app served on a loopback port. Needs `ogrinfo`/`ogr2ogr`
 * (Debian: apt-get install gdal-bin); without them the test is skipped and says so.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayerId } from '../../server/api/contract.ts';
import { openTestApp } from './harness.ts';

const run = promisify(execFile);
const hasGdal = await run('ogrinfo', ['--version']).then(() => true, () => false);
if (!hasGdal) console.warn('ogc-gdal.test.ts skipped: ogrinfo not found (apt-get install gdal-bin to run it)');

const t = openTestApp();
const server = http.createServer(t.app);
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `OAPIF:http://127.0.0.1:${(server.address() as AddressInfo).port}/ogc`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

// execFile (async): the server answering GDAL runs in this process, a synchronous call would block it
const gdal = (cmd: string, args: string[]) => run(cmd, args, { timeout: 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CPL_DEBUG: 'OFF' } });

describe.skipIf(!hasGdal)('GDAL OGR OAPIF driver', () => {
  it('lists every collection', async () => {
    const { stdout } = await gdal('ogrinfo', ['-ro', '-q', url]);
    for (const id of LayerId.options) expect(stdout, id).toMatch(new RegExp(`^\\d+: ${id}\\b`, 'm'));
  });

  it('reads a collection: as many features as numberMatched, with their properties', async () => {
    const { stdout } = await gdal('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', url, 'heritage-sites']);
    const fc = JSON.parse(stdout);
    const res = await fetch(`${url.slice('OAPIF:'.length)}/collections/heritage-sites/items?limit=1`).then((r) => r.json());
    expect(fc.features.length).toBe(res.numberMatched);
    expect(fc.features[0].properties).toHaveProperty('name');
    expect(fc.features[0].geometry.type).toBe('Point');
  });

  it('pages through a layer larger than one page by next links, every feature once', async () => {
    const { stdout: info } = await gdal('ogrinfo', ['-ro', '-so', url, 'parcels']);
    const res = await fetch(`${url.slice('OAPIF:'.length)}/collections/parcels/items?limit=1`).then((r) => r.json());
    expect(info).toMatch(new RegExp(`Feature Count: ${res.numberMatched}\\b`));
    expect(info).toMatch(/Geometry: Multi Polygon/);
    const { stdout } = await gdal('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', '-oo', 'PAGE_SIZE=1500', url, 'parcels']);
    const ids = JSON.parse(stdout).features.map((f: { properties: { id: number } }) => f.properties.id);
    expect(res.numberMatched).toBeGreaterThan(1500);
    expect(ids.length).toBe(res.numberMatched);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
