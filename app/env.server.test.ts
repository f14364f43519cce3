import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_APP_SECRET, EnvError, parseEnv } from './env.server';

describe('environment', () => {
  it('needs nothing: embedded database, demo data, worker in the web process, local mailbox', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      embedded: true,
      demoData: true,
      workerInWeb: true,
      mailbox: true,
      PORT: 3000,
      appUrl: 'http://localhost:3000',
    });
    expect(env.secureCookies).toBe(false);
  });

  it('with PostgreSQL: no demo data unless asked, workers may run apart', () => {
    const env = parseEnv({
      DATABASE_URL: 'postgres://db.example/pa',
      WORKER_IN_WEB: 'false',
      NODE_ENV: 'production',
      APP_URL: 'https://pa.example/',
      APP_SECRET: 'x'.repeat(32),
    });
    expect(env).toMatchObject({
      embedded: false,
      demoData: false,
      workerInWeb: false,
      mailbox: false,
      appUrl: 'https://pa.example',
      secureCookies: true,
    });
  });

  it('keeps the worker in the web process with the embedded database, whatever is asked', () => {
    expect(parseEnv({ WORKER_IN_WEB: 'false' }).workerInWeb).toBe(true);
  });

  it('has no mailbox once an email provider is configured', () => {
    expect(parseEnv({ RESEND_API_KEY: 're_x' }).mailbox).toBe(false);
  });

  it('lists every invalid variable in one readable message', () => {
    let error: unknown;
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', APP_URL: 'not a url', DEMO_DATA: 'maybe', APP_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'APP_URL', 'DEMO_DATA', 'APP_SECRET']) expect(message).toContain(`- ${name}:`);
    expect(message).toContain('.env.example');
  });

  it('in production on PostgreSQL, refuses to start without a secret of its own, saying what to set', () => {
    const deployment = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example/pa' };
    const problems = (source: Record<string, string>) => {
      try {
        parseEnv(source);
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        return (error as Error).message;
      }
    };
    expect(problems(deployment)).toContain('- APP_SECRET: required in production on PostgreSQL (at least 32 characters');
    expect(problems({ ...deployment, LINK_SECRET: 'y'.repeat(40) })).toContain(
      'LINK_SECRET is no longer read: move its value to APP_SECRET',
    );
    expect(problems({ ...deployment, APP_SECRET: 'kort' })).toContain('- APP_SECRET: must be at least 32 characters');
    expect(problems({ ...deployment, APP_SECRET: DEVELOPMENT_APP_SECRET })).toContain('- APP_SECRET: is the public development secret');
    expect(problems({ ...deployment, APP_SECRET: 'z'.repeat(32), APP_SECRET_PREVIOUS: 'p'.repeat(32) })).toContain(
      '- APP_SECRET_PREVIOUS_UNTIL: required with APP_SECRET_PREVIOUS',
    );
    expect(problems({ ...deployment, APP_SECRET: 'z'.repeat(32) })).toBe('');
    // The embedded demo (production build without DATABASE_URL), development and tests start without one.
    expect(problems({ NODE_ENV: 'production' })).toBe('');
    expect(problems({ NODE_ENV: 'development', DATABASE_URL: 'postgres://db.example/pa' })).toBe('');
  });
});
