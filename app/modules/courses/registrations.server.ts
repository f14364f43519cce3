import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { courseSessions, courses, registrationLinks, registrations, type AccessibilityAid, type SeatPool } from '~db/schema';
import type { Locale } from '~/i18n';
import { now, HOUR } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { normalizeEmail } from '../auth/accounts.server';
import { hashToken } from '../security/tokens.server';
import { formatMoment } from '../time';
import { appLink } from '../http.server';
import {
  calendarFor,
  cancellationFor,
  emailDetails,
  HOLDS_CALENDAR,
  loadCourseContext,
  mintManageLink,
  newManageLink,
  onlineUrlFor,
  raiseSequences,
  registrationWindow,
  type CourseContext,
  type RegistrationWindow,
} from './context.server';
import { onlyPool, poolsOf } from './pools';
import { publicSeatsLeftIn } from './academy-seats.server';

export type Registration = typeof registrations.$inferSelect;

export type SignUpInput = {
  name: string;
  email: string;
  municipalityCode: string;
  phone?: string | null;
  answers?: Record<string, string>;
  accessibilityNeeds?: string | null;
  accessibilityAids?: AccessibilityAid[];
  /** On a hybrid course, the pool the person chose (the room when missing); ignored on other courses. */
  pool?: SeatPool;
  source?: string | null;
  utm?: Record<string, string> | null;
  locale: Locale;
  privacyVersion: string;
  userId?: string | null;
};

export type SignUpResult =
  | { status: 'confirmed'; registrationId: string; manageToken: string }
  | { status: 'waitlisted'; registrationId: string; position: number; manageToken: string }
  | { status: 'duplicate'; registrationId: string; manageToken: string }
  | { status: 'not-found' }
  | { status: 'closed'; reason: Exclude<RegistrationWindow, 'open' | 'draft'> };

const SEAT_HOLDING = ['confirmed', 'offered'] as const;

/** Seats held in one pool of a course (confirmed and offered). Read it with the course locked. */
async function seatsTaken(tx: Db, courseId: string, pool: SeatPool) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.courseId, courseId), eq(registrations.pool, pool), inArray(registrations.status, [...SEAT_HOLDING])));
  return Number(row?.n ?? 0);
}

/** A waitlisted registration's place in its pool's queue (1 = next to be offered a seat). */
async function waitlistPosition(db: Db, registration: Pick<Registration, 'courseId' | 'waitlistSeq' | 'pool'>) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      and(
        eq(registrations.courseId, registration.courseId),
        eq(registrations.pool, registration.pool),
        eq(registrations.status, 'waitlisted'),
        lte(registrations.waitlistSeq, registration.waitlistSeq),
      ),
    );
  return Number(row?.n ?? 0);
}

/** The confirmation with the person's venue or online link and calendar file (for their pool). */
export async function sendConfirmation(tx: Db, ctx: CourseContext, registration: Registration) {
  const details = emailDetails(ctx, registration.locale, registration.pool);
  await enqueueEmail(tx, {
    template: 'registration-confirmed',
    to: registration.email,
    userId: registration.userId,
    props: {
      locale: registration.locale,
      name: registration.name,
      ...details,
      onlineUrl: onlineUrlFor(ctx.course, registration.pool),
      accessibilityInfo: ctx.course.accessibilityInfo,
      manageUrl: await mintManageLink(tx, registration.id),
    },
    attachments: [calendarFor(ctx, registration.pool)],
  });
}

/**
 * Signs a person up: confirmed while seats are left, waitlisted otherwise. Every sign-up for a course
 * takes the course's row lock first, so the seat count it reads cannot change before it writes:
 * confirmed registrations never exceed capacity, however many requests and processes run at once.
 * Everything that does not depend on the seat count (course details, the calendar file, link tokens)
 * is prepared before the lock, so the lock is held for a handful of short statements.
 */
export async function signUp(db: Db, courseId: string, input: SignUpInput, loaded?: CourseContext | null): Promise<SignUpResult> {
  const email = normalizeEmail(input.email);
  // A caller that has just read the course (the sign-up page) may pass it; the lock re-reads it.
  const prepared = loaded?.course.id === courseId ? loaded : await loadCourseContext(db, courseId);
  if (!prepared || prepared.course.status === 'draft') return { status: 'not-found' };
  // The pool: the course's own, or the person's choice on a hybrid course (the room by default, for
  // sign-ups stored before hybrid courses had pools). The lock re-reads the format.
  const poolFor = (course: CourseContext['course']) => onlyPool(course) ?? input.pool ?? 'on-site';
  const preparedPool = poolFor(prepared.course);
  const calendar = calendarFor(prepared, preparedPool);
  const details = emailDetails(prepared, input.locale, preparedPool);
  const pageLink = newManageLink();
  const emailLink = newManageLink();

  return db.transaction(async (tx) => {
    // The lock, and the course as it is now (a coordinator may have changed it meanwhile).
    const [course] = await tx.select().from(courses).where(eq(courses.id, courseId)).for('update');
    if (!course || course.status === 'draft') return { status: 'not-found' as const };
    const window = registrationWindow(course, prepared.sessions, now());
    if (window === 'draft') return { status: 'not-found' as const };
    if (window !== 'open') return { status: 'closed' as const, reason: window };
    const pool = poolFor(course);
    // A coordinator switched the format between reading and locking: the emails' venue is redone.
    const poolDetails = pool === preparedPool ? details : emailDetails({ ...prepared, course }, input.locale, pool);
    const poolCalendar = pool === preparedPool ? calendar : calendarFor({ ...prepared, course }, pool);

    // One statement for the pool's seats held, its queue length and whether the address is on the course.
    const [counts] = await tx
      .select({
        seats: sql<number>`count(*) filter (where ${registrations.status} in ('confirmed', 'offered') and ${registrations.pool} = ${pool})::int`,
        waiting: sql<number>`count(*) filter (where ${registrations.status} = 'waitlisted' and ${registrations.pool} = ${pool})::int`,
        existing: sql<
          string | null
        >`(array_agg(${registrations.id}) filter (where ${registrations.email} = ${email} and ${registrations.status} <> 'cancelled'))[1]`,
      })
      .from(registrations)
      .where(eq(registrations.courseId, courseId));
    const t = now();

    if (counts?.existing) {
      // Only callers who know the address is the person's own get here with a known address (the
      // confirmation link, a logged-in owner, a coordinator): they get the registration's page.
      await tx.insert(registrationLinks).values({ tokenHash: pageLink.hash, registrationId: counts.existing, createdAt: t });
      return { status: 'duplicate' as const, registrationId: counts.existing, manageToken: pageLink.token };
    }

    // A module of an academy keeps the seats its cohort may still need (academy-seats.server.ts).
    const status = (await publicSeatsLeftIn(tx, course, pool, Number(counts?.seats ?? 0))) > 0 ? 'confirmed' : 'waitlisted';
    const registration = {
      id: randomUUID(),
      courseId,
      userId: input.userId ?? null,
      name: input.name.trim(),
      email,
      municipalityCode: input.municipalityCode,
      phone: input.phone || null,
      answers: input.answers ?? {},
      accessibilityNeeds: input.accessibilityNeeds || null,
      accessibilityAids: input.accessibilityAids ?? [],
      source: input.source || null,
      utm: input.utm && Object.keys(input.utm).length ? input.utm : null,
      locale: input.locale,
      privacyVersion: input.privacyVersion,
      consentedAt: t,
      status,
      pool,
      confirmedAt: status === 'confirmed' ? t : null,
      createdAt: t,
      updatedAt: t,
    } as const;
    const position = Number(counts?.waiting ?? 0) + 1;
    // The rest goes out in one round trip (postgres.js pipelines statements on the transaction's
    // connection): the registration, its two links (one for the browser, one for the email) and the
    // email with its job. The partial unique index on (course, email) backs up the duplicate check.
    await Promise.all([
      tx.insert(registrations).values(registration),
      tx.insert(registrationLinks).values([
        { tokenHash: pageLink.hash, registrationId: registration.id, createdAt: t },
        { tokenHash: emailLink.hash, registrationId: registration.id, createdAt: t },
      ]),
      status === 'confirmed'
        ? enqueueEmail(tx, {
            template: 'registration-confirmed',
            to: email,
            userId: registration.userId,
            props: {
              locale: registration.locale,
              name: registration.name,
              ...poolDetails,
              onlineUrl: onlineUrlFor(course, pool),
              accessibilityInfo: course.accessibilityInfo,
              manageUrl: emailLink.url,
            },
            attachments: [poolCalendar],
          })
        : enqueueEmail(tx, {
            template: 'registration-waitlisted',
            to: email,
            userId: registration.userId,
            props: { locale: registration.locale, name: registration.name, courseTitle: course.title, position, manageUrl: emailLink.url },
          }),
    ]);
    return status === 'confirmed'
      ? { status: 'confirmed' as const, registrationId: registration.id, manageToken: pageLink.token }
      : { status: 'waitlisted' as const, registrationId: registration.id, position, manageToken: pageLink.token };
  });
}

/**
 * Offers every free seat to the waitlist, first come first served, pool by pool: a seat in the room
 * goes to the first on the room's waitlist, an online seat to the first on the online waitlist. With a
 * claim window of 0 the seat is confirmed at once; otherwise the person has that many hours to claim
 * it. Offered seats count as taken, so a seat is never offered to two people at once. Call with the
 * course locked.
 */
export async function offerFreeSeats(tx: Db, ctx: CourseContext) {
  if (registrationWindow(ctx.course, ctx.sessions, now()) !== 'open') return 0;
  let offered = 0;
  for (const pool of poolsOf(ctx.course)) offered += await offerFreeSeatsInPool(tx, ctx, pool);
  return offered;
}

async function offerFreeSeatsInPool(tx: Db, ctx: CourseContext, pool: SeatPool) {
  const free = await publicSeatsLeftIn(tx, ctx.course, pool, await seatsTaken(tx, ctx.course.id, pool));
  if (free <= 0) return 0;
  const next = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.courseId, ctx.course.id), eq(registrations.pool, pool), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.waitlistSeq))
    .limit(free);
  for (const person of next) {
    const t = now();
    if (ctx.course.claimWindowHours === 0) {
      const [confirmed] = await tx
        .update(registrations)
        .set({ status: 'confirmed', confirmedAt: t, updatedAt: t })
        .where(eq(registrations.id, person.id))
        .returning();
      await sendConfirmation(tx, ctx, confirmed!);
      continue;
    }
    const offerExpiresAt = new Date(t.getTime() + ctx.course.claimWindowHours * HOUR);
    await tx.update(registrations).set({ status: 'offered', offerExpiresAt, updatedAt: t }).where(eq(registrations.id, person.id));
    await enqueueEmail(tx, {
      template: 'seat-offered',
      to: person.email,
      userId: person.userId,
      props: {
        locale: person.locale,
        name: person.name,
        courseTitle: ctx.course.title,
        sessions: emailDetails(ctx, person.locale, person.pool).sessions,
        claimUrl: await mintManageLink(tx, person.id),
        expiresAt: formatMoment(person.locale, offerExpiresAt),
      },
    });
  }
  return next.length;
}

export type CancelResult = { status: 'cancelled' } | { status: 'already-cancelled' } | { status: 'too-late' } | { status: 'not-found' };

/**
 * Cancels a registration (or leaves the waitlist) and offers the freed seat to the next person.
 * People can cancel until the course's cancellation deadline (or its start); coordinators always.
 */
export async function cancelRegistration(
  db: Db,
  registrationId: string,
  by: 'participant' | 'coordinator' | 'system',
): Promise<CancelResult> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ courseId: registrations.courseId }).from(registrations).where(eq(registrations.id, registrationId));
    if (!found) return { status: 'not-found' as const };
    const ctx = (await loadCourseContext(tx, found.courseId, { lock: true }))!;
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!registration) return { status: 'not-found' as const };
    if (registration.status === 'cancelled') return { status: 'already-cancelled' as const };
    if (by === 'participant' && !canStillCancel(ctx, now())) return { status: 'too-late' as const };
    const t = now();
    await tx
      .update(registrations)
      .set({ status: 'cancelled', cancelledAt: t, offerExpiresAt: null, updatedAt: t })
      .where(eq(registrations.id, registrationId));
    // Someone who may have the sessions in their calendar gets them cancelled there (and a new SEQUENCE
    // for everyone else, so the next schedule they get is newer than this cancellation).
    const hadCalendar = (HOLDS_CALENDAR as readonly string[]).includes(registration.status) && ctx.sessions.length > 0;
    const sessions = hadCalendar ? await raiseSequences(tx, ctx.course.id, { cancelling: true }) : ctx.sessions;
    await enqueueEmail(tx, {
      template: 'registration-cancelled',
      to: registration.email,
      userId: registration.userId,
      props: {
        locale: registration.locale,
        name: registration.name,
        courseTitle: ctx.course.title,
        coursesUrl: appLink('/cursussen'),
        calendar: hadCalendar,
        hadSeat: registration.status === 'confirmed' || registration.status === 'offered',
      },
      attachments: hadCalendar ? [cancellationFor(ctx, sessions, registration)] : undefined,
    });
    if (registration.status !== 'waitlisted') {
      // The seat goes on with the sessions' SEQUENCE as it is now stored.
      const current = hadCalendar ? sessions.map((s) => ({ ...s, sequence: s.sequence + 1 })) : ctx.sessions;
      await offerFreeSeats(tx, { ...ctx, sessions: current });
    }
    return { status: 'cancelled' as const };
  });
}

export function canStillCancel(ctx: CourseContext, at: Date) {
  const first = ctx.sessions[0]?.startsAt;
  const deadline = ctx.course.cancellationDeadline ?? first;
  return !deadline || deadline.getTime() > at.getTime();
}

export type SwitchResult =
  | { status: 'switched'; pool: SeatPool }
  | { status: 'no-seat' }
  | { status: 'not-switchable' }
  | { status: 'closed' }
  | { status: 'not-found' };

/**
 * A person on a hybrid course moves to the other pool (from the room to online or back), while that
 * pool has a free seat. Under the course lock (ADR 007), so two people cannot take the same last seat
 * and nobody ever holds a seat in both pools: the one row changes its pool. A confirmed person keeps a
 * confirmed seat; someone on a waitlist gets the free seat at once. The seat left behind goes to the
 * first on that pool's waitlist. The person gets a new confirmation with their new venue or link and
 * calendar file.
 */
export async function switchPool(db: Db, registrationId: string, to: SeatPool): Promise<SwitchResult> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ courseId: registrations.courseId }).from(registrations).where(eq(registrations.id, registrationId));
    if (!found) return { status: 'not-found' as const };
    const ctx = (await loadCourseContext(tx, found.courseId, { lock: true }))!;
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!registration) return { status: 'not-found' as const };
    if (!canSwitchPool(ctx.course, registration) || registration.pool === to) return { status: 'not-switchable' as const };
    if (registrationWindow(ctx.course, ctx.sessions, now()) !== 'open') return { status: 'closed' as const };
    if ((await publicSeatsLeftIn(tx, ctx.course, to, await seatsTaken(tx, ctx.course.id, to))) <= 0) return { status: 'no-seat' as const };
    const t = now();
    const [moved] = await tx
      .update(registrations)
      .set({ pool: to, status: 'confirmed', confirmedAt: registration.confirmedAt ?? t, updatedAt: t })
      .where(eq(registrations.id, registrationId))
      .returning();
    await sendConfirmation(tx, ctx, moved!);
    if (registration.status === 'confirmed') await offerFreeSeats(tx, ctx);
    return { status: 'switched' as const, pool: to };
  });
}

/** Whether a registration may move to the other pool: on a hybrid course, with a seat or on a waitlist. */
function canSwitchPool(course: Pick<CourseContext['course'], 'format' | 'status'>, registration: Pick<Registration, 'status'>) {
  return (
    course.format === 'hybrid' &&
    course.status === 'published' &&
    (registration.status === 'confirmed' || registration.status === 'waitlisted')
  );
}

/**
 * What the manage page and the account offer: the other pool and whether it has a free seat now, for a
 * registration that may switch while sign-up is open; null otherwise. Read without a lock: the switch
 * itself checks again under it.
 */
export async function switchOption(db: Db, ctx: CourseContext, registration: Pick<Registration, 'status' | 'pool'>) {
  if (!canSwitchPool(ctx.course, registration) || registrationWindow(ctx.course, ctx.sessions, now()) !== 'open') return null;
  const to: SeatPool = registration.pool === 'online' ? 'on-site' : 'online';
  const free = await publicSeatsLeftIn(db, ctx.course, to, await seatsTaken(db, ctx.course.id, to));
  return { to, free: free > 0 };
}

/** Moves one of the person's own registrations (from the account page) to the other pool. */
export async function switchOwnPool(
  db: Db,
  user: { id: string; email: string; emailVerifiedAt: Date | null },
  registrationId: string,
  to: SeatPool,
) {
  const own = await registrationsOfUser(db, user);
  if (!own.some((r) => r.id === registrationId)) return { status: 'not-found' as const };
  return switchPool(db, registrationId, to);
}

export type ClaimResult = { status: 'confirmed' } | { status: 'expired' } | { status: 'not-offered' };

/** The waitlisted person takes the seat they were offered, within the claim window. */
export async function claimOffer(db: Db, registrationId: string): Promise<ClaimResult> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ courseId: registrations.courseId }).from(registrations).where(eq(registrations.id, registrationId));
    if (!found) return { status: 'not-offered' as const };
    const ctx = (await loadCourseContext(tx, found.courseId, { lock: true }))!;
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!registration || registration.status !== 'offered') return { status: 'not-offered' as const };
    const t = now();
    if (!registration.offerExpiresAt || registration.offerExpiresAt.getTime() <= t.getTime()) return { status: 'expired' as const };
    const [confirmed] = await tx
      .update(registrations)
      .set({ status: 'confirmed', confirmedAt: t, offerExpiresAt: null, updatedAt: t })
      .where(eq(registrations.id, registrationId))
      .returning();
    await sendConfirmation(tx, ctx, confirmed!);
    return { status: 'confirmed' as const };
  });
}

/** Offers whose claim window passed go back, with an email; the seat moves to the next person. */
export async function expireOffers(db: Db) {
  const due = await db
    .selectDistinct({ courseId: registrations.courseId })
    .from(registrations)
    .where(and(eq(registrations.status, 'offered'), lte(registrations.offerExpiresAt, now())));
  let expired = 0;
  for (const { courseId } of due) {
    await db.transaction(async (tx) => {
      const ctx = (await loadCourseContext(tx, courseId, { lock: true }))!;
      const t = now();
      const lapsed = await tx
        .update(registrations)
        .set({ status: 'cancelled', cancelledAt: t, updatedAt: t })
        .where(and(eq(registrations.courseId, courseId), eq(registrations.status, 'offered'), lte(registrations.offerExpiresAt, t)))
        .returning();
      for (const person of lapsed) {
        await enqueueEmail(tx, {
          template: 'offer-expired',
          to: person.email,
          userId: person.userId,
          props: { locale: person.locale, name: person.name, courseTitle: ctx.course.title, coursesUrl: appLink('/cursussen') },
        });
      }
      expired += lapsed.length;
      await offerFreeSeats(tx, ctx);
    });
  }
  return expired;
}

/** The registration a manage link belongs to, with its course; null for a forged link. */
export async function findRegistrationByLink(db: Db, token: string) {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const [link] = await db
    .select({ registrationId: registrationLinks.registrationId })
    .from(registrationLinks)
    .where(eq(registrationLinks.tokenHash, hashToken(token)));
  if (!link) return null;
  const [registration] = await db.select().from(registrations).where(eq(registrations.id, link.registrationId));
  if (!registration) return null;
  const ctx = (await loadCourseContext(db, registration.courseId))!;
  const position = registration.status === 'waitlisted' ? await waitlistPosition(db, registration) : null;
  return { registration, ctx, position };
}

/**
 * A person's registrations, newest course first: those linked to the account, and (once the address
 * is verified) those made with its email before the account existed.
 */
export async function registrationsOfUser(db: Db, user: { id: string; email: string; emailVerifiedAt: Date | null }) {
  const mine = user.emailVerifiedAt
    ? or(eq(registrations.userId, user.id), eq(registrations.email, normalizeEmail(user.email)))
    : eq(registrations.userId, user.id);
  const firstStart = sql<Date | null>`(select min(${courseSessions.startsAt}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id})`;
  const rows = await db
    .select({
      id: registrations.id,
      status: registrations.status,
      waitlistSeq: registrations.waitlistSeq,
      courseId: courses.id,
      courseTitle: courses.title,
      courseStatus: courses.status,
      format: courses.format,
      pool: registrations.pool,
      cancellationDeadline: courses.cancellationDeadline,
      firstStart,
      position: sql<
        number | null
      >`case when ${registrations.status} = 'waitlisted' then (select count(*)::int from ${registrations} r2 where r2.course_id = ${registrations.courseId} and r2.pool = ${registrations.pool} and r2.status = 'waitlisted' and r2.waitlist_seq <= ${registrations.waitlistSeq}) end`,
    })
    .from(registrations)
    .innerJoin(courses, eq(courses.id, registrations.courseId))
    .where(mine)
    .orderBy(sql`${firstStart} desc nulls last`);
  const t = now().getTime();
  return rows.map((r) => {
    const first = r.firstStart ? new Date(r.firstStart) : null;
    const deadline = r.cancellationDeadline ?? first;
    return {
      id: r.id,
      status: r.status,
      courseId: r.courseId,
      courseTitle: r.courseTitle,
      courseCancelled: r.courseStatus === 'cancelled',
      /** The pool of a hybrid course's registration; null on other courses (which have one). */
      pool: r.format === 'hybrid' ? r.pool : null,
      canSwitch: canSwitchPool({ format: r.format, status: r.courseStatus }, r),
      firstStart: first,
      position: r.position === null ? null : Number(r.position),
      canCancel: r.status !== 'cancelled' && r.courseStatus === 'published' && (!deadline || deadline.getTime() > t),
    };
  });
}

/** Cancels a registration from the account page, only if it is one of the person's own. */
export async function cancelOwnRegistration(
  db: Db,
  user: { id: string; email: string; emailVerifiedAt: Date | null },
  registrationId: string,
) {
  const own = await registrationsOfUser(db, user);
  if (!own.some((r) => r.id === registrationId)) return { status: 'not-found' as const };
  return cancelRegistration(db, registrationId, 'participant');
}
