import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailMessages, sessions, users, verificationTokens } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { runAccountLinkJobs } from '../../../test/account-links';
import { advanceClock, MINUTE, DAY, setClock } from '../clock.server';
import {
  changePassword,
  consumeLoginLink,
  loginWithPassword,
  registerAccount,
  requestLoginLink,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
} from './accounts.server';
import { createSession, validateSessionToken } from './session.server';
import { renderStored } from '../email/delivery.server';

const t = setupTestDatabase();
let counter = 0;
const unique = () => `person${++counter}-${Date.now()}@example.nl`;
const ip = () => `10.0.${counter % 250}.${(counter * 7) % 250}`;

/** The link in the newest email of a template to an address, as the person would click it. */
async function linkFromEmail(to: string, template: string) {
  await runAccountLinkJobs(t.boss, t.handle.db);
  const [message] = await t.handle.db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.recipient, to), eq(emailMessages.template, template)))
    .orderBy(sql`${emailMessages.createdAt} desc`)
    .limit(1);
  // The worker renders emails when it delivers them; render it here as it would.
  const text = message ? (await renderStored(message)).text : '';
  const url = text.match(/https?:\/\/\S+/)?.[0];
  if (!url) throw new Error(`no ${template} email with a link to ${to}`);
  return new URL(url);
}
const tokenOf = (url: URL) => url.pathname.split('/').pop()!;

async function jobsFor(messageIds: string[]) {
  const result = await t.handle.db.execute(sql`select data->>'messageId' as id from pgboss.job where name = 'email-send'`);
  const rows = (Array.isArray(result) ? result : (result as { rows: { id: string }[] }).rows) as { id: string }[];
  return rows.map((r) => r.id).filter((id) => messageIds.includes(id));
}

async function register(email = unique(), password = 'een lange zin als wachtwoord') {
  const result = await registerAccount(t.handle.db, { email, name: 'Fatima de Vries', password, locale: 'nl', ip: ip() });
  expect(result.status).toBe('check-email');
  return { email, password };
}

describe('registration', () => {
  it('creates the account and enqueues its verification email with a job, in one transaction', async () => {
    const { email } = await register(`  ${unique().toUpperCase()} `);
    const normalized = email.trim().toLowerCase();
    const [user] = await t.handle.db.select().from(users).where(eq(users.email, normalized));
    expect(user).toMatchObject({ name: 'Fatima de Vries', emailVerifiedAt: null });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const messages = await t.handle.db.select().from(emailMessages).where(eq(emailMessages.recipient, normalized));
    expect(messages.map((m) => m.template)).toEqual(['verify-email']);
    expect(messages[0]!.status).toBe('queued');
    expect(await jobsFor([messages[0]!.id])).toEqual([messages[0]!.id]);
  });

  it('answers the same for a known address and tells its owner instead of creating a second account', async () => {
    const { email } = await register();
    await register(email.toUpperCase(), 'een heel ander wachtwoord');
    const accounts = await t.handle.db.select().from(users).where(eq(users.email, email));
    expect(accounts).toHaveLength(1);
    const templates = (await t.handle.db.select().from(emailMessages).where(eq(emailMessages.recipient, email))).map((m) => m.template);
    expect(templates.sort()).toEqual(['account-exists', 'verify-email']);
  });

  it('stores email tokens only as hashes', async () => {
    const { email } = await register();
    const token = tokenOf(await linkFromEmail(email, 'verify-email'));
    const stored = await t.handle.db.select().from(verificationTokens);
    expect(stored.some((row) => row.tokenHash === token)).toBe(false);
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
  });
});

describe('email verification and password login', () => {
  it('refuses password login until the address is confirmed, then accepts it', async () => {
    const { email, password } = await register();
    expect((await loginWithPassword(t.handle.db, { email, password, ip: ip() })).status).toBe('unverified');
    const link = await linkFromEmail(email, 'verify-email');
    expect(link.pathname).toMatch(/^\/verifieren\/[a-z2-7]{32}$/);
    expect((await verifyEmail(t.handle.db, tokenOf(link))).ok).toBe(true);
    expect(await verifyEmail(t.handle.db, tokenOf(link))).toEqual({ ok: false, problem: 'used' });
    expect((await loginWithPassword(t.handle.db, { email: email.toUpperCase(), password, ip: ip() })).status).toBe('ok');
  });

  it('gives the same answer for an unknown address and a wrong password', async () => {
    const { email } = await register();
    await verifyEmail(t.handle.db, tokenOf(await linkFromEmail(email, 'verify-email')));
    const wrong = await loginWithPassword(t.handle.db, { email, password: 'niet het wachtwoord', ip: ip() });
    const unknown = await loginWithPassword(t.handle.db, { email: unique(), password: 'niet het wachtwoord', ip: ip() });
    expect(wrong).toEqual({ status: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('rejects expired and forged verification links', async () => {
    const { email } = await register();
    const token = tokenOf(await linkFromEmail(email, 'verify-email'));
    expect(await verifyEmail(t.handle.db, 'a'.repeat(32))).toEqual({ ok: false, problem: 'invalid' });
    advanceClock(49 * 60 * MINUTE);
    expect(await verifyEmail(t.handle.db, token)).toEqual({ ok: false, problem: 'expired' });
  });
});

describe('rate limits', () => {
  it('blocks password guessing per account, whatever the address the guesses come from', async () => {
    const { email } = await register();
    const results = [];
    for (let i = 0; i < 10; i++) {
      results.push((await loginWithPassword(t.handle.db, { email, password: `gok nummer ${i}`, ip: `192.0.2.${i}` })).status);
    }
    expect(results.slice(0, 8).every((s) => s === 'invalid')).toBe(true);
    expect(results.slice(8)).toEqual(['rate-limited', 'rate-limited']);
  });

  it('counts only guesses: logins with the right password, from one account and one network, never run into the limits', async () => {
    const { email, password } = await register();
    await verifyEmail(t.handle.db, tokenOf(await linkFromEmail(email, 'verify-email')));
    // A class of 40 logging in from one school network, one of them on several devices.
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await loginWithPassword(t.handle.db, { email, password, ip: '198.51.100.40' })).status);
    expect(statuses.every((s) => s === 'ok')).toBe(true);
    // Guesses still count as before: 8 allowed, then blocked, also for the owner until the window ends.
    const guesses = [];
    for (let i = 0; i < 9; i++) {
      guesses.push((await loginWithPassword(t.handle.db, { email, password: `gok ${i}`, ip: `192.0.2.${i}` })).status);
    }
    expect(guesses.slice(0, 8).every((s) => s === 'invalid')).toBe(true);
    expect(guesses[8]).toBe('rate-limited');
    expect((await loginWithPassword(t.handle.db, { email, password, ip: '198.51.100.40' })).status).toBe('rate-limited');
  });

  it('blocks many reset requests from one address, also for unknown emails', async () => {
    const statuses = [];
    for (let i = 0; i < 22; i++) statuses.push((await requestPasswordReset(t.handle.db, { email: unique(), ip: '198.51.100.9' })).status);
    expect(statuses.filter((s) => s === 'sent')).toHaveLength(20);
    expect(statuses.at(-1)).toBe('rate-limited');
  });

  it('lets people try again in the next window', async () => {
    setClock(new Date('2026-12-01T10:00:00Z'));
    const { email } = await register();
    for (let i = 0; i < 9; i++) await loginWithPassword(t.handle.db, { email, password: 'fout fout fout', ip: ip() });
    expect((await loginWithPassword(t.handle.db, { email, password: 'fout fout fout', ip: ip() })).status).toBe('rate-limited');
    advanceClock(16 * MINUTE);
    expect((await loginWithPassword(t.handle.db, { email, password: 'fout fout fout', ip: ip() })).status).toBe('invalid');
  });
});

describe('login links', () => {
  it('sends a link only to known addresses, answers the same, and logs in once', async () => {
    const { email } = await register();
    const stranger = unique();
    expect(await requestLoginLink(t.handle.db, { email: stranger, ip: ip() })).toEqual({ status: 'sent' });
    await runAccountLinkJobs(t.boss, t.handle.db);
    expect(await t.handle.db.select().from(emailMessages).where(eq(emailMessages.recipient, stranger))).toHaveLength(0);
    expect(await requestLoginLink(t.handle.db, { email, ip: ip() })).toEqual({ status: 'sent' });
    const token = tokenOf(await linkFromEmail(email, 'login-link'));
    const used = await consumeLoginLink(t.handle.db, token);
    expect(used.ok).toBe(true);
    expect(await consumeLoginLink(t.handle.db, token)).toEqual({ ok: false, problem: 'used' });
    // Following the link proves the address, so it counts as verified.
    const [user] = await t.handle.db.select().from(users).where(eq(users.email, email));
    expect(user!.emailVerifiedAt).not.toBeNull();
  });

  it('expires after 15 minutes, and a newer link replaces an older one', async () => {
    const { email } = await register();
    await requestLoginLink(t.handle.db, { email, ip: ip() });
    const first = tokenOf(await linkFromEmail(email, 'login-link'));
    await new Promise((r) => setTimeout(r, 5));
    await requestLoginLink(t.handle.db, { email, ip: ip() });
    const second = tokenOf(await linkFromEmail(email, 'login-link'));
    expect(second).not.toBe(first);
    expect((await consumeLoginLink(t.handle.db, first)).ok).toBe(false);
    advanceClock(16 * MINUTE);
    expect(await consumeLoginLink(t.handle.db, second)).toEqual({ ok: false, problem: 'expired' });
  });
});

describe('sessions', () => {
  it('keeps only the SHA-256 of the token and slides the expiry forward past half-way', async () => {
    const { email } = await register();
    const [user] = await t.handle.db.select().from(users).where(eq(users.email, email));
    setClock(new Date('2026-12-01T10:00:00Z'));
    const { token, expiresAt } = await createSession(t.handle.db, user!.id);
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.id, token))).toHaveLength(0);
    expect((await validateSessionToken(t.handle.db, token))?.renewed).toBe(false);
    advanceClock(20 * DAY);
    const renewed = await validateSessionToken(t.handle.db, token);
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(expiresAt.getTime());
    advanceClock(31 * DAY);
    expect(await validateSessionToken(t.handle.db, token)).toBeNull();
  });
});

describe('password reset and change', () => {
  it('resets with the emailed link, ends every session and tells the owner', async () => {
    const { email } = await register();
    const [user] = await t.handle.db.select().from(users).where(eq(users.email, email));
    const one = await createSession(t.handle.db, user!.id);
    const two = await createSession(t.handle.db, user!.id);
    await requestPasswordReset(t.handle.db, { email, ip: ip() });
    const token = tokenOf(await linkFromEmail(email, 'password-reset'));
    expect((await resetPassword(t.handle.db, token, 'mijn nieuwe wachtwoord')).ok).toBe(true);
    expect(await validateSessionToken(t.handle.db, one.token)).toBeNull();
    expect(await validateSessionToken(t.handle.db, two.token)).toBeNull();
    expect(await resetPassword(t.handle.db, token, 'nog een ander wachtwoord')).toEqual({ ok: false, problem: 'used' });
    expect((await loginWithPassword(t.handle.db, { email, password: 'mijn nieuwe wachtwoord', ip: ip() })).status).toBe('ok');
    expect((await loginWithPassword(t.handle.db, { email, password: 'een lange zin als wachtwoord', ip: ip() })).status).toBe('invalid');
    await linkFromEmail(email, 'password-changed');
  });

  it('changes the password only with the current one', async () => {
    const { email, password } = await register();
    const [user] = await t.handle.db.select().from(users).where(eq(users.email, email));
    expect(await changePassword(t.handle.db, user!.id, 'verkeerd wachtwoord', 'nieuw wachtwoord 123')).toEqual({
      status: 'wrong-password',
    });
    const session = await createSession(t.handle.db, user!.id);
    expect(await changePassword(t.handle.db, user!.id, password, 'nieuw wachtwoord 123')).toEqual({ status: 'ok' });
    expect(await validateSessionToken(t.handle.db, session.token)).toBeNull();
  });
});
