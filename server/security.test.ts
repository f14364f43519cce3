import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealLinkToken } from '../app/modules/security/link-keys.server';
import { refuseForeignOrigins, securityHeaders } from './security';

let base = '';
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.nonce = 'abc123';
    next();
  });
  app.use(securityHeaders({ production: true, dev: false }));
  app.use(refuseForeignOrigins);
  app.all('*', (req, res) => {
    res.send(req.get('origin') ? 'ok with origin' : 'ok');
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('security headers', () => {
  it('enforces a CSP with the request nonce and no inline scripts, and forbids framing', async () => {
    const response = await fetch(`${base}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
  });

  it('lets the mailbox email frame set its own policy', async () => {
    const response = await fetch(`${base}/dev/mailbox/0b4f1e5e-8a38-4d4b-9a57-0f2f7e8f0c11/html`);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});

describe('HSTS only in production', () => {
  async function headersOf(options: { production: boolean; dev: boolean }) {
    const app = express();
    app.use((_req, res, next) => {
      res.locals.nonce = 'n0nce';
      next();
    });
    app.use(securityHeaders(options));
    app.get('*', (_req, res) => void res.send('ok'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      return (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).headers;
    } finally {
      server.close();
    }
  }

  it('sends Strict-Transport-Security for a year with subdomains in production', async () => {
    expect((await headersOf({ production: true, dev: false })).get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('sends no HSTS outside production (a local demo on http://localhost), but still the other headers', async () => {
    const headers = await headersOf({ production: false, dev: false });
    expect(headers.get('strict-transport-security')).toBeNull();
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('denies every browser feature the app does not use', async () => {
    const policy = (await headersOf({ production: true, dev: false })).get('permissions-policy') ?? '';
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'fullscreen', 'browsing-topics']) {
      expect(policy).toContain(`${feature}=()`);
    }
    expect(policy).not.toMatch(/=\(self|=\*/);
  });

  it('has no unsafe sources in the CSP at all', async () => {
    const csp = (await headersOf({ production: true, dev: false })).get('content-security-policy') ?? '';
    expect(csp).not.toMatch(/unsafe-(inline|eval|hashes)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
  });
});

describe('cross-origin form posts', () => {
  it('refuses a POST whose Origin is another site', async () => {
    const response = await fetch(`${base}/inloggen`, { method: 'POST', headers: { Origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });

  it('refuses a foreign Origin on every state-changing method, and a malformed one', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await fetch(`${base}/x`, { method, headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    }
    expect((await fetch(`${base}/x`, { method: 'POST', headers: { Origin: 'null' } })).status).toBe(403);
  });

  it('accepts a POST from the same origin, and one without an Origin header', async () => {
    expect((await fetch(`${base}/inloggen`, { method: 'POST', headers: { Origin: base } })).status).toBe(200);
    expect((await fetch(`${base}/inloggen`, { method: 'POST' })).status).toBe(200);
  });
});

describe('foreign POSTs allowed by design', () => {
  it('lets a mail client’s one-click unsubscribe and the provider’s webhook through, and nothing next to them', async () => {
    const foreign = { method: 'POST', headers: { Origin: 'https://mail.example' } };
    const unsubscribe = await fetch(`${base}/e-mail/afmelden/bm9vckBleGFtcGxlLm5s.news.abcDEF_-123`, foreign);
    expect(unsubscribe.status).toBe(200);
    // Passed on without the foreign Origin (Remix would refuse the action otherwise).
    expect(await unsubscribe.text()).toBe('ok');
    expect((await fetch(`${base}/webhooks/resend`, foreign)).status).toBe(200);
    // The sealed token of today's links (one base64url segment).
    const sealed = await fetch(`${base}/e-mail/afmelden/${sealLinkToken('unsubscribe-links', 'news\nnoor@example.nl')}`, foreign);
    expect(sealed.status).toBe(200);
    expect((await fetch(`${base}/e-mail/afmelden/abc/def`, foreign)).status).toBe(403);
    expect((await fetch(`${base}/e-mail/afmelden/x.news.y/meer`, foreign)).status).toBe(403);
    expect((await fetch(`${base}/webhooks/resend-extra`, foreign)).status).toBe(403);
    expect((await fetch(`${base}/account/privacy`, foreign)).status).toBe(403);
  });
});
