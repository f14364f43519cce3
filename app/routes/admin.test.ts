import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invitations, emailMessages, organisationMemberships, organisations, users } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createUser } from '../../test/mentoring';
import { call, cookieFor, dataOf, get, locationOf, post, statusOf } from '../../test/routes';
import { DAY, advanceClock, setClock } from '~/modules/clock.server';
import { hashPassword } from '~/modules/auth/password.server';
import { hashToken } from '~/modules/security/tokens.server';
import * as list from './admin._index';
import * as create from './admin.organisaties.nieuw';
import * as detail from './admin.organisaties.$id._index';
import * as edit from './admin.organisaties.$id.bewerken';
import * as invitation from './beheer.uitnodiging.$token';
import { slugify } from '~/modules/text';

const t = setupTestDatabase();
const db = () => t.handle.db;

let admin = '';
let adminId = '';
let plain = '';

beforeAll(async () => {
  const a = await createUser(db(), { isAdmin: true, name: 'Anouk Admin' });
  adminId = a.id;
  admin = await cookieFor(db(), a.id);
  plain = await cookieFor(db(), (await createUser(db())).id);
});

async function createOrganisation(name: string, kind = 'association', contactEmail = '') {
  const result = await call(create.action, post('/admin/organisaties/nieuw', { name, kind, contactEmail }, admin));
  expect(statusOf(result)).toBe(303);
  const id = locationOf(result)!.match(/organisaties\/([0-9a-f-]{36})/)![1]!;
  return id;
}

/** The token inside the invitation email's link (the database holds only its hash). */
async function invitationTokenFor(email: string) {
  const [message] = await db()
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.recipient, email), eq(emailMessages.template, 'coordinator-invitation')))
    .orderBy(emailMessages.createdAt)
    .then((rows) => rows.slice(-1));
  const url = (message!.props as { url: string }).url;
  return url.split('/beheer/uitnodiging/')[1]!;
}

describe('organisations', () => {
  it('slugs are plain and lower case', () => {
    expect(slugify('Nederlands Genootschap van Burgemeesters', 'organisatie')).toBe('nederlands-genootschap-van-burgemeesters');
    expect(slugify('  Coöperatie “Één” & Zo!  ', 'organisatie')).toBe('cooperatie-een-zo');
    expect(slugify('!!!', 'organisatie')).toBe('organisatie');
  });

  it('an administrator creates an organisation; bad input is a 400 with field errors and nothing written', async () => {
    const before = (await db().select().from(organisations)).length;
    const bad = await call(
      create.action,
      post('/admin/organisaties/nieuw', { name: '  ', kind: 'bank', contactEmail: 'geen-adres' }, admin),
    );
    expect(statusOf(bad)).toBe(400);
    const reply = dataOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(bad);
    expect(Object.keys(reply.error).sort()).toEqual(['contactEmail', 'kind', 'name']);
    expect(reply.initialValue.contactEmail).toBe('geen-adres');
    expect((await db().select().from(organisations)).length).toBe(before);

    const id = await createOrganisation('Vereniging Één', 'academy-provider', ' Info@Een.NL ');
    const [row] = await db().select().from(organisations).where(eq(organisations.id, id));
    expect(row).toMatchObject({ name: 'Vereniging Één', kind: 'academy-provider', contactEmail: 'info@een.nl', slug: 'vereniging-een' });
  });

  it('slugs stay unique; the same name twice is refused', async () => {
    await createOrganisation('Vereniging Een!');
    const [second] = await db().select().from(organisations).where(eq(organisations.name, 'Vereniging Een!'));
    expect(second!.slug).toBe('vereniging-een-2');
    const again = await call(create.action, post('/admin/organisaties/nieuw', { name: 'vereniging één', kind: 'party' }, admin));
    expect(statusOf(again)).toBe(400);
    expect(dataOf<{ error: Record<string, string[]> }>(again).error.name?.[0]).toMatch(/al een organisatie/);
  });

  it('edits name, kind and contact; the slug stays', async () => {
    const id = await createOrganisation('Oude Naam');
    const loaded = dataOf<{ organisation: { name: string } }>(
      await call(edit.loader, get(`/admin/organisaties/${id}/bewerken`, admin), { id }),
    );
    expect(loaded.organisation.name).toBe('Oude Naam');
    const saved = await call(edit.action, post(`/admin/organisaties/${id}/bewerken`, { name: 'Nieuwe Naam', kind: 'other' }, admin), {
      id,
    });
    expect(locationOf(saved)).toBe(`/admin/organisaties/${id}?notice=organisation.saved#notice`);
    const [row] = await db().select().from(organisations).where(eq(organisations.id, id));
    expect(row).toMatchObject({ name: 'Nieuwe Naam', kind: 'other', slug: 'oude-naam', contactEmail: null });
  });

  it('the list shows every organisation with its number of coordinators', async () => {
    const id = await createOrganisation('Lijstvereniging');
    const someone = await createUser(db());
    await db().insert(organisationMemberships).values({ organisationId: id, userId: someone.id });
    const loaded = dataOf<{ organisations: { id: string; coordinators: number }[] }>(await call(list.loader, get('/admin', admin)));
    expect(loaded.organisations.find((o) => o.id === id)?.coordinators).toBe(1);
  });

  it('everyone but an administrator gets 404 (anonymous: the login page), for pages and actions', async () => {
    const id = await createOrganisation('Geheime Vereniging');
    for (const [handler, request, params] of [
      [list.loader, get('/admin', plain), {}],
      [create.loader, get('/admin/organisaties/nieuw', plain), {}],
      [create.action, post('/admin/organisaties/nieuw', { name: 'X', kind: 'party' }, plain), {}],
      [detail.loader, get(`/admin/organisaties/${id}`, plain), { id }],
      [detail.action, post(`/admin/organisaties/${id}`, { intent: 'appoint', email: 'x@example.nl' }, plain), { id }],
      [edit.loader, get(`/admin/organisaties/${id}/bewerken`, plain), { id }],
      [edit.action, post(`/admin/organisaties/${id}/bewerken`, { name: 'X', kind: 'party' }, plain), { id }],
    ] as const) {
      expect(statusOf(await call(handler, request, params))).toBe(404);
    }
    const anonymous = await call(detail.loader, get(`/admin/organisaties/${id}`), { id });
    expect(locationOf(anonymous)).toBe(`/inloggen?redirectTo=${encodeURIComponent(`/admin/organisaties/${id}`)}`);
    expect((await db().select().from(organisations).where(eq(organisations.name, 'X'))).length).toBe(0);
    expect((await db().select().from(invitations).where(eq(invitations.email, 'x@example.nl'))).length).toBe(0);
    // Unknown and malformed ids are 404 for the administrator too.
    for (const bad of ['00000000-0000-4000-8000-000000000000', 'nvr']) {
      expect(statusOf(await call(detail.loader, get(`/admin/organisaties/${bad}`, admin), { id: bad }))).toBe(404);
    }
  });
});

describe('coordinators', () => {
  it('an existing account becomes coordinator at once and gets an email; twice is no second membership', async () => {
    const id = await createOrganisation('Benoemvereniging');
    const person = await createUser(db(), { email: 'bestaand@example.nl', name: 'Bea Bestaand', locale: 'en' });
    const appointed = await call(
      detail.action,
      post(`/admin/organisaties/${id}`, { intent: 'appoint', email: ' Bestaand@Example.NL ' }, admin),
      {
        id,
      },
    );
    expect(locationOf(appointed)).toBe(`/admin/organisaties/${id}?notice=organisation.appointed#notice`);
    const memberships = await db().select().from(organisationMemberships).where(eq(organisationMemberships.organisationId, id));
    expect(memberships.map((m) => m.userId)).toEqual([person.id]);
    const emails = await db().select().from(emailMessages).where(eq(emailMessages.recipient, 'bestaand@example.nl'));
    expect(emails.map((e) => [e.template, e.locale])).toEqual([['coordinator-appointed', 'en']]);
    expect(emails[0]!.props).toMatchObject({ organisation: 'Benoemvereniging', name: 'Bea Bestaand' });
    expect((emails[0]!.props as { url: string }).url).toMatch(new RegExp(`/beheer\\?organisatie=${id}$`));

    const again = await call(detail.action, post(`/admin/organisaties/${id}`, { intent: 'appoint', email: 'bestaand@example.nl' }, admin), {
      id,
    });
    expect(locationOf(again)).toBe(`/admin/organisaties/${id}?notice=organisation.already#notice`);
    expect((await db().select().from(emailMessages).where(eq(emailMessages.recipient, 'bestaand@example.nl'))).length).toBe(1);

    const loaded = dataOf<{ coordinators: { name: string }[] }>(await call(detail.loader, get(`/admin/organisaties/${id}`, admin), { id }));
    expect(loaded.coordinators.map((c) => c.name)).toEqual(['Bea Bestaand']);
  });

  it('a bad address is a field error; nothing is sent', async () => {
    const id = await createOrganisation('Foutvereniging');
    const bad = await call(detail.action, post(`/admin/organisaties/${id}`, { intent: 'appoint', email: 'niet-goed' }, admin), { id });
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ result: { error: Record<string, string[]> } }>(bad).result.error.email).toBeTruthy();
    expect((await db().select().from(invitations).where(eq(invitations.organisationId, id))).length).toBe(0);
  });

  it('removing a coordinator asks first (GET shows the question), then the POST ends the membership', async () => {
    const id = await createOrganisation('Verwijdervereniging');
    const person = await createUser(db(), { name: 'Rik Weg' });
    await db().insert(organisationMemberships).values({ organisationId: id, userId: person.id });
    // The question is a page state: nothing changes by opening it.
    await call(detail.loader, get(`/admin/organisaties/${id}?verwijderen=${person.id}`, admin), { id });
    expect((await db().select().from(organisationMemberships).where(eq(organisationMemberships.organisationId, id))).length).toBe(1);
    // A post without confirm=yes changes nothing either: it opens the confirmation step.
    const asked = await call(detail.action, post(`/admin/organisaties/${id}`, { intent: 'remove', userId: person.id }, admin), { id });
    expect(locationOf(asked)).toBe(`/admin/organisaties/${id}?verwijderen=${person.id}#verwijderen`);
    expect((await db().select().from(organisationMemberships).where(eq(organisationMemberships.organisationId, id))).length).toBe(1);
    const removed = await call(
      detail.action,
      post(`/admin/organisaties/${id}`, { intent: 'remove', userId: person.id, confirm: 'yes' }, admin),
      { id },
    );
    expect(locationOf(removed)).toBe(`/admin/organisaties/${id}?notice=organisation.removed#notice`);
    expect((await db().select().from(organisationMemberships).where(eq(organisationMemberships.organisationId, id))).length).toBe(0);
    expect((await db().select().from(users).where(eq(users.id, person.id))).length).toBe(1);
    const twice = await call(
      detail.action,
      post(`/admin/organisaties/${id}`, { intent: 'remove', userId: person.id, confirm: 'yes' }, admin),
      { id },
    );
    expect(statusOf(twice)).toBe(404);
  });

  it('a coordinator of one organisation cannot be removed through another', async () => {
    const mine = await createOrganisation('Eigen Vereniging');
    const theirs = await createOrganisation('Andere Vereniging');
    const person = await createUser(db());
    await db().insert(organisationMemberships).values({ organisationId: theirs, userId: person.id });
    for (const confirm of [{}, { confirm: 'yes' }] as Record<string, string>[]) {
      const result = await call(
        detail.action,
        post(`/admin/organisaties/${mine}`, { intent: 'remove', userId: person.id, ...confirm }, admin),
        { id: mine },
      );
      expect(statusOf(result)).toBe(404);
    }
    expect((await db().select().from(organisationMemberships).where(eq(organisationMemberships.organisationId, theirs))).length).toBe(1);
  });
});

describe('invitations', () => {
  it('an address without account gets an invitation; the link makes an account (verified) and the membership, once', async () => {
    const id = await createOrganisation('Uitnodigvereniging');
    const invited = await call(detail.action, post(`/admin/organisaties/${id}`, { intent: 'appoint', email: 'Nieuw@Example.nl' }, admin), {
      id,
    });
    expect(locationOf(invited)).toBe(`/admin/organisaties/${id}?notice=organisation.invited#notice`);
    const token = await invitationTokenFor('nieuw@example.nl');
    const [row] = await db().select().from(invitations).where(eq(invitations.organisationId, id));
    expect(row).toMatchObject({ email: 'nieuw@example.nl', tokenHash: hashToken(token), invitedBy: adminId, acceptedAt: null });
    expect(row!.tokenHash).not.toContain(token);
    expect((await db().select().from(users).where(eq(users.email, 'nieuw@example.nl'))).length).toBe(0);
    const listed = dataOf<{ invitations: { email: string }[] }>(await call(detail.loader, get(`/admin/organisaties/${id}`, admin), { id }));
    expect(listed.invitations.map((i) => i.email)).toEqual(['nieuw@example.nl']);

    // GET shows the page and changes nothing.
    const shown = await call(invitation.loader, get(`/beheer/uitnodiging/${token}`), { token });
    expect(dataOf<{ mode: string; invitation: { organisationName: string; email: string } }>(shown)).toMatchObject({
      mode: 'create',
      invitation: { organisationName: 'Uitnodigvereniging', email: 'nieuw@example.nl' },
    });
    expect((await db().select().from(invitations).where(eq(invitations.id, row!.id)))[0]!.acceptedAt).toBeNull();

    const short = await call(
      invitation.action,
      post(`/beheer/uitnodiging/${token}`, { intent: 'create', name: 'Nina', password: 'kort' }),
      { token },
    );
    expect(statusOf(short)).toBe(400);
    expect((await db().select().from(users).where(eq(users.email, 'nieuw@example.nl'))).length).toBe(0);

    const accepted = await call(
      invitation.action,
      post(`/beheer/uitnodiging/${token}`, { intent: 'create', name: ' Nina Nieuw ', password: 'een lang wachtwoord' }),
      { token },
    );
    expect(locationOf(accepted)).toBe(`/beheer?organisatie=${id}&notice=coordinator.welcome#notice`);
    expect((accepted as Response).headers.get('Set-Cookie')).toMatch(/^pa_session=/);
    const [user] = await db().select().from(users).where(eq(users.email, 'nieuw@example.nl'));
    expect(user).toMatchObject({ name: 'Nina Nieuw' });
    expect(user!.emailVerifiedAt).not.toBeNull();
    expect(await db().select().from(organisationMemberships).where(eq(organisationMemberships.userId, user!.id))).toHaveLength(1);

    const reused = await call(invitation.loader, get(`/beheer/uitnodiging/${token}`), { token });
    expect(statusOf(reused)).toBe(410);
    const replayed = await call(
      invitation.action,
      post(`/beheer/uitnodiging/${token}`, { intent: 'create', name: 'Iemand', password: 'een lang wachtwoord' }),
      { token },
    );
    expect(statusOf(replayed)).toBe(410);
  });

  it('a forged link is 404, an expired one 410; a new invitation replaces the open one', async () => {
    setClock(new Date()); // fixed, so the days below are exact (sessions of the real clock stay valid)
    try {
      const id = await createOrganisation('Verloopvereniging');
      const forged = 'a'.repeat(32);
      expect(statusOf(await call(invitation.loader, get(`/beheer/uitnodiging/${forged}`), { token: forged }))).toBe(404);
      expect(statusOf(await call(invitation.loader, get('/beheer/uitnodiging/x'), { token: 'x' }))).toBe(404);

      await call(detail.action, post(`/admin/organisaties/${id}`, { intent: 'appoint', email: 'laat@example.nl' }, admin), { id });
      const first = await invitationTokenFor('laat@example.nl');
      advanceClock(DAY);
      await call(detail.action, post(`/admin/organisaties/${id}`, { intent: 'appoint', email: 'laat@example.nl' }, admin), { id });
      const second = await invitationTokenFor('laat@example.nl');
      expect(second).not.toBe(first);
      expect(statusOf(await call(invitation.loader, get(`/beheer/uitnodiging/${first}`), { token: first }))).toBe(410);
      expect(statusOf(await call(invitation.loader, get(`/beheer/uitnodiging/${second}`), { token: second }))).toBe(200);

      advanceClock(15 * DAY);
      expect(statusOf(await call(invitation.loader, get(`/beheer/uitnodiging/${second}`), { token: second }))).toBe(410);
      const late = await call(
        invitation.action,
        post(`/beheer/uitnodiging/${second}`, { intent: 'create', name: 'Laat', password: 'een lang wachtwoord' }),
        { token: second },
      );
      expect(statusOf(late)).toBe(410);
      expect((await db().select().from(users).where(eq(users.email, 'laat@example.nl'))).length).toBe(0);
    } finally {
      setClock(undefined);
    }
  });

  it('a withdrawn invitation stops working', async () => {
    const id = await createOrganisation('Intrekvereniging');
    await call(detail.action, post(`/admin/organisaties/${id}`, { intent: 'appoint', email: 'ingetrokken@example.nl' }, admin), { id });
    const token = await invitationTokenFor('ingetrokken@example.nl');
    const [row] = await db().select().from(invitations).where(eq(invitations.organisationId, id));
    const withdrawn = await call(detail.action, post(`/admin/organisaties/${id}`, { intent: 'withdraw', invitationId: row!.id }, admin), {
      id,
    });
    expect(locationOf(withdrawn)).toBe(`/admin/organisaties/${id}?notice=organisation.withdrawn#notice`);
    expect(statusOf(await call(invitation.loader, get(`/beheer/uitnodiging/${token}`), { token }))).toBe(410);
  });

  it('when the address has an account by now, the page asks for its password (and a wrong one is refused)', async () => {
    const id = await createOrganisation('Inlogvereniging');
    await call(detail.action, post(`/admin/organisaties/${id}`, { intent: 'appoint', email: 'later@example.nl' }, admin), { id });
    const token = await invitationTokenFor('later@example.nl');
    // The person registered (without confirming the address) before following the link.
    const user = await createUser(db(), {
      email: 'later@example.nl',
      emailVerifiedAt: null,
      passwordHash: await hashPassword('het echte wachtwoord'),
    });
    const shown = dataOf<{ mode: string }>(await call(invitation.loader, get(`/beheer/uitnodiging/${token}`), { token }));
    expect(shown.mode).toBe('login');

    const register = await call(
      invitation.action,
      post(`/beheer/uitnodiging/${token}`, { intent: 'create', name: 'Dubbel', password: 'een lang wachtwoord' }),
      { token },
    );
    expect(statusOf(register)).toBe(409);
    const wrong = await call(invitation.action, post(`/beheer/uitnodiging/${token}`, { intent: 'login', password: 'fout wachtwoord' }), {
      token,
    });
    expect(statusOf(wrong)).toBe(400);
    expect(await db().select().from(organisationMemberships).where(eq(organisationMemberships.userId, user.id))).toHaveLength(0);

    const right = await call(
      invitation.action,
      post(`/beheer/uitnodiging/${token}`, { intent: 'login', password: 'het echte wachtwoord' }),
      { token },
    );
    expect(locationOf(right)).toBe(`/beheer?organisatie=${id}&notice=coordinator.welcome#notice`);
    expect(await db().select().from(organisationMemberships).where(eq(organisationMemberships.userId, user.id))).toHaveLength(1);
    const [after] = await db().select().from(users).where(eq(users.id, user.id));
    expect(after!.emailVerifiedAt).not.toBeNull();
  });

  it('logged in: the invited account accepts with one button; another account cannot use the link', async () => {
    const id = await createOrganisation('Knopvereniging');
    await call(detail.action, post(`/admin/organisaties/${id}`, { intent: 'appoint', email: 'knop@example.nl' }, admin), { id });
    const token = await invitationTokenFor('knop@example.nl');
    const owner = await createUser(db(), { email: 'knop@example.nl' });
    const stranger = await createUser(db());
    const strangerCookie = await cookieFor(db(), stranger.id);

    const strangerView = dataOf<{ mode: string }>(
      await call(invitation.loader, get(`/beheer/uitnodiging/${token}`, strangerCookie), { token }),
    );
    expect(strangerView.mode).toBe('other');
    const refused = await call(invitation.action, post(`/beheer/uitnodiging/${token}`, { intent: 'accept' }, strangerCookie), { token });
    expect(statusOf(refused)).toBe(404);
    expect(await db().select().from(organisationMemberships).where(eq(organisationMemberships.userId, stranger.id))).toHaveLength(0);

    const ownerCookie = await cookieFor(db(), owner.id);
    const ownerView = dataOf<{ mode: string }>(await call(invitation.loader, get(`/beheer/uitnodiging/${token}`, ownerCookie), { token }));
    expect(ownerView.mode).toBe('accept');
    const accepted = await call(invitation.action, post(`/beheer/uitnodiging/${token}`, { intent: 'accept' }, ownerCookie), { token });
    expect(locationOf(accepted)).toBe(`/beheer?organisatie=${id}&notice=coordinator.welcome#notice`);
    expect(await db().select().from(organisationMemberships).where(eq(organisationMemberships.userId, owner.id))).toHaveLength(1);
  });
});
