import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { academies, academyApplications, academyReviewers, emailMessages, organisations } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createUser } from '../../test/mentoring';
import { answerOf, call, cookieFor, dataOf, get, locationOf, makeCoordinator, post, statusOf } from '../../test/routes';
import { DAY, now, setClock } from '~/modules/clock.server';
import { translator } from '~/i18n';
import { toLocalInputs } from '~/modules/time';
import { academyApplicationSchema } from '~/modules/academies/application-schema';
import { applyToAcademy } from '~/modules/academies/applications.server';
import * as callPage from './beheer.academies.$id_.oproep';
import * as reviewersPage from './beheer.academies.$id_.beoordelaars';
import * as selectionPage from './beheer.academies.$id_.selectie';
import * as scoringPage from './academies.$id_.beoordelen';
import * as invitationPage from './academies.uitnodiging.$token';
import * as mine from './account_.academies';

// The coordinator's and reviewers' pages of an academy's selection (issue 15, points 1–3), called as
// the browser calls them: who may open them (other tenants and strangers 404), what a reviewer is
// shown (never focus groups or disability), the call's validation, and the decisions up to the release.

const t = setupTestDatabase();
const db = () => t.handle.db;
afterEach(() => setClock(undefined));

const ids = { academy: '', other: '' };
const cookies = { coordinator: '', other: '', reviewer: '', candidate: '', stranger: '' };
const people = { reviewer: { id: '', email: '' }, applicants: [] as { id: string; name: string }[] };
const SECRET = 'Mijn-geheime-partij';

async function makeAcademy(name: string, slug: string) {
  const [org] = await db().insert(organisations).values({ name, slug, kind: 'association' }).returning();
  const [academy] = await db()
    .insert(academies)
    .values({
      organisationId: org!.id,
      name: `Academie van ${name}`,
      callPublished: true,
      applicationsOpenAt: new Date(now().getTime() - DAY),
      applicationsCloseAt: new Date(now().getTime() + 7 * DAY),
      seats: 2,
      claimDays: 7,
      questions: [{ id: 'waarom', label: 'Waarom nu?', kind: 'text', required: true }],
      criteria: [
        { id: 'motivatie', label: 'Motivatie' },
        { id: 'ervaring', label: 'Ervaring' },
      ],
      reviewerFields: ['motivation', 'answers'],
    })
    .returning();
  return { org: org!, academy: academy! };
}

beforeAll(async () => {
  const a = await makeAcademy('Vereniging A', 'sel-a');
  const b = await makeAcademy('Vereniging B', 'sel-b');
  ids.academy = a.academy.id;
  ids.other = b.academy.id;
  const coordinator = await createUser(db(), { name: 'Cor Coördinator' });
  await makeCoordinator(db(), coordinator.id, a.org.id);
  const other = await createUser(db());
  await makeCoordinator(db(), other.id, b.org.id);
  const reviewer = await createUser(db(), { name: 'Rita Reviewer' });
  const stranger = await createUser(db());
  people.reviewer = { id: reviewer.id, email: reviewer.email };
  cookies.coordinator = await cookieFor(db(), coordinator.id);
  cookies.other = await cookieFor(db(), other.id);
  cookies.reviewer = await cookieFor(db(), reviewer.id);
  cookies.stranger = await cookieFor(db(), stranger.id);
  // Three applicants; the first shares a focus group, a disability (with consent) and a party reviewers may not see.
  const schema = academyApplicationSchema(translator('nl'), a.academy.questions);
  for (const [index, extra] of [
    { focusGroups: ['women'], disability: 'on', disabilityConsent: 'on', party: SECRET, experience: 'Geheime ervaring' },
    {},
    {},
  ].entries()) {
    const person = await createUser(db(), { name: `Aanmelder ${index + 1}` });
    const input = schema.parse({ motivation: `Motivatie ${index + 1}`, q: { waarom: `Omdat ${index + 1}` }, ...extra });
    await applyToAcademy(db(), person, a.academy.id, input, 'nl');
    people.applicants.push({ id: person.id, name: person.name });
    if (index === 0) cookies.candidate = await cookieFor(db(), person.id);
  }
});

const closeCall = () => setClock(new Date(now().getTime() + 8 * DAY));

describe('tenancy: only the academy’s own coordinators open its pages', () => {
  it('answers 404 to another organisation’s coordinator, to a stranger and to an applicant, for every loader and action', async () => {
    const pages = [
      [callPage, 'oproep'],
      [reviewersPage, 'beoordelaars'],
      [selectionPage, 'selectie'],
    ] as const;
    for (const [page, path] of pages) {
      const url = `/beheer/academies/${ids.academy}/${path}`;
      expect(statusOf(await call(page.loader, get(url, cookies.coordinator), { id: ids.academy }))).toBe(200);
      for (const cookie of [cookies.other, cookies.stranger, cookies.candidate, cookies.reviewer]) {
        expect(statusOf(await call(page.loader, get(url, cookie), { id: ids.academy }))).toBe(404);
        expect(statusOf(await call(page.action, post(url, { intent: 'invite' }, cookie), { id: ids.academy }))).toBe(404);
      }
      // Anonymous: to the login page.
      expect(locationOf(await call(page.loader, get(url), { id: ids.academy }))).toMatch(/^\/inloggen\?redirectTo=/);
      // A malformed id is a 404 too, not a 500.
      expect(statusOf(await call(page.loader, get(url, cookies.coordinator), { id: 'x' }))).toBe(404);
    }
    // The scoring page: the coordinator yes, another organisation's coordinator and strangers no.
    const scoring = `/academies/${ids.academy}/beoordelen`;
    expect(statusOf(await call(scoringPage.loader, get(scoring, cookies.coordinator), { id: ids.academy }))).toBe(200);
    for (const cookie of [cookies.other, cookies.stranger, cookies.candidate]) {
      expect(statusOf(await call(scoringPage.loader, get(scoring, cookie), { id: ids.academy }))).toBe(404);
      expect(statusOf(await call(scoringPage.action, post(scoring, {}, cookie), { id: ids.academy }))).toBe(404);
    }
  });
});

describe('the call settings', () => {
  it('refuses bad input with 400, a message per field and the input kept; saves good input', async () => {
    const url = `/beheer/academies/${ids.academy}/oproep`;
    const bad = await call(
      callPage.action,
      post(
        url,
        {
          callPublished: 'on',
          applicationsOpenAt: '2027-03-01T12:00',
          applicationsCloseAt: '2027-02-01T12:00',
          seats: '0',
          claimDays: '7',
          cost: 'Gratis',
          'criteria[0].id': 'motivatie',
          'criteria[0].label': '',
          eligibleOffices: 'koning',
        },
        cookies.coordinator,
      ),
      { id: ids.academy },
    );
    const reply = answerOf<{ error: Record<string, string[]>; initialValue: Record<string, unknown> }>(bad);
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.data.error).sort()).toEqual(['applicationsCloseAt', 'criteria', 'eligibleOffices', 'seats']);
    expect(reply.data.error.applicationsCloseAt).toEqual(['Het einde van de aanmeldperiode moet na het begin liggen.']);
    expect(reply.data.initialValue.cost).toBe('Gratis');
    const [unchanged] = await db().select().from(academies).where(eq(academies.id, ids.academy));
    expect(unchanged!.seats).toBe(2);

    // The form shows the saved call with two empty rows to add a question and a criterion.
    const loaded = dataOf<{ defaultValue: { questions: { label: string }[]; criteria: { label: string }[] } }>(
      await call(callPage.loader, get(url, cookies.coordinator), { id: ids.academy }),
    );
    expect(loaded.defaultValue.questions.map((q) => q.label)).toEqual(['Waarom nu?', '', '']);
    expect(loaded.defaultValue.criteria.map((c) => c.label)).toEqual(['Motivatie', 'Ervaring', '', '']);

    const good = await call(
      callPage.action,
      post(
        url,
        {
          callPublished: 'on',
          applicationsOpenAt: '2020-01-01T12:00',
          applicationsCloseAt: toLocalInputs(new Date(now().getTime() + 7 * DAY)).dateTime,
          seats: '2',
          claimDays: '5',
          cost: '€ 25',
          eligibleOffices: ['council-member', 'alderman'],
          eligibleFocusGroups: 'women',
          'questions[0].id': 'waarom',
          'questions[0].label': 'Waarom nu?',
          'questions[0].kind': 'text',
          'questions[0].required': 'on',
          'questions[1].id': 'nieuwevraag',
          'questions[1].label': 'Ben je lid van een partij?',
          'questions[1].kind': 'yes-no',
          'criteria[0].id': 'motivatie',
          'criteria[0].label': 'Motivatie',
          'criteria[1].id': 'ervaring',
          'criteria[1].label': 'Ervaring',
          'criteria[2].id': 'leegrij',
          'criteria[2].label': '',
          reviewerFields: ['motivation', 'answers'],
        },
        cookies.coordinator,
      ),
      { id: ids.academy },
    );
    expect(statusOf(good)).toBe(303);
    expect(locationOf(good)).toContain('notice=academyCall.saved');
    const [saved] = await db().select().from(academies).where(eq(academies.id, ids.academy));
    expect(saved).toMatchObject({
      seats: 2,
      claimDays: 5,
      cost: '€ 25',
      eligibleOffices: ['council-member', 'alderman'],
      eligibleFocusGroups: ['women'],
      criteria: [
        { id: 'motivatie', label: 'Motivatie' },
        { id: 'ervaring', label: 'Ervaring' },
      ],
    });
    expect(saved!.questions).toEqual([
      { id: 'waarom', label: 'Waarom nu?', kind: 'text', required: true },
      { id: 'nieuwevraag', label: 'Ben je lid van een partij?', kind: 'yes-no', required: false },
    ]);
  });
});

describe('reviewers: invited by email, accepted once by the invited address, and only what they may see', () => {
  it('invites, accepts through the invitation page, and shows the reviewer only the allowed fields', async () => {
    const base = `/beheer/academies/${ids.academy}/beoordelaars`;
    const refused = answerOf(
      await call(reviewersPage.action, post(base, { intent: 'invite', email: 'geen-adres' }, cookies.coordinator), { id: ids.academy }),
    );
    expect(refused.status).toBe(400);
    const invited = await call(reviewersPage.action, post(base, { intent: 'invite', email: people.reviewer.email }, cookies.coordinator), {
      id: ids.academy,
    });
    expect(locationOf(invited)).toContain('notice=academyReviewer.invited');
    const again = answerOf<{ result: { error: Record<string, string[]> } }>(
      await call(reviewersPage.action, post(base, { intent: 'invite', email: people.reviewer.email }, cookies.coordinator), {
        id: ids.academy,
      }),
    );
    expect(again.status).toBe(409);
    expect(again.data.result.error.email).toEqual(['Dit e-mailadres heeft al een uitnodiging die nog werkt.']);

    const [mail] = await db()
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.recipient, people.reviewer.email), eq(emailMessages.template, 'academy-reviewer-invitation')));
    const token = String((mail!.props as { url: string }).url)
      .split('/')
      .pop()!;
    const path = `/academies/uitnodiging/${token}`;

    // Seen by a stranger: the invitation, but it is not theirs; anonymous: log in first.
    expect(dataOf<{ mode: string }>(await call(invitationPage.loader, get(path, cookies.stranger), { token })).mode).toBe('other');
    expect(dataOf<{ mode: string }>(await call(invitationPage.loader, get(path), { token })).mode).toBe('login');
    expect(dataOf<{ mode: string }>(await call(invitationPage.loader, get(path, cookies.reviewer), { token })).mode).toBe('accept');
    expect(statusOf(await call(invitationPage.action, post(path, {}, cookies.stranger), { token }))).toBe(404);
    const accepted = await call(invitationPage.action, post(path, {}, cookies.reviewer), { token });
    expect(locationOf(accepted)).toBe(`/academies/${ids.academy}/beoordelen?notice=academyReviewer.welcome#notice`);
    // One-time: the link is used now.
    expect(statusOf(await call(invitationPage.loader, get(path, cookies.reviewer), { token }))).toBe(410);
    expect(statusOf(await call(invitationPage.action, post(path, {}, cookies.reviewer), { token }))).toBe(410);
    expect(statusOf(await call(invitationPage.loader, get('/academies/uitnodiging/nep'), { token: 'nep' }))).toBe(404);

    // The reviewer's home lists the academy; the coordinator pages stay closed to them; another academy is 404.
    const home = dataOf<{ reviewing: { id: string }[] }>(await call(mine.loader, get('/account/academies', cookies.reviewer)));
    expect(home.reviewing.map((a) => a.id)).toEqual([ids.academy]);
    expect(
      statusOf(await call(selectionPage.loader, get(`/beheer/academies/${ids.academy}/selectie`, cookies.reviewer), { id: ids.academy })),
    ).toBe(404);
    expect(statusOf(await call(scoringPage.loader, get(`/academies/${ids.other}/beoordelen`, cookies.reviewer), { id: ids.other }))).toBe(
      404,
    );

    // Before the call closes nobody is shown applications.
    const early = dataOf<{ closed: boolean; applications: unknown[] }>(
      await call(scoringPage.loader, get(`/academies/${ids.academy}/beoordelen`, cookies.reviewer), { id: ids.academy }),
    );
    expect(early).toMatchObject({ closed: false, applications: [] });

    closeCall();
    const loaded = await call(scoringPage.loader, get(`/academies/${ids.academy}/beoordelen`, cookies.reviewer), { id: ids.academy });
    const page = dataOf<{ role: string; applications: { name: string; fields: Record<string, unknown> }[] }>(loaded);
    expect(page.role).toBe('reviewer');
    expect(page.applications.map((a) => a.name)).toEqual(['Aanmelder 1', 'Aanmelder 2', 'Aanmelder 3']);
    expect(page.applications[0]!.fields).toEqual({ motivation: 'Motivatie 1', answers: [{ label: 'Waarom nu?', answer: 'Omdat 1' }] });
    // Everything the page renders comes from this data (it is also what the HTML carries for hydration).
    const serialised = JSON.stringify(page);
    for (const hidden of ['disability', 'focusGroups', 'women', 'Vrouwen', SECRET, 'Geheime ervaring'])
      expect(serialised).not.toContain(hidden);
  });

  it('scores once, with a message per missing score; others’ scores only after one’s own', async () => {
    closeCall();
    const url = `/academies/${ids.academy}/beoordelen`;
    const [first] = await db()
      .select()
      .from(academyApplications)
      .where(and(eq(academyApplications.academyId, ids.academy), eq(academyApplications.userId, people.applicants[0]!.id)));
    const refused = answerOf<{ applicationId: string; result: { error: Record<string, string[]> } }>(
      await call(scoringPage.action, post(url, { applicationId: first!.id, 'scores.motivatie': '4' }, cookies.reviewer), {
        id: ids.academy,
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.data.applicationId).toBe(first!.id);
    expect(refused.data.result.error['scores.ervaring']).toEqual(['Kies een cijfer van 1 tot 5.']);

    // The coordinator scores first; the reviewer does not see it before scoring.
    const coordinatorScore = await call(
      scoringPage.action,
      post(url, { applicationId: first!.id, 'scores.motivatie': '5', 'scores.ervaring': '3', note: 'Heel sterk' }, cookies.coordinator),
      { id: ids.academy },
    );
    expect(locationOf(coordinatorScore)).toContain('notice=academyScore.saved');
    const before = dataOf<{ applications: { id: string; others: unknown }[] }>(
      await call(scoringPage.loader, get(url, cookies.reviewer), { id: ids.academy }),
    );
    expect(before.applications.find((a) => a.id === first!.id)!.others).toBeNull();
    expect(JSON.stringify(before)).not.toContain('Heel sterk');

    const scored = await call(
      scoringPage.action,
      post(url, { applicationId: first!.id, 'scores.motivatie': '4', 'scores.ervaring': '4', note: '' }, cookies.reviewer),
      { id: ids.academy },
    );
    expect(locationOf(scored)).toContain('notice=academyScore.saved');
    const after = dataOf<{ applications: { id: string; others: unknown }[] }>(
      await call(scoringPage.loader, get(url, cookies.reviewer), { id: ids.academy }),
    );
    expect(after.applications.find((a) => a.id === first!.id)!.others).toEqual([
      { scores: { motivatie: 5, ervaring: 3 }, note: 'Heel sterk' },
    ]);
    // Final: a second score is not taken.
    const twice = await call(
      scoringPage.action,
      post(url, { applicationId: first!.id, 'scores.motivatie': '1', 'scores.ervaring': '1' }, cookies.reviewer),
      { id: ids.academy },
    );
    expect(locationOf(twice)).toContain('notice=academyScore.notPossible');

    // The coordinator's table: average of the two scorers' means ((4 + 4) / 2 and (5 + 3) / 2).
    const table = dataOf<{ rows: { id: string; average: number | null; scored: number }[]; seats: number; taken: number }>(
      await call(selectionPage.loader, get(`/beheer/academies/${ids.academy}/selectie`, cookies.coordinator), { id: ids.academy }),
    );
    expect(table.rows[0]).toMatchObject({ id: first!.id, average: 4, scored: 2 });
    expect(table).toMatchObject({ seats: 2, taken: 0 });
  });
});

describe('withdrawing an invitation and removing a reviewer', () => {
  it('acts only from the confirmation step; the withdrawn link no longer works and the removed reviewer gets 404', async () => {
    const base = `/beheer/academies/${ids.academy}/beoordelaars`;
    const extra = await createUser(db());
    await call(reviewersPage.action, post(base, { intent: 'invite', email: extra.email }, cookies.coordinator), { id: ids.academy });
    const loaded = dataOf<{ invitations: { id: string; email: string }[]; reviewers: { id: string }[] }>(
      await call(reviewersPage.loader, get(base, cookies.coordinator), { id: ids.academy }),
    );
    const invitation = loaded.invitations.find((i) => i.email === extra.email)!;
    const unconfirmed = await call(reviewersPage.action, post(base, { intent: 'revoke', id: invitation.id }, cookies.coordinator), {
      id: ids.academy,
    });
    expect(locationOf(unconfirmed)).toBe(`${base}?intrekken=${invitation.id}#intrekken`);
    const step = dataOf<{ toRevoke: { id: string } | null }>(
      await call(reviewersPage.loader, get(`${base}?intrekken=${invitation.id}`, cookies.coordinator), { id: ids.academy }),
    );
    expect(step.toRevoke?.id).toBe(invitation.id);
    const revoked = await call(
      reviewersPage.action,
      post(base, { intent: 'revoke', id: invitation.id, confirm: 'yes' }, cookies.coordinator),
      {
        id: ids.academy,
      },
    );
    expect(locationOf(revoked)).toContain('notice=academyReviewer.revoked');
    const [mail] = await db()
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.recipient, extra.email), eq(emailMessages.template, 'academy-reviewer-invitation')));
    const token = String((mail!.props as { url: string }).url)
      .split('/')
      .pop()!;
    expect(statusOf(await call(invitationPage.loader, get(`/academies/uitnodiging/${token}`), { token }))).toBe(404);

    // Removing: the reviewer of the tests above, after the step; then the scoring page is a 404 for them.
    expect(loaded.reviewers.map((r) => r.id)).toContain(people.reviewer.id);
    const removed = await call(
      reviewersPage.action,
      post(base, { intent: 'remove', id: people.reviewer.id, confirm: 'yes' }, cookies.coordinator),
      { id: ids.academy },
    );
    expect(locationOf(removed)).toContain('notice=academyReviewer.removed');
    expect(
      statusOf(await call(scoringPage.loader, get(`/academies/${ids.academy}/beoordelen`, cookies.reviewer), { id: ids.academy })),
    ).toBe(404);
    // Another organisation's coordinator cannot remove anyone here.
    expect(
      statusOf(
        await call(reviewersPage.action, post(base, { intent: 'remove', id: people.reviewer.id, confirm: 'yes' }, cookies.other), {
          id: ids.academy,
        }),
      ),
    ).toBe(404);
  });
});

describe('decisions and their release', () => {
  it('refuses a third admission with a clear message, needs a reason to decline, and releases once after a confirmation', async () => {
    closeCall();
    const base = `/beheer/academies/${ids.academy}/selectie`;
    const rows = await db().select().from(academyApplications).where(eq(academyApplications.academyId, ids.academy));
    const byPerson = (i: number) => rows.find((r) => r.userId === people.applicants[i]!.id)!.id;
    const decide = (i: number, decision: string, reason = '') =>
      call(selectionPage.action, post(base, { intent: 'decide', applicationId: byPerson(i), decision, reason }, cookies.coordinator), {
        id: ids.academy,
      });

    const noReason = answerOf<{ result: { error: Record<string, string[]> } }>(await decide(2, 'decline'));
    expect(noReason.status).toBe(400);
    expect(noReason.data.result.error.reason).toBeDefined();
    expect(locationOf(await decide(0, 'admit'))).toContain('notice=academySelection.decided');
    expect(locationOf(await decide(1, 'admit'))).toContain('notice=academySelection.decided');
    const full = answerOf<{ applicationId: string; result: { error: Record<string, string[]> } }>(await decide(2, 'admit'));
    expect(full.status).toBe(409);
    expect(full.data.result.error['']).toEqual([
      'Alle 2 plaatsen zijn al vergeven. Laat eerst iemand anders niet meer toe, of kies reserve.',
    ]);

    // Releasing with an undecided application sends nothing.
    const early = await call(selectionPage.action, post(base, { intent: 'release', confirm: 'yes' }, cookies.coordinator), {
      id: ids.academy,
    });
    expect(locationOf(early)).toContain('notice=academySelection.undecided&count=1');
    expect(locationOf(await decide(2, 'reserve'))).toContain('notice=academySelection.decided');

    const table = dataOf<{ taken: number; confirmRelease: unknown }>(
      await call(selectionPage.loader, get(`${base}?vrijgeven=ja`, cookies.coordinator), { id: ids.academy }),
    );
    expect(table).toMatchObject({ taken: 2, confirmRelease: { emails: 3 } });
    // Without the confirmation step's button: to that step, nothing sent.
    const unconfirmed = await call(selectionPage.action, post(base, { intent: 'release' }, cookies.coordinator), { id: ids.academy });
    expect(locationOf(unconfirmed)).toBe(`${base}?vrijgeven=ja#vrijgeven`);
    const released = await call(selectionPage.action, post(base, { intent: 'release', confirm: 'yes' }, cookies.coordinator), {
      id: ids.academy,
    });
    expect(locationOf(released)).toContain('notice=academySelection.released&count=3');
    const again = await call(selectionPage.action, post(base, { intent: 'release', confirm: 'yes' }, cookies.coordinator), {
      id: ids.academy,
    });
    expect(locationOf(again)).toContain('notice=academySelection.notPossible');
    const decisions = await db().select().from(emailMessages).where(eq(emailMessages.template, 'academy-decision'));
    expect(decisions).toHaveLength(3);

    const after = dataOf<{ released: string | null; rows: { status: string }[] }>(
      await call(selectionPage.loader, get(base, cookies.coordinator), { id: ids.academy }),
    );
    expect(after.released).not.toBeNull();
    expect(after.rows.map((r) => r.status).sort()).toEqual(['offered', 'offered', 'reserve']);
    // The reviewer removed above stays removed; the release did not touch the role.
    expect(await db().select().from(academyReviewers).where(eq(academyReviewers.userId, people.reviewer.id))).toHaveLength(0);
  });
});
