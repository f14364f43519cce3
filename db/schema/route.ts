import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { matches, networks } from './mentoring';
import { elections } from './privacy';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const routeElectionKinds = ['municipal', 'provincial'] as const;
export type RouteElectionKind = (typeof routeElectionKinds)[number];

/**
 * A network's candidacy route template (issue 17): which election it counts back from. The row is
 * made together with the default steps the first time the route is read, so a template the
 * coordinator emptied is not filled again.
 */
export const networkRoutes = pgTable('network_routes', {
  networkId: uuid('network_id')
    .primaryKey()
    .references(() => networks.id, { onDelete: 'cascade' }),
  electionKind: text('election_kind', { enum: routeElectionKinds }).notNull().default('municipal'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/**
 * One step of a network's route: its suggested date is the list deadline minus `daysBefore`.
 * `onList` marks the step that means "on a candidate list" (it answers the outcome question).
 */
export const networkRouteSteps = pgTable(
  'network_route_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    titleNl: text('title_nl').notNull(),
    titleEn: text('title_en').notNull(),
    daysBefore: integer('days_before').notNull(),
    onList: boolean('on_list').notNull().default(false),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('network_route_steps_network_idx').on(t.networkId, t.position)],
);

/** Per match: whether the mentee lets route reminders go to the mentor in copy (off until they say so). */
export const matchRoutes = pgTable('match_routes', {
  matchId: uuid('match_id')
    .primaryKey()
    .references(() => matches.id, { onDelete: 'cascade' }),
  mentorCopy: boolean('mentor_copy').notNull().default(false),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** A step of a match's route: ticked (`doneOn`) and/or with a note, by the mentee or the mentor. */
export const matchRouteProgress = pgTable(
  'match_route_progress',
  {
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    stepId: uuid('step_id')
      .notNull()
      .references(() => networkRouteSteps.id, { onDelete: 'cascade' }),
    /** The election the route counted to when the step was ticked. */
    electionId: text('election_id').references(() => elections.id, { onDelete: 'set null' }),
    doneOn: date('done_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.matchId, t.stepId] }),
    index('match_route_progress_step_idx').on(t.stepId),
    index('match_route_progress_election_idx').on(t.electionId),
    index('match_route_progress_updated_by_idx').on(t.updatedBy),
  ],
);

export const routeReminderKinds = ['step-soon', 'deadline-passed'] as const;

/**
 * Route reminders sent, one row per match, election, kind and subject (a step id, or `deadline`):
 * the insert is the claim, so a reminder goes out once however often the job runs.
 */
export const routeReminders = pgTable(
  'route_reminders',
  {
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    electionId: text('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: routeReminderKinds }).notNull(),
    subject: text('subject').notNull(),
    sentAt: timestamptz('sent_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('route_reminders_once_key').on(t.matchId, t.electionId, t.kind, t.subject),
    index('route_reminders_election_idx').on(t.electionId),
  ],
);
