import type { AddressInfo } from 'node:net';
import express from 'express';
import { like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rateLimits } from '../db/schema';
import { parseEnv } from '../app/env.server';
import { rules } from '../app/modules/security/rate-limit.server';
import { action as signUpAction } from '../app/routes/cursussen.$id_.aanmelden';
import { action as loginAction } from '../app/routes/inloggen';
import { createCourse } from '../test/courses';
import { setupTestDatabase } from '../test/database';
import { proxyTrust, requestContext } from './request-context';

const t = setupTestDatabase();

/**
 * The express server as server/main.ts configures it (proxy trust from the environment, the load
 * context every route gets), in front of the real sign-up action on the test database. The test
 * plays the load balancer on 127.0.0.1, which appends the address it sees to X-Forwarded-For.
 */
type Action = (args: { request: Request; params: Record<string, string>; context: ReturnType<typeof requestContext> }) => Promise<unknown>;

async function serve(TRUST_PROXY: string, path: string, action: Action) {
  const app = express();
  app.set('trust proxy', proxyTrust(parseEnv({ TRUST_PROXY })));
  app.post(path, async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://localhost${req.originalUrl}`, {
      method: 'POST',
      headers: { 'Content-Type': req.get('content-type') ?? '' },
      body: Buffer.concat(chunks),
    });
    const context = requestContext(req, res);
    const result = await action({ request, params: req.params, context }).catch((thrown: unknown) => thrown);
    const status = result instanceof Response ? result.status : ((result as { init?: { status?: number } | null })?.init?.status ?? 200);
    res.status(status).end();
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function signUpsFromOneClient(trustProxy: string, count: number) {
  const { course } = await createCourse(t.handle.db, { capacity: 100 });
  const { base, close } = await serve(trustProxy, '/cursussen/:id/aanmelden', signUpAction);
  const statuses: number[] = [];
  try {
    for (let n = 1; n <= count; n++) {
      const response = await fetch(`${base}/cursussen/${course.id}/aanmelden`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          // The client writes its own "address" in front; the balancer appends the one it saw.
          'X-Forwarded-For': `198.51.100.${n}, 203.0.113.8`,
        },
        body: new URLSearchParams({
          name: `Deelnemer ${n}`,
          email: `proxy-${trustProxy.replace(/\W/g, '')}-${n}@example.nl`,
          municipality: 'GM0193',
          consent: 'on',
        }),
      });
      statuses.push(response.status);
    }
  } finally {
    close();
  }
  const counters = await t.handle.db
    .select({ key: rateLimits.key, hits: rateLimits.hits })
    .from(rateLimits)
    .where(like(rateLimits.key, `${rules.signupPerIp.name}:%`));
  await t.handle.db.delete(rateLimits);
  return { statuses, counters };
}

/** Password logins for addresses without an account, each with its own made-up address in front. */
async function loginsFromOneClient(trustProxy: string, count: number) {
  const { base, close } = await serve(trustProxy, '/inloggen', loginAction);
  const statuses: number[] = [];
  try {
    for (let n = 1; n <= count; n++) {
      const response = await fetch(`${base}/inloggen`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': `198.51.100.${n}, 203.0.113.8` },
        body: new URLSearchParams({ intent: 'password', email: `raden-${n}@example.nl`, password: 'een wachtwoord dat niet klopt' }),
      });
      statuses.push(response.status);
    }
  } finally {
    close();
  }
  await t.handle.db.delete(rateLimits);
  return statuses;
}

describe('client addresses behind a load balancer', () => {
  it('refuses TRUST_PROXY=true, which would let every client choose its own address', () => {
    expect(() => parseEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: no longer accepts true.*TRUST_PROXY=1/);
    expect(() => parseEnv({ TRUST_PROXY: '10.0.0.0/33,proxy' })).toThrow(/not understood: 10\.0\.0\.0\/33, proxy/);
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: '10.0.0.0/8, fd00::/8,loopback' }).TRUST_PROXY).toEqual(['10.0.0.0/8', 'fd00::/8', 'loopback']);
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
  });

  for (const setting of ['1', '127.0.0.1/8']) {
    it(`with TRUST_PROXY=${setting}, 64 sign-ups with made-up addresses in front all count against the one client`, async () => {
      const { statuses, counters } = await signUpsFromOneClient(setting, 64);
      expect(counters).toEqual([{ key: `${rules.signupPerIp.name}:203.0.113.8`, hits: 64 }]);
      expect(statuses.slice(0, rules.signupPerIp.limit).filter((s) => s >= 400)).toEqual([]);
      expect(statuses.slice(rules.signupPerIp.limit)).toEqual([429, 429, 429, 429]);
    }, 180_000);
  }

  it('with TRUST_PROXY=1, password guesses with made-up addresses in front hit the login limit per client', async () => {
    const statuses = await loginsFromOneClient('1', rules.loginPerIp.limit + 2);
    expect(statuses.slice(0, rules.loginPerIp.limit)).toEqual(Array(rules.loginPerIp.limit).fill(400));
    expect(statuses.slice(rules.loginPerIp.limit)).toEqual([429, 429]);
  }, 180_000);
});
