/** The Node MVT encoder (used on the embedded database) and the tile address checks. */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { TileParams } from '../../server/api/contract.ts';
import { encodeTile } from '../../server/features/tiles/tiles.repo.ts';

// tile z16 x52147 y28863 spans lon 106.4520–106.4575, lat 20.9614–20.9666 (Web Mercator)
const tile = { z: 16, x: 52147, y: 28863 };
const square = (x0: number, y0: number, d: number) =>
  ({ type: 'Polygon' as const, coordinates: [[[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]] });

describe('encodeTile', () => {
  it('writes an MVT 2.1 layer whose features keep id, properties (without nulls) and position', () => {
    const bytes = encodeTile('parcels', tile, [
      { type: 'Feature', id: 4069, properties: { id: 4069, certStatus: 'backlog', legalAreaM2: 152.5, backlogReason: null, demo: true }, geometry: square(106.454, 20.962, 0.0005) },
    ]);
    const layer = new VectorTile(new PbfReader(bytes)).layers.parcels;
    expect([layer.version, layer.extent, layer.length]).toEqual([2, 4096, 1]);
    const f = layer.feature(0);
    expect(f.id).toBe(4069);
    expect(f.properties).toEqual({ id: 4069, certStatus: 'backlog', legalAreaM2: 152.5, demo: true });
    const g = f.toGeoJSON(tile.x, tile.y, tile.z).geometry as { coordinates: number[][][] };
    const ring = g.coordinates[0];
    // one tile unit at z16 ≈ 1.3e-6° of longitude
    for (const [lon, lat] of ring) {
      expect(Math.min(Math.abs(lon - 106.454), Math.abs(lon - 106.4545))).toBeLessThan(3e-6);
      expect(Math.min(Math.abs(lat - 20.962), Math.abs(lat - 20.9625))).toBeLessThan(3e-6);
    }
  });

  it('writes nothing for a tile without features', () => {
    expect(encodeTile('parcels', tile, []).length).toBe(0);
    // a feature wholly outside the tile and its buffer
    expect(encodeTile('parcels', tile, [{ type: 'Feature', id: 1, properties: {}, geometry: square(100, 10, 0.001) }]).length).toBe(0);
  });
});

describe('TileParams', () => {
  it('accepts x, y below 2^z for z up to 22 and a tiled layer', () => {
    expect(TileParams.parse({ layer: 'parcels', z: '16', x: '52147', y: '28863' })).toEqual({ layer: 'parcels', ...tile });
    for (const p of [{ z: '23', x: '0', y: '0' }, { z: '2', x: '4', y: '0' }, { z: '1', x: '-1', y: '0' }, { z: '1', x: '0.5', y: '0' }]) {
      expect(TileParams.safeParse({ layer: 'parcels', ...p }).success, JSON.stringify(p)).toBe(false);
    }
    expect(TileParams.safeParse({ layer: 'ward', z: '1', x: '0', y: '0' }).success).toBe(false);
  });
});
