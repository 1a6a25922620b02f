/** Password hashing: scrypt with salt and parameters in the stored string; weak passwords refused. */
import { describe, expect, it } from 'vitest';
import { hashPassword, parseHash, passwordProblem, verifyPassword } from '../../server/features/auth/password.ts';

const FAST = { N: 2 ** 12, r: 8, p: 1 }; // small cost: the tests check the format, not the cost

describe('hashPassword / verifyPassword', () => {
  it('stores algorithm, parameters, salt and hash, and verifies only the right password', async () => {
    const h = await hashPassword('correct horse battery', FAST);
    expect(h).toMatch(/^scrypt\$4096\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword('correct horse battery', h)).toBe(true);
    expect(await verifyPassword('correct horse batterY', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = [await hashPassword('same-password', FAST), await hashPassword('same-password', FAST)];
    expect(a).not.toBe(b);
    expect(await verifyPassword('same-password', b)).toBe(true);
  });

  it('uses a memory-hard default (N = 2^15, r = 8: 32 MiB)', async () => {
    const h = await hashPassword('default-cost-pw');
    expect(parseHash(h)!.params).toEqual({ N: 32768, r: 8, p: 1 });
  });

  it('treats the same text in composed and decomposed Unicode as one password', async () => {
    const h = await hashPassword('mật khẩu đủ dài'.normalize('NFD'), FAST);
    expect(await verifyPassword('mật khẩu đủ dài'.normalize('NFC'), h)).toBe(true);
  });

  it('rejects malformed or absurd stored hashes instead of hashing with them', async () => {
    expect(parseHash('plain-text-password')).toBeNull();
    expect(parseHash('scrypt$1073741824$8$1$AAAA$AAAA')).toBeNull(); // N = 2^30 would allocate 1 TiB
    expect(parseHash('scrypt$3000$8$1$AAAA$AAAA')).toBeNull(); // N not a power of two
    expect(await verifyPassword('x', 'scrypt$4096$8$1$AAAA$AAAA')).toBe(false); // key of the wrong length
  });
});

describe('passwordProblem', () => {
  it.each([
    ['short', /10 characters/],
    ['aaaaaaaaaaaa', /repetitive/],
    ['x'.repeat(201), /200/],
  ])('refuses %j', (pw, reason) => expect(passwordProblem(pw)).toMatch(reason));
  it('accepts 10 varied characters', () => expect(passwordProblem('demo-admin')).toBeNull());
});
