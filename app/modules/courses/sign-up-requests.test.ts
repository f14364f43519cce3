import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailMessages, registrations, signUpRequests, users, type PendingSignUp } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createCourse, emailsTo, person } from '../../../test/courses';
import { advanceClock, HOUR, MINUTE } from '../clock.server';
import { eraseAddress } from '../privacy/deletion.server';
import { exportPersonalData } from '../privacy/export.server';
import { signUp } from './registrations.server';
import { confirmSignUp, pruneSignUpRequests, requestSignUp } from './sign-up-requests.server';

const t = setupTestDatabase();
const db = () => t.handle.db;

const form = (name: string, extra: Partial<PendingSignUp> = {}): PendingSignUp => ({
  name,
  municipalityCode: 'GM0193',
  phone: null,
  answers: {},
  accessibilityNeeds: null,
  source: null,
  utm: null,
  locale: 'nl',
  privacyVersion: '1.0',
  userId: null,
  ...extra,
});
const tokenIn = (message: { props: unknown }) =>
  String((message.props as { confirmUrl: string }).confirmUrl)
    .split('/')
    .pop()!;
const mailCount = async (to: string) =>
  (await db().select({ id: emailMessages.id }).from(emailMessages).where(eq(emailMessages.recipient, to))).length;

describe('a double click', () => {
  it('ten identical sign-ups at once send exactly one email, for a new address', async () => {
    const { course } = await createCourse(db());
    const results = await Promise.all(
      Array.from({ length: 10 }, () => requestSignUp(db(), course.id, 'dubbelklik@example.nl', form('Dirk'))),
    );
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    expect(await mailCount('dubbelklik@example.nl')).toBe(1);
    expect(await db().select().from(signUpRequests).where(eq(signUpRequests.courseId, course.id))).toHaveLength(1);
  });

  it('ten identical sign-ups at once send exactly one email, for an address that is on the course', async () => {
    const { course } = await createCourse(db());
    await signUp(db(), course.id, person('al', { email: 'al-op-de-cursus@example.nl' }));
    expect(await mailCount('al-op-de-cursus@example.nl')).toBe(1); // its confirmation
    await Promise.all(Array.from({ length: 10 }, () => requestSignUp(db(), course.id, 'al-op-de-cursus@example.nl', form('Al'))));
    expect(await mailCount('al-op-de-cursus@example.nl')).toBe(2);
  });

  it('ten clicks on the emailed link make one registration', async () => {
    const { course } = await createCourse(db());
    await requestSignUp(db(), course.id, 'klikker@example.nl', form('Klaas'));
    const token = tokenIn((await emailsTo(db(), 'klikker@example.nl', 'sign-up-confirm'))[0]!);
    const results = await Promise.all(Array.from({ length: 10 }, () => confirmSignUp(db(), token)));
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'invalid')).toHaveLength(9);
    expect(await db().select().from(registrations).where(eq(registrations.courseId, course.id))).toHaveLength(1);
    expect(await emailsTo(db(), 'klikker@example.nl', 'registration-confirmed')).toHaveLength(1);
  });
});

describe('the resend window', () => {
  it('sends again only after 10 minutes; the newest answers count, and only the newest link works', async () => {
    const { course } = await createCourse(db());
    await requestSignUp(db(), course.id, 'venster@example.nl', form('Eerste versie'));
    advanceClock(9 * MINUTE);
    await requestSignUp(db(), course.id, ' Venster@Example.nl', form('Tweede versie'));
    const [first] = await emailsTo(db(), 'venster@example.nl', 'sign-up-confirm');
    expect(await mailCount('venster@example.nl')).toBe(1);

    advanceClock(2 * MINUTE);
    await requestSignUp(db(), course.id, 'venster@example.nl', form('Derde versie'));
    const mails = await emailsTo(db(), 'venster@example.nl', 'sign-up-confirm');
    expect(mails).toHaveLength(2);
    expect(await confirmSignUp(db(), tokenIn(first!))).toEqual({ status: 'invalid' });
    expect((await confirmSignUp(db(), tokenIn(mails[1]!))).status).toBe('confirmed');
    const [row] = await db().select().from(registrations).where(eq(registrations.email, 'venster@example.nl'));
    expect(row!.name).toBe('Derde versie');
  });

  it('is per course: the same address on two courses gets two emails', async () => {
    const a = await createCourse(db());
    const b = await createCourse(db());
    await requestSignUp(db(), a.course.id, 'twee-cursussen@example.nl', form('Twee'));
    await requestSignUp(db(), b.course.id, 'twee-cursussen@example.nl', form('Twee'));
    expect(await mailCount('twee-cursussen@example.nl')).toBe(2);
  });
});

describe('what is kept', () => {
  it('an unconfirmed request, with its answers, is gone a day later, and when the address is erased', async () => {
    const { course } = await createCourse(db());
    await requestSignUp(db(), course.id, 'vergeten@example.nl', form('Vera', { accessibilityNeeds: 'Rolstoel' }));
    await requestSignUp(db(), course.id, 'gewist@example.nl', form('Gijs', { accessibilityNeeds: 'Doof' }));
    await db().transaction((tx) => eraseAddress(tx, { email: 'gewist@example.nl', names: ['Gijs'] }, new Date()));
    const left = async () => (await db().select().from(signUpRequests).where(eq(signUpRequests.courseId, course.id))).map((r) => r.email);
    expect(await left()).toEqual(['vergeten@example.nl']);
    await pruneSignUpRequests(db());
    expect(await left()).toEqual(['vergeten@example.nl']);
    advanceClock(24 * HOUR + MINUTE);
    await pruneSignUpRequests(db());
    expect(await left()).toEqual([]);
  });

  it('an unconfirmed request is in the data export of the address’s account', async () => {
    const { course } = await createCourse(db());
    const [user] = await db().insert(users).values({ email: 'export-wacht@example.nl', name: 'Wanda' }).returning();
    await requestSignUp(db(), course.id, 'Export-Wacht@example.nl', form('Wanda', { accessibilityNeeds: 'Rolstoel' }));
    const exported = await exportPersonalData(db(), user!.id);
    expect(exported!.pendingSignUps).toEqual([
      expect.objectContaining({ course: course.title, email: 'export-wacht@example.nl', name: 'Wanda', accessibilityNeeds: 'Rolstoel' }),
    ]);
  });

  it('refuses a closed course without storing or sending anything', async () => {
    const { course } = await createCourse(db(), { status: 'cancelled' });
    expect(await requestSignUp(db(), course.id, 'dicht@example.nl', form('Dicht'))).toEqual({ status: 'closed', reason: 'cancelled' });
    expect(await mailCount('dicht@example.nl')).toBe(0);
    expect(await db().select().from(signUpRequests).where(eq(signUpRequests.courseId, course.id))).toHaveLength(0);
  });
});
