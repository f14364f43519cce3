import { bigserial, boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { organisations } from './organisations';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const consentPurposes = ['privacy-statement', 'special-category', 'marketing', 'shared-needs'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/**
 * What a person agreed to, for which purpose, with the version of the text they saw. Withdrawal sets
 * `withdrawnAt` and takes effect at once (the data the consent covered is erased with it).
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: consentPurposes }).notNull(),
    /** What the consent is about, e.g. `application:<id>` for special-category data of one application. */
    subject: text('subject'),
    textVersion: text('text_version').notNull(),
    givenAt: timestamptz('given_at').notNull().defaultNow(),
    withdrawnAt: timestamptz('withdrawn_at'),
  },
  (t) => [index('consents_user_idx').on(t.userId, t.purpose)],
);

/**
 * Who read or changed special-category data of whom. Actor and subject are kept as ids only; when a
 * person is deleted their events stay with the subject id nulled (anonymous).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    subjectUserId: uuid('subject_user_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    action: text('action', { enum: ['read', 'create', 'update', 'delete', 'export'] }).notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_subject_idx').on(t.subjectUserId, t.at),
    index('audit_events_actor_idx').on(t.actorUserId),
    index('audit_events_organisation_idx').on(t.organisationId),
  ],
);

export const emailCategories = ['reminders', 'follow-ups', 'outcomes', 'news'] as const;
export type EmailCategory = (typeof emailCategories)[number];

/**
 * Per address (people who signed up for a course may have no account): which non-transactional
 * email they want. No row means everything on, except news (opt-in).
 */
export const emailPreferences = pgTable(
  'email_preferences',
  {
    email: text('email').primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    reminders: boolean('reminders').notNull().default(true),
    followUps: boolean('follow_ups').notNull().default(true),
    outcomes: boolean('outcomes').notNull().default(true),
    news: boolean('news').notNull().default(false),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('email_preferences_user_idx').on(t.userId)],
);

/** Addresses we no longer send to: hard bounces and complaints reported by the provider's webhook. */
export const emailSuppressions = pgTable('email_suppressions', {
  email: text('email').primaryKey(),
  reason: text('reason', { enum: ['bounce', 'complaint'] }).notNull(),
  providerEventId: text('provider_event_id'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

/** Elections in the calendar (data, loaded from db/data/verkiezingen.csv), for the outcome questions. */
export const elections = pgTable('elections', {
  id: text('id').primaryKey(), // e.g. gr2026, ps2027
  kind: text('kind', { enum: ['municipal', 'provincial', 'water-board', 'national', 'european'] }).notNull(),
  nameNl: text('name_nl').notNull(),
  nameEn: text('name_en').notNull(),
  listDeadline: date('list_deadline', { mode: 'string' }).notNull(),
  electionDate: date('election_date', { mode: 'string' }).notNull(),
});

/** What a person told us about their candidacy for an election: on a list, elected. */
export const candidacyOutcomes = pgTable(
  'candidacy_outcomes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    electionId: text('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    onList: boolean('on_list'),
    elected: boolean('elected'),
    listAskedAt: timestamptz('list_asked_at'),
    electedAskedAt: timestamptz('elected_asked_at'),
    answeredAt: timestamptz('answered_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.electionId] })],
);
