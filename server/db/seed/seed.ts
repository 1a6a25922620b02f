/**
 * Loads what an empty database needs: the real geography (always), the report's figures (always) and, when
 * asked, the deterministic demo cadastre. Each part is one transaction (all or nothing), recorded in the audit
 * log as a single 'load' entry; progress is printed because the demo cadastre takes a while.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { rootDir } from '../../config.ts';
import type { Logger } from '../../lib/log.ts';
import { loadSqlDir } from '../sql.ts';
import { withTransaction } from '../pool.ts';
import { queryOne } from '../query.ts';
import type { DemoDataset } from '../../../geodata/generate/types.ts';
import { seedDemoAccounts } from '../../features/auth/demo-accounts.ts';

const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'), [
  'insert-admin-units', 'insert-former-units-clipped', 'insert-admin-points', 'insert-parties', 'insert-parcels',
  'insert-rights', 'insert-certificates', 'insert-backlog', 'insert-leases', 'insert-projects',
  'link-project-parcels', 'insert-clearance', 'insert-heritage', 'insert-schools', 'insert-roads',
  'insert-report-figures', 'insert-quality-notes', 'record-load', 'set-dataset-info', 'count-loaded',
] as const);

export const sourcesDir = path.join(rootDir, 'geodata', 'sources');
export const figuresFile = path.join(rootDir, 'geodata', 'report', 'figures.json');
export const WARD_ID = 'tran-lieu';

/** The former units' official figures (report footnote 7) and GSO codes (SOURCES.md). */
const FORMER_UNITS = [
  { id: 'hiep-hoa', commune: 'Hiep Hoa', name: 'Xã Hiệp Hòa', unit_type: 'xã', gso_code: '10708', official_area_km2: 9.83, population: 8369, partial: false },
  { id: 'thuong-quan', commune: 'Thuong Quan', name: 'Xã Thượng Quận', unit_type: 'xã', gso_code: '10729', official_area_km2: 5.93, population: 6921, partial: true },
  { id: 'an-phu', commune: 'An Phu', name: 'Phường An Phụ', unit_type: 'phường', gso_code: '10732', official_area_km2: 8.11, population: 11406, partial: false },
] as const;

type Client = pg.PoolClient;
type Props = Record<string, unknown>;

function readGeoJson(file: string): FeatureCollection<Geometry, Props> {
  return JSON.parse(fs.readFileSync(path.join(sourcesDir, file), 'utf8'));
}

/** Insert rows in chunks as one JSON parameter each (fast on both databases, bounded message size). */
async function insertJson(c: Client, statement: string, rows: unknown[], chunk = 1500): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await c.query(statement, [JSON.stringify(rows.slice(i, i + chunk))]);
  }
}

const sourceOf = (f: Feature<Geometry, Props>) => String(f.properties.source ?? '');

/** The real geography: the 2025 ward, its neighbours, the three former units clipped to it, the ward office. */
async function loadGeography(c: Client, log: Logger): Promise<void> {
  const ward = readGeoJson('tran_lieu_ward.geojson').features[0];
  const wards = readGeoJson('wards_2025.geojson').features.filter((f) => f.properties.touches_tran_lieu === true);
  const unit = (f: Feature<Geometry, Props>, id: string, kind: string, parent: string | null) => ({
    id, kind, parent_id: parent, name: `${f.properties.type} ${f.properties.name}`, unit_type: String(f.properties.type).toLowerCase(),
    gso_code: String(f.properties.id), official_area_km2: f.properties.area, population: f.properties.population,
    partial: false, demo: false, source: sourceOf(f), geojson: JSON.stringify(f.geometry),
  });
  await insertJson(c, sql['insert-admin-units'], [unit(ward, WARD_ID, 'ward', null)]);
  await insertJson(c, sql['insert-admin-units'], wards.map((f) => unit(f, `ward-${f.properties.id}`, 'neighbour_ward', null)));
  const communes = readGeoJson('former_communes.geojson').features;
  const former = FORMER_UNITS.map((u) => {
    const f = communes.find((x) => x.properties.commune === u.commune);
    if (!f) throw new Error(`former unit ${u.commune} missing from former_communes.geojson`);
    return { ...u, source: sourceOf(f), geojson: JSON.stringify(f.geometry) };
  });
  await c.query(sql['insert-former-units-clipped'], [JSON.stringify(former), WARD_ID]);
  const office = readGeoJson('ward_admin_centers_2025.geojson').features.find((f) => f.properties.name === 'Trần Liễu');
  if (!office) throw new Error('ward office of Trần Liễu missing from ward_admin_centers_2025.geojson');
  await insertJson(c, sql['insert-admin-points'], [{
    id: 'ward-office', unit_id: WARD_ID, name: `UBND phường Trần Liễu — ${office.properties.adminCenter}`, demo: false,
    source: sourceOf(office), lon: office.properties.longitude, lat: office.properties.latitude,
  }]);
  log.info(`Seed: real geography loaded (ward, ${wards.length} neighbours, 3 former units clipped, ward office)`);
}

interface FiguresFile {
  figures: { id: string; label_vi: string; label_en: string; value: number | null; unit: string; section: string; decisions?: string[]; note?: string }[];
  notes: { id: string; section: string; figure_ids: string[]; message_vi: string; message_en: string }[];
}

/** The report's figures and data-quality notes from geodata/report/figures.json. */
async function loadFigures(c: Client, log: Logger): Promise<void> {
  const file: FiguresFile = JSON.parse(fs.readFileSync(figuresFile, 'utf8'));
  const rows = file.figures.map((f, i) => ({ ...f, decisions: f.decisions ?? [], note: f.note ?? null, sort_order: i }));
  await insertJson(c, sql['insert-report-figures'], rows);
  await insertJson(c, sql['insert-quality-notes'], file.notes);
  log.info(`Seed: ${rows.length} report figures and ${file.notes.length} data-quality notes loaded`);
}

const geo = <T extends { geom: unknown }>(rows: T[]) => rows.map(({ geom, ...r }) => ({ ...r, geojson: JSON.stringify(geom) }));

/** The demo cadastre, generated deterministically from the seed number. */
async function loadDemo(c: Client, log: Logger, seed: number): Promise<void> {
  const t0 = Date.now();
  log.info(`Seed: generating the demo cadastre (seed ${seed}) …`);
  const { generateDemoDataset } = await import('../../../geodata/generate/index.ts');
  const d: DemoDataset = generateDemoDataset(seed);
  log.info(`Seed: generated ${d.parcels.length} parcels in ${((Date.now() - t0) / 1000).toFixed(1)} s; writing …`);
  await insertJson(c, sql['insert-admin-units'], d.residentialGroups.map((g) => ({
    id: g.id, kind: 'residential_group', name: g.name, unit_type: 'tổ dân phố', parent_id: WARD_ID, gso_code: null,
    official_area_km2: null, population: null, partial: false, demo: true,
    source: 'Dữ liệu minh họa (demo): ranh giới tổ dân phố tổng hợp — synthetic', geojson: JSON.stringify(g.geom),
  })));
  await insertJson(c, sql['insert-parties'], d.parties, 5000);
  const steps: [string, string, unknown[], number?][] = [
    ['parcels', 'insert-parcels', geo(d.parcels), 1000],
    ['rights', 'insert-rights', d.rights, 5000],
    ['certificates', 'insert-certificates', d.certificates, 5000],
    ['backlog cases', 'insert-backlog', d.backlog],
    ['lease contracts', 'insert-leases', d.leases],
    ['plan projects', 'insert-projects', geo(d.projects)],
    ['clearance records', 'insert-clearance', d.clearance],
    ['heritage sites', 'insert-heritage', geo(d.heritageSites)],
    ['schools', 'insert-schools', geo(d.schools)],
    ['roads', 'insert-roads', d.roads.map(({ geom, encroachmentHotspots, ...r }) => ({
      ...r, geojson: JSON.stringify(geom), hotspots: encroachmentHotspots })), 100],
  ];
  for (const [label, statement, rows, chunk] of steps) {
    await insertJson(c, sql[statement as keyof typeof sql], rows, chunk);
    log.info(`Seed:   ${rows.length} ${label}`);
  }
  await c.query(sql['link-project-parcels']);
  const cluster = d.projects.find((p) => /cụm công nghiệp an phụ/i.test(p.name));
  if (!cluster) throw new Error('demo dataset has no project named "Cụm công nghiệp An Phụ"');
  await c.query(sql['set-dataset-info'], ['an_phu_cluster_code', cluster.code]);
  await c.query(sql['set-dataset-info'], ['demo', 'true']);
  await c.query(sql['set-dataset-info'], ['demo_seed', String(seed)]);
  await c.query(sql['record-load'], ['system:seed', 'demo_dataset', JSON.stringify({
    seed, parcels: d.parcels.length, parties: d.parties.length, certificates: d.certificates.length,
    backlog: d.backlog.length, leases: d.leases.length, projects: d.projects.length,
  })]);
  log.info(`Seed: demo cadastre written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

export interface SeedOptions {
  demo: boolean;
  seed: number;
  /** The embedded database: only there do demo data come with demo accounts (a server never gets default passwords). */
  embedded: boolean;
}

/** Load whatever an empty database lacks. Safe to call on every start: loaded parts are skipped. */
export async function seedDatabase(pool: pg.Pool, log: Logger, opts: SeedOptions): Promise<void> {
  const n = await queryOne<{ admin_units: number; parcels: number; figures: number }>(pool, sql['count-loaded']);
  const bulk = (fn: (c: Client) => Promise<void>) => withTransaction(pool, async (c) => {
    await c.query("SELECT set_config('landmap.bulk_load', 'on', true)");
    await fn(c);
  });
  if (n.admin_units === 0) await bulk((c) => loadGeography(c, log));
  if (n.figures === 0) await bulk((c) => loadFigures(c, log));
  if (opts.demo && n.parcels === 0) await bulk((c) => loadDemo(c, log, opts.seed));
  if (opts.demo && opts.embedded) await withTransaction(pool, (c) => seedDemoAccounts(c, log));
}
