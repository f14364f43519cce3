import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { matches, matchingRuns, menteeApplications, mentorProfiles, users } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createMentor, createNetwork, createUser } from '../../test/mentoring';
import { call, cookieFor, dataOf, get, locationOf, makeCoordinator, post, statusOf, type RouteHandler } from '../../test/routes';
import { DAY, now } from '~/modules/clock.server';
import * as applicationsPage from './beheer.netwerken.$id.aanvragen._index';
import * as matchesPage from './beheer.netwerken.$id.koppelingen';
import * as draftPage from './beheer.netwerken.$id.koppelen/route';

// A network's long lists by page and by search (issue 13 item 2): the applications, the matches and
// the matching draft each read one page of 50, with a summary of counts, and a change made on a page
// returns to that page.

const t = setupTestDatabase();
const db = () => t.handle.db;

type ApplicationsData = Awaited<ReturnType<typeof applicationsPage.loader>>;
type MatchesData = Awaited<ReturnType<typeof matchesPage.loader>>;
type DraftData = Awaited<ReturnType<typeof draftPage.loader>>;

let network: Awaited<ReturnType<typeof createNetwork>>;
let coordinator = '';
let stranger = '';
const appIds: string[] = [];
let mentorId = '';

const APPLICATIONS = 130;
const base = () => `/beheer/netwerken/${network.id}`;
const load = async <T>(handler: RouteHandler, path: string, cookie = coordinator) =>
  dataOf<T>(await call(handler, get(path, cookie), { id: network.id }));

beforeAll(async () => {
  network = await createNetwork(db());
  const me = await createUser(db(), { name: 'Cora Coördinator' });
  await makeCoordinator(db(), me.id, network.organisationId);
  coordinator = await cookieFor(db(), me.id);
  const elsewhere = await createNetwork(db());
  const them = await createUser(db());
  await makeCoordinator(db(), them.id, elsewhere.organisationId);
  stranger = await cookieFor(db(), them.id);

  // 130 applications, one a day back from today: index i was made i days ago. Every tenth lives in
  // Amsterdam (GM0363), the rest in Zwolle; 30 are withdrawn, the rest wait.
  const people = await db()
    .insert(users)
    .values(
      Array.from({ length: APPLICATIONS }, (_, i) => ({
        email: `lijst-${i}@example.org`,
        name: i === 77 ? 'Zeldzame Zwaan' : `Mentee ${String(i).padStart(3, '0')}`,
        emailVerifiedAt: now(),
      })),
    )
    .returning();
  const byEmail = new Map(people.map((p) => [p.email, p.id]));
  const apps = await db()
    .insert(menteeApplications)
    .values(
      Array.from({ length: APPLICATIONS }, (_, i) => ({
        networkId: network.id,
        userId: byEmail.get(`lijst-${i}@example.org`)!,
        status: i % 13 === 0 || i >= 110 ? ('withdrawn' as const) : ('waiting' as const),
        municipalityCode: i % 10 === 0 ? 'GM0363' : 'GM0193',
        themes: ['zorg'],
        goals: ['become-council-member'],
        meetingModes: ['in-person' as const],
        languages: ['nl'],
        availability: ['tue-evening'],
        createdAt: new Date(now().getTime() - (i + 1) * DAY),
      })),
    )
    .returning();
  for (let i = 0; i < APPLICATIONS; i++) appIds.push(apps.find((a) => a.userId === byEmail.get(`lijst-${i}@example.org`))!.id);
  const { profile } = await createMentor(db(), [network.id], { capacity: 200 }, { name: 'Mila Mentor' });
  mentorId = profile.id;
});

describe('applications by page and by search', () => {
  it('shows the counts by status first and 50 applications a page, newest first', async () => {
    const withdrawn = Array.from({ length: APPLICATIONS }, (_, i) => i).filter((i) => i % 13 === 0 || i >= 110).length;
    const first = await load<ApplicationsData>(applicationsPage.loader, `${base()}/aanvragen`);
    expect(first.counts).toMatchObject({ all: APPLICATIONS, waiting: APPLICATIONS - withdrawn, withdrawn, matched: 0 });
    expect(first.total).toBe(APPLICATIONS);
    expect(first.pageCount).toBe(3);
    expect(first.applications).toHaveLength(50);
    expect(first.applications[0]!.id).toBe(appIds[0]);
    expect(first.applications[49]!.id).toBe(appIds[49]);
    const last = await load<ApplicationsData>(applicationsPage.loader, `${base()}/aanvragen?pagina=3`);
    expect(last.applications.map((a) => a.id)).toEqual(appIds.slice(100));
    // Past the end: nothing, with the total still known so the pager can link back.
    const beyond = await load<ApplicationsData>(applicationsPage.loader, `${base()}/aanvragen?pagina=9`);
    expect(beyond).toMatchObject({ applications: [], total: APPLICATIONS, pageCount: 3 });
  });

  it('filters by status and searches name, email address and municipality; odd input shows everything', async () => {
    const waiting = await load<ApplicationsData>(applicationsPage.loader, `${base()}/aanvragen?status=withdrawn`);
    expect(waiting.applications.every((a) => a.status === 'withdrawn')).toBe(true);
    expect(waiting.total).toBe(waiting.counts.withdrawn);

    const byName = await load<ApplicationsData>(applicationsPage.loader, `${base()}/aanvragen?zoek=zeldzame`);
    expect(byName.applications.map((a) => a.id)).toEqual([appIds[77]]);
    expect(byName.total).toBe(1);
    const byEmail = await load<ApplicationsData>(applicationsPage.loader, `${base()}/aanvragen?zoek=lijst-5@`);
    expect(byEmail.applications.map((a) => a.id)).toEqual([appIds[5]]);
    const byPlace = await load<ApplicationsData>(applicationsPage.loader, `${base()}/aanvragen?zoek=Amsterdam&status=waiting`);
    const expected = appIds.filter((_, i) => i % 10 === 0 && !(i % 13 === 0 || i >= 110));
    expect(byPlace.applications.map((a) => a.id)).toEqual(expected);
    expect(byPlace.total).toBe(expected.length);
    // LIKE wildcards match literally; an unknown status and a nonsense page show everything.
    expect((await load<ApplicationsData>(applicationsPage.loader, `${base()}/aanvragen?zoek=%25`)).total).toBe(0);
    const odd = await load<ApplicationsData>(applicationsPage.loader, `${base()}/aanvragen?status=nope&pagina=-4`);
    expect(odd).toMatchObject({ total: APPLICATIONS, query: { status: null, page: 1, search: '' } });
  });

  it('another organisation’s coordinator gets 404, whatever the query', async () => {
    const result = await call(applicationsPage.loader, get(`${base()}/aanvragen?zoek=Mentee&pagina=2`, stranger), { id: network.id });
    expect(statusOf(result)).toBe(404);
  });

  it('stays small with many applications: one page of rows, whatever the network holds', async () => {
    const data = await load<ApplicationsData>(applicationsPage.loader, `${base()}/aanvragen`);
    // What the page renders from: 50 rows of a few short fields.
    expect(JSON.stringify(data).length).toBeLessThan(20_000);
  });
});

describe('matches by group, page and search', () => {
  beforeAll(async () => {
    // 60 finished matches (declined), 2 active, none proposed.
    const rows = appIds.slice(0, 62).map((applicationId, i) => ({
      networkId: network.id,
      applicationId,
      mentorProfileId: mentorId,
      status: i < 60 ? ('declined' as const) : ('active' as const),
      score: 60,
      proposedAt: new Date(now().getTime() - (100 - i) * DAY),
      acceptedAt: i < 60 ? null : now(),
      declineReason: i < 60 ? `Reden ${i}` : null,
    }));
    await db().insert(matches).values(rows);
  });

  it('counts every group, shows one group a page and pages the finished ones', async () => {
    const first = await load<MatchesData>(matchesPage.loader, `${base()}/koppelingen`);
    expect(first.counts).toEqual({ proposed: 0, active: 2, finished: 60, feedback: 0 });
    expect(first.query.status).toBe('active');
    expect(first.active).toHaveLength(2);
    expect(first.finished).toEqual([]);
    const finished = await load<MatchesData>(matchesPage.loader, `${base()}/koppelingen?status=finished`);
    expect(finished.finished).toHaveLength(50);
    expect(finished.pageCount).toBe(2);
    // Newest proposal first: the one proposed 41 days ago (i = 59) opens the list.
    expect(finished.finished[0]!.reason).toBe('Reden 59');
    const second = await load<MatchesData>(matchesPage.loader, `${base()}/koppelingen?status=finished&pagina=2`);
    expect(second.finished.map((f) => f.reason)).toEqual(Array.from({ length: 10 }, (_, i) => `Reden ${9 - i}`));
  });

  it('searches mentee and mentor names within the group', async () => {
    const one = await load<MatchesData>(matchesPage.loader, `${base()}/koppelingen?status=finished&zoek=Mentee 007`);
    expect(one).toMatchObject({ total: 1, finished: [{ mentee: 'Mentee 007' }] });
    const mentor = await load<MatchesData>(matchesPage.loader, `${base()}/koppelingen?status=active&zoek=mila`);
    expect(mentor.total).toBe(2);
  });

  it('ending a match returns to the same group, search and page; other networks’ matches are 404', async () => {
    const page = await load<MatchesData>(matchesPage.loader, `${base()}/koppelingen?status=active&zoek=Mentee`);
    const matchId = page.active[0]!.id;
    const path = `${base()}/koppelingen?status=active&zoek=Mentee&stoppen=${matchId}`;
    const foreign = await call(matchesPage.action, post(path, { intent: 'end', matchId, reason: 'x', confirm: 'yes' }, stranger), {
      id: network.id,
    });
    expect(statusOf(foreign)).toBe(404);
    // Without confirm=yes: back to the step, with the list as it was.
    const step = await call(matchesPage.action, post(path, { intent: 'end', matchId, reason: 'Klikte niet' }, coordinator), {
      id: network.id,
    });
    expect(locationOf(step)).toBe(`${base()}/koppelingen?zoek=Mentee&status=active&stoppen=${matchId}#stoppen`);
    const done = await call(
      matchesPage.action,
      post(path, { intent: 'end', matchId, reason: 'Klikte niet', confirm: 'yes' }, coordinator),
      {
        id: network.id,
      },
    );
    expect(locationOf(done)).toBe(`${base()}/koppelingen?zoek=Mentee&status=active&notice=matchManage.ended#notice`);
  });
});

describe('the matching draft by page and by search', () => {
  let runId = '';
  beforeAll(async () => {
    // A draft pairing the 70 waiting applications from index 62 on with the mentor (a run's result).
    const waiting = await db()
      .select({ id: menteeApplications.id })
      .from(menteeApplications)
      .where(eq(menteeApplications.status, 'waiting'));
    const waitingIds = new Set(waiting.map((w) => w.id));
    const drafted = appIds.filter((id, i) => i >= 62 && waitingIds.has(id)).slice(0, 40);
    const [run] = await db()
      .insert(matchingRuns)
      .values({
        networkId: network.id,
        status: 'draft',
        progress: 100,
        weights: {},
        startedAt: now(),
        stats: {
          mentees: drafted.length,
          mentors: 1,
          edges: drafted.length,
          matched: drafted.length,
          totalScore: drafted.length * 50,
          greedyMatched: drafted.length,
          greedyTotalScore: drafted.length * 50,
          unmatched: [],
          millis: 5,
        },
      })
      .returning();
    runId = run!.id;
    await db()
      .insert(matches)
      .values(
        drafted.map((applicationId) => ({
          networkId: network.id,
          applicationId,
          mentorProfileId: mentorId,
          runId,
          status: 'draft' as const,
          score: 50,
        })),
      );
    await db().update(mentorProfiles).set({ capacity: 200 }).where(eq(mentorProfiles.id, mentorId));
  });

  it('reads one page of pairs and of mentees without a mentor, with totals over the whole draft', async () => {
    const data = await load<DraftData>(draftPage.loader, `${base()}/koppelen`);
    expect(data.totals).toMatchObject({ matched: 40, totalScore: 2000 });
    expect(data.pairsTotal).toBe(40);
    // 25 pairs a page (each carries its reasons).
    expect(data.pairs).toHaveLength(25);
    expect((await load<DraftData>(draftPage.loader, `${base()}/koppelen?pagina=2`)).pairs).toHaveLength(15);
    // The other waiting applications (made before the run, not in the draft): removed by hand.
    expect(data.unmatchedCount).toBe(data.unmatchedTotal);
    expect(data.unmatched.length).toBe(Math.min(50, data.unmatchedTotal));
    expect(data.changedByHand).toBe(true);
    const searched = await load<DraftData>(draftPage.loader, `${base()}/koppelen?zoek=Zeldzame`);
    expect(searched.pairs.map((p) => p.menteeName)).toEqual(['Zeldzame Zwaan']);
    expect(searched.pairsTotal).toBe(1);
    expect(searched.totals).toMatchObject({ matched: 40 });
    const second = await load<DraftData>(draftPage.loader, `${base()}/koppelen?zonder=2`);
    expect(second.query.unmatchedPage).toBe(2);
    expect(second.unmatched.length).toBe(Math.max(0, data.unmatchedTotal - 50));
  });

  it('pin and forbid return to the same search and page', async () => {
    const data = await load<DraftData>(draftPage.loader, `${base()}/koppelen?zoek=Mentee&pagina=1&zonder=2`);
    const pair = data.pairs[0]!;
    const pinned = await call(
      draftPage.action,
      post(`${base()}/koppelen?zoek=Mentee&zonder=2`, { intent: 'pin', runId, matchId: pair.matchId }, coordinator),
      { id: network.id },
    );
    expect(locationOf(pinned)).toBe(`${base()}/koppelen?zoek=Mentee&zonder=2&notice=matchingRun.pinned#notice`);
    const forbidden = await call(
      draftPage.action,
      post(`${base()}/koppelen?zoek=Mentee&pagina=2`, { intent: 'forbid', runId, matchId: data.pairs[1]!.matchId }, coordinator),
      { id: network.id },
    );
    expect(locationOf(forbidden)).toBe(`${base()}/koppelen?zoek=Mentee&pagina=2&notice=matchingRun.forbidden#notice`);
  });
});
