/**
 * Projects, pure parts: the contract's vocabularies agree with contract.ts, every project type and status has
 * a colour, a style and a label, snapping picks parcel vertices before edges, drawing measurements agree
 * with the hand-checked square, and footprint verdicts name the right reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { Polygon } from 'geojson';
import {
  EPSG_9209, FormerUnitId, PROJ4_DEFS, PROJECT_FORMER_UNITS, PROJECT_STATUSES, ProjectStatus, ProjectType,
} from '../../server/api/contract.ts';
import { judgeFootprint } from '../../server/features/projects/projects.repo.ts';
import { areaVn2000M2, formatArea, perimeterM } from '../../client/features/projects/measure.ts';
import { snapToRings } from '../../client/map/snap.ts';
import { projectLayers } from '../../client/map/layers/projects.layers.ts';
import { palette, projectPalette } from '../../client/map/palette.ts';
import { vi } from '../../client/i18n/vi.ts';
import { en } from '../../client/i18n/en.ts';

describe('project vocabularies', () => {
  it('restate contract.ts exactly', () => {
    expect(PROJECT_STATUSES).toEqual(ProjectStatus.options);
    expect(PROJECT_FORMER_UNITS).toEqual(FormerUnitId.options);
  });

  it('match the type check of migration 0011', () => {
    const sql = fs.readFileSync(path.join(import.meta.dirname, '../../server/db/migrations/0011_project_editing.sql'), 'utf8');
    const listed = [...sql.slice(sql.indexOf('project_type IN')).matchAll(/'([a-z]+)'/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...ProjectType.options].sort());
  });

  it('give every type a colour and a label, every status a fill and a label, in both languages', () => {
    for (const type of ProjectType.options) {
      expect(projectPalette.type[type], type).toMatch(/^#[0-9a-f]{6}$/);
      expect((vi as Record<string, string>)[`projectType.${type}`], type).toBeTruthy();
      expect((en as Record<string, string>)[`projectType.${type}`], type).toBeTruthy();
    }
    for (const s of PROJECT_STATUSES) {
      expect(projectPalette.statusFillOpacity[s], s).toBeGreaterThan(0);
      expect((vi as Record<string, string>)[`projectStatus.${s}`], s).toBeTruthy();
    }
  });
});

describe('project layers', () => {
  const layers = projectLayers('projects', palette);
  it('pass MapLibre style validation', () => {
    const style = { version: 8 as const, sources: { projects: { type: 'geojson' as const, data: { type: 'FeatureCollection', features: [] } } }, layers };
    expect(validateStyleMin(style as never)).toEqual([]);
  });
  it('colour the fill by type and draw not-yet-started projects dashed', () => {
    const fill = layers.find((l) => l.id === 'projects-fill')!;
    expect(JSON.stringify(fill.paint)).toContain(projectPalette.type.transport);
    const dashed = layers.find((l) => l.id === 'projects-line-planned')!;
    expect(JSON.stringify((dashed as { filter?: unknown }).filter)).toContain('approved');
    expect((dashed.paint as Record<string, unknown>)['line-dasharray']).toBeDefined();
  });
});

describe('snapping', () => {
  const project = (p: number[]) => ({ x: p[0], y: p[1] });
  const unproject = (s: { x: number; y: number }) => [s.x, s.y];
  const ring = [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]];
  it('goes to a vertex within reach, before any edge', () => {
    expect(snapToRings({ x: 96, y: 5 }, [ring], project, unproject, 10)).toEqual([100, 0]);
  });
  it('goes to the nearest point of an edge when no vertex is in reach', () => {
    expect(snapToRings({ x: 50, y: 4 }, [ring], project, unproject, 10)).toEqual([50, 0]);
  });
  it('leaves the pointer alone far from every parcel', () => {
    expect(snapToRings({ x: 50, y: 50 }, [ring], project, unproject, 10)).toBeNull();
  });
});

describe('drawing measurements', () => {
  const toLonLat = proj4(EPSG_9209, PROJ4_DEFS['EPSG:4326']);
  const file = path.join(import.meta.dirname, '../fixtures/projects-square-9209.geojson');
  const ring9209: number[][] = JSON.parse(fs.readFileSync(file, 'utf8')).features[0].geometry.coordinates[0];
  const square: Polygon = { type: 'Polygon', coordinates: [ring9209.map((p) => toLonLat.forward(p))] };
  it('measure the 100 m square as 10 000 m² (VN-2000) and about 400 m around', () => {
    expect(areaVn2000M2(square)).toBeCloseTo(10_000, 2);
    // turf measures on a sphere (R = 6 371 008.8 m): ≈ 0.14 % longer here than the planar 400 m
    expect(perimeterM(square)).toBeGreaterThan(400);
    expect(perimeterM(square)).toBeLessThan(401);
    expect(formatArea(10_000, 'vi')).toBe('1,0000 ha (10.000 m²)');
    expect(formatArea(10_000, 'en')).toBe('1.0000 ha (10,000 m²)');
  });
  it('subtract holes', () => {
    const c = square.coordinates[0];
    const mid = (a: number[], b: number[]) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const centre = mid(c[0], c[2]);
    const hole = [mid(c[0], centre), mid(c[1], centre), mid(c[2], centre), mid(c[3], centre), mid(c[0], centre)].reverse();
    expect(areaVn2000M2({ type: 'Polygon', coordinates: [c, hole] })).toBeCloseTo(7_500, 0);
  });
});

describe('footprint verdicts', () => {
  const base = { valid: true, invalid_reason: null, area_m2: 5_000, meets_ward: true, outside_m2: 0 };
  it('accept a valid footprint in the ward', () => expect(judgeFootprint(base)).toMatchObject({ valid: true, reason: null }));
  it.each([
    [{ valid: false, invalid_reason: 'Self-intersection[106.49 20.99]', area_m2: null }, 'invalid_geometry', /Self-intersection/],
    [{ meets_ward: false }, 'outside_ward', /outside/],
    [{ area_m2: 4 }, 'too_small', /10 m²/],
    [{ area_m2: 6_000_000 }, 'too_large', /500 ha/],
  ])('refuse %o as %s', (change, reason, message) => {
    const r = judgeFootprint({ ...base, ...change });
    expect(r.valid).toBe(false);
    expect(r.reason).toBe(reason);
    expect(r.message).toMatch(message);
  });
});
