/**
 * Streamed text exports: GeoJSON and CSV are written page by page (keyset pages from the repo) to the response,
 * so a province's cadastre never sits whole in memory. Node's stream backpressure paces the database reads; a
 * failure after the first byte destroys the socket, so the client sees a broken download (no terminating chunk),
 * never a short file that looks complete.
 */
import { Readable, pipeline } from 'node:stream';
import type { Response } from 'express';
import type { LayerExportCrs, LayerId } from '../../api/contract.ts';
import { csvHeader, csvLine, GEOJSON_TAIL, geoJsonFeature, geoJsonHead } from './export.files.ts';
import { propertyKeys } from './export.columns.ts';
import type { ExportRow } from './export.repo.ts';

type Pages = AsyncIterable<ExportRow[]>;

/** A FeatureCollection as text chunks: the head, one chunk per page of features, the tail. */
export async function* geoJsonChunks(layer: LayerId, crs: LayerExportCrs, pages: Pages): AsyncGenerator<string> {
  yield geoJsonHead(layer, crs);
  let first = true;
  for await (const rows of pages) {
    yield `${first ? '' : ',\n'}${rows.map(geoJsonFeature).join(',\n')}`;
    first = false;
  }
  yield GEOJSON_TAIL;
}

/** A CSV as text chunks; the columns are the first page's property keys (every feature of a layer has the same). */
export async function* csvChunks(crs: LayerExportCrs, pages: Pages): AsyncGenerator<string> {
  let keys: string[] | null = null;
  for await (const rows of pages) {
    if (keys === null) {
      keys = propertyKeys(rows);
      yield csvHeader(keys, crs);
    }
    const k = keys;
    yield rows.map((r) => csvLine(k, r)).join('');
  }
  if (keys === null) yield csvHeader([], crs);
}

/**
 * The pages with the first one already read, so a failing query still rejects here, before the route sends a
 * byte, and the one error handler answers it in the usual JSON shape.
 */
export async function primed(pages: AsyncIterator<ExportRow[]>): Promise<Pages> {
  const first = await pages.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    for (let r = await pages.next(); !r.done; r = await pages.next()) yield r.value;
  })();
}

/**
 * Pipe chunks to res (headers set by the caller), with backpressure. An error mid-stream destroys the socket —
 * the client sees an aborted download (no terminating chunk), never a short file that looks complete — and is
 * reported to onError (the log).
 */
export function streamTo(res: Response, chunks: AsyncIterable<string>, onError: (err: Error) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    // Readable.from pulls the next page only when res drained (a unit test holds a stalled client to ≤ 3 pages)
    pipeline(Readable.from(chunks), res, (err) => {
      if (err) {
        res.destroy(err);
        // a client that went away is not a server failure
        if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') onError(err);
      }
      resolve();
    });
  });
}
