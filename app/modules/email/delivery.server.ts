import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { emailMessages } from '~db/schema';
import { emailTemplateNames, renderEmail, type EmailTemplateName, type EmailTemplates } from '~emails/index';
import { now } from '../clock.server';
import { BATCH_LIMIT, ProviderError, type EmailProvider } from './providers.server';
import { suppressionReason, suppressionReasons, unsubscribeLinkFromHeaders } from './preferences.server';
import { getEnv } from '~/env.server';

export type DeliveryOutcome = 'sent' | 'already-done' | 'busy' | 'retry' | 'failed' | 'suppressed';

// How long a worker holds a message it is sending; after that (a worker that died) another may take it.
const lockMs = () => getEnv().EMAIL_LOCK_SECONDS * 1000;

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
    .set({ status: 'sending', attempts: sql`${emailMessages.attempts} + 1`, lockedUntil: new Date(t.getTime() + lockMs()), updatedAt: t })
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

  return sendClaimed(db, message, provider, options);
}

/** Sends one claimed message on its own (with its own idempotency key) and records the outcome. */
async function sendClaimed(
  db: Db,
  message: typeof emailMessages.$inferSelect,
  provider: EmailProvider,
  options: { from: string; finalAttempt: boolean },
): Promise<DeliveryOutcome> {
  const messageId = message.id;
  if (await suppress(db, message)) return 'suppressed';
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

class RetryLater extends Error {}

/**
 * Privacy: a bounced or complained address, or a category the person switched off, is not sent.
 * Marks the claimed message suppressed and says so.
 */
async function suppress(db: Db, message: MessageRow): Promise<boolean> {
  const reason = await suppressionReason(db, message.recipient, message.template);
  if (!reason) return false;
  await markSuppressed(db, message, reason);
  return true;
}

async function markSuppressed(db: Db, message: MessageRow, reason: string) {
  await db
    .update(emailMessages)
    .set({ status: 'suppressed', lockedUntil: null, batchKey: null, lastError: reason, props: null, attachments: null, updatedAt: now() })
    .where(eq(emailMessages.id, message.id));
}

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

type MessageRow = typeof emailMessages.$inferSelect;
export type BatchItem = { messageId: string; finalAttempt: boolean };
export type BatchOutcome = DeliveryOutcome | 'retry';

/**
 * Delivers many recorded emails at once: messages without attachments go out in Resend batches of
 * up to 100 (one call, one idempotency key each), the others one by one as `deliverEmail` does.
 * The batch's key is written on its messages before the call; when the outcome is unknown (5xx,
 * network error, the process killed mid-call) they keep it, and whoever picks any of them up again
 * sends that same batch again under the same key, so the provider delivers each message once.
 * Returns each message's outcome; 'retry' means: fail its job, so that pg-boss tries again later.
 */
export async function deliverEmailBatch(
  db: Db,
  items: BatchItem[],
  provider: EmailProvider,
  options: { from: string; batchSize?: number },
): Promise<Map<string, BatchOutcome>> {
  const outcomes = new Map<string, BatchOutcome>();
  if (!provider.sendBatch) {
    for (const item of items) {
      try {
        outcomes.set(
          item.messageId,
          await deliverEmail(db, item.messageId, provider, { from: options.from, finalAttempt: item.finalAttempt }),
        );
      } catch {
        outcomes.set(item.messageId, 'retry');
      }
    }
    return outcomes;
  }
  const final = new Map(items.map((i) => [i.messageId, i.finalAttempt]));
  const claimed = await claim(db, eqAny(items.map((i) => i.messageId)));
  // Members of an earlier batch whose outcome is unknown travel with it, whichever job found them.
  const earlierKeys = [...new Set(claimed.map((m) => m.batchKey).filter((k): k is string => !!k))];
  if (earlierKeys.length) {
    const members = await claim(db, inArray(emailMessages.batchKey, earlierKeys));
    claimed.push(...members.filter((m) => !claimed.some((c) => c.id === m.id)));
  }
  const claimedIds = new Set(claimed.map((m) => m.id));
  for (const item of items) {
    if (claimedIds.has(item.messageId)) continue;
    const [current] = await db.select({ status: emailMessages.status }).from(emailMessages).where(eq(emailMessages.id, item.messageId));
    outcomes.set(item.messageId, !current || current.status !== 'sending' ? 'already-done' : 'retry');
  }

  const batches = new Map<string, MessageRow[]>();
  const fresh: MessageRow[] = [];
  const singles: MessageRow[] = [];
  for (const message of claimed) {
    if (message.batchKey) batches.set(message.batchKey, [...(batches.get(message.batchKey) ?? []), message]);
    else if (message.attachments?.length) singles.push(message);
    else fresh.push(message);
  }
  const size = Math.min(options.batchSize ?? BATCH_LIMIT, BATCH_LIMIT);
  for (let i = 0; i < fresh.length; i += size) {
    const members = fresh.slice(i, i + size);
    const key = `batch/${randomUUID()}`;
    // Recorded before the call: if this process dies during it, the next one repeats this batch.
    await db
      .update(emailMessages)
      .set({ batchKey: key })
      .where(eqAny(members.map((m) => m.id)));
    batches.set(key, members);
  }

  await Promise.all([
    ...[...batches].map(([key, members]) => sendBatch(db, key, members, provider, options.from, final, outcomes)),
    ...singles.map(async (message) => {
      outcomes.set(
        message.id,
        await sendClaimed(db, message, provider, { from: options.from, finalAttempt: final.get(message.id) ?? false }).catch(
          () => 'retry' as const,
        ),
      );
    }),
  ]);
  return outcomes;
}

const eqAny = (ids: string[]) => inArray(emailMessages.id, ids);

/** Claims the messages that are waiting, or whose sender's lock ran out (a worker that died). */
async function claim(db: Db, which: ReturnType<typeof eqAny>): Promise<MessageRow[]> {
  const t = now();
  return db
    .update(emailMessages)
    .set({ status: 'sending', attempts: sql`${emailMessages.attempts} + 1`, lockedUntil: new Date(t.getTime() + lockMs()), updatedAt: t })
    .where(and(which, or(eq(emailMessages.status, 'queued'), and(eq(emailMessages.status, 'sending'), lt(emailMessages.lockedUntil, t)))))
    .returning();
}

async function sendBatch(
  db: Db,
  key: string,
  members: MessageRow[],
  provider: EmailProvider,
  from: string,
  final: Map<string, boolean>,
  outcomes: Map<string, BatchOutcome>,
) {
  members.sort((a, b) => a.id.localeCompare(b.id)); // the same order every time the batch is sent
  const rendered: Array<{ message: MessageRow; content: { subject: string; html: string; text: string } }> = [];
  const reasons = await suppressionReasons(db, members);
  const suppressed = members.filter((_, i) => reasons[i]);
  if (suppressed.length) {
    await Promise.all(suppressed.map((message) => markSuppressed(db, message, reasons[members.indexOf(message)]!)));
    for (const message of suppressed) outcomes.set(message.id, 'suppressed');
  }
  for (const message of members) {
    if (outcomes.get(message.id) === 'suppressed') continue;
    try {
      rendered.push({ message, content: await renderStored(message) });
    } catch (error) {
      await db
        .update(emailMessages)
        .set({
          status: 'failed',
          lockedUntil: null,
          batchKey: null,
          lastError: `render: ${String(error)}`.slice(0, 1000),
          updatedAt: now(),
        })
        .where(eq(emailMessages.id, message.id));
      outcomes.set(message.id, 'failed');
    }
  }
  if (!rendered.length) return;
  try {
    const { providerIds } = await provider.sendBatch!(
      rendered.map(({ message, content }) => ({ from, to: message.recipient, ...content, headers: message.headers ?? undefined })),
      key,
    );
    await markBatchSent(db, provider.name, rendered, providerIds);
    for (const { message } of rendered) outcomes.set(message.id, 'sent');
  } catch (error) {
    const retryable = !(error instanceof ProviderError) || error.retryable;
    // Surely not sent (429, 4xx): the messages may join other batches. Maybe sent: keep the key.
    const keepKey = !(error instanceof ProviderError) || error.maybeSent;
    const lastError = String(error instanceof Error ? error.message : error).slice(0, 1000);
    const giveUp = rendered.filter(({ message }) => !retryable || (final.get(message.id) ?? false)).map((r) => r.message.id);
    const again = rendered.filter(({ message }) => !giveUp.includes(message.id)).map((r) => r.message.id);
    const fields = { provider: provider.name, lockedUntil: null, lastError, updatedAt: now() };
    if (giveUp.length)
      await db
        .update(emailMessages)
        .set({ ...fields, status: 'failed', batchKey: null })
        .where(eqAny(giveUp));
    if (again.length)
      await db
        .update(emailMessages)
        .set({ ...fields, status: 'queued', batchKey: keepKey ? key : null })
        .where(eqAny(again));
    for (const id of giveUp) outcomes.set(id, 'failed');
    for (const id of again) outcomes.set(id, 'retry');
  }
}

/**
 * Records a delivered batch in one statement. Once the provider has the messages we drop their
 * content (it may hold single-use links); the local mailbox keeps it, since showing it is its purpose.
 */
async function markBatchSent(
  db: Db,
  providerName: EmailProvider['name'],
  rendered: Array<{ message: MessageRow; content: { subject: string; html: string; text: string } }>,
  providerIds: Array<string | null | undefined>,
) {
  const t = now().toISOString();
  const keep = providerName === 'mailbox';
  const rows = rendered.map(
    ({ message, content }, i) =>
      sql`(${message.id}::uuid, ${providerIds[i] ?? null}::text, ${content.subject}::text, ${keep ? content.html : null}::text, ${keep ? content.text : null}::text)`,
  );
  await db.execute(sql`
    update email_messages as m
    set status = 'sent', provider = ${providerName}, provider_id = v.provider_id, sent_at = ${t}::timestamptz,
        locked_until = null, last_error = null, updated_at = ${t}::timestamptz,
        subject = v.subject, html = v.html, text_body = v.text_body, props = null,
        attachments = case when ${keep} then m.attachments else null end
    from (values ${sql.join(rows, sql`, `)}) as v(id, provider_id, subject, html, text_body)
    where m.id = v.id`);
}
