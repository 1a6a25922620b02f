/** Admin-only account management: GET/POST /api/admin/users, PATCH /api/admin/users/:id. Audited by triggers. */
import { Router } from 'express';
import type pg from 'pg';
import { ApiPath, CreateUserBody, ErrorCode, UpdateUserBody, UserIdParam, type UserAccount, type UserList } from '../../api/contract.ts';
import { withActorTransaction } from '../../db/pool.ts';
import { actorOf, allow, currentUser, type SessionUser } from '../../http/auth.ts';
import { HttpError } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { accountsRepo } from './accounts.repo.ts';

/** The signed-in admin (the route's guard has already refused everyone else). */
function admin(req: Parameters<typeof currentUser>[0]): SessionUser {
  const u = currentUser(req);
  if (!u) throw new Error('admin route reached without a user: is allow() missing?');
  return u;
}

/** The account routes. */
export function adminRoutes(pool: pg.Pool): Router {
  const reads = accountsRepo(pool);
  const r = Router();
  r.use('/api/admin', (_req, res, next) => { res.set('Cache-Control', 'no-store'); next(); });

  r.get(ApiPath.adminUsers, allow('GET /api/admin/users'), async (_req, res) => {
    const body: UserList = { users: await reads.list() };
    res.json(body);
  });

  r.post(ApiPath.adminUsers, allow('POST /api/admin/users'), async (req, res) => {
    const body = parse(CreateUserBody, req.body);
    const id = await withActorTransaction(pool, actorOf(admin(req)), (c) => accountsRepo(c).create(body));
    if (id === null) throw new HttpError(409, ErrorCode.usernameTaken, `Tên đăng nhập '${body.username}' đã có. / Username '${body.username}' is taken.`);
    const created: UserAccount | null = await reads.find(id);
    res.status(201).json(created);
  });

  r.patch(`${ApiPath.adminUsers}/:id`, allow('PATCH /api/admin/users/:id'), async (req, res) => {
    const { id } = parse(UserIdParam, req.params);
    const body = parse(UpdateUserBody, req.body);
    const me = admin(req);
    // an admin cannot lock themselves out; another admin can
    if (id === me.id && (body.disabled === true || (body.roles && !body.roles.includes('admin')))) {
      throw new HttpError(409, ErrorCode.selfLockout,
        'Không thể tự khóa hoặc tự bỏ quyền quản trị của mình. / You cannot disable yourself or drop your own admin role.');
    }
    const found = await withActorTransaction(pool, actorOf(me), (c) => accountsRepo(c).update(id, body));
    if (!found) throw new HttpError(404, ErrorCode.userUnknown, `No user ${id}`);
    const updated: UserAccount | null = await reads.find(id);
    res.json(updated);
  });
  return r;
}
