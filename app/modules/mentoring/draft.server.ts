/**
 * The coordinator's work on a run's draft (issue 4 item 9): what the page shows, the hand changes
 * (pin, forbid, move, remove a rule) and publishing. Every function takes the network id the guard
 * returned, and every query carries it, so nothing of another network is read or changed.
 *
 * Special-category data (disability, accessibility needs, focus groups) is never read here.
 */
import { aliasedTable, and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '~db/client.server';
import {
  matches,
  matchingRuns,
  menteeApplications,
  mentorProfiles,
  municipalities,
  networkMentors,
  networks,
  pairRules,
  users,
  type RunStats,
} from '~db/schema';
import { now } from '../clock.server';
import { LIST_PAGE_SIZE, offsetOf } from '../lists/paging';
import { accountsMatching, municipalitiesMatching } from '../lists/search.server';

/** Pairs a page: each carries its reasons, so half a list page keeps the draft near 150 KB of HTML. */
export const DRAFT_PAGE_SIZE = 25;
import { enqueueEmail } from '../email/outbox.server';
import { getEnv } from '~/env.server';
import { compatibility, mentorWording } from '../matching/scoring';
import { deleteRule, publishPairs, saveRule, type PublishOutcome } from '../matching/draft-flow.server';
import {
  latestRun,
  liveMatchStatuses,
  loadNetworkInstance,
  matchingFlow,
  matchReasons,
  networkWeights,
  type UnmatchedReason,
} from './runs.server';
import { firstName } from '../text';

type MatchingRun = typeof matchingRuns.$inferSelect;

const menteeUsers = aliasedTable(users, 'mentee_users');
// `alias` (not aliasedTable) so that its type carries its own name beside the mentee's `municipalities`.
const mentorPlaces = alias(municipalities, 'mentor_places');
const mentorUsers = aliasedTable(users, 'mentor_users');

type DraftUnmatchedReason = UnmatchedReason | 'removed-by-hand' | 'new-since-run';

/** The first word of a name, for emails to mentors before the mentee's details are shared. */
/** Search and pages of the draft's two lists (pairs, mentees without a mentor). */
export type DraftListQuery = { search: string; page: number; unmatchedPage: number };

/**
 * The network's latest run and, when it is a draft, a page of its pairs and unmatched mentees; and
 * the coordinator's rules, whatever the run. A rule outlives a publication: a mentee who has a
 * proposal or a mentor now may wait again tomorrow (a declined proposal, an ended match), and every
 * run then applies the rule again, so the page keeps showing it (with where the mentee stands) and
 * lets the coordinator remove it. Only rules of withdrawn or closed applications, which no run reads, go.
 */
export async function loadDraftView(db: Db, networkId: string, query: DraftListQuery = { search: '', page: 1, unmatchedPage: 1 }) {
  const run = await latestRun(db, networkId);
  const rules = await db
    .select({
      applicationId: pairRules.applicationId,
      mentorProfileId: pairRules.mentorProfileId,
      kind: pairRules.kind,
      menteeStatus: menteeApplications.status,
      menteeName: menteeUsers.name,
      mentorName: mentorUsers.name,
    })
    .from(pairRules)
    .innerJoin(menteeApplications, eq(menteeApplications.id, pairRules.applicationId))
    .innerJoin(menteeUsers, eq(menteeUsers.id, menteeApplications.userId))
    .innerJoin(mentorProfiles, eq(mentorProfiles.id, pairRules.mentorProfileId))
    .innerJoin(mentorUsers, eq(mentorUsers.id, mentorProfiles.userId))
    .where(and(eq(pairRules.networkId, networkId), inArray(menteeApplications.status, ['waiting', 'proposed', 'matched'])))
    .orderBy(asc(pairRules.kind), asc(menteeUsers.name), asc(mentorUsers.name));

  const none = {
    pairs: [],
    pairsTotal: 0,
    unmatched: [],
    unmatchedTotal: 0,
    summary: { matched: 0, totalScore: 0, unmatched: 0, changedByHand: false },
  };
  if (!run || run.status !== 'draft') return { run, rules, droppedPins: [], ...none };

  // A large network's draft holds thousands of pairs: the page reads one page of pairs and one of
  // mentees without a mentor (each with the search), and counts the rest in the database.
  const inDraft = and(eq(matches.runId, run.id), eq(matches.networkId, networkId), eq(matches.status, 'draft'));
  // The people and places searched for, found once (trigram indexes), not tested row by row.
  const people = query.search ? accountsMatching(query.search) : undefined;
  const menteeSearch = query.search
    ? or(sql`${menteeUsers.id} in ${people}`, sql`${municipalities.code} in ${municipalitiesMatching(query.search)}`)!
    : undefined;
  const pairSearch = query.search ? or(menteeSearch, sql`${mentorUsers.id} in ${people}`) : undefined;
  const pairQuery = db
    .select({
      matchId: matches.id,
      applicationId: matches.applicationId,
      mentorProfileId: matches.mentorProfileId,
      score: matches.score,
      reasons: matches.reasons,
      pinned: matches.pinned,
      source: matches.source,
      menteeName: menteeUsers.name,
      municipality: municipalities.name,
      mentorName: mentorUsers.name,
      mentorMunicipality: mentorPlaces.name,
      // What is left of the mentor's one capacity once this draft is published: minus their live
      // proposals and matches in every network, minus their pairs in this draft.
      mentorRemaining: sql`${mentorProfiles.capacity}
        - (select count(*) from ${matches} live where live.mentor_profile_id = ${matches.mentorProfileId} and live.status in ('proposed', 'active'))
        - (select count(*) from ${matches} drafted where drafted.mentor_profile_id = ${matches.mentorProfileId} and drafted.run_id = ${run.id} and drafted.status = 'draft')`.mapWith(
        Number,
      ),
      total: sql`count(*) over ()`.mapWith(Number),
    })
    .from(matches)
    .$dynamic();
  const pairRows = await withPairPeople(pairQuery)
    .leftJoin(mentorPlaces, eq(mentorPlaces.code, mentorProfiles.municipalityCode))
    .where(and(inDraft, pairSearch))
    .orderBy(asc(menteeUsers.name), asc(matches.id))
    .limit(DRAFT_PAGE_SIZE)
    .offset(offsetOf(query.page, DRAFT_PAGE_SIZE));

  const notDrafted = sql`not exists (select 1 from ${matches} where ${matches.runId} = ${run.id} and ${matches.status} = 'draft' and ${matches.applicationId} = ${menteeApplications.id})`;
  const isWaiting = and(eq(menteeApplications.networkId, networkId), eq(menteeApplications.status, 'waiting'), notDrafted);
  const waitingRows = await db
    .select({
      applicationId: menteeApplications.id,
      name: menteeUsers.name,
      municipality: municipalities.name,
      createdAt: menteeApplications.createdAt,
      total: sql`count(*) over ()`.mapWith(Number),
    })
    .from(menteeApplications)
    .innerJoin(menteeUsers, eq(menteeUsers.id, menteeApplications.userId))
    .innerJoin(municipalities, eq(municipalities.code, menteeApplications.municipalityCode))
    .where(and(isWaiting, menteeSearch))
    .orderBy(asc(menteeUsers.name), asc(menteeApplications.id))
    .limit(LIST_PAGE_SIZE)
    .offset(offsetOf(query.unmatchedPage));

  const runStart = run.startedAt ?? run.createdAt;
  const runUnmatched = run.stats?.unmatched ?? [];
  const reasonOf = new Map(runUnmatched.map((u) => [u.applicationId, u.reason as UnmatchedReason]));
  // The summary counts the whole draft, whatever the search. "Changed by hand": a pair placed by hand,
  // or a mentee the run had placed who now waits outside the draft (created before the run and not
  // among the run's own unmatched).
  const runUnmatchedIds = `{${runUnmatched.map((u) => u.applicationId).join(',')}}`;
  const [[draftSum], [waitingSum]] = await Promise.all([
    db
      .select({
        matched: sql`count(*)`.mapWith(Number),
        totalScore: sql`coalesce(sum(${matches.score}), 0)`.mapWith(Number),
        byHand: sql`count(*) filter (where ${matches.source} = 'hand')`.mapWith(Number),
      })
      .from(matches)
      .where(inDraft),
    db
      .select({
        unmatched: sql`count(*)`.mapWith(Number),
        removedByHand:
          sql`count(*) filter (where ${menteeApplications.createdAt} <= ${runStart.toISOString()}::timestamptz and not (${menteeApplications.id} = any(${runUnmatchedIds}::uuid[])))`.mapWith(
            Number,
          ),
      })
      .from(menteeApplications)
      .where(isWaiting),
  ]);

  const pairs = pairRows.map(({ total: _, ...pair }) => pair);
  const unmatched = waitingRows.map((w) => ({
    applicationId: w.applicationId,
    name: w.name,
    municipality: w.municipality,
    reason: (w.createdAt.getTime() > runStart.getTime()
      ? 'new-since-run'
      : (reasonOf.get(w.applicationId) ?? 'removed-by-hand')) as DraftUnmatchedReason,
  }));

  // Pins of waiting mentees whose pair is not in the draft (the rules are few: they are made by hand).
  const pins = rules.filter((r) => r.kind === 'pin' && r.menteeStatus === 'waiting');
  const draftedPins = pins.length
    ? await db
        .select({ applicationId: matches.applicationId, mentorProfileId: matches.mentorProfileId })
        .from(matches)
        .where(
          and(
            inDraft,
            inArray(
              matches.applicationId,
              pins.map((r) => r.applicationId),
            ),
          ),
        )
    : [];
  const drafted = new Set(draftedPins.map((p) => `${p.applicationId}:${p.mentorProfileId}`));
  const droppedPins = pins.filter((r) => !drafted.has(`${r.applicationId}:${r.mentorProfileId}`));

  return {
    run,
    rules,
    pairs,
    pairsTotal: pairRows[0]?.total ?? (query.search || query.page > 1 ? await countPairs(db, and(inDraft, pairSearch)) : 0),
    unmatched,
    unmatchedTotal:
      waitingRows[0]?.total ?? (query.search || query.unmatchedPage > 1 ? await countWaiting(db, and(isWaiting, menteeSearch)) : 0),
    summary: {
      matched: draftSum?.matched ?? 0,
      totalScore: draftSum?.totalScore ?? 0,
      unmatched: waitingSum?.unmatched ?? 0,
      changedByHand: (draftSum?.byHand ?? 0) > 0 || (waitingSum?.removedByHand ?? 0) > 0,
    },
    droppedPins,
  };
}

/** A draft pair's mentee (with their municipality) and mentor, joined the same for the page, its counts and publishing. */
function withPairPeople<T extends PgSelect>(query: T) {
  return query
    .innerJoin(menteeApplications, eq(menteeApplications.id, matches.applicationId))
    .innerJoin(menteeUsers, eq(menteeUsers.id, menteeApplications.userId))
    .innerJoin(municipalities, eq(municipalities.code, menteeApplications.municipalityCode))
    .innerJoin(mentorProfiles, eq(mentorProfiles.id, matches.mentorProfileId))
    .innerJoin(mentorUsers, eq(mentorUsers.id, mentorProfiles.userId));
}

/** Past the last page the window count is missing: count once, so the pager can link back. */
async function countPairs(db: Db, where: SQL | undefined) {
  const query = db
    .select({ n: sql`count(*)`.mapWith(Number) })
    .from(matches)
    .$dynamic();
  const [row] = await withPairPeople(query).where(where);
  return row?.n ?? 0;
}

async function countWaiting(db: Db, where: SQL | undefined) {
  const [row] = await db
    .select({ n: sql`count(*)`.mapWith(Number) })
    .from(menteeApplications)
    .innerJoin(menteeUsers, eq(menteeUsers.id, menteeApplications.userId))
    .innerJoin(municipalities, eq(municipalities.code, menteeApplications.municipalityCode))
    .where(where);
  return row?.n ?? 0;
}

/** The mentor a mentee has in the draft, or null (for "move by hand"). */
export async function draftMentorOf(db: Db, networkId: string, runId: string, applicationId: string) {
  const [row] = await db
    .select({ name: mentorUsers.name })
    .from(matches)
    .innerJoin(mentorProfiles, eq(mentorProfiles.id, matches.mentorProfileId))
    .innerJoin(mentorUsers, eq(mentorUsers.id, mentorProfiles.userId))
    .where(
      and(
        eq(matches.runId, runId),
        eq(matches.networkId, networkId),
        eq(matches.status, 'draft'),
        eq(matches.applicationId, applicationId),
      ),
    );
  return row?.name ?? null;
}

/** The network's draft run by id, or null (another network's run, or no longer a draft). */
async function draftRun(db: Db, networkId: string, runId: string, lock = false) {
  const query = db
    .select()
    .from(matchingRuns)
    .where(and(eq(matchingRuns.id, runId), eq(matchingRuns.networkId, networkId), eq(matchingRuns.status, 'draft')));
  const [run] = lock ? await query.for('update') : await query;
  return run ?? null;
}

async function lockNetwork(tx: Db, networkId: string) {
  const [network] = await tx.select().from(networks).where(eq(networks.id, networkId)).for('update');
  return network!;
}

type MoveOption = { mentorProfileId: string; name: string; score: number; reasons: { nl: string; en: string }[] };

/**
 * The mentors a waiting mentee can be moved to by hand: compatible (all hard rules) and with room
 * left after their live matches and this draft's other pairs; best score first. `null` when the
 * application is not waiting in this network.
 */
export async function moveOptions(db: Db, networkId: string, run: MatchingRun, applicationId: string) {
  const weights = networkWeights(run.weights);
  const instance = await loadNetworkInstance(db, networkId, { weights, onlyApplication: applicationId });
  const mentee = instance.mentees[0];
  if (!mentee) return null;
  const draft = await db
    .select({ mentor: matches.mentorProfileId, applicationId: matches.applicationId })
    .from(matches)
    .where(and(eq(matches.runId, run.id), eq(matches.status, 'draft')));
  const load = new Map<string, number>();
  let current: string | null = null;
  for (const d of draft) {
    if (d.applicationId === applicationId) current = d.mentor;
    else load.set(d.mentor, (load.get(d.mentor) ?? 0) + 1);
  }
  const names = new Map(
    instance.mentors.length === 0
      ? []
      : (
          await db
            .select({ id: mentorProfiles.id, name: users.name })
            .from(mentorProfiles)
            .innerJoin(users, eq(users.id, mentorProfiles.userId))
            .where(
              inArray(
                mentorProfiles.id,
                instance.mentors.map((m) => m.id),
              ),
            )
        ).map((r) => [r.id, r.name]),
  );
  const options: MoveOption[] = [];
  for (const mentor of instance.mentors) {
    if (mentor.id === current) continue;
    const loaded = { ...mentor, activeMatches: mentor.activeMatches + (load.get(mentor.id) ?? 0) };
    if (!compatibility(mentee, loaded, { at: instance.at, rules: instance.rules, sameNetwork: true }).ok) continue;
    const { score, reasons } = matchReasons(mentee, mentor, weights, instance.geography);
    options.push({
      mentorProfileId: mentor.id,
      name: names.get(mentor.id) ?? '',
      score,
      reasons: reasons.map((r) => ({ nl: r.nl, en: r.en })),
    });
  }
  options.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'nl'));
  return { current, options };
}

export type HandOutcome = { status: 'ok' } | { status: 'not-found' } | { status: 'not-possible' };

/** Replaces the application's pins with one on this pair. */
async function pinPairRule(tx: Db, networkId: string, applicationId: string, mentorProfileId: string, userId: string | null) {
  await tx.delete(pairRules).where(and(eq(pairRules.applicationId, applicationId), eq(pairRules.kind, 'pin')));
  await saveRule(tx, matchingFlow, { ownerId: networkId, participantId: applicationId, hostId: mentorProfileId, kind: 'pin', userId });
}

/** A draft pair of the run in this network, or null. */
async function draftPair(tx: Db, networkId: string, runId: string, matchId: string) {
  const [match] = await tx
    .select()
    .from(matches)
    .where(and(eq(matches.id, matchId), eq(matches.runId, runId), eq(matches.networkId, networkId), eq(matches.status, 'draft')));
  return match ?? null;
}

/** Keeps a draft pair in every re-run (until the pin is removed). */
export async function pinPair(db: Db, networkId: string, runId: string, matchId: string, userId: string | null): Promise<HandOutcome> {
  return db.transaction(async (tx) => {
    await lockNetwork(tx, networkId);
    if (!(await draftRun(tx, networkId, runId))) return { status: 'not-found' };
    const match = await draftPair(tx, networkId, runId, matchId);
    if (!match) return { status: 'not-found' };
    await pinPairRule(tx, networkId, match.applicationId, match.mentorProfileId, userId);
    await tx.update(matches).set({ pinned: true, updatedAt: now() }).where(eq(matches.id, match.id));
    return { status: 'ok' };
  });
}

/** Never proposes this pair again in this network; the pair leaves the draft. */
export async function forbidPair(db: Db, networkId: string, runId: string, matchId: string, userId: string | null): Promise<HandOutcome> {
  return db.transaction(async (tx) => {
    await lockNetwork(tx, networkId);
    if (!(await draftRun(tx, networkId, runId))) return { status: 'not-found' };
    const match = await draftPair(tx, networkId, runId, matchId);
    if (!match) return { status: 'not-found' };
    await saveRule(tx, matchingFlow, {
      ownerId: networkId,
      participantId: match.applicationId,
      hostId: match.mentorProfileId,
      kind: 'forbid',
      userId,
    });
    await tx.update(matches).set({ status: 'discarded', pinned: false, updatedAt: now() }).where(eq(matches.id, match.id));
    return { status: 'ok' };
  });
}

/**
 * Moves a waiting mentee to another mentor by hand: only to one of `moveOptions` (checked again in
 * the transaction). The new pair is pinned, so re-runs keep it.
 */
export async function moveMentee(
  db: Db,
  networkId: string,
  runId: string,
  applicationId: string,
  mentorProfileId: string,
  userId: string | null,
): Promise<HandOutcome> {
  return db.transaction(async (tx) => {
    await lockNetwork(tx, networkId);
    const run = await draftRun(tx, networkId, runId);
    if (!run) return { status: 'not-found' };
    const found = await moveOptions(tx, networkId, run, applicationId);
    if (!found) return { status: 'not-found' };
    const option = found.options.find((o) => o.mentorProfileId === mentorProfileId);
    if (!option) return { status: 'not-possible' };
    const weights = networkWeights(run.weights);
    const instance = await loadNetworkInstance(tx, networkId, { weights, onlyApplication: applicationId });
    const mentor = instance.mentors.find((m) => m.id === mentorProfileId)!;
    const { score, reasons } = matchReasons(instance.mentees[0]!, mentor, weights, instance.geography);
    const at = now();
    await tx
      .update(matches)
      .set({ status: 'discarded', pinned: false, updatedAt: at })
      .where(and(eq(matches.runId, runId), eq(matches.applicationId, applicationId), eq(matches.status, 'draft')));
    await tx.insert(matches).values({
      networkId,
      applicationId,
      mentorProfileId,
      runId,
      status: 'draft',
      source: 'hand',
      pinned: true,
      score,
      reasons,
      createdBy: userId,
      createdAt: at,
      updatedAt: at,
    });
    await pinPairRule(tx, networkId, applicationId, mentorProfileId, userId);
    return { status: 'ok' };
  });
}

/** Removes a pin or forbid of this network; a removed pin also unpins the pair in the draft. */
export async function removeRule(db: Db, networkId: string, applicationId: string, mentorProfileId: string): Promise<HandOutcome> {
  return db.transaction(async (tx) => {
    await lockNetwork(tx, networkId);
    const kind = await deleteRule(tx, matchingFlow, networkId, applicationId, mentorProfileId);
    if (!kind) return { status: 'not-found' };
    if (kind === 'pin') {
      await tx
        .update(matches)
        .set({ pinned: false, updatedAt: now() })
        .where(
          and(
            eq(matches.networkId, networkId),
            eq(matches.applicationId, applicationId),
            eq(matches.mentorProfileId, mentorProfileId),
            eq(matches.status, 'draft'),
          ),
        );
    }
    return { status: 'ok' };
  });
}

export type { PublishOutcome };

/**
 * Publishes the draft in one transaction: each pair still possible becomes a proposal
 * (`proposedAt` = now), its application `proposed`, and its mentor gets the `match-proposed` email.
 * A pair that is no longer possible (application no longer waiting, mentor paused or full since the
 * run) is discarded and counted as skipped. A run is published once.
 */
export async function publishRun(db: Db, networkId: string, runId: string): Promise<PublishOutcome> {
  return db.transaction(async (tx) => {
    const network = await lockNetwork(tx, networkId);
    const run = await draftRun(tx, networkId, runId, true);
    if (!run) return { status: 'not-draft' };
    const at = now();
    const draftQuery = tx
      .select({
        matchId: matches.id,
        applicationId: matches.applicationId,
        mentorProfileId: matches.mentorProfileId,
        reasons: matches.reasons,
        menteeName: menteeUsers.name,
        municipality: municipalities.name,
        mentorUserId: mentorUsers.id,
        mentorName: mentorUsers.name,
        mentorEmail: mentorUsers.email,
        mentorLocale: mentorUsers.locale,
        capacity: mentorProfiles.capacity,
        pausedUntil: mentorProfiles.pausedUntil,
      })
      .from(matches)
      .$dynamic();
    const draft = await withPairPeople(draftQuery)
      .where(and(eq(matches.runId, runId), eq(matches.status, 'draft')))
      .orderBy(asc(matches.createdAt), asc(matches.id));

    const mentorIds = [...new Set(draft.map((d) => d.mentorProfileId))];
    // Lock the mentors' profiles so that another network's publication cannot fill the same places.
    if (mentorIds.length > 0)
      await tx.select({ id: mentorProfiles.id }).from(mentorProfiles).where(inArray(mentorProfiles.id, mentorIds)).for('update');
    const liveRows =
      mentorIds.length === 0
        ? []
        : await tx
            .select({ mentor: matches.mentorProfileId, count: sql<number>`count(*)::int`.mapWith(Number) })
            .from(matches)
            .where(and(inArray(matches.mentorProfileId, mentorIds), inArray(matches.status, [...liveMatchStatuses])))
            .groupBy(matches.mentorProfileId);
    const live = new Map(liveRows.map((r) => [r.mentor, r.count]));
    const today = at.toISOString().slice(0, 10);

    const appUrl = getEnv().appUrl;
    const propose = async (d: (typeof draft)[number]) => {
      const used = live.get(d.mentorProfileId) ?? 0;
      const paused = d.pausedUntil !== null && d.pausedUntil > today;
      const [application] =
        used < d.capacity && !paused
          ? await tx
              .update(menteeApplications)
              .set({ status: 'proposed', updatedAt: at })
              .where(and(eq(menteeApplications.id, d.applicationId), eq(menteeApplications.status, 'waiting')))
              .returning({ id: menteeApplications.id })
          : [];
      if (!application) return false;
      live.set(d.mentorProfileId, used + 1);
      await tx.update(matches).set({ status: 'proposed', proposedAt: at, updatedAt: at }).where(eq(matches.id, d.matchId));
      await enqueueEmail(tx, {
        template: 'match-proposed',
        to: d.mentorEmail,
        userId: d.mentorUserId,
        props: {
          locale: d.mentorLocale,
          name: d.mentorName,
          menteeFirstName: firstName(d.menteeName),
          municipality: d.municipality,
          networkName: network.name,
          reasons: d.reasons.map((r) => mentorWording(r)[d.mentorLocale]),
          proposalUrl: `${appUrl}/mentor/voorstellen/${d.matchId}`,
          expiresInDays: network.proposalExpiryDays,
        },
      });
      // A pin has done its work once the pair is proposed; a declined pair must not come back.
      await tx
        .delete(pairRules)
        .where(
          and(eq(pairRules.applicationId, d.applicationId), eq(pairRules.mentorProfileId, d.mentorProfileId), eq(pairRules.kind, 'pin')),
        );
      return true;
    };
    const skip = (skipped: typeof draft) =>
      tx
        .update(matches)
        .set({ status: 'discarded', pinned: false, updatedAt: at })
        .where(
          inArray(
            matches.id,
            skipped.map((d) => d.matchId),
          ),
        );
    const outcome = await publishPairs(draft, propose, skip);
    await tx.update(matchingRuns).set({ status: 'published', publishedAt: at }).where(eq(matchingRuns.id, runId));
    return outcome;
  });
}

/** A draft run of this network by id (for the page's actions), or null. */
export const findDraftRun = (db: Db, networkId: string, runId: string) => draftRun(db, networkId, runId);

/** Totals of the draft as it is now (hand changes included) beside the run's own numbers. */
export function draftTotals(stats: RunStats | null, draft: { matched: number; totalScore: number }) {
  return {
    matched: draft.matched,
    totalScore: draft.totalScore,
    runMatched: stats?.matched ?? 0,
    runTotalScore: stats?.totalScore ?? 0,
    greedyMatched: stats?.greedyMatched ?? 0,
    greedyTotalScore: stats?.greedyTotalScore ?? 0,
    mentees: stats?.mentees ?? 0,
    mentors: stats?.mentors ?? 0,
    edges: stats?.edges ?? 0,
    millis: stats?.millis ?? 0,
  };
}

/** How many applications wait in the network, and how many of its mentors completed their profile. */
export async function networkCounts(db: Db, networkId: string) {
  const [[waiting], [mentors]] = await Promise.all([
    db
      .select({ n: count() })
      .from(menteeApplications)
      .where(and(eq(menteeApplications.networkId, networkId), eq(menteeApplications.status, 'waiting'))),
    db
      .select({ n: count() })
      .from(networkMentors)
      .innerJoin(mentorProfiles, eq(mentorProfiles.id, networkMentors.mentorProfileId))
      .where(and(eq(networkMentors.networkId, networkId), sql`${mentorProfiles.completedAt} is not null`)),
  ]);
  return { waiting: Number(waiting?.n ?? 0), mentors: Number(mentors?.n ?? 0) };
}

/** The name of the person behind an application of this network. */
export async function menteeName(db: Db, networkId: string, applicationId: string) {
  const [row] = await db
    .select({ name: users.name })
    .from(menteeApplications)
    .innerJoin(users, eq(users.id, menteeApplications.userId))
    .where(and(eq(menteeApplications.id, applicationId), eq(menteeApplications.networkId, networkId)));
  return row?.name ?? '';
}
