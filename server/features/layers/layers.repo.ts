import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { LayerId } from '../../api/contract.ts';
import { layerSources, spliceSource } from './layer-sources.ts';
import { loadSqlDir } from '../../db/sql.ts';
import { queryOne } from '../../db/query.ts';

const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'), ['features', 'layer-summary'] as const);
const featuresSql = Object.fromEntries(LayerId.options.map((id) => [id, spliceSource(sql.features, layerSources[id])])) as
  Record<LayerId, string>;

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
      return queryOne<{ features: string; demo: boolean }>(pool, featuresSql[id], bbox ?? [null, null, null, null]);
    },
  };
}
