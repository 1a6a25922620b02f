/**
 * GET /api/export/:layer — a map layer, or a selection of it, as a file download. GeoJSON and CSV are streamed in
 * keyset pages; XLSX, Shapefile and GeoPackage are built in memory (their writers need every row: zip central
 * directory, dBASE record count, SQLite file), which is fine for a ward and a selection, and named in the README.
 */
import { Router, type Response } from 'express';
import type pg from 'pg';
import {
  ErrorCode, isSelection, LayerExportQuery, LayerId, exportFileName, REGISTER_FILTER_KEYS,
  type LayerExportCrs, type LayerExportFormat, type LayerExportSelection,
} from '../../api/contract.ts';
import { allow } from '../../http/auth.ts';
import { HttpError } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import type { Logger } from '../../lib/log.ts';
import { exportRepo, type ExportRow } from './export.repo.ts';
import { toXlsx } from './export.files.ts';
import { csvChunks, geoJsonChunks, primed, streamTo } from './export.stream.ts';
import { toShapefileZip } from './shapefile.ts';
import { toGeoPackage } from './gpkg.ts';

const MEDIA_TYPE: Record<LayerExportFormat, string> = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  shp: 'application/zip',
  gpkg: 'application/geopackage+sqlite3',
};

type InMemoryFormat = Exclude<LayerExportFormat, 'geojson' | 'csv'>;

function render(layer: LayerId, format: InMemoryFormat, crs: LayerExportCrs, rows: ExportRow[]): Promise<Buffer> | Buffer {
  switch (format) {
    case 'xlsx': return toXlsx(layer, crs, rows);
    case 'shp': return toShapefileZip(layer, crs, rows);
    case 'gpkg': return toGeoPackage(layer, crs, rows);
  }
}

/** The parcel-only parts of a selection are refused for other layers (400), an unknown project is a 404. */
async function checkSelection(layer: LayerId, s: LayerExportSelection, repo: ReturnType<typeof exportRepo>): Promise<void> {
  const parcelOnly = [...REGISTER_FILTER_KEYS, 'project' as const].filter((k) => s[k] !== undefined);
  if (layer !== 'parcels' && parcelOnly.length > 0) {
    throw new HttpError(400, ErrorCode.badRequest, `${parcelOnly.join(', ')}: only the parcels layer has this filter`);
  }
  if (s.project !== undefined && !(await repo.projectExists(s.project))) {
    throw new HttpError(404, ErrorCode.notFound, `Project ${s.project} does not exist`);
  }
}

function headers(res: Response, name: string, format: LayerExportFormat): void {
  res.attachment(name).type(MEDIA_TYPE[format]).set('Cache-Control', 'no-store');
}

/**
 * Public like /api/layers: the properties come from the layer sources, which carry no personal data, and the
 * selection parameters (ids, register filter, project, bbox) name no person either.
 */
export function exportRoutes(pool: pg.Pool, log: Logger): Router {
  const repo = exportRepo(pool);
  const r = Router();
  r.get('/api/export/:layer', allow('GET /api/export/:layer'), async (req, res) => {
    const layer = LayerId.safeParse(req.params.layer);
    if (!layer.success) throw new HttpError(404, ErrorCode.layerUnknown, `Unknown layer '${req.params.layer}'`);
    const { format, crs, ...selection } = parse(LayerExportQuery, req.query);
    await checkSelection(layer.data, selection, repo);
    const name = exportFileName(layer.data, format, crs, isSelection(selection));
    if (format === 'geojson' || format === 'csv') {
      const pages = await primed(repo.pages(layer.data, crs, selection));
      headers(res, name, format);
      const chunks = format === 'geojson' ? geoJsonChunks(layer.data, crs, pages) : csvChunks(crs, pages);
      await streamTo(res, chunks, (err) => log.error(`export ${req.originalUrl} failed while streaming`, err.stack));
      return;
    }
    const body = await render(layer.data, format, crs, await repo.rows(layer.data, crs, selection));
    headers(res, name, format);
    res.send(body);
  });
  return r;
}
