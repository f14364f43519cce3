import { randomUUID } from 'node:crypto';
import type { EmailTemplateName, EmailTemplates } from '~emails/index';
import type { Db } from '~db/client.server';
import { emailMessages, type EmailAttachment } from '~db/schema';
import { getBoss, jobsIn, queues } from '../jobs/boss.server';
import { now } from '../clock.server';
import { unsubscribeHeaders } from './preferences.server';

export type EnqueueEmail<N extends EmailTemplateName> = {
  template: N;
  to: string;
  userId?: string | null;
  props: EmailTemplates[N];
  sendAfter?: Date;
  headers?: Record<string, string>;
  attachments?: EmailAttachment[];
};

/**
 * Records an email and enqueues the job that delivers it, both on `tx`: call it inside the
 * transaction of the change that causes the email, so that both commit or neither does.
 * Only the template's props are stored; the worker renders the message when it delivers it,
 * which keeps transactions (and the row locks they may hold) short.
 */
export async function enqueueEmail<N extends EmailTemplateName>(tx: Db, email: EnqueueEmail<N>): Promise<string> {
  const row = outboxRow(email);
  // Both statements go out together (postgres.js pipelines them on the transaction's connection).
  await Promise.all([
    tx.insert(emailMessages).values(row),
    getBoss().send(queues.emailSend, { messageId: row.id }, { db: jobsIn(tx), startAfter: row.sendAfter }),
  ]);
  return row.id;
}

/**
 * `enqueueEmail` for many emails at once, in two statements whatever their number: one insert of all
 * the rows and one of all their jobs (pg-boss's `insert`, which gives each job the queue's policy as
 * `send` does). The rows and jobs are the same as `enqueueEmail` makes one by one. Returns the ids in
 * the order given.
 */
export async function enqueueEmails(tx: Db, emails: EnqueueEmail<EmailTemplateName>[]): Promise<string[]> {
  if (!emails.length) return [];
  const rows = emails.map((email) => outboxRow(email));
  await Promise.all([
    tx.insert(emailMessages).values(rows),
    getBoss().insert(
      rows.map((row) => ({ name: queues.emailSend, data: { messageId: row.id }, startAfter: row.sendAfter.toISOString() })),
      { db: jobsIn(tx) },
    ),
  ]);
  return rows.map((row) => row.id);
}

/** The outbox row of an email: its props, not its rendering (the worker renders it when it delivers). */
function outboxRow<N extends EmailTemplateName>(email: EnqueueEmail<N>) {
  const id = randomUUID();
  const at = now();
  return {
    id,
    template: email.template,
    recipient: email.to,
    userId: email.userId ?? null,
    locale: email.props.locale,
    props: email.props as unknown as Record<string, unknown>,
    // Non-transactional mail carries List-Unsubscribe headers (and, from them, a footer link).
    headers: withUnsubscribe(email.template, email.to, email.headers),
    attachments: email.attachments?.length ? email.attachments : null,
    idempotencyKey: `email/${id}`,
    sendAfter: email.sendAfter ?? at,
    createdAt: at,
    updatedAt: at,
  };
}

function withUnsubscribe(template: string, to: string, headers: Record<string, string> | undefined) {
  const unsubscribe = unsubscribeHeaders(template, to);
  return unsubscribe || headers ? { ...unsubscribe, ...headers } : null;
}
