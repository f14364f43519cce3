import { matchRouteProgress, networkRouteSteps } from '~db/schema/route';
import { aliasedTable, and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { auditEvents, candidacyOutcomes, consents, emailPreferences, emailSuppressions } from '~db/schema/privacy';
import {
  checkIns,
  matches,
  matchFeedback,
  meetings,
  menteeApplications,
  mentorInvitations,
  mentorProfiles,
  networkMentors,
  networks,
  sharedNeeds,
} from '~db/schema/mentoring';
import { academies, coordinatorInvitations, organisationMemberships, organisations } from '~db/schema/organisations';
import { academyApplications, academyCompletions, academyReviewerInvitations, academyReviewers, academyScores } from '~db/schema/academies';
import { courses, certificates, registrations, sessionAttendance, signUpRequests } from '~db/schema/courses';
import { emailMessages } from '~db/schema/email';
import { sessions, users } from '~db/schema/accounts';
import { now } from '../clock.server';
import { normalizeEmail } from '../auth/accounts.server';
import { emailLogDigest } from './email-log.server';
import { appLink } from '~/modules/http.server';

/**
 * How every table that can hold personal data is handled, for the export (`export`) and for
 * deletion (`deletion`). `export.server.test.ts` reads the database's catalogue and fails for any
 * table with a reference to `users` or a column named like `email`/`user_id` that is missing here:
 * a new table must be handled before its tests pass.
 */
export const personalDataTables: Record<string, { export: string; deletion: string }> = {
  users: { export: 'account', deletion: 'row deleted' },
  sessions: { export: 'sessions (times only)', deletion: 'cascade with the account' },
  verification_tokens: { export: 'not exported: hashed single-use tokens', deletion: 'cascade with the account' },
  rate_limits: { export: 'not exported: short-lived counters', deletion: 'keys with the address deleted' },
  organisation_memberships: { export: 'coordinatorOf', deletion: 'cascade with the account' },
  coordinator_invitations: { export: 'coordinatorInvitations', deletion: 'invitations to the address deleted' },
  organisations: {
    export: 'not exported: contact_email is the organisation’s own address',
    deletion: 'not personal data of the person',
  },
  courses: { export: 'not exported: created_by only names the coordinator who made it', deletion: 'created_by set null' },
  networks: { export: 'not exported: created_by only names the coordinator who made it', deletion: 'created_by set null' },
  matching_runs: { export: 'not exported: started_by only names the coordinator', deletion: 'started_by set null' },
  pair_rules: { export: 'not exported: created_by only names the coordinator', deletion: 'created_by set null' },
  registrations: { export: 'registrations (by account and by address, with answers and attendance)', deletion: 'cancelled and anonymised' },
  sign_up_requests: {
    export: 'pendingSignUps (sign-ups not confirmed yet, by address and by account)',
    deletion: 'deleted (and by the maintenance job a day after)',
  },
  mentor_profiles: { export: 'mentorProfile', deletion: 'anonymised, removed from networks' },
  mentor_invitations: { export: 'mentorInvitations', deletion: 'invitations to the address deleted' },
  mentee_applications: { export: 'applications', deletion: 'withdrawn and anonymised' },
  matches: { export: 'matches (without the other person’s data beyond their name)', deletion: 'ended, free text blanked' },
  check_ins: { export: 'checkIns (written by the person)', deletion: 'notes blanked, author cut' },
  match_feedback: { export: 'feedback', deletion: 'comments blanked, author cut' },
  match_route_progress: { export: 'routeProgress (steps ticked and notes written by the person)', deletion: 'notes blanked, author cut' },
  consents: { export: 'consents', deletion: 'cascade with the account' },
  meetings: {
    export: 'meetings (of the person’s matches: when, where, video link, status, who proposed)',
    deletion: 'meetings of their matches deleted',
  },
  shared_needs: { export: 'sharedNeeds (what they shared with a mentor, under its consent)', deletion: 'cascade with the account' },
  audit_events: { export: 'specialDataAccess (who read or changed special-category data)', deletion: 'subject cut, detail removed' },
  email_preferences: { export: 'emailPreferences', deletion: 'deleted' },
  email_suppressions: { export: 'emailSuppression', deletion: 'deleted' },
  email_messages: { export: 'emails (sent to the person)', deletion: 'deleted; bodies of others’ mail naming them blanked' },
  candidacy_outcomes: { export: 'candidacyOutcomes', deletion: 'cascade with the account' },
  academies: { export: 'not exported: the academy’s call, no personal data', deletion: 'not personal data of the person' },
  academy_applications: {
    export: 'academyApplications',
    deletion: 'withdrawn when open, anonymised (answers and special-category data erased)',
  },
  academy_reviewers: { export: 'academyReviewerOf', deletion: 'cascade with the account' },
  academy_reviewer_invitations: { export: 'academyReviewerInvitations', deletion: 'invitations to the address deleted' },
  academy_scores: { export: 'academyScoresGiven (scores the person gave as a reviewer)', deletion: 'note blanked, scorer cut' },
  academy_completions: {
    export: 'academyApplications[].completion (code, verification link, modules attended, completed at)',
    deletion: 'deleted with the account (the code then verifies as unknown)',
  },
  certificates: {
    export: 'registrations[].certificate (code, verification link, issued and withdrawn)',
    deletion: 'deleted when the registration is anonymised (the code then verifies as unknown)',
  },
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Everything held about a person, as one JSON-serialisable object (GDPR art. 15 and 20). */
export async function exportPersonalData(db: Db, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const email = normalizeEmail(user.email);

  const mySessions = await db
    .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.userId, userId));

  const coordinatorOf = await db
    .select({ organisation: organisations.name, role: organisationMemberships.role, since: organisationMemberships.createdAt })
    .from(organisationMemberships)
    .innerJoin(organisations, eq(organisations.id, organisationMemberships.organisationId))
    .where(eq(organisationMemberships.userId, userId));

  const coordinatorInvites = await db
    .select({
      organisation: organisations.name,
      createdAt: coordinatorInvitations.createdAt,
      acceptedAt: coordinatorInvitations.acceptedAt,
    })
    .from(coordinatorInvitations)
    .innerJoin(organisations, eq(organisations.id, coordinatorInvitations.organisationId))
    .where(eq(coordinatorInvitations.email, email));

  // Registrations made with the account, and those made with its address (before or without login).
  const regs = await db
    .select({ registration: registrations, courseTitle: courses.title })
    .from(registrations)
    .innerJoin(courses, eq(courses.id, registrations.courseId))
    .where(or(eq(registrations.userId, userId), eq(registrations.email, email)))
    .orderBy(registrations.createdAt);
  const attendance = regs.length
    ? await db
        .select()
        .from(sessionAttendance)
        .where(
          inArray(
            sessionAttendance.registrationId,
            regs.map((r) => r.registration.id),
          ),
        )
    : [];
  const certificatesHeld = regs.length
    ? await db
        .select()
        .from(certificates)
        .where(
          inArray(
            certificates.registrationId,
            regs.map((r) => r.registration.id),
          ),
        )
    : [];

  const [profile] = await db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, userId));
  const profileNetworks = profile
    ? await db
        .select({ network: networks.name, joinedAt: networkMentors.joinedAt })
        .from(networkMentors)
        .innerJoin(networks, eq(networks.id, networkMentors.networkId))
        .where(eq(networkMentors.mentorProfileId, profile.id))
    : [];
  const mentorInvites = await db
    .select({
      network: networks.name,
      name: mentorInvitations.name,
      createdAt: mentorInvitations.createdAt,
      acceptedAt: mentorInvitations.acceptedAt,
    })
    .from(mentorInvitations)
    .innerJoin(networks, eq(networks.id, mentorInvitations.networkId))
    .where(or(eq(mentorInvitations.email, email), eq(mentorInvitations.acceptedBy, userId)));

  const applications = await db
    .select({ application: menteeApplications, network: networks.name })
    .from(menteeApplications)
    .innerJoin(networks, eq(networks.id, menteeApplications.networkId))
    .where(eq(menteeApplications.userId, userId))
    .orderBy(menteeApplications.createdAt);

  // Matches in either role. Of the other person only their name: never their special-category data.
  const mentee = aliasedTable(users, 'mentee_user');
  const mentor = aliasedTable(users, 'mentor_user');
  const myMatches = await db
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
    .where(
      and(
        // The person's matches found from each side on its own index (an OR across the two joined
        // tables would make PostgreSQL read every match and application).
        inArray(
          matches.id,
          sql`(select m.id from ${matches} m join ${menteeApplications} a on a.id = m.application_id where a.user_id = ${userId}
               union select m.id from ${matches} m join ${mentorProfiles} p on p.id = m.mentor_profile_id where p.user_id = ${userId})`,
        ),
        // Drafts in a coordinator's run were never shown to anyone.
        inArray(matches.status, ['proposed', 'declined', 'expired', 'active', 'completed', 'ended']),
      ),
    );

  const myCheckIns = await db
    .select({
      matchId: checkIns.matchId,
      happenedOn: checkIns.happenedOn,
      mode: checkIns.mode,
      note: checkIns.note,
      createdAt: checkIns.createdAt,
    })
    .from(checkIns)
    .where(eq(checkIns.authorUserId, userId));
  const myFeedback = await db
    .select({
      matchId: matchFeedback.matchId,
      moment: matchFeedback.moment,
      rating: matchFeedback.rating,
      comment: matchFeedback.comment,
      createdAt: matchFeedback.createdAt,
    })
    .from(matchFeedback)
    .where(eq(matchFeedback.userId, userId));
  // The candidacy route: steps the person ticked and the notes they wrote (issue 17).
  const myRouteProgress = await db
    .select({
      matchId: matchRouteProgress.matchId,
      step: networkRouteSteps.titleNl,
      doneOn: matchRouteProgress.doneOn,
      note: matchRouteProgress.note,
      updatedAt: matchRouteProgress.updatedAt,
    })
    .from(matchRouteProgress)
    .innerJoin(networkRouteSteps, eq(networkRouteSteps.id, matchRouteProgress.stepId))
    .where(eq(matchRouteProgress.updatedBy, userId));

  const myMeetings = myMatches.length
    ? await db
        .select()
        .from(meetings)
        .where(
          inArray(
            meetings.matchId,
            myMatches.map((m) => m.id),
          ),
        )
        .orderBy(meetings.startsAt)
    : [];
  const myNeeds = await db.select().from(sharedNeeds).where(eq(sharedNeeds.userId, userId));
  const academyRows = await db
    .select({ application: academyApplications, academy: academies.name, completion: academyCompletions })
    .from(academyApplications)
    .innerJoin(academies, eq(academies.id, academyApplications.academyId))
    .leftJoin(academyCompletions, eq(academyCompletions.applicationId, academyApplications.id))
    .where(eq(academyApplications.userId, userId))
    .orderBy(academyApplications.createdAt);
  const reviewerOf = await db
    .select({ academy: academies.name, since: academyReviewers.createdAt })
    .from(academyReviewers)
    .innerJoin(academies, eq(academies.id, academyReviewers.academyId))
    .where(eq(academyReviewers.userId, userId));
  const reviewerInvites = await db
    .select({ academy: academies.name, createdAt: academyReviewerInvitations.createdAt, acceptedAt: academyReviewerInvitations.acceptedAt })
    .from(academyReviewerInvitations)
    .innerJoin(academies, eq(academies.id, academyReviewerInvitations.academyId))
    .where(or(eq(academyReviewerInvitations.email, email), eq(academyReviewerInvitations.acceptedBy, userId)));
  const scoresGiven = await db
    .select({
      applicationId: academyScores.applicationId,
      scores: academyScores.scores,
      note: academyScores.note,
      submittedAt: academyScores.submittedAt,
    })
    .from(academyScores)
    .where(eq(academyScores.scorerId, userId));

  const myConsents = await db.select().from(consents).where(eq(consents.userId, userId)).orderBy(consents.givenAt);
  const outcomes = await db.select().from(candidacyOutcomes).where(eq(candidacyOutcomes.userId, userId));
  const [preferences] = await db.select().from(emailPreferences).where(eq(emailPreferences.email, email));
  const [suppression] = await db.select().from(emailSuppressions).where(eq(emailSuppressions.email, email));
  const emails = await db
    .select({
      template: emailMessages.template,
      subject: emailMessages.subject,
      status: emailMessages.status,
      createdAt: emailMessages.createdAt,
      sentAt: emailMessages.sentAt,
      text: emailMessages.textBody,
    })
    .from(emailMessages)
    .where(or(eq(emailMessages.userId, userId), eq(emailMessages.recipient, email), eq(emailMessages.recipient, emailLogDigest(email))))
    .orderBy(emailMessages.createdAt);

  const access = await specialDataAccess(db, userId);

  // Sign-ups waiting for the link in their email (ADR 011): at most a day old.
  const pending = await db
    .select({ request: signUpRequests, courseTitle: courses.title })
    .from(signUpRequests)
    .innerJoin(courses, eq(courses.id, signUpRequests.courseId))
    .where(or(eq(signUpRequests.email, email), sql`${signUpRequests.input}->>'userId' = ${userId}`));

  return {
    exportedAt: now().toISOString(),
    account: {
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
    },
    sessions: mySessions.map((s) => ({ createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt) })),
    coordinatorOf: coordinatorOf.map((c) => ({ ...c, since: iso(c.since) })),
    coordinatorInvitations: coordinatorInvites.map((c) => ({ ...c, createdAt: iso(c.createdAt), acceptedAt: iso(c.acceptedAt) })),
    registrations: regs.map(({ registration: r, courseTitle }) => ({
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
        certificatesHeld
          .filter((c) => c.registrationId === r.id)
          .map((c) => ({
            code: c.code,
            verificationUrl: appLink(`/certificaat/${c.code}`),
            issuedAt: iso(c.issuedAt),
            withdrawnAt: iso(c.withdrawnAt),
          }))[0] ?? null,
    })),
    pendingSignUps: pending.map(({ request: p, courseTitle }) => ({
      course: courseTitle,
      email: p.email,
      ...p.input,
      emailedAt: iso(p.emailedAt),
      createdAt: iso(p.createdAt),
    })),
    mentorProfile: profile
      ? {
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
          networks: profileNetworks.map((n) => ({ ...n, joinedAt: iso(n.joinedAt) })),
        }
      : null,
    mentorInvitations: mentorInvites.map((m) => ({ ...m, createdAt: iso(m.createdAt), acceptedAt: iso(m.acceptedAt) })),
    applications: applications.map(({ application: a, network }) => ({
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
    matches: myMatches.map((m) => {
      const asMentee = m.menteeUserId === userId;
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
    }),
    checkIns: myCheckIns.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
    meetings: myMeetings.map((m) => ({
      matchId: m.matchId,
      proposedByYou: m.proposedBy === userId,
      status: m.status,
      startsAt: iso(m.startsAt),
      durationMinutes: m.durationMinutes,
      place: m.place,
      videoUrl: m.videoUrl,
      createdAt: iso(m.createdAt),
    })),
    sharedNeeds: myNeeds.map((n) => ({ matchId: n.matchId, needs: n.needs, other: n.other, sharedAt: iso(n.sharedAt) })),
    feedback: myFeedback.map((f) => ({ ...f, createdAt: iso(f.createdAt) })),
    academyApplications: academyRows.map(({ application: a, academy, completion }) => ({
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
    academyReviewerOf: reviewerOf.map((r) => ({ ...r, since: iso(r.since) })),
    academyReviewerInvitations: reviewerInvites.map((r) => ({ ...r, createdAt: iso(r.createdAt), acceptedAt: iso(r.acceptedAt) })),
    academyScoresGiven: scoresGiven.map((s) => ({ ...s, submittedAt: iso(s.submittedAt) })),
    routeProgress: myRouteProgress.map((r) => ({ ...r, updatedAt: iso(r.updatedAt) })),
    consents: myConsents.map((c) => ({
      purpose: c.purpose,
      subject: c.subject,
      textVersion: c.textVersion,
      givenAt: iso(c.givenAt),
      withdrawnAt: iso(c.withdrawnAt),
    })),
    candidacyOutcomes: outcomes.map((o) => ({
      electionId: o.electionId,
      onList: o.onList,
      elected: o.elected,
      answeredAt: iso(o.answeredAt),
    })),
    emailPreferences: preferences
      ? { reminders: preferences.reminders, followUps: preferences.followUps, outcomes: preferences.outcomes, news: preferences.news }
      : null,
    emailSuppression: suppression ? { reason: suppression.reason, since: iso(suppression.createdAt) } : null,
    emails: emails.map((e) => ({ ...e, createdAt: iso(e.createdAt), sentAt: iso(e.sentAt) })),
    specialDataAccess: access.map((a) => ({ ...a, at: a.at.toISOString() })),
  };
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
