import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { emailMessages } from '~db/schema';
import { now, MINUTE } from '../clock.server';
import { ProviderError, type EmailProvider } from './providers.server';

export type DeliveryOutcome = 'sent' | 'already-done' | 'busy' | 'retry' | 'failed';

const LOCK_MS = 2 * MINUTE;

/**
 * Delivers one recorded email. Safe to run twice for the same message, even at once: the row is
 * claimed atomically, a message that was sent is never sent again, and the provider receives the
 * message's idempotency key so that a retry after an unknown outcome is not delivered twice.
 * Throws when the job should be retried (pg-boss applies the backoff).
 */
export async function deliverEmail(
  db: Db,
  messageId: string,
  provider: EmailProvider,
  options: { from: string; finalAttempt: boolean },
): Promise<DeliveryOutcome> {
  const t = now();
  const [message] = await db
    .update(emailMessages)
    .set({ status: 'sending', attempts: sql`${emailMessages.attempts} + 1`, lockedUntil: new Date(t.getTime() + LOCK_MS), updatedAt: t })
    .where(
      and(
        eq(emailMessages.id, messageId),
        or(eq(emailMessages.status, 'queued'), and(eq(emailMessages.status, 'sending'), lt(emailMessages.lockedUntil, t))),
      ),
    )
    .returning();

  if (!message) {
    const [current] = await db.select({ status: emailMessages.status }).from(emailMessages).where(eq(emailMessages.id, messageId));
    if (!current || current.status !== 'sending') return 'already-done';
    // Another worker holds it right now: try again after its lock ends.
    throw new RetryLater('message is being sent by another worker');
  }

  try {
    const { providerId } = await provider.send({
      from: options.from,
      to: message.recipient,
      subject: message.subject,
      html: message.html ?? '',
      text: message.textBody ?? '',
      headers: message.headers ?? undefined,
      idempotencyKey: message.idempotencyKey,
    });
    await db
      .update(emailMessages)
      .set({
        status: 'sent',
        provider: provider.name,
        providerId,
        sentAt: now(),
        lockedUntil: null,
        lastError: null,
        updatedAt: now(),
        // Once the provider has it, we drop the bodies: they may hold single-use links.
        ...(provider.name === 'mailbox' ? {} : { html: null, textBody: null }),
      })
      .where(eq(emailMessages.id, messageId));
    return 'sent';
  } catch (error) {
    const retryable = !(error instanceof ProviderError) || error.retryable;
    const give_up = !retryable || options.finalAttempt;
    await db
      .update(emailMessages)
      .set({
        status: give_up ? 'failed' : 'queued',
        provider: provider.name,
        lockedUntil: null,
        lastError: String(error instanceof Error ? error.message : error).slice(0, 1000),
        updatedAt: now(),
      })
      .where(eq(emailMessages.id, messageId));
    if (give_up) return 'failed';
    throw error;
  }
}

export class RetryLater extends Error {}

/** Messages that are still waiting, for health checks and tests. */
export async function countPendingEmails(db: Db) {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(emailMessages)
    .where(inArray(emailMessages.status, ['queued', 'sending']));
  return Number(rows[0]?.n ?? 0);
}
