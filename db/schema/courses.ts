import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { municipalities } from './municipalities';
import { academies, organisations } from './organisations';
import { academyApplications } from './academies';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const courseFormats = ['in-person', 'online', 'hybrid'] as const;
export type CourseFormat = (typeof courseFormats)[number];
export const courseStatuses = ['draft', 'published', 'cancelled'] as const;
/**
 * How a person takes part: in the room or online. An in-person course has one pool ('on-site'), an
 * online course one ('online'), a hybrid course both, each with its own seats and waitlist.
 */
export const seatPools = ['on-site', 'online'] as const;
export type SeatPool = (typeof seatPools)[number];
export type CourseStatus = (typeof courseStatuses)[number];

/** A 'Politiek Actief' course run by one organisation. Published courses are public. */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    academyId: uuid('academy_id').references(() => academies.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    format: text('format', { enum: courseFormats }).notNull(),
    locationName: text('location_name').notNull().default(''),
    address: text('address').notNull().default(''),
    accessibilityInfo: text('accessibility_info').notNull().default(''),
    onlineUrl: text('online_url'),
    language: text('language', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    costCents: integer('cost_cents').notNull().default(0),
    /** The seats of the course; of a hybrid course, the seats in the room (the 'on-site' pool). */
    capacity: integer('capacity').notNull(),
    /** A hybrid course's online seats (the 'online' pool); null for other courses. */
    onlineCapacity: integer('online_capacity'),
    registrationOpensAt: timestamptz('registration_opens_at'),
    registrationClosesAt: timestamptz('registration_closes_at'),
    cancellationDeadline: timestamptz('cancellation_deadline'),
    claimWindowHours: integer('claim_window_hours').notNull().default(48),
    reminderDaysBefore: integer('reminder_days_before').notNull().default(2),
    completionThreshold: integer('completion_threshold'),
    /**
     * The sessions a person must attend for a certificate; null means the default, all but one
     * (at least one). See `certificateMinimum` in modules/courses/certificates.server.ts.
     */
    certificateMinimum: integer('certificate_minimum'),
    status: text('status', { enum: courseStatuses }).notNull().default('draft'),
    publishedAt: timestamptz('published_at'),
    cancelledAt: timestamptz('cancelled_at'),
    /** When a published course last got a new date, time or place: search engines are told it moved. */
    rescheduledAt: timestamptz('rescheduled_at'),
    followUpSentAt: timestamptz('follow_up_sent_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * The start of the earliest session (null without sessions), kept in step with course_sessions by
     * a trigger (migration 0004), so that reports can filter courses by start date on an index.
     */
    firstSessionAt: timestamptz('first_session_at'),
    /**
     * The end of the last session (null without sessions), kept in step with course_sessions by a
     * trigger (migration 0013), so that the catalogue finds what is still on offer on an index instead
     * of reading every course ever held.
     */
    lastSessionEndsAt: timestamptz('last_session_ends_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('courses_organisation_idx').on(t.organisationId),
    // The report's period filter: an organisation's courses by the day they start.
    index('courses_organisation_first_session_idx').on(t.organisationId, t.firstSessionAt),
    index('courses_public_idx').on(t.status, t.municipalityCode),
    // The catalogue: published courses whose last session has not ended yet.
    index('courses_live_idx')
      .on(t.lastSessionEndsAt)
      .where(sql`${t.status} = 'published'`),
    // Foreign keys: deleting an academy or an account looks up the courses that point at it.
    index('courses_academy_idx').on(t.academyId),
    index('courses_created_by_idx').on(t.createdBy),
  ],
);

/** One meeting of a course. `sequence` grows with every change, for calendar updates. */
export const courseSessions = pgTable(
  'course_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at').notNull(),
    location: text('location').notNull().default(''),
    sequence: integer('sequence').notNull().default(0),
  },
  // By end: the catalogue and /beheer find the courses not yet over from the sessions still to end.
  (t) => [index('course_sessions_course_idx').on(t.courseId, t.startsAt), index('course_sessions_ends_idx').on(t.endsAt, t.courseId)],
);

export const questionKinds = ['text', 'choice', 'yes-no'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** A course's own question on the sign-up form. */
export const courseQuestions = pgTable(
  'course_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    kind: text('kind', { enum: questionKinds }).notNull(),
    label: text('label').notNull(),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
  },
  (t) => [index('course_questions_course_idx').on(t.courseId, t.position)],
);

/**
 * What a person can ask the organiser to arrange, chosen from a list so that the coordinator can count
 * them (an interpreter must be booked weeks ahead). Anything else goes in the free text.
 */
export const accessibilityAids = [
  'ngt-interpreter',
  'speech-to-text-interpreter',
  'deafblind-interpreter',
  'wheelchair',
  'hearing-loop',
] as const;
export type AccessibilityAid = (typeof accessibilityAids)[number];

export const registrationStatuses = ['confirmed', 'waitlisted', 'offered', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/**
 * A person on a course. Confirmed and offered registrations hold a seat; their number never exceeds
 * the capacity (enforced under a row lock on the course). Waitlisted ones queue by `waitlistSeq`.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    phone: text('phone'),
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    accessibilityNeeds: text('accessibility_needs'),
    accessibilityAids: jsonb('accessibility_aids').$type<AccessibilityAid[]>().notNull().default([]),
    source: text('source'),
    /**
     * Set on a module registration of an academy's cohort (source 'academy'): the accepted application
     * it belongs to. Leaving the academy cancels the registrations that carry it.
     */
    academyApplicationId: uuid('academy_application_id').references(() => academyApplications.id, { onDelete: 'set null' }),
    utm: jsonb('utm').$type<Record<string, string>>(),
    locale: text('locale', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    privacyVersion: text('privacy_version').notNull(),
    consentedAt: timestamptz('consented_at').notNull(),
    status: text('status', { enum: registrationStatuses }).notNull(),
    /**
     * The pool whose seat or waitlist this registration is in. Always the course's own pool for an
     * in-person or online course; the person's choice on a hybrid course.
     */
    pool: text('pool', { enum: seatPools }).notNull().default('on-site'),
    waitlistSeq: bigserial('waitlist_seq', { mode: 'number' }).notNull(),
    offerExpiresAt: timestamptz('offer_expires_at'),
    reminderSentAt: timestamptz('reminder_sent_at'),
    followUpSentAt: timestamptz('follow_up_sent_at'),
    confirmedAt: timestamptz('confirmed_at'),
    cancelledAt: timestamptz('cancelled_at'),
    /** Set when the person was deleted: name, address, phone and answers blanked, user reference cut. */
    anonymisedAt: timestamptz('anonymised_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One active registration per email per course.
    uniqueIndex('registrations_active_email_key')
      .on(t.courseId, t.email)
      .where(sql`${t.status} <> 'cancelled'`),
    index('registrations_course_status_idx').on(t.courseId, t.status, t.waitlistSeq),
    index('registrations_course_pool_status_idx').on(t.courseId, t.pool, t.status, t.waitlistSeq),
    index('registrations_user_idx').on(t.userId),
    index('registrations_email_idx').on(t.email),
    index('registrations_academy_application_idx').on(t.academyApplicationId),
  ],
);

/** Who attended which session; "completed" follows from it and the course's threshold. */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => courseSessions.id, { onDelete: 'cascade' }),
    attended: boolean('attended').notNull(),
    markedAt: timestamptz('marked_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.sessionId] }), index('session_attendance_session_idx').on(t.sessionId)],
);

/**
 * Links that let the holder see and cancel one registration without logging in. Every email mints
 * its own token (we keep only hashes, so an old link cannot be re-sent); all stay valid while the
 * registration lasts.
 */
export const registrationLinks = pgTable(
  'registration_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('registration_links_registration_idx').on(t.registrationId)],
);

/** What the sign-up form collected, kept until the address's owner confirms it (see ADR 011). */
export type PendingSignUp = {
  name: string;
  municipalityCode: string;
  phone: string | null;
  answers: Record<string, string>;
  accessibilityNeeds: string | null;
  /** On a hybrid course: the pool chosen. Absent for other courses (and in requests stored before). */
  pool?: SeatPool;
  /** Absent in requests stored before the list existed. */
  accessibilityAids?: AccessibilityAid[];
  source: string | null;
  utm: Record<string, string> | null;
  locale: 'nl' | 'en';
  privacyVersion: string;
  userId: string | null;
};

/**
 * A sign-up waiting for the owner of its address to follow the emailed link (ADR 011). One row per
 * course and address: a second submission replaces the form's answers, and a new email (with a new
 * token) goes out only once `emailed_at` is older than the resend window, so a double click or a
 * stranger's repeated submissions send one email. Rows live for a day at most.
 */
export const signUpRequests = pgTable(
  'sign_up_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    input: jsonb('input').$type<PendingSignUp>().notNull(),
    emailedAt: timestamptz('emailed_at').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sign_up_requests_course_email_key').on(t.courseId, t.email),
    uniqueIndex('sign_up_requests_token_key').on(t.tokenHash),
    index('sign_up_requests_email_idx').on(t.email),
    index('sign_up_requests_emailed_idx').on(t.emailedAt),
  ],
);

/**
 * A certificate of participation ("bewijs van deelname"), issued when the coordinator closes a course
 * to each person who attended at least the course's minimum. The PDF is built from this row and the
 * registration on every request, so it follows corrections; `code` is the public verification key
 * (/certificaat/:code). Withdrawn when a correction takes the person below the minimum. No name is
 * kept here: the verification page derives initials from the registration, and the row is deleted
 * when the registration is anonymised.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    issuedAt: timestamptz('issued_at').notNull(),
    withdrawnAt: timestamptz('withdrawn_at'),
  },
  (t) => [
    uniqueIndex('certificates_code_key').on(t.code),
    uniqueIndex('certificates_registration_key').on(t.registrationId),
    index('certificates_course_idx').on(t.courseId),
  ],
);
