import { and, desc, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '~db/client.server';
import {
  checkIns,
  matches,
  matchFeedback,
  menteeApplications,
  mentorProfiles,
  municipalities,
  networks,
  organisationMemberships,
  users,
  type checkInModes,
  type MatchStatus,
} from '~db/schema';
import { now } from '../clock.server';
import { LIST_PAGE_SIZE, offsetOf } from '../lists/paging';
import { accountsMatching, municipalitiesMatching } from '../lists/search.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink } from '../http.server';

// The life of a match after a run proposed it (issue 4, items 10–11): the mentor accepts or declines,
// both log check-ins, either of them or the coordinator ends it. Contact details cross over only when
// the mentor accepts; special-category data of the application (disability, focus groups) is never
// read here at all, so no page built on this module can show it to a mentor.

/** Matches a run drafted or a coordinator threw away are not there for the people in them. */
const hiddenStatuses: MatchStatus[] = ['draft', 'discarded'];

const menteeUser = alias(users, 'mentee_user');
const mentorUser = alias(users, 'mentor_user');

/**
 * One match with what the pages and emails about it need. The application's columns are picked one
 * by one: its disability and focus-group columns never leave the database through here.
 */
function matchQuery(db: Db, options: { lock?: boolean } = {}) {
  const query = db
    .select({
      match: matches,
      network: {
        id: networks.id,
        name: networks.name,
        organisationId: networks.organisationId,
        periodEnd: networks.periodEnd,
        proposalReminderDays: networks.proposalReminderDays,
        proposalAlertDays: networks.proposalAlertDays,
        proposalExpiryDays: networks.proposalExpiryDays,
      },
      application: {
        id: menteeApplications.id,
        userId: menteeApplications.userId,
        status: menteeApplications.status,
        municipalityCode: menteeApplications.municipalityCode,
        themes: menteeApplications.themes,
        goals: menteeApplications.goals,
        goalsText: menteeApplications.goalsText,
        meetingModes: menteeApplications.meetingModes,
        languages: menteeApplications.languages,
        availability: menteeApplications.availability,
        phone: menteeApplications.phone,
      },
      municipalityName: municipalities.name,
      mentee: { id: menteeUser.id, name: menteeUser.name, email: menteeUser.email, locale: menteeUser.locale },
      mentor: {
        id: mentorUser.id,
        name: mentorUser.name,
        email: mentorUser.email,
        locale: mentorUser.locale,
        profileId: mentorProfiles.id,
        phone: mentorProfiles.phone,
        office: mentorProfiles.office,
      },
    })
    .from(matches)
    .innerJoin(networks, eq(networks.id, matches.networkId))
    .innerJoin(menteeApplications, eq(menteeApplications.id, matches.applicationId))
    .innerJoin(menteeUser, eq(menteeUser.id, menteeApplications.userId))
    .innerJoin(mentorProfiles, eq(mentorProfiles.id, matches.mentorProfileId))
    .innerJoin(mentorUser, eq(mentorUser.id, mentorProfiles.userId))
    .leftJoin(municipalities, eq(municipalities.code, menteeApplications.municipalityCode))
    .$dynamic();
  return options.lock ? query.for('update', { of: matches }) : query;
}

export type MatchContext = Awaited<ReturnType<typeof loadMatch>> & {};

export async function loadMatch(db: Db, matchId: string, options: { lock?: boolean } = {}) {
  const [row] = await matchQuery(db, options).where(eq(matches.id, matchId));
  return row ?? null;
}

/** A match of this mentor (any status people may see), or null: another mentor's match is not there. */
export async function matchOfMentor(db: Db, matchId: string, mentorProfileId: string) {
  const [row] = await matchQuery(db).where(
    and(eq(matches.id, matchId), eq(matches.mentorProfileId, mentorProfileId), notInArray(matches.status, hiddenStatuses)),
  );
  return row ?? null;
}

/** A match in which this user is the mentee or the mentor, with their role; null for anyone else. */
export async function matchOfParticipant(db: Db, matchId: string, userId: string) {
  const [row] = await matchQuery(db).where(
    and(
      eq(matches.id, matchId),
      notInArray(matches.status, hiddenStatuses),
      sql`(${menteeApplications.userId} = ${userId} or ${mentorProfiles.userId} = ${userId})`,
    ),
  );
  if (!row) return null;
  const role: 'mentor' | 'mentee' = row.mentor.id === userId ? 'mentor' : 'mentee';
  return { ...row, role };
}

/** The check-ins of some matches, newest first, with the author's name. */
export async function checkInsOf(db: Db, matchIds: string[]) {
  if (matchIds.length === 0) return [];
  return db
    .select({
      id: checkIns.id,
      matchId: checkIns.matchId,
      happenedOn: checkIns.happenedOn,
      mode: checkIns.mode,
      note: checkIns.note,
      authorUserId: checkIns.authorUserId,
      authorName: users.name,
    })
    .from(checkIns)
    .leftJoin(users, eq(users.id, checkIns.authorUserId))
    .where(inArray(checkIns.matchId, matchIds))
    .orderBy(desc(checkIns.happenedOn), desc(checkIns.createdAt));
}

// ---------------------------------------------------------------------------------------------
// Forms (their schemas are in match-schemas.ts, for the browser's check too)

export const feedbackMoments = ['four-weeks', 'end'] as const;
export type FeedbackMoment = (typeof feedbackMoments)[number];

// ---------------------------------------------------------------------------------------------
// Changes

type Outcome<S extends string> = { status: S | 'not-found' | 'not-possible' };

const matchUrl = (matchId: string) => appLink(`/koppeling/${matchId}`);

/**
 * The mentor says yes: the match becomes active, the application matched, and both get the
 * introduction with each other's contact details, all in one transaction.
 */
export async function acceptProposal(db: Db, matchId: string, mentorProfileId: string): Promise<Outcome<'accepted'>> {
  return db.transaction(async (tx) => {
    const ctx = await loadMatch(tx, matchId, { lock: true });
    if (!ctx || ctx.match.mentorProfileId !== mentorProfileId || hiddenStatuses.includes(ctx.match.status)) return { status: 'not-found' };
    if (ctx.match.status !== 'proposed') return { status: 'not-possible' };
    const t = now();
    await tx.update(matches).set({ status: 'active', acceptedAt: t, respondedAt: t, updatedAt: t }).where(eq(matches.id, matchId));
    await tx
      .update(menteeApplications)
      .set({ status: 'matched', matchedAt: t, updatedAt: t })
      .where(eq(menteeApplications.id, ctx.application.id));
    await enqueueEmail(tx, {
      template: 'match-introduction',
      to: ctx.mentor.email,
      userId: ctx.mentor.id,
      props: {
        locale: ctx.mentor.locale,
        name: ctx.mentor.name,
        role: 'mentor',
        otherName: ctx.mentee.name,
        otherEmail: ctx.mentee.email,
        otherPhone: ctx.application.phone,
        networkName: ctx.network.name,
        matchUrl: matchUrl(matchId),
      },
    });
    await enqueueEmail(tx, {
      template: 'match-introduction',
      to: ctx.mentee.email,
      userId: ctx.mentee.id,
      props: {
        locale: ctx.mentee.locale,
        name: ctx.mentee.name,
        role: 'mentee',
        otherName: ctx.mentor.name,
        otherEmail: ctx.mentor.email,
        otherPhone: ctx.mentor.phone,
        networkName: ctx.network.name,
        matchUrl: matchUrl(matchId),
      },
    });
    return { status: 'accepted' };
  });
}

/**
 * The mentor says no, with a reason (for the coordinator; the mentee never sees it). The mentee goes
 * back to the pool; the matching run reads declined pairs and never proposes this one again.
 */
export async function declineProposal(db: Db, matchId: string, mentorProfileId: string, reason: string): Promise<Outcome<'declined'>> {
  return db.transaction(async (tx) => {
    const ctx = await loadMatch(tx, matchId, { lock: true });
    if (!ctx || ctx.match.mentorProfileId !== mentorProfileId || hiddenStatuses.includes(ctx.match.status)) return { status: 'not-found' };
    if (ctx.match.status !== 'proposed') return { status: 'not-possible' };
    const t = now();
    await tx
      .update(matches)
      .set({ status: 'declined', respondedAt: t, declineReason: reason, updatedAt: t })
      .where(eq(matches.id, matchId));
    await backToPool(tx, ctx.application.id);
    return { status: 'declined' };
  });
}

/** The application waits for the next run again (only when a live proposal or match held it). */
async function backToPool(tx: Db, applicationId: string) {
  await tx
    .update(menteeApplications)
    .set({ status: 'waiting', matchedAt: null, updatedAt: now() })
    .where(and(eq(menteeApplications.id, applicationId), inArray(menteeApplications.status, ['proposed', 'matched'])));
}

type CheckInInput = { happenedOn: string; mode: (typeof checkInModes)[number]; note: string };

/** Either person of an active match logs a meeting; it resets the quiet-period clock. */
export async function logCheckIn(db: Db, matchId: string, userId: string, fields: CheckInInput): Promise<Outcome<'logged'>> {
  return db.transaction(async (tx) => {
    const ctx = await loadMatch(tx, matchId, { lock: true });
    if (!ctx || (ctx.mentee.id !== userId && ctx.mentor.id !== userId) || hiddenStatuses.includes(ctx.match.status)) {
      return { status: 'not-found' };
    }
    if (ctx.match.status !== 'active') return { status: 'not-possible' };
    const t = now();
    await tx
      .insert(checkIns)
      .values({ matchId, authorUserId: userId, happenedOn: fields.happenedOn, mode: fields.mode, note: fields.note, createdAt: t });
    await tx.update(matches).set({ lastCheckInAt: t, updatedAt: t }).where(eq(matches.id, matchId));
    return { status: 'logged' };
  });
}

export type Ender = { role: 'mentor' | 'mentee'; userId: string } | { role: 'coordinator'; organisationIds: string[] };

/**
 * Ends an active match. The reason is stored for the coordinator; the email to the other person
 * (both, when the coordinator ends it) says only that it ended. When the mentor or the coordinator
 * ends it, the mentee goes back to the pool for a new mentor; when the mentee ends it, the
 * application closes (they can apply again whenever they like).
 */
export async function endMatch(db: Db, matchId: string, by: Ender, reason: string): Promise<Outcome<'ended'>> {
  return db.transaction(async (tx) => {
    const ctx = await loadMatch(tx, matchId, { lock: true });
    const allowed =
      ctx &&
      !hiddenStatuses.includes(ctx.match.status) &&
      (by.role === 'coordinator'
        ? by.organisationIds.includes(ctx.network.organisationId)
        : by.role === 'mentor'
          ? ctx.mentor.id === by.userId
          : ctx.mentee.id === by.userId);
    if (!ctx || !allowed) return { status: 'not-found' };
    if (ctx.match.status !== 'active') return { status: 'not-possible' };
    const t = now();
    await tx
      .update(matches)
      .set({ status: 'ended', endedAt: t, endedBy: by.role, endReason: reason, updatedAt: t })
      .where(eq(matches.id, matchId));
    const backInPool = by.role !== 'mentee';
    if (backInPool) await backToPool(tx, ctx.application.id);
    else {
      await tx
        .update(menteeApplications)
        .set({ status: 'closed', updatedAt: t })
        .where(and(eq(menteeApplications.id, ctx.application.id), eq(menteeApplications.status, 'matched')));
    }
    const recipients =
      by.role === 'mentor' ? ['mentee' as const] : by.role === 'mentee' ? ['mentor' as const] : (['mentor', 'mentee'] as const);
    for (const who of recipients) {
      const person = who === 'mentor' ? ctx.mentor : ctx.mentee;
      const other = who === 'mentor' ? ctx.mentee : ctx.mentor;
      await enqueueEmail(tx, {
        template: 'match-ended',
        to: person.email,
        userId: person.id,
        props: {
          locale: person.locale,
          name: person.name,
          role: who,
          otherName: other.name,
          endedBy: by.role,
          networkName: ctx.network.name,
          backInPool,
          accountUrl: appLink(who === 'mentor' ? '/mentor' : '/account/koppelingen'),
        },
      });
    }
    return { status: 'ended' };
  });
}

/** Stores one person's feedback for one moment of a match; a second answer for the same moment is refused. */
export async function saveFeedback(
  db: Db,
  matchId: string,
  userId: string,
  moment: FeedbackMoment,
  fields: { rating: number; comment: string },
): Promise<Outcome<'saved' | 'already'>> {
  return db.transaction(async (tx) => {
    const ctx = await loadMatch(tx, matchId);
    if (!ctx || (ctx.mentee.id !== userId && ctx.mentor.id !== userId) || hiddenStatuses.includes(ctx.match.status)) {
      return { status: 'not-found' };
    }
    if (ctx.match.acceptedAt === null) return { status: 'not-possible' };
    const inserted = await tx
      .insert(matchFeedback)
      .values({ matchId, userId, moment, rating: fields.rating, comment: fields.comment, createdAt: now() })
      .onConflictDoNothing()
      .returning({ id: matchFeedback.id });
    return { status: inserted.length ? 'saved' : 'already' };
  });
}

export async function feedbackGiven(db: Db, matchId: string, userId: string, moment: FeedbackMoment) {
  const [row] = await db
    .select({ id: matchFeedback.id })
    .from(matchFeedback)
    .where(and(eq(matchFeedback.matchId, matchId), eq(matchFeedback.userId, userId), eq(matchFeedback.moment, moment)));
  return Boolean(row);
}

// ---------------------------------------------------------------------------------------------
// Lists

/** Everything on the mentor's page: proposals waiting for an answer, active and earlier matches. */
export async function matchesOfMentor(db: Db, mentorProfileId: string) {
  const rows = await matchQuery(db)
    .where(and(eq(matches.mentorProfileId, mentorProfileId), notInArray(matches.status, hiddenStatuses)))
    .orderBy(desc(matches.proposedAt), desc(matches.createdAt));
  const active = rows.filter((r) => r.match.status === 'active');
  const notes = await checkInsOf(
    db,
    active.map((r) => r.match.id),
  );
  return {
    proposals: rows.filter((r) => r.match.status === 'proposed'),
    active: active.map((r) => ({ ...r, checkIns: notes.filter((c) => c.matchId === r.match.id) })),
    earlier: rows.filter((r) => r.match.status !== 'proposed' && r.match.status !== 'active'),
  };
}

/** The matches in which the user is the mentee (any network), newest first. */
export async function matchesOfMentee(db: Db, userId: string) {
  return matchQuery(db)
    .where(and(eq(menteeApplications.userId, userId), notInArray(matches.status, hiddenStatuses)))
    .orderBy(desc(matches.proposedAt), desc(matches.createdAt));
}

/** A network's matches for its coordinator, with the date of the last check-in of each. */
/** The groups a coordinator reads a network's matches in, each a page of its own. */
export const matchGroups = ['proposed', 'active', 'finished', 'feedback'] as const;
export type MatchGroup = (typeof matchGroups)[number];
const groupStatuses: Record<Exclude<MatchGroup, 'feedback'>, MatchStatus[]> = {
  proposed: ['proposed'],
  active: ['active'],
  finished: ['declined', 'expired', 'ended', 'completed'],
};

/**
 * How many matches of a network are in each group, and how much feedback there is: the summary above
 * the list. Counted on the index of network and status, never reading the rows themselves.
 */
export async function networkMatchCounts(db: Db, networkId: string) {
  const [rows, [feedback]] = await Promise.all([
    db
      .select({ status: matches.status, n: sql`count(*)`.mapWith(Number) })
      .from(matches)
      .where(and(eq(matches.networkId, networkId), notInArray(matches.status, hiddenStatuses)))
      .groupBy(matches.status),
    db
      .select({ n: sql`count(*)`.mapWith(Number) })
      .from(matchFeedback)
      .innerJoin(matches, eq(matches.id, matchFeedback.matchId))
      .where(eq(matches.networkId, networkId)),
  ]);
  const of = (group: Exclude<MatchGroup, 'feedback'>) =>
    rows.filter((r) => groupStatuses[group].includes(r.status)).reduce((sum, r) => sum + r.n, 0);
  return { proposed: of('proposed'), active: of('active'), finished: of('finished'), feedback: feedback?.n ?? 0 };
}

export type MatchListQuery = { group: Exclude<MatchGroup, 'feedback'>; search: string; page: number };

/**
 * One page of a network's matches in one group, newest proposal first, with the last check-in of
 * each; a search looks in the names and email addresses of mentee and mentor and the mentee's
 * municipality. Bounded by the page: at most LIST_PAGE_SIZE rows and their check-ins are read.
 */
export async function networkMatchesPage(db: Db, networkId: string, query: MatchListQuery) {
  const conditions = [eq(matches.networkId, networkId), inArray(matches.status, groupStatuses[query.group])];
  if (query.search) {
    // The people and places searched for, found once (trigram indexes), not tested row by row.
    const people = accountsMatching(query.search);
    conditions.push(
      or(
        sql`${menteeUser.id} in ${people}`,
        sql`${mentorUser.id} in ${people}`,
        sql`${municipalities.code} in ${municipalitiesMatching(query.search)}`,
      )!,
    );
  }
  const where = and(...conditions);
  const rows = await matchQuery(db)
    .where(where)
    .orderBy(desc(matches.proposedAt), desc(matches.createdAt), desc(matches.id))
    .limit(LIST_PAGE_SIZE)
    .offset(offsetOf(query.page));
  // Only a search needs its own count; the summary's counts hold the rest.
  let total: number | null = null;
  if (query.search) {
    const [row] = await db
      .select({ n: sql`count(*)`.mapWith(Number) })
      .from(matches)
      .innerJoin(menteeApplications, eq(menteeApplications.id, matches.applicationId))
      .innerJoin(menteeUser, eq(menteeUser.id, menteeApplications.userId))
      .innerJoin(mentorProfiles, eq(mentorProfiles.id, matches.mentorProfileId))
      .innerJoin(mentorUser, eq(mentorUser.id, mentorProfiles.userId))
      .leftJoin(municipalities, eq(municipalities.code, menteeApplications.municipalityCode))
      .where(where);
    total = row?.n ?? 0;
  }
  const lastDates = rows.length
    ? await db
        .select({ matchId: checkIns.matchId, last: sql<string>`max(${checkIns.happenedOn})::text` })
        .from(checkIns)
        .where(
          inArray(
            checkIns.matchId,
            rows.map((r) => r.match.id),
          ),
        )
        .groupBy(checkIns.matchId)
    : [];
  const last = new Map(lastDates.map((r) => [r.matchId, r.last]));
  return { rows: rows.map((r) => ({ ...r, lastCheckInOn: last.get(r.match.id) ?? null })), total };
}

/** One match of a network as the coordinator's list shows it (any status but draft), or null. */
export async function networkMatch(db: Db, networkId: string, matchId: string) {
  const [row] = await matchQuery(db).where(
    and(eq(matches.id, matchId), eq(matches.networkId, networkId), notInArray(matches.status, hiddenStatuses)),
  );
  return row ?? null;
}

/** The coordinators of an organisation (for the alert about an unanswered proposal). */
export async function coordinatorsOf(db: Db, organisationId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(organisationMemberships)
    .innerJoin(users, eq(users.id, organisationMemberships.userId))
    .where(and(eq(organisationMemberships.organisationId, organisationId), eq(organisationMemberships.role, 'coordinator')));
}

/** One page of the feedback given in a network's matches, newest first, for its coordinators. */
export async function feedbackOfNetwork(db: Db, networkId: string, page = 1) {
  return db
    .select({
      id: matchFeedback.id,
      matchId: matchFeedback.matchId,
      name: users.name,
      moment: matchFeedback.moment,
      rating: matchFeedback.rating,
      comment: matchFeedback.comment,
      createdAt: matchFeedback.createdAt,
    })
    .from(matchFeedback)
    .innerJoin(matches, eq(matches.id, matchFeedback.matchId))
    .leftJoin(users, eq(users.id, matchFeedback.userId))
    .where(eq(matches.networkId, networkId))
    .orderBy(desc(matchFeedback.createdAt), desc(matchFeedback.id))
    .limit(LIST_PAGE_SIZE)
    .offset(offsetOf(page));
}
