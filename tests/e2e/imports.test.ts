/**
 * Import in the browser (issue 8), signed in as a land officer: a small GeoJSON made here (EPSG:4326, map sheet
 * 950, inside the ward) with two new parcels and one self-intersecting "bowtie" → the preview counts 2 new and
 * 1 rejected with its reason, draws the features on the map by action, refuses the commit until the rejection
 * is skipped, then writes; the new parcel is found by the search and drawn in the parcels layer.
 * The parcel numbers are run-unique (the e2e database is shared by every e2e file, and may be kept).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { assertNoConsoleErrors, jumpTo, launchBrowser, openPage, openTab, renderedFeaturesAt, screenshot, waitForIdle, waitForMap, signIn, type OpenedPage } from './helpers';

const baseUrl = inject('baseUrl');
const WARD_FILE = path.join(import.meta.dirname, '..', '..', 'geodata', 'sources', 'tran_lieu_ward.geojson');
const SHEET = 950;
/** run-unique parcel numbers on sheet 950 */
const FIRST = 1 + (Date.now() % 40_000) * 2;
// ~20 m in degrees at 21° N (EPSG:4326): 1° lat ≈ 110 700 m, 1° lon ≈ 103 900 m
const DLAT = 20 / 110_700;
const DLON = 20 / 103_900;

function square(lon: number, lat: number): Position[][] {
  return [[[lon, lat], [lon + DLON, lat], [lon + DLON, lat + DLAT], [lon, lat + DLAT], [lon, lat]]];
}
function bowtie(lon: number, lat: number): Position[][] {
  return [[[lon, lat], [lon + DLON, lat + DLAT], [lon + DLON, lat], [lon, lat + DLAT], [lon, lat]]];
}

/** Two parcels and a bowtie side by side, 25 m apart, at the first candidate point where all lie inside the ward. */
function makeFile(): { fc: FeatureCollection<Polygon>; centre: [number, number] } {
  const ward = (JSON.parse(readFileSync(WARD_FILE, 'utf8')) as FeatureCollection<Polygon>).features[0];
  const candidates = [ward.properties?.center as [number, number], turf.centerOfMass(ward).geometry.coordinates, turf.pointOnFeature(ward).geometry.coordinates];
  for (const [lon, lat] of candidates) {
    const props = (n: number) => ({ so_to: SHEET, so_thua: n, loai_dat: 'ONT', dien_tich: 400, ma_dvhc: 'an-phu' });
    const features: Feature<Polygon>[] = [
      turf.polygon(square(lon, lat), props(FIRST)),
      turf.polygon(square(lon + 1.25 * DLON, lat), props(FIRST + 1)),
      turf.polygon(bowtie(lon + 2.5 * DLON, lat), props(FIRST + 2)),
    ];
    const inside = features.every((f) => f.geometry.coordinates[0].every((p) => turf.booleanPointInPolygon(p, ward)));
    if (inside) return { fc: turf.featureCollection(features), centre: [lon + DLON / 2, lat + DLAT / 2] };
  }
  throw new Error('no candidate point of the ward fits the test parcels');
}

describe('import in Chromium', () => {
  let browser: Browser;
  let o: OpenedPage;
  const { fc, centre } = makeFile();

  beforeAll(async () => {
    browser = await launchBrowser();
    o = await openPage(browser, { width: 1400, height: 900 });
  });
  afterAll(async () => {
    await o?.context.close();
    await browser?.close();
  });

  it('signs in as a land officer and opens the import', async () => {
    await o.page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
    await waitForMap(o.page);
    expect(await o.page.getByTestId('import-open').count()).toBe(0); // the public sees no import
    await signIn(o.page, 'diachinh', 'demo-diachinh');
    await o.page.getByTestId('import-open').click();
    const dialog = o.page.getByTestId('import-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // a land officer imports parcels only
    expect(await dialog.getByTestId('imp-layer').locator('option').allTextContents()).toEqual(['Thửa đất (địa chính)']);
    await screenshot(o.page, 'imports-01-dialog');
  });

  it('uploads the file and previews 2 new parcels and 1 rejected bowtie, on the map too', async () => {
    const dialog = o.page.getByTestId('import-dialog');
    await dialog.getByTestId('imp-file').setInputFiles({ name: 'thua-moi.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) });
    await dialog.getByTestId('imp-start').click();
    await expect.poll(() => dialog.getByTestId('imp-preview').isVisible(), { timeout: 90_000 }).toBe(true);
    expect(await dialog.getByTestId('imp-count-add').textContent()).toMatch(/^2\s/);
    expect(await dialog.getByTestId('imp-count-reject').textContent()).toMatch(/^1\s/);
    const reason = dialog.getByTestId('imp-reasons').locator('[data-code=geometry_invalid]');
    expect(await reason.textContent()).toContain('Hình thể không hợp lệ');
    expect(await dialog.getByTestId('imp-crs-resolved').textContent()).toMatch(/4326|WGS/);
    await expect.poll(() => dialog.getByTestId('imp-rows').locator('tbody tr').count(), { timeout: 10_000 }).toBe(3);
    await waitForIdle(o.page);
    // polled: the camera may still be flying to the file's extent when the map first reports idle
    const drawn = () => o.page.evaluate(() => {
      const map = (window as unknown as { __landmap: { map: { queryRenderedFeatures: (g?: unknown, o?: unknown) => { properties: Record<string, unknown> }[] } } }).__landmap.map;
      return [...new Set(map.queryRenderedFeatures(undefined, { layers: ['import-preview-fill'] }).map((f) => `${f.properties.seq}:${f.properties.action}`))].sort();
    });
    await expect.poll(drawn, { timeout: 20_000 }).toEqual(['1:add', '2:add', '3:reject']);
    await screenshot(o.page, 'imports-02-preview');
  });

  it('selects the row of a feature clicked on the map', async () => {
    const canvas = await o.page.locator('.maplibregl-canvas').first().boundingBox();
    const px = await o.page.evaluate((ll) => {
      const p = (window as unknown as { __landmap: { map: { project: (x: [number, number]) => { x: number; y: number } } } }).__landmap.map.project(ll);
      return { x: p.x, y: p.y };
    }, centre);
    await o.page.mouse.click(canvas!.x + px.x, canvas!.y + px.y);
    const dialog = o.page.getByTestId('import-dialog');
    await expect.poll(() => dialog.locator('tr.is-selected').getAttribute('data-seq')).toBe('1');
    expect(await dialog.getByTestId('imp-selected').textContent()).toContain(`${SHEET}/${FIRST}`);
  });

  it('refuses the commit until the rejection is skipped, then writes the 2 parcels', async () => {
    const dialog = o.page.getByTestId('import-dialog');
    expect(await dialog.getByTestId('imp-commit').isDisabled()).toBe(true);
    await dialog.getByTestId('imp-skip').check();
    expect(await dialog.getByTestId('imp-commit').isDisabled()).toBe(false);
    await dialog.getByTestId('imp-commit').click();
    expect(await dialog.getByTestId('imp-confirm').textContent()).toContain('thêm mới 2');
    await screenshot(o.page, 'imports-03-confirm');
    await dialog.getByTestId('imp-confirm-yes').click();
    await expect.poll(() => dialog.getByTestId('imp-committed').isVisible(), { timeout: 90_000 }).toBe(true);
    expect(await dialog.getByTestId('imp-committed').textContent()).toContain('thêm mới 2');
    await screenshot(o.page, 'imports-04-committed');
  });

  it('shows the new parcel in the search and on the parcels layer', async () => {
    await o.page.getByTestId('import-dialog').getByRole('button', { name: 'Đóng' }).last().click();
    await openTab(o.page, 'cadastre');
    await o.page.getByTestId('cert-search').fill(`tờ ${SHEET} thửa ${FIRST}`);
    await o.page.getByTestId('cert-search').press('Enter');
    await expect.poll(() => o.page.getByTestId('cert-search-results').textContent(), { timeout: 10_000 }).toContain(String(FIRST));
    await jumpTo(o.page, centre, 19);
    await expect.poll(async () => (await renderedFeaturesAt(o.page, centre, 'parcels')).some((f) => Number(f.properties.parcelNo) === FIRST && Number(f.properties.mapSheetNo) === SHEET), { timeout: 15_000 }).toBe(true);
    await screenshot(o.page, 'imports-05-parcel-on-map');
  });

  it('checks the same file again in another CRS, then discards it and clears the preview', async () => {
    await o.page.getByTestId('import-open').click();
    const dialog = o.page.getByTestId('import-dialog');
    await dialog.getByTestId('imp-file').setInputFiles({ name: 'thua-moi.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) });
    await dialog.getByTestId('imp-start').click();
    await expect.poll(() => dialog.getByTestId('imp-preview').isVisible(), { timeout: 90_000 }).toBe(true);
    const count = async (a: string) => Number((await dialog.getByTestId(`imp-count-${a}`).textContent())?.match(/^\d+/)?.[0]);
    // the two parcels are in the register now: nothing new
    expect(await count('add')).toBe(0);
    expect((await count('unchanged')) + (await count('update'))).toBe(2);
    // read as VN-2000 metres, the degrees land far outside the ward: everything is rejected
    await dialog.locator('.imp-reanalyse summary').click();
    await dialog.getByTestId('imp-crs').selectOption('9209');
    await dialog.getByTestId('imp-reanalyse').click();
    await expect.poll(() => count('reject'), { timeout: 90_000 }).toBe(3);
    expect(await dialog.getByTestId('imp-crs-resolved').textContent()).toContain('người dùng chọn');
    await screenshot(o.page, 'imports-06-other-crs');
    await dialog.getByTestId('imp-discard').click();
    await expect.poll(() => dialog.getByTestId('imp-upload').isVisible(), { timeout: 10_000 }).toBe(true);
    const drawn = await o.page.evaluate(() => {
      const map = (window as unknown as { __landmap: { map: { getLayoutProperty: (l: string, p: string) => unknown } } }).__landmap.map;
      return map.getLayoutProperty('import-preview-fill', 'visibility');
    });
    expect(drawn).toBe('none');
  });

  it('shows why an unreadable file failed, and nothing is written', async () => {
    const dialog = o.page.getByTestId('import-dialog');
    await dialog.getByTestId('imp-file').setInputFiles({ name: 'hong.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type":"FeatureCollection","features":[{"type":') });
    await dialog.getByTestId('imp-start').click();
    await expect.poll(() => dialog.getByTestId('imp-failed').isVisible(), { timeout: 90_000 }).toBe(true);
    expect(await dialog.getByTestId('imp-failed').locator('[role=alert]').textContent()).toMatch(/\S{3,}/);
    await screenshot(o.page, 'imports-07-failed');
    await dialog.getByTestId('imp-discard').click();
    await expect.poll(() => dialog.getByTestId('imp-upload').isVisible(), { timeout: 10_000 }).toBe(true);
    assertNoConsoleErrors(o.problems);
  });
});

describe('import fixtures and projects in Chromium', () => {
  let browser: Browser;
  let o: OpenedPage;
  const FIX = path.join(import.meta.dirname, '..', 'fixtures', 'import');

  beforeAll(async () => {
    browser = await launchBrowser();
    o = await openPage(browser, { width: 1400, height: 900 });
  });
  afterAll(async () => {
    await o?.context.close();
    await browser?.close();
  });

  async function signInAs(user: string, password: string) {
    await o.page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
    await waitForMap(o.page);
    if (await o.page.getByTestId('sign-out').isVisible()) await o.page.getByTestId('sign-out').click();
    await signIn(o.page, user, password);
  }

  it('an ESRI Shapefile in VN-2000: the CRS comes from its .prj, six new parcels previewed, then discarded', async () => {
    await signInAs('diachinh', 'demo-diachinh');
    await o.page.getByTestId('import-open').click();
    const dialog = o.page.getByTestId('import-dialog');
    await dialog.getByTestId('imp-file').setInputFiles({ name: 'parcels-9209-esri.zip', mimeType: 'application/zip', buffer: readFileSync(path.join(FIX, 'parcels-9209-esri.zip')) });
    await dialog.getByTestId('imp-start').click();
    await expect.poll(() => dialog.getByTestId('imp-preview').isVisible(), { timeout: 90_000 }).toBe(true);
    const resolved = await dialog.getByTestId('imp-crs-resolved').textContent();
    expect(resolved).toContain('EPSG:9209');
    expect(resolved).toMatch(/từ tệp/);
    await expect.poll(() => dialog.getByTestId('imp-rows').locator('tbody tr').count(), { timeout: 10_000 }).toBe(6);
    expect(await dialog.getByTestId('imp-rows').textContent()).toContain('An Phụ (cũ) 901/1'); // the unit's name, not its id
    await screenshot(o.page, 'imports-08-shapefile-vn2000');
    await dialog.getByTestId('imp-discard').click();
    await expect.poll(() => dialog.getByTestId('imp-upload').isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it('a column the mapping does not know: every feature rejected, mapped by hand, checked again, accepted', async () => {
    const [lon, lat] = (JSON.parse(readFileSync(path.join(FIX, 'expected.json'), 'utf8')) as { parcels: Array<{ wgs84: [number, number] }> }).parcels[0].wgs84;
    const d = 0.00018;
    const fc = { type: 'FeatureCollection', features: [0, 1].map((i) => ({ type: 'Feature',
      properties: { so_to: 951, ThuaSo: 1 + i, loai_dat: 'ONT', ma_dvhc: 'an-phu' },
      geometry: { type: 'Polygon', coordinates: [[[lon + i * 2 * d, lat - 3 * d], [lon + (i * 2 + 1) * d, lat - 3 * d], [lon + (i * 2 + 1) * d, lat - 2 * d], [lon + i * 2 * d, lat - 2 * d], [lon + i * 2 * d, lat - 3 * d]]] } })) };
    await o.page.getByTestId('import-open').click();
    const dialog = o.page.getByTestId('import-dialog');
    await dialog.getByTestId('imp-file').setInputFiles({ name: 'cot-la.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) });
    await dialog.getByTestId('imp-start').click();
    await expect.poll(() => dialog.getByTestId('imp-preview').isVisible(), { timeout: 90_000 }).toBe(true);
    expect(await dialog.getByTestId('imp-count-reject').textContent()).toMatch(/^2\s/);
    expect(await dialog.getByTestId('imp-reasons').locator('[data-code=key_missing]').count()).toBe(1);
    await dialog.locator('details.imp-reanalyse > summary').click();
    expect(await dialog.getByTestId('imp-map-parcelNo').inputValue()).toBe(''); // not recognised
    await dialog.getByTestId('imp-map-parcelNo').selectOption('ThuaSo');
    await dialog.getByTestId('imp-reanalyse').click();
    await expect.poll(async () => (await dialog.getByTestId('imp-count-reject').textContent())?.match(/^\d+/)?.[0], { timeout: 90_000 }).toBe('0');
    await expect.poll(async () => (await dialog.getByTestId('imp-count-add').textContent())?.match(/^\d+/)?.[0], { timeout: 90_000 }).toBe('2');
    await screenshot(o.page, 'imports-10-mapping-fixed');
    await dialog.getByTestId('imp-discard').click();
    await expect.poll(() => dialog.getByTestId('imp-upload').isVisible(), { timeout: 10_000 }).toBe(true);
    await dialog.getByRole('button', { name: 'Đóng' }).last().click();
  });

  it('a parcel edited after the preview: the commit is refused whole, checked again, then written', async () => {
    const api = o.context.request; // shares the page's session cookies
    const csrf = async () => (await (await api.get(`${baseUrl}/api/auth/me`)).json()).csrfToken as string;
    // a backlog parcel of the register, as the public layer gives it (key, land use, geometry)
    const list = await (await api.get(`${baseUrl}/api/certificates/parcels?status=backlog&pageSize=1`)).json();
    const id = list.rows[0].id as number;
    const layer = await (await api.get(`${baseUrl}/ogc/collections/parcels/items/${id}`)).json();
    const p = layer.properties;
    const newUse = p.landUseCode === 'CLN' ? 'ONT' : 'CLN';
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: layer.geometry,
      properties: { ma_dvhc: p.formerUnit, so_to: p.mapSheetNo, so_thua: p.parcelNo, loai_dat: newUse } }] };
    await o.page.getByTestId('import-open').click();
    const dialog = o.page.getByTestId('import-dialog');
    await dialog.getByTestId('imp-file').setInputFiles({ name: 'sua-loai-dat.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) });
    await dialog.getByTestId('imp-start').click();
    await expect.poll(() => dialog.getByTestId('imp-preview').isVisible(), { timeout: 90_000 }).toBe(true);
    expect(await dialog.getByTestId('imp-count-update').textContent()).toMatch(/^1\s/);
    // meanwhile the parcel changes (another officer notes its backlog case)
    const detail = await (await api.get(`${baseUrl}/api/certificates/parcels/${id}`)).json();
    const edit = await api.patch(`${baseUrl}/api/certificates/parcels/${id}`, { headers: { 'X-CSRF-Token': await csrf() },
      data: { action: 'backlog', version: detail.version, reason: detail.backlog.reason, note: 'e2e: đổi trong lúc xem trước' } });
    expect(edit.status()).toBe(200);
    await dialog.getByTestId('imp-commit').click();
    await dialog.getByTestId('imp-confirm-yes').click();
    await expect.poll(() => dialog.getByTestId('imp-recheck').isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => dialog.getByTestId('imp-confirm').count(), { timeout: 5_000 }).toBe(0); // closed by the refusal
    await screenshot(o.page, 'imports-11-stale');
    // the refused commit is the one console error the browser logs here ("… status of 409"): expected, so removed
    const refused = o.problems.errors.filter((e) => /409/.test(e));
    expect(refused.length).toBeGreaterThan(0);
    o.problems.errors.splice(0, o.problems.errors.length, ...o.problems.errors.filter((e) => !refused.includes(e)));
    const after = await (await api.get(`${baseUrl}/api/certificates/parcels/${id}`)).json();
    expect(after.landUseCode).toBe(p.landUseCode); // nothing written
    await dialog.getByTestId('imp-recheck').click();
    await expect.poll(async () => (await dialog.getByTestId('imp-count-update').textContent())?.match(/^\d+/)?.[0], { timeout: 90_000 }).toBe('1');
    await expect.poll(() => dialog.getByTestId('imp-error').count(), { timeout: 10_000 }).toBe(0);
    await dialog.getByTestId('imp-commit').click();
    await dialog.getByTestId('imp-confirm-yes').click();
    await expect.poll(() => dialog.getByTestId('imp-committed').isVisible(), { timeout: 90_000 }).toBe(true);
    expect((await (await api.get(`${baseUrl}/api/certificates/parcels/${id}`)).json()).landUseCode).toBe(newUse);
    await dialog.getByRole('button', { name: 'Đóng' }).last().click();
  });

  it('a planner imports a new project footprint; it joins the plan list', async () => {
    await signInAs('quyhoach', 'demo-quyhoach');
    const code = `NK-${Date.now().toString(36).slice(-5).toUpperCase()}`;
    const [lon, lat] = (JSON.parse(readFileSync(path.join(FIX, 'expected.json'), 'utf8')) as { parcels: Array<{ wgs84: [number, number] }> }).parcels[0].wgs84;
    const d = 0.0008;
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature',
      properties: { ma_du_an: code, ten_du_an: 'Nhà văn hóa nhập từ tệp', loai: 'culture', dien_tich_ha: 0.7 },
      geometry: { type: 'Polygon', coordinates: [[[lon, lat + d], [lon + d, lat + d], [lon + d, lat + 2 * d], [lon, lat + 2 * d], [lon, lat + d]]] } }] };
    await o.page.getByTestId('import-open').click();
    const dialog = o.page.getByTestId('import-dialog');
    expect(await dialog.getByTestId('imp-layer').locator('option').count()).toBe(1); // a planner imports projects only
    await dialog.getByTestId('imp-file').setInputFiles({ name: 'du-an.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) });
    await dialog.getByTestId('imp-start').click();
    await expect.poll(() => dialog.getByTestId('imp-preview').isVisible(), { timeout: 90_000 }).toBe(true);
    expect(await dialog.getByTestId('imp-count-add').textContent()).toMatch(/^1\s/);
    await dialog.getByTestId('imp-commit').click();
    await dialog.getByTestId('imp-confirm-yes').click();
    await expect.poll(() => dialog.getByTestId('imp-committed').isVisible(), { timeout: 90_000 }).toBe(true);
    await screenshot(o.page, 'imports-09-project-committed');
    await dialog.getByRole('button', { name: 'Đóng' }).last().click();
    await openTab(o.page, 'planning');
    await expect.poll(() => o.page.getByTestId(`project-row-${code}`).isVisible(), { timeout: 10_000 }).toBe(true);
    assertNoConsoleErrors(o.problems);
  });
});
