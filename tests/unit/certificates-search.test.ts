/** Reading the search box as officers type, the register filter as a map filter, and the styling modes. */
import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { ParcelEdit, RegisterFilter } from '../../server/api/contract';
import { foldVi, nameTerm, parseCadastralKey, parseSerialPrefix } from '../../server/features/certificates/search-terms';
import { targetAt } from '../../server/features/certificates/progress';
import { parcelFillColor, parcelFilter, parcelModeLegend } from '../../client/map/layers/parcel-modes.layers';
import { palette } from '../../client/map/palette';
import { vi } from '../../client/i18n/vi';

describe('search terms', () => {
  it('folds Vietnamese accents, đ and case', () => {
    expect(foldVi('  Nguyễn   Văn ĐẠT ')).toBe('nguyen van dat');
    expect(foldVi('Hộ bà Trần Thị Ngọc Ánh')).toBe('ho ba tran thi ngoc anh');
    expect(foldVi('Thượng Quận')).toBe(foldVi('thuong quan'));
  });

  it.each([
    ['An Phụ 12/345', { formerUnit: 'an-phu', mapSheetNo: 12, parcelNo: 345 }],
    ['an phu 12-345', { formerUnit: 'an-phu', mapSheetNo: 12, parcelNo: 345 }],
    ['xã Hiệp Hòa tờ 3 thửa 78', { formerUnit: 'hiep-hoa', mapSheetNo: 3, parcelNo: 78 }],
    ['tờ 12 thửa 345', { mapSheetNo: 12, parcelNo: 345 }],
    ['to so 12, thua so 345', { mapSheetNo: 12, parcelNo: 345 }],
    ['thửa 345 tờ 12', { mapSheetNo: 12, parcelNo: 345 }],
    ['Thượng Quận thửa 9', { formerUnit: 'thuong-quan', parcelNo: 9 }],
    ['345', { parcelNo: 345 }],
  ])('reads "%s" as a cadastral key', (q, key) => {
    expect(parseCadastralKey(q)).toEqual(key);
  });

  it.each(['Nguyễn Văn An', 'CS 123456', '12/0', 'tờ 12', ''])('does not read "%s" as a key', (q) => {
    expect(parseCadastralKey(q)).toBeNull();
  });

  it('reads serial prefixes and escapes LIKE wildcards in names', () => {
    expect(parseSerialPrefix('cs 1234')).toBe('CS1234');
    expect(parseSerialPrefix('nguyen')).toBeNull();
    expect(nameTerm('Nguyễn 100%_')).toBe('nguyen 100\\%\\_');
    expect(nameTerm('12')).toBeNull();
  });
});

describe('contract', () => {
  it('normalises serials and refuses unknown actions and statuses', () => {
    const ok = ParcelEdit.parse({ action: 'issue', version: 3, serial: 'cs123456', issueDate: '2025-10-01' });
    expect(ok).toMatchObject({ serial: 'CS 123456', digitised: false });
    expect(ParcelEdit.safeParse({ action: 'close', version: 3 }).success).toBe(false);
    expect(RegisterFilter.safeParse({ status: 'issued,lost' }).success).toBe(false);
    expect(RegisterFilter.parse({ status: 'issued,backlog', formerUnit: '' })).toEqual({ status: ['issued', 'backlog'] });
  });
});

describe('parcel styling modes and map filter', () => {
  const style = (color: unknown, filter: unknown): StyleSpecification => ({
    version: 8,
    sources: { parcels: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
    layers: [{ id: 'p', type: 'fill', source: 'parcels', paint: { 'fill-color': color as string }, ...(filter ? { filter: filter as never } : {}) }],
  });

  it.each(['status', 'reason', 'digitised'] as const)('mode %s validates, and its legend lists exactly the colours it draws', (mode) => {
    const f = parcelFilter({ formerUnit: 'an-phu', group: ['g1'], status: 'backlog', digitised: 'no' }, { g1: 'Tổ dân phố Huề Trì' });
    expect(validateStyleMin(style(parcelFillColor(mode, palette), f))).toEqual([]);
    const drawn = new Set(JSON.stringify(parcelFillColor(mode, palette)).match(/#[0-9a-f]{6}/g));
    const legend = parcelModeLegend(mode, palette);
    expect(new Set(legend.map((e) => e.color))).toEqual(drawn);
    for (const e of legend) expect(Object.keys(vi), e.labelKey).toContain(e.labelKey);
  });

  it('combines filters with AND and matches groups by name', () => {
    expect(parcelFilter({}, {})).toBeNull();
    const f = parcelFilter({ landUse: 'ONT', group: 'g1' }, { g1: 'Tổ dân phố Huề Trì' });
    expect(f).toEqual(['all',
      ['in', ['coalesce', ['get', 'residentialGroup'], ''], ['literal', ['Tổ dân phố Huề Trì']]],
      ['in', ['coalesce', ['get', 'landUseCode'], ''], ['literal', ['ONT']]]]);
  });
});

describe('progress target line', () => {
  it('runs from the baseline count to zero at the deadline', () => {
    expect(targetAt('2025-08', '2025-09-30', '2026-04-30', 650)).toBeNull();
    expect(targetAt('2025-09', '2025-09-30', '2026-04-30', 650)).toBe(650);
    expect(targetAt('2026-04', '2025-09-30', '2026-04-30', 650)).toBe(0);
    const jan = targetAt('2026-01', '2025-09-30', '2026-04-30', 650)!;
    expect(jan).toBeGreaterThan(0);
    expect(jan).toBeLessThan(650);
  });
});
