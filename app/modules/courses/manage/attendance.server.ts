import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { courseSessions, registrations, sessionAttendance } from '~db/schema';
import { now, HOUR } from '../../clock.server';
import { isUuid } from '../../http.server';
import { loadCourseContext } from '../context.server';
import { completionThreshold } from '../lifecycle.server';
import { type Scope } from './scope';
import { ownedCourse } from './reading.server';
import { reconcileIfClosed } from '../certificates.server';

// Attendance

/** People can be marked present from an hour before a session starts. */
const ATTENDANCE_OPENS_BEFORE_MS = HOUR;

export function attendanceOpen(session: { startsAt: Date }, at: Date = now()) {
  return session.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_MS <= at.getTime();
}

/** The attendance list: every session, every confirmed person, who was there, and who completed. */
export async function attendanceSheet(db: Db, scope: Scope, courseId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course) return null;
  const ctx = (await loadCourseContext(db, course.id))!;
  const people = await db
    .select({ id: registrations.id, name: registrations.name, email: registrations.email })
    .from(registrations)
    .where(and(eq(registrations.courseId, course.id), eq(registrations.status, 'confirmed')))
    .orderBy(asc(registrations.name), asc(registrations.waitlistSeq));
  const marks = await db
    .select({ registrationId: sessionAttendance.registrationId, sessionId: sessionAttendance.sessionId })
    .from(sessionAttendance)
    .innerJoin(courseSessions, eq(courseSessions.id, sessionAttendance.sessionId))
    .where(and(eq(courseSessions.courseId, course.id), eq(sessionAttendance.attended, true)));
  const present = new Set(marks.map((m) => `${m.sessionId}/${m.registrationId}`));
  const threshold = completionThreshold(ctx);
  return {
    ...ctx,
    threshold,
    people: people.map((p) => {
      const attended = ctx.sessions.filter((s) => present.has(`${s.id}/${p.id}`)).map((s) => s.id);
      return { ...p, attended, completed: ctx.sessions.length > 0 && attended.length >= threshold };
    }),
  };
}

export type AttendanceResult =
  { status: 'saved'; present: number } | { status: 'not-found' } | { status: 'too-early' } | { status: 'cancelled' };

/**
 * Saves one session's attendance: every confirmed person is present when their id is in `presentIds`,
 * absent otherwise. Ids that are not confirmed people of this course are ignored.
 */
export async function saveAttendance(
  db: Db,
  scope: Scope,
  courseId: string,
  sessionId: string,
  presentIds: string[],
): Promise<AttendanceResult> {
  return db.transaction(async (tx) => {
    const course = await ownedCourse(tx, scope, courseId);
    if (!course || !isUuid(sessionId)) return { status: 'not-found' as const };
    const [session] = await tx
      .select()
      .from(courseSessions)
      .where(and(eq(courseSessions.id, sessionId), eq(courseSessions.courseId, course.id)));
    if (!session) return { status: 'not-found' as const };
    if (course.status === 'cancelled') return { status: 'cancelled' as const };
    if (!attendanceOpen(session)) return { status: 'too-early' as const };
    const people = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.courseId, course.id), eq(registrations.status, 'confirmed')));
    if (people.length === 0) return { status: 'saved' as const, present: 0 };
    const wanted = new Set(presentIds);
    const t = now();
    await tx
      .insert(sessionAttendance)
      .values(people.map((p) => ({ registrationId: p.id, sessionId, attended: wanted.has(p.id), markedAt: t })))
      .onConflictDoUpdate({
        target: [sessionAttendance.registrationId, sessionAttendance.sessionId],
        set: { attended: sql`excluded.attended`, markedAt: t },
      });
    // A correction after closing: certificates follow the attendance (issued, given back or withdrawn).
    await reconcileIfClosed(tx, course.id);
    return { status: 'saved' as const, present: people.filter((p) => wanted.has(p.id)).length };
  });
}
