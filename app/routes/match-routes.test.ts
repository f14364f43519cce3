import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkIns, matches, matchFeedback, menteeApplications, type MatchReason } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCoordinator, createProposal, sampleReasons } from '../../test/matches';
import { menteeWording } from '../../test/wording';
import { createNetwork, createUser } from '../../test/mentoring';
import { call, cookieFor, dataOf, get, locationOf, post, statusOf } from '../../test/routes';
import * as mentorHome from './mentor._index';
import * as proposalPage from './mentor_.voorstellen.$matchId';
import * as matchPage from './koppeling.$matchId._index';
import * as feedbackPage from './koppeling.$matchId.feedback';
import * as myMatches from './account_.koppelingen';
import * as networkMatches from './beheer.netwerken.$id.koppelingen';
import { dutchToday } from '~/modules/clock.server';

const t = setupTestDatabase();
const db = () => t.handle.db;

let proposal: Awaited<ReturnType<typeof createProposal>>;
let other: Awaited<ReturnType<typeof createProposal>>;
let mentor = '';
let otherMentor = '';
let mentee = '';
let candidate = '';
let coordinator = '';
let strangerCoordinator = '';

beforeAll(async () => {
  proposal = await createProposal(db());
  other = await createProposal(db(), { network: proposal.network });
  mentor = await cookieFor(db(), proposal.mentor.user.id);
  otherMentor = await cookieFor(db(), other.mentor.user.id);
  mentee = await cookieFor(db(), proposal.mentee.user.id);
  candidate = await cookieFor(db(), (await createUser(db())).id);
  coordinator = await cookieFor(db(), (await createCoordinator(db(), proposal.network.organisationId)).id);
  const elsewhere = await createNetwork(db());
  strangerCoordinator = await cookieFor(db(), (await createCoordinator(db(), elsewhere.organisationId)).id);
});

describe('/mentor before acceptance', () => {
  it('visitors log in first; people without a mentor profile get 404', async () => {
    const visitor = await call(mentorHome.loader, get('/mentor'));
    expect(statusOf(visitor)).toBe(302);
    expect(locationOf(visitor)).toContain('/inloggen');
    expect(statusOf(await call(mentorHome.loader, get('/mentor', candidate)))).toBe(404);
    expect(statusOf(await call(mentorHome.loader, get('/mentor', mentee)))).toBe(404);
  });

  it('shows the mentor only their own proposal: first name, answers and reasons, no contact or special-category data', async () => {
    const result = await call(mentorHome.loader, get('/mentor', mentor));
    const page = dataOf<Awaited<ReturnType<typeof mentorHome.loader>>>(result);
    expect(page.proposals.map((p) => p.id)).toEqual([proposal.match.id]);
    const [p] = page.proposals;
    expect(p!.mentee.firstName).toBe('Fatima');
    expect(p!.mentee.municipality).toBe('Zwolle');
    expect(p!.mentee.themes).toEqual(['zorg']);
    expect(p!.mentee.goals).toEqual(['Raadslid worden']);
    expect(p!.mentee.languages).toEqual(['Nederlands']);
    expect(p!.mentee.availability).toEqual(['dinsdagavond']);
    expect(p!.reasons).toEqual(['Jullie wonen allebei in Zwolle.', '1 gedeeld thema: zorg.']);
    const json = JSON.stringify(page);
    for (const secret of [
      proposal.mentee.user.email,
      '06 33334444',
      'El Amrani',
      'Rolstoel',
      'disability',
      'women',
      other.mentee.user.email,
    ]) {
      expect(json).not.toContain(secret);
    }
    expect(page.active).toEqual([]);
  });

  it('gives the reasons in the page language', async () => {
    const page = dataOf<Awaited<ReturnType<typeof mentorHome.loader>>>(
      await call(mentorHome.loader, get('/mentor', await cookieFor(db(), proposal.mentor.user.id, 'en'))),
    );
    expect(page.proposals[0]!.reasons).toEqual(['You both live in Zwolle.', '1 shared theme: care.']);
    expect(page.proposals[0]!.mentee.themes).toEqual(['care']);
  });

  it('words the reasons for the mentor on both pages, also reasons stored before mentors had their own wording', async () => {
    const own = await createProposal(db());
    const reasons: MatchReason[] = [
      ...sampleReasons,
      {
        id: 'officeFit',
        points: 15,
        nl: 'Je mentor is raadslid: dat past bij je doel om raadslid te worden',
        en: 'Your mentor is a council member: that fits your goal to become a council member',
        mentor: {
          nl: 'Je bent raadslid: dat past bij het doel van je mentee: om raadslid te worden',
          en: "You are a council member: that fits your mentee's goal to become a council member",
        },
      },
      // Stored before: only the mentee's sentence.
      {
        id: 'partyPreference',
        points: 5,
        nl: 'Je hebt nog geen partij: je mentor kan je helpen kiezen',
        en: 'You have no party yet: your mentor can help you choose',
      },
    ];
    await db().update(matches).set({ reasons }).where(eq(matches.id, own.match.id));
    const expected = {
      nl: [
        'Jullie wonen allebei in Zwolle.',
        '1 gedeeld thema: zorg.',
        'Je bent raadslid: dat past bij het doel van je mentee: om raadslid te worden',
        'Je mentee heeft nog geen partij: jij kunt helpen kiezen',
      ],
      en: [
        'You both live in Zwolle.',
        '1 shared theme: care.',
        "You are a council member: that fits your mentee's goal to become a council member",
        'Your mentee has no party yet: you can help them choose',
      ],
    };
    for (const lang of ['nl', 'en'] as const) {
      const cookie = await cookieFor(db(), own.mentor.user.id, lang === 'en' ? 'en' : undefined);
      const home = dataOf<Awaited<ReturnType<typeof mentorHome.loader>>>(await call(mentorHome.loader, get('/mentor', cookie)));
      const page = dataOf<Awaited<ReturnType<typeof proposalPage.loader>>>(
        await call(proposalPage.loader, get(`/mentor/voorstellen/${own.match.id}`, cookie), { matchId: own.match.id }),
      );
      for (const shown of [home.proposals[0]!.reasons, page.proposal.reasons]) {
        expect(shown).toEqual(expected[lang]);
        for (const reason of shown) expect(reason).not.toMatch(menteeWording);
      }
    }
  });

  it('the proposal page answers only its own mentor', async () => {
    const id = proposal.match.id;
    const own = await call(proposalPage.loader, get(`/mentor/voorstellen/${id}`, mentor), { matchId: id });
    expect(statusOf(own)).toBe(200);
    expect(JSON.stringify(dataOf(own))).not.toContain(proposal.mentee.user.email);
    expect(statusOf(await call(proposalPage.loader, get(`/mentor/voorstellen/${id}`), { matchId: id }))).toBe(302);
    for (const cookie of [otherMentor, candidate, mentee, coordinator]) {
      expect(statusOf(await call(proposalPage.loader, get(`/mentor/voorstellen/${id}`, cookie), { matchId: id }))).toBe(404);
    }
    expect(statusOf(await call(proposalPage.loader, get('/mentor/voorstellen/nope', mentor), { matchId: 'nope' }))).toBe(404);
  });

  it('the mentee sees who was asked, but no contact details yet; others get 404', async () => {
    const id = proposal.match.id;
    const page = dataOf(await call(matchPage.loader, get(`/koppeling/${id}`, mentee), { matchId: id }));
    expect(page).toMatchObject({ role: 'mentee', status: 'proposed', otherName: 'Jan de Mentor', contact: null });
    expect(JSON.stringify(page)).not.toContain(proposal.mentor.user.email);
    expect(JSON.stringify(page)).not.toContain('06 11112222');
    for (const cookie of [otherMentor, candidate, coordinator]) {
      expect(statusOf(await call(matchPage.loader, get(`/koppeling/${id}`, cookie), { matchId: id }))).toBe(404);
    }
    // The mentor of a proposal answers it on the proposal page.
    const own = await call(matchPage.loader, get(`/koppeling/${id}`, mentor), { matchId: id });
    expect(locationOf(own)).toBe(`/mentor/voorstellen/${id}`);
  });

  it('another mentor cannot answer the proposal', async () => {
    const id = proposal.match.id;
    const result = await call(mentorHome.action, post('/mentor', { intent: 'accept', matchId: id }, otherMentor));
    expect(statusOf(result)).toBe(404);
    const declined = await call(
      mentorHome.action,
      post('/mentor', { intent: 'decline', matchId: id, reason: 'x', confirm: 'yes' }, otherMentor),
    );
    expect(statusOf(declined)).toBe(404);
    const decline = { intent: 'decline', matchId: id, reason: '' };
    expect(statusOf(await call(mentorHome.action, post('/mentor', { ...decline, confirm: 'yes' }, otherMentor)))).toBe(404);
    // Nor learn that it exists through the confirmation step.
    expect(statusOf(await call(mentorHome.action, post('/mentor', decline, otherMentor)))).toBe(404);
    const [row] = await db().select().from(matches).where(eq(matches.id, id));
    expect(row!.status).toBe('proposed');
  });
});

describe('answering', () => {
  it('declining goes through its confirmation step, on /mentor or the proposal page; nothing changes before it', async () => {
    const id = other.match.id;
    const fields = { intent: 'decline', matchId: id, reason: 'Te ver weg' };
    expect(locationOf(await call(mentorHome.action, post('/mentor', fields, otherMentor)))).toBe(`/mentor?afzeggen=${id}#afzeggen`);
    expect(locationOf(await call(proposalPage.action, post(`/mentor/voorstellen/${id}`, fields, otherMentor), { matchId: id }))).toBe(
      `/mentor/voorstellen/${id}?afzeggen=${id}#afzeggen`,
    );
    expect((await db().select().from(matches).where(eq(matches.id, id)))[0]!.status).toBe('proposed');
    // The step shows for its own proposal only.
    expect(dataOf<{ declining: string | null }>(await call(mentorHome.loader, get(`/mentor?afzeggen=${id}`, otherMentor))).declining).toBe(
      id,
    );
    const onPage = (query: string) => call(proposalPage.loader, get(`/mentor/voorstellen/${id}${query}`, otherMentor), { matchId: id });
    expect(dataOf<{ declining: boolean }>(await onPage(`?afzeggen=${id}`)).declining).toBe(true);
    expect(dataOf<{ declining: boolean }>(await onPage(`?afzeggen=${proposal.match.id}`)).declining).toBe(false);
    expect(dataOf<{ declining: boolean }>(await onPage('')).declining).toBe(false);
  });

  it('decline needs a reason (400, nothing changes); with one the mentee is back in the pool', async () => {
    const id = other.match.id;
    const empty = await call(
      mentorHome.action,
      post('/mentor', { intent: 'decline', matchId: id, reason: '  ', confirm: 'yes' }, otherMentor),
    );
    expect(statusOf(empty)).toBe(400);
    expect(dataOf<{ form: string; result: { error: Record<string, string[]> } }>(empty)).toMatchObject({
      form: `decline-${id}`,
      result: { error: { reason: ['Schrijf kort de reden op.'] } },
    });
    expect((await db().select().from(matches).where(eq(matches.id, id)))[0]!.status).toBe('proposed');

    const done = await call(
      mentorHome.action,
      post('/mentor', { intent: 'decline', matchId: id, reason: 'Te ver weg', confirm: 'yes' }, otherMentor),
    );
    expect(locationOf(done)).toBe('/mentor?notice=match.declined#notice');
    expect((await db().select().from(matches).where(eq(matches.id, id)))[0]).toMatchObject({
      status: 'declined',
      declineReason: 'Te ver weg',
    });
    expect((await db().select().from(menteeApplications).where(eq(menteeApplications.id, other.mentee.application.id)))[0]!.status).toBe(
      'waiting',
    );
  });

  it('accept from the proposal page: contact details appear for both', async () => {
    const id = proposal.match.id;
    const result = await call(proposalPage.action, post(`/mentor/voorstellen/${id}`, { intent: 'accept', matchId: id }, mentor), {
      matchId: id,
    });
    expect(locationOf(result)).toBe('/mentor?notice=match.accepted#notice');

    const home = dataOf<Awaited<ReturnType<typeof mentorHome.loader>>>(await call(mentorHome.loader, get('/mentor', mentor)));
    expect(home.proposals).toEqual([]);
    expect(home.active).toHaveLength(1);
    expect(home.active[0]).toMatchObject({ name: 'Fatima El Amrani', email: proposal.mentee.user.email, phone: '06 33334444' });
    expect(JSON.stringify(home)).not.toContain('Rolstoel');

    const page = dataOf(await call(matchPage.loader, get(`/koppeling/${id}`, mentee), { matchId: id }));
    expect(page).toMatchObject({ status: 'active', contact: { email: proposal.mentor.user.email, phone: '06 11112222' } });

    const mine = dataOf<Awaited<ReturnType<typeof myMatches.loader>>>(await call(myMatches.loader, get('/account/koppelingen', mentee)));
    expect(mine.matches.map((m) => m.id)).toEqual([id]);
    // The declined proposal of the other mentee is not in their list.
    const theirs = dataOf<Awaited<ReturnType<typeof myMatches.loader>>>(
      await call(myMatches.loader, get('/account/koppelingen', await cookieFor(db(), other.mentee.user.id))),
    );
    expect(theirs.matches).toEqual([]);
  });

  it('check-ins: validated, logged by either person, refused to others', async () => {
    const id = proposal.match.id;
    const future = await call(
      matchPage.action,
      post(`/koppeling/${id}`, { intent: 'check-in', matchId: id, happenedOn: '2999-01-01', mode: 'online' }, mentee),
      {
        matchId: id,
      },
    );
    expect(statusOf(future)).toBe(400);
    const noMode = await call(mentorHome.action, post('/mentor', { intent: 'check-in', matchId: id, happenedOn: dutchToday() }, mentor));
    expect(statusOf(noMode)).toBe(400);
    expect(dataOf<{ form: string }>(noMode).form).toBe(`check-in-${id}`);
    const stranger = await call(
      matchPage.action,
      post(`/koppeling/${id}`, { intent: 'check-in', matchId: id, happenedOn: dutchToday(), mode: 'online' }, otherMentor),
      {
        matchId: id,
      },
    );
    expect(statusOf(stranger)).toBe(404);
    expect(await db().select().from(checkIns).where(eq(checkIns.matchId, id))).toHaveLength(0);

    const ok = await call(
      matchPage.action,
      post(
        `/koppeling/${id}`,
        { intent: 'check-in', matchId: id, happenedOn: dutchToday(), mode: 'in-person', note: 'Koffie in het stadhuis' },
        mentee,
      ),
      { matchId: id },
    );
    expect(locationOf(ok)).toBe(`/koppeling/${id}?notice=match.checkIn#notice`);
    const home = dataOf<Awaited<ReturnType<typeof mentorHome.loader>>>(await call(mentorHome.loader, get('/mentor', mentor)));
    expect(home.active[0]!.checkIns).toMatchObject([
      { mode: 'Op locatie', note: 'Koffie in het stadhuis', authorName: 'Fatima El Amrani' },
    ]);
  });

  it('ending from the match page or /mentor: only the confirmation step’s button ends it', async () => {
    const id = proposal.match.id;
    const status = async () => (await db().select().from(matches).where(eq(matches.id, id)))[0]!.status;
    const fields = { intent: 'end', matchId: id, reason: 'Te weinig tijd' };
    // Without confirm=yes: to the step, on the page the post came from; nothing changes.
    expect(locationOf(await call(matchPage.action, post(`/koppeling/${id}`, fields, mentee), { matchId: id }))).toBe(
      `/koppeling/${id}?stoppen=${id}#stoppen`,
    );
    expect(locationOf(await call(mentorHome.action, post('/mentor', fields, mentor)))).toBe(`/mentor?stoppen=${id}#stoppen`);
    expect(await status()).toBe('active');
    // The step shows on either page for its own match only.
    expect(
      dataOf<{ ending: boolean }>(await call(matchPage.loader, get(`/koppeling/${id}?stoppen=${id}`, mentee), { matchId: id })).ending,
    ).toBe(true);
    expect(dataOf<{ ending: boolean }>(await call(matchPage.loader, get(`/koppeling/${id}`, mentee), { matchId: id })).ending).toBe(false);
    expect(dataOf<{ ending: string | null }>(await call(mentorHome.loader, get(`/mentor?stoppen=${id}`, mentor))).ending).toBe(id);
    // The step's button without a reason: 400 for that form; someone else: 404; still active.
    const empty = await call(matchPage.action, post(`/koppeling/${id}?stoppen=${id}`, { ...fields, reason: '', confirm: 'yes' }, mentee), {
      matchId: id,
    });
    expect(statusOf(empty)).toBe(400);
    expect(dataOf<{ form: string }>(empty).form).toBe(`end-${id}`);
    expect(
      statusOf(await call(matchPage.action, post(`/koppeling/${id}`, { ...fields, confirm: 'yes' }, otherMentor), { matchId: id })),
    ).toBe(404);
    expect(await status()).toBe('active');
  });

  it('feedback form: only the two people; score 1–5', async () => {
    const id = proposal.match.id;
    const path = `/koppeling/${id}/feedback?moment=four-weeks`;
    for (const cookie of [otherMentor, candidate, coordinator]) {
      expect(statusOf(await call(feedbackPage.loader, get(path, cookie), { matchId: id }))).toBe(404);
      expect(statusOf(await call(feedbackPage.action, post(path, { rating: '5' }, cookie), { matchId: id }))).toBe(404);
    }
    expect(dataOf(await call(feedbackPage.loader, get(path, mentee), { matchId: id }))).toMatchObject({ moment: 'four-weeks', done: null });
    expect(statusOf(await call(feedbackPage.action, post(path, { rating: '6' }, mentee), { matchId: id }))).toBe(400);
    expect(statusOf(await call(feedbackPage.action, post(path, { comment: 'Fijn' }, mentee), { matchId: id }))).toBe(400);
    // Saved: back to the match page with the notice; a second answer for the same moment is not stored.
    expect(locationOf(await call(feedbackPage.action, post(path, { rating: '4', comment: 'Fijn' }, mentee), { matchId: id }))).toBe(
      `/koppeling/${id}?notice=match.feedbackSaved#notice`,
    );
    expect(locationOf(await call(feedbackPage.action, post(path, { rating: '1' }, mentee), { matchId: id }))).toBe(
      `/koppeling/${id}?notice=match.feedbackAlready#notice`,
    );
    expect(dataOf(await call(feedbackPage.loader, get(path, mentee), { matchId: id }))).toMatchObject({ done: 'already' });
    const rows = await db().select().from(matchFeedback).where(eq(matchFeedback.matchId, id));
    expect(rows).toMatchObject([{ rating: 4, comment: 'Fijn', moment: 'four-weeks' }]);
  });
});

describe('coordinator', () => {
  it('other tenants, candidates and mentors get 404; the network’s coordinator sees everything with reasons', async () => {
    const id = proposal.network.id;
    for (const cookie of [strangerCoordinator, candidate, mentor]) {
      expect(statusOf(await call(networkMatches.loader, get(`/beheer/netwerken/${id}/koppelingen`, cookie), { id }))).toBe(404);
    }
    const load = async (query = '') =>
      dataOf<Awaited<ReturnType<typeof networkMatches.loader>>>(
        await call(networkMatches.loader, get(`/beheer/netwerken/${id}/koppelingen${query}`, coordinator), { id }),
      );
    // One group a page; without proposals waiting the active matches come first.
    const page = await load();
    expect(page.counts).toEqual({ proposed: 0, active: 1, finished: 1, feedback: 1 });
    expect(page.active.map((a) => a.id)).toEqual([proposal.match.id]);
    expect((await load('?status=finished')).finished).toMatchObject([{ id: other.match.id, status: 'declined', reason: 'Te ver weg' }]);
    expect((await load('?status=feedback')).feedback).toMatchObject([
      { name: 'Fatima El Amrani', moment: 'four-weeks', rating: 4, comment: 'Fijn' },
    ]);
  });

  it('ends an active match with a reason: the mentee is back in the pool; other tenants cannot', async () => {
    const id = proposal.network.id;
    const matchId = proposal.match.id;
    const path = `/beheer/netwerken/${id}/koppelingen`;
    expect(
      statusOf(
        await call(networkMatches.action, post(path, { intent: 'end', matchId, reason: 'x', confirm: 'yes' }, strangerCoordinator), { id }),
      ),
    ).toBe(404);
    // Only the confirmation step's button ends it: any other post goes to the step and changes nothing.
    expect(
      locationOf(await call(networkMatches.action, post(path, { intent: 'end', matchId, reason: 'Klikte niet' }, coordinator), { id })),
    ).toBe(`${path}?stoppen=${matchId}#stoppen`);
    expect((await db().select().from(matches).where(eq(matches.id, matchId)))[0]!.status).toBe('active');
    expect(
      statusOf(await call(networkMatches.action, post(path, { intent: 'end', matchId, reason: '', confirm: 'yes' }, coordinator), { id })),
    ).toBe(400);
    const done = await call(
      networkMatches.action,
      post(path, { intent: 'end', matchId, reason: 'Klikte niet', confirm: 'yes' }, coordinator),
      { id },
    );
    expect(locationOf(done)).toBe(`${path}?notice=matchManage.ended#notice`);
    expect((await db().select().from(matches).where(eq(matches.id, matchId)))[0]).toMatchObject({
      status: 'ended',
      endedBy: 'coordinator',
      endReason: 'Klikte niet',
    });
    expect((await db().select().from(menteeApplications).where(eq(menteeApplications.id, proposal.mentee.application.id)))[0]!.status).toBe(
      'waiting',
    );
    // Contact details are gone from the mentee's page once it ended.
    const page = dataOf(await call(matchPage.loader, get(`/koppeling/${matchId}`, mentee), { matchId }));
    expect(page).toMatchObject({ status: 'ended', contact: null });
  });
});
