import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// The funder report's monthly rollup (issue 12, item 9). Both tables are kept by triggers in the
// same transaction as every write they depend on (migration 0011): an (organisation, academy, month)
// whose courses, sessions, registrations, attendance or matching accounts change is counted again
// from the rows. The report reads whole months here and counts only the rest (a period's partial
// months, courses not started yet) from the rows. No foreign keys: the triggers keep them in step.
// A month is the month of a course's first session in Dutch time, like the report's period filter.

/** Registrations counted per organisation, academy, month, province and source. */
export const reportCourseMonths = pgTable(
  'report_course_months',
  {
    organisationId: uuid('organisation_id').notNull(),
    /** Null: courses without an academy. */
    academyId: uuid('academy_id'),
    month: date('month', { mode: 'string' }).notNull(),
    provinceCode: text('province_code'),
    province: text('province'),
    source: text('source'),
    utmSource: text('utm_source'),
    signUps: integer('sign_ups').notNull(),
    confirmed: integer('confirmed').notNull(),
    attended: integer('attended').notNull(),
    completed: integer('completed').notNull(),
    /** Confirmed and not attended: no-shows once the course started, "not started" before. */
    absent: integer('absent').notNull(),
  },
  (t) => [index('report_course_months_scope_idx').on(t.organisationId, t.month, t.academyId)],
);

/**
 * Each person once per organisation, academy and month (an account, or a registration's address
 * that matches an account, or else the registration itself), for the funnel's distinct counts.
 */
export const reportPeopleMonths = pgTable(
  'report_people_months',
  {
    organisationId: uuid('organisation_id').notNull(),
    academyId: uuid('academy_id'),
    month: date('month', { mode: 'string' }).notNull(),
    /** The account's id, or the registration's id for someone without an account. */
    person: uuid('person').notNull(),
    hasAccount: boolean('has_account').notNull(),
    confirmed: boolean('confirmed').notNull(),
    attended: boolean('attended').notNull(),
    completed: boolean('completed').notNull(),
    /** The earliest first session of this person's confirmed registrations here: "started" is this <= now. */
    confirmedFirstAt: timestamptz('confirmed_first_at'),
  },
  (t) => [
    index('report_people_months_scope_idx').on(t.organisationId, t.month, t.academyId),
    // A registration that changes only whose it is (an account deleted, linked) recounts its people alone.
    index('report_people_months_person_idx').on(t.person),
  ],
);
