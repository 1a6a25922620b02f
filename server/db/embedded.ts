/**
 * The embedded database: PGlite (PostgreSQL in WebAssembly) with PostGIS, served on a loopback port by
 * pglite-socket so that the app reaches it through `pg` exactly as it reaches a real server.
 * PGlite is single-connection: the socket server multiplexes at query level, which would interleave two
 * clients' transactions, so the pool is sized 1 (see pool.ts). The server accepts 2 connections all the same:
 * pg-pool discards a client after any query error and connects a new one at once, while the socket server is
 * still detaching the old one; with a limit of 1 that replacement is refused ("Connection terminated
 * unexpectedly") and the request after every SQL error would fail. Only one is ever in use.
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Socket slots: the one connection in use plus one closing after an error (see above). */
export const EMBEDDED_SOCKET_SLOTS = 2;

export interface EmbeddedDatabase {
  /** postgres://… URL of the loopback socket server. */
  url: string;
  /** True when the data directory was empty before this start (a cold start). */
  fresh: boolean;
  stop(): Promise<void>;
}

/** Open (or create) the PGlite database in dataDir and serve it on 127.0.0.1 on a free port. */
export async function startEmbedded(dataDir: string): Promise<EmbeddedDatabase> {
  const fresh = !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;
  fs.mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir, extensions: { postgis } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: EMBEDDED_SOCKET_SLOTS });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  return {
    url,
    fresh,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
