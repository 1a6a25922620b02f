/**
 * The leadership dashboard and the clearance map in Chromium (issue 6): the An Phụ figures on screen equal the
 * API's, the dashboard prints to a one-page PDF, a project's parcels are drawn by clearance step with the stuck
 * ones outlined, and the current map view prints with a scale bar, north arrow, legend and sources.
 * Tolerates earlier e2e files' edits: it compares the screen with the API at the time, never with constants.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Dashboard } from '../../server/api/contract';
import { pointOnFeature } from '@turf/turf';
import { assertNoConsoleErrors, clickLonLat, launchBrowser, openPage, openTab, SCREENSHOT_DIR, screenshot, waitForIdle, waitForMap, type OpenedPage } from './helpers';

const baseUrl = inject('baseUrl');
const pct = (n: number | null) => (n === null ? '—' : n.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

/** Pages of a PDF written by Chromium (its page objects are not compressed). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe('leadership dashboard and clearance map', () => {
  let browser: Browser;
  let o: OpenedPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    o = await openPage(browser, { width: 1280, height: 900 });
    // sign in as leadership through the API (same cookies as the page): parcel-level clearance needs a user
    const me = await o.context.request.get(`${baseUrl}/api/auth/me`);
    const login = await o.context.request.post(`${baseUrl}/api/auth/login`, {
      headers: { 'X-CSRF-Token': (await me.json()).csrfToken },
      data: { username: 'lanhdao', password: 'demo-lanhdao' },
    });
    expect(login.status()).toBe(200);
  });

  afterAll(async () => {
    await o?.context.close();
    await browser?.close();
  });

  it('shows the An Phụ cluster first with the API figures by area and by households', async () => {
    await o.page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
    await waitForMap(o.page);
    await o.page.getByTestId('nav-dashboard').click();
    await o.page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
    const api = (await (await o.context.request.get(`${baseUrl}/api/dashboard`)).json()) as Dashboard;
    const cluster = api.projects[0];
    expect(cluster.isAnPhuCluster).toBe(true);
    expect(await o.page.getByTestId('cluster-area-pct').textContent()).toBe(pct(cluster.areaPct));
    expect(await o.page.getByTestId('cluster-households-pct').textContent()).toBe(pct(cluster.householdsPct));
    const firstRow = o.page.locator('[data-testid=project-progress] tbody tr').first();
    expect(await firstRow.getAttribute('data-project-code')).toBe(cluster.code);
    // the report's figures beside the live ones, with the data-quality notes flagged
    expect(await o.page.locator('[data-testid=figures-table] tr[data-figure-id=an_phu_cluster_clearance_pct]').count()).toBe(1);
    expect(await o.page.getByTestId('quality-notes').isVisible()).toBe(true);
    expect(await o.page.locator('[data-testid=obstacle-chart] svg rect').count()).toBe(api.obstacles.length);
    expect(await o.page.locator('[data-testid=handover-chart] svg rect').count()).toBeGreaterThanOrEqual(api.handoverByMonth.length);
    await screenshot(o.page, 'dashboard-01-screen');
  });

  it('prints the dashboard to a one-page PDF', async () => {
    // what the PDF shows: the page in print media at A4 width (96 dpi), for a person to look at
    await o.page.emulateMedia({ media: 'print' });
    await o.page.setViewportSize({ width: 718, height: 1047 });
    await o.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-02-print.png'), fullPage: true });
    await o.page.emulateMedia({ media: null });
    await o.page.setViewportSize({ width: 1280, height: 900 });
    const file = path.join(SCREENSHOT_DIR, 'dashboard.pdf');
    const pdf = await o.page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(fs.existsSync(file)).toBe(true);
    expect(pdfPages(pdf)).toBe(1);
  });

  it('draws the cluster parcels by clearance step, the stuck ones listed with their obstacle', async () => {
    await o.page.getByTestId('nav-map').click();
    const api = (await (await o.context.request.get(`${baseUrl}/api/dashboard`)).json()) as Dashboard;
    const cluster = api.projects[0];
    await openTab(o.page, 'clearance');
    await o.page.getByTestId('clearance-project').selectOption(String(cluster.projectId));
    await expect.poll(() => o.page.locator('[data-testid=stuck-list] li').count(), { timeout: 30_000 }).toBe(Math.min(50, cluster.stuck.parcels));
    expect(await o.page.getByTestId('clearance-progress').textContent()).toContain(`${pct(cluster.areaPct)}%`);
    // zoom to the cluster and check the overlay is drawn there
    const fc = await (await o.context.request.get(`${baseUrl}/api/clearance/projects/${cluster.projectId}/parcels`)).json();
    const coords: number[][] = fc.features.flatMap((f: { geometry: { coordinates: number[][][][] } }) => f.geometry.coordinates.flat(2));
    const lons = coords.map((c) => c[0]);
    const lats = coords.map((c) => c[1]);
    await o.page.evaluate((b) => (window as unknown as { __landmap: { map: { fitBounds(b: number[], o: object): void } } }).__landmap.map.fitBounds(b, { padding: 40, animate: false }),
      [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]);
    await waitForIdle(o.page);
    const drawn = await o.page.evaluate(() => {
      const map = (window as unknown as { __landmap: { map: { queryRenderedFeatures(o: object): { properties: { step: string; stuck: boolean } }[] } } }).__landmap.map;
      const fs = map.queryRenderedFeatures({ layers: ['clearance-fill'] });
      return { n: fs.length, steps: [...new Set(fs.map((f) => f.properties.step))], stuck: fs.filter((f) => f.properties.stuck).length };
    });
    expect(drawn.n).toBeGreaterThan(0);
    expect(drawn.steps).toContain('handed_over');
    expect(drawn.stuck).toBeGreaterThan(0);
    // a click on a stuck parcel opens its record (read-only for leadership)
    const stuckParcel = fc.features.find((f: { properties: { stuck: boolean } }) => f.properties.stuck);
    await clickLonLat(o.page, pointOnFeature(stuckParcel).geometry.coordinates as [number, number]);
    const editor = o.page.getByTestId('record-editor');
    await editor.waitFor({ timeout: 10_000 });
    expect(await editor.locator('h3').first().textContent()).toBe(`Thửa ${stuckParcel.properties.parcelNo}, tờ ${stuckParcel.properties.mapSheetNo}`);
    expect(await o.page.getByTestId('record-save').count()).toBe(0);
    await screenshot(o.page, 'dashboard-03-clearance-map');
    expect(await o.page.getByTestId('map-error').count(), 'no map error shown').toBe(0);
  });

  it('prints the current map view with scale bar, north arrow, legend and sources', async () => {
    await o.page.getByTestId('print-map').click();
    const sheet = o.page.getByTestId('map-print-sheet');
    await sheet.waitFor({ timeout: 10_000 });
    const src = await sheet.locator('img').first().getAttribute('src');
    expect(src?.startsWith('data:image/png;base64,')).toBe(true);
    expect(src!.length).toBeGreaterThan(20_000); // a drawn map, not a blank canvas
    expect(await o.page.getByTestId('scale-bar').textContent()).toMatch(/^\d+ (m|km)$/);
    expect(await sheet.locator('.north-arrow').count()).toBe(1);
    expect(await sheet.locator('.print-legend li').count()).toBeGreaterThan(5);
    await screenshot(o.page, 'dashboard-04-map-print-preview');
    await o.page.emulateMedia({ media: 'print' });
    await o.page.setViewportSize({ width: 718, height: 1047 });
    await o.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-05-map-print.png'), fullPage: true });
    await o.page.emulateMedia({ media: null });
    await o.page.setViewportSize({ width: 1280, height: 900 });
    const pdf = await o.page.pdf({ path: path.join(SCREENSHOT_DIR, 'map-print.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdfPages(pdf)).toBe(1);
    expect(pdf.length).toBeGreaterThan(50_000);
    await o.page.getByTestId('map-print-close').click();
    expect(await sheet.count()).toBe(0);
    assertNoConsoleErrors(o.problems);
  });

  it('lets a clearance officer move a stuck parcel back a step only with a reason, shown in its history', async () => {
    // sign in as the clearance officer (gpmb); a step back keeps the parcel stuck, so the progress figures stay
    const csrf = async () => (await (await o.context.request.get(`${baseUrl}/api/auth/me`)).json()).csrfToken as string;
    await o.context.request.post(`${baseUrl}/api/auth/logout`, { headers: { 'X-CSRF-Token': await csrf() } });
    const login = await o.context.request.post(`${baseUrl}/api/auth/login`, { headers: { 'X-CSRF-Token': await csrf() }, data: { username: 'gpmb', password: 'demo-gpmb-2025' } });
    expect(login.status()).toBe(200);
    await o.page.reload({ waitUntil: 'domcontentloaded' });
    await waitForMap(o.page);
    const api = (await (await o.context.request.get(`${baseUrl}/api/dashboard`)).json()) as Dashboard;
    await o.page.getByTestId('clearance-project').selectOption(String(api.projects[0].projectId));
    const stuck = o.page.locator('[data-testid=stuck-list] li');
    await expect.poll(() => stuck.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // a parcel past the notice, so it can go back
    const items = await stuck.allTextContents();
    const index = items.findIndex((x) => !x.includes('Thông báo thu hồi đất'));
    expect(index).toBeGreaterThanOrEqual(0);
    await stuck.nth(index).locator('button').click();
    const editor = o.page.getByTestId('record-editor');
    await editor.waitFor();
    expect(await o.page.getByTestId('record-reason').count()).toBe(0);
    await o.page.getByTestId('record-step').selectOption('notice');
    expect(await o.page.getByTestId('record-reason').count()).toBe(1);
    const reason = `Kiểm tra lại hồ sơ (e2e ${Date.now()})`;
    await o.page.getByTestId('record-reason').fill(reason);
    await o.page.getByTestId('record-save').click();
    await expect.poll(() => editor.locator('.step-history li').last().textContent(), { timeout: 15_000 }).toContain(reason);
    expect(await editor.locator('[role=alert]').count()).toBe(0);
    await screenshot(o.page, 'dashboard-06-record-editor');
    const after = (await (await o.context.request.get(`${baseUrl}/api/dashboard`)).json()) as Dashboard;
    expect(after.projects[0].areaPct).toBe(api.projects[0].areaPct);
    assertNoConsoleErrors(o.problems);
  });
});
