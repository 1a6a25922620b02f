/**
 * What every file reader gives the import pipeline: the file's attribute columns, the CRS it declares, and its
 * features one at a time (an async iterator, so a 100 000-parcel file never sits in memory whole), with the
 * share of the file read so far for the progress bar. Coordinates are left as they are in the file; the pipeline
 * transforms them (crs.ts) once the CRS is resolved.
 */
import type { Geometry } from 'geojson';
import type { ImportFormat } from '../../../api/contract.ts';

/** The coordinate system a file declares, as found (null fields: not said). */
export interface DeclaredCrs {
  /** OGC / ESRI WKT from a .prj, a GeoPackage SRS definition … */
  wkt: string | null;
  /** an EPSG code given outright (GeoJSON `crs` member, GeoPackage srs_id with organization EPSG …) */
  epsg: number | null;
}

export interface SourceFeature {
  /** where it is in the file, for the user: '12' (feature index from 1), 'row 7', 'fid 31', 'handle 2F' */
  ref: string;
  /** in the file's own coordinates; null when the record has no (readable) geometry */
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}

export interface OpenedSource {
  format: ImportFormat;
  /** attribute column names in file order (CSV: minus the geometry columns) */
  fields: string[];
  crs: DeclaredCrs;
  /** features in file order; may be iterated once */
  features(): AsyncIterable<SourceFeature>;
  /** bytes (or records) processed so far and the total, for the progress bar */
  progress(): { done: number; total: number | null };
  /** release file handles and temporary files; safe to call twice */
  close(): Promise<void>;
}

/** A file that cannot be read: the message is shown to the user (Vietnamese first, then English). */
export class UnreadableFileError extends Error {
  constructor(message: string, readonly code: 'import_file_unreadable' | 'import_format_unsupported' = 'import_file_unreadable') {
    super(message);
    this.name = 'UnreadableFileError';
  }
}
