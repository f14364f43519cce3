import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { candidacyOutcomes, emailMessages, matches } from '~db/schema';
import { renderEmail } from '~emails/index';
import { setupTestDatabase } from '../../../test/database';
import { createProposal } from '../../../test/matches';
import { setClock } from '../clock.server';
import { deliverEmail } from '../email/delivery.server';
import { setPreferences } from '../email/preferences.server';
import { mailboxProvider } from '../email/providers.server';
import { runDueRouteWork } from './reminders.server';
import { routeOfMatch, routeOverview, routeTemplate, saveRouteStep, saveRouteTemplate, setMentorCopy } from './route.server';

const t = setupTestDatabase();
const db = () => t.handle.db;

/** Noon in Amsterdam on that day. */
const on = (day: string) => setClock(new Date(`${day}T11:00:00Z`));

async function activeMatch() {
  on('2027-03-01');
  return createProposal(db(), { status: 'active' });
}

const mails = (to: string) =>
  db()
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.recipient, to), eq(emailMessages.template, 'route-reminder')));

describe('a match’s candidacy route', () => {
  it('starts from the default steps, dated back from the next municipal list deadline', async () => {
    const p = await activeMatch();
    const route = await routeOfMatch(db(), p.match, '2027-03-01');
    expect(route.election?.id).toBe('gr2030');
    expect(route.steps.map((s) => [s.titleNl, s.suggestedOn])).toEqual([
      ['Bezoek een raadsvergadering', '2028-11-11'],
      ['Praat met een lokale partij', '2028-12-31'],
      ['Vraag naar de selectieprocedure', '2029-02-04'],
      ['Stuur je brief naar de kandidatencommissie', '2029-04-10'],
      ['Gesprek met de kandidatencommissie', '2029-06-09'],
      ['Op de lijst', '2030-02-04'],
    ]);
    // Read twice (or by two people at once): the template is made once.
    await Promise.all([routeTemplate(db(), p.network.id), routeTemplate(db(), p.network.id)]);
    expect((await routeTemplate(db(), p.network.id)).steps).toHaveLength(6);
  });

  it('a provincial route before 2 February 2027 counts to the Provincial elections of 2027, after it to none yet', async () => {
    const p = await activeMatch();
    const { steps } = await routeTemplate(db(), p.network.id);
    await saveRouteTemplate(db(), p.network.id, 'provincial', steps);
    expect((await routeOfMatch(db(), p.match, '2027-01-20')).election?.id).toBe('ps2027');
    const after = await routeOfMatch(db(), p.match, '2027-02-02');
    expect(after.election).toBeNull();
    expect(after.steps.every((s) => s.suggestedOn === null)).toBe(true);
  });

  it('ticking a step keeps its day and note; ticking "on the list" answers the outcome question for that election', async () => {
    const p = await activeMatch();
    const { steps } = await routeOfMatch(db(), p.match);
    const first = steps[0]!;
    const menteeUserId = p.mentee.user.id;
    expect(
      await saveRouteStep(db(), {
        matchId: p.match.id,
        stepId: first.id,
        userId: menteeUserId,
        done: true,
        note: 'Dinsdag geweest',
        menteeUserId,
      }),
    ).toEqual({
      status: 'saved',
      answered: false,
    });
    on('2027-03-05');
    // The mentor changes the note later: the day it was reached stays.
    await saveRouteStep(db(), {
      matchId: p.match.id,
      stepId: first.id,
      userId: p.mentor.user.id,
      done: true,
      note: 'Samen geweest',
      menteeUserId,
    });
    let route = await routeOfMatch(db(), p.match);
    expect(route.steps[0]).toMatchObject({ doneOn: '2027-03-01', note: 'Samen geweest', updatedByName: 'Jan de Mentor' });

    const last = steps.find((s) => s.onList)!;
    expect(
      await saveRouteStep(db(), { matchId: p.match.id, stepId: last.id, userId: menteeUserId, done: true, note: '', menteeUserId }),
    ).toEqual({
      status: 'saved',
      answered: true,
    });
    const [outcome] = await db().select().from(candidacyOutcomes).where(eq(candidacyOutcomes.userId, menteeUserId));
    expect(outcome).toMatchObject({ electionId: 'gr2030', onList: true });

    // Unticking clears the day.
    await saveRouteStep(db(), { matchId: p.match.id, stepId: first.id, userId: menteeUserId, done: false, note: '', menteeUserId });
    route = await routeOfMatch(db(), p.match);
    expect(route.steps[0]!.doneOn).toBeNull();
  });

  it('refuses a step of another network and a match that is not active', async () => {
    const p = await activeMatch();
    const other = await activeMatch();
    const foreign = (await routeTemplate(db(), other.network.id)).steps[0]!;
    const input = {
      matchId: p.match.id,
      stepId: foreign.id,
      userId: p.mentee.user.id,
      done: true,
      note: '',
      menteeUserId: p.mentee.user.id,
    };
    expect((await saveRouteStep(db(), input)).status).toBe('not-found');
    const own = (await routeTemplate(db(), p.network.id)).steps[0]!;
    await db().update(matches).set({ status: 'ended' }).where(eq(matches.id, p.match.id));
    expect((await saveRouteStep(db(), { ...input, stepId: own.id })).status).toBe('not-possible');
  });

  it('the coordinator’s template: order, titles and offsets change, removed steps go with their ticks, others keep them', async () => {
    const p = await activeMatch();
    const { steps } = await routeTemplate(db(), p.network.id);
    const menteeUserId = p.mentee.user.id;
    await saveRouteStep(db(), { matchId: p.match.id, stepId: steps[1]!.id, userId: menteeUserId, done: true, note: '', menteeUserId });
    await saveRouteStep(db(), { matchId: p.match.id, stepId: steps[0]!.id, userId: menteeUserId, done: true, note: '', menteeUserId });
    const changed = [
      { ...steps[1]!, daysBefore: 500 },
      { id: undefined, titleNl: 'Word lid van een partij', titleEn: 'Join a party', daysBefore: 420, onList: false },
      ...steps.slice(2),
    ];
    await saveRouteTemplate(db(), p.network.id, 'municipal', changed);
    const route = await routeOfMatch(db(), p.match, '2027-03-01');
    expect(route.steps.map((s) => s.titleEn)).toEqual([
      'Talk to a local party',
      'Join a party',
      'Ask about the selection procedure',
      'Send your letter to the candidate committee',
      'Interview with the candidate committee',
      'On the list',
    ]);
    expect(route.steps[0]).toMatchObject({ suggestedOn: '2028-09-22', doneOn: '2027-03-01' });

    const overview = await routeOverview(db(), p.network.id);
    expect(overview).toMatchObject({ active: 1, started: 1 });
    expect(overview.steps.map((s) => s.reached)).toEqual([1, 0, 0, 0, 0, 0]);
  });
});

describe('route reminders', () => {
  it('a step due in two weeks: once to the mentee, to the mentor only once the mentee allows it', async () => {
    const p = await activeMatch();
    // Fourteen days before "visit a council meeting" (2028-11-11); the day before, nothing.
    on('2028-10-27');
    await runDueRouteWork(db());
    expect(await mails(p.mentee.user.email)).toHaveLength(0);
    on('2028-10-28');
    expect((await runDueRouteWork(db())).stepsSoon).toBeGreaterThanOrEqual(1);
    await Promise.all([runDueRouteWork(db()), runDueRouteWork(db())]);
    const toMentee = await mails(p.mentee.user.email);
    expect(toMentee).toHaveLength(1);
    expect(toMentee[0]!.props).toMatchObject({
      kind: 'step-soon',
      stepTitle: 'Bezoek een raadsvergadering',
      date: '11 november 2028',
      menteeName: null,
    });
    expect(await mails(p.mentor.user.email)).toHaveLength(0);

    // The next step: the mentee now allows the copy.
    await setMentorCopy(db(), p.match.id, true);
    on('2028-12-20');
    await runDueRouteWork(db());
    const copy = await mails(p.mentor.user.email);
    expect(copy).toHaveLength(1);
    expect(copy[0]!.props).toMatchObject({ menteeName: 'Fatima El Amrani', stepTitle: 'Praat met een lokale partij' });
    const rendered = await renderEmail('route-reminder', copy[0]!.props as never);
    expect(rendered.subject).toContain('Kopie');
    // Never special-category data in the copy.
    expect(rendered.text.toLowerCase()).not.toContain('rolstoel');
    expect(await mails(p.mentee.user.email)).toHaveLength(2);
  });

  it('a ticked step gets no reminder', async () => {
    const p = await activeMatch();
    const { steps } = await routeOfMatch(db(), p.match);
    const menteeUserId = p.mentee.user.id;
    await saveRouteStep(db(), { matchId: p.match.id, stepId: steps[0]!.id, userId: menteeUserId, done: true, note: '', menteeUserId });
    on('2028-11-01');
    await runDueRouteWork(db());
    expect(await mails(p.mentee.user.email)).toHaveLength(0);
  });

  it('a passed nomination day: once, only while "on the list" is not ticked, then the route counts to the next election', async () => {
    on('2026-01-05');
    const p = await createProposal(db(), { status: 'active' });
    on('2026-02-03');
    const done = await runDueRouteWork(db());
    expect(done.deadlines).toBeGreaterThanOrEqual(1);
    await runDueRouteWork(db());
    const [mail] = (await mails(p.mentee.user.email)).filter((m) => (m.props as { kind: string }).kind === 'deadline-passed');
    expect(mail!.props).toMatchObject({
      electionName: 'Gemeenteraadsverkiezingen 2026',
      date: '2 februari 2026',
      stepTitle: 'Op de lijst',
    });
    expect((await mails(p.mentee.user.email)).filter((m) => (m.props as { kind: string }).kind === 'deadline-passed')).toHaveLength(1);
    expect((await routeOfMatch(db(), p.match)).election?.id).toBe('gr2030');
  });

  it('goes through the email preferences: a mentee who switched reminders off gets none delivered', async () => {
    const p = await activeMatch();
    await setPreferences(db(), p.mentee.user.email, p.mentee.user.id, { reminders: false });
    on('2028-10-28');
    await runDueRouteWork(db());
    const [mail] = await mails(p.mentee.user.email);
    expect(mail!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(await deliverEmail(db(), mail!.id, mailboxProvider, { from: 'test@example.nl', finalAttempt: false })).toBe('suppressed');
    const jobs = await db().execute(
      sql`select count(*)::int as n from pgboss.job where name = 'email-send' and data->>'messageId' = ${mail!.id}`,
    );
    expect(Number((jobs as unknown as { rows?: { n: number }[] }).rows?.[0]?.n ?? (jobs as unknown as { n: number }[])[0]?.n)).toBe(1);
  });
});
