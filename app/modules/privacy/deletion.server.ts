import { and, eq, inArray, isNotNull, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '~db/client.server';
import {
  auditEvents,
  checkIns,
  coordinatorInvitations,
  courseSessions,
  courses,
  emailMessages,
  emailPreferences,
  emailSuppressions,
  matches,
  matchFeedback,
  menteeApplications,
  mentorInvitations,
  mentorProfiles,
  networkMentors,
  networks,
  rateLimits,
  registrationLinks,
  registrations,
  signUpRequests,
  users,
} from '~db/schema';
import { now } from '../clock.server';
import { normalizeEmail } from '../auth/accounts.server';
import { cancelRegistration } from '../courses/registrations.server';
import { appLink } from '../courses/context.server';
import { enqueueEmail } from '../email/outbox.server';
import { emailLogDigest } from './email-log.server';

export type DeletionSummary = {
  registrationsCancelled: number;
  registrationsAnonymised: number;
  matchesEnded: number;
  applicationsAnonymised: number;
  emailsDeleted: number;
};

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Deletes a person, in one transaction. Their registrations for courses that have not ended are
 * cancelled (the waitlist moves up, with its emails); live matches end and the other person is told
 * (without the reason); open applications are withdrawn. What reports count (registrations,
 * attendance, applications, matches, mentor profiles) stays as anonymous rows: personal columns
 * blanked, the reference to the person cut. Everything else about them is deleted, including the
 * emails sent to them and the bodies of sent emails that named them.
 */
export async function deleteAccount(db: Db, userId: string): Promise<DeletionSummary | null> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) return null;
    const email = normalizeEmail(user.email);
    const t = now();
    const summary: DeletionSummary = {
      registrationsCancelled: 0,
      registrationsAnonymised: 0,
      matchesEnded: 0,
      applicationsAnonymised: 0,
      emailsDeleted: 0,
    };

    // 1. Registrations: cancel those for courses still to come (the courses module promotes the
    //    waitlist and sends its emails), then anonymise all of them.
    const mine = or(eq(registrations.userId, userId), eq(registrations.email, email))!;
    const lastSession = sql<
      string | null
    >`(select max(${courseSessions.endsAt}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id})`;
    const live = await tx
      .select({ id: registrations.id, lastSession })
      .from(registrations)
      .innerJoin(courses, eq(courses.id, registrations.courseId))
      .where(and(mine, ne(registrations.status, 'cancelled'), ne(courses.status, 'cancelled')));
    for (const registration of live) {
      if (registration.lastSession && new Date(registration.lastSession).getTime() < t.getTime()) continue;
      const outcome = await cancelRegistration(tx, registration.id, 'system');
      if (outcome.status === 'cancelled') summary.registrationsCancelled++;
    }
    const anonymised = await anonymiseRegistrations(tx, mine, t);
    summary.registrationsAnonymised = anonymised.length;

    // 2. Matches in either role: live ones end, the other person hears it (no reason given).
    const [profile] = await tx.select().from(mentorProfiles).where(eq(mentorProfiles.userId, userId));
    const applicationIds = (
      await tx.select({ id: menteeApplications.id }).from(menteeApplications).where(eq(menteeApplications.userId, userId))
    ).map((a) => a.id);
    const inMatch = or(
      applicationIds.length ? inArray(matches.applicationId, applicationIds) : sql`false`,
      profile ? eq(matches.mentorProfileId, profile.id) : sql`false`,
    );
    const myMatches = await tx
      .select({
        id: matches.id,
        applicationId: matches.applicationId,
        status: matches.status,
        network: networks.name,
        menteeUserId: menteeApplications.userId,
        mentorUserId: mentorProfiles.userId,
      })
      .from(matches)
      .innerJoin(networks, eq(networks.id, matches.networkId))
      .innerJoin(menteeApplications, eq(menteeApplications.id, matches.applicationId))
      .innerJoin(mentorProfiles, eq(mentorProfiles.id, matches.mentorProfileId))
      .where(inMatch);
    for (const match of myMatches) {
      if (match.status === 'draft') {
        await tx.update(matches).set({ status: 'discarded', updatedAt: t }).where(eq(matches.id, match.id));
        continue;
      }
      if (match.status !== 'proposed' && match.status !== 'active') continue;
      await tx
        .update(matches)
        .set({ status: 'ended', endedAt: t, endedBy: 'system', endReason: null, updatedAt: t })
        .where(eq(matches.id, match.id));
      summary.matchesEnded++;
      if (match.menteeUserId !== userId) {
        // Their mentor left: the mentee goes back into the pool for the next run.
        await tx
          .update(menteeApplications)
          .set({ status: 'waiting', matchedAt: null, updatedAt: t })
          .where(and(eq(menteeApplications.id, match.applicationId), inArray(menteeApplications.status, ['proposed', 'matched'])));
      }
      const partnerId = match.menteeUserId === userId ? match.mentorUserId : match.menteeUserId;
      if (!partnerId) continue;
      const [partner] = await tx.select().from(users).where(eq(users.id, partnerId));
      if (!partner) continue;
      await enqueueEmail(tx, {
        template: 'match-partner-left',
        to: partner.email,
        userId: partner.id,
        props: {
          locale: partner.locale,
          name: partner.name,
          partnerRole: match.menteeUserId === userId ? 'mentee' : 'mentor',
          networkName: match.network,
          mentoringUrl: appLink('/mentoraat'),
        },
      });
    }
    if (myMatches.length) {
      const ids = myMatches.map((m) => m.id);
      // Free text on their matches may name them; what they wrote goes.
      await tx.update(matches).set({ declineReason: null, endReason: null }).where(inArray(matches.id, ids));
    }
    await tx.update(checkIns).set({ note: '', authorUserId: null }).where(eq(checkIns.authorUserId, userId));
    await tx.update(matchFeedback).set({ comment: '', userId: null }).where(eq(matchFeedback.userId, userId));

    // 3. Applications: open ones withdrawn; all anonymised (special-category data erased).
    if (applicationIds.length) {
      await tx
        .update(menteeApplications)
        .set({ status: 'withdrawn', withdrawnAt: t })
        .where(and(inArray(menteeApplications.id, applicationIds), inArray(menteeApplications.status, ['waiting', 'proposed'])));
      await tx
        .update(menteeApplications)
        .set({
          userId: null,
          goalsText: '',
          party: null,
          mustHaves: {},
          accessibilityNeeds: null,
          answers: {},
          disability: null,
          disabilityConsentId: null,
          phone: null,
          anonymisedAt: t,
          updatedAt: t,
        })
        .where(inArray(menteeApplications.id, applicationIds));
      summary.applicationsAnonymised = applicationIds.length;
    }

    // 4. Mentor profile: out of every network, anonymised.
    if (profile) {
      await tx.delete(networkMentors).where(eq(networkMentors.mentorProfileId, profile.id));
      await tx
        .update(mentorProfiles)
        .set({ userId: null, party: null, gender: null, bio: '', phone: null, completedAt: null, anonymisedAt: t, updatedAt: t })
        .where(eq(mentorProfiles.id, profile.id));
    }

    // 5. Audit events about them stay, anonymous; what is kept under their address goes.
    await tx.update(auditEvents).set({ subjectUserId: null, detail: null }).where(eq(auditEvents.subjectUserId, userId));
    summary.emailsDeleted = await eraseAddress(tx, { email, names: [user.name], userId }, t);

    // 6. The account itself (sessions, tokens, consents, memberships and outcomes go with it).
    await tx.delete(users).where(eq(users.id, userId));
    return summary;
  });
}

/**
 * Anonymises the registrations `where` selects, the way reports can still count them: personal
 * columns blanked, the user reference cut, `anonymisedAt` set; their manage links go. Returns the ids.
 * Used by account deletion and by retention for people who signed up without an account.
 */
export async function anonymiseRegistrations(tx: Db, where: SQL, at: Date) {
  const anonymised = await tx
    .update(registrations)
    .set({
      userId: null,
      name: '',
      email: sql`'anoniem-' || ${registrations.id}::text`,
      phone: null,
      answers: {},
      accessibilityNeeds: null,
      anonymisedAt: at,
      updatedAt: at,
    })
    .where(where)
    .returning({ id: registrations.id });
  const ids = anonymised.map((r) => r.id);
  if (ids.length) await tx.delete(registrationLinks).where(inArray(registrationLinks.registrationId, ids));
  return ids;
}

/**
 * Removes what is kept under an email address outside registrations and the account: invitations to
 * it, its email preferences and suppression, rate-limit counters keyed by it, and every email sent to
 * it; sent mail to others that names it (by address or by one of `names`) loses its body (mail still
 * waiting to go out keeps its content, so that it can be delivered). With `userId`, what is tied to
 * that account goes too. Returns the number of emails deleted. Runs on the caller's transaction.
 */
export async function eraseAddress(tx: Db, person: { email: string; names: string[]; userId?: string }, at: Date) {
  const { email, userId } = person;
  // With an account, rows tied to its id go as well as those under its address.
  const ofUser = (column: AnyPgColumn) => (userId ? [eq(column, userId)] : []);
  await tx.delete(mentorInvitations).where(or(eq(mentorInvitations.email, email), ...ofUser(mentorInvitations.acceptedBy)));
  await tx.delete(coordinatorInvitations).where(eq(coordinatorInvitations.email, email));
  // Sign-ups nobody confirmed yet (ADR 011): to the address, or made while logged in to the account.
  await tx
    .delete(signUpRequests)
    .where(or(eq(signUpRequests.email, email), ...(userId ? [sql`${signUpRequests.input}->>'userId' = ${userId}`] : [])));
  await tx.delete(emailPreferences).where(or(eq(emailPreferences.email, email), ...ofUser(emailPreferences.userId)));
  await tx.delete(emailSuppressions).where(eq(emailSuppressions.email, email));
  await tx.delete(rateLimits).where(sql`${rateLimits.key} like ${`%${escapeLike(email)}%`}`);

  const deleted = await tx
    .delete(emailMessages)
    .where(or(eq(emailMessages.recipient, email), eq(emailMessages.recipient, emailLogDigest(email)), ...ofUser(emailMessages.userId)))
    .returning({ id: emailMessages.id });
  const needles = [...new Set([email, ...person.names.map((n) => n.trim())])].filter((n) => n.length >= 3).map((n) => `%${escapeLike(n)}%`);
  if (!needles.length) return deleted.length;
  // Few rows still hold a subject or a body (bodies go once delivered, subjects when a row is reduced
  // after a month); each search reads those alone, through a partial index (db/schema/email.ts),
  // where an `ilike` over the whole log took seconds at national scale. Subjects are matched in the
  // index itself (`id in (…)`), and only the rows found are read and changed.
  const anyNeedle = (column: SQL | AnyPgColumn) => or(...needles.map((needle) => sql`${column} ilike ${needle}`))!;
  const settled = notInArray(emailMessages.status, ['queued', 'sending']);
  const hasBody = or(isNotNull(emailMessages.html), isNotNull(emailMessages.textBody), isNotNull(emailMessages.props))!;
  await tx
    .update(emailMessages)
    .set({ html: null, textBody: null, props: null, attachments: null, updatedAt: at })
    .where(
      and(
        settled,
        hasBody,
        or(
          anyNeedle(emailMessages.html),
          anyNeedle(emailMessages.textBody),
          and(isNotNull(emailMessages.props), anyNeedle(sql`${emailMessages.props}::text`)),
        ),
      ),
    );
  await tx
    .update(emailMessages)
    .set({ subject: null })
    .where(
      and(
        settled,
        sql`${emailMessages.id} in (select ${emailMessages.id} from ${emailMessages}
          where ${emailMessages.subject} is not null and ${anyNeedle(emailMessages.subject)})`,
      ),
    );
  return deleted.length;
}
