/**
 * Demo cadastre CLI: `npx tsx geodata/generate/cli.ts [--seed N] [--out file.json]`.
 * Prints counts, areas (EPSG:9209) and timing; writes the dataset as JSON when --out is given.
 */
import { writeFileSync } from 'node:fs';
import { DEFAULT_SEED, generateDemoDataset, type DemoDataset } from './index';
import { lonLatArea } from './geometry';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function summary(d: DemoDataset): Record<string, string | number> {
  const ha = (m2: number) => Math.round(m2 / 100) / 100;
  const byUse = (code: string) => ha(d.parcels.filter((p) => p.landUseCode === code).reduce((s, p) => s + lonLatArea(p.geom), 0));
  const pub = d.leases.filter((l) => l.kind === 'public_land');
  const status = (s: string) => d.parcels.filter((p) => p.certStatus === s).length;
  return {
    parcels: d.parcels.length,
    'parcels issued / backlog / state / unknown': `${status('issued')} / ${status('backlog')} / ${status('state')} / ${status('unknown')}`,
    'mapped area (ha)': ha(d.parcels.reduce((s, p) => s + lonLatArea(p.geom), 0)),
    'LUC / ONT+ODT / CLN / NTS (ha)': `${byUse('LUC')} / ${Math.round((byUse('ONT') + byUse('ODT')) * 100) / 100} / ${byUse('CLN')} / ${byUse('NTS')}`,
    parties: d.parties.length,
    certificates: `${d.certificates.length} (${d.certificates.filter((c) => c.digitised).length} digitised)`,
    backlog: d.backlog.length,
    'public-land leases': `${pub.length}, ${ha(pub.reduce((s, l) => s + l.areaM2, 0))} ha`,
    'wharf leases': d.leases.filter((l) => l.kind === 'riverside_wharf').map((l) => l.status).join(', '),
    projects: `${d.projects.length}, ${Math.round(d.projects.reduce((s, p) => s + p.plannedAreaHa, 0) * 100) / 100} ha`,
    clearance: d.clearance.length,
    'heritage sites / schools / groups / roads': `${d.heritageSites.length} / ${d.schools.length} / ${d.residentialGroups.length} / ${d.roads.length}`,
  };
}

const seed = Number(arg('--seed') ?? DEFAULT_SEED);
if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
const t0 = performance.now();
const dataset = generateDemoDataset(seed);
const ms = Math.round(performance.now() - t0);
console.log(`demo cadastre, seed ${seed}, generated in ${ms} ms`);
for (const [k, v] of Object.entries(summary(dataset))) console.log(`  ${k.padEnd(44)} ${v}`);
const out = arg('--out');
if (out) {
  writeFileSync(out, JSON.stringify(dataset));
  console.log(`written ${out}`);
}
