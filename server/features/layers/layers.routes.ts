import { Router } from 'express';
import type pg from 'pg';
import { ApiPath, BboxQuery, ErrorCode, LayerId, type LayerInfo, type LayerList } from '../../api/contract.ts';
import { HttpError } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { LAYERS } from './layers.catalog.ts';
import { layersRepo } from './layers.repo.ts';
import { allow } from '../../http/auth.ts';

/** GET /api/layers (the catalogue) and GET /api/layers/:id?bbox= (a GeoJSON FeatureCollection). */
export function layersRoutes(pool: pg.Pool, basemapStyleUrl: string | null = null): Router {
  const repo = layersRepo(pool);
  const r = Router();

  r.get(ApiPath.layers, allow('GET /api/layers'), async (_req, res) => {
    const summary = await repo.summary();
    const layers: LayerInfo[] = LAYERS.map((l) => ({
      ...l,
      demo: summary.get(l.id)?.demo ?? false,
      featureCount: summary.get(l.id)?.n ?? 0,
    }));
    const body: LayerList = { layers, basemapStyleUrl };
    res.json(body);
  });

  r.get(`${ApiPath.layers}/:id`, allow('GET /api/layers/:id'), async (req, res) => {
    const id = LayerId.safeParse(req.params.id);
    if (!id.success) throw new HttpError(404, ErrorCode.layerUnknown, `Unknown layer '${req.params.id}'`);
    const { bbox } = parse(BboxQuery, req.query, ErrorCode.bboxInvalid);
    const { features, demo } = await repo.features(id.data, bbox);
    // The features arrive as JSON text built by PostGIS; wrap without re-parsing them.
    res.type('application/geo+json').send(
      `{"type":"FeatureCollection","layer":${JSON.stringify(id.data)},"demo":${demo},"features":${features}}`,
    );
  });
  return r;
}
