import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEVELOPMENT_APP_SECRET, resetEnvCache } from '~/env.server';
import { setClock } from '../clock.server';
import { openLinkToken, sealLinkToken } from './link-keys.server';

const SECRET = 'een-eigen-geheim-van-de-productie-omgeving-2027';
const OLD_SECRET = 'het-geheim-van-voor-de-wissel-in-maart-2027-xx';

/** Runs `fn` with this environment on top of the test's own (and a freshly read configuration). */
function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  resetEnvCache();
  try {
    return fn();
  } finally {
    vi.unstubAllEnvs();
    resetEnvCache();
  }
}

const production = (extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://db.example/pa',
  APP_SECRET: SECRET,
  ...extra,
});

afterEach(() => setClock(undefined));

describe('link keys from APP_SECRET', () => {
  it('round-trip a text, and show nothing of it in the token', () => {
    const text = 'noor@example.nl';
    const token = sealLinkToken('unsubscribe-links', text);
    expect(openLinkToken('unsubscribe-links', token)).toBe(text);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).not.toContain(Buffer.from(text).toString('base64url').slice(0, 12));
    // Sealed anew every time: two links for the same person cannot be matched up.
    expect(sealLinkToken('unsubscribe-links', text)).not.toBe(token);
  });

  it('never cross purposes: an unsubscribe token does not open as an outcome token', () => {
    const token = sealLinkToken('unsubscribe-links', 'user:gr2026:list');
    expect(openLinkToken('outcome-links', token)).toBeNull();
    expect(openLinkToken('unsubscribe-links', token)).toBe('user:gr2026:list');
  });

  it('refuse altered and malformed tokens', () => {
    const token = sealLinkToken('outcome-links', 'a:b:list');
    const bytes = Buffer.from(token, 'base64url');
    bytes[14] = bytes[14]! ^ 1;
    for (const bad of [bytes.toString('base64url'), token.slice(0, -2), 'nonsense', '', 'a.b.c', `${token}/..`])
      expect(openLinkToken('outcome-links', bad), bad).toBeNull();
  });

  it('a token made with the development secret opens nothing in production', () => {
    const development = sealLinkToken('outcome-links', 'user:gr2026:elected'); // NODE_ENV=test: the development secret
    expect(openLinkToken('outcome-links', development)).toBe('user:gr2026:elected');
    withEnv(production(), () => expect(openLinkToken('outcome-links', development)).toBeNull());
    // Without APP_SECRET, production on PostgreSQL has no key at all (the server does not start).
    withEnv({ ...production(), APP_SECRET: undefined }, () =>
      expect(() => openLinkToken('outcome-links', development)).toThrow(/APP_SECRET/),
    );
  });

  it('the embedded demo (production build, no APP_SECRET) makes and keeps a random secret of its own', () => {
    const development = sealLinkToken('outcome-links', 'demo');
    const dir = mkdtempSync(path.join(tmpdir(), 'pa-secret-'));
    try {
      const demo = { NODE_ENV: 'production', DATABASE_URL: '', PGLITE_DIR: path.join(dir, 'pglite') };
      const made = withEnv(demo, () => {
        expect(openLinkToken('outcome-links', development)).toBeNull();
        return sealLinkToken('outcome-links', 'demo');
      });
      const file = path.join(dir, 'app-secret');
      expect(readFileSync(file, 'utf8').trim()).not.toBe(DEVELOPMENT_APP_SECRET);
      expect(statSync(file).mode & 0o077).toBe(0);
      // After a restart (the environment read afresh) the same secret opens the demo's links.
      expect(withEnv(demo, () => openLinkToken('outcome-links', made))).toBe('demo');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('during a rotation, links made with the previous secret open until the end of the grace period', () => {
    const old = withEnv(production({ APP_SECRET: OLD_SECRET }), () => sealLinkToken('outcome-links', 'user:gr2026:list'));
    const rotated = production({ APP_SECRET_PREVIOUS: OLD_SECRET, APP_SECRET_PREVIOUS_UNTIL: '2027-04-30' });

    setClock(new Date('2027-04-30T21:59:00Z'));
    expect(withEnv(rotated, () => openLinkToken('outcome-links', old))).toBe('user:gr2026:list');
    // New links are made with the new secret only.
    const fresh = withEnv(rotated, () => sealLinkToken('outcome-links', 'new'));
    expect(withEnv(production(), () => openLinkToken('outcome-links', fresh))).toBe('new');
    expect(withEnv(production({ APP_SECRET: OLD_SECRET }), () => openLinkToken('outcome-links', fresh))).toBeNull();

    setClock(new Date('2027-05-01T00:00:00Z'));
    expect(withEnv(rotated, () => openLinkToken('outcome-links', old))).toBeNull();
    setClock(new Date('2027-04-01T00:00:00Z'));
    expect(withEnv(production(), () => openLinkToken('outcome-links', old))).toBeNull();
  });
});
