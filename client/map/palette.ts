/**
 * The one palette: every colour the map draws and the legend shows comes from here.
 * Certificate statuses follow the usual cadastral reading: green = issued, amber = waiting (backlog),
 * blue = State-managed land, grey = not known.
 */
import type { BacklogReason, CertStatus, LayerId } from '../../server/api/contract';
import type { ClearanceStepId } from '../../server/api/contract';

export interface Palette {
  background: string;
  text: string;
  textHalo: string;
  selection: string;
  ward: string;
  neighbourFill: string;
  neighbourLine: string;
  formerUnit: string;
  residentialGroup: string;
  cert: Record<CertStatus, string>;
  /** Parcel colours by backlog reason, by digitisation, and for parcels a mode does not apply to. */
  backlogReason: Record<BacklogReason, string>;
  digitised: { yes: string; no: string };
  notApplicable: string;
  parcelLine: string;
  project: string;
  road: Record<'provincial' | 'district' | 'ward' | 'village', string>;
  wardOffice: string;
  heritage: string;
  school: string;
}

export const palette: Palette = Object.freeze({
  background: '#f3f1ec',
  text: '#262a2e',
  textHalo: '#ffffff',
  selection: '#00a3bf',
  ward: '#7b1f5e',
  neighbourFill: '#e3e0d8',
  neighbourLine: '#9c978b',
  formerUnit: '#5b3d99',
  residentialGroup: '#7d8590',
  cert: { issued: '#58a96b', backlog: '#f0a22e', state: '#5a8fd0', unknown: '#b9b9b9' },
  // backlog reasons: distinct hues in the warm range, so "waiting" still reads at a glance
  backlogReason: { unauthorised_allocation: '#d7301f', encroachment: '#8c2d04', dispute: '#e7298a', missing_records: '#fdae61' },
  digitised: { yes: '#1a9850', no: '#d73027' },
  notApplicable: '#dcdad4',
  parcelLine: '#6f6a60',
  project: '#c2185b',
  road: { provincial: '#c0392b', district: '#e67e22', ward: '#8d7b62', village: '#b0a592' },
  wardOffice: '#b3261e',
  heritage: '#8e44ad',
  school: '#1f78b4',
});

/** Order the legend and the parcel fill expression list the certificate statuses in. */
export const certStatusOrder: readonly CertStatus[] = ['issued', 'backlog', 'state', 'unknown'];

export type LegendSymbol = 'fill' | 'line' | 'dashed' | 'hatch' | 'circle';
export interface LegendEntry {
  /** i18n key of the label. */
  labelKey: string;
  color: string;
  symbol: LegendSymbol;
  /** The certificate status this entry stands for (parcels only). */
  certStatus?: CertStatus;
}

/** Legend entries of the parcel layer, one per certificate status. */
export function certStatusLegend(p: Palette = palette): LegendEntry[] {
  return certStatusOrder.map((s) => ({ labelKey: `certStatus.${s}`, color: p.cert[s], symbol: 'fill', certStatus: s }));
}

/** Legend entries per layer, matching what the `*.layers.ts` builders draw. */
export function layerLegend(id: LayerId, p: Palette = palette): LegendEntry[] {
  switch (id) {
    case 'ward': return [{ labelKey: 'legend.wardBoundary', color: p.ward, symbol: 'line' }];
    case 'neighbour-wards': return [{ labelKey: 'legend.neighbourWard', color: p.neighbourLine, symbol: 'fill' }];
    case 'former-units': return [{ labelKey: 'legend.formerUnit', color: p.formerUnit, symbol: 'dashed' }];
    case 'residential-groups': return [{ labelKey: 'legend.residentialGroup', color: p.residentialGroup, symbol: 'dashed' }];
    case 'parcels': return certStatusLegend(p);
    case 'projects': return [
      { labelKey: 'legend.projectPlanned', color: p.project, symbol: 'hatch' },
      { labelKey: 'legend.projectApproved', color: p.project, symbol: 'dashed' },
      { labelKey: 'legend.projectStarted', color: p.project, symbol: 'line' },
      { labelKey: 'legend.projectByType', color: p.project, symbol: 'fill' },
    ];
    case 'roads': return (['provincial', 'district', 'ward', 'village'] as const).map((c) => ({
      labelKey: `roadClass.${c}`, color: p.road[c], symbol: 'line' as const,
    }));
    case 'ward-office': return [{ labelKey: 'legend.wardOffice', color: p.wardOffice, symbol: 'circle' }];
    case 'heritage-sites': return [{ labelKey: 'legend.heritage', color: p.heritage, symbol: 'circle' }];
    case 'schools': return [{ labelKey: 'legend.school', color: p.school, symbol: 'circle' }];
  }
}

/** A diagonal hatch (RGBA, `size`×`size` px) for project footprints; map-view registers it as an image. */
export function hatchPattern(color: string, size = 12): { width: number; height: number; data: Uint8Array } {
  const [r, g, b] = hexToRgb(color);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onLine = (x + y) % size < 2; // 2 px wide stripes, 45°
      const i = (y * size + x) * 4;
      data.set(onLine ? [r, g, b, 200] : [r, g, b, 28], i);
    }
  }
  return { width: size, height: size, data };
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Site clearance (GPMB, issue 6): one colour per step, from the first notice (light, far from done) to the
 * handover (deep green, done); stuck parcels get a thick red outline whatever their step.
 */
export const clearancePalette = Object.freeze({
  step: {
    notice: '#fde0c5',
    inventory: '#facba6',
    plan_approved: '#f59e72',
    compensated: '#9ecae1',
    handed_over: '#2e8b57',
  } as Record<ClearanceStepId, string>,
  stuck: '#c62828',
  line: '#5d4037',
});

/**
 * Land-use-plan projects (issue 5): a colour per project type (the fill and outline), and how far along a
 * project is by status — planned is hatched with a dashed outline, approved dashed, then fuller fills as it
 * moves through clearing and construction to done.
 */
export const projectPalette = Object.freeze({
  type: {
    industrial: '#7b3294', transport: '#d95f02', residential: '#e7298a', education: '#1f78b4', culture: '#8c6d31',
    sport: '#33a02c', commerce: '#b2182b', energy: '#fdb462', irrigation: '#0571b0', cemetery: '#636363',
    environment: '#4d9221', public: '#3f007d', defence: '#54620c', health: '#c51b7d',
  } as Record<string, string>,
  other: '#c2185b',
  statusFillOpacity: { planned: 0.12, approved: 0.22, clearing: 0.32, construction: 0.42, done: 0.55 } as Record<string, number>,
});

/**
 * Import preview (issue 8): what a feature of the file will do at commit — green added, blue updated,
 * grey unchanged, red rejected (drawn with a dashed outline so it reads even without colour).
 */
export const importPalette = Object.freeze({
  action: { add: '#2e9e44', update: '#2b6cb0', unchanged: '#8a8f98', reject: '#d32f2f' },
  line: '#1f2933',
});
