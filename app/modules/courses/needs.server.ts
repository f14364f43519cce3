import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { accessibilityAids, courseQuestions, courseSessions, courses, registrations, type AccessibilityAid } from '~db/schema';
import { now } from '../clock.server';
import type { AnswersInput } from './sign-up-schema';
import type { CourseContext } from './context.server';

// A person's answers and accessibility needs (issue 16, item 7): shown back on the registration's
// page, changeable there until the course starts, and summed on the coordinator's course page so
// that interpreters and the room can be arranged. Needs stay where they were before: the person's
// page, the coordinator's list of participants and its CSV, the person's data export; deleting the
// person blanks them.

/** The course's questions in their order. */
export async function questionsOfCourse(db: Db, courseId: string) {
  return db.select().from(courseQuestions).where(eq(courseQuestions.courseId, courseId)).orderBy(asc(courseQuestions.position));
}

/** Answers may change while the registration stands and the course has not started. */
export function canChangeAnswers(ctx: CourseContext, registration: { status: string }, at: Date = now()) {
  if (registration.status === 'cancelled' || ctx.course.status !== 'published') return false;
  const first = ctx.sessions[0]?.startsAt;
  return !first || first.getTime() > at.getTime();
}

export type ChangeAnswersResult = 'saved' | 'closed' | 'not-found';

/**
 * Saves changed answers and needs, re-checking under the course's lock that the course has not
 * started (or been cancelled) since the page was shown. Answers to questions the course no longer
 * asks are dropped.
 */
export async function changeAnswers(db: Db, registrationId: string, input: AnswersInput): Promise<ChangeAnswersResult> {
  return db.transaction(async (tx) => {
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!registration) return 'not-found';
    const [course] = await tx.select().from(courses).where(eq(courses.id, registration.courseId)).for('update');
    const [first] = await tx
      .select({ at: sql`min(${courseSessions.startsAt})`.mapWith(courseSessions.startsAt) })
      .from(courseSessions)
      .where(eq(courseSessions.courseId, registration.courseId));
    const startsAt: Date | null = first?.at ?? null;
    if (!course || course.status !== 'published' || registration.status === 'cancelled') return 'closed';
    if (startsAt && startsAt.getTime() <= now().getTime()) return 'closed';
    const asked = new Set((await questionsOfCourse(tx, course.id)).map((q) => q.id));
    const answers = Object.fromEntries(
      Object.entries(input.q ?? {}).filter((entry): entry is [string, string] => asked.has(entry[0]) && Boolean(entry[1])),
    );
    await tx
      .update(registrations)
      .set({
        answers,
        accessibilityAids: input.accessibilityAids,
        accessibilityNeeds: input.accessibilityNeeds || null,
        updatedAt: now(),
      })
      .where(eq(registrations.id, registrationId));
    return 'saved';
  });
}

export type NeedsSummary = { aids: { aid: AccessibilityAid; count: number }[]; otherNeeds: number };

/**
 * What to arrange for the people with a seat (confirmed, or offered and not yet claimed): how many
 * need each aid, in the list's order, and how many wrote something else down.
 */
export async function needsSummary(db: Db, courseId: string): Promise<NeedsSummary> {
  const holding = and(eq(registrations.courseId, courseId), inArray(registrations.status, ['confirmed', 'offered']));
  const rows = await db
    .select({ aid: sql<string>`aid`, n: sql`count(*)`.mapWith(Number) })
    .from(sql`${registrations} cross join lateral jsonb_array_elements_text(${registrations.accessibilityAids}) as aid`)
    .where(holding)
    .groupBy(sql`aid`);
  const [other] = await db
    .select({ n: sql`count(*)`.mapWith(Number) })
    .from(registrations)
    .where(and(holding, sql`coalesce(${registrations.accessibilityNeeds}, '') <> ''`));
  const counts = new Map(rows.map((r) => [r.aid, r.n]));
  return {
    aids: accessibilityAids.filter((aid) => counts.get(aid)).map((aid) => ({ aid, count: counts.get(aid)! })),
    otherNeeds: other?.n ?? 0,
  };
}
