/** The rightHolder edit's boundary checks: CCCD/CMND format, required for persons only, name length. */
import { describe, expect, it } from 'vitest';
import { HolderIssue, ParcelEditBody, RightHolderEdit } from '../../server/api/contract.ts';

const base = { action: 'rightHolder', version: 3, kind: 'household', name: 'Hộ ông Nguyễn Văn An' } as const;
/** The issues of a failed parse as "path: message", or [] when it passed. */
const issues = (input: unknown) => {
  const r = ParcelEditBody.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('rightHolder edit', () => {
  it.each([['031234567890'], ['123456789'], ['0312 3456 7890']])('accepts the CCCD/CMND %s, spaces dropped', (idNumber) => {
    const r = RightHolderEdit.parse({ ...base, idNumber });
    expect(r.idNumber).toBe(idNumber.replace(/ /g, ''));
  });

  it.each([['0312345678'], ['12345678A'], ['0312345678901']])('refuses %s (neither 9 nor 12 digits)', (idNumber) => {
    expect(issues({ ...base, idNumber })).toEqual([`idNumber: ${HolderIssue.idNumberFormat}`]);
  });

  it('requires a number for households and individuals, not for organisations', () => {
    expect(issues({ ...base, idNumber: '' })).toEqual([`idNumber: ${HolderIssue.idNumberRequired}`]);
    expect(issues({ ...base, kind: 'individual' })).toEqual([`idNumber: ${HolderIssue.idNumberRequired}`]);
    expect(issues({ ...base, kind: 'organisation', name: 'Công ty TNHH An Phú', idNumber: '' })).toEqual([]);
  });

  it('keeps names of 2–200 characters (trimmed) and refuses the State as a holder', () => {
    expect(issues({ ...base, idNumber: '123456789', name: ' A ' })).toEqual([`name: ${HolderIssue.nameLength}`]);
    expect(issues({ ...base, idNumber: '123456789', name: 'x'.repeat(201) })).toEqual([`name: ${HolderIssue.nameLength}`]);
    expect(issues({ ...base, idNumber: '123456789', kind: 'state' })).toHaveLength(1);
  });

  it('turns blank optional fields into absent ones', () => {
    const r = RightHolderEdit.parse({ ...base, idNumber: '123456789', address: '  ', note: '' });
    expect(r.address).toBeUndefined();
    expect(r.note).toBeUndefined();
  });
});
