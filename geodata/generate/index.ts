/**
 * Deterministic demo cadastre for phường Trần Liễu, calibrated to the ward's 9-month 2025 report.
 * `generateDemoDataset(seed)` returns the same data for the same seed (byte-identical JSON).
 */
import type { DemoDataset, DemoHeritageSite, DemoParcel, DemoSchool } from './types';
import { Rng } from './prng';
import { loadSources } from './sources';
import { buildLayout } from './layout';
import { buildParcels, type WorkParcel } from './parcels';
import { chooseWharf, choosePonds, placeCivic, placeHeritage, placeSchools, type PlacedSchool, type PlacedSite } from './special';
import { buildProjects, projectRects } from './projects';
import { clusterClearance, otherClearance } from './clearance';
import { cadastralKeys, groupPolygons, groupSeeds, nearestGroup } from './groups';
import { PartyRegister } from './parties';
import { assignTenure } from './tenure';
import { buildLeases } from './leases';
import { buildRoads, roadDistance } from './roads';
import { ROADS } from './grid';
import { pointOnSurface, type Multi } from './geometry';
import type { Sources } from './sources';

export type { DemoDataset } from './types';
export const DEFAULT_SEED = 20250701;

function pointOf(s: Sources, p: WorkParcel) {
  const local: Multi = p.ll.coordinates.map((poly) => poly.map((ring) => ring.map((q) => s.frame.fromLonLat(q))));
  return { type: 'Point' as const, coordinates: s.frame.toLonLat(pointOnSurface(local)) };
}

function communityParties(reg: PartyRegister, sites: PlacedSite[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const site of sites) {
    const village = site.parcel.village;
    const name = site.type === 'chua' ? site.name : `Cộng đồng dân cư thôn ${village}`;
    out.set(site.parcel.idx, reg.organisation(name, village ? `Thôn ${village}, phường Trần Liễu` : null));
  }
  return out;
}

function heritageOut(s: Sources, sites: PlacedSite[]): DemoHeritageSite[] {
  return sites.map(({ parcel, ...site }) => ({ ...site, parcelId: parcel.idx + 1, geom: pointOf(s, parcel) }));
}

function schoolsOut(s: Sources, schools: PlacedSchool[]): DemoSchool[] {
  return schools.map(({ parcel, ...school }) => ({ ...school, parcelId: parcel.idx + 1, geom: pointOf(s, parcel) }));
}

/** Builds the whole demo dataset. Takes a few seconds. */
export function generateDemoDataset(seed: number = DEFAULT_SEED): DemoDataset {
  const s = loadSources();
  const rng = new Rng(seed);
  const layout = buildLayout(rng.fork('layout'), s);
  const parcels = buildParcels(rng.fork('parcels'), s, layout);
  choosePonds(rng.fork('ponds'), parcels);
  const taken = new Set<number>();
  const sites = placeHeritage(rng.fork('heritage'), parcels, layout.villages, taken);
  const schools = placeSchools(parcels, layout.villages, taken);
  placeCivic(s, parcels, taken);
  const wharf = chooseWharf(parcels, taken);
  const projects = buildProjects(rng.fork('projects'), s, layout);
  const clearanceRng = rng.fork('clearance');
  const clearance = [
    ...clusterClearance(clearanceRng, projects[0], parcels),
    ...otherClearance(clearanceRng, projects, projectRects(s, projects), parcels),
  ];
  const groups = groupSeeds(layout);
  const reg = new PartyRegister(rng.fork('parties'));
  const community = communityParties(reg, sites);
  const nearRoad = (p: WorkParcel) => Math.min(...ROADS.map((r) => roadDistance(layout, r, p.pos)));
  const tenure = assignTenure(rng.fork('tenure'), reg, parcels, community, nearRoad);
  const lease = buildLeases(rng.fork('leases'), reg, parcels, wharf);
  const keys = cadastralKeys(s, parcels);
  const legalRng = rng.fork('legal');
  const outParcels: DemoParcel[] = parcels.map((p, i) => ({
    id: p.idx + 1,
    formerUnitId: p.unit,
    mapSheetNo: keys[i].sheet,
    parcelNo: keys[i].no,
    landUseCode: p.landUse,
    legalAreaM2: Math.round(p.area * (1 + 0.006 * legalRng.normal()) * 10) / 10,
    residentialGroupId: nearestGroup(groups, p.pos).id,
    address: p.village ? `Thôn ${p.village}` : null,
    certStatus: tenure.status.get(p.idx)!,
    village: p.village,
    geom: p.ll,
  }));
  return {
    seed,
    residentialGroups: groupPolygons(s, groups),
    parties: reg.parties,
    parcels: outParcels,
    rights: [...tenure.rights, ...lease.rights],
    certificates: tenure.certificates.sort((a, b) => a.parcelId - b.parcelId),
    backlog: tenure.backlog,
    leases: lease.leases,
    projects,
    clearance,
    heritageSites: heritageOut(s, sites),
    schools: schoolsOut(s, schools),
    roads: buildRoads(rng.fork('roads'), s, layout),
  };
}
