import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { registrations, type SeatPool } from '~db/schema';
import type { Locale } from '~/i18n';
import { normalizeEmail } from '../../auth/accounts.server';
import { now } from '../../clock.server';
import { isUuid } from '../../http.server';
import { loadCourseContext, registrationWindow } from '../context.server';
import { cancelRegistration, sendConfirmation, signUp } from '../registrations.server';
import { onlyPool, poolCapacity } from '../pools';
import { type Scope } from './scope';
import { ownedCourse, statusCounts } from './reading.server';

// Registrations

/** The privacy version recorded for people a coordinator adds (they did not tick our box themselves). */
const COORDINATOR_PRIVACY_VERSION = 'coordinator';

/** `pool` counts on a hybrid course only (the room when missing). */
export type ManualAddInput = { name: string; email: string; municipalityCode: string; locale: Locale; pool?: SeatPool };
export type ManualAddResult =
  | { status: 'confirmed' }
  | { status: 'waitlisted'; position: number }
  | { status: 'duplicate' }
  | { status: 'full' }
  | { status: 'not-published' }
  | { status: 'not-found' };

/**
 * A coordinator adds a person (someone who signed up on paper, or walks in at the first session). While
 * sign-up is open this is an ordinary sign-up (confirmed or waitlisted, with the same emails). Outside
 * the window (not open yet, deadline passed, course started) coordinators may still add people while
 * seats are left; they are confirmed under the course's lock and get the confirmation email.
 */
export async function addRegistrationByCoordinator(
  db: Db,
  scope: Scope,
  courseId: string,
  input: ManualAddInput,
): Promise<ManualAddResult> {
  const course = await ownedCourse(db, scope, courseId);
  if (!course) return { status: 'not-found' };
  if (course.status !== 'published') return { status: 'not-published' };
  const email = normalizeEmail(input.email);
  const active = and(eq(registrations.courseId, courseId), eq(registrations.email, email), sql`${registrations.status} <> 'cancelled'`);
  // Checked here first, so the person does not get signUp's "you are already registered" email.
  const [existing] = await db.select({ id: registrations.id }).from(registrations).where(active);
  if (existing) return { status: 'duplicate' };
  const details = {
    name: input.name,
    email,
    municipalityCode: input.municipalityCode,
    locale: input.locale,
    privacyVersion: COORDINATOR_PRIVACY_VERSION,
    source: 'coordinator',
    pool: input.pool,
  };
  const ctx = (await loadCourseContext(db, courseId))!;
  if (registrationWindow(ctx.course, ctx.sessions, now()) === 'open') {
    const result = await signUp(db, courseId, details);
    if (result.status === 'confirmed') return { status: 'confirmed' };
    if (result.status === 'waitlisted') return { status: 'waitlisted', position: result.position };
    if (result.status === 'duplicate') return { status: 'duplicate' };
    // The window closed in between: go on below.
  }
  return db.transaction(async (tx) => {
    const locked = (await loadCourseContext(tx, courseId, { lock: true }))!;
    if (locked.course.status !== 'published') return { status: 'not-published' as const };
    const [again] = await tx.select({ id: registrations.id }).from(registrations).where(active);
    if (again) return { status: 'duplicate' as const };
    const pool = onlyPool(locked.course) ?? input.pool ?? 'on-site';
    const counts = await statusCounts(tx, courseId, pool);
    if (counts.confirmed + counts.offered >= poolCapacity(locked.course, pool)) return { status: 'full' as const };
    const t = now();
    const [registration] = await tx
      .insert(registrations)
      .values({ courseId, ...details, pool, status: 'confirmed', consentedAt: t, confirmedAt: t, createdAt: t, updatedAt: t })
      .returning();
    await sendConfirmation(tx, locked, registration!);
    return { status: 'confirmed' as const };
  });
}

/** A coordinator cancels someone's registration (at any time); the freed seat goes to the waitlist. */
export async function cancelRegistrationByCoordinator(db: Db, scope: Scope, courseId: string, registrationId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course || !isUuid(registrationId)) return { status: 'not-found' as const };
  const [registration] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.courseId, course.id)));
  if (!registration) return { status: 'not-found' as const };
  return cancelRegistration(db, registration.id, 'coordinator');
}

/** One registration of the course (for the confirmation before a coordinator cancels it). */
export async function registrationOfCourse(db: Db, scope: Scope, courseId: string, registrationId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course || !isUuid(registrationId)) return null;
  const [registration] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.courseId, course.id)));
  return registration ?? null;
}
