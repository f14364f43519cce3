import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  courseQuestions,
  courseSessions,
  courses,
  municipalities,
  registrations,
  sessionAttendance,
  type RegistrationStatus,
  type SeatPool,
} from '~db/schema';
import { now } from '../../clock.server';
import { isUuid } from '../../http.server';
import { loadCourseContext, registrationWindow } from '../context.server';
import { completionThreshold } from '../lifecycle.server';
import { poolCapacity, poolsOf } from '../pools';
import { type Scope } from './scope';

// Reading

let municipalityCache: { code: string; name: string }[] | null = null;

/** Every municipality, by name, for select boxes (the list changes once a year, with a release). */
export async function municipalityOptions(db: Db) {
  if (!municipalityCache) {
    municipalityCache = await db
      .select({ code: municipalities.code, name: municipalities.name })
      .from(municipalities)
      .orderBy(asc(municipalities.name));
  }
  return municipalityCache;
}

export async function municipalityCodes(db: Db) {
  return new Set((await municipalityOptions(db)).map((m) => m.code));
}

const ownedBy = (scope: Scope, courseId: string) =>
  scope.organisationIds.length ? and(eq(courses.id, courseId), inArray(courses.organisationId, scope.organisationIds)) : sql`false`;

/** A course of the scope's organisations, or null (also for malformed ids). */
export async function ownedCourse(db: Db, scope: Scope, courseId: string) {
  if (!isUuid(courseId)) return null;
  const [course] = await db.select().from(courses).where(ownedBy(scope, courseId));
  return course ?? null;
}

/** Like ownedCourse, with the course row locked for the rest of the transaction, and its sessions. */
export async function lockOwnedCourse(tx: Db, scope: Scope, courseId: string) {
  if (!isUuid(courseId)) return null;
  const [owned] = await tx.select({ id: courses.id }).from(courses).where(ownedBy(scope, courseId)).for('update');
  if (!owned) return null;
  return loadCourseContext(tx, courseId, { lock: true });
}

/** Registrations of a course by status: all of them, or of one seat pool. */
export async function statusCounts(db: Db, courseId: string, pool?: SeatPool) {
  const rows = await db
    .select({ status: registrations.status, n: sql`count(*)`.mapWith(Number) })
    .from(registrations)
    .where(pool ? and(eq(registrations.courseId, courseId), eq(registrations.pool, pool)) : eq(registrations.courseId, courseId))
    .groupBy(registrations.status);
  const counts: Record<RegistrationStatus, number> = { confirmed: 0, offered: 0, waitlisted: 0, cancelled: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export async function questionsOf(db: Db, courseId: string) {
  return db.select().from(courseQuestions).where(eq(courseQuestions.courseId, courseId)).orderBy(asc(courseQuestions.position));
}

/** Everything the course's overview page shows. */
export async function courseOverview(db: Db, scope: Scope, courseId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course) return null;
  const ctx = (await loadCourseContext(db, course.id))!;
  const [municipality] = await db
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.code, course.municipalityCode));
  const last = ctx.sessions.at(-1);
  return {
    ...ctx,
    municipalityName: municipality?.name ?? course.municipalityCode,
    questions: await questionsOf(db, course.id),
    counts: await statusCounts(db, course.id),
    // Per seat pool, with its capacity: both pools of a hybrid course, the one pool of any other.
    pools: await Promise.all(
      poolsOf(course).map(async (pool) => ({
        pool,
        capacity: poolCapacity(course, pool),
        counts: await statusCounts(db, course.id, pool),
      })),
    ),
    window: registrationWindow(course, ctx.sessions, now()),
    ended: Boolean(last && last.endsAt.getTime() <= now().getTime()),
  };
}

/** How many sessions each registration of the course attended. */
async function attendedCounts(db: Db, courseId: string) {
  const rows = await db
    .select({ registrationId: sessionAttendance.registrationId, n: sql`count(*)`.mapWith(Number) })
    .from(sessionAttendance)
    .innerJoin(courseSessions, eq(courseSessions.id, sessionAttendance.sessionId))
    .where(and(eq(courseSessions.courseId, courseId), eq(sessionAttendance.attended, true)))
    .groupBy(sessionAttendance.registrationId);
  return new Map(rows.map((r) => [r.registrationId, r.n]));
}

const STATUS_ORDER: Record<RegistrationStatus, number> = { confirmed: 0, offered: 1, waitlisted: 2, cancelled: 3 };

/**
 * Every registration of a course with its waitlist position (1 = next in line), the number of sessions
 * attended and whether that completes the course; with the course's questions and threshold.
 */
export async function courseRegistrations(db: Db, scope: Scope, courseId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course) return null;
  const ctx = (await loadCourseContext(db, course.id))!;
  const rows = await db
    .select({ registration: registrations, municipalityName: municipalities.name })
    .from(registrations)
    .leftJoin(municipalities, eq(municipalities.code, registrations.municipalityCode))
    .where(eq(registrations.courseId, course.id))
    .orderBy(asc(registrations.waitlistSeq));
  const attended = await attendedCounts(db, course.id);
  const threshold = completionThreshold(ctx);
  // Positions follow each pool's queue order, like waitlistPosition() does for one person.
  const positions = new Map<string, number>();
  const people = rows.map(({ registration, municipalityName }) => {
    const position = registration.status === 'waitlisted' ? (positions.get(registration.pool) ?? 0) + 1 : null;
    if (position !== null) positions.set(registration.pool, position);
    const sessionsAttended = attended.get(registration.id) ?? 0;
    return {
      ...registration,
      municipalityName: municipalityName ?? '',
      position,
      sessionsAttended,
      completed: ctx.sessions.length > 0 && registration.status === 'confirmed' && sessionsAttended >= threshold,
    };
  });
  people.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.waitlistSeq - b.waitlistSeq);
  return { ...ctx, questions: await questionsOf(db, course.id), threshold, people };
}
