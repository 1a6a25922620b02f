/**
 * GeoPackage 1.3 (OGC 12-128r18) written with better-sqlite3 in memory: gpkg_spatial_ref_sys (the required
 * -1, 0, 4326 rows and VN-2000 9209/9210 with the WKT of ./prj.ts), gpkg_contents, gpkg_geometry_columns and one
 * feature table. Geometry blobs = GeoPackageBinary header ("GP", version 0, flags: little-endian + XY envelope,
 * srs_id, envelope minx maxx miny maxy) + the WKB PostGIS wrote (ST_AsBinary, little-endian).
 */
import Database from 'better-sqlite3';
import type { LayerExportCrs, LayerId } from '../../api/contract.ts';
import type { ExportRow } from './export.repo.ts';
import { propertyKeys } from './export.columns.ts';
import { prjWkt } from './prj.ts';

const SRS = [
  ['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'],
  ['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'],
  ['WGS 84 geodetic', 4326, 'EPSG', 4326, prjWkt('4326'), 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'],
  // organization not EPSG: GDAL/QGIS would take the EPSG database's VN-2000 datum shift instead of the WKT's
  // TOWGS84 (the official parameters, as in migration 0002, whose spatial_ref_sys rows carry no authority either)
  ['VN-2000 / TM-3 105-30', 9209, 'LANDMAP', 9209, prjWkt('9209'), 'VN-2000, TM-3 central meridian 105°30′ (the ward\'s 2010 cadastral maps), metres'],
  ['VN-2000 / TM-3 105-45', 9210, 'LANDMAP', 9210, prjWkt('9210'), 'VN-2000, TM-3 central meridian 105°45′ (Hải Phòng), metres'],
] as const;

/** GeoPackageBinary: 8-byte header + 32-byte XY envelope + WKB. */
export function gpkgGeometry(srid: number, r: Pick<ExportRow, 'wkb' | 'xmin' | 'xmax' | 'ymin' | 'ymax'>): Buffer {
  const h = Buffer.alloc(40);
  h.write('GP', 0, 'ascii');
  h.writeUInt8(0, 2); // version 1 (stored as 0)
  h.writeUInt8(0b0000_0011, 3); // bit 0: little-endian header; bits 1–3 = 1: envelope [minx, maxx, miny, maxy]
  h.writeInt32LE(srid, 4);
  [r.xmin, r.xmax, r.ymin, r.ymax].forEach((v, i) => h.writeDoubleLE(v, 8 + 8 * i));
  return Buffer.concat([h, r.wkb]);
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** SQLite column type of a property from its values (GeoPackage allows BOOLEAN, INTEGER, REAL, TEXT). */
function columnType(values: unknown[]): 'BOOLEAN' | 'INTEGER' | 'REAL' | 'TEXT' {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length && present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
  if (present.length && present.every((v) => Number.isInteger(v))) return 'INTEGER';
  if (present.length && present.every((v) => typeof v === 'number')) return 'REAL';
  return 'TEXT';
}
const sqliteValue = (v: unknown) =>
  v === null || v === undefined ? null : typeof v === 'boolean' ? Number(v) : typeof v === 'object' ? JSON.stringify(v) : v;

/** The geometry type name of gpkg_geometry_columns: the one type of all rows, else GEOMETRY. */
function geometryTypeName(rows: readonly ExportRow[]): string {
  const types = new Set(rows.map((r) => (JSON.parse(r.geometry) as { type: string }).type.toUpperCase()));
  return types.size === 1 ? [...types][0] : 'GEOMETRY';
}

function createTables(db: Database.Database, table: string, columns: string): void {
  db.pragma('application_id = 1196444487'); // "GPKG"
  db.pragma('user_version = 10300'); // GeoPackage 1.3.0
  db.exec(`
    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
      description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
      geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
    CREATE TABLE ${quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom BLOB${columns});`);
  const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
  for (const s of SRS) srs.run(...s);
}

/** The layer as a GeoPackage file (one feature table named after the layer, in the chosen CRS). */
export function toGeoPackage(layer: LayerId, crs: LayerExportCrs, rows: readonly ExportRow[]): Buffer {
  const srid = Number(crs);
  const table = layer.replaceAll('-', '_');
  const keys = propertyKeys(rows);
  const types = keys.map((k) => columnType(rows.map((r) => r.properties[k])));
  const db = new Database(':memory:');
  try {
    createTables(db, table, keys.map((k, i) => `, ${quote(k)} ${types[i]}`).join(''));
    const box = rows.length
      ? [Math.min(...rows.map((r) => r.xmin)), Math.min(...rows.map((r) => r.ymin)), Math.max(...rows.map((r) => r.xmax)), Math.max(...rows.map((r) => r.ymax))]
      : [null, null, null, null];
    db.prepare('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(table, 'features', `tran-lieu ${layer}`, 'Phường Trần Liễu — xuất từ bản đồ đất đai', ...box, srid);
    db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)').run(table, 'geom', geometryTypeName(rows), srid);
    const insert = db.prepare(`INSERT INTO ${quote(table)} (geom${keys.map((k) => `, ${quote(k)}`).join('')}) VALUES (?${', ?'.repeat(keys.length)})`);
    db.transaction(() => {
      for (const r of rows) insert.run(gpkgGeometry(srid, r), ...keys.map((k) => sqliteValue(r.properties[k])));
    })();
    return db.serialize();
  } finally {
    db.close();
  }
}
