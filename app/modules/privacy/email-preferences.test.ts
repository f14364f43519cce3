import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { consents, emailMessages, emailSuppressions, menteeApplications, users } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createApplication, createNetwork, createUser } from '../../../test/mentoring';
import { advanceClock, DAY, now, setClock } from '../clock.server';
import { deliverEmail } from '../email/delivery.server';
import { mailboxProvider } from '../email/providers.server';
import { enqueueEmail } from '../email/outbox.server';
import { startSession } from '../auth/session.server';
import { activeConsents, giveConsent, setNewsConsent, withdrawConsent } from './consent.server';
import { categoryOfTemplate } from './email-categories';
import { preferencesFor, setPreferences, unsubscribeToken, verifyUnsubscribeToken } from './email-preferences.server';
import { runRetentionWork } from './retention.server';
import { handleResendEvent, signWebhook, verifyWebhookSignature } from './webhooks.server';

const t = setupTestDatabase();
const FROM = 'Politiek Actief <noreply@politiekactief.example>';

async function reminderTo(to: string) {
  return t.handle.db.transaction((tx) =>
    enqueueEmail(tx, {
      template: 'course-reminder',
      to,
      props: {
        locale: 'nl',
        name: 'Noor',
        courseTitle: 'Politiek Actief Zwolle',
        sessions: [],
        venue: 'Stadhuis',
        onlineUrl: null,
        manageUrl: 'https://pa.example/aanmelding/x',
      },
    }),
  );
}
const message = async (id: string) => (await t.handle.db.select().from(emailMessages).where(eq(emailMessages.id, id)))[0]!;
const deliver = (id: string) => deliverEmail(t.handle.db, id, mailboxProvider, { from: FROM, finalAttempt: false });

describe('email categories and unsubscribe headers', () => {
  it('classifies templates: reminders and follow-ups switchable, account mail transactional', () => {
    expect(categoryOfTemplate('course-reminder')).toBe('reminders');
    expect(categoryOfTemplate('follow-up-no-show')).toBe('follow-ups');
    expect(categoryOfTemplate('password-reset')).toBe('transactional');
    expect(categoryOfTemplate('registration-confirmed')).toBe('transactional');
    // A mentor must hear that a proposal to them lapsed, like the proposal itself.
    expect(categoryOfTemplate('match-expired')).toBe('transactional');
  });

  it('puts List-Unsubscribe (one-click) on non-transactional mail and a visible link in its body', async () => {
    const id = await reminderTo('kop@example.nl');
    const row = await message(id);
    expect(row.headers?.['List-Unsubscribe']).toMatch(/^<https?:\/\/[^>]+\/e-mail\/afmelden\/[^>]+>$/);
    expect(row.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(await deliver(id)).toBe('sent');
    const sent = await message(id);
    const link = /<(.+)>/.exec(row.headers!['List-Unsubscribe']!)![1]!;
    expect(sent.html).toContain(`href="${link}"`);
    expect(sent.textBody).toContain(link);
    expect(sent.textBody).toContain('Afmelden');
  });

  it('leaves transactional mail without unsubscribe headers or link', async () => {
    const id = await t.handle.db.transaction((tx) =>
      enqueueEmail(tx, {
        template: 'login-link',
        to: 'trans@example.nl',
        props: { locale: 'nl', url: 'https://pa.example/x', expiresInMinutes: 15 },
      }),
    );
    expect((await message(id)).headers).toBeNull();
    expect(await deliver(id)).toBe('sent');
    expect((await message(id)).html).not.toContain('/e-mail/afmelden/');
  });
});

describe('unsubscribe tokens', () => {
  it('round-trips address and category, and refuses a token altered in any part', () => {
    const token = unsubscribeToken('Noor@Example.nl', 'reminders');
    expect(verifyUnsubscribeToken(token)).toEqual({ email: 'noor@example.nl', category: 'reminders' });
    const [address, , signature] = token.split('.');
    expect(verifyUnsubscribeToken(`${address}.news.${signature}`)).toBeNull();
    const other = Buffer.from('ander@example.nl').toString('base64url');
    expect(verifyUnsubscribeToken(`${other}.reminders.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(verifyUnsubscribeToken('nonsense')).toBeNull();
  });
});

describe('delivery skips what people switched off and suppressed addresses', () => {
  it('suppresses a reminder to an address that switched reminders off, but still sends transactional mail', async () => {
    await setPreferences(t.handle.db, 'uit@example.nl', null, { reminders: false });
    const reminder = await reminderTo('uit@example.nl');
    expect(await deliver(reminder)).toBe('suppressed');
    expect((await message(reminder)).status).toBe('suppressed');
    const login = await t.handle.db.transaction((tx) =>
      enqueueEmail(tx, {
        template: 'login-link',
        to: 'uit@example.nl',
        props: { locale: 'nl', url: 'https://pa.example/x', expiresInMinutes: 15 },
      }),
    );
    expect(await deliver(login)).toBe('sent');
  });

  it('news is off until switched on; switching it on records the marketing consent, off withdraws it', async () => {
    const user = await createUser(t.handle.db);
    expect((await preferencesFor(t.handle.db, user.email)).news).toBe(false);
    await setNewsConsent(t.handle.db, user.id, true);
    expect((await preferencesFor(t.handle.db, user.email)).news).toBe(true);
    expect(await activeConsents(t.handle.db, user.id, 'marketing')).toHaveLength(1);
    await setNewsConsent(t.handle.db, user.id, false);
    expect((await preferencesFor(t.handle.db, user.email)).news).toBe(false);
    expect(await activeConsents(t.handle.db, user.id, 'marketing')).toHaveLength(0);
  });
});

describe('Resend webhooks', () => {
  const secret = `whsec_${Buffer.from('een-geheime-sleutel-van-32-bytes!').toString('base64')}`;
  const body = JSON.stringify({ type: 'email.bounced', data: { to: ['Stuitert@Example.nl'] } });

  it('accepts a correct signature within 5 minutes, and nothing else', () => {
    const ts = Math.floor(now().getTime() / 1000);
    const signature = signWebhook(secret, 'msg_1', ts, body);
    expect(verifyWebhookSignature(secret, { id: 'msg_1', timestamp: String(ts), signature }, body)).toBe(true);
    // Several signatures (key rotation): one must match.
    expect(verifyWebhookSignature(secret, { id: 'msg_1', timestamp: String(ts), signature: `v1,AAAA ${signature}` }, body)).toBe(true);
    expect(verifyWebhookSignature(secret, { id: 'msg_2', timestamp: String(ts), signature }, body)).toBe(false);
    expect(verifyWebhookSignature(secret, { id: 'msg_1', timestamp: String(ts), signature }, `${body} `)).toBe(false);
    const wrongKey = `whsec_${Buffer.from('een-andere-sleutel').toString('base64')}`;
    expect(verifyWebhookSignature(wrongKey, { id: 'msg_1', timestamp: String(ts), signature }, body)).toBe(false);
    const old = ts - 6 * 60;
    expect(
      verifyWebhookSignature(secret, { id: 'msg_1', timestamp: String(old), signature: signWebhook(secret, 'msg_1', old, body) }, body),
    ).toBe(false);
  });

  it('a bounce suppresses the address: later mail, even transactional, is not sent', async () => {
    const result = await handleResendEvent(t.handle.db, 'msg_1', JSON.parse(body));
    expect(result.suppressed).toEqual(['stuitert@example.nl']);
    const [row] = await t.handle.db.select().from(emailSuppressions).where(eq(emailSuppressions.email, 'stuitert@example.nl'));
    expect(row).toMatchObject({ reason: 'bounce', providerEventId: 'msg_1' });
    const login = await t.handle.db.transaction((tx) =>
      enqueueEmail(tx, {
        template: 'login-link',
        to: 'stuitert@example.nl',
        props: { locale: 'nl', url: 'https://pa.example/x', expiresInMinutes: 15 },
      }),
    );
    expect(await deliver(login)).toBe('suppressed');
    await handleResendEvent(t.handle.db, 'msg_3', { type: 'email.complained', data: { to: ['klager@example.nl'] } });
    await handleResendEvent(t.handle.db, 'msg_4', { type: 'email.delivered', data: { to: ['gewoon@example.nl'] } });
    const all = await t.handle.db.select().from(emailSuppressions);
    expect(all.map((s) => `${s.email}:${s.reason}`).sort()).toEqual(['klager@example.nl:complaint', 'stuitert@example.nl:bounce']);
  });
});

describe('consent withdrawal', () => {
  it('withdrawing the special-category consent erases the disability answer it covered at once', async () => {
    const network = await createNetwork(t.handle.db);
    const user = await createUser(t.handle.db);
    const consentId = await giveConsent(t.handle.db, user.id, 'special-category', 'application');
    const { application } = await createApplication(t.handle.db, network.id, {
      userId: user.id,
      disability: true,
      disabilityConsentId: consentId,
    });
    const other = await createUser(t.handle.db);
    expect(await withdrawConsent(t.handle.db, other.id, consentId)).toEqual({ status: 'not-found' });
    expect(await withdrawConsent(t.handle.db, user.id, consentId)).toEqual({ status: 'withdrawn', purpose: 'special-category' });
    const [after] = await t.handle.db.select().from(menteeApplications).where(eq(menteeApplications.id, application.id));
    expect(after).toMatchObject({ disability: null, disabilityConsentId: null });
    const [consent] = await t.handle.db.select().from(consents).where(eq(consents.id, consentId));
    expect(consent!.withdrawnAt).not.toBeNull();
    expect(await withdrawConsent(t.handle.db, user.id, consentId)).toEqual({ status: 'not-found' });
  });
});

describe('retention', () => {
  it('warns after the inactive period, deletes 30 days later; logging in cancels it; admins stay', async () => {
    setClock(new Date('2030-01-01T10:00:00Z'));
    const idle = await createUser(t.handle.db, {
      createdAt: new Date('2027-01-01T00:00:00Z'),
      lastLoginAt: new Date('2027-06-01T00:00:00Z'),
    });
    const back = await createUser(t.handle.db, {
      createdAt: new Date('2027-01-01T00:00:00Z'),
      lastLoginAt: new Date('2027-06-01T00:00:00Z'),
    });
    const fresh = await createUser(t.handle.db, { createdAt: new Date('2029-06-01T00:00:00Z') });
    const admin = await createUser(t.handle.db, { isAdmin: true, createdAt: new Date('2020-01-01T00:00:00Z') });

    await runRetentionWork(t.handle.db, { inactiveDays: 730 });
    const warned = async (id: string) => (await t.handle.db.select().from(users).where(eq(users.id, id)))[0]?.retentionWarnedAt ?? null;
    expect(await warned(idle.id)).not.toBeNull();
    expect(await warned(back.id)).not.toBeNull();
    expect(await warned(fresh.id)).toBeNull();
    expect(await warned(admin.id)).toBeNull();
    const [mail] = await t.handle.db.select().from(emailMessages).where(eq(emailMessages.recipient, idle.email));
    expect(mail!.template).toBe('retention-warning');
    // A second run the next day sends no second warning.
    advanceClock(DAY);
    await runRetentionWork(t.handle.db, { inactiveDays: 730 });
    expect(await t.handle.db.select().from(emailMessages).where(eq(emailMessages.recipient, idle.email))).toHaveLength(1);

    advanceClock(10 * DAY);
    await startSession(t.handle.db, back.id, null);
    expect(await warned(back.id)).toBeNull();

    advanceClock(20 * DAY);
    await runRetentionWork(t.handle.db, { inactiveDays: 730 });
    expect(await t.handle.db.select().from(users).where(eq(users.id, idle.id))).toHaveLength(0);
    expect(await t.handle.db.select().from(users).where(eq(users.id, back.id))).toHaveLength(1);
    expect(await t.handle.db.select().from(users).where(eq(users.id, admin.id))).toHaveLength(1);
    setClock(undefined);
  });
});
