/**
 * Browser helpers for the e2e tests: Debian's Chromium driven by playwright-core (no browser download),
 * console/page error collection, screenshots, and map helpers built on the client's test hooks:
 * `window.__landmap.map` (the maplibre-gl Map) and `document.body.dataset.mapReady === 'true'`.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox', // we run as root in CI
  '--disable-gpu',
  '--enable-unsafe-swiftshader', // software WebGL for maplibre
  '--disable-background-networking', // the machine has no network: no update/telemetry calls
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(`no chromium at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

// ------------------------------------------------------------------ console and page errors

/**
 * Console errors that are not the app's fault. Each entry needs a reason; keep this list short.
 * Matched against the message text.
 */
export const ALLOWED_CONSOLE_ERRORS: { pattern: RegExp; reason: string }[] = [
  // (empty: every console error fails the test until someone adds a pattern with a reason here)
];

export interface PageErrors {
  /** console.error messages and uncaught page errors, not allow-listed. */
  errors: string[];
  /** Allow-listed messages, for the record. */
  allowed: string[];
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  problems: PageErrors;
}

/** A new context + page with error collection; viewport fixed so screenshots compare. */
export async function openPage(browser: Browser, opts: { width?: number; height?: number } = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    locale: 'vi-VN',
  });
  const page = await context.newPage();
  const problems: PageErrors = { errors: [], allowed: [] };
  const record = (text: string) => {
    const hit = ALLOWED_CONSOLE_ERRORS.find((a) => a.pattern.test(text));
    (hit ? problems.allowed : problems.errors).push(text);
  };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    record(`console.error: ${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => record(`page error: ${err.stack ?? err.message}`));
  page.on('requestfailed', (req) => {
    // Aborted requests (tiles cancelled when the map moves) are normal; anything else is a problem.
    const failure = req.failure()?.errorText ?? '';
    if (failure.includes('ERR_ABORTED')) return;
    record(`request failed: ${req.method()} ${req.url()} ${failure}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 500) record(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  return { context, page, problems };
}

/** Throws listing every unexpected console/page error. */
export function assertNoConsoleErrors(problems: PageErrors): void {
  if (problems.errors.length > 0) {
    throw new Error(`${problems.errors.length} console/page error(s):\n  ${problems.errors.join('\n  ')}`);
  }
}

// ------------------------------------------------------------------ screenshots

/** Saves tests/e2e/screenshots/<name>.png (git-ignored; CI keeps them as artifacts). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

// ------------------------------------------------------------------ map

/** Minimal shape of the maplibre-gl Map the client exposes as window.__landmap.map. */
interface MapHandle {
  loaded(): boolean;
  isMoving(): boolean;
  areTilesLoaded(): boolean;
  once(type: string, listener: () => void): unknown;
  project(lngLat: [number, number]): { x: number; y: number };
  jumpTo(opts: { center?: [number, number]; zoom?: number }): unknown;
  getLayer(id: string): unknown;
  getLayoutProperty(layer: string, name: string): unknown;
  getStyle(): { layers: { id: string; source?: string; layout?: { visibility?: string } }[] };
  queryRenderedFeatures(point?: [number, number], opts?: { layers?: string[] }): {
    layer: { id: string };
    properties: Record<string, unknown>;
  }[];
  triggerRepaint(): void;
}
type LandmapWindow = { __landmap?: { map: MapHandle } };
// Used only inside page.evaluate, where it runs in the browser.
declare const window: LandmapWindow & Record<string, unknown>;

/** Waits until the client says the map is ready (style and first data loaded). */
export async function waitForMap(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout });
  await page.waitForFunction(() => Boolean(window.__landmap?.map), undefined, { timeout });
  await waitForIdle(page, timeout);
}

/** Resolves when the map is not moving and has rendered what it has loaded ('idle'). */
export async function waitForIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve, reject) => {
        const map = window.__landmap!.map;
        const timer = setTimeout(() => reject(new Error(`map not idle within ${ms} ms`)), ms);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) {
          // Already idle: one more frame so the last change is on screen.
          requestAnimationFrame(() => requestAnimationFrame(done));
          return;
        }
        map.once('idle', done);
        map.triggerRepaint();
      }),
    timeout,
  );
}

/** Jumps the camera (no animation) and waits for idle. */
export async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ([c, z]) => {
      window.__landmap!.map.jumpTo({ center: c, zoom: z });
    },
    [center, zoom] as const,
  );
  await waitForIdle(page);
}

/** Pixel of a lon/lat relative to the map canvas. */
export async function projectLonLat(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const p = window.__landmap!.map.project(ll);
    return { x: p.x, y: p.y };
  }, lonLat);
}

/** Clicks the screen pixel of a geographic point on the map canvas. */
export async function clickLonLat(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  const canvas = page.locator('.maplibregl-canvas').first();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('map canvas (.maplibregl-canvas) not visible');
  const { x, y } = await projectLonLat(page, lonLat);
  if (x < 0 || y < 0 || x > box.width || y > box.height) {
    throw new Error(`point ${lonLat} is outside the map canvas (pixel ${x.toFixed(0)},${y.toFixed(0)})`);
  }
  await page.mouse.click(box.x + x, box.y + y);
  return { x, y };
}

/** Ids of the style layers drawn for a data layer: the layer `<id>` or any layer on the source `<id>`. */
export async function styleLayersOf(page: Page, layerId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const layers = window.__landmap!.map.getStyle().layers;
    return layers.filter((l) => l.id === id || l.source === id).map((l) => l.id);
  }, layerId);
}

/** Whether any style layer of a data layer is visible (layout visibility not 'none'). */
export async function isLayerVisible(page: Page, layerId: string): Promise<boolean> {
  const ids = await styleLayersOf(page, layerId);
  if (ids.length === 0) throw new Error(`no style layer found for data layer '${layerId}'`);
  return page.evaluate((styleIds) => {
    const map = window.__landmap!.map;
    return styleIds.some((sid) => map.getLayer(sid) && (map.getLayoutProperty(sid, 'visibility') ?? 'visible') !== 'none');
  }, ids);
}

/** Features rendered at a lon/lat (optionally restricted to a data layer's style layers). */
export async function renderedFeaturesAt(
  page: Page,
  lonLat: [number, number],
  layerId?: string,
): Promise<{ layer: string; properties: Record<string, unknown> }[]> {
  const layers = layerId ? await styleLayersOf(page, layerId) : undefined;
  return page.evaluate(
    ([ll, ls]) => {
      const map = window.__landmap!.map;
      const p = map.project(ll);
      return map
        .queryRenderedFeatures([p.x, p.y], ls ? { layers: ls } : undefined)
        .map((f) => ({ layer: f.layer.id, properties: f.properties }));
    },
    [lonLat, layers] as const,
  );
}

// ------------------------------------------------------------------ sidebar

export type SidebarTabId = 'layers' | 'cadastre' | 'clearance' | 'planning';

/** Opens a sidebar tab (Lớp bản đồ, Địa chính, GPMB, Quy hoạch) as a user would and waits for its panel. */
export async function openTab(page: Page, id: SidebarTabId): Promise<void> {
  await page.getByTestId(`sidebar-tab-${id}`).click();
  await page.getByTestId(`sidebar-panel-${id}`).waitFor({ state: 'visible', timeout: 10_000 });
}

/** Signs in through the header's form (the page must show the app) and waits until the account menu says so. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-open').click();
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByTestId('sign-in-form').locator('button[type=submit]').click();
  await page.getByTestId('sign-out').waitFor({ state: 'visible', timeout: 10_000 });
}
