/**
 * Validation at the boundary: each route parses params/query/body once with a zod schema; a failure becomes a
 * 400 with the first problem stated plainly.
 */
import type { z } from 'zod';
import { ErrorCode } from '../api/contract.ts';
import { HttpError } from './errors.ts';

/** Parse input with schema or throw HttpError(400, code). */
export function parse<S extends z.ZodTypeAny>(schema: S, input: unknown, code: ErrorCode = ErrorCode.badRequest): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new HttpError(400, code, `${where}${issue.message}`);
}
