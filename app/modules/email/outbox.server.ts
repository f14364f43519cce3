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
  const id = randomUUID();
  const sendAfter = email.sendAfter ?? now();
  // Both statements go out together (postgres.js pipelines them on the transaction's connection).
  await Promise.all([
    tx.insert(emailMessages).values({
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
      sendAfter,
      createdAt: now(),
      updatedAt: now(),
    }),
    getBoss().send(queues.emailSend, { messageId: id }, { db: jobsIn(tx), startAfter: sendAfter }),
  ]);
  return id;
}

function withUnsubscribe(template: string, to: string, headers: Record<string, string> | undefined) {
  const unsubscribe = unsubscribeHeaders(template, to);
  return unsubscribe || headers ? { ...unsubscribe, ...headers } : null;
}
