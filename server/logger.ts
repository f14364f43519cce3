import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import pino, { type DestinationStream, type Logger } from 'pino';

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** Masks email addresses in log text: j***@example.nl. */
export function maskPersonalData(text: string) {
  return text.replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`);
}

// Fields that name or reach a person, wherever they sit in a log object (one level deep).
const PERSONAL = ['email', 'name', 'password', 'phone', 'recipient', 'to', 'address', 'token'];

export function createLogger(level: string, destination?: DestinationStream) {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: PERSONAL.flatMap((p) => [p, `*.${p}`]), censor: '[masked]' },
      serializers: {
        // Error messages and stacks may quote input (an address in a constraint error): masked too.
        err(error: unknown) {
          const s = pino.stdSerializers.err(error as Error);
          if (typeof s.message === 'string') s.message = maskPersonalData(s.message);
          if (typeof s.stack === 'string') s.stack = maskPersonalData(s.stack);
          return s;
        },
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskPersonalData(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

// ---------------------------------------------------------------------------------------------
// The request's logger, for the server and the app alike. Kept on globalThis: the server runs from
// source and the Remix build holds a bundled copy of this module, and both must see the same store.

const KEY = Symbol.for('politiek-actief.log');
type LogState = { base: Logger | undefined; store: AsyncLocalStorage<Logger> };
function state(): LogState {
  const g = globalThis as typeof globalThis & { [KEY]?: LogState };
  g[KEY] ??= { base: undefined, store: new AsyncLocalStorage<Logger>() };
  return g[KEY];
}

/** The process's logger, used outside requests (jobs, start-up). */
export function setBaseLogger(log: Logger) {
  state().base = log;
}

/** The logger of the request being handled (its lines carry `requestId`), else the process's logger. */
export function getLog(): Logger {
  const s = state();
  return s.store.getStore() ?? (s.base ??= createLogger(process.env.LOG_LEVEL ?? 'info'));
}

/** Runs `fn` with `log` as the logger `getLog()` returns inside it (for jobs, tests). */
export function runWithLog<T>(log: Logger, fn: () => T): T {
  return state().store.run(log, fn);
}

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
    state().store.run(child, next);
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
