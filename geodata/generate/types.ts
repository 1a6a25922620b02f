/**
 * The shape of the deterministic demo cadastre that `generateDemoDataset(seed)` returns and the seed step loads.
 * Every record here is synthetic ("Dữ liệu minh họa", demo: true when stored), calibrated to the ward's
 * 9-month 2025 report. Geometries are GeoJSON in EPSG:4326 (lon, lat), coordinates rounded to 1e-7°.
 * Areas (m²) are planar in VN-2000 / TM-3 105°30' (EPSG:9209), the system of the 2010 cadastral maps.
 */
import type { LineString, MultiPolygon, Point } from 'geojson';

export type FormerUnitId = 'hiep-hoa' | 'thuong-quan' | 'an-phu';
export type CertStatus = 'issued' | 'backlog' | 'state' | 'unknown';
export type BacklogReason = 'unauthorised_allocation' | 'encroachment' | 'dispute' | 'missing_records';
export type PartyKind = 'household' | 'individual' | 'organisation' | 'state';
export type RightKind = 'ownership_use' | 'lease' | 'state_management';
export type ClearanceStep = 'notice' | 'inventory' | 'plan_approved' | 'compensated' | 'handed_over';
export type ClearanceObstacle = 'unit_price' | 'dispute' | 'origin_unclear' | 'owner_absent';
export type ProjectStatus = 'planned' | 'approved' | 'clearing' | 'construction' | 'done';

export interface DemoResidentialGroup {
  id: string; // 'tdp-01' … 'tdp-16'
  name: string; // 'Tổ dân phố Huề Trì'
  formerUnitId: FormerUnitId;
  geom: MultiPolygon; // the 16 partition the ward polygon
}

export interface DemoParty {
  id: number;
  kind: PartyKind;
  name: string; // 'Hộ ông Nguyễn Văn An', 'Nguyễn Thị Hoa', 'Công ty TNHH …', 'UBND phường Trần Liễu'
  idNumber: string | null; // synthetic 12-digit CCCD for individuals/household heads, null otherwise
  address: string | null;
}

export interface DemoParcel {
  id: number;
  formerUnitId: FormerUnitId;
  mapSheetNo: number; // số tờ, numbered from 1 within each former unit
  parcelNo: number; // số thửa, numbered from 1 within each sheet
  landUseCode: string; // Thông tư 08/2024/TT-BTNMT code: LUC, ONT, CLN, NTS, SKN, DGT, TON, TIN, NTD, DGD, …
  legalAreaM2: number; // register area, 1 decimal (differs slightly from the mapped area, as in real registers)
  residentialGroupId: string; // tdp-NN containing the parcel's point-on-surface
  address: string | null; // 'Thôn Huề Trì' style
  certStatus: CertStatus;
  village: string | null;
  geom: MultiPolygon;
}

export interface DemoRight {
  parcelId: number;
  partyId: number;
  kind: RightKind;
  share: number; // 0..1
}

export interface DemoCertificate {
  serial: string; // e.g. 'CS 123456' (2 letters + 6 digits), unique
  parcelId: number;
  partyId: number;
  issueDate: string; // YYYY-MM-DD, not after 2025-09-30
  digitised: boolean;
}

export interface DemoBacklogCase {
  parcelId: number;
  reason: BacklogReason;
  note: string; // Vietnamese
  openedAt: string; // YYYY-MM-DD
}

export interface DemoLease {
  contractNo: string;
  parcelId: number;
  partyId: number;
  kind: 'public_land' | 'riverside_wharf';
  purpose: string; // Vietnamese, e.g. 'Trồng cây lâu năm'
  areaM2: number;
  startDate: string;
  endDate: string;
  status: 'active' | 'expired';
}

export interface DemoProject {
  id: number;
  code: string; // 'DA-01' …
  name: string; // Vietnamese
  type: string; // 'industrial' | 'transport' | 'residential' | 'public' | 'culture' | 'irrigation' | 'commerce' | …
  status: ProjectStatus;
  decisionNo: string; // '442/QĐ-UBND'
  decisionDate: string;
  plannedAreaHa: number; // sums to 116.94 over the 30 projects
  formerUnitId: FormerUnitId;
  geom: MultiPolygon; // footprint; its EPSG:9209 area equals plannedAreaHa to ±0.001 ha
}

export interface DemoClearance {
  projectId: number;
  parcelId: number;
  step: ClearanceStep;
  stepDate: string;
  households: number;
  compensationVnd: number;
  obstacle: ClearanceObstacle | null;
}

export interface DemoHeritageSite {
  name: string; // as the report writes it: 'Chùa Huề Trì'
  type: 'dinh' | 'chua' | 'den' | 'mieu' | 'nghe';
  rank: 'national' | 'city' | 'unranked';
  village: string | null;
  formerUnitId: FormerUnitId;
  parcelId: number | null; // the TON/TIN parcel it stands on
  geom: Point; // approximate (demo) position
  footnote?: 2 | 3 | 4 | null; // optional: the report footnote that lists the site (null: not named, filled in)
  countedAs?: string; // optional: set when `type` differs from the name, to match the report's type totals
}

export interface DemoSchool {
  name: string; // 'Trường Tiểu học Thượng Quận'
  level: 'preschool' | 'primary' | 'lower_secondary';
  standardLevel: 1 | 2; // chuẩn quốc gia mức độ I / II
  formerUnitId: FormerUnitId;
  parcelId: number | null;
  geom: Point;
}

export interface DemoRoad {
  name: string; // 'ĐT 389B', 'ĐH 05', 'ĐH 06', 'Đường trục phường', …
  roadClass: 'provincial' | 'district' | 'ward' | 'village';
  geom: LineString;
  encroachmentHotspots: Point[]; // report §II.1: encroachment on ĐT 389B, ĐH 05, ĐH 06
}

export interface DemoDataset {
  seed: number;
  residentialGroups: DemoResidentialGroup[];
  parties: DemoParty[];
  parcels: DemoParcel[];
  rights: DemoRight[];
  certificates: DemoCertificate[];
  backlog: DemoBacklogCase[];
  leases: DemoLease[];
  projects: DemoProject[];
  clearance: DemoClearance[];
  heritageSites: DemoHeritageSite[];
  schools: DemoSchool[];
  roads: DemoRoad[];
}
