import { normalizeEmail } from './schemas';
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { users, type TokenPurpose } from '~db/schema';
import { getEnv } from '~/env.server';
import type { Locale } from '~/i18n';
import { now, HOUR, MINUTE } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { getBoss, queues } from '../jobs/boss.server';
import { hit, hitAll, refund, rules } from '../security/rate-limit.server';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.server';
import { invalidateAllSessions } from './session.server';
import { consumeToken, issueToken, tokenLifetimes, type TokenCheck } from './tokens.server';
import { formatMoment } from '../time';

/** Email addresses are one account each, compared trimmed and case-insensitively. */
// In auth/schemas.ts, so that form schemas the browser runs too can use it.
export { normalizeEmail };

/**
 * Whether `email` is the confirmed address of the logged-in person: only then may a form tell them
 * what it knows about that address (ADR 011), since they have shown it is theirs.
 */
export function isOwnAddress(user: { email: string; emailVerifiedAt: Date | null } | null, email: string) {
  return Boolean(user?.emailVerifiedAt) && normalizeEmail(user!.email) === normalizeEmail(email);
}

const link = (path: string) => `${getEnv().appUrl}${path}`;

const tokenPaths: Record<TokenPurpose, string> = {
  'verify-email': '/verifieren/',
  'login-link': '/inloggen/link/',
  'password-reset': '/wachtwoord-herstellen/',
};

/** Issues a single-use token and enqueues the email that carries its link, on the caller's transaction. */
async function emailToken(tx: Db, user: { id: string; email: string; locale: Locale }, purpose: TokenPurpose) {
  const url = link(tokenPaths[purpose] + (await issueToken(tx, user.id, purpose)));
  const base = { to: user.email, userId: user.id };
  if (purpose === 'verify-email') {
    await enqueueEmail(tx, {
      ...base,
      template: purpose,
      props: { locale: user.locale, url, expiresInHours: tokenLifetimes[purpose] / HOUR },
    });
  } else {
    await enqueueEmail(tx, {
      ...base,
      template: purpose,
      props: { locale: user.locale, url, expiresInMinutes: tokenLifetimes[purpose] / MINUTE },
    });
  }
}

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return user ?? null;
}

export type RateLimited = { status: 'rate-limited'; retryAfterSeconds: number };

/**
 * Registers an account. The answer is the same whether the address was free or not: a new address
 * gets a verification link, a known one an email saying it already has an account.
 */
export async function registerAccount(
  db: Db,
  input: { email: string; name: string; password: string; locale: Locale; ip: string },
): Promise<{ status: 'check-email' } | RateLimited> {
  const limit = await hit(db, rules.registerPerIp, input.ip);
  if (!limit.allowed) return { status: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email, name: input.name.trim(), passwordHash, locale: input.locale, createdAt: now(), updatedAt: now() })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (created) {
      await emailToken(tx, { id: created.id, email, locale: input.locale }, 'verify-email');
    } else {
      const existing = await findUserByEmail(tx, email);
      const accountLimit = await hit(tx, rules.emailLinkPerAccount, email);
      if (existing && accountLimit.allowed) {
        await enqueueEmail(tx, {
          template: 'account-exists',
          to: email,
          userId: existing.id,
          props: { locale: existing.locale, loginUrl: link('/inloggen'), resetUrl: link('/wachtwoord-vergeten') },
        });
      }
    }
  });
  return { status: 'check-email' };
}

/** Confirms an email address with the link from the verification email. */
export async function verifyEmail(db: Db, token: string): Promise<TokenCheck> {
  return db.transaction(async (tx) => {
    const result = await consumeToken(tx, token, 'verify-email');
    if (result.ok) await tx.update(users).set({ emailVerifiedAt: now(), updatedAt: now() }).where(eq(users.id, result.userId));
    return result;
  });
}

export type LoginResult = { status: 'ok'; userId: string } | { status: 'invalid' } | { status: 'unverified' } | RateLimited;

/**
 * Password login. Unknown address and wrong password give the same answer and take the same time.
 * An account whose address is not confirmed yet gets a fresh verification link instead.
 */
export async function loginWithPassword(db: Db, input: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  const limit = await hitAll(db, [
    [rules.loginPerIp, input.ip],
    [rules.loginPerAccount, email],
  ]);
  if (!limit.allowed) return { status: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };
  const user = await findUserByEmail(db, email);
  if (!user || !user.passwordHash) {
    await burnPasswordCheck(input.password);
    return { status: 'invalid' };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return { status: 'invalid' };
  if (!user.emailVerifiedAt) {
    await db.transaction((tx) => emailToken(tx, user, 'verify-email'));
    return { status: 'unverified' };
  }
  // The right password: this attempt was no guess, so it does not count against either limit.
  await Promise.all([refund(db, rules.loginPerIp, input.ip), refund(db, rules.loginPerAccount, email)]);
  return { status: 'ok', userId: user.id };
}

export type AccountLinkJob = { email: string; purpose: 'login-link' | 'password-reset' };

/**
 * Emails a link of `purpose` when the address has an account; neither the answer nor its timing
 * tells which. The request only queues the address: looking it up here and writing the link and its
 * email made a known address measurably slower (median 68 ms against 28 ms on PostgreSQL, one write
 * transaction more), which told a stranger which addresses have an account. The worker decides.
 */
async function emailLinkToKnownAddress(
  db: Db,
  input: { email: string; ip: string },
  purpose: AccountLinkJob['purpose'],
): Promise<{ status: 'sent' } | RateLimited> {
  const email = normalizeEmail(input.email);
  const limit = await hitAll(db, [
    [rules.emailLinkPerIp, input.ip],
    [rules.emailLinkPerAccount, email],
  ]);
  if (!limit.allowed) return { status: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };
  await getBoss().send(queues.accountLink, { email, purpose } satisfies AccountLinkJob);
  return { status: 'sent' };
}

/** The worker's half of a login-link or reset request: the link goes out only if the address has an account. */
export async function sendAccountLink(db: Db, job: AccountLinkJob) {
  const user = await findUserByEmail(db, job.email);
  if (user) await db.transaction((tx) => emailToken(tx, user, job.purpose));
}

/** Emails a one-time login link when the address has an account; the answer never tells which. */
export const requestLoginLink = (db: Db, input: { email: string; ip: string }) => emailLinkToKnownAddress(db, input, 'login-link');

/** Emails a password-reset link when the address has an account; the answer never tells which. */
export const requestPasswordReset = (db: Db, input: { email: string; ip: string }) => emailLinkToKnownAddress(db, input, 'password-reset');

/** Uses a login link. Following it also proves the address is theirs. */
export async function consumeLoginLink(db: Db, token: string): Promise<TokenCheck> {
  return db.transaction(async (tx) => {
    const result = await consumeToken(tx, token, 'login-link');
    if (result.ok) {
      const [user] = await tx.select({ verified: users.emailVerifiedAt }).from(users).where(eq(users.id, result.userId));
      if (user && !user.verified)
        await tx.update(users).set({ emailVerifiedAt: now(), updatedAt: now() }).where(eq(users.id, result.userId));
    }
    return result;
  });
}

/** Sets a new password, ends every session of the account and tells the owner by email. */
async function setPassword(tx: Db, userId: string, password: string) {
  const passwordHash = await hashPassword(password);
  const [user] = await tx
    .update(users)
    .set({ passwordHash, updatedAt: now() })
    .where(eq(users.id, userId))
    .returning({ email: users.email, locale: users.locale, verified: users.emailVerifiedAt });
  if (!user) throw new Error(`user ${userId} disappeared`);
  await invalidateAllSessions(tx, userId);
  await enqueueEmail(tx, {
    template: 'password-changed',
    to: user.email,
    userId,
    props: { locale: user.locale, changedAt: formatMoment(user.locale, now()), resetUrl: link('/wachtwoord-vergeten') },
  });
  return user;
}

/** Resets the password with the emailed link (which also proves the address is theirs). */
export async function resetPassword(db: Db, token: string, password: string): Promise<TokenCheck> {
  return db.transaction(async (tx) => {
    const result = await consumeToken(tx, token, 'password-reset');
    if (!result.ok) return result;
    const user = await setPassword(tx, result.userId, password);
    if (!user.verified) await tx.update(users).set({ emailVerifiedAt: now() }).where(eq(users.id, result.userId));
    return result;
  });
}

/** Changes the password of a logged-in person who knows the current one. */
export async function changePassword(
  db: Db,
  userId: string,
  current: string,
  next: string,
): Promise<{ status: 'ok' } | { status: 'wrong-password' }> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current))) return { status: 'wrong-password' };
  await db.transaction((tx) => setPassword(tx, userId, next));
  return { status: 'ok' };
}

export async function setUserLocale(db: Db, userId: string, locale: Locale) {
  await db.update(users).set({ locale, updatedAt: now() }).where(eq(users.id, userId));
}

/** Whether the account has a password (accounts made through an emailed link may have none). */
export async function hasPassword(db: Db, userId: string) {
  const [account] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return Boolean(account?.passwordHash);
}

/**
 * The password check before a step that cannot be undone (deleting the account): 'ok' when it is
 * right or the account has no password, 'missing' when none was typed, 'wrong' otherwise.
 */
export async function recheckPassword(db: Db, userId: string, password: string): Promise<'ok' | 'missing' | 'wrong'> {
  const [account] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!account?.passwordHash) return 'ok';
  if (!password) return 'missing';
  return (await verifyPassword(account.passwordHash, password)) ? 'ok' : 'wrong';
}
