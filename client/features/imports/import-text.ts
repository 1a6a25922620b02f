/**
 * Pure helpers of the import screen: which i18n key explains a phase, a reason or a warning, how far a job
 * has got, and how the CRS choice of the form becomes ImportOptions. No React, no DOM: unit-tested.
 */
import {
  IMPORT_LAYER_ROLE, ImportLayer, ImportRejectReason, ImportWarning, PARCEL_IMPORT_FIELDS, PROJECT_IMPORT_FIELDS,
  type ImportCrsChoice, type ImportJob, type ImportOptions, type ImportProgress, type ImportState,
  type Role,
} from '../../../server/api/contract';

/** The file types the picker offers (the server recognises the format from the content anyway). */
export const IMPORT_ACCEPT = '.geojson,.json,.zip,.gpkg,.csv,.dxf';

/** States in which the server is still working: the client polls the job. */
export const BUSY_STATES: readonly ImportState[] = ['reading', 'validating', 'committing'];
export const isBusy = (s: ImportState) => BUSY_STATES.includes(s);

/** Polling interval of a busy job, ms. */
export const POLL_MS = 500;

/** Layers each role may import into (the server checks again: import_layer_forbidden). */

export function importLayersFor(hasRole: (...roles: Role[]) => boolean): ImportLayer[] {
  return ImportLayer.options.filter((l) => hasRole(IMPORT_LAYER_ROLE[l]));
}

export function phaseKey(phase: ImportProgress['phase']) {
  return `imp.phase.${phase}` as const;
}
export function reasonKey(code: ImportRejectReason) {
  return `imp.reason.${code}` as const;
}
export function warningKey(code: ImportWarning) {
  return `imp.warning.${code}` as const;
}

/** Every i18n key the import screen builds from a contract value (the unit test checks they all exist). */
export function dynamicKeys(): string[] {
  return [
    ...ImportRejectReason.options.map(reasonKey),
    ...ImportWarning.options.map(warningKey),
    ...(['reading', 'validating', 'committing'] as const).map(phaseKey),
    ...(['file', 'user', 'assumed'] as const).map((s) => `imp.crsSource.${s}`),
    ...[...PARCEL_IMPORT_FIELDS, ...PROJECT_IMPORT_FIELDS].map((f) => `imp.target.${f}`),
  ];
}

/** 0…1 of the progress, or null when the total is unknown (an indeterminate bar). */
export function progressFraction(p: ImportProgress | null): number | null {
  if (!p || p.total === null || p.total <= 0) return null;
  return Math.min(1, Math.max(0, p.done / p.total));
}

/** '12,3 MB' / '12.3 MB' — binary units, one decimal. */
export function formatBytes(n: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`;
}

/** What the user set in the CRS and defaults controls; strings as the inputs hold them. */
export interface OptionsForm {
  crs: ImportCrsChoice;
  centralMeridian: string;
  zoneWidth: 3 | 6;
  formerUnit: string;
  mapSheetNo: string;
}

export const DEFAULT_FORM: OptionsForm = { crs: 'auto', centralMeridian: '', zoneWidth: 3, formerUnit: '', mapSheetNo: '' };

/** The form of a job's current options (so a retry starts from what was used). */
export function formOfJob(job: ImportJob): OptionsForm {
  const o = job.options;
  return {
    crs: o.crs,
    centralMeridian: o.centralMeridian === null ? '' : String(o.centralMeridian),
    zoneWidth: o.zoneWidth === 6 ? 6 : 3,
    formerUnit: o.formerUnit ?? '',
    mapSheetNo: o.mapSheetNo === null ? '' : String(o.mapSheetNo),
  };
}

/** A result, not an exception: what is wrong with the form, as an i18n key. */
export type FormCheck = { valid: true; options: ImportOptions } | { valid: false; reason: 'imp.form.meridian' | 'imp.form.sheet' };

/** The form as ImportOptions; a custom zone needs a central meridian between 100° and 112° E. */
export function optionsOfForm(f: OptionsForm, mapping?: ImportOptions['mapping']): FormCheck {
  const options: ImportOptions = { crs: f.crs, zoneWidth: f.zoneWidth };
  if (f.crs === 'custom') {
    const cm = Number(f.centralMeridian.replace(',', '.'));
    if (!f.centralMeridian.trim() || !Number.isFinite(cm) || cm < 100 || cm > 112) return { valid: false, reason: 'imp.form.meridian' };
    options.centralMeridian = cm;
  }
  if (f.formerUnit) options.formerUnit = f.formerUnit;
  if (f.mapSheetNo.trim()) {
    const sheet = Number(f.mapSheetNo);
    if (!Number.isInteger(sheet) || sheet <= 0 || sheet > 100_000) return { valid: false, reason: 'imp.form.sheet' };
    options.mapSheetNo = sheet;
  }
  if (mapping) options.mapping = mapping;
  return { valid: true, options };
}

/**
 * A parcel key as the server builds it ('an-phu 950/3': unit id, số tờ/số thửa) with the unit's display name
 * ('An Phụ (cũ) 950/3'); a project code or an unknown unit stays as it is.
 */
export function displayKey(key: string, unitName: (id: string) => string | null | undefined): string {
  const m = /^([a-z-]+) (\d+\/\d+)$/.exec(key);
  const name = m ? unitName(m[1]) : null;
  return m && name ? `${name} ${m[2]}` : key;
}
