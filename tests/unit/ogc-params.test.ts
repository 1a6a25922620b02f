/** OGC API parameter handling: bbox axis order per bbox-crs, ranges, the items links, the query schema. */
import { describe, expect, it } from 'vitest';
import { CRS84, OGC_LIMIT_MAX, OgcItemsQuery, type OgcCrsUri } from '../../server/api/contract.ts';
import { BboxReason, contentCrs, itemsLinks, outputCrs, resolveBbox } from '../../server/features/ogc/ogc.params.ts';

const EPSG = (n: 4326 | 3857 | 9209 | 9210) => `http://www.opengis.net/def/crs/EPSG/0/${n}` as OgcCrsUri;

describe('resolveBbox', () => {
  it('keeps CRS84 as lon,lat and swaps EPSG:4326 lat,lon to x,y', () => {
    expect(resolveBbox([106.4, 20.9, 106.5, 21.0])).toEqual({ valid: true, value: { bbox: [106.4, 20.9, 106.5, 21.0], srid: 4326 } });
    expect(resolveBbox([20.9, 106.4, 21.0, 106.5], EPSG(4326))).toEqual({ valid: true, value: { bbox: [106.4, 20.9, 106.5, 21.0], srid: 4326 } });
  });
  it('takes projected boxes in metres with their SRID', () => {
    expect(resolveBbox([598000, 2320000, 606000, 2327000], EPSG(9209))).toEqual({ valid: true, value: { bbox: [598000, 2320000, 606000, 2327000], srid: 9209 } });
    expect(resolveBbox([11853000, 2388000, 11856000, 2390000], EPSG(3857))).toMatchObject({ valid: true, value: { srid: 3857 } });
  });
  it('refuses inverted boxes and coordinates out of range, saying why', () => {
    expect(resolveBbox([106.5, 20.9, 106.4, 21.0])).toEqual({ valid: false, reason: BboxReason.order });
    // lon,lat given where EPSG:4326 wants lat,lon: 106 is no latitude
    expect(resolveBbox([106.4, 20.9, 106.5, 21.0], EPSG(4326))).toEqual({ valid: false, reason: BboxReason.range });
    expect(resolveBbox([0, -100, 1, 1], CRS84)).toEqual({ valid: false, reason: BboxReason.range });
    // VN-2000 TM-3 holds the northern hemisphere: no negative northings
    expect(resolveBbox([500000, -10, 500010, 0], EPSG(9210))).toEqual({ valid: false, reason: BboxReason.range });
  });
});

describe('outputCrs and Content-Crs', () => {
  it('flips only EPSG:4326 and writes metres with 3 decimals', () => {
    expect(outputCrs()).toEqual({ uri: CRS84, srid: 4326, latFirst: false, decimals: 7 });
    expect(outputCrs(EPSG(4326)).latFirst).toBe(true);
    expect(outputCrs(EPSG(9210))).toEqual({ uri: EPSG(9210), srid: 9210, latFirst: false, decimals: 3 });
    expect(contentCrs(EPSG(9209))).toBe('<http://www.opengis.net/def/crs/EPSG/0/9209>');
  });
});

describe('OgcItemsQuery', () => {
  it('defaults limit to 100, serves more than the maximum as the maximum, and refuses unknown parameters', () => {
    expect(OgcItemsQuery.parse({}).limit).toBe(100);
    expect(OgcItemsQuery.parse({ limit: '999999' }).limit).toBe(OGC_LIMIT_MAX);
    expect(OgcItemsQuery.safeParse({ limit: '0' }).success).toBe(false);
    expect(OgcItemsQuery.safeParse({ colour: 'red' }).success).toBe(false);
  });
  it('reads 6-number boxes without their heights, and CRS URIs with or without angle brackets', () => {
    expect(OgcItemsQuery.parse({ bbox: '1,2,0,3,4,100' }).bbox).toEqual([1, 2, 3, 4]);
    expect(OgcItemsQuery.parse({ crs: `<${EPSG(9209)}>` }).crs).toBe(EPSG(9209));
    expect(OgcItemsQuery.safeParse({ bbox: '1,2,,4' }).success).toBe(false);
    expect(OgcItemsQuery.safeParse({ crs: 'EPSG:9209' }).success).toBe(false);
  });
});

describe('itemsLinks', () => {
  const links = (offset: number, returned: number, matched: number) =>
    itemsLinks('http://h', '/ogc/collections/x/items', '/ogc/collections/x', { bbox: '1,2,3,4', offset: String(offset) }, { offset, limit: 10, returned, matched });
  const rels = (l: { rel: string }[]) => l.map((x) => x.rel);

  it('has next while features remain and prev after the first page, keeping the other parameters', () => {
    expect(rels(links(0, 10, 25))).toEqual(['self', 'alternate', 'next', 'collection']);
    expect(rels(links(10, 10, 25))).toEqual(['self', 'alternate', 'next', 'prev', 'collection']);
    expect(rels(links(20, 5, 25))).toEqual(['self', 'alternate', 'prev', 'collection']);
    const next = new URL(links(10, 10, 25).find((l) => l.rel === 'next')!.href);
    expect(Object.fromEntries(next.searchParams)).toEqual({ bbox: '1,2,3,4', offset: '20', limit: '10' });
    const prev = new URL(links(10, 10, 25).find((l) => l.rel === 'prev')!.href);
    expect(prev.searchParams.has('offset')).toBe(false);
  });
});
