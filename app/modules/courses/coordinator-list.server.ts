import { and, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { publicSeats, seatsHeldByAcademy } from './academy-seats.server';
import { courseSessions, courses, municipalities, organisations, registrations, type RegistrationStatus } from '~db/schema';
import { escapeLike } from './catalogue.server';
import { COURSE_LIST_PAGE_SIZE, type CourseListFilter, type CourseListQuery } from './coordinator-list';

// The coordinator's course list (/beheer/cursussen, issue 16 item 9): the next courses first, a
// filter on where a course stands (upcoming, running, past, draft, cancelled) and a search on title
// and municipality, read from the query string so the form is a plain GET form.

const published = sql`${courses.status} = 'published'`;

/** Where a course stands at `at`; sessions come from the dates kept on courses by triggers. */
function filterCondition(filter: CourseListFilter, moment: Date): SQL {
  const at = sql`${moment.toISOString()}::timestamptz`;
  switch (filter) {
    case 'komend':
      return sql`${published} and ${courses.firstSessionAt} > ${at}`;
    case 'lopend':
      return sql`${published} and ${courses.firstSessionAt} <= ${at} and ${courses.lastSessionEndsAt} > ${at}`;
    case 'afgelopen':
      return sql`${published} and ${courses.lastSessionEndsAt} <= ${at}`;
    case 'concept':
      return sql`${courses.status} = 'draft'`;
    case 'geannuleerd':
      return sql`${courses.status} = 'cancelled'`;
  }
}

/**
 * The order of the list: upcoming courses (soonest first), then running ones, then drafts (newest
 * first), then the past (most recent first), then cancelled ones. Within a filter the same order holds.
 */
function rank(moment: Date) {
  const at = sql`${moment.toISOString()}::timestamptz`;
  return sql`case
    when ${published} and ${courses.firstSessionAt} > ${at} then 0
    when ${published} and ${courses.lastSessionEndsAt} > ${at} then 1
    when ${courses.status} = 'draft' then 2
    when ${published} then 3
    else 4 end`;
}

const countWith = (status: RegistrationStatus) =>
  sql`(select count(*) from ${registrations} where ${registrations.courseId} = ${courses.id} and ${registrations.status} = ${status})`.mapWith(
    Number,
  );
const firstStart = sql`(select min(${courseSessions.startsAt}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id})`;

/** One page of the courses of the given organisations (already checked to be the coordinator's). */
export async function listCoordinatorCourses(db: Db, organisationIds: string[], query: CourseListQuery, at: Date) {
  if (organisationIds.length === 0) return { courses: [], total: 0, pageCount: 1 };
  const conditions: SQL[] = [inArray(courses.organisationId, organisationIds)];
  if (query.filter) conditions.push(filterCondition(query.filter, at));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(courses.title, pattern), ilike(municipalities.name, pattern))!);
  }
  const where = and(...conditions);
  const order = rank(at);
  const rows = await db
    .select({
      id: courses.id,
      title: courses.title,
      status: courses.status,
      capacity: courses.capacity,
      onlineCapacity: courses.onlineCapacity,
      format: courses.format,
      academyId: courses.academyId,
      organisationName: organisations.name,
      municipalityName: municipalities.name,
      firstStart: firstStart.mapWith(courseSessions.startsAt),
      confirmed: countWith('confirmed'),
      offered: countWith('offered'),
      waitlisted: countWith('waitlisted'),
    })
    .from(courses)
    .innerJoin(organisations, eq(organisations.id, courses.organisationId))
    .innerJoin(municipalities, eq(municipalities.code, courses.municipalityCode))
    .where(where)
    .orderBy(
      order,
      // Upcoming and running: soonest first. Drafts: newest first. Past and cancelled: latest first.
      sql`case when ${order} in (0, 1) then ${courses.firstSessionAt} end asc nulls last`,
      sql`case when ${order} = 2 then ${courses.createdAt} end desc nulls last`,
      sql`${courses.firstSessionAt} desc nulls last`,
      courses.id,
    )
    .limit(COURSE_LIST_PAGE_SIZE)
    .offset((query.page - 1) * COURSE_LIST_PAGE_SIZE);
  const [count] = await db
    .select({ n: sql`count(*)`.mapWith(Number) })
    .from(courses)
    .innerJoin(municipalities, eq(municipalities.code, courses.municipalityCode))
    .where(where);
  const total = count?.n ?? 0;
  // Seats kept for an academy's cohort, by the same rule as the catalogue (academy-seats.server.ts).
  const heldFor = await seatsHeldByAcademy(
    db,
    rows.flatMap((r) => (r.academyId ? [r.academyId] : [])),
  );
  const withHeld = rows.map((r) => ({
    ...r,
    heldForCohort: publicSeats(r, () => 0, heldFor.get(r.academyId ?? '') ?? 0).pools.reduce((sum, p) => sum + p.heldForCohort, 0),
  }));
  return { courses: withHeld, total, pageCount: Math.max(1, Math.ceil(total / COURSE_LIST_PAGE_SIZE)) };
}
