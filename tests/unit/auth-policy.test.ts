/** The access policy and the personal-data filter, without a database. */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../server/api/contract.ts';
import { allow, assertAccess, canSeePersonalData, guardKeyOf, hasRole, routePolicy, type SessionUser } from '../../server/http/auth.ts';
import { parseCookies } from '../../server/http/cookies.ts';
import { HttpError } from '../../server/http/errors.ts';
import { personalDataFor, redactAuditEntry, redactPersonalData } from '../../server/http/personal-data.ts';
import { parseUserAddArgs } from '../../scripts/user-add.ts';

const user = (...roles: Role[]): SessionUser => ({ id: 1, username: 'u', displayName: '', roles });
const statusOf = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as HttpError).status;
  }
};

describe('access', () => {
  it('lets the public through public routes only', () => {
    expect(statusOf(() => assertAccess(null, routePolicy['GET /api/layers'].access))).toBe('ok');
    expect(statusOf(() => assertAccess(null, routePolicy['GET /api/audit'].access))).toBe(401);
  });
  it('answers 403 to a signed-in user without the role, and accepts any one of several roles', () => {
    expect(statusOf(() => assertAccess(user('quy_hoach'), routePolicy['GET /api/audit'].access))).toBe(403);
    expect(statusOf(() => assertAccess(user('quy_hoach', 'lanh_dao'), routePolicy['GET /api/audit'].access))).toBe('ok');
    expect(statusOf(() => assertAccess(user('lanh_dao'), routePolicy['POST /api/admin/users'].access))).toBe(403);
  });
  it('gives personal data to leadership, land and clearance officers only', () => {
    expect(canSeePersonalData(null)).toBe(false);
    for (const r of ['lanh_dao', 'dia_chinh', 'gpmb'] as Role[]) expect(canSeePersonalData(user(r)), r).toBe(true);
    for (const r of ['quy_hoach', 'admin'] as Role[]) expect(canSeePersonalData(user(r)), r).toBe(false);
    expect(hasRole(user('admin', 'gpmb'), 'gpmb')).toBe(true);
  });
  it('tags each guard with the rule it enforces, and refuses an unknown rule', () => {
    expect(guardKeyOf(allow('GET /api/stats'))).toBe('GET /api/stats');
    expect(guardKeyOf(() => undefined)).toBeUndefined();
    expect(() => allow('GET /api/nothing' as never)).toThrow(/No route policy/);
  });
});

describe('personal-data filter', () => {
  const parcel = {
    parcelNo: 12, rights: [
      { party: { kind: 'household', name: 'Hộ ông Nguyễn Văn A', idNumber: '030201001234', address: 'Thôn Huề Trì' } },
      { party: { kind: 'organisation', name: 'Công ty TNHH B', address: 'KCN An Phụ' } },
    ], ownerName: 'Nguyễn Văn A',
  };
  it('removes names, ID numbers and addresses of persons, keeps organisations', () => {
    const r = redactPersonalData(parcel);
    expect(r).toEqual({ parcelNo: 12, rights: [{ party: { kind: 'household' } }, { party: { kind: 'organisation', name: 'Công ty TNHH B', address: 'KCN An Phụ' } }] });
    expect(parcel.rights[0].party.name).toBe('Hộ ông Nguyễn Văn A'); // a copy: the input is untouched
  });
  it('filters by role', () => {
    expect(personalDataFor(user('lanh_dao'), parcel)).toBe(parcel);
    expect(JSON.stringify(personalDataFor(user('admin'), parcel))).not.toContain('Nguyễn');
    expect(JSON.stringify(personalDataFor(null, parcel))).not.toContain('030201001234');
  });
  it('redacts a party\'s changed name in the audit log even without its kind', () => {
    const e = redactAuditEntry({ entity: 'party', before: { name: 'Old Name', id_number: '1' }, after: { name: 'New Name', id_number: '2' } });
    expect(e).toEqual({ entity: 'party', before: {}, after: {} });
    const org = redactAuditEntry({ entity: 'party', before: null, after: { kind: 'organisation', name: 'HTX' } });
    expect(org.after).toEqual({ kind: 'organisation', name: 'HTX' });
    const parcelEdit = redactAuditEntry({ entity: 'parcel', before: { address: 'Thôn 1' }, after: { address: 'Thôn 2' } });
    expect(parcelEdit.after).toEqual({ address: 'Thôn 2' }); // a parcel's location is not a person's address
  });
});

describe('parseCookies', () => {
  it('reads pairs, decodes values, ignores junk and keeps the first duplicate', () => {
    expect(parseCookies('a=1; b=x%20y; junk; =v; a=2; c="q"')).toEqual({ a: '1', b: 'x y', c: 'q' });
    expect(parseCookies(undefined)).toEqual({});
    expect(Object.keys(parseCookies('__proto__=1'))).toEqual([]);
  });
});

describe('user:add arguments', () => {
  it('parses username and repeated or comma-separated roles', () => {
    expect(parseUserAddArgs(['--username', 'Admin', '--role', 'admin', '--role', 'lanh_dao,gpmb', '--password-stdin']))
      .toEqual({ username: 'admin', roles: ['admin', 'lanh_dao', 'gpmb'], displayName: '', passwordStdin: true });
  });
  it('refuses an unknown role and a bad username', () => {
    expect(() => parseUserAddArgs(['--username', 'a', '--role', 'admin'])).toThrow(/username/);
    expect(() => parseUserAddArgs(['--username', 'admin', '--role', 'king'])).toThrow(/--role king/);
  });
});
