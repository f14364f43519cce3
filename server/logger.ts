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
