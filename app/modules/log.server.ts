import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';
import { getEnv } from '~/env.server';

// The app's logging: `getLog()` is the current request's pino logger (every line carries its
// `requestId`; emails and names are masked), or the process's logger outside a request. The express
// middleware that starts a request's logger lives in server/logger.ts and runs it with `runWithLog`.

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
// The request's logger, for the server and the app alike. Kept on globalThis: the server and the Remix
// build may each hold a bundled copy of this module, and both must see the same store.

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

// The level from the environment; 'info' while the environment is invalid (its problems must still be logged).
function logLevel() {
  try {
    return getEnv().LOG_LEVEL;
  } catch {
    return 'info';
  }
}

/** The logger of the request being handled (its lines carry `requestId`), else the process's logger. */
export function getLog(): Logger {
  const s = state();
  return s.store.getStore() ?? (s.base ??= createLogger(logLevel()));
}

/** Runs `fn` with `log` as the logger `getLog()` returns inside it (for jobs, tests). */
export function runWithLog<T>(log: Logger, fn: () => T): T {
  return state().store.run(log, fn);
}
