/**
 * The personal-data filter: names, ID numbers and addresses of households and individuals leave the server
 * only for roles in PERSONAL_DATA_ROLES (auth.ts). Organisations and the State are not persons: their names stay.
 * Routes marked `personalData: 'filtered'` in routePolicy pass their answer through `personalDataFor`.
 */
import { canSeePersonalData, type SessionUser } from './auth.ts';

/** Keys that are personal wherever they appear (camelCase API fields and snake_case audit columns). */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  'idNumber', 'id_number', 'ownerName', 'owner_name', 'ownerIdNumber', 'ownerAddress', 'partyName', 'party_name',
  'partyIdNumber', 'partyAddress', 'holderName', 'holder_name',
]);
/** Keys that are personal on a record of a person (a party of kind household or individual). */
const PERSON_RECORD_KEYS = ['name', 'address'] as const;
const PERSON_KINDS = new Set(['household', 'individual']);
/** Tables whose rows describe persons, so every name/address in their audit values is personal. */
const PERSON_ENTITIES = new Set(['party']);

function isPersonRecord(o: Record<string, unknown>): boolean {
  const kind = o.partyKind ?? o.party_kind ?? o.kind;
  return typeof kind === 'string' && PERSON_KINDS.has(kind);
}

/** A deep copy of value without personal fields. */
export function redactPersonalData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redactPersonalData) as T;
  if (value === null || typeof value !== 'object') return value;
  const src = value as Record<string, unknown>;
  const person = isPersonRecord(src);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) {
    if (PERSONAL_KEYS.has(k)) continue;
    if (person && (PERSON_RECORD_KEYS as readonly string[]).includes(k)) continue;
    out[k] = redactPersonalData(v);
  }
  return out as T;
}

interface AuditValues { entity: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }

/** An audit entry without personal data: a changed party name has no `kind` beside it, so go by the table. */
export function redactAuditEntry<E extends AuditValues>(e: E): E {
  const strip = (v: Record<string, unknown> | null) => {
    if (!v) return v;
    const r = redactPersonalData(v);
    if (PERSON_ENTITIES.has(e.entity) && (v.kind === undefined || PERSON_KINDS.has(String(v.kind)))) {
      for (const k of PERSON_RECORD_KEYS) delete r[k];
    }
    return r;
  };
  return { ...e, before: strip(e.before), after: strip(e.after) };
}

/** value as the user may see it: unchanged for personal-data roles, redacted with `redact` for everyone else. */
export function personalDataFor<T>(user: SessionUser | null, value: T, redact: (v: T) => T = redactPersonalData): T {
  return canSeePersonalData(user) ? value : redact(value);
}
