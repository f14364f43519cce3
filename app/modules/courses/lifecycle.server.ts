import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { courseSessions, courses, municipalityNeighbours, registrations, sessionAttendance } from '~db/schema';
import { now, DAY } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { formatDate } from '../time';
import { appLink } from '../http.server';
import {
  calendarFor,
  cancellationFor,
  emailDetails,
  HOLDS_CALENDAR,
  loadCourseContext,
  mintManageLink,
  onlineUrlFor,
  raiseSequences,
  type CourseContext,
} from './context.server';
import { expireOffers } from './registrations.server';
import { certificateAttachment, reconcileCertificates } from './certificates.server';
import { followUpSource } from '../labels';

/**
 * The link to /mentoraat in the course follow-up emails, with where it came from (the mentoring
 * application form reads `bron` as its source).
 */
export function followUpMentoringLink(email: 'attended' | 'no-show') {
  const params = new URLSearchParams({
    bron: followUpSource,
    utm_source: 'politiekactief',
    utm_medium: 'email',
    utm_campaign: followUpSource,
    utm_content: email,
  });
  return appLink(`/mentoraat?${params.toString()}`);
}

/** After the last session ends without a coordinator closing the course, the follow-up goes anyway. */
const AUTO_FOLLOW_UP_AFTER_MS = 3 * DAY;

/**
 * Reminders before the first session, to confirmed people who signed up before the reminder window
 * opened (someone who signed up two hours before the start needs no reminder). Re-checked every run:
 * cancelled registrations and cancelled courses get nothing, moved sessions move the reminder.
 */
export async function sendReminders(db: Db) {
  const t = now();
  const candidates = await db
    .select({
      id: registrations.id,
      courseId: registrations.courseId,
      confirmedAt: registrations.confirmedAt,
      days: courses.reminderDaysBefore,
    })
    .from(registrations)
    .innerJoin(courses, eq(courses.id, registrations.courseId))
    .where(
      and(
        eq(registrations.status, 'confirmed'),
        isNull(registrations.reminderSentAt),
        eq(courses.status, 'published'),
        sql`(select min(${courseSessions.startsAt}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id}) between ${t.toISOString()}::timestamptz and ${t.toISOString()}::timestamptz + make_interval(days => ${courses.reminderDaysBefore})`,
      ),
    );
  let sent = 0;
  for (const candidate of candidates) {
    await db.transaction(async (tx) => {
      const ctx = (await loadCourseContext(tx, candidate.courseId))!;
      const first = ctx.sessions[0]!.startsAt;
      const windowOpens = first.getTime() - candidate.days * DAY;
      // Mark first (and only if still due), so two workers never send the same reminder.
      const [claimed] = await tx
        .update(registrations)
        .set({ reminderSentAt: t })
        .where(and(eq(registrations.id, candidate.id), eq(registrations.status, 'confirmed'), isNull(registrations.reminderSentAt)))
        .returning();
      if (!claimed || (claimed.confirmedAt && claimed.confirmedAt.getTime() >= windowOpens)) return;
      const details = emailDetails(ctx, claimed.locale, claimed.pool);
      await enqueueEmail(tx, {
        template: 'course-reminder',
        to: claimed.email,
        userId: claimed.userId,
        props: {
          locale: claimed.locale,
          name: claimed.name,
          courseTitle: details.courseTitle,
          sessions: details.sessions,
          venue: details.venue,
          onlineUrl: onlineUrlFor(ctx.course, claimed.pool),
          manageUrl: await mintManageLink(tx, claimed.id),
        },
      });
      sent++;
    });
  }
  return sent;
}

/** Upcoming published courses in or next to a municipality, for people who missed theirs. */
async function nearbyUpcoming(db: Db, municipalityCode: string, excludeCourseId: string, limit = 3) {
  const neighbours = db
    .select({
      code: sql<string>`case when ${municipalityNeighbours.codeA} = ${municipalityCode} then ${municipalityNeighbours.codeB} else ${municipalityNeighbours.codeA} end`,
    })
    .from(municipalityNeighbours)
    .where(or(eq(municipalityNeighbours.codeA, municipalityCode), eq(municipalityNeighbours.codeB, municipalityCode)));
  const firstStart = sql<Date>`(select min(${courseSessions.startsAt}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id})`;
  return db
    .select({ id: courses.id, title: courses.title, startsAt: firstStart })
    .from(courses)
    .where(
      and(
        eq(courses.status, 'published'),
        sql`${courses.id} <> ${excludeCourseId}`,
        or(eq(courses.municipalityCode, municipalityCode), inArray(courses.municipalityCode, neighbours), eq(courses.format, 'online')),
        sql`${firstStart} > ${now().toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(firstStart))
    .limit(limit);
}

/** How many sessions each registration of a course attended. */
async function attendanceCounts(db: Db, courseId: string) {
  const rows = await db
    .select({ registrationId: sessionAttendance.registrationId, n: sql<number>`count(*)::int` })
    .from(sessionAttendance)
    .innerJoin(courseSessions, eq(courseSessions.id, sessionAttendance.sessionId))
    .where(and(eq(courseSessions.courseId, courseId), eq(sessionAttendance.attended, true)))
    .groupBy(sessionAttendance.registrationId);
  return new Map(rows.map((r) => [r.registrationId, Number(r.n)]));
}

export function completionThreshold(ctx: CourseContext) {
  return Math.max(1, Math.min(ctx.course.completionThreshold ?? ctx.sessions.length, ctx.sessions.length));
}

/**
 * The follow-up after the last session: attendees get thanks, next steps and the way to a mentor
 * (with "completed" when they attended enough sessions); no-shows get upcoming courses nearby.
 * Each confirmed registration gets it once, whoever triggers it (coordinator or schedule).
 */
export async function sendCourseFollowUp(db: Db, courseId: string) {
  return db.transaction(async (tx) => {
    const ctx = await loadCourseContext(tx, courseId, { lock: true });
    if (!ctx || ctx.course.status !== 'published') return 0;
    const last = ctx.sessions.at(-1);
    if (!last || last.endsAt.getTime() > now().getTime()) return 0;
    const attended = await attendanceCounts(tx, courseId);
    const threshold = completionThreshold(ctx);
    const t = now();
    const people = await tx
      .update(registrations)
      .set({ followUpSentAt: t })
      .where(and(eq(registrations.courseId, courseId), eq(registrations.status, 'confirmed'), isNull(registrations.followUpSentAt)))
      .returning();
    // Closing the course issues the certificates; each attendee's goes with their follow-up.
    const { holders } = await reconcileCertificates(tx, ctx);
    for (const person of people) {
      const count = attended.get(person.id) ?? 0;
      const certificate = holders.get(person.id);
      if (count > 0) {
        await enqueueEmail(tx, {
          template: 'follow-up-attended',
          to: person.email,
          userId: person.userId,
          props: {
            locale: person.locale,
            name: person.name,
            courseTitle: ctx.course.title,
            completed: count >= threshold,
            certificate: Boolean(certificate),
            mentoringUrl: followUpMentoringLink('attended'),
            coursesUrl: appLink('/cursussen'),
          },
          attachments: certificate ? [await certificateAttachment(ctx, certificate, person)] : undefined,
        });
      } else {
        const nearby = await nearbyUpcoming(tx, person.municipalityCode ?? ctx.course.municipalityCode, courseId);
        await enqueueEmail(tx, {
          template: 'follow-up-no-show',
          to: person.email,
          userId: person.userId,
          props: {
            locale: person.locale,
            name: person.name,
            courseTitle: ctx.course.title,
            nearbyCourses: nearby.map((c) => ({
              title: c.title,
              date: formatDate(person.locale, new Date(c.startsAt)),
              url: appLink(`/cursussen/${c.id}`),
            })),
            coursesUrl: appLink('/cursussen'),
            mentoringUrl: followUpMentoringLink('no-show'),
          },
        });
      }
    }
    await tx.update(courses).set({ followUpSentAt: t }).where(eq(courses.id, courseId));
    return people.length;
  });
}

/** Follow-ups of courses that ended some days ago and that no coordinator closed. */
async function sendDueFollowUps(db: Db) {
  const cutoff = new Date(now().getTime() - AUTO_FOLLOW_UP_AFTER_MS);
  const lastEnd = sql`(select max(${courseSessions.endsAt}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id})`;
  const due = await db
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.status, 'published'), isNull(courses.followUpSentAt), sql`${lastEnd} <= ${cutoff.toISOString()}::timestamptz`));
  let sent = 0;
  for (const { id } of due) sent += await sendCourseFollowUp(db, id);
  return sent;
}

/**
 * Tells people with a seat that the schedule changed, with the current schedule as a calendar file
 * (same UIDs; call it after `raiseSequences`, so SEQUENCE is higher). Sessions that were removed
 * (pass them with their SEQUENCE raised) go in a second file, METHOD:CANCEL, which takes them out.
 */
export async function notifySessionsChanged(tx: Db, ctx: CourseContext, removed: CourseContext['sessions'] = []) {
  const people = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.courseId, ctx.course.id), inArray(registrations.status, [...HOLDS_CALENDAR])));
  for (const person of people) {
    const details = emailDetails(ctx, person.locale, person.pool);
    const calendar = calendarFor(ctx, person.pool);
    await enqueueEmail(tx, {
      template: 'sessions-changed',
      to: person.email,
      userId: person.userId,
      props: {
        locale: person.locale,
        name: person.name,
        courseTitle: details.courseTitle,
        sessions: details.sessions,
        venue: details.venue,
        manageUrl: await mintManageLink(tx, person.id),
        sessionRemoved: removed.length > 0,
      },
      attachments: removed.length ? [calendar, cancellationFor(ctx, removed, person)] : [calendar],
    });
  }
  return people.length;
}

/** Cancels a whole course: everyone on it (confirmed, offered, waitlisted) hears it once. */
export async function cancelCourse(db: Db, courseId: string) {
  return db.transaction(async (tx) => {
    const ctx = await loadCourseContext(tx, courseId, { lock: true });
    if (!ctx || ctx.course.status === 'cancelled') return 0;
    const t = now();
    await tx.update(courses).set({ status: 'cancelled', cancelledAt: t, updatedAt: t }).where(eq(courses.id, courseId));
    if (ctx.course.status === 'draft') return 0;
    const before = await tx
      .select({ id: registrations.id, status: registrations.status })
      .from(registrations)
      .where(and(eq(registrations.courseId, courseId), inArray(registrations.status, [...HOLDS_CALENDAR])));
    const hadCalendar = new Set(before.map((r) => r.id));
    const people = await tx
      .update(registrations)
      .set({ status: 'cancelled', cancelledAt: t, offerExpiresAt: null, updatedAt: t })
      .where(and(eq(registrations.courseId, courseId), inArray(registrations.status, ['confirmed', 'offered', 'waitlisted'])))
      .returning();
    // Everyone who may have the sessions in their calendar gets them cancelled there too.
    const cancelled = hadCalendar.size && ctx.sessions.length ? await raiseSequences(tx, courseId, { cancelling: true }) : [];
    for (const person of people) {
      const withCalendar = hadCalendar.has(person.id) && cancelled.length > 0;
      await enqueueEmail(tx, {
        template: 'course-cancelled',
        to: person.email,
        userId: person.userId,
        props: {
          locale: person.locale,
          name: person.name,
          courseTitle: ctx.course.title,
          organisationName: ctx.organisationName,
          coursesUrl: appLink('/cursussen'),
          calendar: withCalendar,
        },
        attachments: withCalendar ? [cancellationFor(ctx, cancelled, person)] : undefined,
      });
    }
    return people.length;
  });
}

/** Everything time-driven about courses that is due now; the scheduler runs it every minute. */
export async function runDueCourseWork(db: Db) {
  const expired = await expireOffers(db);
  const reminders = await sendReminders(db);
  const followUps = await sendDueFollowUps(db);
  return { expired, reminders, followUps };
}
