/**
 * GET /tiles/{layer}/{z}/{x}/{y}.mvt — Mapbox Vector Tile 2.1 of a dense map layer, public like the map layers.
 * Freshness: every request is answered from the database (Cache-Control: no-cache) with a strong ETag of the tile's
 * bytes, so a browser revalidates each time, gets 304 while the tile is unchanged, and sees an edit (a certificate
 * issued, a status change) on the very next request — no stale tiles, no cache to invalidate.
 */
import { createHash } from 'node:crypto';
import { Router } from 'express';
import type pg from 'pg';
import { ErrorCode, MVT_CONTENT_TYPE, TileParams, TilePath } from '../../api/contract.ts';
import { allow } from '../../http/auth.ts';
import { HttpError } from '../../http/errors.ts';
import { tilesRepo } from './tiles.repo.ts';

/** The /tiles routes. */
export function tilesRoutes(pool: pg.Pool): Router {
  const repo = tilesRepo(pool);
  const r = Router();

  r.get(TilePath.route, allow('GET /tiles/:layer/:z/:x/:y.mvt'), async (req, res) => {
    const t = TileParams.safeParse(req.params);
    if (!t.success) {
      const unknownLayer = t.error.issues.some((i) => i.path[0] === 'layer');
      throw unknownLayer
        ? new HttpError(404, ErrorCode.layerUnknown, `No vector tiles for layer '${req.params.layer}'`)
        : new HttpError(404, ErrorCode.notFound, 'No such tile: z must be 0–22 and x, y below 2^z');
    }
    const bytes = await repo.tile(t.data);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('ETag', `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`);
    // Express answers 304 itself when If-None-Match carries this ETag (req.fresh)
    res.type(MVT_CONTENT_TYPE).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
  return r;
}
