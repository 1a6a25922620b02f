import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('server configuration', () => {
  it('defaults to the embedded database with demo data on port 8080 and no online basemap', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, databaseUrl: undefined, demoData: true, basemapStyleUrl: null });
  });
  it('does not load demo data into a server database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DEMO_DATA: 'true' }).demoData).toBe(true);
  });
  it('takes an online basemap style from BASEMAP_STYLE_URL', () => {
    expect(loadConfig({ BASEMAP_STYLE_URL: 'https://tiles.openfreemap.org/styles/liberty' }).basemapStyleUrl)
      .toBe('https://tiles.openfreemap.org/styles/liberty');
  });
  it('refuses bad settings with a readable message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/Invalid configuration: PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});
