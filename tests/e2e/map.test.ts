/**
 * The platform browser test: the built app in headless Chromium against the real server (see global-setup.ts).
 * One page walks through what a user does: the map opens with the parcels drawn from vector tiles, a layer toggles,
 * zoomed out below the parcel tiles the layer panel says to zoom in, a click on a parcel (outlined, its số thửa
 * labelled) and on a school opens the feature panel, the sidebar tabs switch (and are remembered), the language
 * switches to English; no console errors on the way.
 * Screenshots of every step land in tests/e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { area, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { Browser } from 'playwright-core';
import {
  assertNoConsoleErrors,
  clickLonLat,
  isLayerVisible,
  jumpTo,
  launchBrowser,
  openPage,
  openTab,
  renderedFeaturesAt,
  screenshot,
  waitForIdle,
  waitForMap,
  type OpenedPage,
} from './helpers';

const baseUrl = inject('baseUrl');

interface LayerInfoLite {
  id: string;
  title: { vi: string; en: string };
  visible: boolean;
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`);
  expect(res.status, `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

/** Makes a data layer visible through its checkbox in the layer list (as a user would). */
async function ensureLayerOn(o: OpenedPage, layerId: string): Promise<void> {
  if (await isLayerVisible(o.page, layerId)) return;
  await openTab(o.page, 'layers');
  await o.page.getByTestId(`layer-toggle-${layerId}`).click();
  await expect.poll(() => isLayerVisible(o.page, layerId), { timeout: 10_000 }).toBe(true);
  await waitForIdle(o.page);
}

/** A feature's display name, whatever shape the layer gives it (name, name_vi, nameVi, {vi, en}). */
function nameOf(props: Record<string, unknown>): string | undefined {
  for (const key of ['name', 'name_vi', 'nameVi', 'title']) {
    const v = props[key];
    if (typeof v === 'string' && v.trim()) return v;
    if (v && typeof v === 'object' && typeof (v as { vi?: unknown }).vi === 'string') return (v as { vi: string }).vi;
  }
  return undefined;
}

/** Number of features a style layer renders in the whole viewport. */
async function renderedCount(o: OpenedPage, styleLayer: string): Promise<number> {
  return o.page.evaluate((id) => {
    const map = (window as unknown as { __landmap: { map: { queryRenderedFeatures(o: { layers: string[] }): unknown[] } } }).__landmap.map;
    return map.queryRenderedFeatures({ layers: [id] }).length;
  }, styleLayer);
}

describe('web map in Chromium', () => {
  let browser: Browser;
  let o: OpenedPage;
  let layers: LayerInfoLite[];
  /** Paths of every request the page made, in order. */
  const requested: string[] = [];

  beforeAll(async () => {
    layers = (await getJson<{ layers: LayerInfoLite[] }>('/api/layers')).layers;
    browser = await launchBrowser();
    o = await openPage(browser);
    o.page.on('request', (req) => requested.push(new URL(req.url()).pathname));
  });

  afterAll(async () => {
    await o?.context.close();
    await browser?.close();
  });

  it('opens the map of phường Trần Liễu with the demo-data badge', async () => {
    const res = await o.page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
    expect(res?.status()).toBe(200);
    await waitForMap(o.page);
    await screenshot(o.page, '01-map-ready');

    const title = await o.page.title();
    const header = (await o.page.locator('header, h1').first().textContent({ timeout: 5_000 }).catch(() => '')) ?? '';
    expect(`${title} | ${header}`).toContain('Trần Liễu');

    await expect.poll(() => o.page.getByText('Dữ liệu minh họa').first().isVisible()).toBe(true);

    // Something is actually drawn: the map reports rendered features in the viewport.
    const drawn = await o.page.evaluate(
      () => (window as unknown as { __landmap: { map: { queryRenderedFeatures(): unknown[] } } }).__landmap.map
        .queryRenderedFeatures().length,
    );
    expect(drawn).toBeGreaterThan(0);
  });

  it('draws the parcels at the initial view from vector tiles, coloured by certificate status', async () => {
    // the parcels never come as one GeoJSON download: only /tiles/parcels/{z}/{x}/{y}.mvt
    expect(requested.filter((p) => p.startsWith('/api/layers/parcels'))).toEqual([]);
    expect(requested.filter((p) => /^\/tiles\/parcels\/\d+\/\d+\/\d+\.mvt$/.test(p)).length).toBeGreaterThan(0);
    const fills = await o.page.evaluate(() => {
      const map = (window as unknown as { __landmap: { map: {
        queryRenderedFeatures(o: { layers: string[] }): { id?: number; properties: Record<string, unknown> }[];
      } } }).__landmap.map;
      return map.queryRenderedFeatures({ layers: ['parcels-fill'] }).map((f) => ({ id: f.id, status: f.properties.certStatus }));
    });
    expect(fills.length).toBeGreaterThan(100);
    // the MVT feature id is the parcel id (selection and the parcel panel rely on it)
    expect(fills.every((f) => Number.isInteger(f.id))).toBe(true);
    const statuses = new Set(fills.map((f) => f.status));
    expect(statuses.has('issued') && statuses.has('backlog')).toBe(true);
    expect(await o.page.getByTestId('layer-zoom-hint-parcels').count()).toBe(0);
  });

  it('says to zoom in when the map is zoomed out below the parcel tiles, and draws them again on zooming in', async () => {
    const view = await o.page.evaluate(() => {
      const map = (window as unknown as { __landmap: { map: { getCenter(): { lng: number; lat: number }; getZoom(): number } } }).__landmap.map;
      return { center: [map.getCenter().lng, map.getCenter().lat] as [number, number], zoom: map.getZoom() };
    });
    await jumpTo(o.page, view.center, 10.5);
    await expect.poll(() => o.page.getByTestId('layer-zoom-hint-parcels').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await o.page.getByTestId('layer-zoom-hint-parcels').textContent()).toBe('Phóng to để xem thửa đất');
    expect(await renderedCount(o, 'parcels-fill')).toBe(0);
    await o.page.getByTestId('layer-zoom-hint-parcels').scrollIntoViewIfNeeded();
    await screenshot(o.page, '02-zoomed-out-hint');
    await o.page.locator('.sidebar').evaluate((el) => el.scrollTo(0, 0));
    await jumpTo(o.page, view.center, view.zoom);
    await expect.poll(() => o.page.getByTestId('layer-zoom-hint-parcels').count(), { timeout: 10_000 }).toBe(0);
    expect(await renderedCount(o, 'parcels-fill')).toBeGreaterThan(0);
  });

  it.each(['neighbour-wards', 'residential-groups'])('toggles the %s layer from its checkbox', async (layerId) => {
    const toggle = o.page.getByTestId(`layer-toggle-${layerId}`);
    await expect.poll(() => toggle.count()).toBe(1);
    const before = await isLayerVisible(o.page, layerId);

    await toggle.click();
    await expect.poll(() => isLayerVisible(o.page, layerId), { timeout: 10_000 }).toBe(!before);
    expect(await toggle.isChecked()).toBe(!before);
    await waitForIdle(o.page);
    await screenshot(o.page, `02-toggle-${layerId}-${before ? 'off' : 'on'}`);

    await toggle.click();
    await expect.poll(() => isLayerVisible(o.page, layerId), { timeout: 10_000 }).toBe(before);
    expect(await toggle.isChecked()).toBe(before);
  });

  it('opens the feature panel with the parcel clicked on the map', async () => {
    const fc = await getJson<FeatureCollection<Geometry, Record<string, unknown>>>('/api/layers/parcels');
    const polygons = fc.features.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
    expect(polygons.length).toBeGreaterThan(0);
    // A roomy parcel is easiest to hit: the largest of a sample spread over the layer.
    const step = Math.max(1, Math.floor(polygons.length / 50));
    const sample = polygons.filter((_, i) => i % step === 0);
    const parcel = sample.reduce((a, b) => (area(b) > area(a) ? b : a));
    const at = pointOnFeature(parcel as Feature).geometry.coordinates as [number, number];
    const parcelNo = String(parcel.properties.parcelNo);

    await ensureLayerOn(o, 'parcels');
    await jumpTo(o.page, at, 19);
    const hits = await renderedFeaturesAt(o.page, at, 'parcels');
    expect(
      hits.map((h) => h.properties.parcelNo),
      `parcel ${parcelNo} should be drawn under the click point`,
    ).toContain(parcel.properties.parcelNo);
    // số thửa labels at this zoom, from the tile's parcelNo
    await expect.poll(() => renderedCount(o, 'parcels-label'), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(o.page, '03-parcel-before-click');

    await clickLonLat(o.page, at);
    // A parcel opens the land officer's parcel panel (the cadastral record), other features the details panel.
    const panel = o.page.getByTestId('parcel-panel');
    // Numbers may be shown grouped the Vietnamese way (1.234): compare without group separators.
    const panelText = async () =>
      ((await panel.isVisible()) ? (await panel.textContent()) ?? '' : '').replace(/(\d)[.,\u00a0\u202f ](?=\d{3}(?!\d))/g, '$1');
    await expect.poll(panelText, { timeout: 10_000 }).toMatch(new RegExp(`tờ ${parcel.properties.mapSheetNo}, thửa ${parcelNo}\\b`));
    // the clicked parcel is outlined: its feature state (per MVT layer) says selected
    const selected = await o.page.evaluate((id) => {
      const map = (window as unknown as { __landmap: { map: {
        getFeatureState(f: { source: string; sourceLayer: string; id: number }): Record<string, unknown>;
      } } }).__landmap.map;
      return map.getFeatureState({ source: 'parcels', sourceLayer: 'parcels', id }).selected;
    }, Number(parcel.id ?? parcel.properties.id));
    expect(selected).toBe(true);
    await screenshot(o.page, '04-parcel-panel');
    await panel.getByRole('button', { name: /đóng|close|×/i }).first().click();
  });

  it('opens the feature panel with the school clicked on the map', async () => {
    const fc = await getJson<FeatureCollection<Point, Record<string, unknown>>>('/api/layers/schools');
    const school = fc.features.find((f) => f.geometry?.type === 'Point' && nameOf(f.properties));
    expect(school, 'a school with a name').toBeDefined();
    const at = school!.geometry.coordinates as [number, number];
    const name = nameOf(school!.properties)!;

    await ensureLayerOn(o, 'schools');
    await jumpTo(o.page, at, 17);
    await clickLonLat(o.page, at);
    const panel = o.page.getByTestId('feature-panel');
    await expect.poll(async () => (await panel.isVisible()) && ((await panel.textContent()) ?? ''), { timeout: 10_000 })
      .toContain(name);
    await screenshot(o.page, '05-school-panel');
  });

  it('switches sidebar tabs by click and arrow key, remembers the tab over a reload, keeps the cadastre colouring', async () => {
    const tab = (id: string) => o.page.getByTestId(`sidebar-tab-${id}`);
    const panel = (id: string) => o.page.getByTestId(`sidebar-panel-${id}`);
    /** The parcels' fill colour expression as the map has it now (set by the certificates colouring mode). */
    const fillColor = () => o.page.evaluate(() => JSON.stringify(
      (window as unknown as { __landmap: { map: { getPaintProperty(l: string, p: string): unknown } } }).__landmap.map
        .getPaintProperty('parcels-fill', 'fill-color'),
    ));
    expect(await tab('layers').getAttribute('aria-selected')).toBe('true'); // the public starts on the layers
    await openTab(o.page, 'cadastre');
    expect(await panel('layers').isVisible()).toBe(false);
    expect(await o.page.getByTestId('cert-search').isVisible()).toBe(true);
    expect(await o.page.getByTestId('import-open').count()).toBe(0); // below the tabs, for officers only
    expect(await o.page.getByTestId('boundary-note').isVisible()).toBe(true); // below the tabs, always

    await o.page.reload({ waitUntil: 'domcontentloaded' });
    await waitForMap(o.page);
    await expect.poll(() => tab('cadastre').getAttribute('aria-selected')).toBe('true');
    expect(await panel('cadastre').isVisible()).toBe(true);
    const statusFill = await fillColor();
    await o.page.getByTestId('cert-mode-reason').check();
    await expect.poll(fillColor, { timeout: 10_000 }).not.toBe(statusFill);
    const reasonFill = await fillColor();
    await waitForIdle(o.page);
    await screenshot(o.page, '06-tab-cadastre');

    // keyboard: ← from "Địa chính" goes to "Lớp bản đồ" and focuses it; the colouring stays on the map
    await tab('cadastre').focus();
    await o.page.keyboard.press('ArrowLeft');
    await expect.poll(() => panel('layers').isVisible()).toBe(true);
    expect(await panel('cadastre').isVisible()).toBe(false);
    expect(await o.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sidebar-tab-layers');
    expect(await fillColor()).toBe(reasonFill);
    await expect.poll(() => o.page.getByTestId('legend').innerText()).toContain('Lấn, chiếm đất');
    await waitForIdle(o.page);
    expect(await renderedCount(o, 'parcels-fill')).toBeGreaterThan(0);
    await screenshot(o.page, '06-tab-layers-reason-colouring');
  });

  it('switches the interface to English', async () => {
    const parcels = layers.find((l) => l.id === 'parcels')!;
    const body = o.page.locator('body');
    expect(await body.innerText()).toContain(parcels.title.vi);

    await o.page.getByTestId('lang-switch').click();
    await expect.poll(() => body.innerText(), { timeout: 10_000 }).toContain(parcels.title.en);
    await waitForIdle(o.page);
    await screenshot(o.page, '06-english');
  });

  it('logged no console or page errors', () => {
    if (o.problems.allowed.length) console.log(`allow-listed console messages:\n  ${o.problems.allowed.join('\n  ')}`);
    assertNoConsoleErrors(o.problems);
  });
});
