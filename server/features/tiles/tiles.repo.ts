/**
 * Vector tiles, one code path for both databases: PostGIS encodes the tile with ST_AsMVT where it can (a server
 * with protobuf-c); the embedded PGlite PostGIS cannot, so there PostGIS clips the geometries to the tile and
 * Node encodes them (@maplibre/geojson-vt → @maplibre/vt-pbf). Which one is decided once, by a probe.
 * The features and their properties come from the same sources as the OGC collections (layers/sql/sources).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type pg from 'pg';
import { MVT_BUFFER, MVT_EXTENT, TileLayerId, type TileParams } from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';
import { queryOne } from '../../db/query.ts';
import { layerSources, spliceSource } from '../layers/layer-sources.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const wrappers = loadSqlDir(path.join(here, 'sql'), ['mvt', 'clip', 'probe-mvt'] as const);
const sql = Object.fromEntries(TileLayerId.options.map((id) => [id, {
  mvt: spliceSource(wrappers.mvt, layerSources[id]),
  clip: spliceSource(wrappers.clip, layerSources[id]),
}])) as Record<TileLayerId, { mvt: string; clip: string }>;

/** Who encodes the tiles: PostGIS (ST_AsMVT) or Node (geojson-vt + vt-pbf on PostGIS-clipped geometry). */
export type TileEncoder = 'postgis' | 'node';

/** Buffer around the tile as a fraction of its side (ST_TileEnvelope's margin). */
const MARGIN = MVT_BUFFER / MVT_EXTENT;

/** Encode clipped EPSG:4326 features as one MVT 2.1 layer (tile coordinates, extent 4096, buffer 256). */
export function encodeTile(layer: string, t: { z: number; x: number; y: number }, features: Feature<Geometry>[]): Uint8Array {
  if (features.length === 0) return new Uint8Array(0);
  const fc: FeatureCollection<Geometry> = { type: 'FeatureCollection', features };
  // tolerance 1 tile unit (¼ px on a 512 px tile): drops only points that ST_AsMVTGeom's integer grid would merge
  const tile = geoJSONToTile(fc, t.z, t.x, t.y, { extent: MVT_EXTENT, buffer: MVT_BUFFER, tolerance: 1, clip: true, maxZoom: t.z });
  if (!tile || tile.features.length === 0) return new Uint8Array(0);
  return fromGeojsonVt({ [layer]: tile }, { version: 2, extent: MVT_EXTENT });
}

/** Queries behind /tiles. options.encoder forces an encoder (tests compare both on a PostGIS server). */
export function tilesRepo(pool: pg.Pool, options: { encoder?: TileEncoder } = {}) {
  let probed: Promise<TileEncoder> | undefined = options.encoder ? Promise.resolve(options.encoder) : undefined;
  const encoder = () => (probed ??= pool.query(wrappers['probe-mvt']).then(() => 'postgis' as const, () => 'node' as const));

  return {
    /** The encoder in use (probed on first call). */
    encoder,
    /** One tile of layer as MVT bytes (empty when no feature touches the tile). */
    async tile({ layer, z, x, y }: TileParams): Promise<Uint8Array> {
      if ((await encoder()) === 'postgis') {
        const row = await queryOne<{ mvt: Buffer }>(pool, sql[layer].mvt, [z, x, y, MARGIN, layer, MVT_EXTENT, MVT_BUFFER]);
        return new Uint8Array(row.mvt.buffer, row.mvt.byteOffset, row.mvt.byteLength);
      }
      const { rows } = await pool.query<{ id: number; properties: Record<string, unknown>; geometry: Geometry }>(sql[layer].clip, [z, x, y, MARGIN]);
      const features: Feature<Geometry>[] = rows.map((r) => ({ type: 'Feature', id: r.id, properties: r.properties, geometry: r.geometry }));
      return encodeTile(layer, { z, x, y }, features);
    },
  };
}
export type TilesRepo = ReturnType<typeof tilesRepo>;
