import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { emailCategories, emailPreferences, emailSuppressions, type EmailCategory } from '~db/schema';
import { getEnv } from '~/env.server';
import { now } from '../clock.server';
import { openLinkToken, sealLinkToken } from '../security/link-keys.server';
import { categoryDefaults, categoryOfTemplate } from './categories';

const normal = (email: string) => email.trim().toLowerCase();

/**
 * A token for an unsubscribe link: the address and category sealed with the unsubscribe-links key,
 * so that the link works without login, cannot be made for another address, and shows nobody the
 * address it is for (the older format carried it in base64url).
 */
export function unsubscribeToken(email: string, category: EmailCategory) {
  return sealLinkToken('unsubscribe-links', `${category}\n${normal(email)}`);
}

export function verifyUnsubscribeToken(token: string): { email: string; category: EmailCategory } | null {
  const opened = openLinkToken('unsubscribe-links', token);
  if (opened === null) return verifyLegacyUnsubscribeToken(token);
  const [category = '', email = '', extra] = opened.split('\n');
  if (!(emailCategories as readonly string[]).includes(category) || !email.includes('@') || extra !== undefined) return null;
  return { email, category: category as EmailCategory };
}

// Unsubscribe links sent before APP_SECRET (address in base64url, category, HMAC) stay in people's
// mailboxes, and an unsubscribe must keep working: they are honoured until this day, but only when
// their key was a secret of the deployment (UNSUBSCRIBE_SECRET, or derived from RESEND_API_KEY).
// The fixed development value they fell back to without either opens nothing.
export const LEGACY_UNSUBSCRIBE_UNTIL = new Date('2027-07-01T00:00:00Z');

function legacySecret() {
  const env = getEnv();
  if (env.UNSUBSCRIBE_SECRET) return env.UNSUBSCRIBE_SECRET;
  if (!env.RESEND_API_KEY) return null;
  return createHash('sha256').update(`politiek-actief/unsubscribe/${env.RESEND_API_KEY}`).digest('hex');
}

function verifyLegacyUnsubscribeToken(token: string): { email: string; category: EmailCategory } | null {
  const secret = legacySecret();
  if (!secret || now().getTime() >= LEGACY_UNSUBSCRIBE_UNTIL.getTime()) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [address, category, given] = parts as [string, string, string];
  if (!(emailCategories as readonly string[]).includes(category)) return null;
  const email = normal(Buffer.from(address, 'base64url').toString('utf8'));
  if (!email.includes('@')) return null;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${email}\n${category}`).digest('base64url').slice(0, 32));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { email, category: category as EmailCategory };
}

export function unsubscribeUrl(email: string, category: EmailCategory) {
  return `${getEnv().appUrl}/e-mail/afmelden/${unsubscribeToken(email, category)}`;
}

/**
 * RFC 2369 / RFC 8058 headers for a non-transactional template; `null` for transactional mail.
 * The https link accepts a one-click POST without login.
 */
export function unsubscribeHeaders(template: string, to: string): Record<string, string> | null {
  const category = categoryOfTemplate(template);
  if (category === 'transactional') return null;
  return {
    'List-Unsubscribe': `<${unsubscribeUrl(to, category)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** The unsubscribe link from a stored message's headers, to show in its footer. */
export function unsubscribeLinkFromHeaders(headers: Record<string, string> | null | undefined) {
  const value = headers?.['List-Unsubscribe'];
  const match = value ? /<(https?:\/\/[^>]+)>/.exec(value) : null;
  return match ? match[1]! : null;
}

export type Preferences = Record<EmailCategory, boolean>;

export async function preferencesFor(db: Db, email: string): Promise<Preferences> {
  const [row] = await db
    .select()
    .from(emailPreferences)
    .where(eq(emailPreferences.email, normal(email)));
  if (!row) return { ...categoryDefaults };
  return { reminders: row.reminders, 'follow-ups': row.followUps, outcomes: row.outcomes, news: row.news };
}

/** Saves switches for an address (only those given change). */
export async function setPreferences(db: Db, email: string, userId: string | null, changes: Partial<Preferences>) {
  const current = await preferencesFor(db, email);
  const next = { ...current, ...changes };
  const values = { reminders: next.reminders, followUps: next['follow-ups'], outcomes: next.outcomes, news: next.news, updatedAt: now() };
  await db
    .insert(emailPreferences)
    .values({ email: normal(email), userId, ...values })
    .onConflictDoUpdate({ target: emailPreferences.email, set: userId ? { ...values, userId } : values });
  return next;
}

export async function isSuppressed(db: Db, email: string) {
  const [row] = await db
    .select({ email: emailSuppressions.email })
    .from(emailSuppressions)
    .where(eq(emailSuppressions.email, normal(email)));
  return Boolean(row);
}

/** Records a hard bounce or complaint: nothing is sent to the address any more. */
export async function suppressAddress(db: Db, email: string, reason: 'bounce' | 'complaint', providerEventId: string | null) {
  await db
    .insert(emailSuppressions)
    .values({ email: normal(email), reason, providerEventId, createdAt: now() })
    .onConflictDoNothing({ target: emailSuppressions.email });
}

/**
 * Why a message must not be sent, or null: the address bounced or complained, or the person
 * switched the template's category off. Transactional mail is stopped only by a suppression.
 */
export async function suppressionReason(db: Db, recipient: string, template: string): Promise<string | null> {
  const [reason] = await suppressionReasons(db, [{ recipient, template }]);
  return reason ?? null;
}

/** `suppressionReason` for many messages at once, in two queries (a worker's batch of 100). */
export async function suppressionReasons(db: Db, messages: Array<{ recipient: string; template: string }>): Promise<Array<string | null>> {
  if (!messages.length) return [];
  const addresses = [...new Set(messages.map((m) => normal(m.recipient)))];
  const suppressed = new Set(
    (await db.select({ email: emailSuppressions.email }).from(emailSuppressions).where(inArray(emailSuppressions.email, addresses))).map(
      (r) => r.email,
    ),
  );
  const needPreferences = messages.some((m) => categoryOfTemplate(m.template) !== 'transactional');
  const preferences = new Map<string, Preferences>();
  if (needPreferences) {
    for (const row of await db.select().from(emailPreferences).where(inArray(emailPreferences.email, addresses))) {
      preferences.set(row.email, { reminders: row.reminders, 'follow-ups': row.followUps, outcomes: row.outcomes, news: row.news });
    }
  }
  return messages.map(({ recipient, template }) => {
    const address = normal(recipient);
    if (suppressed.has(address)) return 'address suppressed (bounce or complaint)';
    const category = categoryOfTemplate(template);
    if (category === 'transactional') return null;
    return (preferences.get(address) ?? categoryDefaults)[category] ? null : `category ${category} switched off`;
  });
}
