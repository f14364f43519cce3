import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { emailMessages } from '~db/schema';
import { getEnv } from '~/env.server';

/** The local mailbox exists only while no email provider is configured, and not in production. */
export function assertMailboxAvailable() {
  if (!getEnv().mailbox) throw new Response('Not Found', { status: 404 });
}

export async function listMailbox(db: Db, limit = 200) {
  return db
    .select({
      id: emailMessages.id,
      recipient: emailMessages.recipient,
      subject: sql<string>`coalesce(${emailMessages.subject}, ${emailMessages.template})`,
      template: emailMessages.template,
      status: emailMessages.status,
      createdAt: emailMessages.createdAt,
    })
    .from(emailMessages)
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(limit);
}

export async function getMailboxMessage(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [message] = await db.select().from(emailMessages).where(eq(emailMessages.id, id));
  return message ?? null;
}

/** The links in a plain-text email, in order and without repeats. */
export function extractLinks(text: string | null) {
  const found = text?.match(/https?:\/\/[^\s<>()"']+/g) ?? [];
  return [...new Set(found.map((url) => url.replace(/[.,;:]+$/, '')))];
}
