import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { courseSessions, courses, organisations, registrationLinks, type SeatPool } from '~db/schema';
import { getEnv } from '~/env.server';
import type { Locale } from '~/i18n';
import { now } from '../clock.server';
import { generateToken, hashToken } from '../security/tokens.server';
import { calendarAttachment, courseCalendar, organizerOf, type CalendarMethod, type CalendarSession } from './calendar.server';
import { formatMoment, formatSession } from '../time';
import { appLink } from '../http.server';
import { joinsOnline } from './pools';

export type Course = typeof courses.$inferSelect;
export type CourseSession = typeof courseSessions.$inferSelect;

/** A course with its sessions (in time order) and organisation name: what every course email needs. */
export async function loadCourseContext(db: Db, courseId: string, options: { lock?: boolean } = {}) {
  const courseQuery = db
    .select({ course: courses, organisationName: organisations.name })
    .from(courses)
    .innerJoin(organisations, eq(organisations.id, courses.organisationId))
    .where(eq(courses.id, courseId));
  const sessionsQuery = () =>
    db.select().from(courseSessions).where(eq(courseSessions.courseId, courseId)).orderBy(asc(courseSessions.startsAt));
  // The row lock on the course serialises every change of its seats (ADR 007); sessions are read
  // after it is granted. Without a lock both queries go out at once.
  const [[row], sessions] = options.lock
    ? [await courseQuery.for('update', { of: courses }), await sessionsQuery()]
    : await Promise.all([courseQuery, sessionsQuery()]);
  if (!row) return null;
  return { course: row.course, sessions, organisationName: row.organisationName };
}
export type CourseContext = NonNullable<Awaited<ReturnType<typeof loadCourseContext>>>;

/**
 * Where a person goes: the room's name and address, or "Online". With a pool (a person's seat), a
 * hybrid course is the room for 'on-site' and "Online" for 'online'; online people never get the
 * address, on-site people never the link.
 */
export function venueOf(course: Course, pool?: SeatPool) {
  if (course.format === 'online' || (pool && joinsOnline(pool))) return 'Online';
  return [course.locationName, course.address].filter(Boolean).join(', ');
}

/** The online link for a person in this pool: only online seats get it. */
export function onlineUrlFor(course: Course, pool: SeatPool) {
  return course.format !== 'in-person' && joinsOnline(pool) ? course.onlineUrl : null;
}

/**
 * The fields shared by course emails, in the recipient's language. With the person's pool, the venue
 * (and each session's place) is theirs: an online seat gets no room, not even a session's own.
 */
export function emailDetails(ctx: CourseContext, locale: Locale, pool?: SeatPool) {
  const venue = venueOf(ctx.course, pool);
  const online = venue === 'Online';
  return {
    courseTitle: ctx.course.title,
    organisationName: ctx.organisationName,
    venue,
    sessions: ctx.sessions.map((s) => formatSession(locale, online ? { ...s, location: '' } : s, venue)),
    cancellationDeadline: ctx.course.cancellationDeadline ? formatMoment(locale, ctx.course.cancellationDeadline) : null,
  };
}

function calendarOf(
  ctx: CourseContext,
  sessions: CalendarSession[],
  method: CalendarMethod,
  pool: SeatPool | undefined,
  attendee?: { name: string; email: string },
) {
  // An online seat's calendar points at the meeting link (where there is one), never at the room.
  const online = pool ? onlineUrlFor(ctx.course, pool) : null;
  const venue = venueOf(ctx.course, pool);
  const content = courseCalendar(
    {
      title: ctx.course.title,
      description: ctx.course.description,
      url: appLink(`/cursussen/${ctx.course.id}`),
      location: online ?? venue,
    },
    venue === 'Online' ? sessions.map((s) => ({ ...s, location: '' })) : sessions,
    { method, organizer: organizerOf(ctx.organisationName, getEnv().EMAIL_FROM), stamp: now(), attendee },
  );
  return calendarAttachment(content, method);
}

/**
 * The registrations that may have the sessions in their calendar: confirmed people got the file with
 * their confirmation, and people offered a seat get schedule changes while they decide.
 */
export const HOLDS_CALENDAR = ['confirmed', 'offered'] as const;

/** The course's current schedule as a calendar file (METHOD:PUBLISH): for a person with a seat in `pool`. */
export function calendarFor(ctx: CourseContext, pool?: SeatPool) {
  return calendarOf(ctx, ctx.sessions, 'publish', pool);
}

/**
 * The calendar file a person can download from their manage page: the course's schedule as it is
 * now. Only for a confirmed seat on a course that goes ahead; anyone else has nothing to put in a
 * calendar (and their cancellation came with its own file).
 */
export function calendarDownload(ctx: CourseContext, registration: { status: string; pool: SeatPool }) {
  if (registration.status !== 'confirmed' || ctx.course.status !== 'published' || !ctx.sessions.length) return null;
  const file = calendarFor(ctx, registration.pool);
  return { contentType: file.contentType, content: Buffer.from(file.content, 'base64').toString('utf8') };
}

/**
 * A calendar file that takes sessions out of one person's calendar (METHOD:CANCEL, STATUS:CANCELLED).
 * Pass the sessions with a SEQUENCE above every version the person may have: see `raiseSequences`.
 */
export function cancellationFor(ctx: CourseContext, sessions: CalendarSession[], person: { name: string; email: string; pool?: SeatPool }) {
  return calendarOf(ctx, sessions, 'cancel', person.pool, { name: person.name, email: person.email });
}

/**
 * Raises the SEQUENCE of every session of a course, for a change that calendars must see. Returns
 * the sessions as they are now. With `cancelling`, it raises them by two and returns each session one
 * below its new SEQUENCE: that is the version for the cancellation file, above every version sent
 * so far, while whatever is published next (even a new sign-up by the same person) is one above it,
 * so a calendar never takes a later schedule for older than the cancellation.
 */
export async function raiseSequences(tx: Db, courseId: string, options: { cancelling?: boolean } = {}) {
  const step = options.cancelling ? 2 : 1;
  const rows = await tx
    .update(courseSessions)
    .set({ sequence: sql`${courseSessions.sequence} + ${step}` })
    .where(eq(courseSessions.courseId, courseId))
    .returning();
  rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return options.cancelling ? rows.map((row) => ({ ...row, sequence: row.sequence - 1 })) : rows;
}

/** A fresh link to see and cancel a registration: the token, its hash (what we store) and the URL. */
export function newManageLink() {
  const token = generateToken();
  return { token, hash: hashToken(token), url: appLink(`/aanmelding/${token}`) };
}

/** Stores a new link for the holder to see and cancel a registration, and returns its URL. */
export async function mintManageLink(tx: Db, registrationId: string) {
  const link = newManageLink();
  await tx.insert(registrationLinks).values({ tokenHash: link.hash, registrationId, createdAt: now() });
  return link.url;
}

export type RegistrationWindow = 'open' | 'not-yet-open' | 'deadline-passed' | 'started' | 'cancelled' | 'draft';

/** Whether sign-ups (and waitlist offers) are possible now. */
export function registrationWindow(course: Course, sessions: CourseSession[], at: Date): RegistrationWindow {
  if (course.status === 'draft') return 'draft';
  if (course.status === 'cancelled') return 'cancelled';
  const first = sessions[0]?.startsAt;
  if (first && first.getTime() <= at.getTime()) return 'started';
  if (course.registrationClosesAt && course.registrationClosesAt.getTime() <= at.getTime()) return 'deadline-passed';
  if (course.registrationOpensAt && course.registrationOpensAt.getTime() > at.getTime()) return 'not-yet-open';
  return 'open';
}
