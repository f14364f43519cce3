import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '~db/client.server';
import { now } from '../clock.server';
import { getBoss, jobsIn, type queues } from '../jobs/boss.server';
import { solveAssignment } from './engine';

// The draft → review → publish flow that mentoring (a network's mentees and mentors, ADR 008) and
// academies (an academy's participants and placement slots, ADR 018) both run on the exact engine:
// a run is a row of a runs table plus a pg-boss job; its pairs are rows in `draft` of a pairs table;
// the coordinator's pins and forbids are rows of a rules table; publishing turns the drafts into
// proposals, one at a time and in order, skipping a pair that is no longer possible.
//
// Each flow names its tables and the columns these steps touch (`DraftFlow`); what differs (who is
// paired, how a pair is scored and explained, what publishing checks and who gets which email) stays
// in the flow's own module and comes in as arguments.

/** A run still queued or running longer than this is taken as lost (a worker died); a new one may start. */
export const STALE_RUN_MS = 15 * 60_000;

/** Where one flow keeps its runs, draft pairs and rules. Every table has `status` (runs, pairs) and `kind` (rules). */
export interface DraftFlow {
  /** The runs: one row a run, owned by a network or an academy. */
  runs: { table: PgTable; id: PgColumn; owner: PgColumn; status: PgColumn; createdAt: PgColumn };
  /** The pairs a run drafts (`status` 'draft' until published or discarded; `updatedAt` set on change). */
  pairs: { table: PgTable; runId: PgColumn; status: PgColumn };
  /** The coordinator's pins and forbids, one per participant and host (a unique key on the two). */
  rules: { table: PgTable; owner: PgColumn; participant: PgColumn; host: PgColumn; kind: PgColumn };
  /** A rules row's owner, participant and host columns by their property names. */
  ruleRow: (owner: string, participant: string, host: string) => Record<string, string>;
}

/** A run of the owner queued or running, not yet lost; null when none. */
async function busyRun(tx: Db, flow: DraftFlow, ownerId: string) {
  const { runs } = flow;
  const [busy] = await tx
    .select({ id: runs.id })
    .from(runs.table)
    .where(
      and(
        eq(runs.owner, ownerId),
        inArray(runs.status, ['queued', 'running']),
        sql`${runs.createdAt} > ${new Date(now().getTime() - STALE_RUN_MS).toISOString()}::timestamptz`,
      ),
    )
    .limit(1);
  return (busy?.id as string | undefined) ?? null;
}

export type StartRunOutcome = { status: 'started' | 'busy'; runId: string };

/**
 * A run row and its job in one transaction. `lockOwner` locks the owner's row (one writer per network
 * or academy) and answers the new run's own columns; a second run of the owner while one is queued or
 * running (and not lost) is refused as busy.
 */
export async function startDraftRun(
  db: Db,
  flow: DraftFlow,
  run: {
    ownerId: string;
    lockOwner: (tx: Db) => Promise<Record<string, unknown>>;
    queue: (typeof queues)[keyof typeof queues];
  },
): Promise<StartRunOutcome> {
  return db.transaction(async (tx) => {
    const values = await run.lockOwner(tx);
    const busy = await busyRun(tx, flow, run.ownerId);
    if (busy) return { status: 'busy', runId: busy };
    const [created] = await tx
      .insert(flow.runs.table)
      .values({ ...values, status: 'queued', createdAt: now() } as never)
      .returning({ id: flow.runs.id });
    const runId = created!.id as string;
    await getBoss().send(run.queue, { runId }, { db: jobsIn(tx) });
    return { status: 'started', runId };
  });
}

/** Discards the owner's draft runs other than `keepRunId`, and their draft pairs. */
export async function discardOtherDrafts(tx: Db, flow: DraftFlow, ownerId: string, keepRunId: string) {
  const { runs, pairs } = flow;
  const old = await tx
    .update(runs.table)
    .set({ status: 'discarded' } as never)
    .where(and(eq(runs.owner, ownerId), eq(runs.status, 'draft'), ne(runs.id, keepRunId)))
    .returning({ id: runs.id });
  if (old.length === 0) return;
  await tx
    .update(pairs.table)
    .set({ status: 'discarded', updatedAt: now() } as never)
    .where(
      and(
        inArray(
          pairs.runId,
          old.map((r) => r.id as string),
        ),
        eq(pairs.status, 'draft'),
      ),
    );
}

/** Pins or forbids a participant with a host (one rule a pair: a second replaces the first). */
export async function saveRule(
  tx: Db,
  flow: DraftFlow,
  rule: { ownerId: string; participantId: string; hostId: string; kind: 'pin' | 'forbid'; userId: string | null },
) {
  const at = now();
  await tx
    .insert(flow.rules.table)
    .values({
      ...flow.ruleRow(rule.ownerId, rule.participantId, rule.hostId),
      kind: rule.kind,
      createdBy: rule.userId,
      createdAt: at,
    } as never)
    .onConflictDoUpdate({
      target: [flow.rules.participant, flow.rules.host],
      set: { kind: rule.kind, createdBy: rule.userId, createdAt: at } as never,
    });
}

/** Removes the owner's rule on this pair; its kind, or null when there was none. */
export async function deleteRule(tx: Db, flow: DraftFlow, ownerId: string, participantId: string, hostId: string) {
  const { rules } = flow;
  const [removed] = await tx
    .delete(rules.table)
    .where(and(eq(rules.owner, ownerId), eq(rules.participant, participantId), eq(rules.host, hostId)))
    .returning({ kind: rules.kind });
  return (removed?.kind as 'pin' | 'forbid' | undefined) ?? null;
}

export type Pin = { participant: string; host: string };

/**
 * The pins a run keeps, in their order: a pin holds when its pair is still allowed, its participant
 * has no other pin kept, and its host has room left (each kept pin takes one place). The others are
 * dropped, so the page can say so.
 */
export function keepPins(pins: Pin[], room: ReadonlyMap<string, number>, allowed: (pin: Pin) => boolean) {
  const left = new Map(room);
  const pinnedParticipants = new Set<string>();
  const kept: Pin[] = [];
  const dropped: Pin[] = [];
  for (const pin of pins) {
    const places = left.get(pin.host) ?? 0;
    if (pinnedParticipants.has(pin.participant) || !allowed(pin) || places <= 0) {
      dropped.push(pin);
      continue;
    }
    left.set(pin.host, places - 1);
    pinnedParticipants.add(pin.participant);
    kept.push(pin);
  }
  return { kept, dropped, pinnedParticipants };
}

/**
 * Scores every allowed pair, keeps the pins and solves exactly: the flow gives its participants, its
 * hosts with the places they have left, and `score` (null for a pair that may never be made).
 */
export function solveDraft<R>(input: {
  participants: { id: string }[];
  hosts: { id: string; room: number }[];
  pins: Pin[];
  score: (participantId: string, hostId: string) => { score: number; reasons: R } | null;
}) {
  const scored = new Map<string, { score: number; reasons: R }>();
  const edges = [];
  for (const participant of input.participants) {
    for (const host of input.hosts) {
      const pair = input.score(participant.id, host.id);
      if (!pair) continue;
      scored.set(pairKeyOf(participant.id, host.id), pair);
      edges.push({ mentee: participant.id, mentor: host.id, score: pair.score });
    }
  }
  const room = new Map(input.hosts.map((h) => [h.id, h.room]));
  const pins = keepPins(input.pins, room, (pin) => scored.has(pairKeyOf(pin.participant, pin.host)));
  const result = solveAssignment({
    mentees: input.participants.map((p) => ({ id: p.id })),
    mentors: input.hosts.map((h) => ({ id: h.id, capacity: h.room })),
    edges,
    pinned: pins.kept.map((p) => ({ mentee: p.participant, mentor: p.host })),
  });
  const pairs = result.assignments.map((a) => ({
    participantId: a.mentee,
    hostId: a.mentor,
    score: a.score,
    pinned: pins.pinnedParticipants.has(a.mentee),
    reasons: scored.get(pairKeyOf(a.mentee, a.mentor))!.reasons,
  }));
  return { pairs, result, capacity: input.hosts.reduce((sum, h) => sum + h.room, 0) };
}

const pairKeyOf = (participant: string, host: string) => `${participant}:${host}`;

export type PublishOutcome = { status: 'published'; proposed: number; skipped: number } | { status: 'not-draft' };

/**
 * Publishes a draft's pairs in their order: `propose` makes one a proposal (and sends its email) and
 * answers false when the pair is no longer possible; `skip` then discards those. Counts both.
 */
export async function publishPairs<D>(drafts: D[], propose: (draft: D) => Promise<boolean>, skip: (drafts: D[]) => Promise<unknown>) {
  let proposed = 0;
  const skipped: D[] = [];
  for (const draft of drafts) {
    if (await propose(draft)) proposed++;
    else skipped.push(draft);
  }
  if (skipped.length > 0) await skip(skipped);
  return { status: 'published' as const, proposed, skipped: skipped.length };
}
