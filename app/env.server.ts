import { isIP } from 'node:net';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { message: 'must be true or false' })
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : ['true', '1', 'yes'].includes(value)));

/**
 * The secret of development, tests and the embedded demo when APP_SECRET is unset. It is public, so
 * production refuses it (and production on PostgreSQL refuses to start without a secret of its own).
 */
export const DEVELOPMENT_APP_SECRET = 'politiek-actief development secret: public, never used in production';

const secret = z.string().min(32, 'must be at least 32 characters (for example from `openssl rand -base64 48`)');

// Which X-Forwarded-For entries to believe. `true` would trust every hop, so that req.ip became the
// left-most entry, which the client writes itself (issue 11: 64 sign-ups passed a limit of 60).
// Allowed: a number of proxies in front of the app, or the proxies' addresses and ranges.
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyAddress = (entry: string) => {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (!version || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
};
const trustProxy = z
  .string()
  .optional()
  .transform((value, context): false | number | string[] => {
    const text = (value ?? '').trim().toLowerCase();
    if (['', 'false', '0', 'no'].includes(text)) return false;
    if (/^\d+$/.test(text) && Number(text) <= 10) return Number(text);
    if (['true', 'yes'].includes(text)) {
      context.addIssue({
        code: 'custom',
        message:
          'no longer accepts true, which trusts every hop and lets clients choose their own address: set the number of proxies in front of the app (usually TRUST_PROXY=1) or their addresses (e.g. TRUST_PROXY=10.0.0.0/8,fd00::/8)',
      });
      return z.NEVER;
    }
    const entries = text.split(',').map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isProxyAddress(entry));
    if (wrong.length) {
      context.addIssue({
        code: 'custom',
        message: `must be a number of proxies (0–10) or a comma-separated list of proxy addresses or ranges (CIDR), or loopback, linklocal, uniquelocal; not understood: ${wrong.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).optional(),
    APP_URL: z.url({ message: 'must be a full URL such as https://politiekactief.nl' }).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    PGLITE_DIR: z.string().min(1).default('.data/pglite'),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url().optional(),
    EMAIL_FROM: z.string().min(3).default('Politiek Actief <noreply@politiekactief.example>'),
    // 10 retries from 15 s, doubling: the last one within about 4–9 hours, well inside the 24 hours
    // in which Resend recognises an idempotency key.
    EMAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(50).default(10),
    EMAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
    // The one secret of a deployment: every key that protects a link is derived from it, one per
    // purpose (app/modules/security/link-keys.server.ts). Required in production on PostgreSQL.
    APP_SECRET: secret.optional(),
    // The secret before a rotation: still opens links until APP_SECRET_PREVIOUS_UNTIL, signs nothing.
    APP_SECRET_PREVIOUS: secret.optional(),
    APP_SECRET_PREVIOUS_UNTIL: z.iso.date({ message: 'must be a date such as 2027-03-31' }).optional(),
    // Replaced by APP_SECRET. Read only to say so, and (UNSUBSCRIBE_SECRET) to honour unsubscribe
    // links sent before the change until LEGACY_UNSUBSCRIBE_UNTIL in email/preferences.server.ts.
    LINK_SECRET: z.string().optional(),
    UNSUBSCRIBE_SECRET: z.string().min(16).optional(),
    // Privacy: verifying Resend's webhooks, and the retention period.
    RESEND_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    RETENTION_INACTIVE_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
    // The email log: whole for EMAIL_LOG_REDUCE_DAYS, then reduced (address as a digest, no subject),
    // deleted after EMAIL_LOG_DAYS (privacy/email-log.server.ts says why these defaults).
    EMAIL_LOG_REDUCE_DAYS: z.coerce.number().int().min(7).max(365).default(30),
    EMAIL_LOG_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
    WORKER_IN_WEB: flag,
    DEMO_DATA: flag,
    DEV_MAILBOX: flag,
    TRUST_PROXY: trustProxy,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Tuning of the email queue (docs: .env.example); the defaults suit production.
    EMAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(100),
    EMAIL_WORK_LOOPS: z.coerce.number().int().min(1).max(20).default(2),
    EMAIL_LOCK_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    EMAIL_RETRY_BACKOFF: flag,
    EMAIL_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(86400).optional(),
    PGBOSS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(86400).optional(),
    // The report's LP solving runs in a worker thread; `off` solves on the calling thread (bench only).
    REPORT_LP_THREAD: z.enum(['on', 'off']).default('on'),
  })
  .superRefine((env, context) => {
    if (env.EMAIL_LOG_REDUCE_DAYS > env.EMAIL_LOG_DAYS) {
      context.addIssue({ code: 'custom', path: ['EMAIL_LOG_REDUCE_DAYS'], message: 'must not be more than EMAIL_LOG_DAYS' });
    }
    // A deployment (production on PostgreSQL) must have a secret of its own: without one, links
    // would be signed with a value anybody can read in this repository.
    if (env.NODE_ENV === 'production' && env.DATABASE_URL && !env.APP_SECRET) {
      const moved = env.LINK_SECRET ? ' LINK_SECRET is no longer read: move its value to APP_SECRET.' : '';
      context.addIssue({
        code: 'custom',
        path: ['APP_SECRET'],
        message: `required in production on PostgreSQL (at least 32 characters, for example from \`openssl rand -base64 48\`).${moved}`,
      });
    }
    if (env.APP_SECRET && env.APP_SECRET === DEVELOPMENT_APP_SECRET && env.NODE_ENV === 'production') {
      context.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'is the public development secret: generate one of your own' });
    }
    if (env.APP_SECRET_PREVIOUS && !env.APP_SECRET_PREVIOUS_UNTIL) {
      context.addIssue({
        code: 'custom',
        path: ['APP_SECRET_PREVIOUS_UNTIL'],
        message: 'required with APP_SECRET_PREVIOUS: the last day links made with the previous secret still work',
      });
    }
    if (env.APP_SECRET_PREVIOUS && env.APP_SECRET_PREVIOUS === env.APP_SECRET) {
      context.addIssue({ code: 'custom', path: ['APP_SECRET_PREVIOUS'], message: 'is the same as APP_SECRET' });
    }
  })
  .transform((env) => {
    const embedded = !env.DATABASE_URL;
    const isProduction = env.NODE_ENV === 'production';
    const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
    return {
      ...env,
      embedded,
      isProduction,
      // Listen on all interfaces only for a production deployment; a local demo stays on this machine.
      host: env.HOST ?? (isProduction && !embedded ? '0.0.0.0' : '127.0.0.1'),
      appUrl,
      // Secure cookies wherever the site is served over HTTPS; a demo on http://localhost is not.
      secureCookies: appUrl.startsWith('https://') || (isProduction && !/^http:\/\/(localhost|127\.0\.0\.1)[:/]?/.test(appUrl)),
      // With the embedded database there is one process, so the worker must run inside it.
      workerInWeb: embedded ? true : (env.WORKER_IN_WEB ?? true),
      demoData: env.DEMO_DATA ?? embedded,
      // Emails are captured in the database when no provider is configured. The page that shows
      // them exists outside production, and in the embedded demo (which runs the production build).
      mailbox: !env.RESEND_API_KEY && (env.DEV_MAILBOX ?? (!isProduction || embedded)),
    };
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

/** Validates an environment; throws an EnvError listing every problem in one readable message. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated process environment, checked once (the server calls this at start-up). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
