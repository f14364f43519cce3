import { createHash, createHmac } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetEnvCache } from '~/env.server';
import {
  consents,
  emailMessages,
  emailPreferences,
  emailSuppressions,
  menteeApplications,
  invitations,
  rateLimits,
  registrationLinks,
  registrations,
  sessionAttendance,
  users,
} from '~db/schema';
import { createCourse, emailsTo, person } from '../../../test/courses';
import { setupTestDatabase } from '../../../test/database';
import { createApplication, createNetwork, createUser } from '../../../test/mentoring';
import { findStrings, secretsOf } from '../../../test/privacy';
import { cancelRegistration, signUp } from '../courses/registrations.server';
import { advanceClock, DAY, now, setClock } from '../clock.server';
import { deliverEmail } from './delivery.server';
import { mailboxProvider } from './providers.server';
import { enqueueEmail } from './outbox.server';
import { startSession } from '../auth/session.server';
import { activeConsents, giveConsent, setNewsConsent, withdrawConsent } from '../privacy/consent.server';
import { categoryOfTemplate } from './categories';
import {
  LEGACY_UNSUBSCRIBE_UNTIL,
  preferencesFor,
  setPreferences,
  suppressAddress,
  unsubscribeToken,
  unsubscribeUrl,
  verifyUnsubscribeToken,
} from './preferences.server';
import { sealLinkToken } from '../security/link-keys.server';
import { runRetentionWork } from '../privacy/retention.server';
import { emailLogDigest } from '../privacy/email-log.server';
import { handleResendEvent, signWebhook, verifyWebhookSignature } from '../privacy/webhooks.server';

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
  afterEach(() => vi.unstubAllEnvs());

  it('round-trip address and category, and refuse a token altered in any part', () => {
    const token = unsubscribeToken('Noor@Example.nl', 'reminders');
    expect(verifyUnsubscribeToken(token)).toEqual({ email: 'noor@example.nl', category: 'reminders' });
    const altered = Buffer.from(token, 'base64url');
    altered[13] = altered[13]! ^ 1;
    expect(verifyUnsubscribeToken(altered.toString('base64url'))).toBeNull();
    // The last byte (part of the tag). Changing the last base64url character is not enough: when the
    // length is not a multiple of three, its low bits are padding that decoding ignores.
    const lastByte = Buffer.from(token, 'base64url');
    lastByte[lastByte.length - 1] = lastByte[lastByte.length - 1]! ^ 1;
    expect(verifyUnsubscribeToken(lastByte.toString('base64url'))).toBeNull();
    expect(verifyUnsubscribeToken('nonsense')).toBeNull();
    // An outcome link's token is not an unsubscribe token, whatever it holds.
    expect(verifyUnsubscribeToken(sealLinkToken('outcome-links', 'reminders\nnoor@example.nl'))).toBeNull();
  });

  it('show nobody the address they are for (the older format held it in base64url)', () => {
    const url = unsubscribeUrl('noor.de.vries@example.nl', 'follow-ups');
    const token = url.split('/').pop()!;
    for (const shown of [url, Buffer.from(token, 'base64url').toString('latin1')]) {
      expect(shown).not.toContain('noor.de.vries');
      expect(shown).not.toContain(Buffer.from('noor.de.vries@example.nl').toString('base64url').slice(0, 16));
    }
  });

  // Links already sent in the older format: address.category.HMAC, keyed with UNSUBSCRIBE_SECRET,
  // else a hash of RESEND_API_KEY, else of the fixed word 'development'.
  const legacyToken = (key: string, email: string, category: string) => {
    const signature = createHmac('sha256', key).update(`${email}\n${category}`).digest('base64url').slice(0, 32);
    return `${Buffer.from(email).toString('base64url')}.${category}.${signature}`;
  };
  const derived = (word: string) => createHash('sha256').update(`politiek-actief/unsubscribe/${word}`).digest('hex');

  it('honour links sent before, when their key was a secret of the deployment, until mid-2027', () => {
    vi.stubEnv('RESEND_API_KEY', 're_echte_sleutel');
    resetEnvCache();
    setClock(new Date('2027-06-30T12:00:00Z'));
    const sent = legacyToken(derived('re_echte_sleutel'), 'noor@example.nl', 'reminders');
    expect(verifyUnsubscribeToken(sent)).toEqual({ email: 'noor@example.nl', category: 'reminders' });
    // Made with the public development key, or for another address: nothing.
    expect(verifyUnsubscribeToken(legacyToken(derived('development'), 'noor@example.nl', 'reminders'))).toBeNull();
    const [, category, signature] = sent.split('.');
    expect(verifyUnsubscribeToken(`${Buffer.from('ander@example.nl').toString('base64url')}.${category}.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(sent.replace('.reminders.', '.news.'))).toBeNull();
    setClock(LEGACY_UNSUBSCRIBE_UNTIL);
    expect(verifyUnsubscribeToken(sent)).toBeNull();
  });

  it('honour no link of the older format without a secret of the deployment', () => {
    vi.stubEnv('RESEND_API_KEY', undefined);
    resetEnvCache();
    setClock(new Date('2027-01-15T12:00:00Z'));
    expect(verifyUnsubscribeToken(legacyToken(derived('development'), 'noor@example.nl', 'reminders'))).toBeNull();
    vi.stubEnv('UNSUBSCRIBE_SECRET', 'het-oude-afmeldgeheim');
    resetEnvCache();
    expect(verifyUnsubscribeToken(legacyToken('het-oude-afmeldgeheim', 'noor@example.nl', 'news'))).toEqual({
      email: 'noor@example.nl',
      category: 'news',
    });
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

describe('retention of people who signed up without an account', () => {
  afterEach(() => setClock(undefined));

  /** A sign-up by address only (no account), with every optional personal field filled in. */
  async function guestSignUp(courseId: string, tag: string) {
    const s = secretsOf(tag);
    const result = await signUp(t.handle.db, courseId, {
      ...person(tag),
      name: s.name,
      email: s.email,
      phone: s.phone,
      answers: { motivatie: s.story },
      accessibilityNeeds: s.access,
    });
    if (!('registrationId' in result)) throw new Error(`sign-up failed: ${result.status}`);
    return result.registrationId;
  }
  const registrationsOf = (email: string) => t.handle.db.select().from(registrations).where(eq(registrations.email, email));
  const rowsById = (ids: string[]) => t.handle.db.select().from(registrations).where(inArray(registrations.id, ids));
  async function deliverAll() {
    const queued = await t.handle.db.select({ id: emailMessages.id }).from(emailMessages).where(eq(emailMessages.status, 'queued'));
    for (const { id } of queued) await deliverEmail(t.handle.db, id, mailboxProvider, { from: FROM, finalAttempt: true });
  }
  const coordinatorMessage = (to: string, name: string, body: string) =>
    t.handle.db.transaction((tx) =>
      enqueueEmail(tx, {
        template: 'coordinator-message',
        to,
        props: {
          locale: 'nl',
          name,
          courseTitle: 'Politiek Actief Zwolle',
          organisationName: 'Testvereniging',
          subject: 'Terugblik',
          body,
          manageUrl: 'https://pa.example/beheer',
        },
      }),
    );

  it('anonymises many guests due in one run together, as thoroughly as one', async () => {
    const db = t.handle.db;
    setClock(new Date('2031-03-01T10:00:00Z'));
    const course = await createCourse(db, { sessionCount: 1 });
    // Tags of different lengths: the fixture's phone numbers differ by length.
    const due = ['rij-a', 'rij-bb', 'rij-ccc'];
    const ids = [];
    for (const tag of due) ids.push(await guestSignUp(course.course.id, tag));
    const secrets = (tag: string) => Object.values(secretsOf(tag));
    expect((await findStrings(db, due.flatMap(secrets))).length).toBeGreaterThan(0);

    setClock(new Date('2033-03-27T10:00:00Z'));
    const result = await runRetentionWork(db, { inactiveDays: 730 });
    expect(result.registrationsAnonymised).toBeGreaterThanOrEqual(3);
    expect(await findStrings(db, due.flatMap(secrets))).toEqual([]);
    for (const row of await rowsById(ids)) expect(row).toMatchObject({ name: '', email: `anoniem-${row.id}`, anonymisedAt: now() });
  }, 120_000);

  it('anonymises a guest inactive for the period, leaving none of their strings and the report counts as they were; a second run changes nothing', async () => {
    const db = t.handle.db;
    const s = secretsOf('gast');
    setClock(new Date('2031-03-01T10:00:00Z'));
    // Two evenings from 15 March 2031 (attended the first), and a second course they cancelled.
    const course = await createCourse(db, { sessionCount: 2 });
    const attended = await guestSignUp(course.course.id, 'gast');
    await db.insert(sessionAttendance).values({ registrationId: attended, sessionId: course.sessions[0]!.id, attended: true });
    const other = await createCourse(db, { sessionCount: 1 });
    const cancelled = await guestSignUp(other.course.id, 'gast');
    expect((await cancelRegistration(db, cancelled, 'participant')).status).toBe('cancelled');
    await setPreferences(db, s.email, null, { 'follow-ups': false });
    await db.insert(rateLimits).values({ key: `signup-address:${s.email}`, windowStart: now(), hits: 1 });
    await db.insert(invitations).values({
      kind: 'mentor',
      networkId: (await createNetwork(db)).id,
      email: s.email,
      name: s.name,
      tokenHash: 'hash-gast-verlopen',
      expiresAt: new Date('2031-03-08T10:00:00Z'),
    });
    // Half a year before the run: a coordinator writes to the course's people, and to a colleague about them.
    setClock(new Date('2032-09-01T10:00:00Z'));
    await coordinatorMessage(s.email, s.name, 'Hoe gaat het nu met je?');
    await coordinatorMessage('collega-gast@voorbeeld.nl', 'Collega', `${s.name} (${s.email}) belde over de cursus.`);
    await deliverAll();
    await suppressAddress(db, s.email, 'bounce', 'evt-gast');

    const needles = Object.values(s);
    const before = await findStrings(db, needles);
    for (const place of [
      'registrations.name',
      'registrations.email',
      'registrations.phone',
      'registrations.answers',
      'registrations.accessibility_needs',
      'email_messages.recipient',
      'email_messages.html',
      'email_preferences.email',
      'email_suppressions.email',
      'invitations.email',
      'rate_limits.key',
    ]) {
      expect(
        before.some((f) => f.startsWith(`${place}:`)),
        place,
      ).toBe(true);
    }
    const counts = async () => ({
      registrations: (await db.select().from(registrations)).length,
      attendance: (await db.select().from(sessionAttendance)).length,
    });
    const countsBefore = await counts();

    // The last session ended on 22 March 2031: 700 days later nothing happens, 735 days later it does.
    setClock(new Date('2033-02-20T10:00:00Z'));
    expect((await runRetentionWork(db, { inactiveDays: 730 })).registrationsAnonymised).toBe(0);
    // The registrations and everything under the address stay; only the email log has been reduced
    // (its own lifetime: whole for 30 days, then without addresses or bodies; email-log.test.ts).
    expect(await findStrings(db, needles)).toEqual(before.filter((f) => !f.startsWith('email_messages.')));

    setClock(new Date('2033-03-27T10:00:00Z'));
    const result = await runRetentionWork(db, { inactiveDays: 730 });
    expect(result.registrationsAnonymised).toBe(2);
    expect(await findStrings(db, needles)).toEqual([]);
    expect(await counts()).toEqual(countsBefore);
    const rows = await rowsById([attended, cancelled]);
    for (const row of rows) {
      expect(row).toMatchObject({
        userId: null,
        name: '',
        email: `anoniem-${row.id}`,
        phone: null,
        answers: {},
        accessibilityNeeds: null,
        anonymisedAt: now(),
      });
    }
    expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'confirmed']);
    expect(
      await db
        .select()
        .from(registrationLinks)
        .where(inArray(registrationLinks.registrationId, [attended, cancelled])),
    ).toEqual([]);
    const [attendance] = await db.select().from(sessionAttendance).where(eq(sessionAttendance.registrationId, attended));
    expect(attendance!.attended).toBe(true);

    // Again the next day: nothing more to do, nothing changes.
    const snapshot = async () => ({
      registrations: await db.select().from(registrations).orderBy(registrations.id),
      attendance: await db.select().from(sessionAttendance).orderBy(sessionAttendance.registrationId, sessionAttendance.sessionId),
      preferences: await db.select().from(emailPreferences).orderBy(emailPreferences.email),
      suppressions: await db.select().from(emailSuppressions).orderBy(emailSuppressions.email),
    });
    const once = await snapshot();
    advanceClock(DAY);
    expect((await runRetentionWork(db, { inactiveDays: 730 })).registrationsAnonymised).toBe(0);
    expect(await snapshot()).toEqual(once);
  }, 60_000);

  it('leaves a guest alone while a course of theirs ended recently or is still to come, and while an invitation to them is open', async () => {
    const db = t.handle.db;
    const recent = secretsOf('recent');
    const upcoming = secretsOf('komt-nog');
    const invited = secretsOf('uitgenodigd');
    setClock(new Date('2034-06-01T10:00:00Z'));
    // Signed up (and cancelled) long ago for a course that starts only in 2037.
    const far = await createCourse(db, { startsInDays: 1200, sessionCount: 1 });
    const upcomingId = await guestSignUp(far.course.id, 'komt-nog');
    await cancelRegistration(db, upcomingId, 'participant');
    // A course that ended in June 2034.
    const old = await createCourse(db, { sessionCount: 1 });
    const invitedId = await guestSignUp(old.course.id, 'uitgenodigd');
    // A course that ended in September 2035.
    setClock(new Date('2035-09-01T10:00:00Z'));
    const recentCourse = await createCourse(db, { sessionCount: 1 });
    const recentId = await guestSignUp(recentCourse.course.id, 'recent');
    await deliverAll();

    setClock(new Date('2036-07-01T10:00:00Z'));
    // A coordinator just invited the second person to become a mentor (valid for 7 days).
    await db.insert(invitations).values({
      kind: 'mentor',
      networkId: (await createNetwork(db)).id,
      email: invited.email,
      name: invited.name,
      tokenHash: 'hash-uitgenodigd',
      expiresAt: new Date(now().getTime() + 7 * DAY),
    });
    const ids = [upcomingId, invitedId, recentId];
    const rowsBefore = await rowsById(ids);
    const needles = [recent, upcoming, invited].flatMap((p) => [p.name, p.email, p.phone]);
    // Mail older than a year goes by the email log's own rule; everything else must stay.
    const outsideEmailLog = async () => (await findStrings(db, needles)).filter((f) => !f.startsWith('email_messages.'));
    const found = await outsideEmailLog();

    expect((await runRetentionWork(db, { inactiveDays: 730 })).registrationsAnonymised).toBe(0);
    expect(await rowsById(ids)).toEqual(rowsBefore);
    expect(await outsideEmailLog()).toEqual(found);
    // Their mail is still in the log (reduced after 30 days to a digest of the address, not erased).
    expect(await emailsTo(db, emailLogDigest(recent.email))).not.toHaveLength(0);

    // Once the invitation has expired unused, the invited person's turn comes; the others still wait.
    advanceClock(8 * DAY);
    expect((await runRetentionWork(db, { inactiveDays: 730 })).registrationsAnonymised).toBe(1);
    const [invitedRow] = await rowsById([invitedId]);
    expect(invitedRow).toMatchObject({ name: '', email: `anoniem-${invitedId}`, anonymisedAt: now() });
    expect(await db.select().from(invitations).where(eq(invitations.email, invited.email))).toEqual([]);
    expect(await rowsById([upcomingId, recentId])).toEqual(rowsBefore.filter((r) => r.id !== invitedId));
  }, 60_000);

  it('leaves an address that has an account to the account rule', async () => {
    const db = t.handle.db;
    const s = secretsOf('met-account');
    setClock(new Date('2040-01-01T10:00:00Z'));
    // An account, and a sign-up under its address made without logging in.
    const account = await createUser(db, { email: s.email, name: s.name, createdAt: now(), lastLoginAt: now() });
    const course = await createCourse(db, { sessionCount: 1 });
    const registrationId = await guestSignUp(course.course.id, 'met-account');
    const [before] = await rowsById([registrationId]);
    expect(before!.userId).toBeNull();

    // Inactive for more than the period: the account gets its warning, the registration stays as it is.
    setClock(new Date('2042-02-01T10:00:00Z'));
    await runRetentionWork(db, { inactiveDays: 730 });
    expect(await rowsById([registrationId])).toEqual([before]);
    const [warned] = await db.select().from(users).where(eq(users.id, account.id));
    expect(warned!.retentionWarnedAt).not.toBeNull();
    expect(await emailsTo(db, s.email, 'retention-warning')).toHaveLength(1);

    // 30 days later the account is deleted, and the registration under its address anonymised with it.
    advanceClock(31 * DAY);
    await runRetentionWork(db, { inactiveDays: 730 });
    expect(await db.select().from(users).where(eq(users.id, account.id))).toEqual([]);
    expect((await rowsById([registrationId]))[0]).toMatchObject({ name: '', email: `anoniem-${registrationId}`, anonymisedAt: now() });
    expect(await findStrings(db, Object.values(s))).toEqual([]);
    expect(await registrationsOf(s.email)).toEqual([]);
  }, 60_000);
});
