/**
 * Special parcels: religious sites (TON/TIN), schools (DGD), the ward office (TSC), civic blocks
 * (nhà văn hóa DVH, cemeteries NTD), ponds (NTS, 5.4 ha in all) and the riverside wharf.
 */
import type { DemoHeritageSite, DemoSchool } from './types';
import type { Rng } from './prng';
import type { WorkParcel } from './parcels';
import type { PlacedVillage } from './layout';
import type { Sources } from './sources';
import { HERITAGE_SITES, SCHOOLS } from './heritage-sites';
import { distance } from './geometry';
import { selectBySum } from './select';
import type { XY } from './projection';

/** Report §1.1: 5.4 ha of aquaculture; the generator aims within ±50 m² of it. */
export const POND_TARGET_M2 = 54_000;

function nearestFree(parcels: WorkParcel[], taken: Set<number>, at: XY, ok: (p: WorkParcel) => boolean): WorkParcel {
  let best: WorkParcel | null = null;
  let bestD = Infinity;
  for (const p of parcels) {
    if (taken.has(p.idx) || !ok(p)) continue;
    const d = distance(p.pos, at);
    if (d < bestD) (best = p), (bestD = d);
  }
  if (!best) throw new Error('no free parcel for a special use');
  taken.add(best.idx);
  return best;
}

const isVillageLot = (p: WorkParcel) => p.kind === 'residential' && !p.clipped && p.area >= 300 && p.tenure === 'private';

export interface PlacedSite extends Omit<DemoHeritageSite, 'parcelId' | 'geom'> {
  parcel: WorkParcel;
  footnote: 2 | 3 | 4 | null;
  countedAs?: string;
}

export function placeHeritage(rng: Rng, parcels: WorkParcel[], villages: PlacedVillage[], taken: Set<number>): PlacedSite[] {
  return HERITAGE_SITES.map((spec) => {
    const v = villages.find((x) => x.name === spec.village) ?? rng.pick(villages);
    const at: XY = [v.centre[0] + rng.range(-250, 250), v.centre[1] + rng.range(-250, 250)];
    const parcel = nearestFree(parcels, taken, at, isVillageLot);
    parcel.landUse = spec.type === 'chua' ? 'TON' : 'TIN'; // TT 08/2024: TON religious, TIN belief sites
    parcel.tenure = 'community';
    parcel.village = v.name;
    const { footnote, countedAs } = spec;
    return { name: spec.name, type: spec.type, rank: spec.rank, village: spec.village, formerUnitId: parcel.unit, parcel, footnote, ...(countedAs ? { countedAs } : {}) };
  });
}

export interface PlacedSchool extends Omit<DemoSchool, 'parcelId' | 'geom'> {
  parcel: WorkParcel;
}

export function placeSchools(parcels: WorkParcel[], villages: PlacedVillage[], taken: Set<number>): PlacedSchool[] {
  return SCHOOLS.map((spec, i) => {
    const own = villages.filter((v) => v.formerUnitId === spec.unit);
    const v = own[i % own.length];
    const parcel = nearestFree(parcels, taken, v.centre, (p) => p.kind === 'civic' && !p.clipped && p.unit === spec.unit);
    parcel.landUse = 'DGD';
    return { name: spec.name, level: spec.level, standardLevel: spec.standardLevel, formerUnitId: parcel.unit, parcel };
  });
}

/** Ward office, one nhà văn hóa per civic block, and the remaining civic land as cemeteries. */
export function placeCivic(s: Sources, parcels: WorkParcel[], taken: Set<number>): void {
  const office = nearestFree(parcels, taken, s.wardOffice, (p) => p.kind !== 'road' && !p.clipped);
  office.landUse = 'TSC';
  office.tenure = 'state';
  const seenVillage = new Set<string>();
  for (const p of parcels) {
    if (p.kind !== 'civic' || taken.has(p.idx)) continue;
    if (!seenVillage.has(p.village ?? '')) {
      seenVillage.add(p.village ?? '');
      p.landUse = 'DVH';
      taken.add(p.idx);
    }
  }
}

/** Chooses pond parcels summing to 5.4 ha; the other pond-block parcels become annual crops (HNK). */
export function choosePonds(rng: Rng, parcels: WorkParcel[]): void {
  const pond = parcels.filter((p) => p.kind === 'pond');
  const chosen = new Set(selectBySum(rng, pond.map((p) => ({ id: p.idx, area: p.area })), POND_TARGET_M2, 50, null).map((c) => c.id));
  for (const p of pond) p.landUse = chosen.has(p.idx) ? 'NTS' : 'HNK';
}

/** The riverside wharf (bến bãi ngoài đê) leased by the former thị xã: a clipped field on the ward's edge. */
export function chooseWharf(parcels: WorkParcel[], taken: Set<number>): WorkParcel {
  const edge = parcels.filter((p) => p.clipped && (p.kind === 'rice' || p.kind === 'annual') && p.area > 1500 && !taken.has(p.idx));
  const p = edge.reduce((a, b) => (a.pos[0] + a.pos[1] >= b.pos[0] + b.pos[1] ? a : b)); // north-east edge
  taken.add(p.idx);
  p.landUse = 'SKC';
  p.tenure = 'state';
  return p;
}
