import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  academies,
  academyApplications,
  academyCompletions,
  courseSessions,
  courses,
  placements,
  registrations,
  sessionAttendance,
  users,
} from '~db/schema';
import { now } from '../clock.server';
import { isUuid } from '../http.server';
import { normalizeEmail } from '../auth/accounts.server';
import { enqueueEmail } from '../email/outbox.server';
import { cohortPool } from '../courses/academy-seats.server';
import { certificateMinimum } from '../courses/certificates.server';
import { loadCourseContext, mintManageLink } from '../courses/context.server';
import { cancelRegistration, sendConfirmation } from '../courses/registrations.server';
import { poolCapacity } from '../courses/pools';
import { callOffPlacements, notEnded } from '../placements/notify.server';

// The cohort through its modules (issue #15 point 4, ADR 018 "Cohort and completion"). An accepted
// application *is* the cohort membership. Each of the academy's published courses is a module: the
// participant holds an ordinary registration on it (source 'academy', `academy_application_id`), made
// under the course's row lock (ADR 007), so reminders, calendar files, attendance and certificates work
// as for anyone. The academy's seats are held in each module's capacity (courses/academy-seats.server.ts).
// Locks are always taken academy first, then courses in id order, so two enrolments never deadlock.

const ACADEMY_SOURCE = 'academy';
/** What a module registration stores as its privacy version: the person agreed to the academy's terms. */
const ACADEMY_PRIVACY_VERSION = 'academy';

/** Takes the academy's row lock (the same lock the selection takes). */
export async function lockAcademyRow(tx: Db, academyId: string) {
  const [row] = await tx.select().from(academies).where(eq(academies.id, academyId)).for('update');
  return row ?? null;
}

/** The academy's modules: its published courses, in id order (the order their locks are taken in). */
async function moduleIdsOf(tx: Db, academyId: string) {
  const rows = await tx
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.academyId, academyId), eq(courses.status, 'published')))
    .orderBy(asc(courses.id));
  return rows.map((r) => r.id);
}

type Participant = { applicationId: string; userId: string; municipalityCode: string | null };

export type EnrolOutcome = 'confirmed' | 'waitlisted' | 'linked' | 'already' | 'skipped';

/**
 * Enrols one participant in one module, under the course's lock: a confirmed seat when the pool has
 * one (counting every seat held, the cohort's own reservation aside), else the waitlist, so a module
 * is never overbooked. Someone who is on the course already (signed up themselves) keeps that
 * registration, now tied to the academy. A module the person was enrolled in once (even cancelled
 * since) is left alone: a participant may skip a module. Call with the academy locked.
 */
async function enrolInModule(tx: Db, participant: Participant, courseId: string): Promise<EnrolOutcome> {
  const ctx = await loadCourseContext(tx, courseId, { lock: true });
  if (!ctx || ctx.course.status !== 'published') return 'skipped';
  const [before] = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.courseId, courseId), eq(registrations.academyApplicationId, participant.applicationId)))
    .limit(1);
  if (before) return 'already';
  const [person] = await tx
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, participant.userId));
  if (!person) return 'skipped';
  const email = normalizeEmail(person.email);
  const pool = cohortPool(ctx.course);
  const [counts] = await tx
    .select({
      seats: sql`count(*) filter (where ${registrations.status} in ('confirmed', 'offered') and ${registrations.pool} = ${pool})`.mapWith(
        Number,
      ),
      waiting: sql`count(*) filter (where ${registrations.status} = 'waitlisted' and ${registrations.pool} = ${pool})`.mapWith(Number),
    })
    .from(registrations)
    .where(eq(registrations.courseId, courseId));
  const free = (counts?.seats ?? 0) < poolCapacity(ctx.course, pool);
  const t = now();
  const [existing] = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.courseId, courseId), eq(registrations.email, email), ne(registrations.status, 'cancelled')));
  if (existing) {
    // Their own sign-up becomes the module registration; a waiting one gets the seat when there is one.
    const confirm = existing.status !== 'confirmed' && existing.pool === pool && free;
    const [linked] = await tx
      .update(registrations)
      .set({
        academyApplicationId: participant.applicationId,
        ...(confirm ? { status: 'confirmed' as const, confirmedAt: t, offerExpiresAt: null } : {}),
        updatedAt: t,
      })
      .where(eq(registrations.id, existing.id))
      .returning();
    if (confirm) await sendConfirmation(tx, ctx, linked!);
    return 'linked';
  }
  const status = free ? ('confirmed' as const) : ('waitlisted' as const);
  const [registration] = await tx
    .insert(registrations)
    .values({
      id: randomUUID(),
      courseId,
      userId: participant.userId,
      name: person.name,
      email,
      municipalityCode: participant.municipalityCode,
      source: ACADEMY_SOURCE,
      academyApplicationId: participant.applicationId,
      locale: person.locale === 'en' ? 'en' : 'nl',
      privacyVersion: ACADEMY_PRIVACY_VERSION,
      consentedAt: t,
      status,
      pool,
      confirmedAt: free ? t : null,
      createdAt: t,
      updatedAt: t,
    })
    .returning();
  if (free) await sendConfirmation(tx, ctx, registration!);
  else {
    await enqueueEmail(tx, {
      template: 'registration-waitlisted',
      to: email,
      userId: participant.userId,
      props: {
        locale: registration!.locale,
        name: person.name,
        courseTitle: ctx.course.title,
        position: (counts?.waiting ?? 0) + 1,
        manageUrl: await mintManageLink(tx, registration!.id),
      },
    });
  }
  return status;
}

async function participantsOf(tx: Db, academyId: string, applicationId?: string): Promise<Participant[]> {
  const rows = await tx
    .select({
      applicationId: academyApplications.id,
      userId: academyApplications.userId,
      municipalityCode: academyApplications.municipalityCode,
    })
    .from(academyApplications)
    .where(
      and(
        eq(academyApplications.academyId, academyId),
        eq(academyApplications.status, 'accepted'),
        isNotNull(academyApplications.userId),
        applicationId ? eq(academyApplications.id, applicationId) : undefined,
      ),
    )
    .orderBy(asc(academyApplications.createdAt));
  return rows.map((r) => ({ ...r, userId: r.userId! }));
}

/**
 * Enrols the academy's accepted participants (or one of them) in every module they are not in yet.
 * Idempotent: accepting a place enrols that person; attaching a course to the academy, publishing a
 * module and the minute sweep enrol whoever is missing. Call with the academy locked.
 */
export async function enrolCohort(tx: Db, academyId: string, applicationId?: string) {
  const [people, modules] = await Promise.all([participantsOf(tx, academyId, applicationId), moduleIdsOf(tx, academyId)]);
  if (!people.length) return [];
  await lockCourses(tx, modules);
  const outcomes: EnrolOutcome[] = [];
  for (const courseId of modules) {
    for (const participant of people) outcomes.push(await enrolInModule(tx, participant, courseId));
  }
  return outcomes;
}

/**
 * Takes the row locks of several courses first, in id order, before writing to any of them. Writing a
 * registration refreshes the report's month under an advisory lock shared by the organisation's courses
 * of that month; holding it while waiting for a second course's lock, which a sign-up holds while it
 * waits for that advisory lock, was a deadlock (seen in the parallel-accept test).
 */
async function lockCourses(tx: Db, courseIds: string[]) {
  for (const id of [...courseIds].sort()) await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, id)).for('update');
}

/** Locks the academy and enrols whoever is missing (after its courses changed). */
export async function enrolCohortLocked(db: Db, academyId: string) {
  return db.transaction(async (tx) => {
    if (!(await lockAcademyRow(tx, academyId))) return [];
    return enrolCohort(tx, academyId);
  });
}

/** Academies with accepted participants (for the sweep that enrols late modules). */
export async function academiesWithCohort(db: Db) {
  const rows = await db
    .selectDistinct({ academyId: academyApplications.academyId })
    .from(academyApplications)
    .where(eq(academyApplications.status, 'accepted'));
  return rows.map((r) => r.academyId);
}

export type LeaveOutcome = 'left' | 'not-found' | 'not-possible';

/**
 * A participant leaves the academy: the application becomes 'left' and every module registration is
 * cancelled as a cancellation by the platform (each seat goes to that module's waitlist, with the
 * cancellation email and calendar file). Not once the programme is completed.
 */
export async function leaveAcademy(db: Db, userId: string, applicationId: string): Promise<LeaveOutcome> {
  if (!isUuid(applicationId)) return 'not-found';
  return db.transaction(async (tx) => {
    const [own] = await tx
      .select({ academyId: academyApplications.academyId })
      .from(academyApplications)
      .where(and(eq(academyApplications.id, applicationId), eq(academyApplications.userId, userId)));
    if (!own) return 'not-found';
    await lockAcademyRow(tx, own.academyId);
    const [application] = await tx.select().from(academyApplications).where(eq(academyApplications.id, applicationId));
    if (application?.status !== 'accepted') return 'not-possible';
    const [completed] = await tx
      .select({ id: academyCompletions.id })
      .from(academyCompletions)
      .where(eq(academyCompletions.applicationId, applicationId));
    if (completed) return 'not-possible';
    const t = now();
    await tx.update(academyApplications).set({ status: 'left', updatedAt: t }).where(eq(academyApplications.id, applicationId));
    const held = await tx
      .select({ id: registrations.id, courseId: registrations.courseId })
      .from(registrations)
      .where(and(eq(registrations.academyApplicationId, applicationId), ne(registrations.status, 'cancelled')))
      .orderBy(asc(registrations.courseId));
    await lockCourses(
      tx,
      held.map((r) => r.courseId),
    );
    for (const registration of held) await cancelRegistration(tx, registration.id, 'system');
    // A placement still to come is called off: both get a CANCEL for their calendars (ADR 018).
    await callOffPlacements(tx, and(eq(placements.applicationId, applicationId), notEnded(tx))!, 'participant', { actorUserId: userId });
    return 'left';
  });
}

export type ModuleState = 'attended' | 'missed' | 'upcoming' | 'waitlisted' | 'not-enrolled';

export type ModuleProgress = {
  courseId: string;
  title: string;
  firstStart: Date | null;
  lastEnd: Date | null;
  sessions: number;
  attendedSessions: number;
  /** Sessions to attend for the module to count (the course certificate's minimum, ADR 016). */
  minimum: number;
  state: ModuleState;
};

/**
 * Attendance of some participants across the academy's modules. A module counts as attended when the
 * person attended at least the course's certificate minimum of its sessions (all but one by default,
 * the one session of a one-evening module); 'missed' once its last session is over without that.
 */
export async function moduleProgress(db: Db, academyId: string, applicationIds: string[]) {
  const modules = await db
    .select({ id: courses.id, title: courses.title, certificateMinimum: courses.certificateMinimum })
    .from(courses)
    .where(and(eq(courses.academyId, academyId), eq(courses.status, 'published')));
  const courseIds = modules.map((m) => m.id);
  const [sessions, regs] = await Promise.all([
    courseIds.length
      ? db
          .select({
            id: courseSessions.id,
            courseId: courseSessions.courseId,
            startsAt: courseSessions.startsAt,
            endsAt: courseSessions.endsAt,
          })
          .from(courseSessions)
          .where(inArray(courseSessions.courseId, courseIds))
          .orderBy(asc(courseSessions.startsAt))
      : [],
    courseIds.length && applicationIds.length
      ? db
          .select({
            id: registrations.id,
            courseId: registrations.courseId,
            applicationId: registrations.academyApplicationId,
            status: registrations.status,
            attended:
              sql`(select count(*) from ${sessionAttendance} sa where sa.registration_id = ${sql.raw('"registrations"."id"')} and sa.attended)`.mapWith(
                Number,
              ),
          })
          .from(registrations)
          .where(
            and(
              inArray(registrations.courseId, courseIds),
              inArray(registrations.academyApplicationId, applicationIds),
              ne(registrations.status, 'cancelled'),
            ),
          )
      : [],
  ]);
  const at = now().getTime();
  const ordered = modules
    .map((m) => {
      const own = sessions.filter((s) => s.courseId === m.id);
      return {
        ...m,
        sessions: own.length,
        firstStart: own[0]?.startsAt ?? null,
        lastEnd: own.reduce<Date | null>((last, s) => (!last || s.endsAt > last ? s.endsAt : last), null),
        minimum: certificateMinimum(m, own.length),
      };
    })
    .sort((a, b) => (a.firstStart?.getTime() ?? Infinity) - (b.firstStart?.getTime() ?? Infinity) || a.title.localeCompare(b.title));
  const progressOf = (applicationId: string): ModuleProgress[] =>
    ordered.map((m) => {
      const registration = regs.find((r) => r.courseId === m.id && r.applicationId === applicationId);
      const attendedSessions = registration?.status === 'confirmed' ? registration.attended : 0;
      const over = m.lastEnd !== null && m.lastEnd.getTime() <= at;
      const state: ModuleState = !registration
        ? 'not-enrolled'
        : registration.status !== 'confirmed'
          ? 'waitlisted'
          : m.sessions > 0 && attendedSessions >= m.minimum
            ? 'attended'
            : over
              ? 'missed'
              : 'upcoming';
      return {
        courseId: m.id,
        title: m.title,
        firstStart: m.firstStart,
        lastEnd: m.lastEnd,
        sessions: m.sessions,
        attendedSessions,
        minimum: m.minimum,
        state,
      };
    });
  return { modules: ordered.map((m) => ({ id: m.id, title: m.title, firstStart: m.firstStart, lastEnd: m.lastEnd })), progressOf };
}

/** The cohort: accepted participants (and those who left) with their names, oldest application first. */
export async function cohortMembers(db: Db, academyId: string) {
  return db
    .select({ applicationId: academyApplications.id, status: academyApplications.status, name: users.name, email: users.email })
    .from(academyApplications)
    .innerJoin(users, eq(users.id, academyApplications.userId))
    .where(and(eq(academyApplications.academyId, academyId), inArray(academyApplications.status, ['accepted', 'left'])))
    .orderBy(asc(users.name), asc(academyApplications.createdAt));
}
