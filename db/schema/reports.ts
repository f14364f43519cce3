import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

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
  // Migration 0022 adds the counted columns to this index (INCLUDE, which drizzle cannot express):
  // a year of an organisation is read by an index-only scan.
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
    // With the counted columns included by migration 0022 (index-only scans of a year).
    index('report_people_months_scope_idx').on(t.organisationId, t.month, t.academyId),
    // A registration that changes only whose it is (an account deleted, linked) recounts its people alone.
    index('report_people_months_person_idx').on(t.person),
  ],
);

/**
 * The marks of a protected block (ADR 015, 016): per organisation and block (a quarter with every
 * academy; a year with its quarters), which figures are hidden, for the figures whose hash is
 * `figures_hash`. Solving takes seconds to a minute; reading this takes a millisecond. A report
 * whose figures no longer hash to the stored value is solved again (never served stale) and stored.
 * Holds no person's data: only "shown", "<5" or "×" per figure, in the order of the system.
 */
export const reportProtectedMarks = pgTable(
  'report_protected_marks',
  {
    /** `<organisation id>/<block code>`. */
    key: text('key').primaryKey(),
    /** Gone with its organisation. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** SHA-256 of the figures and relations the marks were solved for. */
    figuresHash: text('figures_hash').notNull(),
    /** One character per figure: "." shown, "s" small (<5), "p" protecting another (×). */
    marks: text('marks').notNull(),
    computedAt: timestamptz('computed_at').notNull(),
  },
  // Deleting an organisation deletes its stored marks: found by this index, not a scan.
  (t) => [index('report_protected_marks_organisation_idx').on(t.organisationId)],
);

/**
 * The last protected snapshot of a block (ADR 020): the counted figures of the block (a quarter with
 * every academy; a year with its four quarters) together with the marks solved for exactly those
 * figures, taken by the job at `taken_at`. The page, its CSV and its print read this and never solve
 * at request time; they say "bijgewerkt op <taken_at>". Counts only: no person's id, name or address
 * (applications are merged into classes of identical rows with a count, without ids or dates).
 */
export const reportSnapshots = pgTable(
  'report_snapshots',
  {
    /** `<organisation id>/<block code>`, as report_protected_marks. */
    key: text('key').primaryKey(),
    /** Gone with its organisation. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The counted figures of every block of the system (see app/modules/reports/snapshot.server.ts). */
    figures: jsonb('figures').$type<unknown>().notNull(),
    /** The marks of every system the block needs (its quarters', its own), by store key: hash and marks. */
    marks: jsonb('marks').$type<Record<string, { figuresHash: string; marks: string }>>().notNull(),
    takenAt: timestamptz('taken_at').notNull(),
  },
  (t) => [index('report_snapshots_organisation_idx').on(t.organisationId)],
);
