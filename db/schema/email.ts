import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A file sent with an email; content is base64. */
export type EmailAttachment = { filename: string; contentType: string; content: string };

export const emailStatuses = ['queued', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

/**
 * Every email the platform sends, and at the same time the transactional outbox: a row is written in
 * the same database transaction as the change that causes the email, and a job delivers it.
 * Bodies are kept until the provider accepted the message (the local mailbox keeps them for display).
 */
export const emailMessages = pgTable(
  'email_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    template: text('template').notNull(),
    recipient: text('recipient').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    locale: text('locale', { enum: ['nl', 'en'] }).notNull(),
    // Template props until delivery (rendering happens in the worker, not in the request).
    props: jsonb('props').$type<Record<string, unknown>>(),
    subject: text('subject'),
    html: text('html'),
    textBody: text('text_body'),
    headers: jsonb('headers').$type<Record<string, string>>(),
    attachments: jsonb('attachments').$type<EmailAttachment[]>(),
    status: text('status', { enum: emailStatuses }).notNull().default('queued'),
    provider: text('provider', { enum: ['resend', 'mailbox'] }),
    providerId: text('provider_id'),
    idempotencyKey: text('idempotency_key').notNull(),
    // The Resend batch this message went out in (its idempotency key). Kept while the outcome is
    // unknown, so that a retry sends exactly that batch again, under the same key.
    batchKey: text('batch_key'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sendAfter: timestamptz('send_after').notNull().defaultNow(),
    lockedUntil: timestamptz('locked_until'),
    enqueuedAt: timestamptz('enqueued_at'),
    sentAt: timestamptz('sent_at'),
    // Set when the row was reduced for the log's lifetime: the address replaced by a digest, the
    // subject and everything else but the delivery proof dropped (privacy/email-log.server.ts).
    reducedAt: timestamptz('reduced_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('email_messages_idempotency_key').on(t.idempotencyKey),
    index('email_messages_status_idx').on(t.status, t.sendAfter),
    index('email_messages_user_idx').on(t.userId),
    index('email_messages_recipient_idx').on(t.recipient),
    index('email_messages_batch_key_idx').on(t.batchKey),
    // The nightly lifetime job reads the oldest rows in batches.
    index('email_messages_created_idx').on(t.createdAt),
    // Account deletion looks for a person's name and address in subjects and bodies (eraseAddress in
    // privacy/deletion.server.ts). Few rows still have them: bodies go once delivered, subjects when a
    // row is reduced after a month. These partial indexes hold just those rows, so that the search
    // reads them alone instead of the whole log.
    // Subjects through a trigram index (pg_trgm, migration 0010), so that the set-based erasure of many
    // people at once (`ilike any`, one index search per name) does not read every subject per batch.
    index('email_messages_subject_trgm_idx')
      .using('gin', t.subject.op('gin_trgm_ops'))
      .where(sql`${t.subject} is not null`),
    index('email_messages_bodies_idx')
      .on(t.id)
      .where(sql`${t.html} is not null or ${t.textBody} is not null or ${t.props} is not null`),
  ],
);
