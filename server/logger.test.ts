import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noStoreWhenPersonal } from '../app/entry.server';
import { createLogger, getLog, maskPersonalData } from '../app/modules/log.server';
import { sealLinkToken } from '../app/modules/security/link-keys.server';
import { maskPath, requestLogging } from './logger';

describe('logs without personal data', () => {
  it('masks email addresses in messages', () => {
    expect(maskPersonalData('sent to fatima.devries@example.nl and jan@x.org')).toBe('sent to f***@example.nl and j***@x.org');
  });

  it('keeps only the shape of paths that carry emailed tokens', () => {
    expect(maskPath('/aanmelding/abcdefghijklmnopqrstuvwxyz234567')).toBe('/aanmelding/:token');
    expect(maskPath('/inloggen/link/abcdefghijklmnopqrstuvwxyz234567')).toBe('/inloggen/link/:token');
    // Sealed link tokens (outcome answers, unsubscribe), and the older unsubscribe format with an address in base64url.
    const sealed = sealLinkToken('outcome-links', '0b4f1e5e-8a38-4d4b-9a57-0f2f7e8f0c11:gr2026:list');
    expect(maskPath(`/uitslag/${sealed}`)).toBe('/uitslag/:token');
    const older = `${Buffer.from('noor@example.nl').toString('base64url')}.reminders.${'a'.repeat(32)}`;
    expect(maskPath(`/e-mail/afmelden/${older}`)).toBe('/e-mail/afmelden/:token');
    expect(maskPath('/cursussen/0b4f1e5e-8a38-4d4b-9a57-0f2f7e8f0c11')).toBe('/cursussen/0b4f1e5e-8a38-4d4b-9a57-0f2f7e8f0c11');
  });
});

describe('request logging', () => {
  const lines: Record<string, unknown>[] = [];
  let base = '';
  let close: () => void;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const log = createLogger('info', sink);
    const app = express();
    app.use(requestLogging(log));
    app.get('/ok', async (_req, res) => {
      await new Promise((r) => setTimeout(r, 5)); // the request's logger survives awaits
      getLog().info({ user: { email: 'fatima.devries@example.nl', name: 'Fatima de Vries' } }, 'signed up ann@example.org');
      res.send('ok');
    });
    app.get('/boom', () => {
      throw new Error('duplicate key for jan.jansen@example.nl');
    });
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      getLog().error({ err: error }, 'request failed');
      res.status(500).send('error');
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('puts the request id on every line of the request, and masks emails and names', async () => {
    const response = await fetch(`${base}/ok`, { headers: { 'X-Request-Id': 'lb-1234' } });
    expect(response.headers.get('x-request-id')).toBe('lb-1234');
    await new Promise((r) => setTimeout(r, 20));
    const mine = lines.filter((l) => l.requestId === 'lb-1234');
    expect(mine.map((l) => l.msg)).toEqual(['signed up a***@example.org', 'request']);
    const text = JSON.stringify(mine);
    expect(text).not.toContain('fatima');
    expect(text).not.toContain('Fatima');
    expect(text).not.toContain('ann@');
  });

  it('replaces a request id that is not a plain token', async () => {
    const response = await fetch(`${base}/ok`, { headers: { 'X-Request-Id': '"><script>alert(1)</script>' } });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs an error once, with its stack and the request id, without the address in it', async () => {
    const before = lines.length;
    const response = await fetch(`${base}/boom`);
    expect(response.status).toBe(500);
    await new Promise((r) => setTimeout(r, 20));
    const id = response.headers.get('x-request-id');
    const errors = lines.slice(before).filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    const err = errors[0]!.err as { stack: string; message: string };
    expect(errors[0]!.requestId).toBe(id);
    expect(err.stack).toContain('logger.test.ts');
    expect(err.message).toBe('duplicate key for j***@example.nl');
    expect(JSON.stringify(lines)).not.toContain('jan.jansen');
  });
});

describe('no caching of personal pages (ASVS 8.2.1)', () => {
  it('marks responses to logged-in requests, and those that set a cookie, private and no-store', () => {
    const loggedIn = new Headers();
    noStoreWhenPersonal(new Request('http://x/account', { headers: { Cookie: 'pa_locale=nl; pa_session=abc' } }), loggedIn);
    expect(loggedIn.get('cache-control')).toBe('private, no-store');
    const login = new Headers({ 'Set-Cookie': 'pa_session=abc' });
    noStoreWhenPersonal(new Request('http://x/inloggen', { method: 'POST' }), login);
    expect(login.get('cache-control')).toBe('private, no-store');
    const anonymous = new Headers({ 'Cache-Control': 'public, max-age=60' });
    noStoreWhenPersonal(new Request('http://x/cursussen'), anonymous);
    expect(anonymous.get('cache-control')).toBe('public, max-age=60');
  });
});
