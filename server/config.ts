/**
 * The server's configuration, read from the environment once, validated, frozen.
 * Nothing else in the server reads process.env.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from './http/session.ts';

export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** Unset: embedded PGlite + PostGIS in DATA_DIR. Set: a PostgreSQL ≥ 15 server with PostGIS ≥ 3.3. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(path.join(rootDir, '.data', 'pglite')),
  /** Uploaded import files while they are previewed (removed on commit or discard, or after a day). */
  IMPORT_DIR: z.string().default(path.join(rootDir, '.data', 'imports')),
  /** Load the demo cadastre into an empty database. Default: yes on the embedded database, no on a server. */
  DEMO_DATA: z.enum(['true', 'false']).optional(),
  DEMO_SEED: z.coerce.number().int().default(20250701),
  /** Pool size on a server (the embedded database serialises connections: always 1 there). */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** An OpenStreetMap-based MapLibre style drawn under the project's layers when the browser reaches it. */
  BASEMAP_STYLE_URL: z.string().url().optional(),
  /** A session ends after this many minutes without a request … */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  /** … and this many hours after sign-in, however active. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
});

export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  importDir: string;
  demoData: boolean;
  demoSeed: number;
  poolMax: number;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  basemapStyleUrl: string | null;
  distDir: string;
  auth: AuthSettings;
}>;

/** Parse an environment (process.env by default) into a frozen Config; throws a readable error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${msg}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    importDir: path.resolve(e.IMPORT_DIR),
    demoData: e.DEMO_DATA ? e.DEMO_DATA === 'true' : !e.DATABASE_URL,
    demoSeed: e.DEMO_SEED,
    poolMax: e.DB_POOL_MAX,
    logLevel: e.LOG_LEVEL,
    basemapStyleUrl: e.BASEMAP_STYLE_URL ?? null,
    distDir: path.join(rootDir, 'dist'),
    auth: Object.freeze({
      ...DEFAULT_AUTH_SETTINGS,
      idleSeconds: e.SESSION_IDLE_MINUTES * 60,
      absoluteSeconds: e.SESSION_MAX_HOURS * 3600,
    }),
  });
}
