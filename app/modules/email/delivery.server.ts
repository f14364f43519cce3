import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { emailMessages } from '~db/schema';
import { emailTemplateNames, renderEmail, type EmailTemplateName, type EmailTemplates } from '~emails/index';
import { now, MINUTE } from '../clock.server';
import { ProviderError, type EmailProvider } from './providers.server';
import { suppressionReason, unsubscribeLinkFromHeaders } from '../privacy/email-preferences.server';

export type DeliveryOutcome = 'sent' | 'already-done' | 'busy' | 'retry' | 'failed' | 'suppressed';

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

  // Privacy: a bounced or complained address, or a category the person switched off, is not sent.
  const suppressed = await suppressionReason(db, message.recipient, message.template);
  if (suppressed) {
    await db
      .update(emailMessages)
      .set({ status: 'suppressed', lockedUntil: null, lastError: suppressed, props: null, attachments: null, updatedAt: now() })
      .where(eq(emailMessages.id, messageId));
    return 'suppressed';
  }

  let content: { subject: string; html: string; text: string };
  try {
    content = await renderStored(message);
  } catch (error) {
    // A template that cannot render will not render next time either: a bug to fix, not to retry.
    await db
      .update(emailMessages)
      .set({ status: 'failed', lockedUntil: null, lastError: `render: ${String(error)}`.slice(0, 1000), updatedAt: now() })
      .where(eq(emailMessages.id, messageId));
    return 'failed';
  }

  try {
    const { providerId } = await provider.send({
      from: options.from,
      to: message.recipient,
      subject: content.subject,
      html: content.html,
      text: content.text,
      headers: message.headers ?? undefined,
      attachments: message.attachments ?? undefined,
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
        // Once the provider has it, we drop the content: it may hold single-use links. The local
        // mailbox keeps the rendered message, since showing it is its whole purpose.
        ...(provider.name === 'mailbox'
          ? { subject: content.subject, html: content.html, textBody: content.text, props: null }
          : { subject: content.subject, html: null, textBody: null, props: null, attachments: null }),
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

type StoredMessage = {
  template: string;
  headers?: Record<string, string> | null;
  props: Record<string, unknown> | null;
  subject: string | null;
  html: string | null;
  textBody: string | null;
};

/** The message's subject and bodies: rendered from its template and props (or as stored already). */
export async function renderStored(message: StoredMessage) {
  if (message.subject && message.html !== null && message.textBody !== null) {
    return { subject: message.subject, html: message.html, text: message.textBody };
  }
  if (!emailTemplateNames.includes(message.template as EmailTemplateName) || !message.props) {
    throw new Error(`unknown template ${message.template} or no props`);
  }
  const name = message.template as EmailTemplateName;
  return renderEmail(name, message.props as unknown as EmailTemplates[typeof name], {
    unsubscribeUrl: unsubscribeLinkFromHeaders(message.headers),
  });
}

/** Messages that are still waiting, for health checks and tests. */
export async function countPendingEmails(db: Db) {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(emailMessages)
    .where(inArray(emailMessages.status, ['queued', 'sending']));
  return Number(rows[0]?.n ?? 0);
}
