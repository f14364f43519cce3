import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from './security';

// Only /embed/cursussen may be framed by other sites (issue 16, item 4); every other page stays 'none'.

let base = '';
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.nonce = 'abc123';
    next();
  });
  app.use(securityHeaders({ production: true, dev: false }));
  app.all('*', (_req, res) => {
    res.send('ok');
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('framing', () => {
  it('lets any site frame the embed, with the rest of the policy intact', async () => {
    for (const path of ['/embed/cursussen', '/embed/cursussen?municipality=GM0193']) {
      const response = await fetch(`${base}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain('frame-ancestors *');
      expect(csp).toContain("script-src 'self' 'nonce-abc123'");
      expect(response.headers.get('x-frame-options')).toBeNull();
    }
  });

  it('keeps every other page unframable, also paths that only look like the embed', async () => {
    for (const path of ['/', '/cursussen', '/embed/cursussen/x', '/embed/cursussenx', '/beheer']) {
      const response = await fetch(`${base}${path}`);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});
