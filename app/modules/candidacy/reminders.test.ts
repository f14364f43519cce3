import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '~db/client.server';
import { describe, expect, it } from 'vitest';
import { matches, routeReminders } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createProposal } from '../../../test/matches';
import { setClock } from '../clock.server';
import { addDays } from './dates';
import { dueRouteReminders, runDueRouteWork } from './reminders.server';
import { electionCalendar, routeOfMatch, routeTemplate, saveRouteStep, saveRouteTemplate } from './route.server';

// The hourly route job finds what is due in SQL (dueRouteReminders) instead of reading every active
// match's route in Node. This checks it against the rule it replaced, written out here as it was:
// for each active match, its route as the match page shows it, a reminder for every unticked step
// dated within the next 14 days, and one for a nomination day of the route's kind passed at most 14
// days ago while "on the list" is unticked (for matches accepted by then).

const t = setupTestDatabase();
const db = () => t.handle.db;

const on = (day: string) => setClock(new Date(`${day}T11:00:00Z`));

/** The rule before: every active match read one by one (reminders.server.ts until 7 Dec 2026). */
async function dueTheOldWay(today: string) {
  const active = await db().select().from(matches).where(eq(matches.status, 'active'));
  const calendar = await electionCalendar(db());
  const recent = calendar.filter((e) => e.listDeadline < today && today <= addDays(e.listDeadline, 14));
  const due: string[] = [];
  for (const match of active) {
    const route = await routeOfMatch(db(), match, today);
    if (route.election) {
      for (const step of route.steps) {
        if (step.doneOn || !step.suggestedOn) continue;
        if (today < addDays(step.suggestedOn, -14) || today > step.suggestedOn) continue;
        due.push(`${match.id} step-soon ${route.election.id} ${step.id} ${step.suggestedOn}`);
      }
    }
    const onList = route.steps.find((s) => s.onList);
    if (!onList || onList.doneOn) continue;
    for (const e of recent.filter((x) => x.kind === route.electionKind)) {
      if (!match.acceptedAt || match.acceptedAt.toISOString().slice(0, 10) > e.listDeadline) continue;
      due.push(`${match.id} deadline-passed ${e.id} deadline ${e.listDeadline}`);
    }
  }
  return due.sort();
}

async function sentKeys() {
  const rows = await db().select().from(routeReminders);
  return rows.map((r) => `${r.matchId} ${r.kind} ${r.electionId} ${r.subject}`).sort();
}

describe('route reminders found in SQL', () => {
  it('are the same reminders as the old per-match rule, day by day, each sent once', async () => {
    // Municipal routes from before the 2026 nomination day, one of them with its first step ticked.
    on('2025-12-01');
    const early = await createProposal(db(), { status: 'active' });
    const second = await createProposal(db(), { status: 'active', network: early.network });
    const ticked = await createProposal(db(), { status: 'active', network: early.network });
    const steps = (await routeTemplate(db(), early.network.id)).steps;
    const menteeUserId = ticked.mentee.user.id;
    await saveRouteStep(db(), {
      matchId: ticked.match.id,
      stepId: steps.at(-1)!.id,
      userId: menteeUserId,
      done: true,
      note: '',
      menteeUserId,
    });
    // A match that ended, and a proposal: never reminded.
    const ended = await createProposal(db(), { status: 'active', network: early.network });
    await db().update(matches).set({ status: 'ended' }).where(eq(matches.id, ended.match.id));
    await createProposal(db(), { network: early.network });
    // A provincial network whose template moves its steps close to the 2027 nomination day, and has two more.
    const provincial = await createProposal(db(), { status: 'active' });
    const own = (await routeTemplate(db(), provincial.network.id)).steps;
    await saveRouteTemplate(db(), provincial.network.id, 'provincial', [
      ...own.map((s, i) => ({ ...s, daysBefore: 60 - i * 10 })),
      { titleNl: 'Extra stap', titleEn: 'Extra step', daysBefore: 45, onList: false },
    ]);
    // A network nobody opened yet (its template is made by the job itself), accepted after the 2026 nomination day.
    on('2026-02-05');
    const late = await createProposal(db(), { status: 'active' });

    const days = [
      '2026-01-10',
      '2026-01-20',
      '2026-02-03',
      '2026-02-10',
      '2026-12-01',
      '2026-12-10',
      '2027-01-05',
      '2027-02-02',
      '2028-10-28',
      '2028-11-05',
    ];
    let total = 0;
    for (const day of days) {
      on(day);
      const before = await sentKeys();
      const expected = (await dueTheOldWay(day)).filter((k) => !before.includes(k.split(' ').slice(0, 4).join(' ')));
      const found = (await dueRouteReminders(db(), day)).map((r) => `${r.matchId} ${r.kind} ${r.electionId} ${r.subject} ${r.date}`).sort();
      expect(found, day).toEqual(expected);
      const done = await runDueRouteWork(db());
      expect(done.stepsSoon + done.deadlines, day).toBe(expected.length);
      expect(await sentKeys(), day).toEqual([...before, ...expected.map((k) => k.split(' ').slice(0, 4).join(' '))].sort());
      // Again the same day: nothing more.
      expect(await dueRouteReminders(db(), day), day).toEqual([]);
      total += expected.length;
    }
    // The set exercised both kinds and both election kinds, and every active match got something.
    const sent = await sentKeys();
    expect(total).toBe(sent.length);
    expect(sent.some((k) => k.includes(' deadline-passed gr2026 '))).toBe(true);
    expect(sent.some((k) => k.includes(' deadline-passed ps2027 '))).toBe(true);
    expect(sent.some((k) => k.includes(' step-soon ps2027 '))).toBe(true);
    expect(sent.some((k) => k.includes(' step-soon gr2030 '))).toBe(true);
    for (const m of [early, second, ticked, provincial, late])
      expect(
        sent.some((k) => k.startsWith(m.match.id)),
        m.match.id,
      ).toBe(true);
    expect(sent.some((k) => k.startsWith(ended.match.id))).toBe(false);
    // "On the list" ticked: no passed-deadline reminder for that match.
    expect(sent.some((k) => k.startsWith(`${ticked.match.id} deadline-passed`))).toBe(false);
    // Accepted after the 2026 nomination day: none for that one either.
    expect(sent.some((k) => k.startsWith(`${late.match.id} deadline-passed gr2026`))).toBe(false);
  });

  it('a saved template queues its network’s run, which reaches only that network', async () => {
    on('2026-12-01');
    const a = await createProposal(db(), { status: 'active' });
    const b = await createProposal(db(), { status: 'active' });
    for (const p of [a, b]) {
      const { steps } = await routeTemplate(db(), p.network.id);
      // The first step on 8 December 2026 (the 2027 provincial nomination day is 1 February).
      await saveRouteTemplate(db(), p.network.id, 'provincial', [{ ...steps[0]!, daysBefore: 55 }, ...steps.slice(1)]);
    }
    const queued = rowsOf<{ n: number }>(
      await db().execute(
        sql`select count(*)::int as n from pgboss.job where name = 'route-due-work' and data->>'networkId' = ${a.network.id}`,
      ),
    );
    expect(Number(queued[0]!.n)).toBe(1);
    expect(await runDueRouteWork(db(), { networkId: a.network.id })).toEqual({ stepsSoon: 1, deadlines: 0 });
    const ofThese = (await sentKeys()).map((k) => k.split(' ')[0]).filter((id) => id === a.match.id || id === b.match.id);
    expect(ofThese).toEqual([a.match.id]);
  });
});
