import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { consents, emailSuppressions, menteeApplications, users } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createApplication, createNetwork, createUser } from '../../test/mentoring';
import { argsOf, call, cookieFor, get, locationOf, post, run, statusOf } from '../../test/routes';
import { resetEnvCache } from '~/env.server';
import { hashPassword } from '~/modules/auth/password.server';
import { now } from '~/modules/clock.server';
import { recordAudit } from '~/modules/privacy/audit.server';
import { giveConsent } from '~/modules/privacy/consent.server';
import { preferencesFor, unsubscribeToken } from '~/modules/email/preferences.server';
import { signWebhook } from '~/modules/privacy/webhooks.server';
import * as privacyPage from './account_.privacy';
import * as exportRoute from './account_.privacy_.export[.json]';
import * as emailSettings from './account_.e-mail';
import * as unsubscribe from './e-mail.afmelden.$token';
import * as webhook from './webhooks.resend';

const t = setupTestDatabase();

async function member(fields: Partial<typeof users.$inferInsert> = {}) {
  const user = await createUser(t.handle.db, fields);
  return { user, cookie: await cookieFor(t.handle.db, user.id) };
}

describe('/account/privacy', () => {
  it('sends anonymous visitors to the login page, for the page, the export and the settings', async () => {
    for (const load of [privacyPage.loader, exportRoute.loader, emailSettings.loader]) {
      const thrown = await call(load, get('/account/privacy'));
      expect(statusOf(thrown)).toBe(302);
      expect(locationOf(thrown)).toMatch(/^\/inloggen/);
    }
  });

  it('shows consents and who viewed the special-category data; withdrawing erases the disability answer', async () => {
    const { user, cookie } = await member();
    const network = await createNetwork(t.handle.db);
    const consentId = await giveConsent(t.handle.db, user.id, 'special-category', 'application');
    const { application } = await createApplication(t.handle.db, network.id, {
      userId: user.id,
      disability: true,
      disabilityConsentId: consentId,
    });
    const coordinator = await createUser(t.handle.db, { name: 'Coördinator Kees' });
    await recordAudit(t.handle.db, {
      actorUserId: coordinator.id,
      subjectUserId: user.id,
      action: 'read',
      entity: 'mentee_application.disability',
    });
    await recordAudit(t.handle.db, {
      actorUserId: user.id,
      subjectUserId: user.id,
      action: 'read',
      entity: 'mentee_application.disability',
    });

    const page = await run(privacyPage.loader, get('/account/privacy', cookie));
    expect(page.consents).toEqual([
      expect.objectContaining({
        id: consentId,
        purpose: 'Bijzondere gegevens (beperking) voor het zoeken van een mentor en anonieme cijfers',
        textVersion: 'Tekst van november 2026',
        withdrawnAt: null,
      }),
    ]);
    expect(page.access).toEqual([
      expect.objectContaining({
        actor: 'Coördinator Kees',
        action: 'Bekeken',
        entity: 'Je antwoord over een beperking, in je aanvraag voor een mentor',
      }),
    ]);

    const other = await member();
    expect(statusOf(await call(privacyPage.action, post('/account/privacy', { intent: 'withdraw', consentId }, other.cookie)))).toBe(404);
    // The old one-click form (no confirm field) erases nothing: it goes to the confirmation step.
    const oneClick = await call(privacyPage.action, post('/account/privacy', { intent: 'withdraw', consentId }, cookie));
    expect(statusOf(oneClick)).toBe(303);
    expect(locationOf(oneClick)).toBe(`/account/privacy?intrekken=${consentId}#intrekken`);
    // The step says plainly that the answer about a disability is erased, and changes nothing yet.
    const asked = await run(privacyPage.loader, get(`/account/privacy?intrekken=${consentId}`, cookie));
    expect(asked.toWithdraw).toMatchObject({ id: consentId, purposeKey: 'special-category' });
    const [untouched] = await t.handle.db.select().from(menteeApplications).where(eq(menteeApplications.id, application.id));
    expect(untouched!.disability).toBe(true);
    expect((await t.handle.db.select().from(consents).where(eq(consents.id, consentId)))[0]!.withdrawnAt).toBeNull();
    // Someone else's consent has no confirmation step.
    expect((await run(privacyPage.loader, get(`/account/privacy?intrekken=${consentId}`, other.cookie))).toWithdraw).toBeNull();
    const done = await run(privacyPage.action, post('/account/privacy', { intent: 'withdraw', consentId, confirm: 'yes' }, cookie));
    expect(done).toEqual({ kind: 'withdrawn', purpose: 'special-category' });
    const [after] = await t.handle.db.select().from(menteeApplications).where(eq(menteeApplications.id, application.id));
    expect(after!.disability).toBeNull();
    const [consent] = await t.handle.db.select().from(consents).where(eq(consents.id, consentId));
    expect(consent!.withdrawnAt).not.toBeNull();
    // Once withdrawn, the step is gone.
    expect((await run(privacyPage.loader, get(`/account/privacy?intrekken=${consentId}`, cookie))).toWithdraw).toBeNull();
  });

  it('downloads the person’s data as a JSON file that is not cached', async () => {
    const { user, cookie } = await member({ name: 'Download Dirk' });
    const response = await run(exportRoute.loader, get('/account/privacy/export.json', cookie));
    expect(response.headers.get('Content-Type')).toContain('application/json');
    expect(response.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="politiek-actief-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    // Read back by a real JSON parser, as a person's tools would read the download.
    const body = JSON.parse(await response.text()) as {
      account: { id: string; name: string };
      consents: unknown[];
      registrations: unknown[];
    };
    expect(body.account).toMatchObject({ id: user.id, name: 'Download Dirk' });
    expect(body).toMatchObject({ registrations: [], consents: [], mentorProfile: null });
  });

  it('deletes the account only with the right password, then logs out', async () => {
    const { user, cookie } = await member({ passwordHash: await hashPassword('geheim wachtwoord 42') });
    expect(statusOf(await call(privacyPage.action, post('/account/privacy', { intent: 'delete' }, cookie)))).toBe(400);
    expect(statusOf(await call(privacyPage.action, post('/account/privacy', { intent: 'delete', password: 'fout' }, cookie)))).toBe(400);
    expect(await t.handle.db.select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
    const done = (await run(
      privacyPage.action,
      post('/account/privacy', { intent: 'delete', password: 'geheim wachtwoord 42' }, cookie),
    )) as Response;
    expect(done.status).toBe(303);
    expect(done.headers.get('Location')).toBe('/account/verwijderd');
    expect(done.headers.get('Set-Cookie')).toMatch(/pa_session=;/);
    expect(await t.handle.db.select().from(users).where(eq(users.id, user.id))).toHaveLength(0);
    // The old session no longer works.
    expect(statusOf(await call(privacyPage.loader, get('/account/privacy', cookie)))).toBe(302);
  });

  it('deletes an account without a password after the confirm step alone', async () => {
    const { user, cookie } = await member({ passwordHash: null });
    expect(statusOf(await call(privacyPage.action, post('/account/privacy', { intent: 'delete' }, cookie)))).toBe(303);
    expect(await t.handle.db.select().from(users).where(eq(users.id, user.id))).toHaveLength(0);
  });
});

describe('/account/e-mail', () => {
  it('saves each switch; news goes with the marketing consent', async () => {
    const { user, cookie } = await member();
    expect((await run(emailSettings.loader, get('/account/e-mail', cookie))).preferences).toEqual({
      reminders: true,
      'follow-ups': true,
      outcomes: true,
      news: false,
    });
    const saved = (await emailSettings.action(argsOf(post('/account/e-mail', { on: ['reminders', 'news'] }, cookie)))) as Response;
    expect(saved.status).toBe(303);
    expect(saved.headers.get('Location')).toBe('/account/e-mail?notice=privacy.emailSaved#notice');
    expect(await preferencesFor(t.handle.db, user.email)).toEqual({ reminders: true, 'follow-ups': false, outcomes: false, news: true });
    const marketing = await t.handle.db.select().from(consents).where(eq(consents.userId, user.id));
    expect(marketing.map((c) => [c.purpose, c.withdrawnAt])).toEqual([['marketing', null]]);
  });
});

describe('/e-mail/afmelden/:token', () => {
  it('asks on GET, unsubscribes on a one-click POST without login, and refuses a forged token', async () => {
    const token = unsubscribeToken('zonder-account@example.nl', 'follow-ups');
    const page = await run(unsubscribe.loader, get(`/e-mail/afmelden/${token}`), { token });
    expect(page).toEqual({ valid: true, email: 'zonder-account@example.nl', category: 'follow-ups' });
    expect((await preferencesFor(t.handle.db, 'zonder-account@example.nl'))['follow-ups']).toBe(true);
    const oneClick = { 'List-Unsubscribe': 'One-Click' };
    expect(await run(unsubscribe.action, post(`/e-mail/afmelden/${token}`, oneClick), { token })).toEqual({ done: true });
    expect(await preferencesFor(t.handle.db, 'zonder-account@example.nl')).toMatchObject({ 'follow-ups': false, reminders: true });

    // One character changed: the sealed address and category no longer open.
    const forged = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    expect(statusOf(await call(unsubscribe.loader, get(`/e-mail/afmelden/${forged}`), { token: forged }))).toBe(404);
    expect(statusOf(await call(unsubscribe.action, post(`/e-mail/afmelden/${forged}`, oneClick), { token: forged }))).toBe(404);
    expect((await preferencesFor(t.handle.db, 'zonder-account@example.nl')).reminders).toBe(true);
  });
});

describe('POST /webhooks/resend', () => {
  const secret = `whsec_${Buffer.from('webhook-geheim-voor-de-test-1234').toString('base64')}`;
  afterAll(() => {
    delete process.env.RESEND_WEBHOOK_SECRET;
    resetEnvCache();
  });
  const post = (body: string, headers: Record<string, string>) =>
    run(
      webhook.action,
      new Request('http://localhost/webhooks/resend', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json', ...headers },
      }),
    );

  it('answers 503 while no secret is configured', async () => {
    delete process.env.RESEND_WEBHOOK_SECRET;
    resetEnvCache();
    expect((await post('{}', {})).status).toBe(503);
  });

  it('refuses missing (400) and bad (401) signatures; a signed complaint suppresses the address', async () => {
    process.env.RESEND_WEBHOOK_SECRET = secret;
    resetEnvCache();
    const body = JSON.stringify({ type: 'email.complained', data: { to: ['klacht@example.nl'] } });
    const ts = Math.floor(now().getTime() / 1000);
    expect((await post(body, {})).status).toBe(400);
    expect((await post(body, { 'svix-id': 'msg_9', 'svix-timestamp': String(ts), 'svix-signature': 'v1,bm9wZQ==' })).status).toBe(401);
    const stale = ts - 600;
    expect(
      (
        await post(body, {
          'svix-id': 'msg_9',
          'svix-timestamp': String(stale),
          'svix-signature': signWebhook(secret, 'msg_9', stale, body),
        })
      ).status,
    ).toBe(401);
    expect(await t.handle.db.select().from(emailSuppressions)).toHaveLength(0);
    const ok = await post(body, {
      'svix-id': 'msg_9',
      'svix-timestamp': String(ts),
      'svix-signature': signWebhook(secret, 'msg_9', ts, body),
    });
    expect(ok.status).toBe(200);
    const [row] = await t.handle.db.select().from(emailSuppressions);
    expect(row).toMatchObject({ email: 'klacht@example.nl', reason: 'complaint' });
  });
});
