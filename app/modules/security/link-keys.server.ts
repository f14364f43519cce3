import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEVELOPMENT_APP_SECRET, getEnv, type Env } from '~/env.server';
import { now, DAY } from '../clock.server';

// Links in emails that work without logging in (an outcome answer, an unsubscribe) carry what they
// are about sealed with AES-256-GCM: nobody can read the person in them, nor make one for somebody
// else. Each purpose has its own key, derived from the one APP_SECRET with HKDF and the purpose's
// label, so a token made for one purpose never opens as another. Links that point at a database row
// (manage links, login links, invitations) are random tokens stored hashed and need no key.

export type LinkPurpose = 'outcome-links' | 'unsubscribe-links';
/** Keys used for something other than links: the email log's address digests. */
export type KeyPurpose = LinkPurpose | 'email-log-digests';

const SALT = 'politiek-actief';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function derive(rootSecret: string, purpose: KeyPurpose) {
  return Buffer.from(hkdfSync('sha256', rootSecret, SALT, `politiek-actief/${purpose}/v1`, 32));
}

/**
 * The root secret when APP_SECRET is unset. Development and tests use the public development value.
 * The embedded demo runs the production build: it makes a random secret once and keeps it beside
 * its database, so that its links survive a restart but the public value opens nothing there.
 * Production on PostgreSQL never gets here: the environment check refuses to start without one.
 */
function fallbackSecret(env: Env) {
  if (!env.isProduction) return DEVELOPMENT_APP_SECRET;
  if (!env.embedded) throw new Error('APP_SECRET is required in production on PostgreSQL');
  const file = path.join(path.dirname(path.resolve(env.PGLITE_DIR)), 'app-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const made = randomBytes(48).toString('base64url');
  writeFileSync(file, `${made}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return made;
}

type Keys = { current: string; previous?: { secret: string; until: Date } };
let cache: { env: Env; keys: Keys } | undefined;

function rootSecrets(): Keys {
  const env = getEnv();
  if (cache?.env === env) return cache.keys;
  const keys: Keys = { current: env.APP_SECRET ?? fallbackSecret(env) };
  if (env.APP_SECRET_PREVIOUS && env.APP_SECRET_PREVIOUS_UNTIL) {
    // Up to and including that day (UTC).
    keys.previous = {
      secret: env.APP_SECRET_PREVIOUS,
      until: new Date(new Date(`${env.APP_SECRET_PREVIOUS_UNTIL}T00:00:00Z`).getTime() + DAY),
    };
  }
  cache = { env, keys };
  return keys;
}

/** The keys that may open a token now: the current one, and the previous one during its grace period. */
function openingKeys(purpose: LinkPurpose) {
  const { current, previous } = rootSecrets();
  const keys = [derive(current, purpose)];
  if (previous && now().getTime() < previous.until.getTime()) keys.push(derive(previous.secret, purpose));
  return keys;
}

/**
 * The current key of a purpose, for keyed digests (HMAC). A rotation changes it: digests made under
 * the previous secret no longer match (the email log's reduced rows expire on their own).
 */
export function purposeKey(purpose: Exclude<KeyPurpose, LinkPurpose>) {
  return derive(rootSecrets().current, purpose);
}

/** Seals `text` for one purpose into a URL-safe token (base64url, different every time). */
export function sealLinkToken(purpose: LinkPurpose, text: string) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', derive(rootSecrets().current, purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** What a token of this purpose holds, or null for anything forged, altered, of another purpose or an old key. */
export function openLinkToken(purpose: LinkPurpose, token: string | undefined): string | null {
  if (!token || token.length > 600 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES + 1) return null;
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const sealed = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
  for (const key of openingKeys(purpose)) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
    } catch {
      // Not this key: try the next one.
    }
  }
  return null;
}
