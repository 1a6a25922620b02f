import { afterAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../server/db/pool.ts';
import { openTestApp } from './harness.ts';

const t = openTestApp();
afterAll(() => t.close());

describe('audit log', () => {
  it('records who changed which field of a parcel, from which value to which', async () => {
    const { rows: [p] } = await t.pool.query('SELECT id, land_use_code, address FROM parcel ORDER BY id LIMIT 1');
    const next = p.land_use_code === 'CLN' ? 'HNK' : 'CLN';
    await withTransaction(t.pool, async (c) => {
      await c.query("SELECT set_config('landmap.actor', 'test:officer-a', true)");
      await c.query('UPDATE parcel SET land_use_code = $2, version = version + 1 WHERE id = $1', [p.id, next]);
    });
    const { rows } = await t.pool.query(
      "SELECT actor, action, before, after FROM audit_log WHERE entity = 'parcel' AND entity_id = $1 ORDER BY id DESC LIMIT 1", [String(p.id)]);
    expect(rows[0].actor).toBe('test:officer-a');
    expect(rows[0].action).toBe('update');
    expect(rows[0].before).toEqual({ land_use_code: p.land_use_code, version: expect.any(Number) });
    expect(rows[0].after).toMatchObject({ land_use_code: next });
    expect(rows[0].after).not.toHaveProperty('address'); // unchanged fields are not repeated
    await t.pool.query('UPDATE parcel SET land_use_code = $2 WHERE id = $1', [p.id, p.land_use_code]); // restore
  });

  it('records the demo load as one entry, not one per row', async () => {
    const { rows } = await t.pool.query("SELECT actor, after FROM audit_log WHERE action = 'load' AND entity = 'demo_dataset'");
    expect(rows).toHaveLength(1);
    expect(rows[0].after.certificates).toBe(5189);
  });

  it('cannot be edited or deleted', async () => {
    await expect(t.pool.query("UPDATE audit_log SET actor = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(t.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
