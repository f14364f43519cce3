import { matchRouteProgress } from '~db/schema/route';
import { and, eq, inArray, isNotNull, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '~db/client.server';
import { auditEvents, emailPreferences, emailSuppressions } from '~db/schema/privacy';
import { certificates, courseSessions, courses, registrationLinks, registrations, signUpRequests } from '~db/schema/courses';
import {
  checkIns,
  matches,
  matchFeedback,
  meetings,
  menteeApplications,
  mentorProfiles,
  networkMentors,
  networks,
} from '~db/schema/mentoring';
import { invitations } from '~db/schema/invitations';
import { academyApplications, academyCompletions, academyScores } from '~db/schema/academies';
import { erasePlacementData } from '../placements/privacy.server';
import { emailMessages } from '~db/schema/email';
import { rateLimits, users } from '~db/schema/accounts';
import { now } from '../clock.server';
import { normalizeEmail } from '../auth/accounts.server';
import { cancelRegistration } from '../courses/registrations.server';
import { cancelMeetingsOfLeavers } from './meetings-of-leavers.server';
import { appLink } from '~/modules/http.server';
import { enqueueEmails } from '../email/outbox.server';
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
  const result = await deleteAccounts(db, [userId]);
  return result.deleted.length ? result.summary : null;
}

/**
 * Deletes many accounts in one transaction, as `deleteAccount` deletes one, with a statement per kind
 * of row for the whole set rather than per person (the retention job deletes thousands a night). The
 * rare parts that go through other modules one at a time stay so: a registration for a course still
 * to come is cancelled through the courses module (the waitlist moves up), and a live match ends with
 * an email to the other person (not when that person is deleted in the same set).
 *
 * `where` is checked again on each account as it is locked (the retention job passes its rule, so
 * that someone who logged in since the list was made is left alone). With `skipLocked` an account
 * another transaction holds (someone logging in at that moment) is skipped and left for a later run,
 * instead of waiting for it. Returns the ids deleted and the summary over all of them.
 */
export async function deleteAccounts(
  db: Db,
  userIds: string[],
  options: { where?: SQL; skipLocked?: boolean } = {},
): Promise<{ deleted: string[]; summary: DeletionSummary }> {
  const summary: DeletionSummary = {
    registrationsCancelled: 0,
    registrationsAnonymised: 0,
    matchesEnded: 0,
    applicationsAnonymised: 0,
    emailsDeleted: 0,
  };
  if (!userIds.length) return { deleted: [], summary };
  return db.transaction(async (tx) => {
    const locking = tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(and(inArray(users.id, userIds), options.where))
      .orderBy(users.id);
    const people = await (options.skipLocked ? locking.for('update', { skipLocked: true }) : locking.for('update'));
    if (!people.length) return { deleted: [], summary };
    const ids = people.map((p) => p.id);
    const gone = new Set(ids);
    const emails = [...new Set(people.map((p) => normalizeEmail(p.email)))];
    const t = now();

    // 1. Registrations: cancel those for courses still to come (the courses module promotes the
    //    waitlist and sends its emails), then anonymise all of them.
    const mine = or(inArray(registrations.userId, ids), inArray(registrations.email, emails))!;
    const lastSession = sql<
      string | null
    >`(select max(${courseSessions.endsAt}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id})`;
    const live = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .innerJoin(courses, eq(courses.id, registrations.courseId))
      .where(
        and(
          mine,
          ne(registrations.status, 'cancelled'),
          ne(courses.status, 'cancelled'),
          sql`coalesce(${lastSession} >= ${t.toISOString()}::timestamptz, true)`,
        ),
      );
    for (const registration of live) {
      const outcome = await cancelRegistration(tx, registration.id, 'system');
      if (outcome.status === 'cancelled') summary.registrationsCancelled++;
    }
    summary.registrationsAnonymised = (await anonymiseRegistrations(tx, mine, t)).length;

    // 2. Matches in either role: drafts are discarded; live ones end, and the other person hears it
    //    (no reason given) unless they go in this same set.
    const profiles = await tx.select({ id: mentorProfiles.id }).from(mentorProfiles).where(inArray(mentorProfiles.userId, ids));
    const profileIds = profiles.map((p) => p.id);
    const applicationIds = (
      await tx.select({ id: menteeApplications.id }).from(menteeApplications).where(inArray(menteeApplications.userId, ids))
    ).map((a) => a.id);
    const inMatch = or(
      applicationIds.length ? inArray(matches.applicationId, applicationIds) : sql`false`,
      profileIds.length ? inArray(matches.mentorProfileId, profileIds) : sql`false`,
    )!;
    if (applicationIds.length || profileIds.length) {
      await tx
        .update(matches)
        .set({ status: 'discarded', updatedAt: t })
        .where(and(inMatch, eq(matches.status, 'draft')));
      const liveMatches = await tx
        .select({
          id: matches.id,
          applicationId: matches.applicationId,
          network: networks.name,
          menteeUserId: menteeApplications.userId,
          mentorUserId: mentorProfiles.userId,
        })
        .from(matches)
        .innerJoin(networks, eq(networks.id, matches.networkId))
        .innerJoin(menteeApplications, eq(menteeApplications.id, matches.applicationId))
        .innerJoin(mentorProfiles, eq(mentorProfiles.id, matches.mentorProfileId))
        .where(and(inMatch, inArray(matches.status, ['proposed', 'active'])));
      if (liveMatches.length) {
        // One statement each for all of them: the matches end, and mentees whose mentor left go back
        // into the pool for the next run.
        await tx
          .update(matches)
          .set({ status: 'ended', endedAt: t, endedBy: 'system', endReason: null, updatedAt: t })
          .where(
            inArray(
              matches.id,
              liveMatches.map((m) => m.id),
            ),
          );
        summary.matchesEnded += liveMatches.length;
        const menteeLeaves = (m: (typeof liveMatches)[number]) => m.menteeUserId !== null && gone.has(m.menteeUserId);
        const backToPool = liveMatches.filter((m) => !menteeLeaves(m)).map((m) => m.applicationId);
        if (backToPool.length) {
          await tx
            .update(menteeApplications)
            .set({ status: 'waiting', matchedAt: null, updatedAt: t })
            .where(and(inArray(menteeApplications.id, backToPool), inArray(menteeApplications.status, ['proposed', 'matched'])));
        }
        // The other people hear it, unless they go in this same set; their emails are queued together.
        const toTell = liveMatches.flatMap((m) => {
          const partnerId = menteeLeaves(m) ? m.mentorUserId : m.menteeUserId;
          return partnerId && !gone.has(partnerId)
            ? [{ partnerId, partnerRole: menteeLeaves(m) ? 'mentee' : 'mentor', network: m.network }]
            : [];
        });
        const partners = toTell.length
          ? await tx
              .select()
              .from(users)
              .where(inArray(users.id, [...new Set(toTell.map((x) => x.partnerId))]))
          : [];
        const partnerOf = new Map(partners.map((p) => [p.id, p]));
        await enqueueEmails(
          tx,
          toTell.flatMap(({ partnerId, partnerRole, network }) => {
            const partner = partnerOf.get(partnerId);
            if (!partner) return [];
            return [
              {
                template: 'match-partner-left' as const,
                to: partner.email,
                userId: partner.id,
                props: {
                  locale: partner.locale,
                  name: partner.name,
                  partnerRole: partnerRole as 'mentee' | 'mentor',
                  networkName: network,
                  mentoringUrl: appLink('/mentoraat'),
                },
              },
            ];
          }),
        );
      }
      // Meetings of their matches hold places and video links both of them chose: they go. The other
      // person's calendar loses the planned ones too (a CANCEL by email, issue 17).
      await cancelMeetingsOfLeavers(tx, inMatch, gone);
      await tx.delete(meetings).where(inArray(meetings.matchId, tx.select({ id: matches.id }).from(matches).where(inMatch)));
      // Free text on their matches may name them; what they wrote goes.
      await tx
        .update(matches)
        .set({ declineReason: null, endReason: null })
        .where(and(inMatch, or(isNotNull(matches.declineReason), isNotNull(matches.endReason))));
    }
    await tx.update(checkIns).set({ note: '', authorUserId: null }).where(inArray(checkIns.authorUserId, ids));
    await tx.update(matchFeedback).set({ comment: '', userId: null }).where(inArray(matchFeedback.userId, ids));
    await tx.update(matchRouteProgress).set({ note: '', updatedBy: null }).where(inArray(matchRouteProgress.updatedBy, ids));

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

    // 3a. Placements (before the applications lose their person): see erasePlacementData.
    await erasePlacementData(tx, ids);

    // 3b. Academy applications: open ones withdrawn, all anonymised. An offered place stays offered
    // until its claim window lapses (the sweep then gives it to the first reserve, under the academy's
    // lock). Scores given as a reviewer stay, anonymous, in the averages; their notes are blanked.
    await tx
      .update(academyApplications)
      .set({ status: 'withdrawn' })
      .where(and(inArray(academyApplications.userId, ids), eq(academyApplications.status, 'submitted')));
    // A programme certificate ties the academy to the person: it goes, and its code verifies as unknown.
    // (Their module registrations are cancelled and anonymised with their other registrations.)
    await tx
      .delete(academyCompletions)
      .where(
        inArray(
          academyCompletions.applicationId,
          tx.select({ id: academyApplications.id }).from(academyApplications).where(inArray(academyApplications.userId, ids)),
        ),
      );
    await tx
      .update(academyApplications)
      .set({
        userId: null,
        municipalityCode: null,
        motivation: '',
        experience: '',
        party: '',
        availability: '',
        answers: {},
        focusGroups: [],
        disability: null,
        disabilityConsentId: null,
        decisionReason: '',
        updatedAt: t,
      })
      .where(inArray(academyApplications.userId, ids));
    await tx.update(academyScores).set({ note: '', scorerId: null }).where(inArray(academyScores.scorerId, ids));

    // 4. Mentor profiles: out of every network, anonymised.
    if (profileIds.length) {
      await tx.delete(networkMentors).where(inArray(networkMentors.mentorProfileId, profileIds));
      await tx
        .update(mentorProfiles)
        .set({ userId: null, party: null, gender: null, bio: '', phone: null, completedAt: null, anonymisedAt: t, updatedAt: t })
        .where(inArray(mentorProfiles.id, profileIds));
    }

    // 5. Audit events about them stay, anonymous; what is kept under their addresses goes.
    await tx.update(auditEvents).set({ subjectUserId: null, detail: null }).where(inArray(auditEvents.subjectUserId, ids));
    summary.emailsDeleted = await eraseAddresses(
      tx,
      people.map((p) => ({ email: normalizeEmail(p.email), names: [p.name], userId: p.id })),
      t,
    );

    // 6. The accounts themselves (sessions, tokens, consents, memberships and outcomes go with them).
    await tx.delete(users).where(inArray(users.id, ids));
    return { deleted: ids, summary };
  });
}

/**
 * Anonymises the registrations `where` selects, the way reports can still count them: personal
 * columns blanked, the user reference cut, `anonymisedAt` set; their manage links and certificates go.
 * Returns the ids.
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
      accessibilityAids: [],
      anonymisedAt: at,
      updatedAt: at,
    })
    .where(where)
    .returning({ id: registrations.id });
  const ids = anonymised.map((r) => r.id);
  if (ids.length) await tx.delete(registrationLinks).where(inArray(registrationLinks.registrationId, ids));
  // A certificate would still tie the course to the person: it goes, and its code verifies as unknown.
  if (ids.length) await tx.delete(certificates).where(inArray(certificates.registrationId, ids));
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
  return eraseAddresses(tx, [person], at);
}

/** `eraseAddress` for many people at once: one statement per kind of row for all of them. */
export async function eraseAddresses(tx: Db, people: { email: string; names: string[]; userId?: string }[], at: Date) {
  if (!people.length) return 0;
  const emails = [...new Set(people.map((p) => p.email))];
  const userIds = people.flatMap((p) => (p.userId ? [p.userId] : []));
  // With an account, rows tied to its id go as well as those under its address.
  const ofUsers = (column: AnyPgColumn) => (userIds.length ? [inArray(column, userIds)] : []);
  // Every invitation, of every kind (ADR 022): to the address, or accepted by the account.
  await tx.delete(invitations).where(or(inArray(invitations.email, emails), ...ofUsers(invitations.acceptedBy)));
  // Sign-ups nobody confirmed yet (ADR 011): to the address, or made while logged in to the account.
  await tx
    .delete(signUpRequests)
    .where(
      or(
        inArray(signUpRequests.email, emails),
        ...(userIds.length ? [sql`${signUpRequests.input}->>'userId' = any(${pgArray(userIds)}::text[])`] : []),
      ),
    );
  await tx.delete(emailPreferences).where(or(inArray(emailPreferences.email, emails), ...ofUsers(emailPreferences.userId)));
  await tx.delete(emailSuppressions).where(inArray(emailSuppressions.email, emails));
  await tx.delete(rateLimits).where(sql`${rateLimits.key} like any(${pgArray(emails.map((e) => `%${escapeLike(e)}%`))}::text[])`);

  const deleted = await tx
    .delete(emailMessages)
    .where(or(inArray(emailMessages.recipient, [...emails, ...emails.map((e) => emailLogDigest(e))]), ...ofUsers(emailMessages.userId)))
    .returning({ id: emailMessages.id });
  const needles = [...new Set([...emails, ...people.flatMap((p) => p.names.map((n) => n.trim()))])]
    .filter((n) => n.length >= 3)
    .map((n) => `%${escapeLike(n)}%`);
  if (!needles.length) return deleted.length;
  // Few rows still hold a subject or a body (bodies go once delivered, subjects when a row is reduced
  // after a month); each search reads those alone, through a partial index (db/schema/email.ts),
  // where an `ilike` over the whole log took seconds at national scale. Subjects are matched through
  // a trigram index of those rows, one index search per name or address (`ilike any`), so that a
  // set of hundreds of people costs hundreds of index look-ups rather than a pass per person.
  const anyNeedle = (column: SQL | AnyPgColumn) => sql`${column} ilike any(${pgArray(needles)}::text[])`;
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

/** A text[] literal for one parameter (keeps a list to one bound parameter, whatever its size). */
function pgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}
