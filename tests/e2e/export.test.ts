/**
 * Export in the browser: the layer panel's export button opens "Xuất dữ liệu"; the parcels as a zipped Shapefile in
 * VN-2000 105°30′ (EPSG:9209) arrive as a download holding .shp/.dbf/.prj with every parcel of the layer; the
 * certificates panel's "Xuất…" exports its filtered parcels as CSV with as many rows as the panel counts; the
 * project panel's exports the touched parcels; the map-view scope exports what the map shows.
 * Screenshots in tests/e2e/screenshots/export-*.png; no console errors.
 */
import { readFile } from 'node:fs/promises';
import type { Download } from 'playwright-core';
import { parseZip } from 'shpjs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertNoConsoleErrors, launchBrowser, openPage, openTab, screenshot, waitForMap, type OpenedPage } from './helpers';

const baseUrl = inject('baseUrl');

/** The entry names of a zip file. */
function zipEntries(buf: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => { names.push(e.fileName); zip.readEntry(); });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const bytesOf = async (d: Download) => readFile(await d.path());

describe('export', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let o: OpenedPage;
  beforeAll(async () => {
    browser = await launchBrowser();
    o = await openPage(browser);
    await o.page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
    await waitForMap(o.page);
  });
  afterAll(async () => {
    await o?.context.close();
    await browser?.close();
  });

  it('exports the parcels layer as a Shapefile in EPSG:9209 from the layer panel', async () => {
    const { page } = o;
    await page.getByTestId('layer-export-parcels').click();
    const dialog = page.getByTestId('export-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.getByTestId('export-layer').inputValue()).toBe('parcels');
    expect(await page.getByTestId('export-demo-note').isVisible()).toBe(true);
    await page.getByTestId('export-format-shp').check();
    await page.getByTestId('export-crs').selectOption('9209');
    await page.getByTestId('export-scope-all').check();
    await screenshot(page, 'export-dialog-parcels');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('export-start').click()]);
    expect(download.suggestedFilename()).toBe('tran-lieu_parcels_EPSG9209.zip');
    const zip = await bytesOf(download);
    const names = await zipEntries(zip);
    for (const ext of ['.shp', '.shx', '.dbf', '.prj']) expect(names.some((n) => n.endsWith(ext)), ext).toBe(true);
    const prj = names.find((n) => n.endsWith('.prj'))!;
    expect(prj).toBeTruthy();
    // the layer's count now (earlier e2e files may have edited the data), read as the map reads it
    const layer = await (await fetch(`${baseUrl}/api/layers/parcels`)).json();
    const fc = await parseZip(zip);
    expect(fc.features.length).toBe(layer.features.length);
    await expect.poll(() => page.getByTestId('export-status').getAttribute('data-status')).toBe('done');
    await screenshot(page, 'export-dialog-parcels-done');
    await page.getByTestId('export-close').click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it("exports the certificates panel's filtered parcels as CSV with the panel's count", async () => {
    const { page } = o;
    await openTab(page, 'cadastre');
    await page.getByTestId('cert-filter-status').selectOption('backlog');
    const total = page.getByTestId('cert-count-total');
    // the count is formatted for vi-VN ("1.234"); wait until the filtered count replaced the whole register's
    const layer = await (await fetch(`${baseUrl}/api/layers/parcels`)).json();
    const shown = async () => Number((await total.textContent())?.replace(/\D/g, ''));
    await expect.poll(shown, { timeout: 20_000 }).toBeLessThan(layer.features.length);
    const n = await shown();
    expect(n).toBeGreaterThan(0);
    await page.getByTestId('cert-export').click();
    expect(await page.getByTestId('export-scope-filter').isChecked()).toBe(true);
    await page.getByTestId('export-format-csv').check();
    await screenshot(page, 'export-dialog-filter');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('export-start').click()]);
    expect(download.suggestedFilename()).toBe('tran-lieu_parcels_selection_EPSG4326.csv');
    const text = (await bytesOf(download)).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n').length - 1;
    expect(rows).toBe(n);
    await expect.poll(() => page.getByTestId('export-status').getAttribute('data-status')).toBe('done');
    await screenshot(page, 'export-dialog-filter-done');
    await page.getByTestId('export-close').click();
    await page.getByTestId('cert-filter-status').selectOption('');
    assertNoConsoleErrors(o.problems);
  });

  it("exports an open project's touched parcels, and the current map view, as GeoJSON", async () => {
    const { page } = o;
    await openTab(page, 'planning');
    await page.getByTestId('project-list').locator('.project-row').first().click();
    const panel = page.getByTestId('project-panel');
    const touched = panel.getByTestId('touched-count');
    await expect.poll(async () => Number(await touched.textContent()), { timeout: 20_000 }).toBeGreaterThan(0);
    const n = Number(await touched.textContent());
    await panel.getByTestId('project-export').click();
    expect(await page.getByTestId('export-scope-project').isChecked()).toBe(true);
    await screenshot(page, 'export-dialog-project');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('export-start').click()]);
    const fc = JSON.parse((await bytesOf(download)).toString('utf8'));
    expect(fc.features.length).toBe(n);
    await expect.poll(() => page.getByTestId('export-status').getAttribute('data-status')).toBe('done');
    // the view scope: what the map shows now (the project's footprint, fitted), fewer than the whole layer
    await page.getByTestId('export-scope-view').check();
    const [view] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('export-start').click()]);
    expect(view.suggestedFilename()).toBe('tran-lieu_parcels_selection_EPSG4326.geojson');
    const inView = JSON.parse((await bytesOf(view)).toString('utf8')).features.length;
    const layer = await (await fetch(`${baseUrl}/api/layers/parcels`)).json();
    expect(inView).toBeGreaterThan(0);
    expect(inView).toBeLessThan(layer.features.length);
    await page.getByTestId('export-close').click();
    assertNoConsoleErrors(o.problems);
  });
});
