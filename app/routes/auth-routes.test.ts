import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailMessages, mentorProfiles, organisationMemberships, users } from '~db/schema';
import { hashPassword } from '~/modules/auth/password.server';
import { createNetwork } from '../../test/mentoring';
import { setupTestDatabase } from '../../test/database';
import { action as registerAction } from './registreren';
import { action as loginAction } from './inloggen';
import { action as resetAction, loader as resetLoader } from './wachtwoord-herstellen.$token';
import { loader as adminLoader } from './admin._index';
import { createSession } from '~/modules/auth/session.server';
import { advanceClock, DAY, setClock } from '~/modules/clock.server';
import { loader as rootLoader } from '../root';
import { answerOf, argsOf, call, cookieFor, get, post, run } from '../../test/routes';

const t = setupTestDatabase();

type Reply = { status?: string; initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> | null };
type Answer = Reply & Record<string, unknown>;

describe('forms answer bad input with field errors and keep what was typed', () => {
  it('registration: 400, a message per field, the name and email kept, the password not', async () => {
    const { status, data } = answerOf<Answer>(
      await registerAction(argsOf(post('/registreren', { name: 'Sanne', email: 'geen-adres', password: 'kort' }))),
    );
    expect(status).toBe(400);
    expect(data.error?.email?.[0]).toMatch(/geldig e-mailadres/);
    expect(data.error?.password?.[0]).toMatch(/minstens 12 tekens/);
    expect(data.error?.name).toBeUndefined();
    expect(data.initialValue).toMatchObject({ name: 'Sanne', email: 'geen-adres' });
    expect(data.initialValue).not.toHaveProperty('password');
  });

  it('speaks English when the language cookie says so', async () => {
    const request = post('/registreren', { name: '', email: '', password: '' });
    request.headers.set('Cookie', 'pa_lang=en');
    const { data } = answerOf<Answer>(await registerAction(argsOf(request)));
    expect(data.error?.name?.[0]).toBe('Enter your name.');
    expect(data.error?.email?.[0]).toBe('Enter your email address.');
  });

  it('a 1 MB name is refused with a message, not a crash', async () => {
    const { status, data } = answerOf<Answer>(
      await registerAction(
        argsOf(post('/registreren', { name: 'x'.repeat(1_000_000), email: 'a@b.nl', password: 'lang genoeg wachtwoord' })),
      ),
    );
    expect(status).toBe(400);
    expect(data.error?.name?.[0]).toMatch(/100 tekens/);
  });

  it('a filled-in honeypot looks like success but creates nothing', async () => {
    const response = (await registerAction(
      argsOf(
        post('/registreren', { name: 'Bot', email: 'bot@example.nl', password: 'wachtwoord van een bot', website: 'https://spam.example' }),
      ),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/registreren/verstuurd');
    expect(await t.handle.db.select().from(users).where(eq(users.email, 'bot@example.nl'))).toHaveLength(0);
  });

  it('login: the same message for an unknown address and a wrong password', async () => {
    const response = (await registerAction(
      argsOf(post('/registreren', { name: 'Piet', email: 'piet@example.nl', password: 'piet zijn wachtwoord' })),
    )) as Response;
    expect(response.status).toBe(302);
    const unknown = answerOf<Answer>(
      await loginAction(argsOf(post('/inloggen', { intent: 'password', email: 'niemand@example.nl', password: 'iets' }))),
    );
    const known = answerOf<Answer>(
      await loginAction(argsOf(post('/inloggen', { intent: 'password', email: 'piet@example.nl', password: 'iets' }))),
    );
    expect(unknown.status).toBe(400);
    expect((unknown.data.result as Reply).error?.['']).toEqual((known.data.result as Reply).error?.['']);
    expect((known.data.result as Reply).initialValue).not.toHaveProperty('password');
  });

  it('a login link request answers the same for known and unknown addresses', async () => {
    const known = (await loginAction(
      argsOf(post('/inloggen?redirectTo=%2Faccount', { intent: 'link', email: 'piet@example.nl' })),
    )) as Response;
    const unknown = (await loginAction(
      argsOf(post('/inloggen?redirectTo=%2Faccount', { intent: 'link', email: 'onbekend@example.nl' })),
    )) as Response;
    // Back to the login page (keeping where a password login leads) with the "if there is an account" notice.
    expect(known.status).toBe(303);
    expect(known.headers.get('Location')).toBe('/inloggen?redirectTo=%2Faccount&notice=login.linkSent#notice');
    expect([...unknown.headers]).toEqual([...known.headers]);
    const mails = await t.handle.db.select().from(emailMessages).where(eq(emailMessages.recipient, 'onbekend@example.nl'));
    expect(mails).toHaveLength(0);
  });
});

describe('token pages', () => {
  it('a forged reset link gets a clear page (404) and changes nothing', async () => {
    const loaded = answerOf<Answer>(await resetLoader(argsOf(get('/wachtwoord-herstellen/abc'), { token: 'abc' })));
    expect(loaded.status).toBe(404);
    expect(loaded.data).toEqual({ problem: 'invalid' });
    const acted = answerOf<Answer>(
      await resetAction(
        argsOf(post('/wachtwoord-herstellen/abc', { password: 'een nieuw wachtwoord', confirm: 'een nieuw wachtwoord' }), { token: 'abc' }),
      ),
    );
    expect(acted.status).toBe(404);
  });

  it('different passwords are a field error on the confirmation', async () => {
    const acted = answerOf<Answer>(
      await resetAction(
        argsOf(post('/wachtwoord-herstellen/abc', { password: 'een nieuw wachtwoord', confirm: 'iets anders' }), { token: 'abc' }),
      ),
    );
    expect(acted.status).toBe(400);
    expect((acted.data.result as Reply).error?.confirm?.[0]).toMatch(/niet gelijk/);
  });
});

describe('guards', () => {
  it('the admin pages send visitors to the login page and answer non-admins 404', async () => {
    const anonymous = await call(adminLoader, get('/admin'));
    expect((anonymous as Response).status).toBe(302);
    expect((anonymous as Response).headers.get('Location')).toBe('/inloggen?redirectTo=%2Fadmin');
    const [piet] = await t.handle.db.select().from(users).where(eq(users.email, 'piet@example.nl'));
    const cookie = await cookieFor(t.handle.db, piet!.id);
    const refused = await call(adminLoader, get('/admin', cookie));
    expect((refused as Response).status).toBe(404);
    await t.handle.db.update(users).set({ isAdmin: true }).where(eq(users.id, piet!.id));
    const allowed = await run(adminLoader, get('/admin', cookie));
    expect(Array.isArray(allowed.organisations)).toBe(true);
  });
});

describe('sliding sessions', () => {
  it('extends the cookie together with the session once it is past half-way', async () => {
    const [piet] = await t.handle.db.select().from(users).where(eq(users.email, 'piet@example.nl'));
    setClock(new Date('2027-01-10T12:00:00Z'));
    const { token } = await createSession(t.handle.db, piet!.id);
    const request = () => get('/', `pa_session=${token}`);
    const fresh = await rootLoader(argsOf(request()));
    expect(fresh).not.toHaveProperty('init');
    advanceClock(16 * DAY);
    const renewed = (await rootLoader(argsOf(request()))) as unknown as {
      data: { user: unknown };
      init: { headers: Record<string, string> };
    };
    expect(renewed.data.user).toMatchObject({ name: 'Piet' });
    expect(renewed.init.headers['Set-Cookie']).toMatch(new RegExp(`^pa_session=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`));
    // Extended once; the next request has nothing to extend.
    expect(await rootLoader(argsOf(request()))).not.toHaveProperty('init');
  });
});

describe('after logging in', () => {
  const password = 'een lang wachtwoord 2026';
  async function person(email: string, fields: Partial<typeof users.$inferInsert> = {}) {
    const [user] = await t.handle.db
      .insert(users)
      .values({ email, name: email.split('@')[0]!, passwordHash: await hashPassword(password), emailVerifiedAt: new Date(), ...fields })
      .returning();
    return user!;
  }
  const logIn = async (email: string, query = '') => {
    const result = await loginAction(argsOf(post(`/inloggen${query}`, { intent: 'password', email, password })));
    expect(result).toBeInstanceOf(Response);
    return (result as Response).headers.get('Location');
  };

  it('sends each role to its home, unless the page that sent them is asked for', async () => {
    await person('gewoon@example.nl');
    const coordinator = await person('coord@example.nl');
    const network = await createNetwork(t.handle.db);
    await t.handle.db.insert(organisationMemberships).values({ organisationId: network.organisationId, userId: coordinator.id });
    const mentor = await person('mentor-thuis@example.nl');
    await t.handle.db.insert(mentorProfiles).values({ userId: mentor.id });
    await person('beheerder@example.nl', { isAdmin: true });

    expect(await logIn('gewoon@example.nl')).toBe('/account');
    expect(await logIn('coord@example.nl')).toBe('/beheer');
    expect(await logIn('mentor-thuis@example.nl')).toBe('/mentor');
    expect(await logIn('beheerder@example.nl')).toBe('/admin');
    // A page of ours that asked for the login wins, also for a coordinator.
    expect(await logIn('coord@example.nl', `?redirectTo=${encodeURIComponent('/cursussen?q=Zwolle#lijst')}`)).toBe(
      '/cursussen?q=Zwolle#lijst',
    );
  });

  it('never sends anyone to another site through redirectTo', async () => {
    await person('veilig@example.nl');
    for (const evil of [
      '//evil.example/',
      '/\\evil.example',
      '/\t/evil.example',
      'https://evil.example/',
      '/%0A/evil.example'.replace('%0A', '\n'),
      'javascript:alert(1)',
    ]) {
      expect(await logIn('veilig@example.nl', `?redirectTo=${encodeURIComponent(evil)}`)).toBe('/account');
    }
  });
});
