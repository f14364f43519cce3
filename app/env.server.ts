import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { message: 'must be true or false' })
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : ['true', '1', 'yes'].includes(value)));

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
    // Privacy: signing unsubscribe links, verifying Resend's webhooks, and the retention period.
    UNSUBSCRIBE_SECRET: z.string().min(16).optional(),
    // Signs the one-click answer links of the candidacy outcome questions (/uitslag/:token).
    LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    RESEND_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    RETENTION_INACTIVE_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
    // The email log: whole for EMAIL_LOG_REDUCE_DAYS, then reduced (address as a digest, no subject),
    // deleted after EMAIL_LOG_DAYS (privacy/email-log.server.ts says why these defaults).
    EMAIL_LOG_REDUCE_DAYS: z.coerce.number().int().min(7).max(365).default(30),
    EMAIL_LOG_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
    WORKER_IN_WEB: flag,
    DEMO_DATA: flag,
    DEV_MAILBOX: flag,
    TRUST_PROXY: flag.transform((v) => v ?? false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((env) => env.EMAIL_LOG_REDUCE_DAYS <= env.EMAIL_LOG_DAYS, {
    message: 'EMAIL_LOG_REDUCE_DAYS must not be more than EMAIL_LOG_DAYS',
    path: ['EMAIL_LOG_REDUCE_DAYS'],
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
