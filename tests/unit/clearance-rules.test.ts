/**
 * Site clearance (issue 6), pure parts: the step-order rule, the backlog pace, the print scale bar, the dashboard's
 * number formats, and the clearance map layers against MapLibre's style validation.
 */
import { describe, expect, it } from 'vitest';
import { validateStyleMin, type ExpressionSpecification, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { CLEARANCE_STEPS, ClearanceUpdateBody, checkStepChange, isStepBackwards } from '../../server/api/contract';
import { monthsLeft, neededPerMonth } from '../../server/features/dashboard/backlog-pace';
import { scaleBar } from '../../client/features/clearance/scale-bar';
import { difference, formatHa, formatPct } from '../../client/features/dashboard/format';
import { clearanceLayers, obstacleLabelExpression } from '../../client/map/layers/clearance.layers';
import { clearancePalette } from '../../client/map/palette';

describe('step order', () => {
  it('runs notice → inventory → plan_approved → compensated → handed_over', () => {
    expect(CLEARANCE_STEPS).toEqual(['notice', 'inventory', 'plan_approved', 'compensated', 'handed_over']);
    expect(isStepBackwards('handed_over', 'compensated')).toBe(true);
    expect(isStepBackwards('notice', 'handed_over')).toBe(false);
    expect(isStepBackwards('inventory', 'inventory')).toBe(false);
  });

  it('lets a step go forward, skip steps, or stay, but not be dated before the current step', () => {
    const at = { step: 'inventory' as const, stepDate: '2025-05-10' };
    expect(checkStepChange(at, { step: 'plan_approved', stepDate: '2025-05-10' })).toEqual({ valid: true, backwards: false });
    expect(checkStepChange(at, { step: 'handed_over', stepDate: '2025-09-01' })).toEqual({ valid: true, backwards: false });
    expect(checkStepChange(at, { step: 'inventory', stepDate: '2025-04-01' })).toEqual({ valid: true, backwards: false });
    expect(checkStepChange(at, { step: 'compensated', stepDate: '2025-05-09' })).toMatchObject({ valid: false, reason: 'clearance_date_order' });
  });

  it('needs a non-blank reason to go backwards', () => {
    const at = { step: 'compensated' as const, stepDate: '2025-05-10' };
    for (const reason of [undefined, null, '', '   ']) {
      expect(checkStepChange(at, { step: 'notice', stepDate: '2025-01-01', reason })).toMatchObject({ valid: false, reason: 'clearance_step_backwards' });
    }
    expect(checkStepChange(at, { step: 'notice', stepDate: '2025-01-01', reason: 'Sai sót khi nhập' })).toEqual({ valid: true, backwards: true });
  });

  it('refuses an obstacle on a handed-over parcel, a future date and unknown fields', () => {
    const ok = { version: 1, step: 'compensated', stepDate: '2025-05-10', households: 1, compensationVnd: 1000, obstacle: 'unit_price' };
    expect(ClearanceUpdateBody.safeParse(ok).success).toBe(true);
    expect(ClearanceUpdateBody.safeParse({ ...ok, step: 'handed_over' }).success).toBe(false);
    expect(ClearanceUpdateBody.safeParse({ ...ok, stepDate: '2999-01-01' }).success).toBe(false);
    expect(ClearanceUpdateBody.safeParse({ ...ok, demo: true }).success).toBe(false);
    expect(ClearanceUpdateBody.safeParse({ ...ok, obstacle: 'weather' }).success).toBe(false);
  });
});

describe('backlog pace toward 30/04/2026', () => {
  it('counts the months left, the current one included, and none once the date passed', () => {
    expect(monthsLeft('2025-10-01', '2026-04-30')).toBe(7);
    expect(monthsLeft('2026-04-30', '2026-04-30')).toBe(1);
    expect(monthsLeft('2026-05-01', '2026-04-30')).toBe(0);
  });
  it('spreads the open cases over the months left', () => {
    expect(neededPerMonth(650, 7)).toBe(92.9);
    expect(neededPerMonth(650, 0)).toBeNull();
    expect(neededPerMonth(0, 5)).toBeNull();
  });
});

describe('print and number formats', () => {
  it('draws a round scale bar length that fits', () => {
    expect(scaleBar(1, 160)).toEqual({ metres: 100, px: 100, label: '100 m' });
    expect(scaleBar(2.5, 160)).toEqual({ metres: 200, px: 80, label: '200 m' });
    expect(scaleBar(40, 160)).toEqual({ metres: 5000, px: 125, label: '5 km' });
  });
  it('writes Vietnamese decimals with a comma', () => {
    expect(formatPct(93.3, 'vi')).toBe('93,3');
    expect(formatPct(93.3, 'en')).toBe('93.3');
    expect(formatPct(null, 'vi')).toBe('—');
    expect(formatHa(320_300, 'vi')).toBe('32,03');
    expect(difference(23.87, 23.889)).toBe(0.019);
    expect(difference(650, null)).toBeNull();
  });
});

describe('clearance map layers', () => {
  const label = obstacleLabelExpression({ unit_price: 'Chưa đồng thuận đơn giá', dispute: 'Tranh chấp' }, '');
  const style = (l: ExpressionSpecification): StyleSpecification => ({
    version: 8,
    glyphs: 'https://example.org/{fontstack}/{range}.pbf',
    sources: { clearance: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
    layers: clearanceLayers('clearance', l),
  });
  it('pass MapLibre style validation, with and without obstacle labels', () => {
    expect(validateStyleMin(style(label))).toEqual([]);
    expect(validateStyleMin(style(obstacleLabelExpression({}, '')))).toEqual([]);
  });
  it('colour every step from the palette and outline only stuck parcels', () => {
    const [fill, , stuck] = clearanceLayers('clearance', label);
    const color = JSON.stringify((fill as { paint: { 'fill-color': unknown } }).paint['fill-color']);
    for (const s of CLEARANCE_STEPS) expect(color).toContain(clearancePalette.step[s]);
    expect((stuck as { filter: unknown }).filter).toEqual(['==', ['get', 'stuck'], true]);
  });
});
