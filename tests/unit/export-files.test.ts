/**
 * The export writers without a database: the .prj WKT gives the same transformation as server/api/crs.ts (read
 * by proj4's WKT parser, checked on PROJ's cs2cs points), the dBASE table and the Shapefile read back with shpjs,
 * ring orientation as the Shapefile format wants, and the zip opens.
 */
import fs from 'node:fs';
import type { Polygon } from 'geojson';
import proj4 from 'proj4';
import { parseDbf, parseShp, parseZip } from 'shpjs';
import { describe, expect, it } from 'vitest';
import { PROJ4_DEFS } from '../../server/api/crs.ts';
import { dbfTable } from '../../server/features/export/dbf.ts';
import { prjWkt } from '../../server/features/export/prj.ts';
import { shpShx, toShapefileZip } from '../../server/features/export/shapefile.ts';
import { toCsv } from '../../server/features/export/export.files.ts';
import type { ExportRow } from '../../server/features/export/export.repo.ts';
import { gpkgGeometry } from '../../server/features/export/gpkg.ts';

/** An export row with what a writer under test reads; the rest empty. */
const row = (r: Partial<ExportRow>): ExportRow =>
  ({ id: '1', properties: {}, geometry: '', wkt: '', cx: 0, cy: 0, wkb: Buffer.alloc(0), xmin: 0, ymin: 0, xmax: 0, ymax: 0, ...r });

const fixture = JSON.parse(fs.readFileSync('tests/fixtures/vn2000-proj-points.json', 'utf8')) as {
  points: { name: string; lon: number; lat: number; epsg9209: [number, number]; epsg9210: [number, number] }[];
};

describe('.prj', () => {
  it.each(['9209', '9210'] as const)('EPSG:%s WKT transforms like PROJ (< 0.1 m)', (crs) => {
    const wkt = prjWkt(crs);
    for (const p of fixture.points) {
      const [x, y] = proj4(PROJ4_DEFS['EPSG:4326'], wkt, [p.lon, p.lat]);
      const [ex, ey] = crs === '9209' ? p.epsg9209 : p.epsg9210;
      expect(Math.hypot(x - ex, y - ey), p.name).toBeLessThan(0.1);
    }
  });
});

describe('.dbf', () => {
  it('keeps Vietnamese text (UTF-8), numbers with their decimals, booleans and nulls', () => {
    const props = [
      { id: 7, name: 'Đình Hiệp Hòa', legalAreaM2: 152.5, demo: true, note: null },
      { id: 12, name: 'Chùa Phú Thọ', legalAreaM2: 80, demo: false, note: 'x'.repeat(300) },
    ];
    const rows = parseDbf(dbfTable(props), 'UTF-8');
    expect(rows).toEqual([
      { MA_DT: 7, TEN: 'Đình Hiệp Hòa', DT_PL_M2: 152.5, MINH_HOA: true, GHI_CHU: '' }, // dBASE text has no null: blank,
      { MA_DT: 12, TEN: 'Chùa Phú Thọ', DT_PL_M2: 80, MINH_HOA: false, GHI_CHU: 'x'.repeat(254) },
    ]);
  });
});

describe('.shp', () => {
  it('writes outer rings clockwise and holes anticlockwise, whatever the input order', () => {
    // outer ring anticlockwise (RFC 7946 order), hole clockwise: both must be reversed
    const square: Polygon = { type: 'Polygon', coordinates: [
      [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
      [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]],
    ] };
    const [g] = parseShp(shpShx([square]).shp, false) as Polygon[];
    const area2 = (r: number[][]) => r.reduce((s, p, i) => (i ? s + r[i - 1][0] * p[1] - p[0] * r[i - 1][1] : s), 0);
    expect(g.type).toBe('Polygon');
    expect(area2(g.coordinates[0])).toBeLessThan(0); // shpjs gives the rings as stored: clockwise outer
    expect(g.coordinates[1]).toHaveLength(5);
  });

  it('zips .shp .shx .dbf .prj .cpg readable by shpjs (points)', async () => {
    const rows = [row({ properties: { name: 'Trường THCS' }, geometry: '{"type":"Point","coordinates":[602938.853,2322808.274]}' })];
    const fc = await parseZip(toShapefileZip('schools', '9209', rows));
    const [lon, lat] = (fc.features[0].geometry as { coordinates: number[] }).coordinates;
    // the fixture's ward office point, back to WGS 84 through the .prj: 1e-6° ≈ 0.1 m
    expect(lon).toBeCloseTo(106.492, 6);
    expect(lat).toBeCloseTo(20.9958, 6);
    expect(fc.features[0].properties).toEqual({ TEN: 'Trường THCS' });
  });
});

describe('CSV', () => {
  it('quotes commas and quotes, writes booleans as Có/Không', () => {
    const csv = toCsv('9209', [row({ properties: { name: 'Thôn "A", xóm B', demo: true }, wkt: 'POINT(1 2)', cx: 1, cy: 2 })]);
    expect(csv.split('\r\n')[1]).toBe('"Thôn ""A"", xóm B",Có,1,2,POINT(1 2)');
  });
});

describe('GeoPackage geometry blob', () => {
  it('is "GP", version 0, little-endian with an XY envelope, the srs_id, then the WKB', () => {
    const wkb = Buffer.from('0101000000000000000000f03f0000000000000040', 'hex'); // POINT(1 2), little-endian
    const b = gpkgGeometry(9209, { wkb, xmin: 1, xmax: 1, ymin: 2, ymax: 2 });
    expect(b.subarray(0, 2).toString('ascii')).toBe('GP');
    expect([b[2], b[3]]).toEqual([0, 0b011]);
    expect(b.readInt32LE(4)).toBe(9209);
    expect([0, 1, 2, 3].map((i) => b.readDoubleLE(8 + 8 * i))).toEqual([1, 1, 2, 2]); // minx maxx miny maxy
    expect(b.subarray(40).equals(wkb)).toBe(true);
  });
});
