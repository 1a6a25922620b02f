/**
 * The export selection without a database: query parsing (ids, register filter, project), the selection file name,
 * the client's export URL for each scope, and the streamed GeoJSON/CSV writers, which must produce the same bytes
 * as the whole-file writers whatever the page split.
 */
import { describe, expect, it } from 'vitest';
import { exportFileName, isSelection, LayerExportQuery } from '../../server/api/contract.ts';
import type { ExportRow } from '../../server/features/export/export.repo.ts';
import { toCsv, toGeoJson } from '../../server/features/export/export.files.ts';
import { Writable } from 'node:stream';
import { csvChunks, geoJsonChunks, streamTo } from '../../server/features/export/export.stream.ts';
import { exportUrl } from '../../client/features/export/export-api.ts';

const row = (id: number, extra: Record<string, unknown> = {}): ExportRow => ({
  id: String(id), properties: { id, parcelNo: id * 10, landUseCode: 'ONT', note: 'có "ngoặc", dấu phẩy', ...extra },
  geometry: `{"type":"Point","coordinates":[${id},${id + 1}]}`, wkt: `POINT(${id} ${id + 1})`, cx: id, cy: id + 1,
  wkb: Buffer.alloc(0), xmin: id, ymin: id + 1, xmax: id, ymax: id + 1,
});

async function* pagesOf(rows: ExportRow[], size: number) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
const join = async (chunks: AsyncIterable<string>) => { let s = ''; for await (const c of chunks) s += c; return s; };

describe('query', () => {
  it('parses ids, the register filter and a project, and tells a selection from the whole layer', () => {
    const q = LayerExportQuery.parse({ ids: '3, 1,tdp-an-phu-1', status: 'backlog,issued', digitised: 'no', project: '7', format: 'csv' });
    expect(q).toMatchObject({ ids: ['3', '1', 'tdp-an-phu-1'], status: ['backlog', 'issued'], digitised: 'no', project: 7, crs: '4326' });
    const { format: _f, crs: _c, ...selection } = q;
    expect(isSelection(selection)).toBe(true);
    const whole = LayerExportQuery.parse({ format: 'shp', crs: '9209' });
    const { format: _g, crs: _d, ...none } = whole;
    expect(isSelection(none)).toBe(false);
    for (const bad of [{ ids: '1;2' }, { ids: ' , ' }, { status: 'lost' }, { project: '0' }, { landUse: 'ont' }]) {
      expect(LayerExportQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('names a selection file apart from the whole layer', () => {
    expect(exportFileName('parcels', 'shp', '9209', true)).toBe('tran-lieu_parcels_selection_EPSG9209.zip');
    expect(exportFileName('parcels', 'shp', '9209')).toBe('tran-lieu_parcels_EPSG9209.zip');
  });
});

describe('streaming to a slow client', () => {
  it('reads pages only as fast as the client takes them (backpressure)', async () => {
    let pulled = 0;
    async function* endless() { for (;;) { pulled++; yield 'x'.repeat(200_000); } } // ≈ a page of features
    // a client that stops reading after the first write
    const stalled = new Writable({ highWaterMark: 1024, write: () => undefined });
    const errors: Error[] = [];
    const done = streamTo(stalled as never, endless(), (e) => errors.push(e));
    await new Promise((r) => setTimeout(r, 200));
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThanOrEqual(3);
    stalled.destroy(); // the client goes away: the stream ends, the page source is closed, no error is logged
    await done;
    expect(errors).toEqual([]);
  });
});

describe('client URL', () => {
  it('puts each scope in the query the server parses back', () => {
    const base = { layer: 'parcels' as const, format: 'csv' as const, crs: '9210' as const };
    const cases = [
      exportUrl({ ...base, scope: { kind: 'all' } }),
      exportUrl({ ...base, scope: { kind: 'view', bbox: [106.48, 20.99, 106.5, 21.01] } }),
      exportUrl({ ...base, scope: { kind: 'filter', filter: { status: ['backlog'], formerUnit: 'an-phu' } } }),
      exportUrl({ ...base, scope: { kind: 'project', projectId: 12 } }),
    ];
    const parsed = cases.map((u) => {
      expect(u.startsWith('/api/export/parcels?')).toBe(true);
      return LayerExportQuery.parse(Object.fromEntries(new URL(u, 'http://x').searchParams));
    });
    expect(parsed[0]).toEqual({ format: 'csv', crs: '9210' });
    expect(parsed[1].bbox).toEqual([106.48, 20.99, 106.5, 21.01]);
    expect(parsed[2]).toMatchObject({ status: ['backlog'], formerUnit: ['an-phu'] });
    expect(parsed[3].project).toBe(12);
  });
});

describe('streamed writers', () => {
  const rows = Array.from({ length: 11 }, (_, i) => row(i + 1));
  it.each([1, 4, 11, 50])('write the same GeoJSON and CSV as the whole-file writers (pages of %i)', async (size) => {
    expect(await join(geoJsonChunks('parcels', '9209', pagesOf(rows, size)))).toBe(toGeoJson('parcels', '9209', rows));
    expect(await join(csvChunks('9209', pagesOf(rows, size)))).toBe(toCsv('9209', rows));
  });

  it('write a valid empty file for an empty selection', async () => {
    const fc = JSON.parse(await join(geoJsonChunks('parcels', '4326', pagesOf([], 5))));
    expect(fc).toMatchObject({ type: 'FeatureCollection', features: [] });
    expect(await join(csvChunks('4326', pagesOf([], 5)))).toBe(toCsv('4326', []));
  });
});

describe('client download', () => {
  const choice = { layer: 'parcels' as const, format: 'geojson' as const, crs: '4326' as const, scope: { kind: 'filter' as const, filter: { status: 'backlog' } } };
  const withFetch = async (res: () => Response, fn: () => Promise<void>) => {
    const real = globalThis.fetch;
    globalThis.fetch = (async () => res()) as typeof fetch;
    try { await fn(); } finally { globalThis.fetch = real; }
  };

  it('reports the bytes as they arrive and names the file as the server does', async () => {
    const { downloadExport } = await import('../../client/features/export/export-api.ts');
    const parts = ['{"type":"FeatureCollection",', '"features":[]}'];
    const body = new ReadableStream<Uint8Array>({ start(c) { for (const p of parts) c.enqueue(new TextEncoder().encode(p)); c.close(); } });
    const seen: number[] = [];
    await withFetch(() => new Response(body, { headers: { 'content-disposition': 'attachment; filename="tran-lieu_parcels_selection_EPSG4326.geojson"' } }), async () => {
      const { blob, name } = await downloadExport(choice, (n) => seen.push(n));
      expect(name).toBe('tran-lieu_parcels_selection_EPSG4326.geojson');
      expect(await blob.text()).toBe(parts.join(''));
    });
    expect(seen).toEqual([parts[0].length, parts.join('').length]);
  });

  it("turns a refusal into the server's error (never a file) and a cut connection into an error", async () => {
    const { downloadExport } = await import('../../client/features/export/export-api.ts');
    await withFetch(() => Response.json({ error: { code: 'not_found', message: 'Project 9 does not exist' } }, { status: 404 }), async () => {
      await expect(downloadExport(choice, () => undefined)).rejects.toMatchObject({ status: 404, code: 'not_found', message: 'Project 9 does not exist' });
    });
    const broken = new ReadableStream<Uint8Array>({
      start(c) { c.enqueue(new TextEncoder().encode('{"type":"FeatureCollection","features":[')); c.error(new TypeError('network error')); },
    });
    await withFetch(() => new Response(broken), async () => {
      await expect(downloadExport(choice, () => undefined)).rejects.toMatchObject({ code: 'network' });
    });
  });
});
