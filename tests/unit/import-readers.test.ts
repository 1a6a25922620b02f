/**
 * File readers of the import: each fixture (written by GDAL's ogr2ogr, scripts/make-import-fixtures.ts) is sniffed,
 * read with its columns, declared CRS, features and refs; broken files give the user a clear error; a large
 * GeoJSON is streamed, not loaded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSource, sniffFormat, UnreadableFileError } from '../../server/features/imports/readers/index.ts';
import type { OpenedSource, SourceFeature } from '../../server/features/imports/readers/index.ts';
import { extractZip } from '../../server/features/imports/readers/zip.ts';
import { findGeometryColumns, xyPoint } from '../../server/features/imports/readers/csv.ts';
import { decodeDxf, parseParcelLabel } from '../../server/features/imports/readers/dxf.ts';
import { encodingOfCpg } from '../../server/features/imports/readers/shapefile.ts';
import { gpkgBlobToGeoJson } from '../../server/features/imports/readers/gpkg.ts';

const FIX = path.resolve('tests/fixtures/import');
const work: string[] = [];
const workDir = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'import-test-')); work.push(d); return d; };
afterAll(() => { for (const d of work) fs.rmSync(d, { recursive: true, force: true }); });

async function readAll(file: string, name = path.basename(file)): Promise<{ src: OpenedSource; features: SourceFeature[] }> {
  const src = await openSource(file, name, workDir());
  const features: SourceFeature[] = [];
  for await (const f of src.features()) features.push(f);
  await src.close();
  return { src, features };
}

async function failure(file: string, name = path.basename(file)): Promise<UnreadableFileError> {
  try {
    await readAll(file, name);
  } catch (e) {
    if (e instanceof UnreadableFileError) return e;
    throw e;
  }
  throw new Error(`${name} was read without error`);
}

/** A deflated zip of named buffers (names are written as given, '../' included). */
function zip(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = []; const centrals: Buffer[] = []; let offset = 0;
  for (const [name, raw] of Object.entries(files)) {
    const data = zlib.deflateRawSync(raw); const n = Buffer.from(name);
    const c = Buffer.alloc(26);
    c.writeUInt16LE(20, 0); c.writeUInt16LE(8, 4); c.writeUInt32LE(zlib.crc32(raw), 10);
    c.writeUInt32LE(data.length, 14); c.writeUInt32LE(raw.length, 18); c.writeUInt16LE(n.length, 22);
    const local = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), c, n, data]);
    const central = Buffer.alloc(46); central.writeUInt32LE(0x02014b50, 0); c.copy(central, 6); central.writeUInt32LE(offset, 42);
    locals.push(local); centrals.push(Buffer.concat([central, n])); offset += local.length;
  }
  const cd = Buffer.concat(centrals); const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(centrals.length, 8); end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CASES = [
  { file: 'parcels-9209.geojson', format: 'geojson', epsg: 9209, wkt: null, parcelNo: 'so_thua', ref: '1',
    fields: ['so_to', 'so_thua', 'loai_dat', 'dien_tich', 'ma_dvhc'] },
  { file: 'parcels-4326.geojson', format: 'geojson', epsg: null, wkt: null, parcelNo: 'so_thua', ref: '1',
    fields: ['so_to', 'so_thua', 'loai_dat', 'dien_tich', 'ma_dvhc'] },
  { file: 'parcels-9209-esri.zip', format: 'shp', epsg: null, wkt: /D_Vietnam_2000/, parcelNo: 'SHTHUA', ref: '1',
    fields: ['SHBANDO', 'SHTHUA', 'LOAIDAT', 'DIENTICH', 'MADVHC'] },
  { file: 'parcels-106.zip', format: 'shp', epsg: null, wkt: /Central_Meridian",106/, parcelNo: 'SHTHUA', ref: '1',
    fields: ['SHBANDO', 'SHTHUA', 'LOAIDAT', 'DIENTICH', 'MADVHC'] },
  { file: 'parcels-9210.gpkg', format: 'gpkg', epsg: 9210, wkt: /TM-3 105-45/, parcelNo: 'so_thua', ref: 'fid 1',
    fields: ['so_to', 'so_thua', 'ma_loai_dat', 'dien_tich'] },
  { file: 'parcels-9209.csv', format: 'csv', epsg: null, wkt: null, parcelNo: 'Số thửa', ref: 'dòng 2',
    fields: ['Số tờ', 'Số thửa', 'Loại đất', 'Diện tích'] },
  { file: 'parcels-9209.dxf', format: 'dxf', epsg: null, wkt: null, parcelNo: 'SoThua', ref: 'handle 20000',
    fields: ['Layer', 'Text', 'SoThua', 'LoaiDat', 'DienTich'] },
] as const;

describe('fixtures written by ogr2ogr', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.format}, its columns, CRS and six parcels`, async () => {
      const { src, features } = await readAll(path.join(FIX, c.file));
      expect(src.format).toBe(c.format);
      expect(src.fields).toEqual(c.fields);
      expect(src.crs.epsg).toBe(c.epsg);
      if (c.wkt) expect(src.crs.wkt).toMatch(c.wkt); else expect(src.crs.wkt).toBeNull();
      expect(features.map((f) => Number(f.properties[c.parcelNo]))).toEqual([1, 2, 3, 4, 5, 6]);
      expect(features[0].ref).toBe(c.ref);
      expect(new Set(features.map((f) => f.ref)).size).toBe(6);
      expect(features.every((f) => f.geometry?.type === 'Polygon')).toBe(true);
      // parcel 3 has a hole in every format
      expect((features[2].geometry as GeoJSON.Polygon).coordinates).toHaveLength(2);
      expect(src.progress().done).toBe(src.progress().total);
    });
  }

  it('keeps Vietnamese text and the former unit', async () => {
    const { features } = await readAll(path.join(FIX, 'parcels-9209-esri.zip'));
    expect(features[0].properties).toMatchObject({ SHBANDO: 901, SHTHUA: 1, LOAIDAT: 'ONT', MADVHC: 'an-phu' });
    const csv = await readAll(path.join(FIX, 'parcels-9209.csv'));
    expect(csv.features[1].properties).toMatchObject({ 'Số tờ': '901', 'Loại đất': 'LUC' });
  });

  it('DXF: MTEXT labels give số thửa, loại đất and diện tích; the raw text is kept', async () => {
    const { features } = await readAll(path.join(FIX, 'parcels-9209.dxf'));
    expect(features[2].properties).toMatchObject({ Layer: 'THUA_DAT', SoThua: 3, LoaiDat: 'CLN', DienTich: 475, Text: '3\\PCLN\\P475.0' });
  });
});

/** A minimal DXF: LWPOLYLINEs as [handle, closed flag (group 70), vertices], TEXTs as [text, x, y]. */
function dxfText(polys: [string, number, [number, number][]][], texts: [string, number, number][]): string {
  const g: (string | number)[] = [0, 'SECTION', 2, 'ENTITIES'];
  for (const [handle, flag, pts] of polys) {
    g.push(0, 'LWPOLYLINE', 5, handle, 8, 'RANH_THUA', 90, pts.length, 70, flag);
    for (const [x, y] of pts) g.push(10, x, 20, y);
  }
  texts.forEach(([t, x, y], i) => g.push(0, 'TEXT', 5, `T${i}`, 8, 'SO_THUA', 10, x, 20, y, 40, 1, 1, t));
  g.push(0, 'ENDSEC', 0, 'EOF');
  return g.join('\n') + '\n';
}

describe('DXF geometry', () => {
  it('closed flag, holes to their container, a labelled enclave is a parcel too, open lines skipped', async () => {
    const file = path.join(workDir(), 'to-12.dxf');
    const square = (x: number, y: number, s: number): [number, number][] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s]];
    fs.writeFileSync(file, dxfText([
      ['A1', 1, square(0, 0, 100)],       // big parcel
      ['A2', 1, square(10, 10, 20)],      // enclave with its own label → parcel and hole of A1
      ['A3', 1, square(60, 60, 10)],      // unlabelled ring inside A1 → only a hole (a pond)
      ['A4', 0, square(200, 0, 10)],      // open polyline: not a parcel
    ], [['12 ONT 9400', 50, 50], ['13 LUC 400', 15, 15]]));
    const { features } = await readAll(file);
    expect(features.map((f) => f.ref)).toEqual(['handle A1', 'handle A2']);
    expect((features[0].geometry as GeoJSON.Polygon).coordinates).toHaveLength(3);
    expect(features[0].properties).toMatchObject({ SoThua: 12, LoaiDat: 'ONT', DienTich: 9400, Layer: 'RANH_THUA' });
    expect(features[1].properties).toMatchObject({ SoThua: 13, LoaiDat: 'LUC' });
  });
});

describe('GeoJSON shapes', () => {
  it('a single Feature, a bare geometry, a zipped GeoJSON', async () => {
    const dir = workDir();
    const feature = path.join(dir, 'one.json');
    fs.writeFileSync(feature, JSON.stringify({ type: 'Feature', properties: { so_thua: 7 }, geometry: { type: 'Point', coordinates: [106.5, 21] } }));
    const one = await readAll(feature);
    expect(one.features).toEqual([{ ref: '1', geometry: { type: 'Point', coordinates: [106.5, 21] }, properties: { so_thua: 7 } }]);
    expect(one.src.fields).toEqual(['so_thua']);
    const bare = path.join(dir, 'bare.geojson');
    fs.writeFileSync(bare, JSON.stringify({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }));
    expect((await readAll(bare)).features[0].geometry?.type).toBe('Polygon');
    const zipped = path.join(dir, 'thua.zip');
    fs.writeFileSync(zipped, zip({ 'xuat/thua.geojson': fs.readFileSync(path.join(FIX, 'parcels-9209.geojson')) }));
    const z = await readAll(zipped);
    expect(z.src.format).toBe('geojson');
    expect(z.src.crs.epsg).toBe(9209);
    expect(z.features).toHaveLength(6);
  });

  it('a crs member written after features is not seen (documented limit of streaming)', async () => {
    const file = path.join(workDir(), 'late-crs.geojson');
    fs.writeFileSync(file, '{"type":"FeatureCollection","features":[],"crs":{"type":"name","properties":{"name":"EPSG:9209"}}}');
    expect((await readAll(file)).src.crs.epsg).toBeNull();
  });
});

describe('GeoPackage layers', () => {
  it('of several features tables, reads the first polygon one, with its EPSG code', async () => {
    const file = path.join(workDir(), 'hai-lop.gpkg');
    const db = new Database(file);
    db.exec(`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT, description TEXT);
      CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, srs_id INTEGER);
      CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
      INSERT INTO gpkg_spatial_ref_sys VALUES ('VN-2000 / TM-3 105-30', 9209, 'epsg', 9209, 'undefined', NULL);
      INSERT INTO gpkg_contents VALUES ('diem_moc', 'features', 'diem_moc', 9209), ('thua dat', 'features', 'thua dat', 9209);
      INSERT INTO gpkg_geometry_columns VALUES ('diem_moc', 'geom', 'POINT', 9209, 0, 0), ('thua dat', 'hinh', 'MULTIPOLYGON', 9209, 0, 0);
      CREATE TABLE diem_moc (fid INTEGER PRIMARY KEY, geom BLOB, ten TEXT);
      CREATE TABLE "thua dat" (id INTEGER PRIMARY KEY, hinh BLOB, so_thua INTEGER);`);
    const ring = [[0, 0], [20, 0], [20, 25], [0, 25], [0, 0]];
    const wkb = Buffer.alloc(1 + 4 + 4 + 1 + 4 + 4 + 4 + ring.length * 16);
    let at = 0;
    const u8 = (v: number) => { wkb.writeUInt8(v, at); at += 1; };
    const u32 = (v: number) => { wkb.writeUInt32LE(v, at); at += 4; };
    u8(1); u32(6); u32(1); u8(1); u32(3); u32(1); u32(ring.length);
    for (const [x, y] of ring) { wkb.writeDoubleLE(602281.34 + x, at); wkb.writeDoubleLE(2323159.27 + y, at + 8); at += 16; }
    const header = Buffer.from([0x47, 0x50, 0, 0b0000_0001, 0x09, 0x24, 0, 0]);
    db.prepare('INSERT INTO "thua dat" VALUES (?, ?, ?)').run(41, Buffer.concat([header, wkb]), 12);
    db.prepare('INSERT INTO "thua dat" VALUES (?, ?, ?)').run(42, null, 13);
    db.close();
    const { src, features } = await readAll(file);
    expect(src.fields).toEqual(['so_thua']);
    expect(src.crs).toEqual({ wkt: null, epsg: 9209 });
    expect(features.map((f) => f.ref)).toEqual(['fid 41', 'fid 42']);
    expect((features[0].geometry as GeoJSON.MultiPolygon).coordinates[0][0][2]).toEqual([602301.34, 2323184.27]);
    expect(features[1].geometry).toBeNull();
    expect(src.progress()).toEqual({ done: 2, total: 2 });
  });
});

describe('DXF text', () => {
  it('decodes pre-2007 files in their code page', () => {
    const header = '0\nSECTION\n2\nHEADER\n9\n$DWGCODEPAGE\n3\nANSI_1258\n0\nENDSEC\n';
    const bytes = Buffer.concat([Buffer.from(header, 'latin1'), Buffer.from([0x54, 0x68, 0xf5, 0x61])]); // 'Thơa' in 1258
    expect(decodeDxf(bytes)).toContain('Thơa');
    expect(decodeDxf(Buffer.from('Thửa'))).toBe('Thửa');
  });
});

describe('format sniffing', () => {
  it('trusts the bytes over the name', () => {
    expect(sniffFormat(Buffer.from('PK\x03\x04rest', 'latin1'), 'x.geojson')).toBe('zip');
    expect(sniffFormat(Buffer.from('SQLite format 3\0....', 'latin1'), 'x.zip')).toBe('gpkg');
    expect(sniffFormat(Buffer.from('\uFEFF  {"type":"FeatureCollection"'), 'x.txt')).toBe('geojson');
    expect(sniffFormat(Buffer.from('  0\r\nSECTION\r\n  2\r\nHEADER'), 'x.txt')).toBe('dxf');
    expect(sniffFormat(Buffer.from('0\nSECTION\n'), 'ban-ve')).toBe('dxf');
    expect(sniffFormat(Buffer.from('x;y\n1;2\n'), 'toa-do.txt')).toBe('csv');
    expect(sniffFormat(Buffer.from('x;y\n1;2\n'), 'toa-do.pdf')).toBeNull();
  });
});

describe('unreadable files', () => {
  it('a zip without .shp, a truncated GeoJSON, random bytes', async () => {
    expect((await failure(path.join(FIX, 'broken.zip'))).message).toMatch(/thiếu \.shp.*lacks the Shapefile's \.shp/);
    expect((await failure(path.join(FIX, 'broken.geojson'))).code).toBe('import_file_unreadable');
    const bin = await failure(path.join(FIX, 'not-geo.bin'));
    expect(bin.code).toBe('import_format_unsupported');
  });

  it('several Shapefiles in one zip are named', async () => {
    const dir = workDir();
    const file = path.join(dir, 'two.zip');
    fs.writeFileSync(file, zip({ 'a/thua_a.shp': Buffer.alloc(100), 'a/thua_a.dbf': Buffer.alloc(33), 'b/thua_b.shp': Buffer.alloc(100) }));
    expect((await failure(file)).message).toMatch(/thua_a\.shp, thua_b\.shp/);
  });

  it('a zip member named ../x is written inside the work folder or refused, never outside', async () => {
    const dir = workDir();
    const file = path.join(dir, 'slip.zip');
    fs.writeFileSync(file, zip({ '../../escaped.geojson': Buffer.from('{"type":"FeatureCollection","features":[]}') }));
    const into = path.join(dir, 'deep', 'out');
    const written = await extractZip(file, into).catch(() => []);
    for (const w of written) expect(path.dirname(w)).toBe(into);
    expect(fs.existsSync(path.join(dir, 'escaped.geojson'))).toBe(false);
  });

  it('a zip expanding beyond the cap is refused (bytes actually inflated are counted)', async () => {
    const dir = workDir();
    const file = path.join(dir, 'bomb.zip');
    fs.writeFileSync(file, zip({ 'big.csv': Buffer.alloc(2_000_000, 0x20) }));
    await expect(extractZip(file, path.join(dir, 'x'), 1_000_000)).rejects.toThrow(/GB|vượt quá/);
    await expect(extractZip(file, path.join(dir, 'y'), 3_000_000)).resolves.toHaveLength(1);
  });
});

describe('CSV columns', () => {
  it('finds WKT or X/Y columns without case or accents', () => {
    expect(findGeometryColumns(['Số thửa', 'Hình học'])).toEqual({ kind: 'wkt', index: 1 });
    expect(findGeometryColumns(['id', 'Kinh độ', 'Vĩ độ'])).toEqual({ kind: 'xy', x: 1, y: 2, projected: false });
    expect(findGeometryColumns(['TOA_DO_X', 'toa_do_y'])).toMatchObject({ kind: 'xy', projected: true });
    expect(findGeometryColumns(['a', 'b'])).toBeNull();
  });

  it('swaps VN-2000 survey X (northing) and Y (easting), reads decimal commas', () => {
    expect(xyPoint('2323159,27', '602281,34', true)).toEqual({ type: 'Point', coordinates: [602281.34, 2323159.27] });
    expect(xyPoint('602281.34', '2323159.27', true)).toEqual({ type: 'Point', coordinates: [602281.34, 2323159.27] });
    expect(xyPoint('106.48', '21.0', false)).toEqual({ type: 'Point', coordinates: [106.48, 21] });
    expect(xyPoint('', '21', false)).toBeNull();
  });

  it('reads a ; delimited file with X/Y survey columns, row numbers as in Excel', async () => {
    const file = path.join(workDir(), 'diem.csv');
    fs.writeFileSync(file, '\uFEFFSố hiệu;X;Y\nM1;2323159,27;602281,34\n\nM2;2323184,27;602301,34\n');
    const { src, features } = await readAll(file);
    expect(src.fields).toEqual(['Số hiệu']);
    expect(features.map((f) => f.ref)).toEqual(['dòng 2', 'dòng 4']);
    expect(features[1].geometry).toEqual({ type: 'Point', coordinates: [602301.34, 2323184.27] });
  });
});

describe('labels, encodings and blobs', () => {
  it('parses cadastral labels', () => {
    expect(parseParcelLabel('345')).toEqual({ SoThua: 345 });
    expect(parseParcelLabel('345\\PODT\\P120.5')).toEqual({ SoThua: 345, LoaiDat: 'ODT', DienTich: 120.5 });
    expect(parseParcelLabel('{\\fArial|b0;345 ODT 120,5}')).toEqual({ SoThua: 345, LoaiDat: 'ODT', DienTich: 120.5 });
    expect(parseParcelLabel('Nhà văn hóa')).toEqual({});
  });

  it('maps .cpg contents to decoders', () => {
    expect(encodingOfCpg(null)).toBe('utf-8');
    expect(encodingOfCpg('UTF-8\r\n')).toBe('utf-8');
    expect(encodingOfCpg('1258')).toBe('windows-1258');
    expect(encodingOfCpg('ANSI 1258')).toBe('windows-1258');
  });

  it('reads a GeoPackage blob with an xy envelope, big-endian WKB', () => {
    const wkb = Buffer.alloc(21); wkb.writeUInt8(0, 0); wkb.writeUInt32BE(1, 1); wkb.writeDoubleBE(602281.34, 5); wkb.writeDoubleBE(2323159.27, 13);
    const header = Buffer.alloc(8 + 32); header.write('GP', 0, 'latin1'); header.writeUInt8(0b0000_0011, 3);
    expect(gpkgBlobToGeoJson(Buffer.concat([header, wkb]))).toEqual({ type: 'Point', coordinates: [602281.34, 2323159.27] });
    header.writeUInt8(0b0001_0001, 3); // empty flag
    expect(gpkgBlobToGeoJson(header.subarray(0, 8))).toBeNull();
  });
});

describe('streaming', () => {
  it('reads 100 000 features with heap growth well under the file size', async () => {
    const file = path.join(workDir(), 'big.geojson');
    const out = fs.openSync(file, 'w');
    fs.writeSync(out, '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:9209"}},"features":[\n');
    for (let i = 0; i < 100_000; i++) {
      const [e, n] = [600000 + (i % 300) * 25, 2320000 + Math.floor(i / 300) * 30];
      const ring = [[e, n], [e + 20, n], [e + 20, n + 25], [e, n + 25], [e, n]];
      fs.writeSync(out, `${i ? ',' : ''}{"type":"Feature","properties":{"so_to":${1 + Math.floor(i / 1000)},"so_thua":${i + 1},"loai_dat":"ONT"},"geometry":{"type":"Polygon","coordinates":[${JSON.stringify(ring)}]}}\n`);
    }
    fs.writeSync(out, ']}\n');
    fs.closeSync(out);
    const size = fs.statSync(file).size;
    // a collection before each reading, so the figure is what the reader keeps, not garbage not yet collected
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    const src = await openSource(file, 'big.geojson', workDir());
    expect(src.crs.epsg).toBe(9209);
    let count = 0;
    let peak = 0;
    for await (const f of src.features()) {
      count++;
      if (count % 10_000 === 0) { gc(); peak = Math.max(peak, process.memoryUsage().heapUsed - before); }
      expect(f.geometry).not.toBeNull();
    }
    await src.close();
    expect(count).toBe(100_000);
    expect(src.progress().done).toBe(size);
    expect(peak).toBeLessThan(size / 2);
  }, 120_000);
});
