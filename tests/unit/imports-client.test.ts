/**
 * The import screen's pure parts: every reason, warning, phase and target field has Vietnamese and English
 * text; progress and form helpers; the preview layers pass MapLibre's style validation and colour by action.
 */
import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { ImportRejectReason, ImportWarning, type ImportJob, type Role } from '../../server/api/contract';
import { vi } from '../../client/i18n/vi';
import { en } from '../../client/i18n/en';
import {
  displayKey,
  DEFAULT_FORM, dynamicKeys, formatBytes, formOfJob, importLayersFor, optionsOfForm, progressFraction, reasonKey, warningKey,
} from '../../client/features/imports/import-text';
import { uploadQuery, errorOf } from '../../client/features/imports/imports-api';
import { importPreviewLayers, importPreviewSource } from '../../client/map/layers/import-preview.layers';
import { importPalette, palette } from '../../client/map/palette';

describe('import texts', () => {
  it('has vi and en text, different from the key, for every reason, warning, phase, CRS source and target field', () => {
    const keys = dynamicKeys();
    expect(keys.length).toBe(ImportRejectReason.options.length + ImportWarning.options.length + 3 + 3 + 12);
    for (const k of keys) {
      expect((vi as Record<string, string>)[k], `vi ${k}`).toMatch(/\S/);
      expect((en as Record<string, string>)[k], `en ${k}`).toMatch(/\S/);
      expect((vi as Record<string, string>)[k]).not.toBe((en as Record<string, string>)[k]);
    }
  });

  it('explains every reject reason in a distinct sentence', () => {
    const texts = ImportRejectReason.options.map((r) => (vi as Record<string, string>)[reasonKey(r)]);
    expect(new Set(texts).size).toBe(texts.length);
    expect((vi as Record<string, string>)[warningKey('area_mismatch')]).toContain('10 %');
  });
});

describe('import helpers', () => {
  it('gives a fraction of the progress, or null (indeterminate) without a total', () => {
    expect(progressFraction({ phase: 'reading', done: 25, total: 100, unit: 'bytes' })).toBe(0.25);
    expect(progressFraction({ phase: 'validating', done: 12, total: null, unit: 'features' })).toBeNull();
    expect(progressFraction({ phase: 'committing', done: 150, total: 100, unit: 'features' })).toBe(1);
    expect(progressFraction(null)).toBeNull();
  });

  it('formats sizes in binary units', () => {
    expect(formatBytes(512, 'en-GB')).toBe('512 B');
    expect(formatBytes(1536 * 1024, 'en-GB')).toBe('1.5 MB');
    expect(formatBytes(1536 * 1024, 'vi-VN')).toBe('1,5 MB');
  });

  it('offers each layer only to the role that may import it', () => {
    const as = (...mine: Role[]) => (...roles: Role[]) => mine.some((r) => roles.includes(r));
    expect(importLayersFor(as('dia_chinh'))).toEqual(['parcels']);
    expect(importLayersFor(as('quy_hoach'))).toEqual(['projects']);
    expect(importLayersFor(as('dia_chinh', 'quy_hoach'))).toEqual(['parcels', 'projects']);
    expect(importLayersFor(as('lanh_dao', 'gpmb'))).toEqual([]);
  });

  it('turns the form into ImportOptions, refusing a missing or out-of-range meridian and a bad sheet number', () => {
    expect(optionsOfForm(DEFAULT_FORM)).toEqual({ valid: true, options: { crs: 'auto', zoneWidth: 3 } });
    expect(optionsOfForm({ ...DEFAULT_FORM, crs: 'custom', centralMeridian: '' })).toEqual({ valid: false, reason: 'imp.form.meridian' });
    expect(optionsOfForm({ ...DEFAULT_FORM, crs: 'custom', centralMeridian: '99' })).toMatchObject({ valid: false });
    expect(optionsOfForm({ ...DEFAULT_FORM, crs: 'custom', centralMeridian: '106,25', zoneWidth: 6 }))
      .toEqual({ valid: true, options: { crs: 'custom', centralMeridian: 106.25, zoneWidth: 6 } });
    // a meridian typed while another CRS is chosen is ignored
    expect(optionsOfForm({ ...DEFAULT_FORM, crs: '9210', centralMeridian: 'x' })).toEqual({ valid: true, options: { crs: '9210', zoneWidth: 3 } });
    expect(optionsOfForm({ ...DEFAULT_FORM, mapSheetNo: '2.5' })).toEqual({ valid: false, reason: 'imp.form.sheet' });
    expect(optionsOfForm({ ...DEFAULT_FORM, formerUnit: 'an-phu', mapSheetNo: '950' }, { parcelNo: 'SO_THUA' }))
      .toEqual({ valid: true, options: { crs: 'auto', zoneWidth: 3, formerUnit: 'an-phu', mapSheetNo: 950, mapping: { parcelNo: 'SO_THUA' } } });
  });

  it('round-trips a job\'s options through the form', () => {
    const job = { options: { crs: 'custom', centralMeridian: 107.75, zoneWidth: 6, formerUnit: 'hiep-hoa', mapSheetNo: 12 } } as ImportJob;
    expect(optionsOfForm(formOfJob(job))).toEqual({
      valid: true, options: { crs: 'custom', centralMeridian: 107.75, zoneWidth: 6, formerUnit: 'hiep-hoa', mapSheetNo: 12 },
    });
  });

  it('builds the upload query without empty values, and reads the server\'s error shape', () => {
    expect(uploadQuery({ crs: 'custom', centralMeridian: 106, zoneWidth: 3, formerUnit: undefined })).toBe('&crs=custom&centralMeridian=106&zoneWidth=3');
    const e = errorOf(409, JSON.stringify({ error: { code: 'import_stale', message: 'changed' } }), '/x');
    expect([e.status, e.code, e.message]).toEqual([409, 'import_stale', 'changed']);
    expect(errorOf(502, '<html>', '/x').code).toBe('http_error');
    expect(errorOf(0, '', '/x').code).toBe('network');
  });
});

describe('import preview layers', () => {
  const style = (): StyleSpecification => ({
    version: 8,
    glyphs: 'https://example.org/fonts/{fontstack}/{range}.pbf',
    sources: { [importPreviewSource]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'seq' } },
    layers: importPreviewLayers(importPreviewSource, palette),
  });

  it('passes MapLibre style validation', () => {
    expect(validateStyleMin(style())).toEqual([]);
  });

  it('colours by action with the palette and outlines rejects dashed', () => {
    const [fill, , reject] = importPreviewLayers(importPreviewSource, palette);
    const colour = JSON.stringify((fill as { paint: Record<string, unknown> }).paint['fill-color']);
    for (const c of Object.values(importPalette.action)) expect(colour).toContain(c);
    expect((reject as { filter: unknown }).filter).toEqual(['==', ['get', 'action'], 'reject']);
    expect((reject as { paint: Record<string, unknown> }).paint['line-dasharray']).toBeDefined();
  });
});

describe('displayKey', () => {
  const names: Record<string, string> = { 'an-phu': 'An Phụ (cũ)' };
  it('shows a parcel key with the unit name, anything else unchanged', () => {
    expect(displayKey('an-phu 950/3', (id) => names[id])).toBe('An Phụ (cũ) 950/3');
    expect(displayKey('xyz 950/3', (id) => names[id])).toBe('xyz 950/3');
    expect(displayKey('DA-07', (id) => names[id])).toBe('DA-07');
  });
});
