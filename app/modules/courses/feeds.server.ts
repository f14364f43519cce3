import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Db } from '~db/client.server';
import { courseSessions, courses, municipalities, organisations } from '~db/schema';
import type { Translate } from '~/i18n';
import { TIME_ZONE } from '../time';

// Calendar subscriptions (issue 16, item 5): one iCalendar feed per municipality, province or
// organisation with the sessions of its public courses, for Outlook, Google and Apple to subscribe to.
// Like the personal calendar files (ADR 012, calendar.server.ts), each session is one VEVENT with a
// stable UID and the session's SEQUENCE, which grows with every change; times are in UTC. A cancelled
// course stays in the feed with its sessions STATUS:CANCELLED, so subscribed calendars drop them.
// Drafts never appear. Sessions that ended more than 90 days ago are left out to keep the feed light.

export type FeedScope = { kind: 'municipality' | 'province' | 'organisation'; value: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = 24 * 60 * 60 * 1000;
/** How often calendar programs should fetch the feed again (seconds). */
export const FEED_TTL_SECONDS = 6 * 60 * 60;

/** The feed's name ("Gemeente Zwolle"), or null when there is no such municipality, province or organisation. */
export async function feedOwner(db: Db, scope: FeedScope): Promise<string | null> {
  if (scope.kind === 'organisation') {
    if (!UUID.test(scope.value)) return null;
    const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, scope.value));
    return row?.name ?? null;
  }
  const code = scope.value.toUpperCase();
  if (!/^[A-Z]{2}\d{2,4}$/.test(code)) return null;
  const column = scope.kind === 'municipality' ? municipalities.code : municipalities.provinceCode;
  const [row] = await db
    .select({ name: scope.kind === 'municipality' ? municipalities.name : municipalities.province })
    .from(municipalities)
    .where(eq(column, code))
    .limit(1);
  return row?.name ?? null;
}

export async function feedSessions(db: Db, scope: FeedScope, at: Date) {
  const where =
    scope.kind === 'organisation'
      ? eq(courses.organisationId, scope.value)
      : scope.kind === 'municipality'
        ? eq(courses.municipalityCode, scope.value.toUpperCase())
        : inArray(
            courses.municipalityCode,
            db.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.provinceCode, scope.value.toUpperCase())),
          );
  const since = new Date(at.getTime() - 90 * DAY).toISOString();
  return db
    .select({
      id: courseSessions.id,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      location: courseSessions.location,
      sequence: courseSessions.sequence,
      courseId: courses.id,
      title: courses.title,
      description: courses.description,
      status: courses.status,
      format: courses.format,
      locationName: courses.locationName,
      address: courses.address,
      organisationName: organisations.name,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .innerJoin(organisations, eq(organisations.id, courses.organisationId))
    .where(and(inArray(courses.status, ['published', 'cancelled']), where, gt(courseSessions.endsAt, sql`${since}::timestamptz`)))
    .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id))
    .limit(5000);
}

type FeedRow = Awaited<ReturnType<typeof feedSessions>>[number];

export function feedCalendar(input: { name: string; appUrl: string; stamp: Date; t: Translate; rows: FeedRow[] }) {
  const { t } = input;
  const calendar = ical({
    name: input.name,
    description: t('feeds.description', { name: input.name }),
    prodId: { company: 'Politiek Actief', product: 'agenda', language: 'NL' },
    ttl: FEED_TTL_SECONDS,
  });
  calendar.method(ICalCalendarMethod.PUBLISH);
  calendar.x([{ key: 'X-WR-TIMEZONE', value: TIME_ZONE }]);
  for (const row of input.rows) {
    const cancelled = row.status === 'cancelled';
    const url = `${input.appUrl}/cursussen/${row.courseId}`;
    calendar.createEvent({
      id: `${row.id}@politiekactief-agenda`,
      // Cancelling a course changes the event: one above the SEQUENCE it had while published.
      sequence: row.sequence + (cancelled ? 1 : 0),
      start: row.startsAt,
      end: row.endsAt,
      stamp: input.stamp,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: cancelled ? t('feeds.cancelledSummary', { title: row.title }) : row.title,
      description: [row.description, t('feeds.by', { organisation: row.organisationName }), url].filter(Boolean).join('\n\n'),
      location:
        row.location || (row.format === 'online' ? t('courses.format.online') : [row.locationName, row.address].filter(Boolean).join(', ')),
      url,
    });
  }
  return calendar.toString();
}

/** The feed's path for a scope; `webcal://` with the same host and path subscribes in one click. */
export function feedPath(scope: FeedScope) {
  const segment = { municipality: 'gemeente', province: 'provincie', organisation: 'organisatie' }[scope.kind];
  return `/agenda/${segment}/${encodeURIComponent(scope.value)}.ics`;
}

export const webcalUrl = (httpsUrl: string) => httpsUrl.replace(/^https?:\/\//, 'webcal://');
