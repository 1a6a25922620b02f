/**
 * Coordinate systems. The generator works in VN-2000 / TM-3 105°30' (EPSG:9209, metres), in a local frame
 * rotated about the ward centroid so that blocks and parcels are axis-aligned rectangles there.
 * Output is EPSG:4326 rounded to 1e-7° (≈ 1 cm).
 */
import proj4 from 'proj4';
import { EPSG_9209 } from '../../server/api/crs';

export { EPSG_9209 };

const converter = proj4('EPSG:4326', EPSG_9209);

export type XY = [number, number];

/** lon/lat (EPSG:4326) → EPSG:9209 metres. */
export function toVn2000(lonLat: readonly number[]): XY {
  const [x, y] = converter.forward([lonLat[0], lonLat[1]]);
  return [x, y];
}

/** EPSG:9209 metres → lon/lat rounded to 1e-7°. */
export function toLonLat(xy: readonly number[]): XY {
  const [lon, lat] = converter.inverse([xy[0], xy[1]]);
  return [round7(lon), round7(lat)];
}

export function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}

/** Centimetre snapping for local coordinates, so that shared vertices compare equal. */
export function cm(v: number): number {
  return Math.round(v * 100) / 100;
}

/** A rotation + translation between the local frame (u, v) and EPSG:9209 (x, y). Areas are preserved. */
export class LocalFrame {
  private readonly cos: number;
  private readonly sin: number;

  constructor(readonly origin: XY, readonly angleDeg: number) {
    this.cos = Math.cos((angleDeg * Math.PI) / 180);
    this.sin = Math.sin((angleDeg * Math.PI) / 180);
  }

  toXY([u, v]: readonly number[]): XY {
    return [this.origin[0] + u * this.cos - v * this.sin, this.origin[1] + u * this.sin + v * this.cos];
  }

  fromXY([x, y]: readonly number[]): XY {
    const dx = x - this.origin[0];
    const dy = y - this.origin[1];
    return [dx * this.cos + dy * this.sin, -dx * this.sin + dy * this.cos];
  }

  /** Local (u, v) → lon/lat rounded to 1e-7°. */
  toLonLat(uv: readonly number[]): XY {
    return toLonLat(this.toXY(uv));
  }

  /** lon/lat → local (u, v). */
  fromLonLat(lonLat: readonly number[]): XY {
    return this.fromXY(toVn2000(lonLat));
  }
}
