import pino from 'pino';

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** Masks email addresses in log text: j***@example.nl. */
export function maskPersonalData(text: string) {
  return text.replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`);
}

export function createLogger(level: string) {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['email', '*.email', 'name', '*.name', 'password', '*.password'], censor: '[masked]' },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskPersonalData(a) : a)) as Parameters<typeof method>);
      },
    },
  });
}

// Emailed links carry single-use tokens in their path; logs keep only their shape.
const TOKEN_SEGMENT = /^[a-z2-7]{32}$/;

/** A request path fit for logs: token segments replaced by ":token". */
export function maskPath(path: string) {
  return path
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) ? ':token' : segment))
    .join('/');
}
