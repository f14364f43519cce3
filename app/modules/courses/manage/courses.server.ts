import { eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { courses, registrations, type SeatPool } from '~db/schema';
import { now } from '../../clock.server';
import { loadCourseContext, raiseSequences } from '../context.server';
import { cancelCourse, notifySessionsChanged, sendCourseFollowUp } from '../lifecycle.server';
import { offerFreeSeats } from '../registrations.server';
import { type Scope } from './scope';
import { onlineCapacityOf, type CourseInput } from './schemas';
import { onlyPool, poolCapacity, poolsOf } from '../pools';
import { lockOwnedCourse, ownedCourse, statusCounts } from './reading.server';
import { reconcileIfClosed } from '../certificates.server';

// Courses

function columnsOf(input: CourseInput) {
  return {
    title: input.title,
    description: input.description,
    municipalityCode: input.municipalityCode,
    format: input.format,
    locationName: input.locationName,
    address: input.address,
    onlineUrl: input.onlineUrl || null,
    language: input.language,
    costCents: input.cost,
    capacity: input.capacity,
    onlineCapacity: onlineCapacityOf(input),
    registrationOpensAt: input.registrationOpensAt,
    registrationClosesAt: input.registrationClosesAt,
    cancellationDeadline: input.cancellationDeadline,
    claimWindowHours: input.claimWindowHours,
    reminderDaysBefore: input.reminderDaysBefore,
    completionThreshold: input.completionThreshold ?? null,
    certificateMinimum: input.certificateMinimum ?? null,
    accessibilityInfo: input.accessibilityInfo,
  };
}

/** A new course, as a draft: nobody sees it until it is published. Null when the organisation is not in scope. */
export async function createCourseDraft(db: Db, scope: Scope, organisationId: string, createdBy: string, input: CourseInput) {
  if (!scope.organisationIds.includes(organisationId)) return null;
  const t = now();
  const [row] = await db
    .insert(courses)
    .values({ organisationId, ...columnsOf(input), status: 'draft', createdBy, createdAt: t, updatedAt: t })
    .returning({ id: courses.id });
  return row!.id;
}

export type UpdateResult =
  | { status: 'saved'; offered: number; told: number }
  | { status: 'not-found' }
  | { status: 'cancelled' }
  | { status: 'capacity-below-taken'; taken: number; pool: SeatPool; field: 'capacity' | 'onlineCapacity' };

/**
 * Saves the course form, under the course's lock. Capacity cannot go below the seats already taken;
 * more capacity on a published course goes to the waitlist at once. A new venue on a published course
 * is a change of every session: confirmed people get an updated calendar.
 */
export async function updateCourse(db: Db, scope: Scope, courseId: string, input: CourseInput): Promise<UpdateResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx) return { status: 'not-found' as const };
    const before = ctx.course;
    if (before.status === 'cancelled') return { status: 'cancelled' as const };
    // Each pool's seats cannot go below the seats taken in it. A course that stops being hybrid puts
    // everyone in its one pool, so that pool must hold the seats of both.
    const columns = columnsOf(input);
    const after = { format: input.format, capacity: columns.capacity, onlineCapacity: columns.onlineCapacity };
    const single = onlyPool(after);
    for (const pool of poolsOf(after)) {
      const counts = single ? await statusCounts(tx, courseId) : await statusCounts(tx, courseId, pool);
      const taken = counts.confirmed + counts.offered;
      if (poolCapacity(after, pool) < taken) {
        const field = input.format === 'hybrid' && pool === 'online' ? ('onlineCapacity' as const) : ('capacity' as const);
        return { status: 'capacity-below-taken' as const, taken, pool, field };
      }
    }
    const t = now();
    await tx
      .update(courses)
      .set({ ...columns, updatedAt: t })
      .where(eq(courses.id, courseId));
    if (single) await tx.update(registrations).set({ pool: single }).where(eq(registrations.courseId, courseId));
    let told = 0;
    let offered = 0;
    if (before.status === 'published') {
      const venueChanged = before.format !== input.format || before.locationName !== input.locationName || before.address !== input.address;
      if (venueChanged && ctx.sessions.length) await raiseSequences(tx, courseId);
      if (venueChanged) await tx.update(courses).set({ rescheduledAt: t }).where(eq(courses.id, courseId));
      const fresh = (await loadCourseContext(tx, courseId))!;
      if (venueChanged && ctx.sessions.length) told = await notifySessionsChanged(tx, fresh);
      const grew = poolsOf(fresh.course).some((pool) => poolCapacity(fresh.course, pool) > poolCapacity(before, pool));
      if (grew || before.format !== input.format) offered = await offerFreeSeats(tx, fresh);
    }
    // A new certificate minimum on a closed course issues or withdraws certificates at once.
    if ((input.certificateMinimum ?? null) !== before.certificateMinimum) await reconcileIfClosed(tx, courseId);
    return { status: 'saved' as const, offered, told };
  });
}

export type PublishResult = 'published' | 'not-found' | 'not-draft' | 'no-sessions' | 'no-capacity';

/** Publishes a draft: it needs at least one session and at least one seat. */
export async function publishCourse(db: Db, scope: Scope, courseId: string): Promise<PublishResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx) return 'not-found';
    if (ctx.course.status !== 'draft') return 'not-draft';
    if (ctx.sessions.length === 0) return 'no-sessions';
    if (ctx.course.capacity < 1) return 'no-capacity';
    const t = now();
    await tx.update(courses).set({ status: 'published', publishedAt: t, updatedAt: t }).where(eq(courses.id, courseId));
    return 'published';
  });
}

/** Cancels a course; everyone on it gets an email (see cancelCourse). */
export async function cancelOwnedCourse(db: Db, scope: Scope, courseId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course) return { status: 'not-found' as const };
  if (course.status === 'cancelled') return { status: 'already-cancelled' as const };
  return { status: 'cancelled' as const, told: await cancelCourse(db, courseId) };
}

export type CloseResult =
  | { status: 'closed'; sent: number }
  | { status: 'not-found' }
  | { status: 'not-published' }
  | { status: 'not-ended' }
  | { status: 'already-closed' };

/** After the last session: the follow-up to every confirmed person (attendees and no-shows differ). */
export async function closeCourse(db: Db, scope: Scope, courseId: string): Promise<CloseResult> {
  const course = await ownedCourse(db, scope, courseId);
  if (!course) return { status: 'not-found' };
  if (course.status !== 'published') return { status: 'not-published' };
  if (course.followUpSentAt) return { status: 'already-closed' };
  const ctx = (await loadCourseContext(db, courseId))!;
  const last = ctx.sessions.at(-1);
  if (!last || last.endsAt.getTime() > now().getTime()) return { status: 'not-ended' };
  return { status: 'closed', sent: await sendCourseFollowUp(db, courseId) };
}
