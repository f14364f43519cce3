import { and, asc, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  academies,
  courses,
  courseSessions,
  organisations,
  type AcademyCriterion,
  type AcademyQuestion,
  type FocusGroup,
  type Office,
} from '~db/schema';
import { now } from '../clock.server';
import { isUuid } from '../http.server';

// The public side of an academy's call (ADR 018): which calls are listed, and what a call page shows.

export type Academy = typeof academies.$inferSelect;

/** open: applications are taken now; upcoming: published, opens later; closed: the period is over. */
export type CallPhase = 'open' | 'upcoming' | 'closed' | 'unpublished';

export function callPhase(academy: Pick<Academy, 'callPublished' | 'applicationsOpenAt' | 'applicationsCloseAt'>, at = now()): CallPhase {
  if (!academy.callPublished || !academy.applicationsOpenAt || !academy.applicationsCloseAt) return 'unpublished';
  if (at < academy.applicationsOpenAt) return 'upcoming';
  if (at < academy.applicationsCloseAt) return 'open';
  return 'closed';
}

/** Published calls that are open or still to open, soonest closing first. */
export async function listOpenCalls(db: Db) {
  return db
    .select({
      id: academies.id,
      name: academies.name,
      description: academies.description,
      organisationName: organisations.name,
      applicationsOpenAt: academies.applicationsOpenAt,
      applicationsCloseAt: academies.applicationsCloseAt,
      seats: academies.seats,
      eligibleFocusGroups: academies.eligibleFocusGroups,
      eligibleProvinces: academies.eligibleProvinces,
    })
    .from(academies)
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .where(and(eq(academies.callPublished, true), isNotNull(academies.applicationsOpenAt), gt(academies.applicationsCloseAt, now())))
    .orderBy(asc(academies.applicationsCloseAt), asc(academies.name));
}

/** How many calls take applications now (for the links from the catalogue and the home page). */
export async function countOpenCalls(db: Db) {
  const at = now();
  const [row] = await db
    .select({ n: sql`count(*)`.mapWith(Number) })
    .from(academies)
    .where(and(eq(academies.callPublished, true), lte(academies.applicationsOpenAt, at), gt(academies.applicationsCloseAt, at)));
  return row?.n ?? 0;
}

/** A published call with its organisation and its programme (the academy's courses and their dates); null otherwise. */
export async function publicCall(db: Db, academyId: string | undefined) {
  if (!isUuid(academyId)) return null;
  const [row] = await db
    .select({ academy: academies, organisationName: organisations.name })
    .from(academies)
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .where(and(eq(academies.id, academyId), eq(academies.callPublished, true)));
  if (!row) return null;
  const modules = await db
    .select({
      id: courses.id,
      title: courses.title,
      startsAt: sql<Date | null>`min(${courseSessions.startsAt})`.mapWith((v) => (v ? new Date(v) : null)),
    })
    .from(courses)
    .leftJoin(courseSessions, eq(courseSessions.courseId, courses.id))
    .where(and(eq(courses.academyId, academyId), eq(courses.status, 'published')))
    .groupBy(courses.id, courses.title)
    .orderBy(sql`min(${courseSessions.startsAt}) nulls last`, asc(courses.title));
  return { ...row, modules, phase: callPhase(row.academy) };
}

export type CallSettings = {
  eligibility: string;
  eligibleProvinces: string[];
  eligibleFocusGroups: FocusGroup[];
  eligibleOffices: Office[];
  cost: string;
  applicationsOpenAt: Date | null;
  applicationsCloseAt: Date | null;
  seats: number;
  claimDays: number;
  questions: AcademyQuestion[];
  criteria: AcademyCriterion[];
  reviewerFields: string[];
  callPublished: boolean;
};

/** Saves the call of one of the organisations' academies; false for any other academy. */
export async function saveCall(db: Db, organisationIds: string[], academyId: string, settings: CallSettings) {
  if (!isUuid(academyId) || organisationIds.length === 0) return false;
  const rows = await db
    .update(academies)
    .set(settings)
    .where(and(eq(academies.id, academyId), inArray(academies.organisationId, organisationIds)))
    .returning({ id: academies.id });
  return rows.length > 0;
}
