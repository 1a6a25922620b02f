/**
 * geodata/report/figures.json: the report's figures with section references, the decisions they cite and
 * the data-quality notes. The server maps the required ids to SQL, so they must all be present.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const Figure = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  label_vi: z.string().min(1),
  label_en: z.string().min(1),
  value: z.number().nullable(),
  unit: z.string(),
  section: z.string().min(1),
  decisions: z.array(z.string()),
  note: z.string().min(1).optional(),
});
const Decision = z.object({
  no: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  issuer: z.string().min(1),
  subject_vi: z.string().min(1),
  subject_en: z.string().min(1),
});
const Note = z.object({
  id: z.string().min(1),
  section: z.string().min(1),
  figure_ids: z.array(z.string()).min(1),
  message_vi: z.string().min(1),
  message_en: z.string().min(1),
});
const FiguresFile = z.object({
  source: z.object({ title_vi: z.string(), title_en: z.string(), file: z.string(), period: z.string() }),
  figures: z.array(Figure),
  decisions: z.array(Decision),
  notes: z.array(Note),
});

const file = FiguresFile.parse(JSON.parse(readFileSync(new URL('../../geodata/report/figures.json', import.meta.url), 'utf8')));
const byId = new Map(file.figures.map((f) => [f.id, f]));

/** Figures the database recomputes, with the report's values. */
const REQUIRED: Record<string, number> = {
  ward_area_km2: 23.87, population_total: 26696, residential_groups: 16, residential_areas_reported: 17,
  area_hiep_hoa_km2: 9.83, area_thuong_quan_km2: 5.93, area_an_phu_km2: 8.11,
  population_hiep_hoa: 8369, population_thuong_quan: 6921, population_an_phu: 11406,
  aquaculture_area_ha: 5.4, an_phu_cluster_clearance_pct: 93.3, plan_projects_count: 30, plan_projects_area_ha: 116.94,
  lease_contracts_count: 862, lease_contracts_area_ha: 59.5, wharf_leases_count: 1, wharf_leases_expired: 1,
  first_cert_backlog: 650, certificates_total: 5189, certificates_digitised: 4749, certificates_digitised_pct: 91.5,
  religious_sites_total: 36, religious_dinh: 9, religious_chua: 17, religious_den: 2, religious_mieu: 4, religious_nghe: 4,
  relics_national: 3, relics_city: 5, relics_unranked: 26, schools_total: 9, schools_standard_level1: 9, schools_standard_level2: 3,
};

describe('figures.json', () => {
  it('has unique figure ids and non-empty sections', () => {
    expect(new Set(file.figures.map((f) => f.id)).size).toBe(file.figures.length);
    expect(file.figures.every((f) => f.section.trim() !== '')).toBe(true);
  });

  it('contains every figure the server recomputes, with the report value', () => {
    for (const [id, value] of Object.entries(REQUIRED)) expect(byId.get(id)?.value, id).toBe(value);
  });

  it('keeps footnote 7 consistent with the ward totals', () => {
    const v = (id: string) => byId.get(id)!.value!;
    expect(v('area_hiep_hoa_km2') + v('area_thuong_quan_km2') + v('area_an_phu_km2')).toBeCloseTo(v('ward_area_km2'), 6);
    expect(v('population_hiep_hoa') + v('population_thuong_quan') + v('population_an_phu')).toBe(v('population_total'));
  });

  it('cites only decisions it lists, with unique numbers', () => {
    const nos = new Set(file.decisions.map((d) => d.no));
    expect(nos.size).toBe(file.decisions.length);
    for (const f of file.figures) for (const no of f.decisions) expect(nos.has(no), `${f.id} → ${no}`).toBe(true);
    expect(byId.get('plan_projects_area_ha')!.decisions).toContain('442/QĐ-UBND');
    expect(file.decisions.find((d) => d.no === '442/QĐ-UBND')!.date).toBe('2025-02-25');
    expect(file.decisions.find((d) => d.no === '1894/QĐ-UBND')!.date).toBe('2025-07-29');
  });

  it('has data-quality notes that reference existing figures', () => {
    expect(new Set(file.notes.map((n) => n.id)).size).toBe(file.notes.length);
    for (const n of file.notes) for (const id of n.figure_ids) expect(byId.has(id), `${n.id} → ${id}`).toBe(true);
    const noted = new Set(file.notes.flatMap((n) => n.figure_ids));
    for (const id of ['relics_unranked', 'residential_areas_reported', 'planted_area_ha', 'area_thuong_quan_km2', 'wharf_leases_expired', 'relics_city'])
      expect(noted.has(id), id).toBe(true);
  });
});
