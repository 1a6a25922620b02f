/** The import's field mapping, number parsing and Node-side geometry checks (server/features/imports). */
import { describe, expect, it } from 'vitest';
import { autoMapping, foldName, mapParcel, mapProject, mergeMapping, parseNumber } from '../../server/features/imports/mapping.ts';
import { checkGeometry } from '../../server/features/imports/geometry.ts';
import { dbfNames, headerVi } from '../../server/features/export/export.columns.ts';

describe('field mapping', () => {
  it('folds Vietnamese column names', () => {
    expect(foldName('Số tờ')).toBe('soto');
    expect(foldName('SỐ_THỬA')).toBe('sothua');
    expect(foldName('Đơn vị hành chính cũ')).toBe('donvihanhchinhcu');
  });

  it('recognises ViLIS DBF names, snake_case, Vietnamese headers', () => {
    expect(autoMapping('parcels', ['SHBANDO', 'SHTHUA', 'LOAIDAT', 'DIENTICH', 'MADVHC'])).toEqual({
      formerUnit: 'MADVHC', mapSheetNo: 'SHBANDO', parcelNo: 'SHTHUA', landUseCode: 'LOAIDAT', legalAreaM2: 'DIENTICH', address: null });
    expect(autoMapping('parcels', ['so_to', 'so_thua', 'ma_loai_dat', 'dien_tich'])).toMatchObject({
      mapSheetNo: 'so_to', parcelNo: 'so_thua', landUseCode: 'ma_loai_dat', legalAreaM2: 'dien_tich', formerUnit: null });
  });

  it("maps this product's own export columns back (CSV headers and Shapefile DBF names)", () => {
    const keys = ['formerUnit', 'mapSheetNo', 'parcelNo', 'landUseCode', 'legalAreaM2', 'mappedAreaM2'];
    const expected = { formerUnit: 0, mapSheetNo: 1, parcelNo: 2, landUseCode: 3, legalAreaM2: 4 };
    for (const names of [keys.map(headerVi), dbfNames(keys), keys]) {
      const m = autoMapping('parcels', names);
      for (const [target, i] of Object.entries(expected)) expect(m[target], `${target} in ${names.join('|')}`).toBe(names[i]);
    }
  });

  it('takes a user override, refusing targets and columns that do not exist', () => {
    expect(mergeMapping('parcels', ['A', 'B'], { parcelNo: 'B', mapSheetNo: null })).toMatchObject({ parcelNo: 'B', mapSheetNo: null });
    expect(() => mergeMapping('parcels', ['A'], { nonsense: 'A' })).toThrow(/not a field/);
    expect(() => mergeMapping('parcels', ['A'], { parcelNo: 'Z' })).toThrow(/no column 'Z'/);
  });
});

describe('numbers as land offices write them', () => {
  it.each([[120.5, 120.5], ['120,5', 120.5], ['1.234,5', 1234.5], ['1,234.5', 1234.5], [' 42 ', 42], ['', undefined], [null, undefined]])(
    '%j → %j', (input, out) => expect(parseNumber(input)).toBe(out));
  it('is NaN for text that is not a number', () => expect(parseNumber('12a')).toBeNaN());
});

describe('a parcel\'s attributes', () => {
  const m = autoMapping('parcels', ['so_to', 'so_thua', 'loai_dat', 'dien_tich', 'xa']);
  it('types the key and area, upper-cases the land use, falls back to the defaults', () => {
    const r = mapParcel({ so_to: '12', so_thua: 345, loai_dat: 'ont', dien_tich: '120,55' }, m, { formerUnit: 'an-phu', mapSheetNo: null });
    expect(r).toEqual({ attrs: { unit: 'an-phu', mapSheetNo: 12, parcelNo: 345, landUseCode: 'ONT', legalAreaM2: 120.6, address: null }, reasons: [], detail: null });
    expect(mapParcel({ so_thua: 1, xa: 'Hiệp Hòa' }, m, { formerUnit: 'an-phu', mapSheetNo: 7 }).attrs).toMatchObject({ unit: 'Hiệp Hòa', mapSheetNo: 7 });
  });
  it('rejects what is not a parcel key or an area, saying which value', () => {
    const r = mapParcel({ so_to: 12, so_thua: '345a', dien_tich: '-3' }, m, { formerUnit: null, mapSheetNo: null });
    expect(r.reasons).toEqual(['key_missing', 'area_invalid']);
    expect(r.detail).toMatch(/345a/);
    expect(r.detail).toMatch(/-3/);
  });
  it('a project needs a code; its type and status must be known', () => {
    const pm = autoMapping('projects', ['ma_du_an', 'ten_du_an', 'loai', 'trang_thai']);
    expect(mapProject({ ten_du_an: 'x', loai: 'spaceport', trang_thai: 'maybe' }, pm).reasons)
      .toEqual(['code_missing', 'project_type_unknown', 'project_status_unknown']);
    expect(mapProject({ ma_du_an: 'DA-9', ten_du_an: 'x', loai: 'Culture' }, pm)).toMatchObject({ reasons: [], attrs: { code: 'DA-9', type: 'culture' } });
  });
});

describe('geometry checks before PostGIS', () => {
  const ring = [[106.48, 21.0], [106.4802, 21.0], [106.4802, 21.0002], [106.48, 21.0]];
  it('promotes a Polygon to a MultiPolygon and closes an open ring (a repair, warned)', () => {
    const open = checkGeometry({ type: 'Polygon', coordinates: [ring.slice(0, 3)] });
    expect(open.reasons).toEqual([]);
    expect(open.warnings).toEqual(['geometry_repaired']);
    expect(JSON.parse(open.geojson!)).toEqual({ type: 'MultiPolygon', coordinates: [[ring]] });
    expect(checkGeometry({ type: 'Polygon', coordinates: [ring] }).warnings).toEqual([]);
  });
  it('refuses what ST_GeomFromGeoJSON would choke on, with a reason', () => {
    expect(checkGeometry(null).reasons).toEqual(['geometry_missing']);
    expect(checkGeometry({ type: 'Polygon', coordinates: [[[106, 21], [106.1, 21], [106, 21]]] }).reasons).toEqual(['geometry_invalid']);
    expect(checkGeometry({ type: 'Polygon', coordinates: [[[602281, 2323159], [602301, 2323159], [602301, 2323184], [602281, 2323159]]] }).reasons)
      .toEqual(['coordinates_out_of_range']);
    expect(checkGeometry({ type: 'Point', coordinates: [106, 21] }).reasons).toEqual(['geometry_not_polygon']);
    expect(checkGeometry({ type: 'Polygon', coordinates: [[[Number.NaN, 21], [106, 21], [106, 21.1], [Number.NaN, 21]]] }).reasons)
      .toEqual(['coordinates_out_of_range']);
  });
});
