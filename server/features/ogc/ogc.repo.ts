/**
 * Queries behind /ogc. Each collection has a source (layers/sql/sources/<id>.sql: one row per feature — id, demo, properties,
 * geom in EPSG:4326, the same properties as the map layer); the wrappers count.sql, items.sql and item.sql are
 * loaded with that source spliced in, once at start (file text only, never input), so every collection pages,
 * filters and transforms the same way.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { LayerId } from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';
import { queryOne } from '../../db/query.ts';
import { layerSources, spliceSource } from '../layers/layer-sources.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql');
const wrappers = loadSqlDir(dir, ['count', 'items', 'item', 'extents'] as const);

/** Collections keyed by text (admin units, the ward office); the others by bigint. */
const TEXT_KEYED: ReadonlySet<LayerId> = new Set(['ward', 'neighbour-wards', 'former-units', 'residential-groups', 'ward-office']);

const sql = Object.fromEntries(LayerId.options.map((id) => [id, {
  count: spliceSource(wrappers.count, layerSources[id]),
  items: spliceSource(wrappers.items, layerSources[id]),
  item: spliceSource(wrappers.item, layerSources[id]),
}])) as Record<LayerId, { count: string; items: string; item: string }>;

/** A bbox in the axis order x = easting/longitude, y = northing/latitude, in the CRS of srid. */
export interface SridBbox { bbox: [number, number, number, number]; srid: number }
/** How to write coordinates: target SRID, lat/lon swap (EPSG:4326), decimals. */
export interface OutputCrs { srid: number; latFirst: boolean; decimals: number }
export type Extent = [number, number, number, number];

/** True when featureId can be a key of the collection (bigint keys are digits). */
export function isPossibleFeatureId(id: LayerId, featureId: string): boolean {
  return TEXT_KEYED.has(id) ? featureId.length > 0 && featureId.length <= 100 : /^\d{1,18}$/.test(featureId);
}

/** Queries behind the OGC API – Features routes. */
export function ogcRepo(pool: pg.Pool) {
  const bboxParams = (b?: SridBbox) => (b ? [...b.bbox, b.srid] : [null, null, null, null, null]);
  return {
    /** Extent of each non-empty collection in CRS84. */
    async extents(): Promise<Map<LayerId, Extent>> {
      const { rows } = await pool.query<{ layer: LayerId; xmin: number | null; ymin: number; xmax: number; ymax: number }>(wrappers.extents);
      return new Map(rows.filter((r) => r.xmin !== null).map((r) => [r.layer, [r.xmin!, r.ymin, r.xmax, r.ymax]]));
    },
    /** numberMatched: features of a collection within the optional bbox. */
    async count(id: LayerId, bbox?: SridBbox): Promise<number> {
      return (await queryOne<{ n: number }>(pool, sql[id].count, bboxParams(bbox))).n;
    },
    /** One page of features as JSON array text (GeoJSON features with geometry in crs) and their number. */
    async items(id: LayerId, page: { bbox?: SridBbox; crs: OutputCrs; limit: number; offset: number }): Promise<{ features: string; returned: number }> {
      const { crs } = page;
      const params = [...bboxParams(page.bbox), crs.srid, crs.latFirst, crs.decimals, page.limit, page.offset];
      return queryOne<{ features: string; returned: number }>(pool, sql[id].items, params);
    },
    /** One feature as GeoJSON text, or null. featureId must pass isPossibleFeatureId first. */
    async item(id: LayerId, featureId: string, crs: OutputCrs): Promise<string | null> {
      const { rows } = await pool.query<{ feature: string }>(sql[id].item, [featureId, crs.srid, crs.latFirst, crs.decimals]);
      return rows[0]?.feature ?? null;
    },
  };
}
export type OgcRepo = ReturnType<typeof ogcRepo>;
