import { describe, expect, it } from 'vitest';
import { queryOne } from '../../server/db/query.ts';

const fake = (rows: unknown[]) => ({ query: async () => ({ rows }) }) as never;

describe('queryOne', () => {
  it('returns the single row', async () => {
    await expect(queryOne(fake([{ n: 1 }]), 'SELECT 1')).resolves.toEqual({ n: 1 });
  });
  it('fails loudly when an aggregate comes back with no row (a silent embedded-PostGIS failure)', async () => {
    await expect(queryOne(fake([]), 'SELECT count(*) FROM parcel')).rejects.toThrow(/exactly one row, got 0/);
  });
  it('fails when more than one row comes back', async () => {
    await expect(queryOne(fake([{}, {}]), 'SELECT id FROM parcel')).rejects.toThrow(/got 2/);
  });
});
