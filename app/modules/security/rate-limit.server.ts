import { lt, sql } from 'drizzle-orm';
import { rateLimits } from '~db/schema';
import type { Db } from '~db/client.server';
import { now } from '../clock.server';

export type RateLimitRule = { name: string; limit: number; windowMs: number };

export const rules = {
  loginPerIp: { name: 'login-ip', limit: 30, windowMs: 15 * 60_000 },
  loginPerAccount: { name: 'login-account', limit: 8, windowMs: 15 * 60_000 },
  emailLinkPerIp: { name: 'email-link-ip', limit: 20, windowMs: 60 * 60_000 },
  emailLinkPerAccount: { name: 'email-link-account', limit: 5, windowMs: 60 * 60_000 },
  registerPerIp: { name: 'register-ip', limit: 20, windowMs: 60 * 60_000 },
  // Generous: a whole class may sign up from one school or library network.
  signupPerIp: { name: 'signup-ip', limit: 60, windowMs: 60 * 60_000 },
  // Codes are 160 random bits, so this is against scraping rather than guessing; an employer checking
  // a stack of certificates stays well under it.
  certificatePerIp: { name: 'certificate-ip', limit: 60, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { allowed: boolean; hits: number; retryAfterSeconds: number };

/**
 * Counts one hit against `rule` for `subject` in a fixed window, in one statement, so that every
 * web process sharing the database sees the same count. Over the limit → allowed: false.
 */
export async function hit(db: Db, rule: RateLimitRule, subject: string): Promise<RateLimitResult> {
  const t = now().getTime();
  const windowStart = new Date(t - (t % rule.windowMs));
  const key = `${rule.name}:${subject}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.hits} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ hits: rateLimits.hits });
  const hits = row?.hits ?? 1;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + rule.windowMs - t) / 1000);
  return { allowed: hits <= rule.limit, hits, retryAfterSeconds };
}

/** Checks several limits at once (e.g. per IP and per account); all are counted. */
export async function hitAll(db: Db, checks: Array<[RateLimitRule, string]>): Promise<RateLimitResult> {
  const results = await Promise.all(checks.map(([rule, subject]) => hit(db, rule, subject)));
  const blocked = results.filter((r) => !r.allowed);
  if (blocked.length === 0) return { allowed: true, hits: Math.max(...results.map((r) => r.hits)), retryAfterSeconds: 0 };
  return {
    allowed: false,
    hits: Math.max(...blocked.map((r) => r.hits)),
    retryAfterSeconds: Math.max(...blocked.map((r) => r.retryAfterSeconds)),
  };
}

/**
 * Takes back one hit of the current window, for an attempt that turned out to be legitimate (a login
 * with the right password): the login limits are there against guessing, and a person who logs in
 * on three devices, or a class logging in from one school network, should not use them up.
 */
export async function refund(db: Db, rule: RateLimitRule, subject: string) {
  const t = now().getTime();
  const windowStart = new Date(t - (t % rule.windowMs));
  await db
    .update(rateLimits)
    .set({ hits: sql`greatest(${rateLimits.hits} - 1, 0)` })
    .where(sql`${rateLimits.key} = ${`${rule.name}:${subject}`} and ${rateLimits.windowStart} = ${windowStart.toISOString()}::timestamptz`);
}

/** Removes counters of windows that ended (run by a scheduled job). */
export async function pruneRateLimits(db: Db, olderThanMs = 24 * 60 * 60_000) {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now().getTime() - olderThanMs)));
}
