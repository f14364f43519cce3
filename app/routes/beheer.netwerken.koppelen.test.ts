import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailMessages, matches, matchingRuns, menteeApplications, pairRules } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createApplication, createMentor, createNetwork, createUser } from '../../test/mentoring';
import { declineProposal } from '~/modules/mentoring/matches.server';
import { processMatchingRun } from '~/modules/mentoring/runs.server';
import { advanceClock, MINUTE } from '~/modules/clock.server';
import { renderEmail } from '~emails/index';
import { menteeWording } from '../../test/wording';
import { call, cookieFor, dataOf, get, makeCoordinator, post, statusOf } from '../../test/routes';
import * as page from './beheer.netwerken.$id.koppelen/route';

const t = setupTestDatabase();
const db = () => t.handle.db;

type PageData = Awaited<ReturnType<typeof page.loader>>;

let network: Awaited<ReturnType<typeof createNetwork>>;
let path = '';
let params: Record<string, string> = {};
let coordinator = '';
let otherCoordinator = '';
let candidate = '';
let mentorCookie = '';
let mila: Awaited<ReturnType<typeof createMentor>>;
let noor: Awaited<ReturnType<typeof createMentor>>;
let ada = '';
let ben = '';

const load = async (query = '') => dataOf<PageData>(await call(page.loader, get(`${path}${query}`, coordinator), params));
const act = (fields: Record<string, string>, cookie = coordinator, query = '') =>
  call(page.action, post(`${path}${query}`, fields, cookie), params);
const runAndProcess = async () => {
  const result = await act({ intent: 'start' });
  expect(statusOf(result)).toBe(303);
  const [queued] = await db()
    .select()
    .from(matchingRuns)
    .where(and(eq(matchingRuns.networkId, network.id), eq(matchingRuns.status, 'queued')));
  await processMatchingRun(db(), queued!.id);
  return queued!.id;
};

beforeAll(async () => {
  network = await createNetwork(db());
  path = `/beheer/netwerken/${network.id}/koppelen`;
  params = { id: network.id };
  const me = await createUser(db(), { name: 'Cora Coördinator' });
  await makeCoordinator(db(), me.id, network.organisationId);
  coordinator = await cookieFor(db(), me.id);
  const elsewhere = await createNetwork(db());
  const them = await createUser(db());
  await makeCoordinator(db(), them.id, elsewhere.organisationId);
  otherCoordinator = await cookieFor(db(), them.id);

  // Greedy would give Mila to Ada (both Zwolle) and leave Ben (English only) without a mentor.
  mila = await createMentor(
    db(),
    [network.id],
    { capacity: 1, languages: ['nl', 'en'] },
    { name: 'Mila Mentor', email: 'mila@example.nl' },
  );
  noor = await createMentor(
    db(),
    [network.id],
    { capacity: 1, municipalityCode: 'GM0935', themes: [] },
    { name: 'Noor Mentor', email: 'noor@example.nl', locale: 'en' },
  );
  mentorCookie = await cookieFor(db(), mila.user.id);
  ada = (await createApplication(db(), network.id, {}, { name: 'Ada Aanvrager' })).application.id;
  const benApplication = await createApplication(
    db(),
    network.id,
    { languages: ['en'], municipalityCode: 'GM0363' },
    { name: 'Ben Aanvrager' },
  );
  ben = benApplication.application.id;
  candidate = await cookieFor(db(), benApplication.user.id);
});

describe('access', () => {
  it('sends visitors to the login page', async () => {
    const result = await call(page.loader, get(path), params);
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toMatch(/^\/inloggen/);
    expect(statusOf(await call(page.action, post(path, { intent: 'start' }), params))).toBe(302);
  });

  it('answers 404 to candidates, mentors and other organisations’ coordinators, on the page and every action', async () => {
    const [someMatch] = await db().select().from(matches).limit(1);
    const anyId = someMatch?.id ?? network.id;
    const intents: Record<string, string>[] = [
      { intent: 'start' },
      { intent: 'publish', runId: network.id },
      { intent: 'pin', runId: network.id, matchId: anyId },
      { intent: 'forbid', runId: network.id, matchId: anyId },
      { intent: 'move', runId: network.id, applicationId: ada, mentorProfileId: noor.profile.id },
      { intent: 'remove-rule', applicationId: ada, mentorProfileId: noor.profile.id },
    ];
    for (const cookie of [candidate, mentorCookie, otherCoordinator]) {
      expect(statusOf(await call(page.loader, get(path, cookie), params))).toBe(404);
      for (const fields of intents) expect(statusOf(await act(fields, cookie))).toBe(404);
    }
    expect(await db().select().from(matchingRuns).where(eq(matchingRuns.networkId, network.id))).toEqual([]);
    // An unknown or malformed network id is a 404 for the coordinator too.
    expect(statusOf(await call(page.loader, get(path, coordinator), { id: 'nope' }))).toBe(404);
  });
});

describe('a run from start to publication', () => {
  let runId = '';

  it('shows no run, then the progress while queued, then the draft with reasons and the greedy comparison', async () => {
    expect((await load()).run).toBeNull();
    const started = await act({ intent: 'start' });
    expect(statusOf(started)).toBe(303);
    const queued = await load();
    expect(queued.run).toMatchObject({ status: 'queued' });
    runId = queued.run!.id;
    // Starting again while it is queued is refused politely.
    expect(statusOf(await act({ intent: 'start' }))).toBe(409);

    await processMatchingRun(db(), runId);
    const view = await load();
    expect(view.run).toMatchObject({ status: 'draft', progress: 100 });
    expect(view.totals).toMatchObject({ matched: 2, runMatched: 2, greedyMatched: 1 });
    const byMentee = new Map(view.pairs.map((p) => [p.applicationId, p]));
    expect(byMentee.get(ben)).toMatchObject({ mentorName: 'Mila Mentor', menteeName: 'Ben Aanvrager', municipality: 'Amsterdam' });
    expect(byMentee.get(ada)).toMatchObject({ mentorName: 'Noor Mentor', municipality: 'Zwolle' });
    expect(byMentee.get(ben)!.reasons.map((r) => r.text)).toContain('1 gedeeld thema: zorg');
    // The coordinator reads the sentences as written to the mentee.
    expect(byMentee.get(ben)!.reasons.map((r) => r.text)).toContain('Je mentor is raadslid: dat past bij je doel om raadslid te worden');
    // Judging the draft (issue 17, point 6): the mentor's municipality, the places they have left once
    // this draft is published (capacity 1, one pair here: none), reasons weightiest first with points.
    expect(byMentee.get(ben)).toMatchObject({ mentorMunicipality: 'Zwolle', mentorRemaining: 0 });
    expect(byMentee.get(ada)).toMatchObject({ mentorMunicipality: 'Maastricht', mentorRemaining: 0 });
    for (const pair of view.pairs) {
      const points = pair.reasons.map((r) => r.points);
      expect(points).toEqual([...points].sort((a, b) => b - a));
      expect(points.every((n) => Number.isInteger(n) && n > 0 && n <= pair.score)).toBe(true);
    }
    expect(view.unmatched).toEqual([]);
    // No special-category data on the page.
    expect(JSON.stringify(view)).not.toMatch(/disability|accessibility/i);
  });

  it('moves a mentee by hand to a compatible mentor with room, showing the new score; the pair is pinned', async () => {
    // Only mentors with room count: both are full in the draft, so Ada has no choice yet.
    let view = await load(`?verplaats=${ada}`);
    expect(view.move).toMatchObject({ applicationId: ada, currentMentor: 'Noor Mentor', options: [] });

    // Forbid Ben–Mila: Ben leaves the draft, Mila has room again.
    const benPair = view.pairs.find((p) => p.applicationId === ben)!;
    expect(statusOf(await act({ intent: 'forbid', runId, matchId: benPair.matchId }))).toBe(303);
    view = await load();
    expect(view.pairs.map((p) => p.applicationId)).toEqual([ada]);
    expect(view.unmatched).toMatchObject([{ applicationId: ben, reason: 'removed-by-hand' }]);
    expect(view.rules).toMatchObject([{ applicationId: ben, mentorProfileId: mila.profile.id, kind: 'forbid' }]);

    // Ben cannot go to Mila (forbidden) nor Noor (no shared language): nothing to choose.
    expect((await load(`?verplaats=${ben}`)).move?.options).toEqual([]);
    // Ada can go to Mila now, with Mila's score for Ada.
    view = await load(`?verplaats=${ada}`);
    expect(view.move!.options.map((o) => o.mentorProfileId)).toEqual([mila.profile.id]);
    const option = view.move!.options[0]!;
    expect(option.score).toBeGreaterThan(view.pairs[0]!.score);

    // Choosing nobody, or an impossible mentor, is a 400 and changes nothing.
    expect(statusOf(await act({ intent: 'move', runId, applicationId: ada }, coordinator, `?verplaats=${ada}`))).toBe(400);
    expect(statusOf(await act({ intent: 'move', runId, applicationId: ben, mentorProfileId: mila.profile.id }))).toBe(400);

    expect(statusOf(await act({ intent: 'move', runId, applicationId: ada, mentorProfileId: mila.profile.id }))).toBe(303);
    view = await load();
    expect(view.pairs).toMatchObject([{ applicationId: ada, mentorName: 'Mila Mentor', score: option.score, pinned: true, byHand: true }]);
    const [rule] = await db()
      .select()
      .from(pairRules)
      .where(and(eq(pairRules.applicationId, ada), eq(pairRules.kind, 'pin')));
    expect(rule).toMatchObject({ mentorProfileId: mila.profile.id });
    const drafts = await db()
      .select()
      .from(matches)
      .where(and(eq(matches.runId, runId), eq(matches.applicationId, ada)));
    expect(drafts.map((m) => [m.mentorProfileId, m.status, m.source]).sort()).toEqual(
      [
        [mila.profile.id, 'draft', 'hand'],
        [noor.profile.id, 'discarded', 'run'],
      ].sort(),
    );
  });

  it('re-runs keeping pins and forbids; removing the forbid lets the next run use the pair again', async () => {
    const second = await runAndProcess();
    let view = await load();
    expect(view.run!.id).toBe(second);
    // Ada stays with Mila (pinned, though it leaves Ben out), Ben–Mila stays forbidden.
    expect(view.pairs.map((p) => [p.applicationId, p.mentorName, p.pinned])).toEqual([[ada, 'Mila Mentor', true]]);
    expect(view.unmatched).toMatchObject([{ applicationId: ben, reason: 'no-compatible-mentor' }]);
    expect((await db().select().from(matchingRuns).where(eq(matchingRuns.id, runId)))[0]!.status).toBe('discarded');

    // Remove both rules and run again: back to the optimum.
    for (const mentee of [ada, ben]) {
      expect(statusOf(await act({ intent: 'remove-rule', applicationId: mentee, mentorProfileId: mila.profile.id }))).toBe(303);
    }
    expect(await db().select().from(pairRules).where(eq(pairRules.networkId, network.id))).toEqual([]);
    runId = await runAndProcess();
    view = await load();
    expect(view.pairs.map((p) => [p.applicationId, p.mentorName]).sort()).toEqual(
      [
        [ada, 'Noor Mentor'],
        [ben, 'Mila Mentor'],
      ].sort(),
    );
  });

  it('pins a pair', async () => {
    const view = await load();
    const pair = view.pairs.find((p) => p.applicationId === ada)!;
    expect(statusOf(await act({ intent: 'pin', runId, matchId: pair.matchId }))).toBe(303);
    expect((await load()).pairs.find((p) => p.applicationId === ada)!.pinned).toBe(true);
    expect(await db().select().from(pairRules).where(eq(pairRules.networkId, network.id))).toMatchObject([
      { applicationId: ada, mentorProfileId: noor.profile.id, kind: 'pin' },
    ]);
  });

  it('publishes once: proposals, applications proposed, an email to each mentor; re-runs leave them alone', async () => {
    const result = await act({ intent: 'publish', runId });
    expect(statusOf(result)).toBe(303);
    expect((result as Response).headers.get('Location')).toContain('count=2');

    const published = await db().select().from(matches).where(eq(matches.runId, runId));
    expect(published.map((m) => m.status)).toEqual(['proposed', 'proposed']);
    expect(published.every((m) => m.proposedAt instanceof Date)).toBe(true);
    const applications = await db()
      .select()
      .from(menteeApplications)
      .where(inArray(menteeApplications.id, [ada, ben]));
    expect(applications.map((a) => a.status)).toEqual(['proposed', 'proposed']);
    expect((await db().select().from(matchingRuns).where(eq(matchingRuns.id, runId)))[0]).toMatchObject({ status: 'published' });
    // The pin did its work.
    expect(await db().select().from(pairRules).where(eq(pairRules.networkId, network.id))).toEqual([]);

    const emails = await db().select().from(emailMessages).where(eq(emailMessages.template, 'match-proposed'));
    expect(emails.map((e) => [e.recipient, e.locale]).sort()).toEqual([
      ['mila@example.nl', 'nl'],
      ['noor@example.nl', 'en'],
    ]);
    const toMila = emails.find((e) => e.recipient === 'mila@example.nl')!.props as Record<string, unknown>;
    const benMatch = published.find((m) => m.applicationId === ben)!;
    expect(toMila).toMatchObject({
      menteeFirstName: 'Ben',
      municipality: 'Amsterdam',
      proposalUrl: expect.stringMatching(new RegExp(`/mentor/voorstellen/${benMatch.id}$`)),
    });
    expect(toMila.reasons).toContain('1 gedeeld thema: zorg');
    const toNoor = emails.find((e) => e.recipient === 'noor@example.nl')!.props as Record<string, unknown>;
    expect(toNoor).toMatchObject({ menteeFirstName: 'Ada', municipality: 'Zwolle' });
    // The reasons are written to the mentor who reads them, not to the mentee.
    expect(toMila.reasons).toEqual(
      expect.arrayContaining([
        'Je bent raadslid: dat past bij het doel van je mentee: om raadslid te worden',
        'Je mentee heeft nog geen partij: jij kunt helpen kiezen',
      ]),
    );
    expect(toNoor.reasons).toEqual(
      expect.arrayContaining([
        "You are a council member: that fits your mentee's goal to become a council member",
        'Your mentee has no party yet: you can help them choose',
      ]),
    );
    for (const email of emails) {
      for (const reason of (email.props as { reasons: string[] }).reasons) expect(reason).not.toMatch(menteeWording);
      expect((await renderEmail('match-proposed', email.props as never)).text).not.toMatch(menteeWording);
    }
    // The match keeps both wordings; the coordinator's view stays the mentee's.
    expect(benMatch.reasons.find((r) => r.id === 'officeFit')).toMatchObject({
      nl: 'Je mentor is raadslid: dat past bij je doel om raadslid te worden',
      mentor: { nl: 'Je bent raadslid: dat past bij het doel van je mentee: om raadslid te worden' },
    });

    // A second publication of the same run is refused; nothing more is sent.
    expect(statusOf(await act({ intent: 'publish', runId }))).toBe(409);
    expect(await db().select().from(emailMessages).where(eq(emailMessages.template, 'match-proposed'))).toHaveLength(2);

    // The published run shows as such; a new run finds nobody waiting and changes no proposal.
    expect((await load()).run).toMatchObject({ status: 'published' });
    const third = await runAndProcess();
    const view = await load();
    expect(view.run).toMatchObject({ id: third, status: 'draft' });
    expect(view.pairs).toEqual([]);
    expect((await db().select().from(matchingRuns).where(eq(matchingRuns.id, third)))[0]!.stats).toMatchObject({ mentees: 0 });
    expect((await db().select().from(matches).where(eq(matches.runId, runId))).map((m) => m.status)).toEqual(['proposed', 'proposed']);

    // A newcomer in the network: mentors' places are used by the proposals, so "all full".
    const { application: cas } = await createApplication(db(), network.id, {}, { name: 'Cas Aanvrager' });
    await runAndProcess();
    expect((await load()).unmatched).toMatchObject([{ applicationId: cas.id, reason: 'all-compatible-mentors-full' }]);
  });

  it('shows a run that never finished as failed after 15 minutes, and lets a new one start', async () => {
    expect(statusOf(await act({ intent: 'start' }))).toBe(303);
    expect((await load()).run).toMatchObject({ status: 'queued' });
    expect(statusOf(await act({ intent: 'start' }))).toBe(409);
    advanceClock(16 * MINUTE);
    expect((await load()).run).toMatchObject({ status: 'failed', error: expect.stringContaining('te lang') });
    expect(statusOf(await act({ intent: 'start' }))).toBe(303);
    expect((await load()).run).toMatchObject({ status: 'queued' });
  });
});

describe('rules across runs', () => {
  it('keeps a "never match" rule visible, removable and applied after the draft is published', async () => {
    const second = await createNetwork(db(), { organisationId: network.organisationId });
    const secondPath = `/beheer/netwerken/${second.id}/koppelen`;
    const secondParams = { id: second.id };
    const loadSecond = async () => dataOf<PageData>(await call(page.loader, get(secondPath, coordinator), secondParams));
    const actSecond = (fields: Record<string, string>) => call(page.action, post(secondPath, fields, coordinator), secondParams);
    const runSecond = async () => {
      expect(statusOf(await actSecond({ intent: 'start' }))).toBe(303);
      const [queued] = await db()
        .select()
        .from(matchingRuns)
        .where(and(eq(matchingRuns.networkId, second.id), eq(matchingRuns.status, 'queued')));
      await processMatchingRun(db(), queued!.id);
      return queued!.id;
    };
    const pim = { ...(await createMentor(db(), [second.id], { capacity: 1 }, { name: 'Pim Mentor' })), name: 'Pim Mentor' };
    const ria = { ...(await createMentor(db(), [second.id], { capacity: 1 }, { name: 'Ria Mentor' })), name: 'Ria Mentor' };
    const eva = (await createApplication(db(), second.id, {}, { name: 'Eva Aanvrager' })).application.id;

    // The first draft gives Eva one of the two; the coordinator rules that one out.
    let runId = await runSecond();
    let view = await loadSecond();
    const ruledOut = view.pairs.find((p) => p.applicationId === eva)!;
    const ruledOutMentor = ruledOut.mentorName === 'Pim Mentor' ? pim : ria;
    const other = ruledOutMentor.name === pim.name ? ria : pim;
    expect(statusOf(await actSecond({ intent: 'forbid', runId, matchId: ruledOut.matchId }))).toBe(303);
    runId = await runSecond();
    view = await loadSecond();
    expect(view.pairs.map((p) => [p.applicationId, p.mentorName])).toEqual([[eva, other.name]]);

    // Published: Eva has a proposal now, and the rule is still listed, with where she stands.
    expect(statusOf(await actSecond({ intent: 'publish', runId }))).toBe(303);
    view = await loadSecond();
    expect(view.rules).toMatchObject([
      { applicationId: eva, mentorProfileId: ruledOutMentor.profile.id, kind: 'forbid', menteeStatus: 'proposed' },
    ]);

    // The other mentor declines: Eva waits again, and the next run still never gives her the ruled-out mentor.
    const [proposal] = await db()
      .select()
      .from(matches)
      .where(and(eq(matches.applicationId, eva), eq(matches.status, 'proposed')));
    expect(await declineProposal(db(), proposal!.id, other.profile.id, 'Geen tijd')).toMatchObject({ status: 'declined' });
    await runSecond();
    view = await loadSecond();
    expect(view.pairs).toEqual([]);
    expect(view.unmatched).toMatchObject([{ applicationId: eva }]);
    expect(view.rules).toMatchObject([{ applicationId: eva, mentorProfileId: ruledOutMentor.profile.id, menteeStatus: 'waiting' }]);

    // Removing it works as before, and the next run may use the pair again.
    expect(statusOf(await actSecond({ intent: 'remove-rule', applicationId: eva, mentorProfileId: ruledOutMentor.profile.id }))).toBe(303);
    expect((await loadSecond()).rules).toEqual([]);
    await runSecond();
    expect((await loadSecond()).pairs.map((p) => [p.applicationId, p.mentorName])).toEqual([[eva, ruledOutMentor.name]]);
  });
});
