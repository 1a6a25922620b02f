/**
 * The demo cadastre generator: determinism and the exact figures the seeded database must reproduce
 * (report "Báo cáo KT-XH 9 tháng 2025", phường Trần Liễu). Areas are planar EPSG:9209, as the server computes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bbox, booleanIntersects, featureCollection, intersect, multiPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { generateDemoDataset, type DemoDataset } from '../../geodata/generate/index';
import { lonLatArea } from '../../geodata/generate/geometry';

const hash = (d: DemoDataset) => createHash('sha256').update(JSON.stringify(d)).digest('hex');
const ward = JSON.parse(readFileSync(new URL('../../geodata/sources/tran_lieu_ward.geojson', import.meta.url), 'utf8'));
const wardBox = bbox(ward);

function overlapM2(a: MultiPolygon, b: MultiPolygon): number {
  const x = intersect(featureCollection([multiPolygon(a.coordinates), multiPolygon(b.coordinates)]));
  if (!x) return 0;
  const g = x.geometry;
  return lonLatArea({ type: 'MultiPolygon', coordinates: g.type === 'Polygon' ? [(g as Polygon).coordinates] : (g as MultiPolygon).coordinates });
}

let d: DemoDataset;
beforeAll(() => {
  d = generateDemoDataset();
}, 60_000);

describe('determinism', () => {
  it('gives byte-identical output for the same seed and different output for another seed', () => {
    expect(hash(generateDemoDataset())).toBe(hash(d));
    expect(hash(generateDemoDataset(7))).not.toBe(hash(d));
  }, 60_000);

  // (its speed is measured by `npm run bench`, not asserted here)
  it('never uses Math.random', () => {
    const dir = new URL('../../geodata/generate/', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')))
      expect(readFileSync(new URL(f, dir), 'utf8'), f).not.toMatch(/Math\.random/);
  });
});

describe('parcel fabric', () => {
  it('has 8,000–12,000 parcels with unique cadastral keys numbered from 1', () => {
    expect(d.parcels.length).toBeGreaterThanOrEqual(8000);
    expect(d.parcels.length).toBeLessThanOrEqual(12000);
    const keys = new Set(d.parcels.map((p) => `${p.formerUnitId}/${p.mapSheetNo}/${p.parcelNo}`));
    expect(keys.size).toBe(d.parcels.length);
    for (const unit of ['hiep-hoa', 'thuong-quan', 'an-phu'])
      expect(Math.min(...d.parcels.filter((p) => p.formerUnitId === unit).map((p) => p.mapSheetNo))).toBe(1);
    expect(Math.min(...d.parcels.map((p) => p.parcelNo))).toBe(1);
  });

  it('keeps every parcel inside the ward bbox and every coordinate at 1e-7°', () => {
    for (const p of d.parcels) {
      const [x0, y0, x1, y1] = bbox(p.geom);
      expect(x0 >= wardBox[0] && y0 >= wardBox[1] && x1 <= wardBox[2] && y1 <= wardBox[3]).toBe(true);
    }
    const c = d.parcels[0].geom.coordinates[0][0][0];
    expect(Math.round(c[0] * 1e7) / 1e7).toBe(c[0]);
  });

  it('has no overlapping parcels (sampled neighbourhoods) and no slivers under 20 m²', () => {
    const sample = d.parcels.filter((_, i) => i % 97 === 0);
    for (const p of sample) {
      const box = bbox(p.geom);
      const near = d.parcels.filter((q) => q.id !== p.id && booleanIntersects(multiPolygon(q.geom.coordinates), multiPolygon(p.geom.coordinates)) && bbox(q.geom)[0] <= box[2]);
      for (const q of near) expect(overlapM2(p.geom, q.geom), `${p.id}×${q.id}`).toBeLessThan(0.5);
    }
    expect(Math.min(...d.parcels.map((p) => lonLatArea(p.geom)))).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it('has the main roads as DGT strips, with encroachment hotspots', () => {
    expect(d.roads.map((r) => r.name)).toEqual(expect.arrayContaining(['ĐT 389B', 'ĐH 05', 'ĐH 06']));
    expect(d.roads.every((r) => r.encroachmentHotspots.length > 0)).toBe(true);
    expect(d.parcels.filter((p) => p.landUseCode === 'DGT').length).toBeGreaterThan(20);
  });

  it('has 5.4 ha of aquaculture ponds (NTS)', () => {
    const ha = d.parcels.filter((p) => p.landUseCode === 'NTS').reduce((s, p) => s + lonLatArea(p.geom), 0) / 1e4;
    expect(Math.abs(ha - 5.4)).toBeLessThanOrEqual(0.05);
  });

  it('has 16 residential groups that partition the ward', () => {
    expect(d.residentialGroups.map((g) => g.id)).toEqual(Array.from({ length: 16 }, (_, i) => `tdp-${String(i + 1).padStart(2, '0')}`));
    const total = d.residentialGroups.reduce((s, g) => s + lonLatArea(g.geom), 0) / 1e6;
    expect(total).toBeCloseTo(23.89, 1);
    const ids = new Set(d.residentialGroups.map((g) => g.id));
    expect(d.parcels.every((p) => ids.has(p.residentialGroupId))).toBe(true);
  });
});

describe('certificates and backlog (report §1.5)', () => {
  it('issues 5,189 certificates with unique serials, 4,749 digitised, none after 2025-09-30', () => {
    expect(d.certificates).toHaveLength(5189);
    expect(new Set(d.certificates.map((c) => c.serial)).size).toBe(5189);
    expect(d.certificates.filter((c) => c.digitised)).toHaveLength(4749);
    expect(d.certificates.every((c) => c.issueDate <= '2025-09-30' && /^[A-Z]{2} \d{6}$/.test(c.serial))).toBe(true);
  });

  it('matches issued parcels one to one with certificates', () => {
    const issued = new Set(d.parcels.filter((p) => p.certStatus === 'issued').map((p) => p.id));
    expect(issued.size).toBe(5189);
    expect(new Set(d.certificates.map((c) => c.parcelId))).toEqual(issued);
  });

  it('has 650 backlog parcels, each with one case, in the documented proportions', () => {
    const backlog = d.parcels.filter((p) => p.certStatus === 'backlog').map((p) => p.id);
    expect(backlog).toHaveLength(650);
    expect(new Set(d.backlog.map((b) => b.parcelId))).toEqual(new Set(backlog));
    const count = (r: string) => d.backlog.filter((b) => b.reason === r).length;
    expect([count('unauthorised_allocation'), count('encroachment'), count('dispute'), count('missing_records')]).toEqual([292, 163, 130, 65]);
  });
});

describe('leases (report §1.5)', () => {
  it('has 862 public-land leases of State CLN/HNK parcels totalling 59.5 ha', () => {
    const pub = d.leases.filter((l) => l.kind === 'public_land');
    expect(pub).toHaveLength(862);
    expect(Math.abs(pub.reduce((s, l) => s + l.areaM2, 0) / 1e4 - 59.5)).toBeLessThanOrEqual(0.05);
    const byId = new Map(d.parcels.map((p) => [p.id, p]));
    const mapped = pub.reduce((s, l) => s + lonLatArea(byId.get(l.parcelId)!.geom), 0) / 1e4;
    expect(Math.abs(mapped - 59.5)).toBeLessThanOrEqual(0.05);
    expect(pub.every((l) => ['CLN', 'HNK'].includes(byId.get(l.parcelId)!.landUseCode) && byId.get(l.parcelId)!.certStatus === 'state')).toBe(true);
  });

  it('has one riverside wharf lease, expired', () => {
    const wharf = d.leases.filter((l) => l.kind === 'riverside_wharf');
    expect(wharf.map((l) => l.status)).toEqual(['expired']);
  });
});

describe('plan projects and clearance (Quyết định 442/QĐ-UBND)', () => {
  it('has 30 projects totalling 116.94 ha whose footprints match their planned areas', () => {
    expect(d.projects).toHaveLength(30);
    expect(Math.round(d.projects.reduce((s, p) => s + p.plannedAreaHa, 0) * 100) / 100).toBe(116.94);
    for (const p of d.projects) expect(Math.abs(lonLatArea(p.geom) / 1e4 - p.plannedAreaHa), p.code).toBeLessThanOrEqual(0.001);
  });

  it('keeps footprints apart and inside the ward', () => {
    for (let i = 0; i < d.projects.length; i++)
      for (let j = i + 1; j < d.projects.length; j++) expect(overlapM2(d.projects[i].geom, d.projects[j].geom)).toBe(0);
    const wardGeom: MultiPolygon = { type: 'MultiPolygon', coordinates: [ward.features[0].geometry.coordinates] };
    for (const p of d.projects) expect(Math.abs(overlapM2(p.geom, wardGeom) - lonLatArea(p.geom))).toBeLessThan(1);
  });

  it('has a clearance record for every parcel of the An Phụ cluster and 93.3 % of its area handed over', () => {
    const cluster = d.projects.find((p) => p.name === 'Cụm công nghiệp An Phụ')!;
    expect(cluster.status).toBe('clearing');
    const hit = d.parcels.filter((p) => booleanIntersects(multiPolygon(p.geom.coordinates), multiPolygon(cluster.geom.coordinates)));
    const records = new Map(d.clearance.filter((c) => c.projectId === cluster.id).map((c) => [c.parcelId, c]));
    expect(hit.every((p) => records.has(p.id))).toBe(true);
    let total = 0;
    let handed = 0;
    for (const p of hit) {
      const a = overlapM2(p.geom, cluster.geom);
      total += a;
      if (records.get(p.id)!.step === 'handed_over') handed += a;
    }
    const pct = (100 * handed) / total;
    expect(pct).toBeGreaterThanOrEqual(93.25);
    expect(pct).toBeLessThanOrEqual(93.35);
  }, 60_000);
});

describe('heritage and schools (report §2.2, §2.5)', () => {
  it('has 36 religious sites: 9 đình, 17 chùa, 2 đền, 4 miếu, 4 nghè', () => {
    expect(d.heritageSites).toHaveLength(36);
    const n = (t: string) => d.heritageSites.filter((s) => s.type === t).length;
    expect([n('dinh'), n('chua'), n('den'), n('mieu'), n('nghe')]).toEqual([9, 17, 2, 4, 4]);
  });

  it('ranks the footnote sites: 3 national, 5 city, 26 listed unranked', () => {
    const national = d.heritageSites.filter((s) => s.rank === 'national').map((s) => s.name);
    expect(national.sort()).toEqual(['Chùa Huề Trì', 'Đình Huề Trì', 'Đình- chùa Khuê Bích'].sort());
    expect(d.heritageSites.filter((s) => s.rank === 'city')).toHaveLength(5);
    expect(d.heritageSites.filter((s) => s.rank === 'unranked' && s.footnote === 4)).toHaveLength(26);
    const byId = new Map(d.parcels.map((p) => [p.id, p]));
    expect(d.heritageSites.every((s) => ['TON', 'TIN'].includes(byId.get(s.parcelId!)!.landUseCode))).toBe(true);
  });

  it('has 9 schools at 3 levels, all level I, three at level II', () => {
    expect(d.schools).toHaveLength(9);
    expect(new Set(d.schools.map((s) => s.level)).size).toBe(3);
    expect(d.schools.filter((s) => s.standardLevel === 2).map((s) => s.name).sort()).toEqual(
      ['Trường Mầm non Hiệp Hòa', 'Trường Tiểu học Hiệp Hòa', 'Trường Tiểu học Thượng Quận'].sort(),
    );
  });
});

describe('parties', () => {
  it('has the State, households, individuals and organisations with synthetic ids', () => {
    expect(d.parties[0]).toMatchObject({ kind: 'state', name: 'UBND phường Trần Liễu' });
    for (const kind of ['household', 'individual', 'organisation']) expect(d.parties.some((p) => p.kind === kind)).toBe(true);
    const people = d.parties.filter((p) => p.kind === 'household' || p.kind === 'individual');
    expect(people.every((p) => /^099\d{9}$/.test(p.idNumber ?? ''))).toBe(true);
    expect(d.parties.filter((p) => p.kind === 'household').every((p) => /^Hộ (ông|bà) /.test(p.name))).toBe(true);
  });
});
