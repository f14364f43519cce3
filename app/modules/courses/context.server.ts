import { asc, eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { courseSessions, courses, organisations, registrationLinks } from '~db/schema';
import { getEnv } from '~/env.server';
import type { Locale } from '~/i18n';
import { now } from '../clock.server';
import { generateToken, hashToken } from '../security/tokens.server';
import { calendarAttachment, courseCalendar } from './calendar.server';
import { formatMoment, formatSession } from './format.server';

export type Course = typeof courses.$inferSelect;
export type CourseSession = typeof courseSessions.$inferSelect;

export const appLink = (path: string) => `${getEnv().appUrl}${path}`;

/** A course with its sessions (in time order) and organisation name: what every course email needs. */
export async function loadCourseContext(db: Db, courseId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(courses).where(eq(courses.id, courseId));
  // The row lock on the course serialises every change of its seats (ADR 007).
  const [course] = options.lock ? await query.for('update') : await query;
  if (!course) return null;
  const sessions = await db
    .select()
    .from(courseSessions)
    .where(eq(courseSessions.courseId, courseId))
    .orderBy(asc(courseSessions.startsAt));
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, course.organisationId));
  return { course, sessions, organisationName: organisation?.name ?? '' };
}
export type CourseContext = NonNullable<Awaited<ReturnType<typeof loadCourseContext>>>;

export function venueOf(course: Course) {
  if (course.format === 'online') return 'Online';
  return [course.locationName, course.address].filter(Boolean).join(', ');
}

/** The fields shared by course emails, in the recipient's language. */
export function emailDetails(ctx: CourseContext, locale: Locale) {
  const venue = venueOf(ctx.course);
  return {
    courseTitle: ctx.course.title,
    organisationName: ctx.organisationName,
    venue,
    sessions: ctx.sessions.map((s) => formatSession(locale, s, venue)),
    cancellationDeadline: ctx.course.cancellationDeadline ? formatMoment(locale, ctx.course.cancellationDeadline) : null,
  };
}

export function calendarFor(ctx: CourseContext) {
  const content = courseCalendar(
    {
      title: ctx.course.title,
      description: ctx.course.description,
      url: appLink(`/cursussen/${ctx.course.id}`),
      location: venueOf(ctx.course),
    },
    ctx.sessions,
    now(),
  );
  return calendarAttachment(content);
}

/** A new link for the holder to see and cancel a registration (only its hash is stored). */
export async function mintManageLink(tx: Db, registrationId: string) {
  const token = generateToken();
  await tx.insert(registrationLinks).values({ tokenHash: hashToken(token), registrationId, createdAt: now() });
  return appLink(`/aanmelding/${token}`);
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
