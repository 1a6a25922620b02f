/**
 * The rows behind a layer export: each feature's properties (the OGC source's, so the same fields as the map and
 * no personal data) and its geometry transformed by PostGIS to the chosen CRS — a whole layer or a selection
 * (ids, the parcel register filter, a project's footprint, a bbox), read in keyset pages so a large layer never
 * sits whole in memory.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { LayerId, type LayerExportCrs, type LayerExportSelection, REGISTER_FILTER_KEYS } from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';
import { queryOne } from '../../db/query.ts';
import { layerSources, spliceSource } from '../layers/layer-sources.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const { features, 'project-exists': projectExists } = loadSqlDir(path.join(here, 'sql'), ['features', 'project-exists'] as const);
const sql = Object.fromEntries(LayerId.options.map((id) => [id, spliceSource(features, layerSources[id])])) as Record<LayerId, string>;

/** Rows per page: 2 000 parcels ≈ 2–4 MB of JSON, small next to a district's cadastre. */
export const EXPORT_PAGE_SIZE = 2000;

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

/** $1..$15 of features.sql: bbox, CRS, decimals, ids, register filter (flag + six arrays), project. */
function selectionParams(crs: LayerExportCrs, s: LayerExportSelection): unknown[] {
  const filtered = REGISTER_FILTER_KEYS.some((k) => s[k] !== undefined);
  const digitised = s.digitised === undefined ? null : s.digitised === 'yes';
  return [
    ...(s.bbox ?? [null, null, null, null]), Number(crs), decimalsOf(crs), s.ids ?? null,
    filtered, s.formerUnit ?? null, s.group ?? null, s.landUse ?? null, s.status ?? null, s.reason ?? null, digitised,
    s.project ?? null,
  ];
}

type RawRow = Omit<ExportRow, 'properties'> & { properties: string };
const toRow = (r: RawRow): ExportRow => ({ ...r, properties: JSON.parse(r.properties) as Record<string, unknown> });

export function exportRepo(pool: pg.Pool) {
  /**
   * The selected features of the layer in pages of EXPORT_PAGE_SIZE, ordered by id. Sequential pooled queries, not
   * one held connection: the embedded database has a single connection, which a slow download must not block.
   */
  async function* pages(layer: LayerId, crs: LayerExportCrs, s: LayerExportSelection, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<ExportRow[]> {
    const base = selectionParams(crs, s);
    // the last id of the previous page, as PostgreSQL returned it; parcels have integer ids, admin units text
    let after: string | null = null;
    for (;;) {
      const { rows }: { rows: RawRow[] } = await pool.query<RawRow>(sql[layer], [...base, after === null, after, pageSize]);
      if (rows.length > 0) yield rows.map(toRow);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].id;
    }
  }
  return {
    pages,
    /** Every selected feature at once (the binary formats, which are built in memory). */
    async rows(layer: LayerId, crs: LayerExportCrs, s: LayerExportSelection = {}): Promise<ExportRow[]> {
      const all: ExportRow[] = [];
      for await (const page of pages(layer, crs, s)) all.push(...page);
      return all;
    },
    /** Whether plan_project id exists. */
    async projectExists(id: number): Promise<boolean> {
      return (await queryOne<{ found: boolean }>(pool, projectExists, [id])).found;
    },
  };
}
