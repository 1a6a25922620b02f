/**
 * The map's layers are data: the complete offline style must pass MapLibre's own validation,
 * the legend must list exactly the statuses the parcel fill colours, and vi/en must carry the same keys.
 */
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { ExpressionSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { CertStatus, LayerId } from '../../server/api/contract';
import {
  buildOfflineStyle,
  clickableLayerIds,
  labelledByPoint,
  layerBuilders,
  styleLayerIds,
  tiledLayers,
  tileUrls,
  withProjectLayers,
  type FontFiles,
  type StyleLayerInput,
} from '../../client/map/style';
import { certStatusLegend, layerLegend, palette } from '../../client/map/palette';
import { certStatusColor, parcelLabelMinzoom, parcelLayers } from '../../client/map/layers/parcels.layers';
import { vi } from '../../client/i18n/vi';
import { en } from '../../client/i18n/en';

const fonts: FontFiles = {
  regular: { vietnamese: '/assets/vi-400.woff2', latin: '/assets/latin-400.woff2', latinExt: '/assets/latin-ext-400.woff2' },
  bold: { vietnamese: '/assets/vi-700.woff2', latin: '/assets/latin-700.woff2', latinExt: '/assets/latin-ext-700.woff2' },
};
const allLayers: StyleLayerInput[] = LayerId.options.map((id, i) => ({
  id,
  visible: i % 2 === 0,
  data: `http://localhost:8080/api/layers/${id}`,
  ...(id === 'parcels' ? { tiles: tileUrls(id, 'http://localhost:8080/app/') } : {}),
  attribution: `© source of ${id}`,
}));

function offlineStyle(): StyleSpecification {
  return buildOfflineStyle({ layers: allLayers, fonts, baseUrl: 'http://localhost:8080/' });
}

describe('offline style', () => {
  it('passes MapLibre style validation with every layer set', () => {
    expect(validateStyleMin(offlineStyle())).toEqual([]);
  });

  it('passes validation on top of a basemap style too', () => {
    const base: StyleSpecification = {
      version: 8,
      glyphs: 'https://example.org/fonts/{fontstack}/{range}.pbf',
      sources: { osm: { type: 'raster', tiles: ['https://tile.example.org/{z}/{x}/{y}.png'], tileSize: 256 } },
      layers: [{ id: 'osm', type: 'raster', source: 'osm' }],
    };
    const style = withProjectLayers(base, { layers: allLayers, fonts });
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.layers[0].id).toBe('osm');
  });

  it('has one source per API layer with its attribution: GeoJSON, or the project\'s own vector tiles for parcels; no glyphs', () => {
    const style = offlineStyle();
    const labelSources = labelledByPoint.map((id) => `${id}-labels`);
    expect(Object.keys(style.sources).sort()).toEqual([...LayerId.options, ...labelSources].sort());
    for (const l of allLayers.filter((x) => !tiledLayers[x.id])) {
      expect(style.sources[l.id]).toMatchObject({ type: 'geojson', attribution: l.attribution, data: l.data });
    }
    // the placeholders stay literal (new URL() would percent-encode the braces) and the tiles come from the origin
    expect(style.sources.parcels).toEqual({
      type: 'vector', tiles: ['http://localhost:8080/tiles/parcels/{z}/{x}/{y}.mvt'], minzoom: tiledLayers.parcels!.minzoom,
      maxzoom: 16, attribution: '© source of parcels',
    });
    for (const spec of style.layers.filter((x) => 'source' in x && x.source === 'parcels')) {
      expect((spec as { 'source-layer'?: string })['source-layer']).toBe('parcels');
    }
    for (const s of Object.values(style.sources)) expect(['geojson', 'vector']).toContain(s.type);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('refuses a tiled layer without tile URLs (misuse, not a silent empty map)', () => {
    const noTiles = allLayers.map(({ tiles: _tiles, ...l }) => l);
    expect(() => buildOfflineStyle({ layers: noTiles, fonts })).toThrow(/parcels.*tile URLs/);
  });

  it('declares bundled Noto Sans font faces for every text-font used, Vietnamese ranges included', () => {
    const style = offlineStyle();
    const faces = style['font-faces']!;
    const used = new Set(
      style.layers.flatMap((l) => (l.type === 'symbol' ? ((l.layout?.['text-font'] as string[]) ?? []) : [])),
    );
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) expect(faces[name]).toBeDefined();
    const regular = faces['Noto Sans Regular'] as { url: string; 'unicode-range'?: string[] }[];
    expect(regular[0].url).toBe('http://localhost:8080/assets/vi-400.woff2');
    expect(regular[0]['unicode-range']).toContain('U+1EA0-1EF9'); // ạ … ỹ
  });

  it('sets initial visibility from the layer list and keeps labels above fills', () => {
    const style = offlineStyle();
    for (const l of allLayers) {
      for (const spec of style.layers.filter((s) => 'source' in s && s.source === l.id)) {
        expect(spec.layout?.visibility).toBe(l.visible ? 'visible' : 'none');
      }
    }
    const kinds = style.layers.map((l) => l.type);
    expect(kinds.lastIndexOf('fill')).toBeLessThan(kinds.indexOf('symbol'));
  });

  it('never uses legacy stops functions', () => {
    expect(JSON.stringify(offlineStyle())).not.toContain('"stops"');
  });

  it('labels the boundary layers by name and parcels by số thửa only from zoom 16', () => {
    for (const id of ['ward', 'neighbour-wards', 'former-units', 'residential-groups'] as const) {
      const ids = styleLayerIds(id);
      expect(ids).toContain(`${id}-line`);
      expect(ids).toContain(`${id}-label`);
    }
    const label = parcelLayers('parcels', palette).find((l) => l.type === 'symbol')!;
    expect(label.minzoom).toBe(parcelLabelMinzoom);
    expect(parcelLabelMinzoom).toBeGreaterThanOrEqual(16);
  });

  it('makes every layer clickable and has a builder for every API layer', () => {
    expect(Object.keys(layerBuilders).sort()).toEqual([...LayerId.options].sort());
    const clickable = clickableLayerIds([...LayerId.options]);
    for (const id of LayerId.options) expect(clickable.some((c) => c.startsWith(`${id}-`))).toBe(true);
  });
});

describe('palette and legend', () => {
  it('legend entries and the parcel fill expression cover the same certificate statuses', () => {
    const expr = certStatusColor(palette) as unknown[];
    expect(expr[0]).toBe('match');
    const branches = expr.slice(2, -1);
    const fillStatuses = branches.filter((_, i) => i % 2 === 0);
    const fillColours = Object.fromEntries(fillStatuses.map((s, i) => [s, branches[i * 2 + 1]]));
    const legend = certStatusLegend(palette);
    expect(legend.map((e) => e.certStatus).sort()).toEqual([...fillStatuses].sort());
    expect([...fillStatuses].sort()).toEqual([...CertStatus.options].sort());
    for (const e of legend) expect(fillColours[e.certStatus!]).toBe(e.color);
  });

  it('the parcel fill uses that expression', () => {
    const fill = parcelLayers('parcels', palette).find((l) => l.type === 'fill')!;
    expect((fill.paint as { 'fill-color': ExpressionSpecification })['fill-color']).toEqual(certStatusColor(palette));
  });

  it('every legend label exists in both languages', () => {
    for (const id of LayerId.options) {
      for (const e of layerLegend(id)) {
        expect(vi).toHaveProperty([e.labelKey]);
        expect(en).toHaveProperty([e.labelKey]);
      }
    }
  });
});

describe('i18n', () => {
  it('vi and en have the same keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const v of [...Object.values(vi), ...Object.values(en)]) expect(v.trim()).not.toBe('');
  });

  it('names every certificate status', () => {
    for (const s of CertStatus.options) {
      expect(vi).toHaveProperty([`certStatus.${s}`]);
    }
    expect(vi['certStatus.backlog']).toBe('Chờ cấp GCN lần đầu');
    expect(vi['certStatus.state']).toBe('Đất Nhà nước quản lý');
  });
});

describe('label points', () => {
  it('puts one point inside each polygon, even a concave one', async () => {
    const { labelPoints } = await import('../../client/map/label-points');
    // a U shape: the bbox centre (0.5, 0.5) lies in the notch, outside the polygon
    const u = [[[0, 0], [1, 0], [1, 1], [0.7, 1], [0.7, 0.3], [0.3, 0.3], [0.3, 1], [0, 1], [0, 0]]];
    const out = labelPoints({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 7, properties: { name: 'Tổ dân phố 1' }, geometry: { type: 'Polygon', coordinates: u } }],
    });
    expect(out.features).toHaveLength(1);
    const [x, y] = out.features[0].geometry.coordinates;
    const inNotch = x > 0.3 && x < 0.7 && y > 0.3;
    expect(inNotch).toBe(false);
    expect(x > 0 && x < 1 && y > 0 && y < 1).toBe(true);
    expect(out.features[0].properties).toEqual({ name: 'Tổ dân phố 1' });
  });
});
