import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import type { FocusGroup, Office } from './mentoring';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const organisationKinds = ['association', 'academy-provider', 'party', 'other'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** An association or academy owner. Everything a coordinator manages belongs to exactly one. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    contactEmail: text('contact_email'),
    /** Counts in the open national figures (/cijfers): a platform administrator's switch, off by default. */
    openFigures: boolean('open_figures').notNull().default(false),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organisations_slug_key').on(t.slug)],
);

export const membershipRoles = ['coordinator'] as const;

/** A user is a coordinator of an organisation by having a membership; roles are not a user column. */
export const organisationMemberships = pgTable(
  'organisation_memberships',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: membershipRoles }).notNull().default('coordinator'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_memberships_user_idx').on(t.userId)],
);

/**
 * An academy (programme) groups an organisation's courses and networks for a period, e.g.
 * "Raadsledenacademie 2027", so reports can be made per academy.
 */
export const academies = pgTable(
  'academies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    // The call (ADR 018): public while published and the application period has not ended.
    callPublished: boolean('call_published').notNull().default(false),
    /** For whom: province codes (empty: the whole country), focus groups, offices aimed at. */
    eligibleProvinces: text('eligible_provinces')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    eligibleFocusGroups: text('eligible_focus_groups')
      .array()
      .$type<FocusGroup[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    eligibleOffices: text('eligible_offices')
      .array()
      .$type<Office[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    eligibility: text('eligibility').notNull().default(''),
    cost: text('cost').notNull().default(''),
    applicationsOpenAt: timestamptz('applications_open_at'),
    applicationsCloseAt: timestamptz('applications_close_at'),
    seats: integer('seats').notNull().default(0),
    /** Days an admitted person has to accept their place. */
    claimDays: integer('claim_days').notNull().default(7),
    questions: jsonb('questions')
      .$type<{ id: string; label: string; kind: 'text' | 'yes-no'; required: boolean }[]>()
      .notNull()
      .default([]),
    criteria: jsonb('criteria').$type<{ id: string; label: string }[]>().notNull().default([]),
    /** Which answers reviewers may see (see `reviewerVisibleFields`). */
    reviewerFields: text('reviewer_fields')
      .array()
      .notNull()
      .default(sql`'{motivation,experience}'::text[]`),
    /** Set once, when the coordinator releases the decisions (the emails go out with it). */
    decisionsReleasedAt: timestamptz('decisions_released_at'),
    /**
     * When a participant completes the programme (ADR 018, "Cohort and completion"): at least
     * `minModules` modules attended (null: all of them) and, with `placementRequired`, a placement held.
     */
    completionRule: jsonb('completion_rule')
      .$type<{ minModules: number | null; placementRequired: boolean }>()
      .notNull()
      .default({ minModules: null, placementRequired: false }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('academies_organisation_idx').on(t.organisationId), index('academies_call_idx').on(t.callPublished, t.applicationsCloseAt)],
);
