/**
 * Contract of recording a parcel's land user (chủ sử dụng đất): the `rightHolder` edit of the parcel panel
 * (PATCH /api/certificates/parcels/:id, same version check as the other edits). Re-exported by ./contract.ts.
 *
 * Words: hộ gia đình = household, cá nhân = individual, tổ chức = organisation; CCCD = căn cước công dân
 * (12 digits), CMND = chứng minh nhân dân (the older 9-digit card).
 */
import { z } from 'zod';

/** Who may hold a parcel's ownership/use right through this edit (the State's rights are not edited here). */
export const HolderKind = z.enum(['household', 'individual', 'organisation']);
export type HolderKind = z.infer<typeof HolderKind>;

/** Why a land-user entry was refused, one per field (the client shows them beside the fields). */
export const HolderIssue = {
  nameLength: 'name_length',
  idNumberFormat: 'id_number_format',
  idNumberRequired: 'id_number_required',
} as const;

/** '' and whitespace-only → absent; optional text fields of a form arrive as ''. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** CCCD (12 digits) or CMND (9 digits); spaces typed between groups of digits are dropped. */
export const IdNumber = z.preprocess(
  blankToUndefined,
  z.string().transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^(\d{9}|\d{12})$/, HolderIssue.idNumberFormat))
    .optional(),
);

/** The rightHolder edit as one object (a member of ParcelEdit; the CCCD rule for persons is RightHolderEdit's). */
export const RightHolderFields = z.object({
  action: z.literal('rightHolder'),
  version: z.number().int().positive(),
  kind: HolderKind,
  name: z.string().trim().min(2, HolderIssue.nameLength).max(200, HolderIssue.nameLength),
  idNumber: IdNumber,
  address: z.preprocess(blankToUndefined, z.string().trim().max(300).optional()),
  note: z.preprocess(blankToUndefined, z.string().trim().max(1000).optional()),
}).strict();

/** Households and individuals are identified by their CCCD/CMND; organisations may have none on file. */
export function requireIdForPersons(e: { kind: HolderKind; idNumber?: string }, ctx: z.RefinementCtx): void {
  if (e.kind !== 'organisation' && !e.idNumber) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['idNumber'], message: HolderIssue.idNumberRequired });
  }
}

/** The full check of a rightHolder edit (the client validates with it before sending). */
export const RightHolderEdit = RightHolderFields.superRefine(requireIdForPersons);
export type RightHolderEdit = z.input<typeof RightHolderFields>;
