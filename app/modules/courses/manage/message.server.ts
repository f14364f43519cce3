import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { emailMessages, registrations } from '~db/schema';
import { enqueueEmail } from '../../email/outbox.server';
import { mintManageLink } from '../context.server';
import { type Scope } from './scope';
import { lockOwnedCourse, ownedCourse } from './reading.server';

// Message to all confirmed participants

/** Marks the emails of one message (one per person) so the page can show how far sending is. */
export const BATCH_HEADER = 'X-Politiek-Actief-Batch';

export type MessageResult = { status: 'queued'; count: number; batchId: string } | { status: 'nobody' } | { status: 'not-found' };

/** One coordinator-message email per confirmed person, all enqueued in one transaction. */
export async function messageConfirmed(
  db: Db,
  scope: Scope,
  courseId: string,
  message: { subject: string; body: string },
): Promise<MessageResult> {
  return db.transaction(async (tx) => {
    // The lock keeps cancellations and promotions out until every email is queued.
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx) return { status: 'not-found' as const };
    const people = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.courseId, courseId), eq(registrations.status, 'confirmed')))
      .orderBy(asc(registrations.waitlistSeq));
    if (people.length === 0) return { status: 'nobody' as const };
    const batchId = randomUUID();
    for (const person of people) {
      await enqueueEmail(tx, {
        template: 'coordinator-message',
        to: person.email,
        userId: person.userId,
        headers: { [BATCH_HEADER]: `${courseId}:${batchId}` },
        props: {
          locale: person.locale,
          name: person.name,
          courseTitle: ctx.course.title,
          organisationName: ctx.organisationName,
          subject: message.subject,
          body: message.body,
          manageUrl: await mintManageLink(tx, person.id),
        },
      });
    }
    return { status: 'queued' as const, count: people.length, batchId };
  });
}

/** The messages sent about a course, newest first, with how many of their emails were sent, wait or failed. */
export async function messageBatches(db: Db, scope: Scope, courseId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course) return null;
  const batch = sql`${emailMessages.headers} ->> '${sql.raw(BATCH_HEADER)}'`;
  const countOf = (condition: ReturnType<typeof sql>) => sql`count(*) filter (where ${condition})`.mapWith(Number);
  const rows = await db
    .select({
      batch: batch.mapWith(String),
      createdAt: sql`min(${emailMessages.createdAt})`.mapWith(emailMessages.createdAt),
      // Until delivery the typed subject is in the template props; after it, only the rendered subject.
      typed: sql<string | null>`min(${emailMessages.props} ->> 'subject')`,
      rendered: sql<string | null>`min(${emailMessages.subject})`,
      total: sql`count(*)`.mapWith(Number),
      sent: countOf(sql`${emailMessages.status} = 'sent'`),
      waiting: countOf(sql`${emailMessages.status} in ('queued', 'sending')`),
      failed: countOf(sql`${emailMessages.status} in ('failed', 'suppressed')`),
    })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.template, 'coordinator-message'),
        // Through the recipient index: only addresses that ever registered for this course.
        inArray(
          emailMessages.recipient,
          db.select({ email: registrations.email }).from(registrations).where(eq(registrations.courseId, course.id)),
        ),
        sql`${batch} like ${`${course.id}:%`}`,
      ),
    )
    .groupBy(batch)
    .orderBy(sql`min(${emailMessages.createdAt}) desc`);
  // The rendered subject is "Bericht over <course>: <subject>" (or the English one): show the typed part.
  const title = course.title.replace(/\s+/g, ' ').trim();
  const prefixes = [`Bericht over ${title}: `, `Message about ${title}: `];
  return rows.map(({ typed, rendered, ...row }) => {
    const prefix = prefixes.find((p) => rendered?.startsWith(p));
    return { ...row, subject: typed ?? (prefix ? rendered!.slice(prefix.length) : (rendered ?? '')) };
  });
}
