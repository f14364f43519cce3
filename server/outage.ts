import type { Logger } from 'pino';

// PostgreSQL's "connection exception" class (08…) and the shutdown codes a restart produces (57P01–03),
// and the socket errors of a server that went away.
const connectionCodes = new Set([
  '57P01',
  '57P02',
  '57P03',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);
const connectionMessages =
  /connection terminated|terminating connection|connection (?:is )?closed|client has encountered a connection error|the database system is (?:shutting down|starting up)/i;

/** Whether an error means "the database is not reachable right now" (as opposed to a bug). */
export function isDatabaseOutage(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (connectionCodes.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && connectionMessages.test(message);
}

/**
 * pg-boss completes and fails jobs without awaiting the result, so while PostgreSQL restarts those
 * calls reject with nobody to catch them, and Node ends the process. Such a rejection is harmless:
 * the job stays active, expires and runs again, and delivery is idempotent. So a database outage is
 * logged and the process keeps running; any other unhandled rejection still ends it, as Node would.
 */
export function surviveDatabaseOutages(log: Logger) {
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseOutage(reason)) {
      log.warn({ err: reason }, 'database unavailable: a background call failed; its job will run again');
      return;
    }
    log.fatal({ err: reason }, 'unhandled rejection');
    process.exit(1);
  });
}
