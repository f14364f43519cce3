import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  academies,
  academyApplications,
  placementHosts,
  placementPreferences,
  placementRules,
  placementRuns,
  placements,
  placementSlots,
  users,
  type PlacementRunStats,
} from '~db/schema';
import { now } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink } from '../http.server';
import { queues } from '../jobs/boss.server';
import {
  deleteRule,
  discardOtherDrafts,
  publishPairs,
  saveRule,
  solveDraft,
  startDraftRun,
  type DraftFlow,
  type PublishOutcome,
  type StartRunOutcome,
} from '../matching/draft-flow.server';
import { loadGeography } from '../matching/geography.server';
import { formatDays } from './dates';
import { placementRows } from './rows.server';
import { scorePlacement } from './scoring';

// The academy's placements assigned with the exact matching engine (ADR 008, ADR 018 "Placements"):
// participants are the engine's mentees, slots its mentors (capacity = places left). A run is a
// `placement_runs` row plus a pg-boss job; its pairs are `placements` rows in `draft`; pins and
// forbids are `placement_rules`; publishing turns the drafts into `proposed` and emails the hosts.
// Special-category data (focus groups, disability) is never read here.

/** Placements that hold a slot's place and the participant. */
const live = ['proposed', 'accepted'] as const;

/** The academy's runs, placements and rules in the shared draft flow. */
const placementFlow: DraftFlow = {
  runs: {
    table: placementRuns,
    id: placementRuns.id,
    owner: placementRuns.academyId,
    status: placementRuns.status,
    createdAt: placementRuns.createdAt,
  },
  pairs: { table: placements, runId: placements.runId, status: placements.status },
  rules: {
    table: placementRules,
    owner: placementRules.academyId,
    participant: placementRules.applicationId,
    host: placementRules.slotId,
    kind: placementRules.kind,
  },
  ruleRow: (academyId, applicationId, slotId) => ({ academyId, applicationId, slotId }),
};

/** Everything a run needs, read from the database. */
async function loadPlacementInstance(db: Db, academyId: string) {
  const [academy] = await db.select({ offices: academies.eligibleOffices }).from(academies).where(eq(academies.id, academyId));
  const placed = db
    .select({ id: placements.applicationId })
    .from(placements)
    .where(and(eq(placements.academyId, academyId), inArray(placements.status, live)));
  const participants = await db
    .select({ id: academyApplications.id, municipalityCode: academyApplications.municipalityCode })
    .from(academyApplications)
    .where(
      and(
        eq(academyApplications.academyId, academyId),
        eq(academyApplications.status, 'accepted'),
        sql`${academyApplications.id} not in ${placed}`,
      ),
    )
    .orderBy(asc(academyApplications.createdAt), asc(academyApplications.id));
  const slots = await db
    .select({
      id: placementSlots.id,
      municipalityCode: placementSlots.municipalityCode,
      hostOffice: placementHosts.office,
      capacity: placementSlots.capacity,
      used: sql<number>`(select count(*) from ${placements} where ${placements.slotId} = ${placementSlots.id} and ${placements.status} in ('proposed', 'accepted'))`.mapWith(
        Number,
      ),
    })
    .from(placementSlots)
    .innerJoin(placementHosts, eq(placementHosts.id, placementSlots.hostId))
    .where(and(eq(placementSlots.academyId, academyId), isNull(placementSlots.withdrawnAt)))
    .orderBy(asc(placementSlots.startsOn), asc(placementSlots.id));
  const ids = participants.map((p) => p.id);
  const [preferences, rules, declined] = ids.length
    ? await Promise.all([
        db.select().from(placementPreferences).where(inArray(placementPreferences.applicationId, ids)),
        db
          .select()
          .from(placementRules)
          .where(and(eq(placementRules.academyId, academyId), inArray(placementRules.applicationId, ids))),
        db
          .select({ applicationId: placements.applicationId, slotId: placements.slotId })
          .from(placements)
          .where(and(eq(placements.academyId, academyId), eq(placements.status, 'declined'))),
      ])
    : [[], [], []];
  return { officesAimedAt: academy?.offices ?? [], participants, slots, preferences, rules, declined };
}

type Instance = Awaited<ReturnType<typeof loadPlacementInstance>>;
const key = (applicationId: string, slotId: string) => `${applicationId}:${slotId}`;

/** Scores every allowed pair and solves exactly; pins within capacity go in as pinned pairs. */
async function solvePlacements(db: Db, instance: Instance) {
  const geography = await loadGeography(db);
  const rank = new Map(instance.preferences.map((p) => [key(p.applicationId, p.slotId), p.rank]));
  const never = new Set([
    ...instance.rules.filter((r) => r.kind === 'forbid').map((r) => key(r.applicationId, r.slotId)),
    ...instance.declined.map((d) => key(d.applicationId, d.slotId)),
  ]);
  const participantById = new Map(instance.participants.map((p) => [p.id, p]));
  const slotById = new Map(instance.slots.map((s) => [s.id, s]));
  const solved = solveDraft({
    participants: instance.participants,
    hosts: instance.slots.map((s) => ({ id: s.id, room: Math.max(0, s.capacity - s.used) })),
    pins: instance.rules.filter((r) => r.kind === 'pin').map((r) => ({ participant: r.applicationId, host: r.slotId })),
    score: (applicationId, slotId) => {
      const k = key(applicationId, slotId);
      if (never.has(k)) return null;
      const options = { rank: rank.get(k), officesAimedAt: instance.officesAimedAt, geography };
      return scorePlacement(participantById.get(applicationId)!, slotById.get(slotId)!, options);
    },
  });
  const pairs = solved.pairs.map((p) => ({
    applicationId: p.participantId,
    slotId: p.hostId,
    score: p.score,
    pinned: p.pinned,
    reasons: p.reasons,
  }));
  const stats: PlacementRunStats = {
    participants: instance.participants.length,
    placed: solved.result.matched,
    capacity: solved.capacity,
    totalScore: solved.result.totalScore,
  };
  return { pairs, stats };
}

export type StartOutcome = StartRunOutcome;

/** A run row and its job in one transaction; a second run of the academy while one works is refused. */
export async function startPlacementRun(db: Db, academyId: string, startedBy: string | null): Promise<StartOutcome> {
  return startDraftRun(db, placementFlow, {
    ownerId: academyId,
    lockOwner: async (tx) => {
      await tx.select({ id: academies.id }).from(academies).where(eq(academies.id, academyId)).for('update');
      return { academyId, startedBy };
    },
    queue: queues.placementRun,
  });
}

/** The job: a queued run becomes a draft with its pairs (older drafts discarded), or failed. */
export async function processPlacementRun(db: Db, runId: string): Promise<void> {
  const [run] = await db
    .update(placementRuns)
    .set({ status: 'running', startedAt: now() })
    .where(and(eq(placementRuns.id, runId), eq(placementRuns.status, 'queued')))
    .returning();
  if (!run) return;
  try {
    const { pairs, stats } = await solvePlacements(db, await loadPlacementInstance(db, run.academyId));
    await db.transaction(async (tx) => {
      await discardOtherDrafts(tx, placementFlow, run.academyId, runId);
      if (pairs.length) {
        await tx.insert(placements).values(
          pairs.map((p) => ({
            academyId: run.academyId,
            runId,
            slotId: p.slotId,
            applicationId: p.applicationId,
            status: 'draft' as const,
            score: p.score,
            reasons: p.reasons,
            createdAt: now(),
            updatedAt: now(),
          })),
        );
      }
      await tx.update(placementRuns).set({ status: 'draft', stats, finishedAt: now() }).where(eq(placementRuns.id, runId));
    });
  } catch (error) {
    await db
      .update(placementRuns)
      .set({ status: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: now() })
      .where(eq(placementRuns.id, runId));
  }
}

/** Pins or forbids a participant in a slot of the academy (both must be the academy's). */
export async function setPlacementRule(
  db: Db,
  academyId: string,
  input: { applicationId: string; slotId: string; kind: 'pin' | 'forbid' },
  userId: string,
): Promise<'saved' | 'not-found'> {
  const [application] = await db
    .select({ id: academyApplications.id })
    .from(academyApplications)
    .where(and(eq(academyApplications.id, input.applicationId), eq(academyApplications.academyId, academyId)));
  const [slot] = await db
    .select({ id: placementSlots.id })
    .from(placementSlots)
    .where(and(eq(placementSlots.id, input.slotId), eq(placementSlots.academyId, academyId)));
  if (!application || !slot) return 'not-found';
  await saveRule(db, placementFlow, {
    ownerId: academyId,
    participantId: input.applicationId,
    hostId: input.slotId,
    kind: input.kind,
    userId,
  });
  return 'saved';
}

export async function removePlacementRule(db: Db, academyId: string, input: { applicationId: string; slotId: string }) {
  await deleteRule(db, placementFlow, academyId, input.applicationId, input.slotId);
}

/** The latest run of the academy with its pairs, the participants it left without a place, and the rules. */
export async function placementOverview(db: Db, academyId: string) {
  const [run] = await db
    .select()
    .from(placementRuns)
    .where(and(eq(placementRuns.academyId, academyId), ne(placementRuns.status, 'discarded')))
    .orderBy(desc(placementRuns.createdAt))
    .limit(1);
  const rows = await placementRows(db, [
    'id',
    'status',
    'runId',
    'score',
    'reasons',
    'declineReason',
    'applicationId',
    'slotId',
    'participant',
    'hostName',
    'startsOn',
    'endsOn',
    'municipality',
  ])
    .where(and(eq(placements.academyId, academyId), ne(placements.status, 'discarded')))
    .orderBy(asc(users.name), asc(placements.createdAt));
  const shown = rows.filter((r) => r.status !== 'draft' || r.runId === run?.id);
  const participants = await db
    .select({ id: academyApplications.id, name: users.name })
    .from(academyApplications)
    .leftJoin(users, eq(users.id, academyApplications.userId))
    .where(and(eq(academyApplications.academyId, academyId), eq(academyApplications.status, 'accepted')))
    .orderBy(asc(users.name));
  const rules = await db
    .select({ applicationId: placementRules.applicationId, slotId: placementRules.slotId, kind: placementRules.kind })
    .from(placementRules)
    .where(eq(placementRules.academyId, academyId));
  const withPlace = new Set(shown.filter((r) => r.status !== 'declined' && r.status !== 'cancelled').map((r) => r.applicationId));
  return {
    run: run ?? null,
    placements: shown.map((r) => ({ ...r, participant: r.participant ?? '—', dates: { startsOn: r.startsOn, endsOn: r.endsOn } })),
    unplaced: participants.filter((p) => !withPlace.has(p.id)).map((p) => ({ id: p.id, name: p.name ?? '—' })),
    participants: participants.map((p) => ({ id: p.id, name: p.name ?? '—' })),
    rules,
  };
}

export type { PublishOutcome };

/**
 * Publishes the academy's draft run once (conditional update under the academy's row lock): its pairs
 * become `proposed` and each host gets an email to accept or decline. A pair whose participant or slot
 * got a live placement meanwhile is discarded instead (`skipped`).
 */
export async function publishPlacements(db: Db, academyId: string, runId: string): Promise<PublishOutcome> {
  return db.transaction(async (tx) => {
    await tx.select({ id: academies.id }).from(academies).where(eq(academies.id, academyId)).for('update');
    const [run] = await tx
      .update(placementRuns)
      .set({ status: 'published', publishedAt: now() })
      .where(and(eq(placementRuns.id, runId), eq(placementRuns.academyId, academyId), eq(placementRuns.status, 'draft')))
      .returning({ id: placementRuns.id });
    if (!run) return { status: 'not-draft' } as const;
    const [academy] = await tx.select({ name: academies.name }).from(academies).where(eq(academies.id, academyId));
    const drafts = await placementRows(tx, [
      'id',
      'applicationId',
      'slotId',
      'capacity',
      'withdrawnAt',
      'startsOn',
      'endsOn',
      'hostName',
      'hostUserId',
      'participant',
      'participantMunicipality',
    ])
      .where(and(eq(placements.runId, runId), eq(placements.status, 'draft')))
      .orderBy(asc(placements.createdAt), asc(placements.id));
    const liveRows = await tx
      .select({ applicationId: placements.applicationId, slotId: placements.slotId })
      .from(placements)
      .where(and(eq(placements.academyId, academyId), inArray(placements.status, live)));
    const busyParticipants = new Set(liveRows.map((r) => r.applicationId));
    const used = new Map<string, number>();
    for (const r of liveRows) used.set(r.slotId, (used.get(r.slotId) ?? 0) + 1);
    const propose = async (d: (typeof drafts)[number]) => {
      const taken = used.get(d.slotId) ?? 0;
      if (busyParticipants.has(d.applicationId) || taken >= d.capacity || !d.participant || d.withdrawnAt) return false;
      busyParticipants.add(d.applicationId);
      used.set(d.slotId, taken + 1);
      await tx.update(placements).set({ status: 'proposed', updatedAt: now() }).where(eq(placements.id, d.id));
      if (!d.hostUserId) return true;
      const [host] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, d.hostUserId));
      if (!host) return true;
      await enqueueEmail(tx, {
        template: 'placement-proposed',
        to: host.email,
        userId: d.hostUserId,
        props: {
          locale: host.locale,
          hostName: d.hostName,
          participantName: d.participant,
          participantMunicipality: d.participantMunicipality ?? '',
          academyName: academy!.name,
          dates: formatDays(host.locale, d.startsOn, d.endsOn),
          url: appLink('/stagebieder'),
        },
      });
      return true;
    };
    const skip = (skipped: typeof drafts) =>
      tx
        .update(placements)
        .set({ status: 'discarded', updatedAt: now() })
        .where(
          inArray(
            placements.id,
            skipped.map((d) => d.id),
          ),
        );
    return publishPairs(drafts, propose, skip);
  });
}
