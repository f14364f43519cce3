import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  elections,
  matches,
  matchRouteProgress,
  matchRoutes,
  networkRoutes,
  networkRouteSteps,
  users,
  type RouteElectionKind,
} from '~db/schema';
import { now, dutchToday } from '../clock.server';
import { getBoss, jobsIn, queues } from '../jobs/boss.server';
import { recordOutcome } from '../reports/outcomes.server';
import { datedSteps, nextElection } from './dates';
import { defaultRouteSteps } from './defaults';

// A match's candidacy route (issue 17, item 1): the network's template of steps, dated back from the
// next list deadline, with what the mentee and the mentor ticked and wrote. Everything here takes a
// match the caller already checked the user may see (matchOfParticipant): a mentor reads only the
// routes of their own mentees because no other match reaches this module through the pages.

/**
 * The network's template, made with the default steps the first time it is read. The template row is
 * inserted first and only the transaction that inserted it adds the steps, so two first readers at
 * once do not double them.
 */
export async function routeTemplate(db: Db, networkId: string) {
  let [route] = await db.select().from(networkRoutes).where(eq(networkRoutes.networkId, networkId));
  if (!route) {
    await db.transaction(async (tx) => {
      const [made] = await tx.insert(networkRoutes).values({ networkId }).onConflictDoNothing().returning();
      if (!made) return;
      await tx.insert(networkRouteSteps).values(defaultRouteSteps.map((s, i) => ({ ...s, networkId, position: i + 1 })));
    });
    [route] = await db.select().from(networkRoutes).where(eq(networkRoutes.networkId, networkId));
  }
  const steps = await db
    .select()
    .from(networkRouteSteps)
    .where(eq(networkRouteSteps.networkId, networkId))
    .orderBy(asc(networkRouteSteps.position), asc(networkRouteSteps.createdAt));
  return { electionKind: route!.electionKind, steps };
}

export type TemplateStepInput = { id?: string; titleNl: string; titleEn: string; daysBefore: number; onList: boolean };

/**
 * Saves a network's template as the coordinator left it: steps in the given order, changed in place
 * (ticks on them stay), new ones added, missing ones removed (with their ticks). A step moved into
 * the next two weeks should be announced now, not at the next hourly run: the save queues the
 * network's reminder work (with the save, ADR 004).
 */
export async function saveRouteTemplate(db: Db, networkId: string, electionKind: RouteElectionKind, steps: TemplateStepInput[]) {
  await routeTemplate(db, networkId);
  await db.transaction(async (tx) => {
    const t = now();
    await tx.update(networkRoutes).set({ electionKind, updatedAt: t }).where(eq(networkRoutes.networkId, networkId));
    const existing = await tx
      .select({ id: networkRouteSteps.id })
      .from(networkRouteSteps)
      .where(eq(networkRouteSteps.networkId, networkId))
      .for('update');
    const known = new Set(existing.map((s) => s.id));
    const kept = new Set<string>();
    for (const [i, step] of steps.entries()) {
      const values = { titleNl: step.titleNl, titleEn: step.titleEn, daysBefore: step.daysBefore, onList: step.onList, position: i + 1 };
      if (step.id && known.has(step.id)) {
        kept.add(step.id);
        await tx
          .update(networkRouteSteps)
          .set(values)
          .where(and(eq(networkRouteSteps.id, step.id), eq(networkRouteSteps.networkId, networkId)));
      } else {
        await tx.insert(networkRouteSteps).values({ ...values, networkId });
      }
    }
    const gone = [...known].filter((id) => !kept.has(id));
    if (gone.length) await tx.delete(networkRouteSteps).where(inArray(networkRouteSteps.id, gone));
    await getBoss().send(queues.routeDueWork, { networkId }, { db: jobsIn(tx) });
  });
}

/** The elections in the calendar, oldest first. */
export function electionCalendar(db: Db) {
  return db.select().from(elections).orderBy(asc(elections.listDeadline));
}

/** Whether the mentee lets reminders go to the mentor in copy. */
export async function mentorCopyOf(db: Db, matchId: string) {
  const [row] = await db.select({ mentorCopy: matchRoutes.mentorCopy }).from(matchRoutes).where(eq(matchRoutes.matchId, matchId));
  return row?.mentorCopy ?? false;
}

export async function setMentorCopy(db: Db, matchId: string, mentorCopy: boolean) {
  const t = now();
  await db
    .insert(matchRoutes)
    .values({ matchId, mentorCopy, updatedAt: t })
    .onConflictDoUpdate({ target: matchRoutes.matchId, set: { mentorCopy, updatedAt: t } });
}

/** One match's route as of today: the election it counts to, each step dated, with its tick and note. */
export async function routeOfMatch(db: Db, match: { id: string; networkId: string }, today = dutchToday()) {
  const [template, calendar, progress, mentorCopy] = await Promise.all([
    routeTemplate(db, match.networkId),
    electionCalendar(db),
    db
      .select({
        stepId: matchRouteProgress.stepId,
        doneOn: matchRouteProgress.doneOn,
        note: matchRouteProgress.note,
        updatedByName: users.name,
      })
      .from(matchRouteProgress)
      .leftJoin(users, eq(users.id, matchRouteProgress.updatedBy))
      .where(eq(matchRouteProgress.matchId, match.id)),
    mentorCopyOf(db, match.id),
  ]);
  const election = nextElection(calendar, template.electionKind, today);
  const byStep = new Map(progress.map((p) => [p.stepId, p]));
  const steps = (
    election ? datedSteps(template.steps, election.listDeadline) : template.steps.map((s) => ({ ...s, suggestedOn: null }))
  ).map((s) => {
    const p = byStep.get(s.id);
    return {
      id: s.id,
      titleNl: s.titleNl,
      titleEn: s.titleEn,
      onList: s.onList,
      suggestedOn: s.suggestedOn,
      doneOn: p?.doneOn ?? null,
      note: p?.note ?? '',
      updatedByName: p?.updatedByName ?? null,
    };
  });
  return { election, electionKind: template.electionKind, steps, mentorCopy };
}

/**
 * Ticks (or unticks) one step of a match's route and keeps its note, for the mentee or the mentor.
 * Ticking the "on the list" step also answers the outcome question "were you on a list?" for the
 * mentee, for the election the route counts to. Only active matches change.
 */
export async function saveRouteStep(
  db: Db,
  input: { matchId: string; stepId: string; userId: string; done: boolean; note: string; menteeUserId: string },
) {
  return db.transaction(async (tx) => {
    const [match] = await tx
      .select({ id: matches.id, networkId: matches.networkId, status: matches.status })
      .from(matches)
      .where(eq(matches.id, input.matchId))
      .for('update');
    if (!match) return { status: 'not-found' as const };
    const [step] = await tx
      .select()
      .from(networkRouteSteps)
      .where(and(eq(networkRouteSteps.id, input.stepId), eq(networkRouteSteps.networkId, match.networkId)));
    if (!step) return { status: 'not-found' as const };
    if (match.status !== 'active') return { status: 'not-possible' as const };
    const t = now();
    const today = dutchToday(t);
    const [route] = await tx.select().from(networkRoutes).where(eq(networkRoutes.networkId, match.networkId));
    const election = nextElection(await electionCalendar(tx), route?.electionKind ?? 'municipal', today);
    const [before] = await tx
      .select({ doneOn: matchRouteProgress.doneOn })
      .from(matchRouteProgress)
      .where(and(eq(matchRouteProgress.matchId, match.id), eq(matchRouteProgress.stepId, step.id)));
    // A step ticked earlier keeps its day; unticking clears it.
    const doneOn = input.done ? (before?.doneOn ?? today) : null;
    const set = { doneOn, note: input.note, updatedBy: input.userId, updatedAt: t, electionId: election?.id ?? null };
    await tx
      .insert(matchRouteProgress)
      .values({ matchId: match.id, stepId: step.id, ...set })
      .onConflictDoUpdate({ target: [matchRouteProgress.matchId, matchRouteProgress.stepId], set });
    const answered = step.onList && input.done && !before?.doneOn && election !== null;
    if (answered) await recordOutcome(tx, input.menteeUserId, election.id, 'list', true);
    return { status: 'saved' as const, answered };
  });
}

/**
 * Per step of a network's route, how many of its active matches reached it (ticked it), and how many
 * active matches there are. A mentee counts at their furthest step only in `furthest`.
 */
export async function routeOverview(db: Db, networkId: string) {
  const template = await routeTemplate(db, networkId);
  const rows = await db
    .select({ stepId: matchRouteProgress.stepId, matchId: matchRouteProgress.matchId })
    .from(matchRouteProgress)
    .innerJoin(matches, eq(matches.id, matchRouteProgress.matchId))
    .where(and(eq(matches.networkId, networkId), eq(matches.status, 'active'), sql`${matchRouteProgress.doneOn} is not null`));
  const [{ active } = { active: 0 }] = await db
    .select({ active: sql<number>`count(*)`.mapWith(Number) })
    .from(matches)
    .where(and(eq(matches.networkId, networkId), eq(matches.status, 'active')));
  const position = new Map(template.steps.map((s, i) => [s.id, i]));
  const furthestOf = new Map<string, number>();
  for (const r of rows) {
    const p = position.get(r.stepId) ?? -1;
    furthestOf.set(r.matchId, Math.max(furthestOf.get(r.matchId) ?? -1, p));
  }
  const steps = template.steps.map((s, i) => ({
    id: s.id,
    titleNl: s.titleNl,
    titleEn: s.titleEn,
    reached: rows.filter((r) => r.stepId === s.id).length,
    furthest: [...furthestOf.values()].filter((p) => p === i).length,
  }));
  return { active, started: furthestOf.size, steps };
}
