/**
 * Streaming GeoJSON reader (stream-json tokens): a FeatureCollection's `features` are assembled one element at a
 * time, so a province's cadastre never sits in memory; everything else of the top-level object (type, name, the
 * legacy `crs` member) is assembled as usual — it is small. Opening reads ahead to the first feature so the
 * declared CRS is known before the pipeline resolves it: a `crs` member written AFTER `features` is not seen.
 * A single Feature or a bare geometry file is read whole (small by nature).
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream';
import type { Geometry } from 'geojson';
import Assembler from 'stream-json/assembler.js';
import { parser } from 'stream-json';
import type { DeclaredCrs, OpenedSource, SourceFeature } from './types.ts';
import { UnreadableFileError } from './types.ts';

type Token = { name: string; value?: unknown };
type Item = { kind: 'features-start'; crs: unknown } | { kind: 'element'; value: unknown } | { kind: 'whole'; value: unknown };

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** EPSG code of a GeoJSON 2008 `crs` name ('urn:ogc:def:crs:EPSG::9209', 'EPSG:9209', CRS84 …); null if unknown. */
export function epsgOfCrsName(name: unknown): number | null {
  if (typeof name !== 'string') return null;
  if (/CRS:?84$/i.test(name)) return 4326;
  const m = /EPSG(?::[\d.]*)?:+(\d+)$/i.exec(name) ?? /\/EPSG\/\d+\/(\d+)$/i.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Token state machine, fed synchronously (an await per token would triple the reading time): signals where
 * `features` starts, emits each element, or the whole value when the file has no `features` array.
 */
class Walker {
  private depth = 0;
  private key: string | null = null;
  private inFeatures = false;
  private sawFeatures = false;
  private element: Assembler | null = null;
  readonly top = new Assembler();
  constructor(private readonly emit: (item: Item) => void) {}

  push(t: Token): void {
    if (this.element || this.inFeatures) {
      if (!this.element && t.name === 'endArray') { this.inFeatures = false; this.depth = 1; return; }
      this.element ??= new Assembler();
      this.element.consume(t as never);
      if (this.element.done) { this.emit({ kind: 'element', value: this.element.current }); this.element = null; }
      return;
    }
    if (this.depth === 1 && t.name === 'keyValue') this.key = String(t.value);
    if (this.depth === 1 && this.key === 'features' && t.name === 'startArray') {
      // the top-level object gets an empty array in its place; the elements are streamed out instead
      this.top.consume(t as never); this.top.consume({ name: 'endArray' } as never);
      this.inFeatures = true; this.sawFeatures = true; this.depth = 2;
      // the crs as known now: one written after `features` is ignored, whatever the file's size (deterministic)
      this.emit({ kind: 'features-start', crs: (this.top.current as { crs?: unknown } | null)?.crs });
      return;
    }
    if (t.name === 'startObject' || t.name === 'startArray') this.depth++;
    if (t.name === 'endObject' || t.name === 'endArray') this.depth--;
    this.top.consume(t as never);
  }

  end(): void {
    if (!this.sawFeatures) this.emit({ kind: 'whole', value: this.top.current });
  }
}

/** Items of a token stream through a small queue: the stream pauses while the consumer lags (backpressure). */
function itemQueue(tokens: NodeJS.ReadableStream, walker: (emit: (i: Item) => void) => Walker) {
  const queue: Item[] = [];
  let ended = false;
  let error: Error | null = null;
  let wake: (() => void) | null = null;
  const w = walker((item) => { queue.push(item); wake?.(); });
  tokens.on('data', (t: Token) => { w.push(t); if (queue.length >= 256) tokens.pause(); });
  tokens.on('end', () => { w.end(); ended = true; wake?.(); });
  tokens.on('error', (e: Error) => { error = e; wake?.(); });
  async function next(): Promise<Item | null> {
    for (;;) {
      if (queue.length) {
        const item = queue.shift()!;
        if (queue.length < 64 && tokens.isPaused()) tokens.resume();
        return item;
      }
      if (error) throw new UnreadableFileError(`Tệp GeoJSON bị lỗi cú pháp hoặc bị cắt cụt. / The GeoJSON file is malformed or truncated (${(error as Error).message}).`);
      if (ended) return null;
      await new Promise<void>((resolve) => { wake = resolve; });
      wake = null;
    }
  }
  return { next, top: w.top };
}

/** Feature (or bare geometry) → SourceFeature; anything else → a feature without geometry, so it gets rejected. */
function toSource(value: unknown, index: number): SourceFeature {
  const ref = String(index);
  const v = (value ?? {}) as Record<string, unknown>;
  if (v.type === 'Feature') {
    const props = v.properties && typeof v.properties === 'object' ? (v.properties as Record<string, unknown>) : {};
    return { ref, geometry: (v.geometry as Geometry | null) ?? null, properties: props };
  }
  if (typeof v.type === 'string' && GEOMETRY_TYPES.has(v.type)) return { ref, geometry: v as unknown as Geometry, properties: {} };
  return { ref, geometry: null, properties: {} };
}

/** Opens a GeoJSON file for streaming; throws UnreadableFileError on broken JSON before the first feature. */
export async function openGeoJson(filePath: string): Promise<OpenedSource> {
  const total = fs.statSync(filePath).size;
  const file = fs.createReadStream(filePath);
  const tokens = parser.asStream({ streamValues: false });
  pipeline(file, tokens, () => { /* errors surface through the token iterator */ });
  const { next, top } = itemQueue(tokens, (emit) => new Walker(emit));
  const first = await next();
  const crsMember = first?.kind === 'features-start' ? first.crs : (top.current as { crs?: unknown } | null)?.crs;
  const crs: DeclaredCrs = { wkt: null, epsg: epsgOfCrsName((crsMember as { properties?: { name?: unknown } })?.properties?.name) };
  const whole = first?.kind === 'whole' ? (first.value as Record<string, unknown>) : null;
  if (whole && whole.type !== 'Feature' && whole.type !== 'FeatureCollection' && !GEOMETRY_TYPES.has(String(whole.type))) {
    throw new UnreadableFileError('Tệp JSON không phải GeoJSON (không có "type" hợp lệ). / The JSON file is not GeoJSON (no valid "type").');
  }
  // peek at the first feature for the column names; later new columns are appended as they appear
  const peeked = first?.kind === 'features-start' ? await next() : first;
  const fields: string[] = [];
  const noteFields = (f: SourceFeature) => { for (const k of Object.keys(f.properties)) if (!fields.includes(k)) fields.push(k); };
  const firstFeature = peeked && peeked.kind !== 'features-start' && !(whole?.type === 'FeatureCollection') ? toSource(peeked.value, 1) : null;
  if (firstFeature) noteFields(firstFeature);
  let iterated = false;
  return {
    format: 'geojson',
    fields,
    crs,
    async *features() {
      if (iterated) throw new Error('features() may be iterated once');
      iterated = true;
      if (!firstFeature) return;
      yield firstFeature;
      let index = 1;
      for (;;) {
        const item = await next();
        if (!item) return;
        if (item.kind !== 'element') continue;
        const f = toSource(item.value, ++index);
        noteFields(f);
        yield f;
      }
    },
    progress: () => ({ done: file.bytesRead, total }),
    close: async () => { file.destroy(); tokens.destroy(); },
  };
}
