import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { courses } from '~db/schema';
import { requireUser, type SessionUser } from '../auth/session.server';
import { organisationsCoordinatedBy } from './organisations.server';
import { notFound, isUuid } from '../http.server';

type CoordinatedOrganisation = Awaited<ReturnType<typeof organisationsCoordinatedBy>>[number];
export type Coordinator = { user: SessionUser; organisations: CoordinatedOrganisation[] };

/**
 * Guards coordinators' pages. Visitors go to the login page (and come back afterwards); logged-in
 * people who coordinate no organisation get 404.
 */
export async function requireCoordinator(request: Request): Promise<Coordinator> {
  const user = await requireUser(request);
  const organisations = await organisationsCoordinatedBy(getDb(), user.id);
  if (organisations.length === 0) throw notFound();
  return { user, organisations };
}

/** One of the coordinator's organisations by id; 404 for any other id (including malformed ones). */
export function requireOwnOrganisation(coordinator: Coordinator, organisationId: unknown) {
  const organisation = isUuid(organisationId) ? coordinator.organisations.find((o) => o.id === organisationId) : undefined;
  if (!organisation) throw notFound();
  return organisation;
}

/**
 * Guards the pages of one course: the course, when its organisation is one of the user's. Every other
 * course id (another organisation's, unknown, malformed) is a 404. The query itself carries the user's
 * organisation ids, so a course of another organisation is never even read.
 */
export async function requireCourseOfCoordinator(request: Request, courseId: string | undefined) {
  const coordinator = await requireCoordinator(request);
  if (!isUuid(courseId)) throw notFound();
  const [course] = await getDb()
    .select()
    .from(courses)
    .where(
      and(
        eq(courses.id, courseId),
        inArray(
          courses.organisationId,
          coordinator.organisations.map((o) => o.id),
        ),
      ),
    );
  if (!course) throw notFound();
  const organisation = coordinator.organisations.find((o) => o.id === course.organisationId)!;
  return { ...coordinator, course, organisation };
}

/** The scope that every query of tenant data in the course management takes. */
export function scopeOf(coordinator: Coordinator) {
  return { organisationIds: coordinator.organisations.map((o) => o.id) };
}
