import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~db/client.server';
import {
  courseFormats,
  courseQuestions,
  courseSessions,
  courses,
  emailMessages,
  municipalities,
  organisations,
  questionKinds,
  registrations,
  sessionAttendance,
  type RegistrationStatus,
} from '~db/schema';
import type { Locale, MessageKey, Translate } from '~/i18n';
import { sourceLabel } from '../labels';
import { needsText } from './aids';
import { emailField } from '../auth/schemas';
import { normalizeEmail } from '../auth/accounts.server';
import { now, HOUR } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { isUuid } from '../organisations/guards.server';
import { excelCsv } from '../csv.server';
import { calendarFor, emailDetails, loadCourseContext, mintManageLink, raiseSequences, registrationWindow } from './context.server';
import { cancelCourse, completionThreshold, notifySessionsChanged, sendCourseFollowUp } from './lifecycle.server';
import { reconcileIfClosed } from './certificates.server';
import { cancelRegistration, offerFreeSeats, signUp } from './registrations.server';

// Everything coordinators do with their organisations' courses (/beheer/cursussen). Every function
// takes a scope with the organisation ids of the coordinator, and every query of a course carries
// them: a course of another organisation is "not found", whatever id is passed in.

export type Scope = { organisationIds: string[] };

// ---------------------------------------------------------------------------------------------
// Time: forms use local Dutch time (datetime-local, date and time inputs), the database UTC.

export const TIME_ZONE = 'Europe/Amsterdam';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function partsInAmsterdam(date: Date) {
  const p = Object.fromEntries(wallClock.formatToParts(date).map((part) => [part.type, part.value]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** How far Amsterdam's clock is ahead of UTC at that moment (1 or 2 hours), in ms. */
function offsetAt(utcMs: number) {
  const p = partsInAmsterdam(new Date(utcMs));
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** "2027-01-12" and "19:30" on the clocks in the Netherlands, as a moment; null when no such date. */
export function fromAmsterdam(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [+d[1]!, +d[2]!, +d[3]!, +t[1]!, +t[2]!];
  if (hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  // Twice, for the hours around the change to and from summer time.
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

/** "2027-01-12T19:30" (an input of type datetime-local, Dutch time) as a moment. */
export function fromLocalDateTime(value: string): Date | null {
  const [date = '', time = ''] = value.split('T');
  return fromAmsterdam(date, time);
}

/** A moment as Dutch date and time for the value of form inputs. */
export function toLocalInputs(date: Date) {
  const p = partsInAmsterdam(date);
  const day = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  return { date: day, time, dateTime: `${day}T${time}` };
}

// ---------------------------------------------------------------------------------------------
// Form schemas (server-side validation; built with the request's translate function).

const optionalText = (t: Translate, max: number) =>
  z
    .string()
    .trim()
    .max(max, t('manageCourses.errors.tooLong', { max }))
    .optional()
    .transform((v) => v ?? '');

const requiredText = (t: Translate, max: number, requiredKey: MessageKey) =>
  z
    .string({ error: t(requiredKey) })
    .trim()
    .min(1, t(requiredKey))
    .max(max, t('manageCourses.errors.tooLong', { max }));

const wholeNumber = (t: Translate, min: number, max: number, key: MessageKey) =>
  z
    .number({ error: t(key, { min, max }) })
    .int(t(key, { min, max }))
    .min(min, t(key, { min, max }))
    .max(max, t(key, { min, max }));

const localDateTime = (t: Translate) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const date = fromLocalDateTime(value);
      if (!date) {
        ctx.issues.push({ code: 'custom', message: t('manageCourses.errors.dateTime'), input: value });
        return z.NEVER;
      }
      return date;
    });

function isHttpsUrl(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && Boolean(url.hostname) && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** "12,50" or "12.50" euros as cents; null when it is not an amount. */
export function parseEuros(value: string): number | null {
  const match = /^(?:€\s*)?(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(value.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

export function formatEuros(cents: number) {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',');
}

function courseFields(t: Translate, municipalityCodes: Set<string>) {
  return z.object({
    title: requiredText(t, 150, 'manageCourses.errors.titleRequired'),
    description: optionalText(t, 5000),
    municipalityCode: z
      .string({ error: t('manageCourses.errors.municipalityRequired') })
      .refine((code) => municipalityCodes.has(code), t('manageCourses.errors.municipalityUnknown')),
    format: z.enum(courseFormats, { error: t('manageCourses.errors.format') }),
    locationName: optionalText(t, 200),
    address: optionalText(t, 300),
    onlineUrl: optionalText(t, 500).refine((v) => v === '' || isHttpsUrl(v), t('manageCourses.errors.onlineUrl')),
    language: z.enum(['nl', 'en'], { error: t('manageCourses.errors.language') }),
    cost: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (!value) return 0;
        const cents = parseEuros(value);
        if (cents === null) {
          ctx.issues.push({ code: 'custom', message: t('manageCourses.errors.cost'), input: value });
          return z.NEVER;
        }
        return cents;
      }),
    capacity: wholeNumber(t, 1, 10000, 'manageCourses.errors.capacity'),
    registrationOpensAt: localDateTime(t),
    registrationClosesAt: localDateTime(t),
    cancellationDeadline: localDateTime(t),
    claimWindowHours: wholeNumber(t, 0, 336, 'manageCourses.errors.claimWindow'),
    reminderDaysBefore: wholeNumber(t, 0, 30, 'manageCourses.errors.reminderDays'),
    completionThreshold: wholeNumber(t, 1, 100, 'manageCourses.errors.threshold').optional(),
    certificateMinimum: wholeNumber(t, 1, 100, 'manageCourses.errors.threshold').optional(),
    accessibilityInfo: optionalText(t, 2000),
  });
}

type DeadlineFields = { registrationOpensAt: Date | null; registrationClosesAt: Date | null };
const deadlinesInOrder = (t: Translate) => (v: DeadlineFields, ctx: z.RefinementCtx) => {
  if (v.registrationOpensAt && v.registrationClosesAt && v.registrationClosesAt <= v.registrationOpensAt) {
    ctx.addIssue({ code: 'custom', path: ['registrationClosesAt'], message: t('manageCourses.errors.closesBeforeOpens') });
  }
};

/** The course form when editing. */
export function courseSchema(t: Translate, municipalityCodes: Set<string>) {
  return courseFields(t, municipalityCodes).superRefine(deadlinesInOrder(t));
}

/** The course form for a new course: with the choice of organisation. */
export function newCourseSchema(t: Translate, municipalityCodes: Set<string>, organisationIds: string[]) {
  return courseFields(t, municipalityCodes)
    .extend({
      organisationId: z
        .string({ error: t('manageCourses.errors.organisation') })
        .refine((id) => organisationIds.includes(id), t('manageCourses.errors.organisation')),
    })
    .superRefine(deadlinesInOrder(t));
}
export type CourseFields = z.input<ReturnType<typeof newCourseSchema>>;
export type CourseInput = z.output<ReturnType<typeof courseSchema>>;

/** A session: a date with a start and end time (Dutch time). Past dates only where `allowPast`. */
export function sessionSchema(t: Translate, options: { allowPast: boolean }) {
  return z
    .object({
      date: z.string({ error: t('manageCourses.errors.dateRequired') }).regex(/^\d{4}-\d{2}-\d{2}$/, t('manageCourses.errors.date')),
      startTime: z
        .string({ error: t('manageCourses.errors.timeRequired') })
        .regex(/^\d{2}:\d{2}(:\d{2})?$/, t('manageCourses.errors.time')),
      endTime: z.string({ error: t('manageCourses.errors.timeRequired') }).regex(/^\d{2}:\d{2}(:\d{2})?$/, t('manageCourses.errors.time')),
      location: optionalText(t, 300),
    })
    .transform((v, ctx) => {
      const startsAt = fromAmsterdam(v.date, v.startTime);
      const endsAt = fromAmsterdam(v.date, v.endTime);
      if (!startsAt || !endsAt) {
        ctx.issues.push({ code: 'custom', path: ['date'], message: t('manageCourses.errors.date'), input: v.date });
        return z.NEVER;
      }
      if (endsAt <= startsAt) {
        ctx.issues.push({ code: 'custom', path: ['endTime'], message: t('manageCourses.errors.endBeforeStart'), input: v.endTime });
        return z.NEVER;
      }
      if (!options.allowPast && startsAt.getTime() <= now().getTime()) {
        ctx.issues.push({ code: 'custom', path: ['date'], message: t('manageCourses.errors.sessionInPast'), input: v.date });
        return z.NEVER;
      }
      return { startsAt, endsAt, location: v.location };
    });
}
export type SessionFields = z.input<ReturnType<typeof sessionSchema>>;
export type SessionInput = z.output<ReturnType<typeof sessionSchema>>;

const MAX_OPTIONS = 20;

/** A question of the sign-up form. Choice questions have their options one per line. */
export function questionSchema(t: Translate) {
  return z
    .object({
      kind: z.enum(questionKinds, { error: t('manageCourses.errors.questionKind') }),
      label: requiredText(t, 300, 'manageCourses.errors.questionRequired'),
      options: z
        .string()
        .max(5000, t('manageCourses.errors.tooLong', { max: 5000 }))
        .optional(),
      required: z.boolean().optional(),
    })
    .transform((v, ctx) => {
      let options: string[] = [];
      if (v.kind === 'choice') {
        options = [...new Set((v.options ?? '').split(/\r?\n/).map((o) => o.trim()))].filter(Boolean);
        if (options.length < 2 || options.length > MAX_OPTIONS || options.some((o) => o.length > 150)) {
          ctx.issues.push({
            code: 'custom',
            path: ['options'],
            message: t('manageCourses.errors.options', { max: MAX_OPTIONS }),
            input: v.options,
          });
          return z.NEVER;
        }
      }
      return { kind: v.kind, label: v.label, options, required: v.required ?? false };
    });
}
export type QuestionFields = z.input<ReturnType<typeof questionSchema>>;
export type QuestionInput = z.output<ReturnType<typeof questionSchema>>;

/** A person added by a coordinator. */
export function manualAddSchema(t: Translate, municipalityCodes: Set<string>) {
  return z.object({
    name: requiredText(t, 100, 'form.errors.nameRequired'),
    email: emailField(t),
    municipalityCode: z
      .string({ error: t('manageCourses.errors.municipalityRequired') })
      .refine((code) => municipalityCodes.has(code), t('manageCourses.errors.municipalityUnknown')),
    locale: z.enum(['nl', 'en'], { error: t('manageCourses.errors.language') }),
  });
}
export type ManualAddFields = z.input<ReturnType<typeof manualAddSchema>>;

export function messageSchema(t: Translate) {
  return z.object({
    subject: requiredText(t, 150, 'manageCourses.errors.subjectRequired'),
    body: requiredText(t, 5000, 'manageCourses.errors.bodyRequired'),
  });
}
export type MessageFields = z.input<ReturnType<typeof messageSchema>>;

export function confirmSchema(t: Translate, key: MessageKey) {
  return z.object({ confirm: z.boolean({ error: t(key) }).refine((v) => v, t(key)) });
}
export type ConfirmFields = z.input<ReturnType<typeof confirmSchema>>;

// ---------------------------------------------------------------------------------------------
// Reading

let municipalityCache: { code: string; name: string }[] | null = null;

/** Every municipality, by name, for select boxes (the list changes once a year, with a release). */
export async function municipalityOptions(db: Db) {
  if (!municipalityCache) {
    municipalityCache = await db
      .select({ code: municipalities.code, name: municipalities.name })
      .from(municipalities)
      .orderBy(asc(municipalities.name));
  }
  return municipalityCache;
}

export async function municipalityCodes(db: Db) {
  return new Set((await municipalityOptions(db)).map((m) => m.code));
}

const ownedBy = (scope: Scope, courseId: string) =>
  scope.organisationIds.length ? and(eq(courses.id, courseId), inArray(courses.organisationId, scope.organisationIds)) : sql`false`;

/** A course of the scope's organisations, or null (also for malformed ids). */
async function ownedCourse(db: Db, scope: Scope, courseId: string) {
  if (!isUuid(courseId)) return null;
  const [course] = await db.select().from(courses).where(ownedBy(scope, courseId));
  return course ?? null;
}

/** Like ownedCourse, with the course row locked for the rest of the transaction, and its sessions. */
async function lockOwnedCourse(tx: Db, scope: Scope, courseId: string) {
  if (!isUuid(courseId)) return null;
  const [owned] = await tx.select({ id: courses.id }).from(courses).where(ownedBy(scope, courseId)).for('update');
  if (!owned) return null;
  return loadCourseContext(tx, courseId, { lock: true });
}

const firstStart = sql`(select min(${courseSessions.startsAt}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id})`;
const countWith = (status: RegistrationStatus) =>
  sql`(select count(*) from ${registrations} where ${registrations.courseId} = ${courses.id} and ${registrations.status} = ${status})`.mapWith(
    Number,
  );

export const PAGE_SIZE = 50;

/** The courses of some of the scope's organisations, newest first date first (drafts without dates on top). */
export async function listCourses(db: Db, scope: Scope, options: { organisationId?: string; page?: number } = {}) {
  const ids = options.organisationId ? scope.organisationIds.filter((id) => id === options.organisationId) : scope.organisationIds;
  if (ids.length === 0) return { courses: [], total: 0 };
  const where = inArray(courses.organisationId, ids);
  const page = Math.max(1, options.page ?? 1);
  const rows = await db
    .select({
      id: courses.id,
      title: courses.title,
      status: courses.status,
      capacity: courses.capacity,
      organisationName: organisations.name,
      firstStart: firstStart.mapWith(courseSessions.startsAt),
      confirmed: countWith('confirmed'),
      offered: countWith('offered'),
      waitlisted: countWith('waitlisted'),
    })
    .from(courses)
    .innerJoin(organisations, eq(organisations.id, courses.organisationId))
    .where(where)
    // Ordered by the first-session date kept on courses (the same as firstStart), so that the sort
    // does not look up the sessions of every course of the organisation, only of the page's.
    .orderBy(sql`${courses.firstSessionAt} desc nulls first`, desc(courses.createdAt))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  const [count] = await db
    .select({ n: sql`count(*)`.mapWith(Number) })
    .from(courses)
    .where(where);
  return { courses: rows, total: count?.n ?? 0 };
}

async function statusCounts(db: Db, courseId: string) {
  const rows = await db
    .select({ status: registrations.status, n: sql`count(*)`.mapWith(Number) })
    .from(registrations)
    .where(eq(registrations.courseId, courseId))
    .groupBy(registrations.status);
  const counts: Record<RegistrationStatus, number> = { confirmed: 0, offered: 0, waitlisted: 0, cancelled: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

async function questionsOf(db: Db, courseId: string) {
  return db.select().from(courseQuestions).where(eq(courseQuestions.courseId, courseId)).orderBy(asc(courseQuestions.position));
}

/** Everything the course's overview page shows. */
export async function courseOverview(db: Db, scope: Scope, courseId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course) return null;
  const ctx = (await loadCourseContext(db, course.id))!;
  const [municipality] = await db
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.code, course.municipalityCode));
  const last = ctx.sessions.at(-1);
  return {
    ...ctx,
    municipalityName: municipality?.name ?? course.municipalityCode,
    questions: await questionsOf(db, course.id),
    counts: await statusCounts(db, course.id),
    window: registrationWindow(course, ctx.sessions, now()),
    ended: Boolean(last && last.endsAt.getTime() <= now().getTime()),
  };
}

/** How many sessions each registration of the course attended. */
async function attendedCounts(db: Db, courseId: string) {
  const rows = await db
    .select({ registrationId: sessionAttendance.registrationId, n: sql`count(*)`.mapWith(Number) })
    .from(sessionAttendance)
    .innerJoin(courseSessions, eq(courseSessions.id, sessionAttendance.sessionId))
    .where(and(eq(courseSessions.courseId, courseId), eq(sessionAttendance.attended, true)))
    .groupBy(sessionAttendance.registrationId);
  return new Map(rows.map((r) => [r.registrationId, r.n]));
}

const STATUS_ORDER: Record<RegistrationStatus, number> = { confirmed: 0, offered: 1, waitlisted: 2, cancelled: 3 };

/**
 * Every registration of a course with its waitlist position (1 = next in line), the number of sessions
 * attended and whether that completes the course; with the course's questions and threshold.
 */
export async function courseRegistrations(db: Db, scope: Scope, courseId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course) return null;
  const ctx = (await loadCourseContext(db, course.id))!;
  const rows = await db
    .select({ registration: registrations, municipalityName: municipalities.name })
    .from(registrations)
    .leftJoin(municipalities, eq(municipalities.code, registrations.municipalityCode))
    .where(eq(registrations.courseId, course.id))
    .orderBy(asc(registrations.waitlistSeq));
  const attended = await attendedCounts(db, course.id);
  const threshold = completionThreshold(ctx);
  let position = 0;
  const people = rows.map(({ registration, municipalityName }) => {
    const sessionsAttended = attended.get(registration.id) ?? 0;
    return {
      ...registration,
      municipalityName: municipalityName ?? '',
      // Positions follow the queue order, like waitlistPosition() does for one person.
      position: registration.status === 'waitlisted' ? ++position : null,
      sessionsAttended,
      completed: ctx.sessions.length > 0 && registration.status === 'confirmed' && sessionsAttended >= threshold,
    };
  });
  people.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.waitlistSeq - b.waitlistSeq);
  return { ...ctx, questions: await questionsOf(db, course.id), threshold, people };
}

// ---------------------------------------------------------------------------------------------
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
  | { status: 'capacity-below-taken'; taken: number };

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
    const counts = await statusCounts(tx, courseId);
    const taken = counts.confirmed + counts.offered;
    if (input.capacity < taken) return { status: 'capacity-below-taken' as const, taken };
    const t = now();
    await tx
      .update(courses)
      .set({ ...columnsOf(input), updatedAt: t })
      .where(eq(courses.id, courseId));
    let told = 0;
    let offered = 0;
    if (before.status === 'published') {
      const venueChanged = before.format !== input.format || before.locationName !== input.locationName || before.address !== input.address;
      if (venueChanged && ctx.sessions.length) await raiseSequences(tx, courseId);
      if (venueChanged) await tx.update(courses).set({ rescheduledAt: t }).where(eq(courses.id, courseId));
      const fresh = (await loadCourseContext(tx, courseId))!;
      if (venueChanged && ctx.sessions.length) told = await notifySessionsChanged(tx, fresh);
      if (input.capacity > before.capacity) offered = await offerFreeSeats(tx, fresh);
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

/** A draft copy of a course with the same sessions and questions; its id. */
export async function duplicateCourse(db: Db, scope: Scope, courseId: string, createdBy: string, titleSuffix: string) {
  return db.transaction(async (tx) => {
    const course = await ownedCourse(tx, scope, courseId);
    if (!course) return null;
    const ctx = (await loadCourseContext(tx, courseId))!;
    const t = now();
    const suffix = ` ${titleSuffix}`;
    const {
      id: _id,
      status: _status,
      publishedAt: _published,
      cancelledAt: _cancelled,
      followUpSentAt: _followUp,
      createdAt: _created,
      updatedAt: _updated,
      createdBy: _by,
      ...fields
    } = course;
    const [copy] = await tx
      .insert(courses)
      .values({
        ...fields,
        title: course.title.slice(0, 150 - suffix.length) + suffix,
        status: 'draft',
        createdBy,
        createdAt: t,
        updatedAt: t,
      })
      .returning({ id: courses.id });
    if (ctx.sessions.length) {
      await tx
        .insert(courseSessions)
        .values(ctx.sessions.map((s) => ({ courseId: copy!.id, startsAt: s.startsAt, endsAt: s.endsAt, location: s.location })));
    }
    const questions = await questionsOf(tx, courseId);
    if (questions.length) {
      await tx.insert(courseQuestions).values(
        questions.map((q) => ({
          courseId: copy!.id,
          position: q.position,
          kind: q.kind,
          label: q.label,
          options: q.options,
          required: q.required,
        })),
      );
    }
    return copy!.id;
  });
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

// ---------------------------------------------------------------------------------------------
// Sessions

export type SessionResult =
  | { status: 'saved'; told: number }
  | { status: 'not-found' }
  | { status: 'cancelled' }
  | { status: 'in-past' }
  | { status: 'already-held' }
  | { status: 'last-session' };

const startedAt = (session: { startsAt: Date }) => session.startsAt.getTime() <= now().getTime();

/**
 * Adds a session. Drafts may get sessions in the past (to record a course that already ran);
 * a published course only gets new sessions in the future, and its confirmed people an updated calendar.
 */
export async function addSession(db: Db, scope: Scope, courseId: string, input: SessionInput): Promise<SessionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx) return { status: 'not-found' as const };
    if (ctx.course.status === 'cancelled') return { status: 'cancelled' as const };
    if (ctx.course.status === 'published' && startedAt(input)) return { status: 'in-past' as const };
    let told = 0;
    if (ctx.course.status === 'published') {
      // The other sessions' numbering ("2/3") changes: a new SEQUENCE, so calendars take the new text.
      await raiseSequences(tx, courseId);
      await tx.insert(courseSessions).values({ courseId, startsAt: input.startsAt, endsAt: input.endsAt, location: input.location });
      told = await notifySessionsChanged(tx, (await loadCourseContext(tx, courseId))!);
    } else {
      await tx.insert(courseSessions).values({ courseId, startsAt: input.startsAt, endsAt: input.endsAt, location: input.location });
    }
    return { status: 'saved' as const, told };
  });
}

/**
 * Moves a session (new date, times or place). Its SEQUENCE goes up, so calendars update the event they
 * have; on a published course, confirmed people get the update by email in the same transaction.
 */
export async function moveSession(db: Db, scope: Scope, courseId: string, sessionId: string, input: SessionInput): Promise<SessionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    const session = ctx?.sessions.find((s) => s.id === sessionId);
    if (!ctx || !session) return { status: 'not-found' as const };
    if (ctx.course.status === 'cancelled') return { status: 'cancelled' as const };
    if (ctx.course.status === 'published') {
      if (startedAt(session)) return { status: 'already-held' as const };
      if (startedAt(input)) return { status: 'in-past' as const };
    }
    await tx
      .update(courseSessions)
      .set({ startsAt: input.startsAt, endsAt: input.endsAt, location: input.location })
      .where(eq(courseSessions.id, sessionId));
    // Every session's SEQUENCE goes up, not only this one's: a move can change the others' numbering.
    await raiseSequences(tx, courseId);
    let told = 0;
    if (ctx.course.status === 'published') {
      await tx.update(courses).set({ rescheduledAt: now() }).where(eq(courses.id, courseId));
      told = await notifySessionsChanged(tx, (await loadCourseContext(tx, courseId))!);
    }
    return { status: 'saved' as const, told };
  });
}

/** Whether the session is one of the course's (so a question about it can be asked at all). */
export async function sessionOfCourse(db: Db, scope: Scope, courseId: string, sessionId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course || !isUuid(sessionId)) return null;
  const [session] = await db
    .select()
    .from(courseSessions)
    .where(and(eq(courseSessions.id, sessionId), eq(courseSessions.courseId, course.id)));
  return session ?? null;
}

/**
 * Removes a session. A published course keeps at least one, and keeps the sessions that were held (their
 * attendance counts); its confirmed people get a calendar in which the removed session is cancelled.
 */
export async function removeSession(db: Db, scope: Scope, courseId: string, sessionId: string): Promise<SessionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    const session = ctx?.sessions.find((s) => s.id === sessionId);
    if (!ctx || !session) return { status: 'not-found' as const };
    if (ctx.course.status === 'cancelled') return { status: 'cancelled' as const };
    if (ctx.course.status === 'published') {
      if (ctx.sessions.length === 1) return { status: 'last-session' as const };
      if (startedAt(session)) return { status: 'already-held' as const };
    }
    // Raised first, so the removed session is cancelled with a SEQUENCE above its last one, and the
    // others (renumbered) are sent with a new one.
    const raised = await raiseSequences(tx, courseId);
    await tx.delete(courseSessions).where(eq(courseSessions.id, sessionId));
    let told = 0;
    if (ctx.course.status === 'published') {
      const fresh = (await loadCourseContext(tx, courseId))!;
      told = await notifySessionsChanged(
        tx,
        fresh,
        raised.filter((s) => s.id === sessionId),
      );
    }
    return { status: 'saved' as const, told };
  });
}

// ---------------------------------------------------------------------------------------------
// Questions

export type QuestionResult = 'saved' | 'not-found' | 'cancelled';

async function questionOfCourse(tx: Db, courseId: string, questionId: string) {
  if (!isUuid(questionId)) return null;
  const [question] = await tx
    .select()
    .from(courseQuestions)
    .where(and(eq(courseQuestions.id, questionId), eq(courseQuestions.courseId, courseId)));
  return question ?? null;
}

export async function addQuestion(db: Db, scope: Scope, courseId: string, input: QuestionInput): Promise<QuestionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx) return 'not-found';
    if (ctx.course.status === 'cancelled') return 'cancelled';
    const [last] = await tx
      .select({ n: sql`coalesce(max(${courseQuestions.position}), -1)`.mapWith(Number) })
      .from(courseQuestions)
      .where(eq(courseQuestions.courseId, courseId));
    await tx.insert(courseQuestions).values({ courseId, position: (last?.n ?? -1) + 1, ...input });
    return 'saved';
  });
}

export async function updateQuestion(
  db: Db,
  scope: Scope,
  courseId: string,
  questionId: string,
  input: QuestionInput,
): Promise<QuestionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx || !(await questionOfCourse(tx, courseId, questionId))) return 'not-found';
    if (ctx.course.status === 'cancelled') return 'cancelled';
    await tx.update(courseQuestions).set(input).where(eq(courseQuestions.id, questionId));
    return 'saved';
  });
}

export async function removeQuestion(db: Db, scope: Scope, courseId: string, questionId: string): Promise<QuestionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx || !(await questionOfCourse(tx, courseId, questionId))) return 'not-found';
    if (ctx.course.status === 'cancelled') return 'cancelled';
    await tx.delete(courseQuestions).where(eq(courseQuestions.id, questionId));
    return 'saved';
  });
}

/** Moves a question one place up or down the form. */
export async function moveQuestion(
  db: Db,
  scope: Scope,
  courseId: string,
  questionId: string,
  direction: 'up' | 'down',
): Promise<QuestionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx || !(await questionOfCourse(tx, courseId, questionId))) return 'not-found';
    if (ctx.course.status === 'cancelled') return 'cancelled';
    const list = await questionsOf(tx, courseId);
    const from = list.findIndex((q) => q.id === questionId);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= list.length) return 'saved';
    [list[from], list[to]] = [list[to]!, list[from]!];
    // Renumber 0..n-1, which also repairs gaps and ties.
    for (const [position, question] of list.entries()) {
      if (question.position !== position) await tx.update(courseQuestions).set({ position }).where(eq(courseQuestions.id, question.id));
    }
    return 'saved';
  });
}

// ---------------------------------------------------------------------------------------------
// Registrations

/** The privacy version recorded for people a coordinator adds (they did not tick our box themselves). */
export const COORDINATOR_PRIVACY_VERSION = 'coordinator';

export type ManualAddInput = { name: string; email: string; municipalityCode: string; locale: Locale };
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
    const counts = await statusCounts(tx, courseId);
    if (counts.confirmed + counts.offered >= locked.course.capacity) return { status: 'full' as const };
    const t = now();
    const [registration] = await tx
      .insert(registrations)
      .values({ courseId, ...details, status: 'confirmed', consentedAt: t, confirmedAt: t, createdAt: t, updatedAt: t })
      .returning();
    await enqueueEmail(tx, {
      template: 'registration-confirmed',
      to: registration!.email,
      props: {
        locale: registration!.locale,
        name: registration!.name,
        ...emailDetails(locked, registration!.locale),
        onlineUrl: locked.course.format === 'in-person' ? null : locked.course.onlineUrl,
        accessibilityInfo: locked.course.accessibilityInfo,
        manageUrl: await mintManageLink(tx, registration!.id),
      },
      attachments: [calendarFor(locked)],
    });
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

// ---------------------------------------------------------------------------------------------
// Attendance

/** People can be marked present from an hour before a session starts. */
export const ATTENDANCE_OPENS_BEFORE_MS = HOUR;

export function attendanceOpen(session: { startsAt: Date }, at: Date = now()) {
  return session.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_MS <= at.getTime();
}

/** The attendance list: every session, every confirmed person, who was there, and who completed. */
export async function attendanceSheet(db: Db, scope: Scope, courseId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course) return null;
  const ctx = (await loadCourseContext(db, course.id))!;
  const people = await db
    .select({ id: registrations.id, name: registrations.name, email: registrations.email })
    .from(registrations)
    .where(and(eq(registrations.courseId, course.id), eq(registrations.status, 'confirmed')))
    .orderBy(asc(registrations.name), asc(registrations.waitlistSeq));
  const marks = await db
    .select({ registrationId: sessionAttendance.registrationId, sessionId: sessionAttendance.sessionId })
    .from(sessionAttendance)
    .innerJoin(courseSessions, eq(courseSessions.id, sessionAttendance.sessionId))
    .where(and(eq(courseSessions.courseId, course.id), eq(sessionAttendance.attended, true)));
  const present = new Set(marks.map((m) => `${m.sessionId}/${m.registrationId}`));
  const threshold = completionThreshold(ctx);
  return {
    ...ctx,
    threshold,
    people: people.map((p) => {
      const attended = ctx.sessions.filter((s) => present.has(`${s.id}/${p.id}`)).map((s) => s.id);
      return { ...p, attended, completed: ctx.sessions.length > 0 && attended.length >= threshold };
    }),
  };
}

export type AttendanceResult =
  { status: 'saved'; present: number } | { status: 'not-found' } | { status: 'too-early' } | { status: 'cancelled' };

/**
 * Saves one session's attendance: every confirmed person is present when their id is in `presentIds`,
 * absent otherwise. Ids that are not confirmed people of this course are ignored.
 */
export async function saveAttendance(
  db: Db,
  scope: Scope,
  courseId: string,
  sessionId: string,
  presentIds: string[],
): Promise<AttendanceResult> {
  return db.transaction(async (tx) => {
    const course = await ownedCourse(tx, scope, courseId);
    if (!course || !isUuid(sessionId)) return { status: 'not-found' as const };
    const [session] = await tx
      .select()
      .from(courseSessions)
      .where(and(eq(courseSessions.id, sessionId), eq(courseSessions.courseId, course.id)));
    if (!session) return { status: 'not-found' as const };
    if (course.status === 'cancelled') return { status: 'cancelled' as const };
    if (!attendanceOpen(session)) return { status: 'too-early' as const };
    const people = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.courseId, course.id), eq(registrations.status, 'confirmed')));
    if (people.length === 0) return { status: 'saved' as const, present: 0 };
    const wanted = new Set(presentIds);
    const t = now();
    await tx
      .insert(sessionAttendance)
      .values(people.map((p) => ({ registrationId: p.id, sessionId, attended: wanted.has(p.id), markedAt: t })))
      .onConflictDoUpdate({
        target: [sessionAttendance.registrationId, sessionAttendance.sessionId],
        set: { attended: sql`excluded.attended`, markedAt: t },
      });
    // A correction after closing: certificates follow the attendance (issued, given back or withdrawn).
    await reconcileIfClosed(tx, course.id);
    return { status: 'saved' as const, present: people.filter((p) => wanted.has(p.id)).length };
  });
}

// ---------------------------------------------------------------------------------------------
// Message to all confirmed participants

/** Marks the emails of one message (one per person) so the page can show how far sending is. */
export const BATCH_HEADER = 'X-Politiek-Actief-Batch';

export type MessageResult = { status: 'queued'; count: number; batchId: string } | { status: 'nobody' } | { status: 'not-found' };

/** One coordinator-message email per confirmed person, all enqueued in one transaction. */
export async function messageConfirmed(
  db: Db,
  scope: Scope,
  courseId: string,
  message: { subject: string; body: string },
): Promise<MessageResult> {
  return db.transaction(async (tx) => {
    // The lock keeps cancellations and promotions out until every email is queued.
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx) return { status: 'not-found' as const };
    const people = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.courseId, courseId), eq(registrations.status, 'confirmed')))
      .orderBy(asc(registrations.waitlistSeq));
    if (people.length === 0) return { status: 'nobody' as const };
    const batchId = randomUUID();
    for (const person of people) {
      await enqueueEmail(tx, {
        template: 'coordinator-message',
        to: person.email,
        userId: person.userId,
        headers: { [BATCH_HEADER]: `${courseId}:${batchId}` },
        props: {
          locale: person.locale,
          name: person.name,
          courseTitle: ctx.course.title,
          organisationName: ctx.organisationName,
          subject: message.subject,
          body: message.body,
          manageUrl: await mintManageLink(tx, person.id),
        },
      });
    }
    return { status: 'queued' as const, count: people.length, batchId };
  });
}

/** The messages sent about a course, newest first, with how many of their emails were sent, wait or failed. */
export async function messageBatches(db: Db, scope: Scope, courseId: string) {
  const course = await ownedCourse(db, scope, courseId);
  if (!course) return null;
  const batch = sql`${emailMessages.headers} ->> '${sql.raw(BATCH_HEADER)}'`;
  const countOf = (condition: ReturnType<typeof sql>) => sql`count(*) filter (where ${condition})`.mapWith(Number);
  const rows = await db
    .select({
      batch: batch.mapWith(String),
      createdAt: sql`min(${emailMessages.createdAt})`.mapWith(emailMessages.createdAt),
      // Until delivery the typed subject is in the template props; after it, only the rendered subject.
      typed: sql<string | null>`min(${emailMessages.props} ->> 'subject')`,
      rendered: sql<string | null>`min(${emailMessages.subject})`,
      total: sql`count(*)`.mapWith(Number),
      sent: countOf(sql`${emailMessages.status} = 'sent'`),
      waiting: countOf(sql`${emailMessages.status} in ('queued', 'sending')`),
      failed: countOf(sql`${emailMessages.status} in ('failed', 'suppressed')`),
    })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.template, 'coordinator-message'),
        // Through the recipient index: only addresses that ever registered for this course.
        inArray(
          emailMessages.recipient,
          db.select({ email: registrations.email }).from(registrations).where(eq(registrations.courseId, course.id)),
        ),
        sql`${batch} like ${`${course.id}:%`}`,
      ),
    )
    .groupBy(batch)
    .orderBy(sql`min(${emailMessages.createdAt}) desc`);
  // The rendered subject is "Bericht over <course>: <subject>" (or the English one): show the typed part.
  const title = course.title.replace(/\s+/g, ' ').trim();
  const prefixes = [`Bericht over ${title}: `, `Message about ${title}: `];
  return rows.map(({ typed, rendered, ...row }) => {
    const prefix = prefixes.find((p) => rendered?.startsWith(p));
    return { ...row, subject: typed ?? (prefix ? rendered!.slice(prefix.length) : (rendered ?? '')) };
  });
}

// ---------------------------------------------------------------------------------------------
// CSV export

export { guardCell } from '../csv.server';

export function slugify(text: string) {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'cursus';
}

const csvMoment = (date: Date) => {
  const { date: day, time } = toLocalInputs(date);
  return `${day} ${time}`;
};

/** The registrations as CSV for Dutch Excel: UTF-8 with BOM, semicolons, CRLF. */
export function registrationsCsv(data: NonNullable<Awaited<ReturnType<typeof courseRegistrations>>>, t: Translate) {
  const answerText = (question: (typeof data.questions)[number], value: string | undefined) => {
    if (value === undefined || value === '') return '';
    if (question.kind === 'yes-no') {
      if (['yes', 'ja', 'true', 'on'].includes(value)) return t('manageCourses.yes');
      if (['no', 'nee', 'false', 'off'].includes(value)) return t('manageCourses.no');
    }
    return value;
  };
  const header = [
    t('manageCourses.csv.name'),
    t('manageCourses.csv.email'),
    t('manageCourses.csv.municipality'),
    t('manageCourses.csv.phone'),
    t('manageCourses.csv.status'),
    t('manageCourses.csv.position'),
    t('manageCourses.csv.registeredAt'),
    t('manageCourses.csv.source'),
    t('manageCourses.csv.utm'),
    t('manageCourses.csv.accessibility'),
    ...data.questions.map((q) => q.label),
    t('manageCourses.csv.attended'),
    t('manageCourses.csv.completed'),
  ];
  const rows = data.people.map((p) => [
    p.name,
    p.email,
    p.municipalityName,
    p.phone ?? '',
    t(`manageCourses.status.${p.status}`),
    p.position === null ? '' : String(p.position),
    csvMoment(p.createdAt),
    sourceLabel(t, p.source),
    p.utm
      ? Object.entries(p.utm)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')
      : '',
    needsText(t, p),
    ...data.questions.map((q) => answerText(q, p.answers[q.id] ?? p.answers[q.label])),
    p.status === 'confirmed' ? String(p.sessionsAttended) : '',
    p.status === 'confirmed' ? (p.completed ? t('manageCourses.yes') : t('manageCourses.no')) : '',
  ]);
  return excelCsv([header, ...rows]);
}
