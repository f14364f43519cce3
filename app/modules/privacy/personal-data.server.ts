import { aliasedTable, and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '~db/client.server';
import { matchRouteProgress, networkRouteSteps } from '~db/schema/route';
import { auditEvents, candidacyOutcomes, consents, emailPreferences, emailSuppressions } from '~db/schema/privacy';
import {
  checkIns,
  matches,
  matchFeedback,
  matchingRuns,
  meetings,
  menteeApplications,
  mentorProfiles,
  networkMentors,
  networks,
  pairRules,
  sharedNeeds,
} from '~db/schema/mentoring';
import { academies, organisationMemberships, organisations } from '~db/schema/organisations';
import { invitations } from '~db/schema/invitations';
import { academyApplications, academyCompletions, academyReviewers, academyScores } from '~db/schema/academies';
import { courses, certificates, registrations, sessionAttendance, signUpRequests } from '~db/schema/courses';
import { emailMessages } from '~db/schema/email';
import { rateLimits, sessions, users, verificationTokens } from '~db/schema/accounts';
import {
  academyHosts,
  placementHosts,
  placementPreferences,
  placementRules,
  placementRuns,
  placements,
  placementSlots,
} from '~db/schema/placements';
import { appLink } from '~/modules/http.server';
import { exportPlacementData } from '../placements/privacy.server';
import { emailLogDigest } from './email-log.server';

/*
 * Every table that can hold personal data, and what the export and account deletion do with it
 * (ADR 009, issue #14). `exportPersonalData` runs `exportedTables` in order, one key of the JSON per
 * entry; `personal-data.test.ts` reads the Drizzle schema and fails for a table with a column that
 * references `users` (or is named `email`, `*_email`, `user_id`, `*_user_id`, `recipient`) that is in
 * neither list. A new table with personal data is one entry here: in `exportedTables` (its key, how
 * its rows belong to the person, what deletion does, and the query that reads and presents them) or
 * in `notExported` with the reason. The same two lists drive the deletion test's scan
 * (`deletion.server.test.ts` through `test/privacy.ts`): it looks for the person's strings in every
 * text column of these tables after deletion, and checks that no other table held them before.
 */

/** Whose data: the account and its normalised address (rows made before or without logging in). */
type Person = { user: typeof users.$inferSelect; userId: string; email: string };

type ExportedTable<K extends string, V> = {
  /** The key of this part in the export's JSON. */
  key: K;
  /** The table read; `within` names tables whose rows are exported inside this part. */
  table: PgTable;
  within?: PgTable[];
  /** How a row belongs to the person. */
  belongs: string;
  /** What account deletion does with the rows (`deletion.server.ts`). */
  deletion: string;
  /** The person's rows, with the columns they get, presented for the JSON. */
  read: (db: Db, person: Person) => Promise<V>;
};

const exported = <K extends string, V>(entry: ExportedTable<K, V>) => entry;

/** Dates as ISO strings; everything else as the query gave it. */
function isoDates<T extends Record<string, unknown>>(
  row: T,
): { [P in keyof T]: T[P] extends Date ? string : T[P] extends Date | null ? string | null : T[P] } {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])) as never;
}
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const all = <T extends Record<string, unknown>>(rows: T[]) => rows.map(isoDates);

/**
 * The person's matches in either role, found from each side on its own index (an OR across the two
 * joined tables would make PostgreSQL read every match and application). Drafts in a coordinator's
 * run were never shown to anyone.
 */
function matchesOf(userId: string): SQL {
  return and(
    inArray(
      matches.id,
      sql`(select m.id from ${matches} m join ${menteeApplications} a on a.id = m.application_id where a.user_id = ${userId}
           union select m.id from ${matches} m join ${mentorProfiles} p on p.id = m.mentor_profile_id where p.user_id = ${userId})`,
    ),
    inArray(matches.status, ['proposed', 'declined', 'expired', 'active', 'completed', 'ended']),
  )!;
}

/** Who (other than the person) read or changed their special-category data, newest first. */
export async function specialDataAccess(db: Db, userId: string, limit = 500) {
  const actor = aliasedTable(users, 'actor');
  return db
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      entity: auditEvents.entity,
      actor: actor.name,
      organisation: organisations.name,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorUserId))
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .where(eq(auditEvents.subjectUserId, userId))
    .orderBy(desc(auditEvents.at))
    .limit(limit);
}

/** The parts of the export, in the order of its JSON. */
export const exportedTables = [
  exported({
    key: 'account',
    table: users,
    belongs: 'the account itself',
    deletion: 'row deleted',
    read: async (_db, { user }) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      hasPassword: Boolean(user.passwordHash),
      emailVerifiedAt: iso(user.emailVerifiedAt),
      isAdmin: user.isAdmin,
      lastLoginAt: iso(user.lastLoginAt),
      retentionWarnedAt: iso(user.retentionWarnedAt),
      createdAt: iso(user.createdAt),
    }),
  }),
  exported({
    key: 'sessions',
    table: sessions,
    belongs: 'user_id (times only)',
    deletion: 'cascade with the account',
    read: async (db, p) =>
      all(
        await db
          .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
          .from(sessions)
          .where(eq(sessions.userId, p.userId)),
      ),
  }),
  exported({
    key: 'coordinatorOf',
    table: organisationMemberships,
    belongs: 'user_id',
    deletion: 'cascade with the account',
    read: async (db, p) =>
      all(
        await db
          .select({ organisation: organisations.name, role: organisationMemberships.role, since: organisationMemberships.createdAt })
          .from(organisationMemberships)
          .innerJoin(organisations, eq(organisations.id, organisationMemberships.organisationId))
          .where(eq(organisationMemberships.userId, p.userId)),
      ),
  }),
  exported({
    key: 'invitations',
    table: invitations,
    belongs: 'email (invitations to the address), or accepted_by the account; every kind (ADR 022)',
    deletion: 'invitations to the address, and those the account accepted, deleted',
    read: async (db, p) =>
      all(
        await db
          .select({
            kind: invitations.kind,
            organisation: organisations.name,
            network: networks.name,
            academy: academies.name,
            name: invitations.name,
            createdAt: invitations.createdAt,
            expiresAt: invitations.expiresAt,
            acceptedAt: invitations.acceptedAt,
          })
          .from(invitations)
          .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
          .leftJoin(networks, eq(networks.id, invitations.networkId))
          .leftJoin(academies, eq(academies.id, invitations.academyId))
          .where(or(eq(invitations.email, p.email), eq(invitations.acceptedBy, p.userId)))
          .orderBy(invitations.createdAt),
      ),
  }),
  exported({
    key: 'registrations',
    table: registrations,
    within: [sessionAttendance, certificates],
    belongs: 'user_id or email: made with the account, and with its address (before or without logging in)',
    deletion: 'cancelled and anonymised; their attendance stays anonymous, their certificate goes (the code then verifies as unknown)',
    read: async (db, p) => {
      const regs = await db
        .select({ registration: registrations, courseTitle: courses.title })
        .from(registrations)
        .innerJoin(courses, eq(courses.id, registrations.courseId))
        .where(or(eq(registrations.userId, p.userId), eq(registrations.email, p.email)))
        .orderBy(registrations.createdAt);
      const ids = regs.map((r) => r.registration.id);
      const attendance = ids.length ? await db.select().from(sessionAttendance).where(inArray(sessionAttendance.registrationId, ids)) : [];
      const held = ids.length ? await db.select().from(certificates).where(inArray(certificates.registrationId, ids)) : [];
      return regs.map(({ registration: r, courseTitle }) => ({
        id: r.id,
        course: courseTitle,
        name: r.name,
        email: r.email,
        phone: r.phone,
        municipalityCode: r.municipalityCode,
        answers: r.answers,
        accessibilityNeeds: r.accessibilityNeeds,
        accessibilityAids: r.accessibilityAids,
        source: r.source,
        utm: r.utm,
        locale: r.locale,
        privacyVersion: r.privacyVersion,
        consentedAt: iso(r.consentedAt),
        status: r.status,
        /** On site or online: the seat pool of the registration (a hybrid course lets the person choose). */
        pool: r.pool,
        confirmedAt: iso(r.confirmedAt),
        cancelledAt: iso(r.cancelledAt),
        createdAt: iso(r.createdAt),
        attendance: attendance
          .filter((a) => a.registrationId === r.id)
          .map((a) => ({ sessionId: a.sessionId, attended: a.attended, markedAt: iso(a.markedAt) })),
        certificate:
          held
            .filter((c) => c.registrationId === r.id)
            .map((c) => ({
              code: c.code,
              verificationUrl: appLink(`/certificaat/${c.code}`),
              issuedAt: iso(c.issuedAt),
              withdrawnAt: iso(c.withdrawnAt),
            }))[0] ?? null,
      }));
    },
  }),
  exported({
    key: 'pendingSignUps',
    table: signUpRequests,
    belongs: 'email, or the account named in its input (sign-ups waiting for the link in their email, ADR 011)',
    deletion: 'deleted (and by the maintenance job a day after)',
    read: async (db, p) =>
      (
        await db
          .select({ request: signUpRequests, courseTitle: courses.title })
          .from(signUpRequests)
          .innerJoin(courses, eq(courses.id, signUpRequests.courseId))
          .where(or(eq(signUpRequests.email, p.email), sql`${signUpRequests.input}->>'userId' = ${p.userId}`))
      ).map(({ request: r, courseTitle }) => ({
        course: courseTitle,
        email: r.email,
        ...r.input,
        emailedAt: iso(r.emailedAt),
        createdAt: iso(r.createdAt),
      })),
  }),
  exported({
    key: 'mentorProfile',
    table: mentorProfiles,
    within: [networkMentors],
    belongs: 'user_id',
    deletion: 'anonymised, removed from networks',
    read: async (db, p) => {
      const [profile] = await db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, p.userId));
      if (!profile) return null;
      const inNetworks = await db
        .select({ network: networks.name, joinedAt: networkMentors.joinedAt })
        .from(networkMentors)
        .innerJoin(networks, eq(networks.id, networkMentors.networkId))
        .where(eq(networkMentors.mentorProfileId, profile.id));
      return {
        office: profile.office,
        municipalityCode: profile.municipalityCode,
        party: profile.party,
        gender: profile.gender,
        themes: profile.themes,
        languages: profile.languages,
        meetingModes: profile.meetingModes,
        capacity: profile.capacity,
        availability: profile.availability,
        bio: profile.bio,
        phone: profile.phone,
        pausedUntil: profile.pausedUntil,
        completedAt: iso(profile.completedAt),
        networks: all(inNetworks),
      };
    },
  }),
  exported({
    key: 'applications',
    table: menteeApplications,
    belongs: 'user_id',
    deletion: 'withdrawn and anonymised',
    read: async (db, p) =>
      (
        await db
          .select({ application: menteeApplications, network: networks.name })
          .from(menteeApplications)
          .innerJoin(networks, eq(networks.id, menteeApplications.networkId))
          .where(eq(menteeApplications.userId, p.userId))
          .orderBy(menteeApplications.createdAt)
      ).map(({ application: a, network }) => ({
        id: a.id,
        network,
        municipalityCode: a.municipalityCode,
        themes: a.themes,
        goals: a.goals,
        goalsText: a.goalsText,
        party: a.party,
        meetingModes: a.meetingModes,
        languages: a.languages,
        availability: a.availability,
        mustHaves: a.mustHaves,
        accessibilityNeeds: a.accessibilityNeeds,
        answers: a.answers,
        focusGroups: a.focusGroups,
        disability: a.disability,
        phone: a.phone,
        source: a.source,
        utm: a.utm,
        status: a.status,
        withdrawnAt: iso(a.withdrawnAt),
        matchedAt: iso(a.matchedAt),
        createdAt: iso(a.createdAt),
      })),
  }),
  exported({
    key: 'matches',
    table: matches,
    belongs: 'through the person’s application (mentee) or mentor profile (mentor); of the other person only their name',
    deletion: 'ended, free text blanked',
    read: async (db, p) => {
      const mentee = aliasedTable(users, 'mentee_user');
      const mentor = aliasedTable(users, 'mentor_user');
      const rows = await db
        .select({
          id: matches.id,
          network: networks.name,
          status: matches.status,
          menteeUserId: menteeApplications.userId,
          menteeName: mentee.name,
          mentorName: mentor.name,
          proposedAt: matches.proposedAt,
          respondedAt: matches.respondedAt,
          acceptedAt: matches.acceptedAt,
          endedAt: matches.endedAt,
          endedBy: matches.endedBy,
          declineReason: matches.declineReason,
          endReason: matches.endReason,
        })
        .from(matches)
        .innerJoin(networks, eq(networks.id, matches.networkId))
        .innerJoin(menteeApplications, eq(menteeApplications.id, matches.applicationId))
        .innerJoin(mentorProfiles, eq(mentorProfiles.id, matches.mentorProfileId))
        .leftJoin(mentee, eq(mentee.id, menteeApplications.userId))
        .leftJoin(mentor, eq(mentor.id, mentorProfiles.userId))
        .where(matchesOf(p.userId));
      return rows.map((m) => {
        const asMentee = m.menteeUserId === p.userId;
        return {
          id: m.id,
          network: m.network,
          role: asMentee ? 'mentee' : 'mentor',
          otherPerson: (asMentee ? m.mentorName : m.menteeName) ?? null,
          status: m.status,
          proposedAt: iso(m.proposedAt),
          respondedAt: iso(m.respondedAt),
          acceptedAt: iso(m.acceptedAt),
          endedAt: iso(m.endedAt),
          endedBy: m.endedBy,
          declineReason: m.declineReason,
          endReason: m.endReason,
        };
      });
    },
  }),
  exported({
    key: 'checkIns',
    table: checkIns,
    belongs: 'author_user_id (written by the person)',
    deletion: 'notes blanked, author cut',
    read: async (db, p) =>
      all(
        await db
          .select({
            matchId: checkIns.matchId,
            happenedOn: checkIns.happenedOn,
            mode: checkIns.mode,
            note: checkIns.note,
            createdAt: checkIns.createdAt,
          })
          .from(checkIns)
          .where(eq(checkIns.authorUserId, p.userId)),
      ),
  }),
  exported({
    key: 'meetings',
    table: meetings,
    belongs: 'of the person’s matches: when, where, video link, status, who proposed',
    deletion: 'meetings of their matches deleted',
    read: async (db, p) =>
      (
        await db
          .select()
          .from(meetings)
          .where(inArray(meetings.matchId, db.select({ id: matches.id }).from(matches).where(matchesOf(p.userId))))
          .orderBy(meetings.startsAt)
      ).map((m) => ({
        matchId: m.matchId,
        proposedByYou: m.proposedBy === p.userId,
        status: m.status,
        startsAt: iso(m.startsAt),
        durationMinutes: m.durationMinutes,
        place: m.place,
        videoUrl: m.videoUrl,
        createdAt: iso(m.createdAt),
      })),
  }),
  exported({
    key: 'sharedNeeds',
    table: sharedNeeds,
    belongs: 'user_id (what they shared with a mentor, under its consent)',
    deletion: 'cascade with the account',
    read: async (db, p) =>
      all(
        await db
          .select({ matchId: sharedNeeds.matchId, needs: sharedNeeds.needs, other: sharedNeeds.other, sharedAt: sharedNeeds.sharedAt })
          .from(sharedNeeds)
          .where(eq(sharedNeeds.userId, p.userId)),
      ),
  }),
  exported({
    key: 'feedback',
    table: matchFeedback,
    belongs: 'user_id',
    deletion: 'comments blanked, author cut',
    read: async (db, p) =>
      all(
        await db
          .select({
            matchId: matchFeedback.matchId,
            moment: matchFeedback.moment,
            rating: matchFeedback.rating,
            comment: matchFeedback.comment,
            createdAt: matchFeedback.createdAt,
          })
          .from(matchFeedback)
          .where(eq(matchFeedback.userId, p.userId)),
      ),
  }),
  exported({
    key: 'academyApplications',
    table: academyApplications,
    within: [academyCompletions],
    belongs: 'user_id (and the completion of the programme, by application)',
    deletion: 'withdrawn when open, anonymised (answers and special-category data erased); completions deleted',
    read: async (db, p) =>
      (
        await db
          .select({ application: academyApplications, academy: academies.name, completion: academyCompletions })
          .from(academyApplications)
          .innerJoin(academies, eq(academies.id, academyApplications.academyId))
          .leftJoin(academyCompletions, eq(academyCompletions.applicationId, academyApplications.id))
          .where(eq(academyApplications.userId, p.userId))
          .orderBy(academyApplications.createdAt)
      ).map(({ application: a, academy, completion }) => ({
        id: a.id,
        academy,
        municipalityCode: a.municipalityCode,
        motivation: a.motivation,
        experience: a.experience,
        party: a.party,
        noParty: a.noParty,
        availability: a.availability,
        answers: a.answers,
        focusGroups: a.focusGroups,
        disability: a.disability,
        status: a.status,
        // The decision is the person's own once released; a draft is the coordinator's working note.
        decision: ['submitted', 'withdrawn'].includes(a.status) ? null : a.decision,
        decisionReason: a.status === 'declined' ? a.decisionReason : '',
        offerExpiresAt: iso(a.offerExpiresAt),
        respondedAt: iso(a.respondedAt),
        createdAt: iso(a.createdAt),
        updatedAt: iso(a.updatedAt),
        // The programme completed (ADR 018); its module registrations are under `registrations` (source 'academy').
        completion: completion
          ? {
              code: completion.code,
              verificationUrl: appLink(`/certificaat/${completion.code}`),
              modulesAttended: completion.modulesAttended,
              completedAt: iso(completion.completedAt),
            }
          : null,
      })),
  }),
  exported({
    key: 'academyReviewerOf',
    table: academyReviewers,
    belongs: 'user_id',
    deletion: 'cascade with the account',
    read: async (db, p) =>
      all(
        await db
          .select({ academy: academies.name, since: academyReviewers.createdAt })
          .from(academyReviewers)
          .innerJoin(academies, eq(academies.id, academyReviewers.academyId))
          .where(eq(academyReviewers.userId, p.userId)),
      ),
  }),
  exported({
    key: 'academyScoresGiven',
    table: academyScores,
    belongs: 'scorer_id (scores the person gave as a reviewer)',
    deletion: 'note blanked, scorer cut',
    read: async (db, p) =>
      all(
        await db
          .select({
            applicationId: academyScores.applicationId,
            scores: academyScores.scores,
            note: academyScores.note,
            submittedAt: academyScores.submittedAt,
          })
          .from(academyScores)
          .where(eq(academyScores.scorerId, p.userId)),
      ),
  }),
  exported({
    key: 'placements',
    table: placementHosts,
    within: [academyHosts, placementSlots, placementPreferences, placements],
    belongs:
      'user_id of the host profile (its slots, academies and placements hosted), and the person’s academy applications (preferences, placements)',
    deletion: 'preferences deleted, waiting placements discarded; a host profile emptied and out of every academy',
    read: (db, p) => exportPlacementData(db, p.userId),
  }),
  exported({
    key: 'routeProgress',
    table: matchRouteProgress,
    belongs: 'updated_by (steps ticked and notes written by the person, issue 17)',
    deletion: 'notes blanked, author cut',
    read: async (db, p) =>
      all(
        await db
          .select({
            matchId: matchRouteProgress.matchId,
            step: networkRouteSteps.titleNl,
            doneOn: matchRouteProgress.doneOn,
            note: matchRouteProgress.note,
            updatedAt: matchRouteProgress.updatedAt,
          })
          .from(matchRouteProgress)
          .innerJoin(networkRouteSteps, eq(networkRouteSteps.id, matchRouteProgress.stepId))
          .where(eq(matchRouteProgress.updatedBy, p.userId)),
      ),
  }),
  exported({
    key: 'consents',
    table: consents,
    belongs: 'user_id',
    deletion: 'cascade with the account',
    read: async (db, p) =>
      all(
        await db
          .select({
            purpose: consents.purpose,
            subject: consents.subject,
            textVersion: consents.textVersion,
            givenAt: consents.givenAt,
            withdrawnAt: consents.withdrawnAt,
          })
          .from(consents)
          .where(eq(consents.userId, p.userId))
          .orderBy(consents.givenAt),
      ),
  }),
  exported({
    key: 'candidacyOutcomes',
    table: candidacyOutcomes,
    belongs: 'user_id',
    deletion: 'cascade with the account',
    read: async (db, p) =>
      all(
        await db
          .select({
            electionId: candidacyOutcomes.electionId,
            onList: candidacyOutcomes.onList,
            elected: candidacyOutcomes.elected,
            answeredAt: candidacyOutcomes.answeredAt,
          })
          .from(candidacyOutcomes)
          .where(eq(candidacyOutcomes.userId, p.userId)),
      ),
  }),
  exported({
    key: 'emailPreferences',
    table: emailPreferences,
    belongs: 'email',
    deletion: 'deleted',
    read: async (db, p) =>
      (
        await db
          .select({
            reminders: emailPreferences.reminders,
            followUps: emailPreferences.followUps,
            outcomes: emailPreferences.outcomes,
            news: emailPreferences.news,
          })
          .from(emailPreferences)
          .where(eq(emailPreferences.email, p.email))
      )[0] ?? null,
  }),
  exported({
    key: 'emailSuppression',
    table: emailSuppressions,
    belongs: 'email',
    deletion: 'deleted',
    read: async (db, p) =>
      (
        await db
          .select({ reason: emailSuppressions.reason, since: emailSuppressions.createdAt })
          .from(emailSuppressions)
          .where(eq(emailSuppressions.email, p.email))
      ).map(isoDates)[0] ?? null,
  }),
  exported({
    key: 'emails',
    table: emailMessages,
    belongs: 'user_id or recipient (the address, or its digest in the reduced log)',
    deletion: 'deleted; bodies of others’ mail naming them blanked',
    read: async (db, p) =>
      all(
        await db
          .select({
            template: emailMessages.template,
            subject: emailMessages.subject,
            status: emailMessages.status,
            createdAt: emailMessages.createdAt,
            sentAt: emailMessages.sentAt,
            text: emailMessages.textBody,
          })
          .from(emailMessages)
          .where(
            or(
              eq(emailMessages.userId, p.userId),
              eq(emailMessages.recipient, p.email),
              eq(emailMessages.recipient, emailLogDigest(p.email)),
            ),
          )
          .orderBy(emailMessages.createdAt),
      ),
  }),
  exported({
    key: 'specialDataAccess',
    table: auditEvents,
    belongs: 'subject_user_id (who read or changed special-category data)',
    deletion: 'subject cut, detail removed',
    read: async (db, p) => all(await specialDataAccess(db, p.userId)),
  }),
] as const;

/** Tables with a reference to a person that the export leaves out, each with the reason. */
export const notExported: { table: PgTable; reason: string; deletion: string }[] = [
  { table: verificationTokens, reason: 'hashed single-use tokens', deletion: 'cascade with the account' },
  { table: rateLimits, reason: 'short-lived counters', deletion: 'keys with the address deleted' },
  { table: organisations, reason: 'contact_email is the organisation’s own address', deletion: 'not personal data of the person' },
  { table: courses, reason: 'created_by only names the coordinator who made it', deletion: 'created_by set null' },
  { table: networks, reason: 'created_by only names the coordinator who made it', deletion: 'created_by set null' },
  { table: matchingRuns, reason: 'started_by only names the coordinator', deletion: 'started_by set null' },
  { table: pairRules, reason: 'created_by only names the coordinator', deletion: 'created_by set null' },
  { table: academies, reason: 'the academy’s call, no personal data', deletion: 'not personal data of the person' },
  { table: placementRuns, reason: 'started_by only names the coordinator', deletion: 'started_by set null' },
  { table: placementRules, reason: 'created_by only names the coordinator', deletion: 'created_by set null' },
];
