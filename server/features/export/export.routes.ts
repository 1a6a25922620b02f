import { Router } from 'express';
import type pg from 'pg';
import { ErrorCode, LayerExportQuery, LayerId, exportFileName, type LayerExportCrs, type LayerExportFormat } from '../../api/contract.ts';
import { allow } from '../../http/auth.ts';
import { HttpError } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { exportRepo, type ExportRow } from './export.repo.ts';
import { toCsv, toGeoJson, toXlsx } from './export.files.ts';
import { toShapefileZip } from './shapefile.ts';
import { toGeoPackage } from './gpkg.ts';

const MEDIA_TYPE: Record<LayerExportFormat, string> = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  shp: 'application/zip',
  gpkg: 'application/geopackage+sqlite3',
};

function render(layer: LayerId, format: LayerExportFormat, crs: LayerExportCrs, rows: ExportRow[]): Promise<string | Buffer> | string | Buffer {
  switch (format) {
    case 'geojson': return toGeoJson(layer, crs, rows);
    case 'csv': return toCsv(crs, rows);
    case 'xlsx': return toXlsx(layer, crs, rows);
    case 'shp': return toShapefileZip(layer, crs, rows);
    case 'gpkg': return toGeoPackage(layer, crs, rows);
  }
}

/**
 * GET /api/export/:layer?format=&crs=&bbox= — a map layer as a file download. Public like /api/layers: the
 * properties come from the OGC sources, which carry no personal data.
 */
export function exportRoutes(pool: pg.Pool): Router {
  const repo = exportRepo(pool);
  const r = Router();
  r.get('/api/export/:layer', allow('GET /api/export/:layer'), async (req, res) => {
    const layer = LayerId.safeParse(req.params.layer);
    if (!layer.success) throw new HttpError(404, ErrorCode.layerUnknown, `Unknown layer '${req.params.layer}'`);
    const q = parse(LayerExportQuery, req.query);
    const rows = await repo.rows(layer.data, q.crs, q.bbox);
    const body = await render(layer.data, q.format, q.crs, rows);
    res.attachment(exportFileName(layer.data, q.format, q.crs)).type(MEDIA_TYPE[q.format])
      .set('Cache-Control', 'no-store').send(body);
  });
  return r;
}
