/** Account administration and the audit log, validated against the contract. */
import { ApiPath, AuditPage, UserAccount, UserList, type AuditQuery, type CreateUserBody, type UpdateUserBody } from '../../../server/api/contract';
import { getJson, sendJson } from '../../api/client';

/** GET /api/admin/users. */
export async function fetchUsers(): Promise<UserAccount[]> {
  return UserList.parse(await getJson(ApiPath.adminUsers)).users;
}

/** POST /api/admin/users. */
export async function createUser(body: CreateUserBody): Promise<UserAccount> {
  return UserAccount.parse(await sendJson('POST', ApiPath.adminUsers, body));
}

/** PATCH /api/admin/users/:id (disable/enable, roles, password). */
export async function updateUser(id: number, body: UpdateUserBody): Promise<UserAccount> {
  return UserAccount.parse(await sendJson('PATCH', ApiPath.adminUser(id), body));
}

/** GET /api/audit with filters; empty filters are left out. */
export async function fetchAudit(q: AuditQuery): Promise<AuditPage> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  return AuditPage.parse(await getJson(`${ApiPath.audit}?${params}`));
}
