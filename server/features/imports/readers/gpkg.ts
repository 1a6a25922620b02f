/**
 * GeoPackage reader (OGC 12-128r18): better-sqlite3, read-only, rows streamed with `.iterate()`. Reads the first
 * features table of gpkg_contents (if several, the first whose geometry type is a polygon type — parcels and
 * project footprints are areas). Geometry blobs are the GeoPackage binary header followed by standard WKB.
 */
import Database from 'better-sqlite3';
import type { Geometry } from 'geojson';
import type { DeclaredCrs, OpenedSource, SourceFeature } from './types.ts';
import { UnreadableFileError } from './types.ts';
import { wkbToGeoJson } from './wkb.ts';

const POLYGON_TYPES = new Set(['POLYGON', 'MULTIPOLYGON', 'CURVEPOLYGON', 'MULTISURFACE', 'SURFACE']);
/** Envelope length (bytes) by the header's envelope indicator: none, xy, xyz, xym, xyzm. */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** GeoPackage binary (magic 'GP', flags, srs_id, envelope) → GeoJSON geometry; null when flagged empty. */
export function gpkgBlobToGeoJson(blob: Buffer): Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry blob');
  const flags = blob[3];
  const empty = (flags >> 4) & 1;
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0b111];
  if (envelope === undefined) throw new Error('invalid GeoPackage envelope indicator');
  if (empty) return null;
  return wkbToGeoJson(blob.subarray(8 + envelope));
}

interface Layer { table: string; column: string; srsId: number; geometryType: string }

/** Double-quoted SQLite identifier: table and column names come from the file itself, never from the request. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function pickLayer(db: Database.Database): Layer {
  const layers = db.prepare(
    `SELECT c.table_name AS "table", g.column_name AS "column", g.srs_id AS "srsId", upper(g.geometry_type_name) AS "geometryType"
       FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
      WHERE c.data_type = 'features' ORDER BY c.rowid`).all() as Layer[];
  if (layers.length === 0) {
    throw new UnreadableFileError('GeoPackage không có lớp đối tượng (features) nào. / The GeoPackage holds no features table.');
  }
  return layers.find((l) => POLYGON_TYPES.has(l.geometryType)) ?? layers[0];
}

function declaredCrs(db: Database.Database, srsId: number): DeclaredCrs {
  const srs = db.prepare('SELECT organization, organization_coordsys_id AS code, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?')
    .get(srsId) as { organization: string; code: number; definition: string } | undefined;
  if (!srs) return { wkt: null, epsg: null };
  const wkt = srs.definition && srs.definition.trim().toLowerCase() !== 'undefined' ? srs.definition.trim() : null;
  const epsg = srs.organization?.toUpperCase() === 'EPSG' && srs.code > 0 ? srs.code : null;
  return { wkt, epsg };
}

/** Opens a GeoPackage read-only; the layer read is the one pickLayer chooses. */
export async function openGpkg(filePath: string): Promise<OpenedSource> {
  let db: Database.Database;
  let layer: Layer;
  try {
    db = new Database(filePath, { readonly: true, fileMustExist: true });
    layer = pickLayer(db);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError(`GeoPackage bị hỏng. / The GeoPackage is corrupt (${(e as Error).message}).`);
  }
  const info = db.prepare(`PRAGMA table_info(${ident(layer.table)})`).all() as { name: string; pk: number; type: string }[];
  const pk = info.find((c) => c.pk === 1 && /INT/i.test(c.type))?.name ?? null;
  const fields = info.map((c) => c.name).filter((n) => n !== layer.column && n !== pk);
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${ident(layer.table)}`).get() as { n: number }).n;
  let done = 0;
  let iterated = false;
  let rows: IterableIterator<Record<string, unknown>> | null = null;
  const select = `SELECT ${pk ? `${ident(pk)} AS "__fid", ` : ''}${[layer.column, ...fields].map(ident).join(', ')} FROM ${ident(layer.table)}`;
  return {
    format: 'gpkg',
    fields,
    crs: declaredCrs(db, layer.srsId),
    async *features(): AsyncGenerator<SourceFeature> {
      if (iterated) throw new Error('features() may be iterated once');
      iterated = true;
      rows = db.prepare(select).iterate() as IterableIterator<Record<string, unknown>>;
      for (const row of rows) {
        done++;
        const ref = pk ? `fid ${row.__fid}` : `dòng ${done}`;
        const properties = Object.fromEntries(fields.map((f) => [f, row[f]]));
        let geometry: Geometry | null = null;
        try {
          geometry = row[layer.column] ? gpkgBlobToGeoJson(row[layer.column] as Buffer) : null;
        } catch {
          geometry = null; // unreadable blob: the pipeline rejects the feature (geometry_missing), the others go on
        }
        yield { ref, geometry, properties };
      }
    },
    progress: () => ({ done, total }),
    // an unfinished iterator keeps the connection busy: end it before closing
    close: async () => { rows?.return?.(); if (db.open) db.close(); },
  };
}

/** True when the file starts with SQLite's magic string. */
export function isSqlite(head: Buffer): boolean {
  return head.subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1'));
}
