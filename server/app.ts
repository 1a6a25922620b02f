/**
 * createApp(deps): the Express application, without listening. Routes → repos → db; one error path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import compression from 'compression';
import type pg from 'pg';
import type { DatabaseMode } from './db/pool.ts';
import type { Logger } from './lib/log.ts';
import { errorHandler, notFoundHandler } from './http/errors.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { layersRoutes } from './features/layers/layers.routes.ts';
import { statsRoutes } from './features/stats/stats.routes.ts';
import { statsRepo } from './features/stats/stats.repo.ts';
import { authRepo } from './features/auth/auth.repo.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { adminRoutes } from './features/admin/admin.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { certificatesRoutes } from './features/certificates/certificates.routes.ts';
import { projectsRoutes } from './features/projects/projects.routes.ts';
import { clearanceRoutes } from './features/clearance/clearance.routes.ts';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { ogcRoutes } from './features/ogc/ogc.routes.ts';
import { tilesRoutes } from './features/tiles/tiles.routes.ts';
import { exportRoutes } from './features/export/export.routes.ts';
import { importsRoutes } from './features/imports/imports.routes.ts';
import { allow } from './http/auth.ts';
import { MVT_CONTENT_TYPE } from './api/contract.ts';
import { csrfProtection, DEFAULT_AUTH_SETTINGS, sessionMiddleware, type AuthSettings } from './http/session.ts';

export interface AppDeps {
  pool: pg.Pool;
  mode: DatabaseMode;
  log: Logger;
  /** Folder of the built client (served at /); absent in API-only tests. */
  distDir?: string;
  /** Session lifetimes and sign-in lock-out (defaults: DEFAULT_AUTH_SETTINGS). */
  auth?: AuthSettings;
  /** Online basemap style for the client (null: offline style only). */
  basemapStyleUrl?: string | null;
  /** Folder for uploaded import files while they are previewed (default: the OS temp folder). */
  importDir?: string;
}

/** Build the Express app on the given database pool. */
export function createApp({ pool, mode, log, distDir, auth = DEFAULT_AUTH_SETTINGS, basemapStyleUrl = null,
  importDir = path.join(os.tmpdir(), 'landmap-imports') }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        'child-src': ["'self'", 'blob:'],
        'img-src': ["'self'", 'data:', 'blob:', 'https:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'font-src': ["'self'", 'data:'],
        // an optional online basemap (OpenStreetMap-based style) is fetched over https
        'connect-src': ["'self'", 'https:'],
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
  }));
  // GeoJSON layers are several MB of text: gzip cuts them ~4× on the wire (an office LAN or VPN).
  // …and vector tiles (compression's default filter skips their media type) ≈ 2.4× smaller
  app.use(compression({ filter: (req, res) => compression.filter(req, res) || String(res.getHeader('Content-Type') ?? '').startsWith(MVT_CONTENT_TYPE) }));
  app.use(express.json({ limit: '5mb' }));
  // who is asking (req.user), then CSRF for every state-changing request; each route's allow() does the rest
  // (API only: static files need neither, and should not cost a session lookup each)
  app.use('/api', sessionMiddleware(authRepo(pool), auth));
  app.use('/api', csrfProtection);

  app.use(healthRoutes(pool, mode, () => statsRepo(pool).isDemo()));
  app.use(layersRoutes(pool, basemapStyleUrl));
  app.use(statsRoutes(pool));
  app.use(authRoutes(pool, auth));
  app.use(adminRoutes(pool));
  app.use(auditRoutes(pool));
  app.use(certificatesRoutes(pool));
  app.use(projectsRoutes(pool));
  app.use(clearanceRoutes(pool));
  app.use(dashboardRoutes(pool));
  app.use(ogcRoutes(pool), tilesRoutes(pool)); // OGC API – Features under /ogc, vector tiles under /tiles
  app.use(exportRoutes(pool, log)); // a map layer or a selection as GeoJSON, CSV, XLSX, zipped Shapefile or GeoPackage
  app.use(importsRoutes(pool, log, importDir)); // a land office's file: upload, preview, commit (all or nothing)
  app.use('/api', notFoundHandler);

  if (distDir && fs.existsSync(path.join(distDir, 'index.html'))) {
    app.use(express.static(distDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheHtml }));
    // client-side routes fall back to the app shell
    app.get(/^\/(?!api\/).*/, allow('GET /^\\/(?!api\\/).*/'), (_req, res) => res.sendFile(path.join(distDir, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }));
  }
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}

function noCacheHtml(res: express.Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
