/**
 * Leases of report §1.5: 862 contracts for public land (đất công ích, CLN/HNK) leased by the former communes
 * to households, 59.5 ha in all, and 1 riverside wharf lease by the former thị xã, expired.
 */
import type { DemoLease, DemoRight } from './types';
import { addYears, randomDate, type Rng } from './prng';
import type { WorkParcel } from './parcels';
import type { PartyRegister } from './parties';
import { selectBySum } from './select';

export const PUBLIC_LEASES = 862;
export const PUBLIC_LEASE_TARGET_M2 = 595_000; // 59.5 ha; the generator aims within ±50 m²

const UNIT_CODE = { 'hiep-hoa': 'HH', 'thuong-quan': 'TQ', 'an-phu': 'AP' } as const;

/** Public-land leases; parcels leased out get a lease right next to the State's management right. */
export function buildLeases(rng: Rng, reg: PartyRegister, parcels: WorkParcel[], wharf: WorkParcel): { leases: DemoLease[]; rights: DemoRight[] } {
  const pool = parcels.filter((p) => p.kind === 'public' && !p.clipped && p.tenure === 'state' && (p.landUse === 'CLN' || p.landUse === 'HNK'));
  const chosen = selectBySum(rng, pool.map((p) => ({ id: p.idx, area: p.area })), PUBLIC_LEASE_TARGET_M2, 30, PUBLIC_LEASES);
  const counter: Record<string, number> = {};
  const leases: DemoLease[] = [];
  const rights: DemoRight[] = [];
  for (const { id } of chosen) {
    const p = parcels[id];
    const code = UNIT_CODE[p.unit];
    counter[code] = (counter[code] ?? 0) + 1;
    const startDate = randomDate(rng, '2021-01-01', '2025-06-30');
    const partyId = reg.existingHousehold(p.unit, p.village);
    leases.push({
      contractNo: `${counter[code]}/HĐTĐ-${code}`,
      parcelId: p.idx + 1,
      partyId,
      kind: 'public_land',
      purpose: p.landUse === 'CLN' ? 'Trồng cây lâu năm' : 'Trồng cây hàng năm',
      areaM2: Math.round(p.area * 10) / 10,
      startDate,
      endDate: addYears(startDate, 5), // public land is leased for at most 5 years
      status: 'active',
    });
    rights.push({ parcelId: p.idx + 1, partyId, kind: 'lease', share: 1 });
  }
  const wharfParty = reg.organisation('Công ty TNHH Vật liệu xây dựng Trần Liễu', 'Phường Trần Liễu, thành phố Hải Phòng');
  leases.push({
    contractNo: '15/HĐTĐ-UBND',
    parcelId: wharf.idx + 1,
    partyId: wharfParty,
    kind: 'riverside_wharf',
    purpose: 'Bến, bãi tập kết vật liệu xây dựng ngoài đê',
    areaM2: Math.round(wharf.area * 10) / 10,
    startDate: '2015-05-20',
    endDate: '2020-05-20',
    status: 'expired',
  });
  rights.push({ parcelId: wharf.idx + 1, partyId: wharfParty, kind: 'lease', share: 1 });
  return { leases, rights };
}
