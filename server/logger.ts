import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { runWithLog } from '../app/modules/log.server';

// Express middleware for logging; the loggers themselves live in the app (app/modules/log.server.ts).

/**
 * Gives every request an id (a sane `X-Request-Id` from the proxy, or a fresh UUID), a child logger
 * carrying it for everything logged while the request is handled, and one access line when it ends.
 */
export function requestLogging(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.get('x-request-id') ?? '';
    const requestId = /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const child = log.child({ requestId });
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      child.info({ method: req.method, path: maskPath(req.path), status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    runWithLog(child, next);
  };
}

// Emailed links carry tokens in their path; logs keep only their shape. Random tokens are 32
// characters of base32; sealed link tokens (outcome and unsubscribe links) are long base64url; and
// unsubscribe links of the older format hold an address in base64url, then category and signature.
const TOKEN_SEGMENT = /^(?:[a-z2-7]{32}|[A-Za-z0-9_-]{48,}|[A-Za-z0-9_-]+\.[a-z-]+\.[A-Za-z0-9_-]{32})$/;

/** A request path fit for logs: token segments replaced by ":token". */
export function maskPath(path: string) {
  return path
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) ? ':token' : segment))
    .join('/');
}
