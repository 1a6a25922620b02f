import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { LayerId } from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';
import { queryOne } from '../../db/query.ts';

const LAYER_SQL = ['ward', 'neighbour-wards', 'former-units', 'residential-groups', 'ward-office', 'parcels',
  'projects', 'roads', 'heritage-sites', 'schools'] as const satisfies readonly LayerId[];
const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'), [...LAYER_SQL, 'layer-summary'] as const);

export type Bbox = [number, number, number, number];

/** Queries behind /api/layers. */
export function layersRepo(pool: pg.Pool) {
  return {
    /** Feature count and demo flag of every layer. */
    async summary(): Promise<Map<string, { n: number; demo: boolean }>> {
      const { rows } = await pool.query<{ layer: string; n: number; demo: boolean }>(sql['layer-summary']);
      return new Map(rows.map((r) => [r.layer, { n: r.n, demo: r.demo }]));
    },
    /** The features of one layer (optionally within a bbox, EPSG:4326) as JSON array text, and if any is demo. */
    async features(id: LayerId, bbox?: Bbox): Promise<{ features: string; demo: boolean }> {
      return queryOne<{ features: string; demo: boolean }>(pool, sql[id], bbox ?? [null, null, null, null]);
    },
  };
}
