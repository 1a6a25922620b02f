/**
 * Well-Known Binary → GeoJSON geometry (OGC SFA 1.2 / ISO WKB, also EWKB's Z/M flags), for GeoPackage blobs:
 * betterknown reads only WKT. Z and M ordinates are read and dropped (the cadastre is 2-D).
 */
import type { Geometry, Position } from 'geojson';

const TYPES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'] as const;

class Cursor {
  at = 0;
  little = true;
  constructor(readonly buf: Buffer) {}
  u8() { return this.buf.readUInt8(this.at++); }
  u32() { const v = this.little ? this.buf.readUInt32LE(this.at) : this.buf.readUInt32BE(this.at); this.at += 4; return v; }
  f64() { const v = this.little ? this.buf.readDoubleLE(this.at) : this.buf.readDoubleBE(this.at); this.at += 8; return v; }
}

/** Parses one WKB geometry; null for an empty point (NaN coordinates). Throws on unknown types. */
export function wkbToGeoJson(buf: Buffer): Geometry | null {
  return read(new Cursor(buf));
}

function read(c: Cursor): Geometry | null {
  c.little = c.u8() === 1;
  const raw = c.u32();
  // EWKB flags (0x80000000 Z, 0x40000000 M) or ISO offsets (1000 Z, 2000 M, 3000 ZM)
  let dims = 2 + (raw & 0x80000000 ? 1 : 0) + (raw & 0x40000000 ? 1 : 0);
  const code = raw & 0x0fffffff;
  const iso = Math.floor(code / 1000);
  if (iso === 1 || iso === 2) dims += 1;
  if (iso === 3) dims += 2;
  const type = TYPES[code % 1000];
  if (!type) throw new Error(`WKB geometry type ${code} is not supported`);
  const point = (): Position => {
    const p = [c.f64(), c.f64()];
    for (let i = 2; i < dims; i++) c.f64();
    return p;
  };
  const points = () => Array.from({ length: c.u32() }, point);
  const rings = () => Array.from({ length: c.u32() }, points);
  switch (type) {
    case 'Point': { const p = point(); return Number.isNaN(p[0]) ? null : { type, coordinates: p }; }
    case 'LineString': return { type, coordinates: points() };
    case 'Polygon': return { type, coordinates: rings() };
    default: {
      const parts = Array.from({ length: c.u32() }, () => read(c)).filter((g): g is Geometry => g !== null);
      if (type === 'GeometryCollection') return { type, geometries: parts };
      return { type, coordinates: parts.map((g) => (g as unknown as { coordinates: never }).coordinates) } as Geometry;
    }
  }
}
