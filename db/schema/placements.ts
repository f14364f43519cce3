import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { academyApplications } from './academies';
import { municipalities } from './municipalities';
import { academies } from './organisations';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// Job-shadowing placements (meeloopstages) of an academy (issue #15, point 6; ADR 018 "Placements").

export const hostOffices = ['mayor', 'alderman', 'council-member'] as const;
export type HostOffice = (typeof hostOffices)[number];

/** A host (mayor, alderman, council member): one profile per person across academies, like a mentor profile. */
export const placementHosts = pgTable(
  'placement_hosts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null once the host deleted their account (the profile stays, emptied, for the academy's counts). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull().default(''),
    office: text('office', { enum: hostOffices }).notNull().default('council-member'),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('placement_hosts_user_key').on(t.userId), index('placement_hosts_municipality_idx').on(t.municipalityCode)],
);

/** A host of one academy (after accepting its invitation). */
export const academyHosts = pgTable(
  'academy_hosts',
  {
    academyId: uuid('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    hostId: uuid('host_id')
      .notNull()
      .references(() => placementHosts.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.academyId, t.hostId] }), index('academy_hosts_host_idx').on(t.hostId)],
);

/** Days a host offers for one academy: where, when, and for how many participants. */
export const placementSlots = pgTable(
  'placement_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    academyId: uuid('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    hostId: uuid('host_id')
      .notNull()
      .references(() => placementHosts.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    capacity: integer('capacity').notNull().default(1),
    note: text('note').notNull().default(''),
    /** Set when the host withdrew the slot: it is offered no more, and its live placements were called off. */
    withdrawnAt: timestamptz('withdrawn_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('placement_slots_academy_idx').on(t.academyId),
    index('placement_slots_host_idx').on(t.hostId),
    index('placement_slots_municipality_idx').on(t.municipalityCode),
  ],
);

/** A participant's ranking of a slot (1 = first choice). */
export const placementPreferences = pgTable(
  'placement_preferences',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => academyApplications.id, { onDelete: 'cascade' }),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => placementSlots.id, { onDelete: 'cascade' }),
    rank: smallint('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.slotId] }), index('placement_preferences_slot_idx').on(t.slotId)],
);

export const placementRunStatuses = ['queued', 'running', 'draft', 'published', 'discarded', 'failed'] as const;
export type PlacementRunStats = { participants: number; placed: number; capacity: number; totalScore: number };

/** A coordinator's assignment run over one academy (ADR 008: a row plus a pg-boss job). */
export const placementRuns = pgTable(
  'placement_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    academyId: uuid('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: placementRunStatuses }).notNull().default('queued'),
    stats: jsonb('stats').$type<PlacementRunStats>(),
    error: text('error'),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
    publishedAt: timestamptz('published_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('placement_runs_academy_idx').on(t.academyId, t.createdAt), index('placement_runs_started_by_idx').on(t.startedBy)],
);

export const placementStatuses = ['draft', 'proposed', 'accepted', 'declined', 'discarded', 'cancelled'] as const;
export type PlacementStatus = (typeof placementStatuses)[number];
export type PlacementReason = { nl: string; en: string };
/** Who called a proposed or accepted placement off (status `cancelled`). */
export const placementCallers = ['host', 'slot-withdrawn', 'coordinator', 'participant', 'left'] as const;
export type PlacementCaller = (typeof placementCallers)[number];

/** A participant in a slot: a draft of a run, then proposed to the host, who accepts or declines. */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    academyId: uuid('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => placementRuns.id, { onDelete: 'set null' }),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => placementSlots.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => academyApplications.id, { onDelete: 'cascade' }),
    status: text('status', { enum: placementStatuses }).notNull().default('draft'),
    score: smallint('score').notNull().default(0),
    reasons: jsonb('reasons').$type<PlacementReason[]>().notNull().default([]),
    declineReason: text('decline_reason').notNull().default(''),
    /** The calendar file's SEQUENCE: raised on every change that sends one. */
    sequence: integer('sequence').notNull().default(0),
    respondedAt: timestamptz('responded_at'),
    cancelledAt: timestamptz('cancelled_at'),
    cancelledBy: text('cancelled_by', { enum: placementCallers }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One live placement per participant.
    uniqueIndex('placements_live_key')
      .on(t.applicationId)
      .where(sql`${t.status} in ('proposed', 'accepted')`),
    index('placements_application_idx').on(t.applicationId, t.status),
    index('placements_academy_idx').on(t.academyId, t.status),
    index('placements_run_idx').on(t.runId),
    index('placements_slot_idx').on(t.slotId),
  ],
);

/** The coordinator's pins and forbids on a participant and a slot. */
export const placementRules = pgTable(
  'placement_rules',
  {
    academyId: uuid('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => academyApplications.id, { onDelete: 'cascade' }),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => placementSlots.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['pin', 'forbid'] }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.slotId] }),
    index('placement_rules_academy_idx').on(t.academyId),
    index('placement_rules_slot_idx').on(t.slotId),
    index('placement_rules_created_by_idx').on(t.createdBy),
  ],
);
