/**
 * The access policy, enforced on the server for every route (reads and writes):
 * - `routePolicy`: one rule per route ("METHOD /path" as Express registers it). A route's first handler is
 *   `allow(key)`, which enforces the rule; tests/integration/auth.test.ts walks the app and fails when a
 *   registered route has no rule or does not start with its guard.
 * - `currentUser(req)`, `requireRole(...)`, `canSeePersonalData(user)`: the building blocks.
 * Personal data (names, ID numbers, addresses of households and individuals) is removed for everyone outside
 * PERSONAL_DATA_ROLES by ./personal-data.ts.
 */
import type { Request, RequestHandler } from 'express';
import { ErrorCode, type Role } from '../api/contract.ts';
import { HttpError } from './errors.ts';

/** The signed-in user the session middleware puts on req.user (roles read on every request). */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
}

declare global {
  namespace Express {
    interface Request {
      /** Set by the session middleware when a valid, unexpired session cookie came with the request. */
      user?: SessionUser;
      /** SHA-256 hashes of the session token and its CSRF token (the tokens themselves are not kept). */
      session?: { tokenHash: string; csrfHash: string };
    }
  }
}

/**
 * Roles that see personal data: leadership reads everything; land officers edit land users; clearance
 * officers deal with the households whose land is cleared (compensation). Planners and admins work without it.
 */
export const PERSONAL_DATA_ROLES: readonly Role[] = Object.freeze(['lanh_dao', 'dia_chinh', 'gpmb']);

/** The signed-in user, or null for the public. */
export function currentUser(req: Request): SessionUser | null {
  return req.user ?? null;
}

/** True when user holds at least one of roles. */
export function hasRole(user: SessionUser | null, ...roles: readonly Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}

/** May this user see names, ID numbers and addresses of households and individuals? */
export function canSeePersonalData(user: SessionUser | null): boolean {
  return hasRole(user, ...PERSONAL_DATA_ROLES);
}

export type Access =
  | { kind: 'public' }
  | { kind: 'signed_in' }
  | { kind: 'roles'; roles: readonly Role[] };

export interface RouteRule {
  access: Access;
  /** 'none': the answer never holds personal data; 'filtered': it does, and personal-data.ts filters it by role. */
  personalData: 'none' | 'filtered';
}

const pub: RouteRule = { access: { kind: 'public' }, personalData: 'none' };
const roles = (r: readonly Role[], personalData: RouteRule['personalData'] = 'none'): RouteRule =>
  ({ access: { kind: 'roles', roles: r }, personalData });

/** Who may call each route. A new route needs a line here, or the route-policy test fails. */
export const routePolicy = {
  'GET /api/health': pub,
  'GET /api/layers': pub,
  // map layers are public: parcels carry no party (owner) fields, see ParcelProps in the contract
  'GET /api/layers/:id': pub,
  'GET /api/stats': pub, // aggregates only
  'GET /api/auth/me': pub,
  'POST /api/auth/login': pub,
  'POST /api/auth/logout': pub,
  'GET /api/admin/users': roles(['admin']),
  'POST /api/admin/users': roles(['admin']),
  'PATCH /api/admin/users/:id': roles(['admin']),
  // audit before/after values of parties hold personal data: filtered for admins without a personal-data role
  'GET /api/audit': roles(['admin', 'lanh_dao'], 'filtered'),
  // land-use-plan projects: public reads; a project's touched parcels name their land users (filtered by role)
  'GET /api/projects': pub,
  'GET /api/projects/summary': pub,
  'GET /api/projects/:id': { access: { kind: 'public' }, personalData: 'filtered' },
  'POST /api/projects': roles(['quy_hoach']),
  'PATCH /api/projects/:id': roles(['quy_hoach']),
  // deleting a project (created by mistake): planners; refused while it has site-clearance records
  'DELETE /api/projects/:id': roles(['quy_hoach']),
  'POST /api/projects/footprint-check': roles(['quy_hoach']),
  // site clearance (issue 6): the dashboard holds aggregates only; parcel-level records need a signed-in user,
  // and the land user's name in them is filtered; only clearance officers (gpmb) update records
  'GET /api/dashboard': pub,
  'GET /api/clearance/projects/:id/parcels': { access: { kind: 'signed_in' }, personalData: 'none' },
  'GET /api/clearance/projects/:id/records': { access: { kind: 'signed_in' }, personalData: 'filtered' },
  'GET /api/clearance/records/:id/history': { access: { kind: 'signed_in' }, personalData: 'none' },
  'PATCH /api/clearance/records/:id': roles(['gpmb'], 'filtered'),
  // certificate workflow: the register, search and panel are public without personal data (names for
  // personal-data roles only, name search too); land officers edit
  'GET /api/certificates/facets': pub,
  'GET /api/certificates/parcels': { access: { kind: 'public' }, personalData: 'filtered' },
  'GET /api/certificates/export': { access: { kind: 'public' }, personalData: 'filtered' },
  'GET /api/certificates/search': { access: { kind: 'public' }, personalData: 'filtered' },
  'GET /api/certificates/progress': pub, // aggregates only
  'GET /api/certificates/parcels/:id': { access: { kind: 'public' }, personalData: 'filtered' },
  'PATCH /api/certificates/parcels/:id': roles(['dia_chinh'], 'filtered'),
  // OGC API – Features and vector tiles: the map layers for QGIS and other clients, public like /api/layers
  // (the sources carry no personal data: no party fields)
  'GET /ogc': pub,
  'GET /ogc/conformance': pub,
  'GET /ogc/api': pub,
  'GET /ogc/collections': pub,
  'GET /ogc/collections/:collectionId': pub,
  'GET /ogc/collections/:collectionId/items': pub,
  'GET /ogc/collections/:collectionId/items/:featureId': pub,
  'GET /tiles/:layer/:z/:x/:y.mvt': pub,
  // layer export (files): the same OGC sources, public, no personal data
  'GET /api/export/:layer': pub,
  // the built client's shell (index.html) for client-side routes
  // imports: land officers (parcels) and planners (projects); which layer is checked per job, a job is its
  // creator's alone, and the staged attributes hold no personal data
  'GET /api/imports': roles(['dia_chinh', 'quy_hoach']),
  'POST /api/imports': roles(['dia_chinh', 'quy_hoach']),
  'GET /api/imports/:id': roles(['dia_chinh', 'quy_hoach']),
  'POST /api/imports/:id/analyse': roles(['dia_chinh', 'quy_hoach']),
  'GET /api/imports/:id/features': roles(['dia_chinh', 'quy_hoach']),
  'GET /api/imports/:id/rows': roles(['dia_chinh', 'quy_hoach']),
  'GET /api/imports/:id/rejections.csv': roles(['dia_chinh', 'quy_hoach']),
  'POST /api/imports/:id/commit': roles(['dia_chinh', 'quy_hoach']),
  'DELETE /api/imports/:id': roles(['dia_chinh', 'quy_hoach']),
  'GET /^\\/(?!api\\/).*/': pub,
} as const satisfies Record<string, RouteRule>;
export type RouteKey = keyof typeof routePolicy;

/** 401 without a user, 403 when the user holds none of roles. */
export function assertAccess(user: SessionUser | null, access: Access): void {
  if (access.kind === 'public') return;
  if (!user) throw new HttpError(401, ErrorCode.unauthenticated, 'Vui lòng đăng nhập. / Please sign in.');
  if (access.kind === 'roles' && !hasRole(user, ...access.roles)) {
    throw new HttpError(403, ErrorCode.forbidden, 'Tài khoản không có quyền này. / Your account may not do this.');
  }
}

const GUARD_KEY = Symbol('routePolicyKey');

/** The guard a route puts first: enforces routePolicy[key]. Throws at start-up for a key not in the table. */
export function allow(key: RouteKey): RequestHandler {
  const rule: RouteRule | undefined = routePolicy[key];
  if (!rule) throw new Error(`No route policy for ${key}`);
  const guard: RequestHandler = (req, _res, next) => {
    assertAccess(currentUser(req), rule.access);
    next();
  };
  return Object.assign(guard, { [GUARD_KEY]: key });
}

/** The policy key a guard enforces (undefined for any other handler); the completeness test reads it. */
export function guardKeyOf(handler: unknown): string | undefined {
  return typeof handler === 'function' ? (handler as unknown as Record<symbol, string>)[GUARD_KEY] : undefined;
}

/** Inline check for a route whose rule depends on the request: 401/403 unless the user holds one of roles. */
export function requireRole(...r: Role[]): RequestHandler {
  return (req, _res, next) => {
    assertAccess(currentUser(req), { kind: 'roles', roles: r });
    next();
  };
}

/** The audit actor for a user's writes (landmap.actor). */
export function actorOf(user: SessionUser): string {
  return user.username;
}
