import { aliasedTable, and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
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
import { byEmail, byUser, eitherOf, exported, nestedList, nestedOne, onePart, orNull, rowsPart, selectRows } from './export-parts.server';

/*
 * Every table that can hold personal data, and what the export and account deletion do with it
 * (ADR 009, issue #14). `exportPersonalData` runs `exportedTables` in order, one key of the JSON per
 * entry. Each entry is a description, read by `export-parts.server.ts`: the table, how the person's
 * rows are found (by user id, by address, through a join), the columns with their names in the JSON,
 * the values withheld, and the rows of other tables shown inside. `personal-data.test.ts` reads the
 * Drizzle schema and fails for a table with a column that references `users` (or is named `email`,
 * `*_email`, `user_id`, `*_user_id`, `recipient`) that is in neither list. A new table with personal
 * data is one entry here: in `exportedTables` (its key, how its rows belong to the person, what
 * deletion does, and what it reads) or in `notExported` with the reason. The same two lists drive the deletion test's scan
 * (`deletion.server.test.ts` through `test/privacy.ts`): it looks for the person's strings in every
 * text column of these tables after deletion, and checks that no other table held them before.
 */

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

/** Where a certificate or a programme completion is checked by anyone holding its code. */
const verificationUrl = (code: string) => appLink(`/certificaat/${code}`);

const actor = aliasedTable(users, 'actor');
/** Who (other than the person) read or changed their special-category data, newest first. */
const accessQuery = {
  from: auditEvents,
  columns: {
    at: auditEvents.at,
    action: auditEvents.action,
    entity: auditEvents.entity,
    actor: orNull(actor.name),
    organisation: orNull(organisations.name),
  },
  joins: [
    { table: actor, on: eq(actor.id, auditEvents.actorUserId), left: true },
    { table: organisations, on: eq(organisations.id, auditEvents.organisationId), left: true },
  ],
  orderBy: [desc(auditEvents.at)],
};

/** The same for `/account/privacy`, with dates as they are. */
export function specialDataAccess(db: Db, userId: string, limit = 500) {
  return selectRows(db, accessQuery, eq(auditEvents.subjectUserId, userId), limit);
}

const menteeUser = aliasedTable(users, 'mentee_user');
const mentorUser = aliasedTable(users, 'mentor_user');

/** The parts of the export, in the order of its JSON. */
export const exportedTables = [
  onePart({
    key: 'account',
    table: users,
    belongs: 'the account itself',
    deletion: 'row deleted',
    whose: (p) => eq(users.id, p.userId),
    columns: {
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      // Whether there is a password, never its hash.
      hasPassword: sql<boolean>`coalesce(${users.passwordHash}, '') <> ''`,
      emailVerifiedAt: users.emailVerifiedAt,
      isAdmin: users.isAdmin,
      lastLoginAt: users.lastLoginAt,
      retentionWarnedAt: users.retentionWarnedAt,
      createdAt: users.createdAt,
    },
  }),
  rowsPart({
    key: 'sessions',
    table: sessions,
    belongs: 'user_id (times only)',
    deletion: 'cascade with the account',
    whose: byUser(sessions.userId),
    columns: { createdAt: sessions.createdAt, expiresAt: sessions.expiresAt },
  }),
  rowsPart({
    key: 'coordinatorOf',
    table: organisationMemberships,
    belongs: 'user_id',
    deletion: 'cascade with the account',
    whose: byUser(organisationMemberships.userId),
    columns: { organisation: organisations.name, role: organisationMemberships.role, since: organisationMemberships.createdAt },
    joins: [{ table: organisations, on: eq(organisations.id, organisationMemberships.organisationId) }],
  }),
  rowsPart({
    key: 'invitations',
    table: invitations,
    belongs: 'email (invitations to the address), or accepted_by the account; every kind (ADR 022)',
    deletion: 'invitations to the address, and those the account accepted, deleted',
    whose: eitherOf(byEmail(invitations.email), byUser(invitations.acceptedBy)),
    columns: {
      kind: invitations.kind,
      organisation: orNull(organisations.name),
      network: orNull(networks.name),
      academy: orNull(academies.name),
      name: invitations.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
    },
    joins: [
      { table: organisations, on: eq(organisations.id, invitations.organisationId), left: true },
      { table: networks, on: eq(networks.id, invitations.networkId), left: true },
      { table: academies, on: eq(academies.id, invitations.academyId), left: true },
    ],
    orderBy: [invitations.createdAt],
  }),
  rowsPart({
    key: 'registrations',
    table: registrations,
    within: [sessionAttendance, certificates],
    belongs: 'user_id or email: made with the account, and with its address (before or without logging in)',
    deletion: 'cancelled and anonymised; their attendance stays anonymous, their certificate goes (the code then verifies as unknown)',
    whose: eitherOf(byUser(registrations.userId), byEmail(registrations.email)),
    columns: {
      id: registrations.id,
      course: courses.title,
      name: registrations.name,
      email: registrations.email,
      phone: registrations.phone,
      municipalityCode: registrations.municipalityCode,
      answers: registrations.answers,
      accessibilityNeeds: registrations.accessibilityNeeds,
      accessibilityAids: registrations.accessibilityAids,
      source: registrations.source,
      utm: registrations.utm,
      locale: registrations.locale,
      privacyVersion: registrations.privacyVersion,
      consentedAt: registrations.consentedAt,
      status: registrations.status,
      /** On site or online: the seat pool of the registration (a hybrid course lets the person choose). */
      pool: registrations.pool,
      confirmedAt: registrations.confirmedAt,
      cancelledAt: registrations.cancelledAt,
      createdAt: registrations.createdAt,
    },
    joins: [{ table: courses, on: eq(courses.id, registrations.courseId) }],
    orderBy: [registrations.createdAt],
    id: registrations.id,
    nested: {
      attendance: nestedList(sessionAttendance.registrationId, {
        columns: { sessionId: sessionAttendance.sessionId, attended: sessionAttendance.attended, markedAt: sessionAttendance.markedAt },
      }),
      certificate: nestedOne(certificates.registrationId, {
        columns: { code: certificates.code, issuedAt: certificates.issuedAt, withdrawnAt: certificates.withdrawnAt },
        present: ({ code, ...c }) => ({ code, verificationUrl: verificationUrl(code), ...c }),
      }),
    },
  }),
  rowsPart({
    key: 'pendingSignUps',
    table: signUpRequests,
    belongs: 'email, or the account named in its input (sign-ups waiting for the link in their email, ADR 011)',
    deletion: 'deleted (and by the maintenance job a day after)',
    whose: eitherOf(byEmail(signUpRequests.email), (p) => sql`${signUpRequests.input}->>'userId' = ${p.userId}`),
    columns: {
      course: courses.title,
      email: signUpRequests.email,
      input: signUpRequests.input,
      emailedAt: signUpRequests.emailedAt,
      createdAt: signUpRequests.createdAt,
    },
    joins: [{ table: courses, on: eq(courses.id, signUpRequests.courseId) }],
    // The form as it was sent, among the request's own fields.
    present: ({ course, email, input, emailedAt, createdAt }) => ({ course, email, ...input, emailedAt, createdAt }),
  }),
  onePart({
    key: 'mentorProfile',
    table: mentorProfiles,
    within: [networkMentors],
    belongs: 'user_id',
    deletion: 'anonymised, removed from networks',
    whose: byUser(mentorProfiles.userId),
    columns: {
      office: mentorProfiles.office,
      municipalityCode: mentorProfiles.municipalityCode,
      party: mentorProfiles.party,
      gender: mentorProfiles.gender,
      themes: mentorProfiles.themes,
      languages: mentorProfiles.languages,
      meetingModes: mentorProfiles.meetingModes,
      capacity: mentorProfiles.capacity,
      availability: mentorProfiles.availability,
      bio: mentorProfiles.bio,
      phone: mentorProfiles.phone,
      pausedUntil: mentorProfiles.pausedUntil,
      completedAt: mentorProfiles.completedAt,
    },
    id: mentorProfiles.id,
    nested: {
      networks: nestedList(networkMentors.mentorProfileId, {
        columns: { network: networks.name, joinedAt: networkMentors.joinedAt },
        joins: [{ table: networks, on: eq(networks.id, networkMentors.networkId) }],
      }),
    },
  }),
  rowsPart({
    key: 'applications',
    table: menteeApplications,
    belongs: 'user_id',
    deletion: 'withdrawn and anonymised',
    whose: byUser(menteeApplications.userId),
    columns: {
      id: menteeApplications.id,
      network: networks.name,
      municipalityCode: menteeApplications.municipalityCode,
      themes: menteeApplications.themes,
      goals: menteeApplications.goals,
      goalsText: menteeApplications.goalsText,
      party: menteeApplications.party,
      meetingModes: menteeApplications.meetingModes,
      languages: menteeApplications.languages,
      availability: menteeApplications.availability,
      mustHaves: menteeApplications.mustHaves,
      accessibilityNeeds: menteeApplications.accessibilityNeeds,
      answers: menteeApplications.answers,
      focusGroups: menteeApplications.focusGroups,
      disability: menteeApplications.disability,
      phone: menteeApplications.phone,
      source: menteeApplications.source,
      utm: menteeApplications.utm,
      status: menteeApplications.status,
      withdrawnAt: menteeApplications.withdrawnAt,
      matchedAt: menteeApplications.matchedAt,
      createdAt: menteeApplications.createdAt,
    },
    joins: [{ table: networks, on: eq(networks.id, menteeApplications.networkId) }],
    orderBy: [menteeApplications.createdAt],
  }),
  rowsPart({
    key: 'matches',
    table: matches,
    belongs: 'through the person’s application (mentee) or mentor profile (mentor); of the other person only their name',
    deletion: 'ended, free text blanked',
    whose: (p) => matchesOf(p.userId),
    columns: {
      id: matches.id,
      network: networks.name,
      status: matches.status,
      menteeUserId: menteeApplications.userId,
      menteeName: orNull(menteeUser.name),
      mentorName: orNull(mentorUser.name),
      proposedAt: matches.proposedAt,
      respondedAt: matches.respondedAt,
      acceptedAt: matches.acceptedAt,
      endedAt: matches.endedAt,
      endedBy: matches.endedBy,
      declineReason: matches.declineReason,
      endReason: matches.endReason,
    },
    joins: [
      { table: networks, on: eq(networks.id, matches.networkId) },
      { table: menteeApplications, on: eq(menteeApplications.id, matches.applicationId) },
      { table: mentorProfiles, on: eq(mentorProfiles.id, matches.mentorProfileId) },
      { table: menteeUser, on: eq(menteeUser.id, menteeApplications.userId), left: true },
      { table: mentorUser, on: eq(mentorUser.id, mentorProfiles.userId), left: true },
    ],
    // Their role, and of the other person only the name.
    present: ({ id, network, status, menteeUserId, menteeName, mentorName, ...times }, p) => {
      const asMentee = menteeUserId === p.userId;
      return {
        id,
        network,
        role: asMentee ? 'mentee' : 'mentor',
        otherPerson: (asMentee ? mentorName : menteeName) ?? null,
        status,
        ...times,
      };
    },
  }),
  rowsPart({
    key: 'checkIns',
    table: checkIns,
    belongs: 'author_user_id (written by the person)',
    deletion: 'notes blanked, author cut',
    whose: byUser(checkIns.authorUserId),
    columns: {
      matchId: checkIns.matchId,
      happenedOn: checkIns.happenedOn,
      mode: checkIns.mode,
      note: checkIns.note,
      createdAt: checkIns.createdAt,
    },
  }),
  rowsPart({
    key: 'meetings',
    table: meetings,
    belongs: 'of the person’s matches: when, where, video link, status, who proposed',
    deletion: 'meetings of their matches deleted',
    whose: (p) => inArray(meetings.matchId, sql`(select ${matches.id} from ${matches} where ${matchesOf(p.userId)})`),
    columns: {
      matchId: meetings.matchId,
      proposedBy: meetings.proposedBy,
      status: meetings.status,
      startsAt: meetings.startsAt,
      durationMinutes: meetings.durationMinutes,
      place: meetings.place,
      videoUrl: meetings.videoUrl,
      createdAt: meetings.createdAt,
    },
    orderBy: [meetings.startsAt],
    // Whether they proposed it; the other person stays unnamed here.
    present: ({ matchId, proposedBy, ...m }, p) => ({ matchId, proposedByYou: proposedBy === p.userId, ...m }),
  }),
  rowsPart({
    key: 'sharedNeeds',
    table: sharedNeeds,
    belongs: 'user_id (what they shared with a mentor, under its consent)',
    deletion: 'cascade with the account',
    whose: byUser(sharedNeeds.userId),
    columns: { matchId: sharedNeeds.matchId, needs: sharedNeeds.needs, other: sharedNeeds.other, sharedAt: sharedNeeds.sharedAt },
  }),
  rowsPart({
    key: 'feedback',
    table: matchFeedback,
    belongs: 'user_id',
    deletion: 'comments blanked, author cut',
    whose: byUser(matchFeedback.userId),
    columns: {
      matchId: matchFeedback.matchId,
      moment: matchFeedback.moment,
      rating: matchFeedback.rating,
      comment: matchFeedback.comment,
      createdAt: matchFeedback.createdAt,
    },
  }),
  rowsPart({
    key: 'academyApplications',
    table: academyApplications,
    within: [academyCompletions],
    belongs: 'user_id (and the completion of the programme, by application)',
    deletion: 'withdrawn when open, anonymised (answers and special-category data erased); completions deleted',
    whose: byUser(academyApplications.userId),
    columns: {
      id: academyApplications.id,
      academy: academies.name,
      municipalityCode: academyApplications.municipalityCode,
      motivation: academyApplications.motivation,
      experience: academyApplications.experience,
      party: academyApplications.party,
      noParty: academyApplications.noParty,
      availability: academyApplications.availability,
      answers: academyApplications.answers,
      focusGroups: academyApplications.focusGroups,
      disability: academyApplications.disability,
      status: academyApplications.status,
      decision: academyApplications.decision,
      decisionReason: academyApplications.decisionReason,
      offerExpiresAt: academyApplications.offerExpiresAt,
      respondedAt: academyApplications.respondedAt,
      createdAt: academyApplications.createdAt,
      updatedAt: academyApplications.updatedAt,
    },
    joins: [{ table: academies, on: eq(academies.id, academyApplications.academyId) }],
    orderBy: [academyApplications.createdAt],
    // The decision is the person's own once released; a draft is the coordinator's working note.
    withheld: {
      decision: (a) => (['submitted', 'withdrawn'].includes(a.status) ? null : a.decision),
      decisionReason: (a) => (a.status === 'declined' ? a.decisionReason : ''),
    },
    id: academyApplications.id,
    nested: {
      // The programme completed (ADR 018); its module registrations are under `registrations` (source 'academy').
      completion: nestedOne(academyCompletions.applicationId, {
        columns: {
          code: academyCompletions.code,
          modulesAttended: academyCompletions.modulesAttended,
          completedAt: academyCompletions.completedAt,
        },
        present: ({ code, ...c }) => ({ code, verificationUrl: verificationUrl(code), ...c }),
      }),
    },
  }),
  rowsPart({
    key: 'academyReviewerOf',
    table: academyReviewers,
    belongs: 'user_id',
    deletion: 'cascade with the account',
    whose: byUser(academyReviewers.userId),
    columns: { academy: academies.name, since: academyReviewers.createdAt },
    joins: [{ table: academies, on: eq(academies.id, academyReviewers.academyId) }],
  }),
  rowsPart({
    key: 'academyScoresGiven',
    table: academyScores,
    belongs: 'scorer_id (scores the person gave as a reviewer)',
    deletion: 'note blanked, scorer cut',
    whose: byUser(academyScores.scorerId),
    columns: {
      applicationId: academyScores.applicationId,
      scores: academyScores.scores,
      note: academyScores.note,
      submittedAt: academyScores.submittedAt,
    },
  }),
  // Read by the placements module, which holds the rules of who sees which placement.
  exported({
    key: 'placements',
    table: placementHosts,
    within: [academyHosts, placementSlots, placementPreferences, placements],
    belongs:
      'user_id of the host profile (its slots, academies and placements hosted), and the person’s academy applications (preferences, placements)',
    deletion: 'preferences deleted, waiting placements discarded; a host profile emptied and out of every academy',
    read: (db, p) => exportPlacementData(db, p.userId),
  }),
  rowsPart({
    key: 'routeProgress',
    table: matchRouteProgress,
    belongs: 'updated_by (steps ticked and notes written by the person, issue 17)',
    deletion: 'notes blanked, author cut',
    whose: byUser(matchRouteProgress.updatedBy),
    columns: {
      matchId: matchRouteProgress.matchId,
      step: networkRouteSteps.titleNl,
      doneOn: matchRouteProgress.doneOn,
      note: matchRouteProgress.note,
      updatedAt: matchRouteProgress.updatedAt,
    },
    joins: [{ table: networkRouteSteps, on: eq(networkRouteSteps.id, matchRouteProgress.stepId) }],
  }),
  rowsPart({
    key: 'consents',
    table: consents,
    belongs: 'user_id',
    deletion: 'cascade with the account',
    whose: byUser(consents.userId),
    columns: {
      purpose: consents.purpose,
      subject: consents.subject,
      textVersion: consents.textVersion,
      givenAt: consents.givenAt,
      withdrawnAt: consents.withdrawnAt,
    },
    orderBy: [consents.givenAt],
  }),
  rowsPart({
    key: 'candidacyOutcomes',
    table: candidacyOutcomes,
    belongs: 'user_id',
    deletion: 'cascade with the account',
    whose: byUser(candidacyOutcomes.userId),
    columns: {
      electionId: candidacyOutcomes.electionId,
      onList: candidacyOutcomes.onList,
      elected: candidacyOutcomes.elected,
      answeredAt: candidacyOutcomes.answeredAt,
    },
  }),
  onePart({
    key: 'emailPreferences',
    table: emailPreferences,
    belongs: 'email',
    deletion: 'deleted',
    whose: byEmail(emailPreferences.email),
    columns: {
      reminders: emailPreferences.reminders,
      followUps: emailPreferences.followUps,
      outcomes: emailPreferences.outcomes,
      news: emailPreferences.news,
    },
  }),
  onePart({
    key: 'emailSuppression',
    table: emailSuppressions,
    belongs: 'email',
    deletion: 'deleted',
    whose: byEmail(emailSuppressions.email),
    columns: { reason: emailSuppressions.reason, since: emailSuppressions.createdAt },
  }),
  rowsPart({
    key: 'emails',
    table: emailMessages,
    belongs: 'user_id or recipient (the address, or its digest in the reduced log)',
    deletion: 'deleted; bodies of others’ mail naming them blanked',
    whose: eitherOf(byUser(emailMessages.userId), byEmail(emailMessages.recipient), (p) =>
      eq(emailMessages.recipient, emailLogDigest(p.email)),
    ),
    columns: {
      template: emailMessages.template,
      subject: emailMessages.subject,
      status: emailMessages.status,
      createdAt: emailMessages.createdAt,
      sentAt: emailMessages.sentAt,
      text: emailMessages.textBody,
    },
    orderBy: [emailMessages.createdAt],
  }),
  rowsPart({
    key: 'specialDataAccess',
    table: auditEvents,
    belongs: 'subject_user_id (who read or changed special-category data)',
    deletion: 'subject cut, detail removed',
    whose: byUser(auditEvents.subjectUserId),
    ...accessQuery,
    limit: 500,
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
