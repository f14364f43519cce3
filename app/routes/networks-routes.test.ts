import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailMessages, invitations, mentorProfiles, networkMentors, networks, users } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createProposal } from '../../test/matches';
import { createMentor, createNetwork, createUser } from '../../test/mentoring';
import { call, cookieFor, dataOf, get, locationOf, makeCoordinator, post, run, statusOf, type RouteHandler } from '../../test/routes';
import { SESSION_COOKIE } from '~/modules/auth/session.server';
import { now } from '~/modules/clock.server';
import { translator } from '~/i18n';
import { scorePartIds } from '~/modules/matching/scoring';
import * as list from './beheer.netwerken._index';
import * as create from './beheer.netwerken.nieuw';
import * as overview from './beheer.netwerken.$id._index';
import * as edit from './beheer.netwerken.$id.bewerken';
import * as mentorsPage from './beheer.netwerken.$id.mentoren';
import * as invitation from './mentor_.uitnodiging.$token';
import * as profilePage from './mentor_.profiel';

const t = setupTestDatabase();
const db = () => t.handle.db;

async function coordinatorOf(organisationId: string | null, email?: string) {
  const user = await createUser(db(), email ? { email } : {});
  if (organisationId) await makeCoordinator(db(), user.id, organisationId);
  return { user, cookie: await cookieFor(db(), user.id) };
}
async function tokenFor(email: string) {
  const rows = await db()
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.recipient, email), eq(emailMessages.template, 'mentor-invitation')))
    .orderBy(emailMessages.createdAt);
  return (rows.at(-1)!.props as { url: string }).url.split('/mentor/uitnodiging/')[1]!;
}

/** What a refused form answers (Conform's reply): the values as sent and the errors per field. */
type Refusal = { initialValue: Record<string, unknown>; error: Record<string, string[]> };

/** A complete, valid network form. */
function networkForm(fields: Record<string, string | string[]> = {}) {
  const form: Record<string, string | string[]> = {
    name: 'Vrouwen in de raad Overijssel',
    description: 'Ervaren vrouwen in de politiek helpen nieuwe vrouwen op weg.',
    focusGroup: 'women',
    regionKind: 'national',
    periodStart: '2026-09-01',
    periodEnd: '2027-06-30',
    applicationsOpen: 'on',
    proposalReminderDays: '5',
    proposalAlertDays: '10',
    proposalExpiryDays: '14',
  };
  for (const id of scorePartIds) form[`weights.${id}`] = '10';
  return { ...form, ...fields };
}

let mine: Awaited<ReturnType<typeof createNetwork>>;
let theirs: Awaited<ReturnType<typeof createNetwork>>;
let alice: Awaited<ReturnType<typeof coordinatorOf>>;
let bob: Awaited<ReturnType<typeof coordinatorOf>>;
let candidate = '';
let theirMentorProfile = '';
let theirInvitation = '';

beforeAll(async () => {
  mine = await createNetwork(db(), { name: 'Mijn netwerk' });
  theirs = await createNetwork(db(), { name: 'Hun netwerk' });
  alice = await coordinatorOf(mine.organisationId);
  bob = await coordinatorOf(theirs.organisationId);
  candidate = await cookieFor(db(), (await createUser(db())).id);
  theirMentorProfile = (await createMentor(db(), [theirs.id])).profile.id;
  const [row] = await db()
    .insert(invitations)
    .values({
      kind: 'mentor',
      networkId: theirs.id,
      email: 'iemand@example.nl',
      name: 'Iemand',
      tokenHash: 'x'.repeat(64),
      expiresAt: new Date(now().getTime() + 86_400_000),
    })
    .returning();
  theirInvitation = row!.id;
});

const networkPages: [string, { loader: RouteHandler; action?: RouteHandler }, string][] = [
  ['overview', overview as unknown as { loader: RouteHandler }, ''],
  ['edit', edit as unknown as { loader: RouteHandler; action: RouteHandler }, '/bewerken'],
  ['mentors', mentorsPage as unknown as { loader: RouteHandler; action: RouteHandler }, '/mentoren'],
];

describe('access', () => {
  it('sends anonymous visitors to the login page and back', async () => {
    for (const [, page, suffix] of networkPages) {
      const path = `/beheer/netwerken/${mine.id}${suffix}`;
      const result = await call(page.loader, get(path), { id: mine.id });
      expect(statusOf(result)).toBe(302);
      expect(locationOf(result)).toBe(`/inloggen?redirectTo=${encodeURIComponent(path)}`);
    }
    expect(locationOf(await call(list.loader, get('/beheer/netwerken')))).toContain('/inloggen');
    expect(locationOf(await call(profilePage.loader, get('/mentor/profiel')))).toContain('/inloggen');
  });

  it('answers 404 to people who coordinate nothing', async () => {
    expect(statusOf(await call(list.loader, get('/beheer/netwerken', candidate)))).toBe(404);
    expect(statusOf(await call(create.loader, get('/beheer/netwerken/nieuw', candidate)))).toBe(404);
    expect(statusOf(await call(create.action, post('/beheer/netwerken/nieuw', networkForm(), candidate)))).toBe(404);
    for (const [, page, suffix] of networkPages) {
      expect(statusOf(await call(page.loader, get(`/beheer/netwerken/${mine.id}${suffix}`, candidate), { id: mine.id }))).toBe(404);
    }
  });

  it('answers 404 for another organisation’s network, on every page and every action, and changes nothing', async () => {
    const path = `/beheer/netwerken/${theirs.id}`;
    for (const [, page, suffix] of networkPages) {
      expect(statusOf(await call(page.loader, get(`${path}${suffix}`, alice.cookie), { id: theirs.id }))).toBe(404);
    }
    const actions: [RouteHandler, string, Record<string, string | string[]>][] = [
      [edit.action, '/bewerken', { intent: 'save', ...networkForm({ name: 'Gekaapt' }) }],
      [edit.action, '/bewerken', { intent: 'add-question', label: 'Gekaapt?', kind: 'text' }],
      [edit.action, '/bewerken', { intent: 'remove-question', questionId: 'x' }],
      [mentorsPage.action, '/mentoren', { intent: 'invite', name: 'Kaper', email: 'kaper@example.nl' }],
      [mentorsPage.action, '/mentoren', { intent: 'resend', id: theirInvitation }],
      [mentorsPage.action, '/mentoren', { intent: 'revoke', id: theirInvitation }],
      [mentorsPage.action, '/mentoren', { intent: 'remove-mentor', id: theirMentorProfile }],
    ];
    for (const [handler, suffix, fields] of actions) {
      expect(statusOf(await call(handler, post(`${path}${suffix}`, fields, alice.cookie), { id: theirs.id }))).toBe(404);
    }
    const [row] = await db().select().from(networks).where(eq(networks.id, theirs.id));
    expect(row!.name).toBe('Hun netwerk');
    expect(row!.intakeQuestions).toEqual([]);
    expect(await db().select().from(invitations).where(eq(invitations.id, theirInvitation))).toHaveLength(1);
    expect(await db().select().from(networkMentors).where(eq(networkMentors.networkId, theirs.id))).toHaveLength(1);
    expect(await db().select().from(emailMessages).where(eq(emailMessages.recipient, 'kaper@example.nl'))).toHaveLength(0);
    // Malformed ids are 404 too.
    expect(statusOf(await call(overview.loader, get('/beheer/netwerken/abc', alice.cookie), { id: 'abc' }))).toBe(404);
    // An invitation or mentor of their network, through my network's page: 404, untouched.
    for (const intent of ['resend', 'revoke']) {
      const result = await call(
        mentorsPage.action,
        post(`/beheer/netwerken/${mine.id}/mentoren`, { intent, id: theirInvitation }, alice.cookie),
        {
          id: mine.id,
        },
      );
      expect(statusOf(result)).toBe(404);
    }
    expect(await db().select().from(invitations).where(eq(invitations.id, theirInvitation))).toHaveLength(1);
  });

  it('lists only the coordinator’s own networks', async () => {
    const loaded = dataOf<{ networks: { name: string }[] }>(await call(list.loader, get('/beheer/netwerken', alice.cookie)));
    expect(loaded.networks.map((n) => n.name)).toEqual(['Mijn netwerk']);
    const theirsListed = dataOf<{ networks: { name: string }[] }>(await call(list.loader, get('/beheer/netwerken', bob.cookie)));
    expect(theirsListed.networks.map((n) => n.name)).toEqual(['Hun netwerk']);
  });

  it('answers 404 on the profile page to people without a mentor profile', async () => {
    expect(statusOf(await call(profilePage.loader, get('/mentor/profiel', candidate)))).toBe(404);
    expect(statusOf(await call(profilePage.action, post('/mentor/profiel', { office: 'mayor' }, candidate)))).toBe(404);
  });
});

describe('creating and editing a network', () => {
  it('refuses bad input with messages per field and keeps the rest', async () => {
    const result = await call(
      create.action,
      post(
        '/beheer/netwerken/nieuw',
        networkForm({
          organisationId: theirs.organisationId,
          name: '',
          regionKind: 'municipalities',
          municipalities: [],
          'weights.officeFit': '150',
        }),
        alice.cookie,
      ),
    );
    expect(statusOf(result)).toBe(400);
    const answer = dataOf<Refusal>(result);
    expect(Object.keys(answer.error).sort()).toEqual(['municipalities', 'name', 'organisationId', 'weights.officeFit']);
    expect(answer.initialValue.description).toBe('Ervaren vrouwen in de politiek helpen nieuwe vrouwen op weg.');
    expect(answer.initialValue.weights).toMatchObject({ officeFit: '150' });
    expect(await db().select().from(networks).where(eq(networks.organisationId, theirs.organisationId))).toHaveLength(1);
  });

  it('creates a network with provinces and weights, then edits it', async () => {
    const result = await call(
      create.action,
      post(
        '/beheer/netwerken/nieuw',
        networkForm({
          organisationId: mine.organisationId,
          regionKind: 'provinces',
          provinces: ['PV23', 'PV21'],
          'weights.sameMunicipality': '40',
        }),
        alice.cookie,
      ),
    );
    expect(statusOf(result)).toBe(303);
    const id = locationOf(result)!.split('/')[3]!.split('?')[0]!;
    const [row] = await db().select().from(networks).where(eq(networks.id, id));
    expect(row).toMatchObject({
      organisationId: mine.organisationId,
      focusGroup: 'women',
      regionKind: 'provinces',
      applicationsOpen: true,
      createdBy: alice.user.id,
    });
    expect([...row!.regionCodes].sort()).toEqual(['PV21', 'PV23']);
    expect(row!.weights!.sameMunicipality).toBe(40);

    const loaded = dataOf<{ regions: string[]; network: { weights: Record<string, number> } }>(
      await call(overview.loader, get(`/beheer/netwerken/${id}`, alice.cookie), { id }),
    );
    expect(loaded.regions).toEqual(['Friesland', 'Overijssel']);

    const saved = await call(
      edit.action,
      post(
        `/beheer/netwerken/${id}/bewerken`,
        {
          intent: 'save',
          ...networkForm({ name: 'Nieuwe naam', regionKind: 'municipalities', municipalities: ['GM0193'], applicationsOpen: [] }),
        },
        alice.cookie,
      ),
      { id },
    );
    expect(locationOf(saved)).toBe(`/beheer/netwerken/${id}?notice=network.saved#notice`);
    const [after] = await db().select().from(networks).where(eq(networks.id, id));
    expect(after).toMatchObject({
      name: 'Nieuwe naam',
      regionKind: 'municipalities',
      regionCodes: ['GM0193'],
      applicationsOpen: false,
      organisationId: mine.organisationId,
    });

    const refused = await call(
      edit.action,
      post(
        `/beheer/netwerken/${id}/bewerken`,
        { intent: 'save', ...networkForm({ proposalAlertDays: '20', proposalExpiryDays: '15' }) },
        alice.cookie,
      ),
      { id },
    );
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<{ result: Refusal }>(refused).result.error.proposalExpiryDays).toBeTruthy();
  });

  it('adds, changes, moves and removes intake questions', async () => {
    const path = `/beheer/netwerken/${mine.id}/bewerken`;
    const send = (fields: Record<string, string>) => call(edit.action, post(path, fields, alice.cookie), { id: mine.id });
    const bad = await send({
      intent: 'add-question',
      label: 'Welke partij?',
      kind: 'choice',
      options: 'Eén',
    });
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ result: Refusal }>(bad).result).toMatchObject({
      initialValue: { label: 'Welke partij?' },
      error: { options: [expect.any(String)] },
    });
    await send({ intent: 'add-question', label: 'Waarom?', kind: 'text', required: 'on' });
    await send({
      intent: 'add-question',
      label: 'Welke partij?',
      kind: 'choice',
      options: 'Geen\nEen lokale partij',
    });
    let [row] = await db().select().from(networks).where(eq(networks.id, mine.id));
    expect(row!.intakeQuestions.map((q) => [q.label, q.kind, q.required, q.options])).toEqual([
      ['Waarom?', 'text', true, []],
      ['Welke partij?', 'choice', false, ['Geen', 'Een lokale partij']],
    ]);
    const [first, second] = row!.intakeQuestions;
    expect(locationOf(await send({ intent: 'question-up', questionId: second!.id }))).toContain('notice=network.questionMoved');
    await send({
      intent: 'edit-question',
      questionId: first!.id,
      label: 'Waarom wil je een mentor?',
      kind: 'yes-no',
    });
    [row] = await db().select().from(networks).where(eq(networks.id, mine.id));
    expect(row!.intakeQuestions.map((q) => q.label)).toEqual(['Welke partij?', 'Waarom wil je een mentor?']);
    expect(row!.intakeQuestions[1]!.kind).toBe('yes-no');
    // The old one-click form (no confirm field) removes nothing: it goes to the confirmation step.
    const editPath = `/beheer/netwerken/${mine.id}/bewerken`;
    expect(locationOf(await send({ intent: 'remove-question', questionId: second!.id }))).toBe(
      `${editPath}?vraag-verwijderen=${second!.id}#vraag-verwijderen`,
    );
    const asked = await run(edit.loader, get(`${editPath}?vraag-verwijderen=${second!.id}`, alice.cookie), { id: mine.id });
    expect(asked.questionToRemove).toEqual({ id: second!.id, label: 'Welke partij?' });
    [row] = await db().select().from(networks).where(eq(networks.id, mine.id));
    expect(row!.intakeQuestions).toHaveLength(2);
    expect(locationOf(await send({ intent: 'remove-question', questionId: second!.id, confirm: 'yes' }))).toContain(
      'notice=network.questionRemoved',
    );
    [row] = await db().select().from(networks).where(eq(networks.id, mine.id));
    expect(row!.intakeQuestions.map((q) => q.id)).toEqual([first!.id]);
  });
});

describe('mentor invitations through the pages', () => {
  it('invites, refuses bad input, and a new person creates an account from the link', async () => {
    const path = `/beheer/netwerken/${mine.id}/mentoren`;
    const bad = await call(mentorsPage.action, post(path, { intent: 'invite', name: 'Sanne', email: 'geen-adres' }, alice.cookie), {
      id: mine.id,
    });
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ result: Refusal }>(bad).result).toMatchObject({
      initialValue: { name: 'Sanne' },
      error: { email: [expect.any(String)] },
    });

    const sent = await call(mentorsPage.action, post(path, { intent: 'invite', name: 'Sanne', email: 'sanne@example.nl' }, alice.cookie), {
      id: mine.id,
    });
    expect(locationOf(sent)).toContain('notice=network.invited');
    const token = await tokenFor('sanne@example.nl');
    const invitePath = `/mentor/uitnodiging/${token}`;

    // GET shows it and uses nothing.
    const shown = dataOf<{ mode: string; invitation: { targetName: string; email: string } }>(
      await call(invitation.loader, get(invitePath), { token }),
    );
    expect(shown).toMatchObject({ mode: 'create', invitation: { targetName: 'Mijn netwerk', email: 'sanne@example.nl' } });
    expect((await call(invitation.loader, get(invitePath), { token })) as object).toMatchObject({ mode: 'create' });

    const short = await call(invitation.action, post(invitePath, { intent: 'create', name: 'Sanne de Vries', password: 'kort' }), {
      token,
    });
    expect(statusOf(short)).toBe(400);
    expect(dataOf<{ result: Refusal }>(short).result).toMatchObject({
      initialValue: { name: 'Sanne de Vries' },
      error: { password: [expect.any(String)] },
    });
    // The password does not come back.
    expect(dataOf<{ result: Refusal }>(short).result.initialValue.password).toBeUndefined();
    expect(await db().select().from(users).where(eq(users.email, 'sanne@example.nl'))).toHaveLength(0);

    const created = await call(
      invitation.action,
      post(invitePath, { intent: 'create', name: 'Sanne de Vries', password: 'een-lang-wachtwoord' }),
      { token },
    );
    expect(locationOf(created)).toBe('/mentor/profiel?notice=mentorProfile.welcome#notice');
    const cookie = (created as Response).headers.get('Set-Cookie')!.split(';')[0]!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));

    // Used: the link now gives a clear page, and a second POST does nothing.
    expect(statusOf(await call(invitation.loader, get(invitePath), { token }))).toBe(410);
    const again = await call(invitation.action, post(invitePath, { intent: 'create', name: 'X', password: 'een-lang-wachtwoord' }), {
      token,
    });
    expect(statusOf(again)).toBe(410);
    expect(dataOf<{ problem: string }>(again).problem).toBe('used');
    expect(statusOf(await call(invitation.loader, get('/mentor/uitnodiging/verzonnen'), { token: 'verzonnen' }))).toBe(404);

    // The profile page: incomplete, then filled in.
    const profile = dataOf<{ complete: boolean; networks: { name: string }[] }>(
      await call(profilePage.loader, get('/mentor/profiel', cookie)),
    );
    expect(profile.complete).toBe(false);
    expect(profile.networks.map((n) => n.name)).toEqual(['Mijn netwerk']);
    const refused = await call(
      profilePage.action,
      post(
        '/mentor/profiel',
        {
          office: 'alderman',
          municipalityCode: 'GM0193',
          capacity: '12',
          themes: ['zorg'],
          languages: 'nl',
          meetingModes: 'online',
          bio: 'Wethouder.',
        },
        cookie,
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<Refusal>(refused)).toMatchObject({
      initialValue: { bio: 'Wethouder.', themes: 'zorg' },
      error: { capacity: [expect.any(String)] },
    });
    const saved = await call(
      profilePage.action,
      post(
        '/mentor/profiel',
        {
          office: 'alderman',
          municipalityCode: 'GM0193',
          capacity: '2',
          themes: ['zorg', 'wonen'],
          languages: ['nl', 'en'],
          meetingModes: ['online', 'in-person'],
          availability: ['tue-evening', 'thu-evening'],
          bio: 'Wethouder.',
          phone: '06 1234 5678',
          pausedUntil: '',
        },
        cookie,
      ),
    );
    expect(locationOf(saved)).toBe('/mentor/profiel?notice=mentorProfile.saved#notice');
    const [sanne] = await db().select().from(users).where(eq(users.email, 'sanne@example.nl'));
    const [row] = await db().select().from(mentorProfiles).where(eq(mentorProfiles.userId, sanne!.id));
    expect(row).toMatchObject({ office: 'alderman', capacity: 2, themes: ['zorg', 'wonen'], availability: ['tue-evening', 'thu-evening'] });
    expect(row!.completedAt).not.toBeNull();
  });

  it('asks an existing account to log in, then links it; another account cannot accept', async () => {
    const existing = await createUser(db(), { email: 'raadslid@example.nl' });
    await call(
      mentorsPage.action,
      post(`/beheer/netwerken/${mine.id}/mentoren`, { intent: 'invite', name: 'Raadslid', email: 'raadslid@example.nl' }, alice.cookie),
      {
        id: mine.id,
      },
    );
    const token = await tokenFor('raadslid@example.nl');
    const path = `/mentor/uitnodiging/${token}`;
    const anonymous = dataOf<{ mode: string; loginUrl: string }>(await call(invitation.loader, get(path), { token }));
    expect(anonymous.mode).toBe('login');
    expect(anonymous.loginUrl).toBe(`/inloggen?redirectTo=${encodeURIComponent(path)}`);
    // Creating an account for that address is refused.
    const hijack = await call(invitation.action, post(path, { intent: 'create', name: 'Kaper', password: 'een-lang-wachtwoord' }), {
      token,
    });
    expect(statusOf(hijack)).toBe(409);

    expect(dataOf<{ mode: string }>(await call(invitation.loader, get(path, candidate), { token })).mode).toBe('other');
    expect(statusOf(await call(invitation.action, post(path, { intent: 'accept' }, candidate), { token }))).toBe(404);

    const cookie = await cookieFor(db(), existing.id);
    expect(dataOf<{ mode: string }>(await call(invitation.loader, get(path, cookie), { token })).mode).toBe('accept');
    expect(locationOf(await call(invitation.action, post(path, { intent: 'accept' }, cookie), { token }))).toBe(
      '/mentor/profiel?notice=mentorProfile.welcome#notice',
    );
    const members = dataOf<{ mentors: { email: string }[] }>(
      await call(mentorsPage.loader, get(`/beheer/netwerken/${mine.id}/mentoren`, alice.cookie), { id: mine.id }),
    ).mentors;
    expect(members.map((m) => m.email)).toContain('raadslid@example.nl');
  });

  it('welcomes a mentor with a filled-in profile to another network without asking to fill it in, and says what a capacity below use means', async () => {
    const { mentor } = await createProposal(db());
    const cookie = await cookieFor(db(), mentor.user.id);
    // Accepting an invitation to one more network lands on the welcome notice; with a filled-in profile
    // the page swaps it for the one that does not ask to fill it in again.
    const welcome = await Promise.resolve(call(profilePage.loader, get('/mentor/profiel?notice=mentorProfile.welcome', cookie))).catch(
      (thrown: unknown) => thrown,
    );
    expect(locationOf(welcome as Response)).toBe('/mentor/profiel?notice=mentorProfile.welcomeNetwork#notice');
    const t = translator('nl');
    expect(t('notice.mentorProfile.welcomeNetwork')).toBe(
      'Welkom in dit netwerk! Je profiel is al ingevuld. Het geldt voor al je netwerken: kijk of het nog klopt.',
    );
    // The page as it is, with no notice asked for, is not redirected.
    expect(statusOf(await call(profilePage.loader, get('/mentor/profiel', cookie)))).not.toBe(303);
  });

  it('re-sends, revokes and removes from the mentors page', async () => {
    const path = `/beheer/netwerken/${mine.id}/mentoren`;
    await call(mentorsPage.action, post(path, { intent: 'invite', name: 'Piet', email: 'piet@example.nl' }, alice.cookie), {
      id: mine.id,
    });
    const old = await tokenFor('piet@example.nl');
    const [pending] = await db().select().from(invitations).where(eq(invitations.email, 'piet@example.nl'));
    expect(
      locationOf(await call(mentorsPage.action, post(path, { intent: 'resend', id: pending!.id }, alice.cookie), { id: mine.id })),
    ).toContain('notice=network.resent');
    expect(await tokenFor('piet@example.nl')).not.toBe(old);
    // Revoking: the old one-click form goes to the confirmation step, which names the person; nothing changes.
    expect(
      locationOf(await call(mentorsPage.action, post(path, { intent: 'revoke', id: pending!.id }, alice.cookie), { id: mine.id })),
    ).toBe(`${path}?intrekken=${pending!.id}#intrekken`);
    const asked = await run(mentorsPage.loader, get(`${path}?intrekken=${pending!.id}`, alice.cookie), { id: mine.id });
    expect(asked.toRevoke).toEqual({ id: pending!.id, name: 'Piet', email: 'piet@example.nl' });
    expect(await db().select().from(invitations).where(eq(invitations.id, pending!.id))).toHaveLength(1);
    expect(
      locationOf(
        await call(mentorsPage.action, post(path, { intent: 'revoke', id: pending!.id, confirm: 'yes' }, alice.cookie), { id: mine.id }),
      ),
    ).toContain('notice=network.revoked');
    expect(await db().select().from(invitations).where(eq(invitations.id, pending!.id))).toHaveLength(0);

    const { profile } = await createMentor(db(), [mine.id]);
    expect(
      locationOf(await call(mentorsPage.action, post(path, { intent: 'remove-mentor', id: profile.id }, alice.cookie), { id: mine.id })),
    ).toBe(`${path}?verwijderen=${profile.id}#verwijderen`);
    const removing = await run(mentorsPage.loader, get(`${path}?verwijderen=${profile.id}`, alice.cookie), { id: mine.id });
    expect(removing.toRemove).toMatchObject({ profileId: profile.id });
    expect(await db().select().from(networkMentors).where(eq(networkMentors.mentorProfileId, profile.id))).toHaveLength(1);
    expect(
      locationOf(
        await call(mentorsPage.action, post(path, { intent: 'remove-mentor', id: profile.id, confirm: 'yes' }, alice.cookie), {
          id: mine.id,
        }),
      ),
    ).toContain('notice=network.mentorRemoved');
    expect(await db().select().from(networkMentors).where(eq(networkMentors.mentorProfileId, profile.id))).toHaveLength(0);
    // The profile stays: it is the person's, not the network's.
    expect(await db().select().from(mentorProfiles).where(eq(mentorProfiles.id, profile.id))).toHaveLength(1);
  });
});
