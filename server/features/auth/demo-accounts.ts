/**
 * Demo accounts, one per role, created only with the demo data on the embedded database (see seed.ts) and
 * only into an empty account table. A server deployment never gets them: its first admin comes from
 * `npm run user:add` (scripts/user-add.ts). Listed in README.md ("Tài khoản minh họa / Demo accounts").
 */
import type pg from 'pg';
import type { Role } from '../../api/contract.ts';
import type { Logger } from '../../lib/log.ts';
import { accountsRepo } from '../admin/accounts.repo.ts';

export const DEMO_ACCOUNTS: readonly { username: string; password: string; displayName: string; roles: Role[] }[] = [
  { username: 'lanhdao', password: 'demo-lanhdao', displayName: 'Lãnh đạo (minh họa)', roles: ['lanh_dao'] },
  { username: 'diachinh', password: 'demo-diachinh', displayName: 'Cán bộ địa chính (minh họa)', roles: ['dia_chinh'] },
  { username: 'quyhoach', password: 'demo-quyhoach', displayName: 'Cán bộ quy hoạch (minh họa)', roles: ['quy_hoach'] },
  { username: 'gpmb', password: 'demo-gpmb-2025', displayName: 'Cán bộ GPMB (minh họa)', roles: ['gpmb'] },
  { username: 'admin', password: 'demo-admin', displayName: 'Quản trị (minh họa)', roles: ['admin'] },
];

/** Create the demo accounts in the client's transaction, unless any account exists already. */
export async function seedDemoAccounts(client: pg.PoolClient, log: Logger): Promise<void> {
  const repo = accountsRepo(client);
  if ((await repo.count()) > 0) return;
  await client.query("SELECT set_config('landmap.actor', 'system:seed', true)");
  for (const a of DEMO_ACCOUNTS) await repo.create(a);
  log.info(`Seed: ${DEMO_ACCOUNTS.length} demo accounts (${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}) — embedded demo database only`);
}
