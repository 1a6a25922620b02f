/**
 * Planners in the browser: the project list with the plan total and filters, a project's panel with what it
 * touches, then — signed in as a planner — drawing a new footprint on the map (area shown while drawing),
 * saving it, and seeing the parcels it touches listed; at the end the planner deletes it again (and is refused
 * on a project with clearance records). No console errors; screenshots of every step. Codes are run-unique.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  assertNoConsoleErrors, jumpTo, launchBrowser, openPage, openTab, projectLonLat, screenshot, waitForIdle, waitForMap, signIn, type OpenedPage,
} from './helpers';

const baseUrl = inject('baseUrl');
const CODE = `E2E-${Date.now().toString(36)}`;
/** Near the ward office, among the demo parcels (EPSG:4326). */
const CENTRE: [number, number] = [106.4925, 20.9965];
const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
let savedId = 0;

interface ProjectLite { id: number; code: string; type: string; mappedAreaHa: number; demo: boolean }

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`);
  expect(res.status, `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

describe('projects in Chromium', () => {
  let browser: Browser;
  let o: OpenedPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    o = await openPage(browser, { width: 1400, height: 900 });
  });
  afterAll(async () => {
    await o?.context.close();
    await browser?.close();
  });

  it('lists the plan with its total area and filters it by type', async () => {
    await o.page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
    await waitForMap(o.page);
    // the legend explains the status styles (hatched, dashed, solid) and the colour by type
    const legend = o.page.getByTestId('legend');
    await legend.scrollIntoViewIfNeeded();
    await expect.poll(() => legend.textContent()).toContain('Màu theo loại dự án');
    await screenshot(o.page, 'projects-00-legend');
    await openTab(o.page, 'planning');
    const list = o.page.getByTestId('project-list');
    await expect.poll(() => list.locator('.project-row').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(30);
    const { projects } = await getJson<{ projects: ProjectLite[] }>('/api/projects');
    const demoHa = projects.filter((p) => p.demo).reduce((a, p) => a + p.mappedAreaHa, 0);
    expect(Math.round(demoHa * 100) / 100).toBe(116.94);
    await expect.poll(() => o.page.getByTestId('plan-total').textContent()).toMatch(/\d+,\d{2} ha/);
    await o.page.getByTestId('project-filter-type').selectOption('transport');
    const transport = projects.filter((p) => p.type === 'transport').length;
    await expect.poll(() => list.locator('.project-row').count(), { timeout: 10_000 }).toBe(transport);
    await screenshot(o.page, 'projects-01-list-filtered');
  });

  it('flies to a project and shows what it touches', async () => {
    await o.page.getByTestId('project-list').locator('.project-row').first().click();
    const panel = o.page.getByTestId('project-panel');
    await expect.poll(() => panel.getByTestId('touched-parcels').locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => panel.getByTestId('touched-by-land-use').locator('tr').count()).toBeGreaterThan(0);
    await waitForIdle(o.page);
    await screenshot(o.page, 'projects-02-panel');
    await panel.getByRole('button', { name: 'Đóng' }).click();
    await o.page.getByTestId('project-filter-type').selectOption('');
  });

  it('signs in as a planner, draws a footprint with its area shown, saves it and lists the touched parcels', async () => {
    await signIn(o.page, 'quyhoach', 'demo-quyhoach');
    await o.page.getByTestId('project-new').click();
    await expect.poll(() => o.page.getByTestId('footprint-editor').isVisible()).toBe(true);
    await jumpTo(o.page, CENTRE, 17);

    const canvas = await o.page.locator('.maplibregl-canvas').first().boundingBox();
    if (!canvas) throw new Error('no map canvas');
    const c = await projectLonLat(o.page, CENTRE);
    // a 160 × 120 px rectangle (≈ 0.6 ha at zoom 17), then back to the first corner to close it
    const corners = [[-80, -60], [80, -60], [80, 60], [-80, 60], [-80, -60]];
    for (const [dx, dy] of corners) {
      await o.page.mouse.move(canvas.x + c.x + dx, canvas.y + c.y + dy, { steps: 4 });
      await o.page.mouse.click(canvas.x + c.x + dx, canvas.y + c.y + dy);
      await o.page.waitForTimeout(150);
    }
    const area = o.page.getByTestId('footprint-area');
    await expect.poll(() => area.textContent(), { timeout: 10_000 }).toMatch(/ha \(/);
    // "0,5915 ha (5.915 m²)": the area measured in the browser, VN-2000 planar like the server's
    const drawnHa = Number((await area.textContent())!.split(' ha')[0].replace(/\./g, '').replace(',', '.'));
    expect(drawnHa).toBeGreaterThan(0.1);
    await screenshot(o.page, 'projects-03-drawn');

    await o.page.getByTestId('project-field-code').fill(CODE);
    await o.page.getByTestId('project-field-name').fill('Khu tái định cư thử nghiệm (kiểm thử tự động)');
    await o.page.getByTestId('footprint-save').click();
    const panel = o.page.getByTestId('project-panel');
    await expect.poll(async () => (await panel.isVisible()) && (await panel.locator('h2').textContent()), { timeout: 30_000 })
      .toContain('Khu tái định cư thử nghiệm')
      .catch(async (err) => {
        await screenshot(o.page, 'projects-04-save-failed');
        throw err;
      });
    await expect.poll(() => panel.getByTestId('touched-parcels').locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await o.page.getByTestId('footprint-editor').count()).toBe(0);

    const saved = (await getJson<{ projects: (ProjectLite & { code: string })[] }>('/api/projects')).projects.find((p) => p.code === CODE);
    expect(saved, 'the drawn project is saved').toBeDefined();
    // the server's area (PostGIS, EPSG:9209) is the one shown while drawing
    expect(Math.abs(saved!.mappedAreaHa - drawnHa)).toBeLessThan(0.0002);
    await expect.poll(() => o.page.getByTestId(`project-row-${CODE}`).count(), { timeout: 10_000 }).toBe(1);
    await waitForIdle(o.page);
    await screenshot(o.page, 'projects-04-saved');
    savedId = saved!.id;
  });

  it('edits the footprint: dragging a corner changes the area, the save recomputes what it touches', async () => {
    const before = (await getJson<{ project: { version: number; mappedAreaHa: number } }>(`/api/projects/${savedId}`)).project;
    await o.page.getByTestId('project-edit').click();
    await expect.poll(() => o.page.getByTestId('footprint-editor').isVisible()).toBe(true);
    await waitForIdle(o.page);
    const canvas = (await o.page.locator('.maplibregl-canvas').first().boundingBox())!;
    const c = await projectLonLat(o.page, CENTRE);
    // the south-east corner drawn above, dragged 40 px further east
    const from = { x: canvas.x + c.x + 80, y: canvas.y + c.y + 60 };
    await o.page.mouse.move(from.x, from.y, { steps: 3 });
    await o.page.mouse.down();
    await o.page.mouse.move(from.x + 40, from.y, { steps: 8 });
    await o.page.mouse.up();
    const area = o.page.getByTestId('footprint-area');
    await expect.poll(async () => Number((await area.textContent())!.split(' ha')[0].replace(/\./g, '').replace(',', '.')), { timeout: 10_000 })
      .toBeGreaterThan(before.mappedAreaHa + 0.01);
    await screenshot(o.page, 'projects-05-editing');
    await o.page.getByTestId('footprint-save').click();
    await expect.poll(async () => (await getJson<{ project: { version: number } }>(`/api/projects/${savedId}`)).project.version, { timeout: 20_000 })
      .toBe(before.version + 1);
    const after = (await getJson<{ project: { mappedAreaHa: number } }>(`/api/projects/${savedId}`)).project;
    expect(after.mappedAreaHa).toBeGreaterThan(before.mappedAreaHa);
    await expect.poll(() => o.page.getByTestId('footprint-editor').count(), { timeout: 10_000 }).toBe(0);
  });

  it('imports a zipped Shapefile in VN-2000 105°45′ into the editor, with its area, and cancels', async () => {
    await o.page.getByTestId('project-new').click();
    await o.page.getByTestId('footprint-file').setInputFiles(path.join(FIXTURES, 'projects-square-9210.zip'));
    // the hand-checked 100 m square: 1 ha once reprojected (EPSG:9210 → 4326 → 9209)
    await expect.poll(() => o.page.getByTestId('footprint-area').textContent(), { timeout: 10_000 }).toContain('1,0000 ha');
    await expect.poll(() => o.page.getByTestId('footprint-editor').textContent()).toContain('EPSG:9210');
    await jumpTo(o.page, CENTRE, 16);
    await screenshot(o.page, 'projects-06-imported');
    await o.page.getByTestId('footprint-editor').getByRole('button', { name: 'Hủy' }).click();
    expect(await o.page.getByTestId('footprint-editor').count()).toBe(0);
    assertNoConsoleErrors(o.problems);
  });

  it('refuses to delete a project with clearance records, then deletes the drawn project after a confirmation', async () => {
    const panel = o.page.getByTestId('project-panel');
    const deleteFrom = async (code: string) => {
      await o.page.getByTestId(`project-row-${code}`).click();
      await expect.poll(() => panel.getByTestId('project-delete').isVisible(), { timeout: 20_000 }).toBe(true);
      await panel.getByTestId('project-delete').click();
      const confirm = panel.getByTestId('project-delete-confirm');
      // the confirmation names the project and warns that it cannot be undone
      await expect.poll(() => confirm.textContent()).toContain(code);
      expect(await confirm.textContent()).toContain('không thể hoàn tác');
      return confirm;
    };
    // a seeded project with site-clearance records (legal progress): refused, the reason shown, nothing lost
    const { projects } = await getJson<{ projects: ProjectLite[] }>('/api/projects');
    let cleared: ProjectLite | undefined;
    for (const p of projects.filter((x) => x.demo)) {
      const d = await getJson<{ progress: { clearanceParcels: number } }>(`/api/projects/${p.id}`);
      if (d.progress.clearanceParcels > 0) { cleared = p; break; }
    }
    expect(cleared, 'a demo project with clearance records').toBeDefined();
    await (await deleteFrom(cleared!.code)).getByTestId('project-delete-yes').click();
    await expect.poll(() => panel.getByTestId('project-delete-error').textContent(), { timeout: 10_000 }).toContain('giải phóng mặt bằng');
    await screenshot(o.page, 'projects-07-delete-refused');
    // Chromium logs the refused request (409) as a console error: it is the refusal this test provoked, nothing else
    const provoked = (e: string) => e.includes('status of 409') && e.includes(`/api/projects/${cleared!.id}?version=`);
    expect(o.problems.errors.filter(provoked)).toHaveLength(1);
    o.problems.errors = o.problems.errors.filter((e) => !provoked(e));
    await getJson(`/api/projects/${cleared!.id}`);

    const totalBefore = await o.page.getByTestId('plan-total').textContent();
    const confirm = await deleteFrom(CODE);
    expect(await confirm.textContent()).toContain('Khu tái định cư thử nghiệm');
    await screenshot(o.page, 'projects-08-delete-confirm');
    await confirm.getByTestId('project-delete-yes').click();
    await expect.poll(() => panel.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => o.page.getByTestId(`project-row-${CODE}`).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => o.page.getByTestId('plan-total').textContent(), { timeout: 10_000 }).not.toBe(totalBefore);
    expect((await fetch(`${baseUrl}/api/projects/${savedId}`)).status).toBe(404);
    await waitForIdle(o.page);
    await screenshot(o.page, 'projects-09-deleted');
    assertNoConsoleErrors(o.problems);
  });
});
