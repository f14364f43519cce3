import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { emailMessages } from '~db/schema';
import { getEnv } from '~/env.server';

/** The local mailbox exists only while no email provider is configured, and not in production. */
export function assertMailboxAvailable() {
  if (!getEnv().mailbox) throw new Response('Not Found', { status: 404 });
}

const MAILBOX_PAGE_SIZE = 50;
const MAX_PAGE = 100_000;

/** `?adres=` (part of an address, any case) and `?pagina=` from the mailbox's URL; nonsense is ignored. */
export function parseMailboxQuery(params: URLSearchParams) {
  const address = (params.get('adres') ?? '').trim().slice(0, 320);
  const page = Number.parseInt(params.get('pagina') ?? '', 10);
  return { address, page: Number.isInteger(page) && page > 1 ? Math.min(page, MAX_PAGE) : 1 };
}

/**
 * Every stored message, newest first, a page at a time (the README promises all of them, and a demo
 * sends thousands), optionally only those to addresses containing `address`. One query for the page
 * and the total.
 */
export async function listMailbox(db: Db, query: { address?: string; page?: number } = {}) {
  const page = Math.max(1, query.page ?? 1);
  const filter: SQL | undefined = query.address
    ? sql`${emailMessages.recipient} ilike ${`%${query.address.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
    : undefined;
  const rows = await db
    .select({
      id: emailMessages.id,
      recipient: emailMessages.recipient,
      subject: sql<string>`coalesce(${emailMessages.subject}, ${emailMessages.template})`,
      template: emailMessages.template,
      status: emailMessages.status,
      createdAt: emailMessages.createdAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(emailMessages)
    .where(filter)
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(MAILBOX_PAGE_SIZE)
    .offset((page - 1) * MAILBOX_PAGE_SIZE);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    // Past the last page: the count still says how many there are.
    const [row] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(emailMessages)
      .where(filter);
    total = row?.n ?? 0;
  }
  return {
    messages: rows.map(({ total: _total, ...message }) => message),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / MAILBOX_PAGE_SIZE)),
  };
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
