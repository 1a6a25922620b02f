/**
 * Extracts the members of an uploaded zip that an import can use into the job's private work folder, one entry at
 * a time through yauzl's streams (the zip is never in memory whole). Members are written under their base name
 * only, so a crafted path ('../../etc/x', '/abs') cannot leave the folder (zip-slip); the uncompressed total is
 * capped (zip bombs), counting the bytes actually inflated, not the sizes the zip claims.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl from 'yauzl';
import { UnreadableFileError } from './types.ts';

/** Largest uncompressed total extracted from one zip (bytes). */
export const ZIP_MAX_EXTRACTED_BYTES = 4 * 1024 ** 3;

/** Extensions worth extracting: Shapefile parts and the single-file formats. */
const USEFUL = new Set(['.shp', '.shx', '.dbf', '.prj', '.cpg', '.geojson', '.json', '.gpkg', '.csv', '.dxf']);

/** Extracts the useful members of `zipPath` into `dir`; returns their paths (base names, lower-case extension). */
export async function extractZip(zipPath: string, dir: string, maxBytes = ZIP_MAX_EXTRACTED_BYTES): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const zip = await openZip(zipPath);
  const written: string[] = [];
  let claimed = 0; // sizes the central directory states
  const actual = { bytes: 0 }; // bytes really inflated so far
  try {
    for await (const entry of entries(zip)) {
      const base = path.basename(entry.fileName.replace(/\\/g, '/'));
      const ext = path.extname(base).toLowerCase();
      if (entry.fileName.endsWith('/') || !USEFUL.has(ext) || base.startsWith('._') || entry.fileName.includes('__MACOSX')) continue;
      const target = path.join(dir, base);
      if (path.dirname(path.resolve(target)) !== path.resolve(dir)) continue; // never outside the work folder
      if (written.includes(target)) throw duplicate(base);
      claimed += Number(entry.uncompressedSize);
      if (claimed > maxBytes) throw tooLarge(maxBytes);
      await pipeline(await openEntry(zip, entry), limiter(actual, maxBytes), fs.createWriteStream(target));
      written.push(target);
    }
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError(`Tệp zip bị hỏng hoặc không đọc được. / The zip file is corrupt or unreadable (${(e as Error).message}).`);
  } finally {
    zip.close();
  }
  return written;
}

const duplicate = (base: string) => new UnreadableFileError(
  `Tệp zip có hai tệp cùng tên ${base} (ở hai thư mục). / The zip holds two files named ${base} (in two folders).`);
const tooLarge = (max: number) => new UnreadableFileError(
  `Tệp zip giải nén vượt quá ${Math.round(max / 1024 ** 3)} GB. / The zip expands to more than ${Math.round(max / 1024 ** 3)} GB.`);

/** Passes bytes through, failing once the running total of the whole zip exceeds `max`. */
function limiter(counted: { bytes: number }, max: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      counted.bytes += chunk.length;
      if (counted.bytes > max) done(tooLarge(max));
      else done(null, chunk);
    },
  });
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) reject(new UnreadableFileError(
        `Tệp zip bị hỏng hoặc không đọc được. / The zip file is corrupt or unreadable (${err?.message ?? 'no zip'}).`));
      else resolve(zip);
    });
  });
}

/** The zip's entries one by one (lazyEntries: the next is read only when asked for). */
async function* entries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      const onEntry = (e: yauzl.Entry) => { cleanup(); resolve(e); };
      const onEnd = () => { cleanup(); resolve(null); };
      const onError = (e: Error) => { cleanup(); reject(e); };
      const cleanup = () => { zip.off('entry', onEntry); zip.off('end', onEnd); zip.off('error', onError); };
      zip.on('entry', onEntry); zip.on('end', onEnd); zip.on('error', onError);
      zip.readEntry();
    });
    if (!entry) return;
    yield entry;
  }
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream)));
  });
}
