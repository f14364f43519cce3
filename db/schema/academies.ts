import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { consents } from './privacy';
import { academies } from './organisations';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// The call and the selection of an academy (issue #15, points 1–3; ADR 018). The call's settings are
// columns of `academies`; these tables hold what people do with it.

/** A question of the academy's own, asked on its application form. */
export type AcademyQuestion = { id: string; label: string; kind: 'text' | 'yes-no'; required: boolean };
/** A criterion reviewers score from 1 to 5. */
export type AcademyCriterion = { id: string; label: string };

/** Application answers a reviewer may be shown (chosen per academy); special-category data is never one. */
export const reviewerVisibleFields = ['motivation', 'experience', 'party', 'availability', 'answers', 'municipality'] as const;
export type ReviewerVisibleField = (typeof reviewerVisibleFields)[number];

export const academyDecisions = ['admit', 'reserve', 'decline'] as const;
export type AcademyDecision = (typeof academyDecisions)[number];

/**
 * submitted: in, not yet released; withdrawn: by the applicant before the call closed; after release:
 * offered (admitted, claim window running), accepted, refused (the person declined the place), lapsed
 * (the window passed), reserve, declined (by the coordinator); left: an accepted participant who left the
 * programme (their module registrations were cancelled).
 */
export const academyApplicationStatuses = [
  'submitted',
  'withdrawn',
  'offered',
  'accepted',
  'refused',
  'lapsed',
  'reserve',
  'declined',
  'left',
] as const;
export type AcademyApplicationStatus = (typeof academyApplicationStatuses)[number];

/** One person's application to one academy's call. */
export const academyApplications = pgTable(
  'academy_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    academyId: uuid('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    /** Null once the account was deleted (the row stays, emptied, for the academy's counts). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    municipalityCode: text('municipality_code'),
    motivation: text('motivation').notNull().default(''),
    experience: text('experience').notNull().default(''),
    party: text('party').notNull().default(''),
    noParty: boolean('no_party').notNull().default(false),
    availability: text('availability').notNull().default(''),
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    /** Self-identification (women, practically educated), never shown to reviewers. */
    focusGroups: text('focus_groups')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Special-category: only with an active consent (`disability_consent_id`), never shown to reviewers. */
    disability: boolean('disability'),
    disabilityConsentId: uuid('disability_consent_id').references(() => consents.id, { onDelete: 'set null' }),
    status: text('status', { enum: academyApplicationStatuses }).notNull().default('submitted'),
    /** The coordinator's decision, a draft until the decisions are released. */
    decision: text('decision', { enum: academyDecisions }),
    decisionReason: text('decision_reason').notNull().default(''),
    /** Order of the reserves (lower moves up first), given when the decision is made. */
    reserveRank: integer('reserve_rank'),
    offerExpiresAt: timestamptz('offer_expires_at'),
    respondedAt: timestamptz('responded_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One application per person and academy; a withdrawn one makes room for a new one.
    uniqueIndex('academy_applications_person_key')
      .on(t.academyId, t.userId)
      .where(sql`${t.status} <> 'withdrawn'`),
    index('academy_applications_academy_idx').on(t.academyId, t.status),
    index('academy_applications_user_idx').on(t.userId),
    index('academy_applications_consent_idx').on(t.disabilityConsentId),
    index('academy_applications_offer_idx')
      .on(t.offerExpiresAt)
      .where(sql`${t.status} = 'offered'`),
  ],
);

/** A reviewer of one academy: sees what the academy's settings allow and scores alone. */
export const academyReviewers = pgTable(
  'academy_reviewers',
  {
    academyId: uuid('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.academyId, t.userId] }), index('academy_reviewers_user_idx').on(t.userId)],
);

/** One scorer's scores of one application: 1–5 per criterion, and a note. */
export const academyScores = pgTable(
  'academy_scores',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => academyApplications.id, { onDelete: 'cascade' }),
    /** Null once the scorer's account was deleted: the scores stay, anonymous, in the averages. */
    scorerId: uuid('scorer_id').references(() => users.id, { onDelete: 'set null' }),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    /** Sum of the scores, for ordering and averages without opening the json. */
    total: smallint('total').notNull(),
    note: text('note').notNull().default(''),
    submittedAt: timestamptz('submitted_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('academy_scores_scorer_key').on(t.applicationId, t.scorerId), index('academy_scores_scorer_idx').on(t.scorerId)],
);

/**
 * A participant who met the academy's completion rule (ADR 018, "Cohort and completion"): recorded once
 * per accepted application, with the public code of the programme certificate (ADR 016: the PDF is
 * built from this row on request; no name is kept here). Deleted when the person deletes their account.
 */
export const academyCompletions = pgTable(
  'academy_completions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    academyId: uuid('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => academyApplications.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    /** Modules attended when the rule was met (for the certificate and the reports). */
    modulesAttended: integer('modules_attended').notNull(),
    completedAt: timestamptz('completed_at').notNull(),
  },
  (t) => [
    uniqueIndex('academy_completions_application_key').on(t.applicationId),
    uniqueIndex('academy_completions_code_key').on(t.code),
    index('academy_completions_academy_idx').on(t.academyId),
  ],
);
