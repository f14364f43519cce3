import { describe, expect, it } from 'vitest';
import { emailMessages, users, verificationTokens } from '~db/schema';
import { runAccountLinkJobs } from '../../test/account-links';
import { setupTestDatabase } from '../../test/database';
import { call, dataOf, post, statusOf, type RouteHandler } from '../../test/routes';
import { createCourse, emailsTo, person } from '../../test/courses';
import { hashPassword } from '~/modules/auth/password.server';
import { now } from '~/modules/clock.server';
import { signUp } from '~/modules/courses/registrations.server';
import { rules } from '~/modules/security/rate-limit.server';
import { action as loginAction } from './inloggen';
import { action as registerAction } from './registreren';
import { action as forgotAction } from './wachtwoord-vergeten';
import { action as signUpAction } from './cursussen.$id_.aanmelden';

// ASVS V2.2 / V3 (docs/security.md, "Account and enrolment enumeration"): every public form that
// takes an address answers an address we know (an account, a registration) exactly as one we do not:
// the same status, headers and body, once the address itself is taken out of the body.

const t = setupTestDatabase();
const db = () => t.handle.db;
const PASSWORD = 'Een-lang-wachtwoord-2026';

let ipCounter = 0;

/** The answer as a browser would see it: status, headers and body, with `address` replaced. */
async function answer(
  handler: RouteHandler,
  path: string,
  fields: Record<string, string>,
  address: string,
  params: Record<string, string> = {},
) {
  // Each call from its own IP, so per-IP limits do not tell the calls apart.
  ipCounter += 1;
  const result = await call(handler, post(path, fields), params, `198.51.100.${ipCounter}`);
  const strip = (text: string) => text.split(address).join('<address>');
  if (result instanceof Response) {
    return { status: result.status, headers: [...result.headers.entries()], body: strip(await result.text()) };
  }
  const init = (result as { init?: { headers?: HeadersInit } | null }).init;
  return { status: statusOf(result), headers: [...new Headers(init?.headers).entries()], body: strip(JSON.stringify(dataOf(result))) };
}

async function knownAccount(email: string, verified = true) {
  await db()
    .insert(users)
    .values({ email, name: 'Bekend', passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: verified ? now() : null });
}

describe('forms that take an address answer a known one as an unknown one', () => {
  it('registration (/registreren): "check your email" for both; the owner of the account is told by email', async () => {
    await knownAccount('reg-bekend@example.nl');
    const fields = (email: string) => ({ name: 'Iemand', email, password: PASSWORD });
    const known = await answer(registerAction, '/registreren', fields('reg-bekend@example.nl'), 'reg-bekend@example.nl');
    const unknown = await answer(registerAction, '/registreren', fields('reg-nieuw@example.nl'), 'reg-nieuw@example.nl');
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ status: 302, headers: [['location', '/registreren/verstuurd']] });
    expect(await emailsTo(db(), 'reg-bekend@example.nl', 'account-exists')).toHaveLength(1);
    expect(await emailsTo(db(), 'reg-nieuw@example.nl', 'verify-email')).toHaveLength(1);
  });

  it('login link and password reset: the same 303 to the "sent" notice for both; only an account gets the link', async () => {
    await knownAccount('link-bekend@example.nl');
    for (const [handler, path, fields, location] of [
      [loginAction, '/inloggen', { intent: 'link' }, '/inloggen?notice=login.linkSent#notice'],
      [forgotAction, '/wachtwoord-vergeten', {}, '/wachtwoord-vergeten?notice=forgot.sent#notice'],
    ] as const) {
      const known = await answer(handler, path, { ...fields, email: 'link-bekend@example.nl' }, 'link-bekend@example.nl');
      const unknown = await answer(handler, path, { ...fields, email: 'link-nieuw@example.nl' }, 'link-nieuw@example.nl');
      expect(known).toEqual(unknown);
      expect(known).toMatchObject({ status: 303, headers: [['location', location]] });
      // A bot that fills in the honeypot gets the very same answer.
      const bot = await answer(handler, path, { ...fields, email: 'bot@example.nl', website: 'https://spam.example' }, 'bot@example.nl');
      expect(bot).toEqual(known);
    }
    await runAccountLinkJobs(t.boss, db());
    expect(await emailsTo(db(), 'link-bekend@example.nl')).toHaveLength(2);
    expect(await emailsTo(db(), 'link-nieuw@example.nl')).toHaveLength(0);
  });

  it('login link and password reset write the same for a known address as for an unknown one, so their timing matches', async () => {
    await knownAccount('werk-bekend@example.nl');
    const rows = async () => {
      const [tokens, mails] = await Promise.all([db().select().from(verificationTokens), db().select().from(emailMessages)]);
      return tokens.length + mails.length;
    };
    for (const [handler, path, fields] of [
      [loginAction, '/inloggen', { intent: 'link' }],
      [forgotAction, '/wachtwoord-vergeten', {}],
    ] as const) {
      const deltas: number[] = [];
      for (const email of ['werk-bekend@example.nl', 'werk-nieuw@example.nl']) {
        const before = await rows();
        await answer(handler, path, { ...fields, email }, email);
        deltas.push((await rows()) - before);
      }
      // Neither request writes a token or an email itself: the worker does, for an account only.
      expect(deltas).toEqual([0, 0]);
    }
    await runAccountLinkJobs(t.boss, db());
    // The worker may send them in either order (one batch, the same moment): compare as a set.
    expect((await emailsTo(db(), 'werk-bekend@example.nl')).map((m) => m.template).sort()).toEqual(['login-link', 'password-reset']);
    expect(await emailsTo(db(), 'werk-nieuw@example.nl')).toHaveLength(0);
  });

  it('password login: a wrong password for an account (verified or not) is answered as an unknown address', async () => {
    await knownAccount('login-bekend@example.nl');
    await knownAccount('login-onbevestigd@example.nl', false);
    const fields = (email: string) => ({ intent: 'password', email, password: 'Niet-het-goede-2026' });
    const unknown = await answer(loginAction, '/inloggen', fields('login-nieuw@example.nl'), 'login-nieuw@example.nl');
    for (const email of ['login-bekend@example.nl', 'login-onbevestigd@example.nl']) {
      expect(await answer(loginAction, '/inloggen', fields(email), email)).toEqual(unknown);
    }
    expect(unknown.status).toBe(400);
    // An unconfirmed account gets no new verification link for a wrong password.
    expect(await emailsTo(db(), 'login-onbevestigd@example.nl')).toHaveLength(0);
  });

  it('course sign-up: an address on the course, with an account, or new: the same redirect and page', async () => {
    const { course } = await createCourse(db());
    await signUp(db(), course.id, person('op-cursus', { email: 'aan-op-cursus@example.nl' }));
    await knownAccount('aan-account@example.nl');
    const fields = (email: string) => ({ name: 'Iemand', email, municipality: 'GM0193', consent: 'on' });
    const path = `/cursussen/${course.id}/aanmelden`;
    const answers = [];
    for (const email of ['aan-op-cursus@example.nl', 'aan-account@example.nl', 'aan-nieuw@example.nl']) {
      answers.push(await answer(signUpAction, path, fields(email), email, { id: course.id }));
    }
    expect(answers[0]).toEqual(answers[2]);
    expect(answers[1]).toEqual(answers[2]);
    expect(answers[2]).toMatchObject({ status: 303, headers: [['location', `/cursussen/${course.id}/aanmelden/verstuurd`]] });
    // Invalid input is answered the same too (the typed address is the only difference in the body).
    const bad = (email: string) => ({ name: '', email, municipality: 'GM0193' });
    expect(await answer(signUpAction, path, bad('aan-op-cursus@example.nl'), 'aan-op-cursus@example.nl', { id: course.id })).toEqual(
      await answer(signUpAction, path, bad('aan-nieuw@example.nl'), 'aan-nieuw@example.nl', { id: course.id }),
    );
  });

  it('the per-address limit counts every address, known or not, so its 429 tells nothing either', async () => {
    await knownAccount('limiet-bekend@example.nl');
    const results: Record<string, number[]> = { 'limiet-bekend@example.nl': [], 'limiet-nieuw@example.nl': [] };
    for (let i = 0; i <= rules.emailLinkPerAccount.limit; i++) {
      for (const email of Object.keys(results)) {
        results[email]!.push((await answer(forgotAction, '/wachtwoord-vergeten', { email }, email)).status);
      }
    }
    expect(results['limiet-bekend@example.nl']).toEqual(results['limiet-nieuw@example.nl']);
    expect(results['limiet-nieuw@example.nl']!.at(-1)).toBe(429);
  });
});
