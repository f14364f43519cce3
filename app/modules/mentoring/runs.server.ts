/**
 * A coordinator's matching run over one network (issue 4 item 9): from the database to the pure
 * scoring (`../matching/scoring.ts`) and engine (`../matching/engine.ts`) and back.
 *
 * - `loadNetworkInstance` reads who may be matched: the network's waiting applications, its mentors
 *   with a completed profile, each mentor's capacity left across ALL networks (one capacity per
 *   person), the pairs that may never be proposed (declined, expired or ended before, forbidden by
 *   the coordinator) and the coordinator's pins.
 * - `solveNetwork` scores, solves exactly, runs greedy for comparison and explains every mentee
 *   left without a mentor.
 * - `startRun` / `processMatchingRun` are the job around it: a `matching_runs` row and a pg-boss job
 *   in one transaction; the job reports progress and writes the draft as `matches` rows.
 *
 * Special-category data (disability, accessibility needs, focus groups) is never read here.
 */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  matches,
  matchingRuns,
  menteeApplications,
  mentorProfiles,
  networkMentors,
  networks,
  pairRules,
  type runProgressLabels,
  type MatchReason,
  type MustHaves,
  type NetworkWeights,
  type RunStats,
} from '~db/schema';
import { now } from '../clock.server';
import { queues } from '../jobs/boss.server';
import { discardOtherDrafts, keepPins, startDraftRun, type DraftFlow, type StartRunOutcome } from '../matching/draft-flow.server';
import { greedyAssignment, parseInstance, solveAssignment, type MatchingResult } from '../matching/engine';
import { loadGeography } from '../matching/geography.server';
import {
  buildEdges,
  defaultWeights,
  pairKey,
  scorePair,
  scorePartIds,
  type Geography,
  type MeetingMode,
  type MenteeApplication,
  type MentorProfile,
  type PairRules,
  type Weights,
} from '../matching/scoring';

// ---------------------------------------------------------------------------------------------
// Weights

/** The network's weights merged over the defaults; unknown keys and bad values are ignored. */
export function networkWeights(stored: NetworkWeights | null | undefined): Weights {
  const weights: Weights = { ...defaultWeights };
  for (const id of scorePartIds) {
    const value = stored?.[id];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1000) weights[id] = value;
  }
  return weights;
}

// ---------------------------------------------------------------------------------------------
// Instance

/** Statuses of matches that hold a mentor's capacity (in any network). */
export const liveMatchStatuses = ['proposed', 'active'] as const;
/** Statuses after which the same mentee (person) and mentor are never proposed again. */
const neverAgainStatuses = ['declined', 'expired', 'ended'] as const;

type InstanceMentee = MenteeApplication & { userId: string };
type InstanceMentor = MentorProfile & { userId: string };

export interface NetworkInstance {
  at: Date;
  weights: Weights;
  geography: Geography;
  /** Waiting applications, oldest first. */
  mentees: InstanceMentee[];
  /** Mentors of the network with a completed profile; `activeMatches` = live matches in all networks. */
  mentors: InstanceMentor[];
  rules: PairRules;
  /** The coordinator's pins on waiting applications, oldest first (not yet checked against capacity). */
  pins: { mentee: string; mentor: string }[];
}

/** A date column (`YYYY-MM-DD`) as the moment that day starts in the Netherlands (close enough: CET). */
const startOfDay = (day: string | null) => (day ? new Date(`${day}T00:00:00+01:00`) : null);

/**
 * Everything a run of the network needs, read from the database. `onlyApplication` limits the
 * mentees to one application (for the "move by hand" choices).
 */
export async function loadNetworkInstance(
  db: Db,
  networkId: string,
  options: { weights?: Weights; at?: Date; onlyApplication?: string; geography?: Geography } = {},
): Promise<NetworkInstance> {
  const at = options.at ?? now();
  const [network] = await db.select({ weights: networks.weights }).from(networks).where(eq(networks.id, networkId));
  const weights = options.weights ?? networkWeights(network?.weights);

  const menteeRows = await db
    .select({
      id: menteeApplications.id,
      userId: menteeApplications.userId,
      municipalityCode: menteeApplications.municipalityCode,
      themes: menteeApplications.themes,
      goals: menteeApplications.goals,
      party: menteeApplications.party,
      meetingModes: menteeApplications.meetingModes,
      languages: menteeApplications.languages,
      mustHaves: menteeApplications.mustHaves,
      availability: menteeApplications.availability,
    })
    .from(menteeApplications)
    .where(
      and(
        eq(menteeApplications.networkId, networkId),
        eq(menteeApplications.status, 'waiting'),
        options.onlyApplication ? eq(menteeApplications.id, options.onlyApplication) : undefined,
      ),
    )
    .orderBy(asc(menteeApplications.createdAt), asc(menteeApplications.id));

  const mentorRows = await db
    .select({
      id: mentorProfiles.id,
      userId: mentorProfiles.userId,
      municipalityCode: mentorProfiles.municipalityCode,
      office: mentorProfiles.office,
      party: mentorProfiles.party,
      gender: mentorProfiles.gender,
      themes: mentorProfiles.themes,
      languages: mentorProfiles.languages,
      meetingModes: mentorProfiles.meetingModes,
      capacity: mentorProfiles.capacity,
      availability: mentorProfiles.availability,
      pausedUntil: mentorProfiles.pausedUntil,
    })
    .from(networkMentors)
    .innerJoin(mentorProfiles, eq(mentorProfiles.id, networkMentors.mentorProfileId))
    .where(and(eq(networkMentors.networkId, networkId), sql`${mentorProfiles.completedAt} is not null`))
    .orderBy(asc(networkMentors.joinedAt), asc(mentorProfiles.id));

  const mentorIds = mentorRows.map((m) => m.id);
  const menteeUserIds = [...new Set(menteeRows.flatMap((m) => (m.userId === null ? [] : [m.userId])))];

  const [liveCounts, history, rules, geography] = await Promise.all([
    mentorIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ mentor: matches.mentorProfileId, count: sql<number>`count(*)::int`.mapWith(Number) })
          .from(matches)
          .where(and(inArray(matches.mentorProfileId, mentorIds), inArray(matches.status, [...liveMatchStatuses])))
          .groupBy(matches.mentorProfileId),
    menteeUserIds.length === 0 || mentorIds.length === 0
      ? Promise.resolve([])
      : db
          .selectDistinct({ userId: menteeApplications.userId, mentor: matches.mentorProfileId })
          .from(matches)
          .innerJoin(menteeApplications, eq(menteeApplications.id, matches.applicationId))
          .where(
            and(
              inArray(matches.status, [...neverAgainStatuses]),
              inArray(menteeApplications.userId, menteeUserIds),
              inArray(matches.mentorProfileId, mentorIds),
            ),
          ),
    db
      .select({ application: pairRules.applicationId, mentor: pairRules.mentorProfileId, kind: pairRules.kind })
      .from(pairRules)
      .where(eq(pairRules.networkId, networkId))
      .orderBy(asc(pairRules.createdAt), asc(pairRules.applicationId), asc(pairRules.mentorProfileId)),
    options.geography ? Promise.resolve(options.geography) : loadGeography(db),
  ]);

  const live = new Map(liveCounts.map((r) => [r.mentor, r.count]));
  // Anonymised (deleted) people have no user id any more and take part in no run.
  const mentors: InstanceMentor[] = mentorRows
    .flatMap((m) => (m.userId === null ? [] : [{ ...m, userId: m.userId }]))
    .map((m) => ({
      id: m.id,
      userId: m.userId,
      municipalityCode: m.municipalityCode ?? '',
      office: m.office,
      party: m.party,
      gender: m.gender,
      themes: m.themes,
      languages: m.languages,
      meetingModes: m.meetingModes as MeetingMode[],
      capacity: m.capacity,
      activeMatches: live.get(m.id) ?? 0,
      pausedUntil: startOfDay(m.pausedUntil),
      availability: m.availability,
    }));
  const mentees: InstanceMentee[] = menteeRows
    .flatMap((m) => (m.userId === null ? [] : [{ ...m, userId: m.userId }]))
    .map((m) => ({
      id: m.id,
      userId: m.userId,
      municipalityCode: m.municipalityCode,
      themes: m.themes,
      goals: m.goals,
      party: m.party,
      meetingModes: m.meetingModes as MeetingMode[],
      languages: m.languages,
      mustHaves: (m.mustHaves ?? {}) as MustHaves,
      availability: m.availability,
    }));

  // "Never again" is about people: the same mentee (whatever the application) and mentor.
  const neverAgain = new Set(history.map((h) => `${h.userId}:${h.mentor}`));
  const declinedOrEnded = new Set<string>();
  const forbidden = new Set<string>();
  for (const e of mentees) {
    for (const r of mentors) {
      if (neverAgain.has(`${e.userId}:${r.id}`)) declinedOrEnded.add(pairKey(e.id, r.id));
      // Nobody mentors themselves.
      if (e.userId === r.userId) forbidden.add(pairKey(e.id, r.id));
    }
  }
  const waiting = new Set(mentees.map((m) => m.id));
  const pins: { mentee: string; mentor: string }[] = [];
  for (const rule of rules) {
    if (!waiting.has(rule.application)) continue;
    if (rule.kind === 'forbid') forbidden.add(pairKey(rule.application, rule.mentor));
    else pins.push({ mentee: rule.application, mentor: rule.mentor });
  }

  return { at, weights, geography, mentees, mentors, rules: { declinedOrEnded, forbidden }, pins };
}

// ---------------------------------------------------------------------------------------------
// Solving

export type UnmatchedReason =
  | 'no-compatible-mentor'
  | 'all-compatible-mentors-full'
  | 'all-compatible-mentors-paused'
  /** Compatible mentors exist, but the optimum gives their places to other mentees. */
  | 'compatible-mentors-taken';

interface DraftPair {
  applicationId: string;
  mentorProfileId: string;
  score: number;
  pinned: boolean;
  reasons: MatchReason[];
}

export interface NetworkSolution {
  edges: number;
  result: MatchingResult;
  greedy: MatchingResult;
  pairs: DraftPair[];
  unmatched: { applicationId: string; reason: UnmatchedReason }[];
  /** Pins that could not be kept (no longer compatible, or the mentor is full). */
  droppedPins: { mentee: string; mentor: string }[];
}

/**
 * The reasons of a pair's score as stored on a match: each contributing part with its sentences,
 * for the mentee (and coordinator) and for the mentor.
 */
export function matchReasons(mentee: MenteeApplication, mentor: MentorProfile, weights: Weights, geography: Geography) {
  const scored = scorePair(mentee, mentor, weights, geography);
  const reasons: MatchReason[] = [];
  for (const part of scored.parts) {
    if (!part.explanation || !part.mentorExplanation) continue;
    reasons.push({
      id: part.id,
      points: Math.round(part.points * 10) / 10,
      nl: part.explanation.nl,
      en: part.explanation.en,
      mentor: { nl: part.mentorExplanation.nl, en: part.mentorExplanation.en },
    });
  }
  return { score: scored.score, reasons };
}

/** Scores, solves exactly, compares with greedy, and explains why the others stay unmatched. */
export function solveNetwork(instance: NetworkInstance, onStep?: (step: 'solving') => void): NetworkSolution {
  const { mentees, mentors, weights, geography, rules, at } = instance;
  const built = buildEdges(mentees, mentors, weights, geography, { at, rules });
  onStep?.('solving');

  // Pins are kept when the pair is still compatible and the mentor still has room (oldest first).
  const edgeKeys = new Set(built.edges.map((e) => pairKey(e.mentee, e.mentor)));
  const room = new Map(mentors.map((m) => [m.id, Math.max(0, m.capacity - m.activeMatches)]));
  const kept = keepPins(
    instance.pins.map((pin) => ({ participant: pin.mentee, host: pin.mentor })),
    room,
    (pin) => edgeKeys.has(pairKey(pin.participant, pin.host)),
  );
  const pinnedMentees = kept.pinnedParticipants;
  const asPin = (pin: { participant: string; host: string }) => ({ mentee: pin.participant, mentor: pin.host });
  const pins = kept.kept.map(asPin);
  const droppedPins = kept.dropped.map(asPin);

  const prepared = parseInstance({
    mentors: mentors.map((m) => ({ id: m.id, capacity: Math.max(0, m.capacity - m.activeMatches) })),
    mentees: mentees.map((m) => ({ id: m.id })),
    edges: built.edges,
    pinned: pins,
  });
  const result = solveAssignment(prepared);
  const greedy = greedyAssignment(prepared);

  const menteeById = new Map(mentees.map((m) => [m.id, m]));
  const mentorById = new Map(mentors.map((m) => [m.id, m]));
  const pairs: DraftPair[] = result.assignments.map((a) => {
    const { reasons } = matchReasons(menteeById.get(a.mentee)!, mentorById.get(a.mentor)!, weights, geography);
    return { applicationId: a.mentee, mentorProfileId: a.mentor, score: a.score, pinned: pinnedMentees.has(a.mentee), reasons };
  });

  const assigned = new Set(result.assignments.map((a) => a.mentee));
  const unmatchable = new Map(built.unmatchable.map((u) => [u.mentee, u.reason]));
  const unmatched = mentees
    .filter((m) => !assigned.has(m.id))
    .map((m) => ({ applicationId: m.id, reason: (unmatchable.get(m.id) ?? 'compatible-mentors-taken') as UnmatchedReason }));

  return { edges: built.edges.length, result, greedy, pairs, unmatched, droppedPins };
}

// ---------------------------------------------------------------------------------------------
// The run as a job

type RunProgressLabel = (typeof runProgressLabels)[number];

export { STALE_RUN_MS } from '../matching/draft-flow.server';
export type { StartRunOutcome };

/** The network's runs, matches and rules in the shared draft flow. */
export const matchingFlow: DraftFlow = {
  runs: {
    table: matchingRuns,
    id: matchingRuns.id,
    owner: matchingRuns.networkId,
    status: matchingRuns.status,
    createdAt: matchingRuns.createdAt,
  },
  pairs: { table: matches, runId: matches.runId, status: matches.status },
  rules: {
    table: pairRules,
    owner: pairRules.networkId,
    participant: pairRules.applicationId,
    host: pairRules.mentorProfileId,
    kind: pairRules.kind,
  },
  ruleRow: (networkId, applicationId, mentorProfileId) => ({ networkId, applicationId, mentorProfileId }),
};

/**
 * Creates the run (queued, with a snapshot of the weights) and its job in one transaction. Refuses
 * while another run of the network is still queued or running.
 */
export async function startRun(db: Db, networkId: string, startedBy: string | null): Promise<StartRunOutcome> {
  return startDraftRun(db, matchingFlow, {
    ownerId: networkId,
    lockOwner: async (tx) => {
      const [network] = await tx.select().from(networks).where(eq(networks.id, networkId)).for('update');
      if (!network) throw new Error(`network ${networkId} not found`);
      return { networkId, startedBy, weights: networkWeights(network.weights) };
    },
    queue: queues.matchingRun,
  });
}

async function setProgress(db: Db, runId: string, progress: number, label: RunProgressLabel) {
  await db.update(matchingRuns).set({ progress, progressLabel: label }).where(eq(matchingRuns.id, runId));
}

/**
 * The job: runs a queued run (once; a repeated job for a run that is no longer queued does nothing)
 * and leaves it as `draft` with its pairs and stats, or as `failed` with the error.
 */
export async function processMatchingRun(db: Db, runId: string): Promise<void> {
  const [run] = await db
    .update(matchingRuns)
    .set({ status: 'running', startedAt: now(), progress: 5, progressLabel: 'loading' })
    .where(and(eq(matchingRuns.id, runId), eq(matchingRuns.status, 'queued')))
    .returning();
  if (!run) return;
  const started = performance.now();
  try {
    const weights = networkWeights(run.weights);
    const instance = await loadNetworkInstance(db, run.networkId, { weights });
    await setProgress(db, runId, 25, 'scoring');
    let solvingShown: Promise<void> = Promise.resolve();
    const solution = solveNetwork(instance, () => {
      solvingShown = setProgress(db, runId, 60, 'solving');
    });
    await solvingShown;
    await setProgress(db, runId, 85, 'saving');

    const stats: RunStats = {
      mentees: instance.mentees.length,
      mentors: instance.mentors.length,
      edges: solution.edges,
      matched: solution.result.matched,
      totalScore: solution.result.totalScore,
      greedyMatched: solution.greedy.matched,
      greedyTotalScore: solution.greedy.totalScore,
      unmatched: solution.unmatched,
      millis: 0,
    };
    await db.transaction(async (tx) => {
      // One writer per network at a time: runs saving, publishing and hand changes.
      await tx.select({ id: networks.id }).from(networks).where(eq(networks.id, run.networkId)).for('update');
      await discardOtherDrafts(tx, matchingFlow, run.networkId, runId);
      const at = now();
      for (let i = 0; i < solution.pairs.length; i += 500) {
        await tx.insert(matches).values(
          solution.pairs.slice(i, i + 500).map((p) => ({
            networkId: run.networkId,
            applicationId: p.applicationId,
            mentorProfileId: p.mentorProfileId,
            runId,
            status: 'draft' as const,
            source: 'run' as const,
            pinned: p.pinned,
            score: p.score,
            reasons: p.reasons,
            createdBy: run.startedBy,
            createdAt: at,
            updatedAt: at,
          })),
        );
      }
      stats.millis = Math.round(performance.now() - started);
      await tx
        .update(matchingRuns)
        .set({ status: 'draft', progress: 100, progressLabel: null, stats, finishedAt: now() })
        .where(eq(matchingRuns.id, runId));
    });
  } catch (error) {
    // drizzle wraps database errors in "Failed query: <sql>"; the coordinator needs the cause.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const message = cause instanceof Error ? cause.message : String(cause);
    console.error('[matching-run]', runId, error);
    await db
      .update(matchingRuns)
      .set({ status: 'failed', error: message.slice(0, 1000), finishedAt: now() })
      .where(eq(matchingRuns.id, runId));
  }
}

/** The network's latest run that is not discarded, or null. */
export async function latestRun(db: Db, networkId: string) {
  const [run] = await db
    .select()
    .from(matchingRuns)
    .where(and(eq(matchingRuns.networkId, networkId), ne(matchingRuns.status, 'discarded')))
    .orderBy(desc(matchingRuns.createdAt), desc(matchingRuns.id))
    .limit(1);
  return run ?? null;
}
