/**
 * Tenure: owners, rights, the 5,189 certificates (4,749 digitised) and the 650 first-certificate backlog
 * cases of report §1.5. Private parcels beyond 5,839 are State-managed public farmland.
 */
import type { BacklogReason, CertStatus, DemoBacklogCase, DemoCertificate, DemoRight } from './types';
import { randomDate, type Rng } from './prng';
import type { WorkParcel } from './parcels';
import { PartyRegister, STATE_PARTY_ID } from './parties';

export const CERTIFICATES_TOTAL = 5189;
export const CERTIFICATES_DIGITISED = 4749;
export const BACKLOG_TOTAL = 650;

/**
 * Backlog reasons, exact counts (sum 650). The report names, in this order, unauthorised allocation,
 * encroachment and disputes ("chủ yếu"), and §II.2.2 adds incomplete cadastral records.
 */
export const BACKLOG_COUNTS: Record<BacklogReason, number> = {
  unauthorised_allocation: 292, // 45 %
  encroachment: 163, // 25 %
  dispute: 130, // 20 %
  missing_records: 65, // 10 %
};

const BACKLOG_NOTES: Record<BacklogReason, string[]> = {
  unauthorised_allocation: ['Đất do UBND xã cũ giao trái thẩm quyền', 'Giao đất trái thẩm quyền, chưa nộp tiền sử dụng đất', 'Nguồn gốc giao đất trái thẩm quyền trước năm 2004'],
  encroachment: ['Lấn chiếm hành lang an toàn giao thông', 'Lấn chiếm đất công', 'Lấn chiếm đất nông nghiệp liền kề'],
  dispute: ['Tranh chấp ranh giới với thửa liền kề', 'Tranh chấp thừa kế chưa giải quyết dứt điểm', 'Tranh chấp trong gia đình'],
  missing_records: ['Hồ sơ địa chính không được cập nhật, lưu trữ đầy đủ', 'Thiếu giấy tờ về nguồn gốc sử dụng đất', 'Sai lệch giữa bản đồ 2010 và hồ sơ kê khai'],
};

const isHome = (p: WorkParcel) => p.landUse === 'ONT' || p.landUse === 'ODT';

export interface TenureResult {
  status: Map<number, CertStatus>;
  owner: Map<number, number>;
  rights: DemoRight[];
  certificates: DemoCertificate[];
  backlog: DemoBacklogCase[];
}

function pickBacklog(rng: Rng, priv: WorkParcel[], roadDistance: (p: WorkParcel) => number): Map<number, BacklogReason> {
  const homes = priv.filter(isHome);
  const out = new Map<number, BacklogReason>();
  const byRoad = homes.slice().sort((a, b) => roadDistance(a) - roadDistance(b) || a.idx - b.idx);
  for (const p of byRoad.slice(0, BACKLOG_COUNTS.encroachment)) out.set(p.idx, 'encroachment');
  const rest = rng.shuffle(homes.filter((p) => !out.has(p.idx)));
  let k = 0;
  for (const reason of ['unauthorised_allocation', 'dispute', 'missing_records'] as const)
    for (let n = 0; n < BACKLOG_COUNTS[reason]; n++) out.set(rest[k++].idx, reason);
  return out;
}

function ownerOf(reg: PartyRegister, rng: Rng, p: WorkParcel): number {
  if (isHome(p)) return reg.household(p.unit, p.village);
  return rng.chance(0.12) ? reg.individual(p.village) : reg.existingHousehold(p.unit, p.village);
}

const SERIES = ['AB', 'AD', 'AG', 'AK', 'AM', 'AO', 'BA', 'BC', 'BE', 'BH', 'BK', 'BM', 'BO', 'BQ', 'BS', 'BU', 'BX', 'CA', 'CC', 'CE', 'CH', 'CK', 'CM', 'CO', 'CQ', 'CS', 'CU', 'CX', 'DA', 'DC', 'DE', 'DH', 'DK'];
// Issue years: a first wave after the 1993 Land Law, a second after the 2010 survey.
const YEARS = Array.from({ length: 33 }, (_, i) => 1993 + i);
const YEAR_WEIGHTS = YEARS.map((y) => (y >= 1997 && y <= 2004 ? 6 : y >= 2011 && y <= 2016 ? 5 : 1.5));

function certificate(rng: Rng, p: WorkParcel, partyId: number, used: Set<string>): DemoCertificate {
  const year = rng.weighted(YEARS, YEAR_WEIGHTS);
  let serial: string;
  do serial = `${SERIES[year - 1993]} ${String(rng.int(0, 999_999)).padStart(6, '0')}`;
  while (used.has(serial));
  used.add(serial);
  const issueDate = randomDate(rng, `${year}-01-01`, year === 2025 ? '2025-09-30' : `${year}-12-31`);
  return { serial, parcelId: p.idx + 1, partyId, issueDate, digitised: false };
}

/** Decides status, owner and rights of every parcel, and issues certificates and backlog cases. */
export function assignTenure(rng: Rng, reg: PartyRegister, parcels: WorkParcel[], communityParty: Map<number, number>, roadDistance: (p: WorkParcel) => number): TenureResult {
  const priv = parcels.filter((p) => p.tenure === 'private');
  if (priv.length < CERTIFICATES_TOTAL + BACKLOG_TOTAL) throw new Error(`only ${priv.length} private parcels`);
  const backlogReason = pickBacklog(rng, priv, roadDistance);
  const free = priv.filter((p) => !backlogReason.has(p.idx));
  const first = rng.shuffle(free.filter((p) => p.landUse !== 'LUC' && p.landUse !== 'HNK'));
  const farm = rng.shuffle(free.filter((p) => p.landUse === 'LUC' || p.landUse === 'HNK'));
  const issued = [...first, ...farm].slice(0, CERTIFICATES_TOTAL);
  const issuedSet = new Set(issued.map((p) => p.idx));
  const status = new Map<number, CertStatus>();
  const owner = new Map<number, number>();
  const rights: DemoRight[] = [];
  const certificates: DemoCertificate[] = [];
  const backlog: DemoBacklogCase[] = [];
  const used = new Set<string>();
  for (const p of parcels) {
    if (p.tenure === 'private' && !issuedSet.has(p.idx) && !backlogReason.has(p.idx)) p.tenure = 'state'; // public farmland fund
    let partyId = STATE_PARTY_ID;
    if (p.tenure === 'private') partyId = ownerOf(reg, rng, p);
    else if (p.tenure === 'community') partyId = communityParty.get(p.idx)!;
    owner.set(p.idx, partyId);
    rights.push({ parcelId: p.idx + 1, partyId, kind: p.tenure === 'state' ? 'state_management' : 'ownership_use', share: 1 });
    if (issuedSet.has(p.idx)) {
      status.set(p.idx, 'issued');
      certificates.push(certificate(rng, p, partyId, used));
    } else if (backlogReason.has(p.idx)) {
      status.set(p.idx, 'backlog');
      const reason = backlogReason.get(p.idx)!;
      backlog.push({ parcelId: p.idx + 1, reason, note: rng.pick(BACKLOG_NOTES[reason]), openedAt: randomDate(rng, '2012-01-01', '2025-09-30') });
    } else status.set(p.idx, p.tenure === 'community' ? 'unknown' : 'state');
  }
  for (const c of rng.shuffle(certificates).slice(0, CERTIFICATES_DIGITISED)) c.digitised = true;
  return { status, owner, rights, certificates, backlog };
}
