/**
 * One error path: every failure becomes `{ "error": { "code", "message" } }`. Known failures are HttpErrors;
 * anything else is logged with a request id and answered 500 without internals (no stack, no SQL).
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode } from '../api/contract.ts';
import type { Logger } from '../lib/log.ts';

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 404 for any route no router answered, as JSON. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, ErrorCode.routeNotFound, `No route for ${req.method} ${req.originalUrl.split('?')[0]}`));
};

let counter = 0;

/** The single Express error handler. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: { code: err.code, message: err.message } });
      return;
    }
    // body-parser and friends carry a status and a type
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (status === 413) {
      res.status(413).json({ error: { code: ErrorCode.payloadTooLarge, message: 'Request body too large' } });
      return;
    }
    if (status >= 400 && status < 500) {
      res.status(status).json({ error: { code: ErrorCode.badRequest, message: 'Malformed request' } });
      return;
    }
    const requestId = `${Date.now().toString(36)}-${(++counter).toString(36)}`;
    log.error(`request ${requestId} ${req.method} ${req.originalUrl} failed`, err instanceof Error ? err.stack : err);
    const dbDown = err?.code === 'ECONNREFUSED' || err?.code === 'ECONNRESET' || err?.code === '57P01';
    res.status(dbDown ? 503 : 500).json({
      error: dbDown
        ? { code: ErrorCode.databaseUnavailable, message: `The database is not reachable (request ${requestId})` }
        : { code: ErrorCode.internal, message: `Internal error (request ${requestId})` },
    });
  };
}
