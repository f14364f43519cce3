import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.server';

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
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', APP_URL: 'not a url', DEMO_DATA: 'maybe', LINK_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'APP_URL', 'DEMO_DATA', 'LINK_SECRET']) expect(message).toContain(`- ${name}:`);
    expect(message).toContain('.env.example');
  });
});
