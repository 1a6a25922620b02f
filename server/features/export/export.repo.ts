/**
 * The rows behind a layer export: each feature's properties (the OGC source's, so the same fields as the map and
 * no personal data) and its geometry transformed by PostGIS to the chosen CRS.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { LayerId, type LayerExportCrs } from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';
import { layerSources, spliceSource } from '../layers/layer-sources.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const { features } = loadSqlDir(path.join(here, 'sql'), ['features'] as const);
const sql = Object.fromEntries(LayerId.options.map((id) => [id, spliceSource(features, layerSources[id])])) as Record<LayerId, string>;

/** One exported feature; geometry is GeoJSON text, wkt the same as WKT; (cx, cy) a point on it; all in the CRS. */
export interface ExportRow {
  id: string;
  properties: Record<string, unknown>;
  geometry: string;
  wkt: string;
  cx: number;
  cy: number;
  /** little-endian WKB (full precision) and its envelope, for GeoPackage */
  wkb: Buffer;
  xmin: number; ymin: number; xmax: number; ymax: number;
}

/** Coordinate decimals: 1e-7° ≈ 1 cm in WGS 84; 1 mm in the VN-2000 metres. */
export const decimalsOf = (crs: LayerExportCrs): number => (crs === '4326' ? 7 : 3);

export function exportRepo(pool: pg.Pool) {
  return {
    /** Every feature of the layer (within bbox, EPSG:4326, when given), ordered by id. */
    async rows(layer: LayerId, crs: LayerExportCrs, bbox?: [number, number, number, number]): Promise<ExportRow[]> {
      const params = [...(bbox ?? [null, null, null, null]), Number(crs), decimalsOf(crs)];
      const { rows } = await pool.query<Omit<ExportRow, 'properties'> & { properties: string }>(sql[layer], params);
      return rows.map((r) => ({ ...r, properties: JSON.parse(r.properties) as Record<string, unknown> }));
    },
  };
}
