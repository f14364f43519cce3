import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { municipalities } from './municipalities';
import { academies, organisations } from './organisations';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const focusGroups = ['women', 'disability', 'practically-educated', 'open'] as const;
export type FocusGroup = (typeof focusGroups)[number];
export const regionKinds = ['national', 'provinces', 'municipalities'] as const;
export type RegionKind = (typeof regionKinds)[number];
export const offices = ['council-member', 'alderman', 'mayor', 'provincial', 'former'] as const;
export type Office = (typeof offices)[number];
export const meetingModes = ['in-person', 'online'] as const;
export const genders = ['woman', 'man', 'non-binary'] as const;

/** An intake question of a network, asked on the application form. */
export type IntakeQuestion = { id: string; label: string; kind: 'text' | 'choice' | 'yes-no'; options: string[]; required: boolean };

/** Matching weights per network (see app/modules/matching/scoring.ts `Weights`). */
export type NetworkWeights = Record<string, number>;

/** A subsidised mentor network of one organisation. */
export const networks = pgTable(
  'networks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    academyId: uuid('academy_id').references(() => academies.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    focusGroup: text('focus_group', { enum: focusGroups }).notNull().default('open'),
    regionKind: text('region_kind', { enum: regionKinds }).notNull().default('national'),
    /** Province codes (PV..) for `provinces`, CBS municipality codes (GM..) for `municipalities`. */
    regionCodes: text('region_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    applicationsOpen: boolean('applications_open').notNull().default(false),
    intakeQuestions: jsonb('intake_questions').$type<IntakeQuestion[]>().notNull().default([]),
    weights: jsonb('weights').$type<NetworkWeights>(),
    proposalReminderDays: integer('proposal_reminder_days').notNull().default(5),
    proposalAlertDays: integer('proposal_alert_days').notNull().default(10),
    proposalExpiryDays: integer('proposal_expiry_days').notNull().default(14),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('networks_organisation_idx').on(t.organisationId),
    index('networks_open_idx').on(t.applicationsOpen),
    index('networks_academy_idx').on(t.academyId),
    index('networks_created_by_idx').on(t.createdBy),
  ],
);

/**
 * One per person, whatever the number of networks: a mayor mentoring in two networks has one
 * capacity. Membership of networks is `network_mentors`.
 */
export const mentorProfiles = pgTable(
  'mentor_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `null` once the mentor deleted their account (the profile stays, anonymised, for report counts). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    office: text('office', { enum: offices }).notNull().default('council-member'),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    party: text('party'),
    gender: text('gender', { enum: genders }),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{nl}'::text[]`),
    meetingModes: text('meeting_modes')
      .array()
      .notNull()
      .default(sql`'{in-person,online}'::text[]`),
    capacity: integer('capacity').notNull().default(1),
    /** Weekday-part slots such as `tue-evening`. */
    availability: text('availability')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    bio: text('bio').notNull().default(''),
    phone: text('phone'),
    pausedUntil: date('paused_until', { mode: 'string' }),
    /** Set once the mentor saved the profile form; until then they are not proposed. */
    completedAt: timestamptz('completed_at'),
    /** Set when the person was deleted: personal fields blanked, user reference cut. */
    anonymisedAt: timestamptz('anonymised_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mentor_profiles_user_key').on(t.userId)],
);

export const networkMentors = pgTable(
  'network_mentors',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    mentorProfileId: uuid('mentor_profile_id')
      .notNull()
      .references(() => mentorProfiles.id, { onDelete: 'cascade' }),
    joinedAt: timestamptz('joined_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.mentorProfileId] }), index('network_mentors_mentor_idx').on(t.mentorProfileId)],
);

export const applicationStatuses = ['waiting', 'proposed', 'matched', 'withdrawn', 'closed'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export type MustHaves = { onlineOnly?: boolean; mentorGender?: string; sameParty?: boolean };

/**
 * A candidate asks a network for a mentor. `disability` is special-category (health) data: it is
 * set only with an explicit consent for that purpose (`disabilityConsentId`) and is cleared when that
 * consent is withdrawn. It is never shown to mentors.
 */
export const menteeApplications = pgTable(
  'mentee_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    /** `null` once the person deleted their account (the row stays, anonymised, for report counts). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    goals: text('goals')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    goalsText: text('goals_text').notNull().default(''),
    /** `null`: no party yet. */
    party: text('party'),
    meetingModes: text('meeting_modes')
      .array()
      .notNull()
      .default(sql`'{in-person,online}'::text[]`),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{nl}'::text[]`),
    availability: text('availability')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    mustHaves: jsonb('must_haves').$type<MustHaves>().notNull().default({}),
    accessibilityNeeds: text('accessibility_needs'),
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    /** Self-identification with the non-special focus groups (women, practically educated). */
    focusGroups: text('focus_groups')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Special-category: only with `disabilityConsentId`. */
    disability: boolean('disability'),
    disabilityConsentId: uuid('disability_consent_id'),
    phone: text('phone'),
    source: text('source'),
    utm: jsonb('utm').$type<Record<string, string>>(),
    status: text('status', { enum: applicationStatuses }).notNull().default('waiting'),
    withdrawnAt: timestamptz('withdrawn_at'),
    matchedAt: timestamptz('matched_at'),
    /** Set when the person was deleted: personal fields blanked, user reference cut. */
    anonymisedAt: timestamptz('anonymised_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mentee_applications_open_key')
      .on(t.networkId, t.userId)
      .where(sql`${t.status} in ('waiting', 'proposed', 'matched')`),
    index('mentee_applications_network_idx').on(t.networkId, t.status),
    // The coordinator's list of a network's applications, newest first, a page at a time.
    index('mentee_applications_network_created_idx').on(t.networkId, t.createdAt),
    index('mentee_applications_user_idx').on(t.userId),
  ],
);

export const runStatuses = ['queued', 'running', 'draft', 'published', 'failed', 'discarded'] as const;
/** The step a running run is at, shown while it runs ('matchingRuns.progress.<label>'). */
export const runProgressLabels = ['loading', 'scoring', 'solving', 'saving'] as const;
export type RunStatus = (typeof runStatuses)[number];

export type RunStats = {
  mentees: number;
  mentors: number;
  edges: number;
  matched: number;
  totalScore: number;
  greedyMatched: number;
  greedyTotalScore: number;
  unmatched: { applicationId: string; reason: string }[];
  millis: number;
};

/** A coordinator's run over a network; its pairs are `matches` with status `draft` until published. */
export const matchingRuns = pgTable(
  'matching_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: runStatuses }).notNull().default('queued'),
    /** 0–100, shown while the job works. */
    progress: smallint('progress').notNull().default(0),
    progressLabel: text('progress_label', { enum: runProgressLabels }),
    weights: jsonb('weights').$type<NetworkWeights>().notNull(),
    stats: jsonb('stats').$type<RunStats>(),
    error: text('error'),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
    publishedAt: timestamptz('published_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('matching_runs_network_idx').on(t.networkId, t.createdAt), index('matching_runs_started_by_idx').on(t.startedBy)],
);

export const matchStatuses = ['draft', 'proposed', 'declined', 'expired', 'active', 'completed', 'ended', 'discarded'] as const;
export type MatchStatus = (typeof matchStatuses)[number];

/**
 * One part of a match's score in words. `nl`/`en` are written to the mentee (coordinators read them
 * too); `mentor` holds the sentence written to the mentor. Rows stored before it existed lack it:
 * read them through `mentorWording` (app/modules/matching/scoring.ts).
 */
export type MatchReason = { id: string; points: number; nl: string; en: string; mentor?: { nl: string; en: string } };

/** A mentor and a mentee in a network, from draft (in a run) to proposed, active and completed or ended. */
export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => menteeApplications.id, { onDelete: 'cascade' }),
    mentorProfileId: uuid('mentor_profile_id')
      .notNull()
      .references(() => mentorProfiles.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => matchingRuns.id, { onDelete: 'set null' }),
    status: text('status', { enum: matchStatuses }).notNull(),
    source: text('source', { enum: ['run', 'hand'] })
      .notNull()
      .default('run'),
    pinned: boolean('pinned').notNull().default(false),
    score: integer('score').notNull(),
    reasons: jsonb('reasons').$type<MatchReason[]>().notNull().default([]),
    proposedAt: timestamptz('proposed_at'),
    reminderSentAt: timestamptz('reminder_sent_at'),
    alertSentAt: timestamptz('alert_sent_at'),
    respondedAt: timestamptz('responded_at'),
    declineReason: text('decline_reason'),
    acceptedAt: timestamptz('accepted_at'),
    lastCheckInAt: timestamptz('last_check_in_at'),
    nudgeSentAt: timestamptz('nudge_sent_at'),
    fourWeekMailSentAt: timestamptz('four_week_mail_sent_at'),
    endMailSentAt: timestamptz('end_mail_sent_at'),
    endedAt: timestamptz('ended_at'),
    endedBy: text('ended_by', { enum: ['mentor', 'mentee', 'coordinator', 'system'] }),
    endReason: text('end_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('matches_network_idx').on(t.networkId, t.status),
    // The coordinator's list of a network's matches, newest proposal first, a page at a time.
    index('matches_network_proposed_idx').on(t.networkId, t.proposedAt),
    index('matches_application_idx').on(t.applicationId),
    index('matches_mentor_idx').on(t.mentorProfileId, t.status),
    index('matches_run_idx').on(t.runId),
    index('matches_created_by_idx').on(t.createdBy),
    // One live (proposed or active) match per application.
    uniqueIndex('matches_live_application_key')
      .on(t.applicationId)
      .where(sql`${t.status} in ('proposed', 'active')`),
  ],
);

/** A coordinator's rule for one pair in a network: keep it in every run, or never propose it. */
export const pairRules = pgTable(
  'pair_rules',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => menteeApplications.id, { onDelete: 'cascade' }),
    mentorProfileId: uuid('mentor_profile_id')
      .notNull()
      .references(() => mentorProfiles.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['pin', 'forbid'] }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.mentorProfileId] }),
    index('pair_rules_network_idx').on(t.networkId),
    index('pair_rules_mentor_idx').on(t.mentorProfileId),
    index('pair_rules_created_by_idx').on(t.createdBy),
  ],
);

export const checkInModes = ['in-person', 'online', 'phone', 'message'] as const;

/** A meeting or note logged in an active match by the mentor or the mentee. */
export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    mode: text('mode', { enum: checkInModes }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('check_ins_match_idx').on(t.matchId, t.happenedOn), index('check_ins_author_idx').on(t.authorUserId)],
);

/** The short feedback form at 4 weeks and at the end of the programme period. */
export const matchFeedback = pgTable(
  'match_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    moment: text('moment', { enum: ['four-weeks', 'end'] }).notNull(),
    rating: smallint('rating').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('match_feedback_once_key').on(t.matchId, t.userId, t.moment), index('match_feedback_user_idx').on(t.userId)],
);

export const meetingStatuses = ['proposed', 'accepted', 'declined', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/**
 * A meeting of a match, proposed by its mentor or mentee. A counter-proposal changes this row (new
 * time, the other person now proposes): the calendar invitation keeps one UID (the row's id) and
 * `sequence` goes up with every change, so calendar programs replace the event instead of adding one.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    /** Who made the current proposal (the other one answers it); `null` once that person was deleted. */
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: meetingStatuses }).notNull().default('proposed'),
    startsAt: timestamptz('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place').notNull().default(''),
    videoUrl: text('video_url').notNull().default(''),
    /** iCalendar SEQUENCE of the last invitation sent. */
    sequence: integer('sequence').notNull().default(0),
    /** When both were asked for a check-in after the meeting (the job's claim). */
    checkInAskedAt: timestamptz('check_in_asked_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('meetings_match_idx').on(t.matchId, t.startsAt),
    index('meetings_proposed_by_idx').on(t.proposedBy),
    // The after-meeting job reads accepted meetings not asked about yet, by start.
    index('meetings_check_in_due_idx')
      .on(t.startsAt)
      .where(sql`${t.status} = 'accepted' and ${t.checkInAskedAt} is null`),
  ],
);

export const sharedNeedKinds = ['step-free', 'sign-language', 'online', 'phone'] as const;
export type SharedNeedKind = (typeof sharedNeedKinds)[number];

/**
 * Support needs a mentee chose to share with the mentor of one accepted match, under a consent of its
 * own (`consentId`, purpose `shared-needs`). Withdrawing that consent deletes the row; deleting the
 * account deletes it with the user. Nothing else ever shows these to a mentor.
 */
export const sharedNeeds = pgTable(
  'shared_needs',
  {
    matchId: uuid('match_id')
      .primaryKey()
      .references(() => matches.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    consentId: uuid('consent_id').notNull(),
    needs: text('needs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    other: text('other').notNull().default(''),
    sharedAt: timestamptz('shared_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('shared_needs_user_idx').on(t.userId), index('shared_needs_consent_idx').on(t.consentId)],
);
