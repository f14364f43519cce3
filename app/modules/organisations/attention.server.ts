import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { courseSessions, courses, matches, menteeApplications, networks, registrations } from '~db/schema';
import { DAY, now } from '../clock.server';

// What needs a coordinator's attention in one organisation, for the /beheer home page. Every query
// takes the organisation id, so nothing of another organisation is ever read.

/** A course is "filling up" from this share of its seats taken. */
const FILLING_UP_SHARE = 0.8;
/** An active match without a check-in (or since it was accepted) for this long is quiet. */
const QUIET_AFTER_MS = 42 * DAY;
/** Courses shown per list on the home page; the rest are counted. */
const ATTENTION_ITEMS = 10;

// Drizzle leaves columns unqualified in the select list of a one-table query, so a correlated
// subquery there must name the outer column in full.
const outerCourseId = sql.raw('"courses"."id"');

const count = (status: 'confirmed' | 'offered' | 'waitlisted') =>
  sql`(select count(*) from ${registrations} where ${registrations.courseId} = ${outerCourseId} and ${registrations.status} = ${status})`.mapWith(
    Number,
  );

export async function attentionFor(db: Db, organisationId: string) {
  const t = now();
  const at = sql`${t.toISOString()}::timestamptz`;
  // Courses that are not over: a session still to end, found on the index of session end, so the page
  // reads what is running and coming up, not every course the organisation ever held. A published
  // course always has a session (publishing needs one and its last one cannot be deleted), so no
  // course without sessions is missed.
  const notOver = inArray(
    courses.id,
    db
      .selectDistinct({ courseId: courseSessions.courseId })
      .from(courseSessions)
      .where(sql`${courseSessions.endsAt} > ${at}`),
  );

  const [courseRows, offers, proposals, quiet, waiting] = await Promise.all([
    db
      .select({
        id: courses.id,
        title: courses.title,
        capacity: courses.capacity,
        confirmed: count('confirmed'),
        offered: count('offered'),
        waitlisted: count('waitlisted'),
      })
      .from(courses)
      .where(and(eq(courses.organisationId, organisationId), eq(courses.status, 'published'), notOver))
      .orderBy(asc(courses.title)),
    db
      .select({
        id: courses.id,
        title: courses.title,
        offered: sql`count(*)`.mapWith(Number),
        firstExpiry: sql`min(${registrations.offerExpiresAt})`.mapWith(registrations.offerExpiresAt),
      })
      .from(registrations)
      .innerJoin(courses, eq(courses.id, registrations.courseId))
      // An offer is made for a course not yet over; reading only those keeps this to current courses too.
      .where(and(eq(courses.organisationId, organisationId), notOver, eq(registrations.status, 'offered')))
      .groupBy(courses.id, courses.title)
      .orderBy(asc(courses.title)),
    db
      .select({
        id: networks.id,
        name: networks.name,
        alertDays: networks.proposalAlertDays,
        overdue: sql`count(*)`.mapWith(Number),
      })
      .from(matches)
      .innerJoin(networks, eq(networks.id, matches.networkId))
      .where(
        and(
          eq(networks.organisationId, organisationId),
          eq(matches.status, 'proposed'),
          sql`${matches.proposedAt} < ${at} - make_interval(days => ${networks.proposalAlertDays})`,
        ),
      )
      .groupBy(networks.id, networks.name, networks.proposalAlertDays)
      .orderBy(asc(networks.name)),
    db
      .select({ id: networks.id, name: networks.name, quiet: sql`count(*)`.mapWith(Number) })
      .from(matches)
      .innerJoin(networks, eq(networks.id, matches.networkId))
      .where(
        and(
          eq(networks.organisationId, organisationId),
          eq(matches.status, 'active'),
          lt(
            sql`coalesce(${matches.lastCheckInAt}, ${matches.acceptedAt}, ${matches.createdAt})`,
            sql`${new Date(t.getTime() - QUIET_AFTER_MS).toISOString()}::timestamptz`,
          ),
        ),
      )
      .groupBy(networks.id, networks.name)
      .orderBy(asc(networks.name)),
    db
      .select({ id: networks.id, name: networks.name, waiting: sql`count(*)`.mapWith(Number) })
      .from(menteeApplications)
      .innerJoin(networks, eq(networks.id, menteeApplications.networkId))
      .where(and(eq(networks.organisationId, organisationId), eq(menteeApplications.status, 'waiting')))
      .groupBy(networks.id, networks.name)
      .orderBy(asc(networks.name)),
  ]);

  const filling = courseRows
    .map((c) => ({ ...c, taken: c.confirmed + c.offered }))
    .filter((c) => c.capacity > 0 && c.taken >= FILLING_UP_SHARE * c.capacity)
    .map(({ id, title, capacity, taken, waitlisted }) => ({ id, title, capacity, taken, waitlisted, full: taken >= capacity }));

  return {
    // The home page is a summary: the first few, and how many more (the full lists have pages of their own).
    filling: filling.slice(0, ATTENTION_ITEMS),
    fillingMore: Math.max(0, filling.length - ATTENTION_ITEMS),
    offers: offers.slice(0, ATTENTION_ITEMS),
    offersMore: Math.max(0, offers.length - ATTENTION_ITEMS),
    // Networks too: a large organisation has dozens of them.
    proposals: proposals.slice(0, ATTENTION_ITEMS),
    proposalsMore: Math.max(0, proposals.length - ATTENTION_ITEMS),
    quiet: quiet.slice(0, ATTENTION_ITEMS),
    quietMore: Math.max(0, quiet.length - ATTENTION_ITEMS),
    waiting: waiting.slice(0, ATTENTION_ITEMS),
    waitingMore: Math.max(0, waiting.length - ATTENTION_ITEMS),
    total: filling.length + offers.length + proposals.length + quiet.length + waiting.length,
  };
}
