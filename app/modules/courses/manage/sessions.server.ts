import { and, eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { courseSessions, courses } from '~db/schema';
import { now } from '../../clock.server';
import { isUuid } from '../../http.server';
import { loadCourseContext, raiseSequences } from '../context.server';
import { notifySessionsChanged } from '../lifecycle.server';
import { type Scope } from './scope';
import { type SessionInput } from './schemas';
import { lockOwnedCourse, ownedCourse } from './reading.server';

// Sessions

export type SessionResult =
  | { status: 'saved'; told: number }
  | { status: 'not-found' }
  | { status: 'cancelled' }
  | { status: 'in-past' }
  | { status: 'already-held' }
  | { status: 'last-session' };

const startedAt = (session: { startsAt: Date }) => session.startsAt.getTime() <= now().getTime();

/**
 * Adds a session. Drafts may get sessions in the past (to record a course that already ran);
 * a published course only gets new sessions in the future, and its confirmed people an updated calendar.
 */
export async function addSession(db: Db, scope: Scope, courseId: string, input: SessionInput): Promise<SessionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx) return { status: 'not-found' as const };
    if (ctx.course.status === 'cancelled') return { status: 'cancelled' as const };
    if (ctx.course.status === 'published' && startedAt(input)) return { status: 'in-past' as const };
    let told = 0;
    if (ctx.course.status === 'published') {
      // The other sessions' numbering ("2/3") changes: a new SEQUENCE, so calendars take the new text.
      await raiseSequences(tx, courseId);
      await tx.insert(courseSessions).values({ courseId, startsAt: input.startsAt, endsAt: input.endsAt, location: input.location });
      told = await notifySessionsChanged(tx, (await loadCourseContext(tx, courseId))!);
    } else {
      await tx.insert(courseSessions).values({ courseId, startsAt: input.startsAt, endsAt: input.endsAt, location: input.location });
    }
    return { status: 'saved' as const, told };
  });
}

/**
 * Moves a session (new date, times or place). Its SEQUENCE goes up, so calendars update the event they
 * have; on a published course, confirmed people get the update by email in the same transaction.
 */
export async function moveSession(db: Db, scope: Scope, courseId: string, sessionId: string, input: SessionInput): Promise<SessionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    const session = ctx?.sessions.find((s) => s.id === sessionId);
    if (!ctx || !session) return { status: 'not-found' as const };
    if (ctx.course.status === 'cancelled') return { status: 'cancelled' as const };
    if (ctx.course.status === 'published') {
      if (startedAt(session)) return { status: 'already-held' as const };
      if (startedAt(input)) return { status: 'in-past' as const };
    }
    await tx
      .update(courseSessions)
      .set({ startsAt: input.startsAt, endsAt: input.endsAt, location: input.location })
      .where(eq(courseSessions.id, sessionId));
    // Every session's SEQUENCE goes up, not only this one's: a move can change the others' numbering.
    await raiseSequences(tx, courseId);
    let told = 0;
    if (ctx.course.status === 'published') {
      await tx.update(courses).set({ rescheduledAt: now() }).where(eq(courses.id, courseId));
      told = await notifySessionsChanged(tx, (await loadCourseContext(tx, courseId))!);
    }
    return { status: 'saved' as const, told };
  });
}

/** Whether the session is one of the course's (so a question about it can be asked at all). */
export async function sessionOfCourse(db: Db, scope: Scope, courseId: string, sessionId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course || !isUuid(sessionId)) return null;
  const [session] = await db
    .select()
    .from(courseSessions)
    .where(and(eq(courseSessions.id, sessionId), eq(courseSessions.courseId, course.id)));
  return session ?? null;
}

/**
 * Removes a session. A published course keeps at least one, and keeps the sessions that were held (their
 * attendance counts); its confirmed people get a calendar in which the removed session is cancelled.
 */
export async function removeSession(db: Db, scope: Scope, courseId: string, sessionId: string): Promise<SessionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    const session = ctx?.sessions.find((s) => s.id === sessionId);
    if (!ctx || !session) return { status: 'not-found' as const };
    if (ctx.course.status === 'cancelled') return { status: 'cancelled' as const };
    if (ctx.course.status === 'published') {
      if (ctx.sessions.length === 1) return { status: 'last-session' as const };
      if (startedAt(session)) return { status: 'already-held' as const };
    }
    // Raised first, so the removed session is cancelled with a SEQUENCE above its last one, and the
    // others (renumbered) are sent with a new one.
    const raised = await raiseSequences(tx, courseId);
    await tx.delete(courseSessions).where(eq(courseSessions.id, sessionId));
    let told = 0;
    if (ctx.course.status === 'published') {
      const fresh = (await loadCourseContext(tx, courseId))!;
      told = await notifySessionsChanged(
        tx,
        fresh,
        raised.filter((s) => s.id === sessionId),
      );
    }
    return { status: 'saved' as const, told };
  });
}
