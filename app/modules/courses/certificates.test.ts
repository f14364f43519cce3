import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificates, courses, registrations } from '~db/schema/courses';
import { emailMessages } from '~db/schema/email';
import { setupTestDatabase } from '../../../test/database';
import { createCourse, emailsTo, person } from '../../../test/courses';
import { startFakeResend } from '../../../test/fake-resend';
import { pdfInfo, pdfQrCode, pdfText } from '../../../test/pdf';
import { DAY, advanceClock, setClock } from '../clock.server';
import { deliverEmail } from '../email/delivery.server';
import { resendProvider } from '../email/providers.server';
import { certificateMinimum, certificateOfRegistration, initialsOf, verifyCertificate } from './certificates.server';
import { closeCourse, updateCourse } from '~/modules/courses/manage/courses.server';
import { saveAttendance } from '~/modules/courses/manage/attendance.server';
import type { CourseInput } from '~/modules/courses/manage/schemas';
import { signUp } from './registrations.server';

const t = setupTestDatabase();
const db = () => t.handle.db;
const scopeOf = (organisation: { id: string }) => ({ organisationIds: [organisation.id] });
const idOf = (result: unknown) => (result as { registrationId: string }).registrationId;

let fake: Awaited<ReturnType<typeof startFakeResend>>;
beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(async () => {
  await fake.close();
});

/** A course of `sessionCount` sessions that has ended, with people who attended the given number of sessions. */
async function endedCourse(sessionCount: number, people: Array<{ name: string; attended: number; locale?: 'nl' | 'en' }>, fields = {}) {
  setClock(new Date('2026-11-02T09:00:00Z'));
  const made = await createCourse(db(), { sessionCount, title: 'Politiek Actief Zwolle', ...fields });
  const ids: string[] = [];
  for (const [i, p] of people.entries()) {
    ids.push(idOf(await signUp(db(), made.course.id, person(`cert-${Date.now()}-${i}`, { name: p.name, locale: p.locale ?? 'nl' }))));
  }
  advanceClock((14 + 7 * sessionCount) * DAY);
  const scope = scopeOf(made.organisation);
  for (const [n, session] of made.sessions.entries()) {
    const present = ids.filter((_, i) => people[i]!.attended > n);
    expect(await saveAttendance(db(), scope, made.course.id, session.id, present)).toMatchObject({ status: 'saved' });
  }
  return { ...made, ids, scope };
}

const heldBy = async (registrationId: string) =>
  (await db().select().from(certificates).where(eq(certificates.registrationId, registrationId)))[0] ?? null;

describe('the minimum for a certificate', () => {
  it('is all sessions but one by default, one for a one-session course, and the course’s own number within bounds', () => {
    expect(certificateMinimum({ certificateMinimum: null }, 4)).toBe(3);
    expect(certificateMinimum({ certificateMinimum: null }, 2)).toBe(1);
    expect(certificateMinimum({ certificateMinimum: null }, 1)).toBe(1);
    expect(certificateMinimum({ certificateMinimum: 4 }, 4)).toBe(4);
    expect(certificateMinimum({ certificateMinimum: 9 }, 3)).toBe(3);
  });
});

describe('initials', () => {
  it('keep the first letter of each name with its diacritic, and leave out particles', () => {
    expect(initialsOf('Zoë Çelik-Brouwer')).toBe('Z. Ç.-B.');
    expect(initialsOf('Anniek ter Weële')).toBe('A. W.');
    expect(initialsOf('  Ömer   van der Berg ')).toBe('Ö. B.');
  });
});

describe('issuing certificates when the coordinator closes the course', () => {
  it('gives one to everyone at or above the minimum, attached to the follow-up as a PDF that PDF.js reads back', async () => {
    const c = await endedCourse(3, [
      { name: 'Zoë Çelik-Brouwer', attended: 3 },
      { name: 'Anniek ter Weële', attended: 2, locale: 'en' },
      { name: 'Piet Eenmaal', attended: 1 },
    ]);
    // Nothing before closing.
    expect(await heldBy(c.ids[0]!)).toBeNull();
    expect(await closeCourse(db(), c.scope, c.course.id)).toEqual({ status: 'closed', sent: 3 });

    const [zoe, anniek, piet] = await Promise.all(c.ids.map(heldBy));
    expect(zoe?.withdrawnAt).toBeNull();
    expect(anniek?.withdrawnAt).toBeNull();
    expect(piet).toBeNull();
    expect(zoe!.code).toMatch(/^[a-z2-7]{32}$/);
    expect(zoe!.code).not.toBe(anniek!.code);

    const [zoeRow] = await db().select().from(registrations).where(eq(registrations.id, c.ids[0]!));
    const [mail] = await emailsTo(db(), zoeRow!.email, 'follow-up-attended');
    expect(mail!.attachments).toHaveLength(1);
    const attachment = mail!.attachments![0]!;
    expect(attachment).toMatchObject({ contentType: 'application/pdf', filename: 'bewijs-van-deelname-politiek-actief-zwolle.pdf' });
    expect(mail!.props).toMatchObject({ certificate: true });
    const pdf = Buffer.from(attachment.content, 'base64');
    const text = await pdfText(pdf);
    expect(text).toContain('Zoë Çelik-Brouwer');
    expect(text).toContain('Bewijs van deelname');
    expect(text).toContain('Politiek Actief Zwolle');
    expect(text).toContain(c.organisation.name);
    expect(text).toContain('16 november 2026 – 30 november 2026');
    expect(text).toContain(`/certificaat/${zoe!.code}`);
    expect(await pdfQrCode(pdf)).toMatch(new RegExp(`^https?://[^/]+/certificaat/${zoe!.code}$`));
    expect(await pdfInfo(pdf)).toMatchObject({ Language: 'nl-NL', Title: 'Bewijs van deelname aan Politiek Actief Zwolle' });

    // In the holder's language; the one below the minimum gets the follow-up without one.
    const english = await certificateOfRegistration(db(), c.ids[1]!);
    const englishText = await pdfText(english!.bytes);
    expect(englishText).toContain('Anniek ter Weële');
    expect(englishText).toContain('Certificate of participation');
    expect(englishText).toContain('16 November 2026 – 30 November 2026');
    const [pietRow] = await db().select().from(registrations).where(eq(registrations.id, c.ids[2]!));
    const [pietMail] = await emailsTo(db(), pietRow!.email, 'follow-up-attended');
    expect(pietMail!.attachments).toBeNull();
    expect(pietMail!.props).toMatchObject({ certificate: false });

    // The same row gives the same bytes (nothing is stored but the row).
    const again = await certificateOfRegistration(db(), c.ids[0]!);
    expect(Buffer.from(again!.bytes).equals(pdf)).toBe(true);
  });

  it('delivers the PDF through the Resend SDK as an attachment', async () => {
    const c = await endedCourse(1, [{ name: 'Zoë Çelik-Brouwer', attended: 1 }]);
    await closeCourse(db(), c.scope, c.course.id);
    const [row] = await db().select().from(registrations).where(eq(registrations.id, c.ids[0]!));
    const [mail] = await emailsTo(db(), row!.email, 'follow-up-attended');
    const provider = resendProvider(fake.apiKey, fake.baseUrl);
    expect(await deliverEmail(db(), mail!.id, provider, { from: 'Politiek Actief <noreply@pa.example>', finalAttempt: true })).toBe('sent');
    const sent = fake.requests.find((r) => r.body.to === row!.email || (Array.isArray(r.body.to) && r.body.to.includes(row!.email)));
    const attachments = sent!.body.attachments as Array<{ filename: string; content: string; content_type?: string; contentType?: string }>;
    expect(attachments).toHaveLength(1);
    expect(attachments[0]!.filename).toMatch(/\.pdf$/);
    expect(attachments[0]!.content_type ?? attachments[0]!.contentType).toBe('application/pdf');
    expect(await pdfText(Buffer.from(attachments[0]!.content, 'base64'))).toContain('Zoë Çelik-Brouwer');
    // Sent: the stored copy of the PDF (it names the person) is dropped.
    const [after] = await db().select().from(emailMessages).where(eq(emailMessages.id, mail!.id));
    expect(after!.attachments).toBeNull();
  });
});

describe('correcting attendance after closing', () => {
  it('withdraws the certificate of someone who falls below the minimum, gives it back with the same code, and issues one to someone who reaches it', async () => {
    const c = await endedCourse(2, [
      { name: 'Zoë Çelik-Brouwer', attended: 2 },
      { name: 'Anniek ter Weële', attended: 0 },
    ]);
    await closeCourse(db(), c.scope, c.course.id);
    const first = (await heldBy(c.ids[0]!))!;
    expect(await heldBy(c.ids[1]!)).toBeNull();

    // Session 1 corrected: Zoë was not there after all, Anniek was. Minimum (default) is 1 of 2.
    const [s1, s2] = c.sessions;
    await saveAttendance(db(), c.scope, c.course.id, s1!.id, [c.ids[1]!]);
    expect((await heldBy(c.ids[0]!))!.withdrawnAt).toBeNull(); // still 1 of 2
    expect((await heldBy(c.ids[1]!))!.withdrawnAt).toBeNull(); // reached it
    await saveAttendance(db(), c.scope, c.course.id, s2!.id, []);
    const withdrawn = (await heldBy(c.ids[0]!))!;
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(await certificateOfRegistration(db(), c.ids[0]!)).toBeNull();
    expect(await verifyCertificate(db(), first.code, 'nl')).toMatchObject({ status: 'withdrawn', initials: 'Z. Ç.-B.' });

    await saveAttendance(db(), c.scope, c.course.id, s2!.id, [c.ids[0]!]);
    const back = (await heldBy(c.ids[0]!))!;
    expect(back.withdrawnAt).toBeNull();
    expect(back.code).toBe(first.code);
    expect(await verifyCertificate(db(), first.code, 'nl')).toMatchObject({ status: 'valid' });
  });

  it('follows a new minimum set on the course form after closing', async () => {
    const c = await endedCourse(3, [{ name: 'Anniek ter Weële', attended: 2 }]);
    await closeCourse(db(), c.scope, c.course.id);
    expect((await heldBy(c.ids[0]!))!.withdrawnAt).toBeNull();
    const [course] = await db().select().from(courses).where(eq(courses.id, c.course.id));
    const input: CourseInput = {
      title: course!.title,
      description: course!.description,
      municipalityCode: course!.municipalityCode,
      format: course!.format,
      locationName: course!.locationName,
      address: course!.address,
      onlineUrl: '',
      language: course!.language,
      cost: course!.costCents,
      capacity: course!.capacity,
      registrationOpensAt: null,
      registrationClosesAt: null,
      cancellationDeadline: null,
      claimWindowHours: course!.claimWindowHours,
      reminderDaysBefore: course!.reminderDaysBefore,
      accessibilityInfo: '',
      certificateMinimum: 3,
    };
    expect(await updateCourse(db(), c.scope, c.course.id, input)).toMatchObject({ status: 'saved' });
    expect((await heldBy(c.ids[0]!))!.withdrawnAt).not.toBeNull();
  });

  it('issues nothing for attendance saved before the course is closed', async () => {
    const c = await endedCourse(1, [{ name: 'Zoë Çelik-Brouwer', attended: 1 }]);
    expect(await heldBy(c.ids[0]!)).toBeNull();
  });
});

describe('verifying a code', () => {
  it('says unknown for a code that does not exist or is malformed', async () => {
    expect(await verifyCertificate(db(), 'a'.repeat(32), 'nl')).toEqual({ status: 'unknown' });
    expect(await verifyCertificate(db(), "x' or 1=1", 'nl')).toEqual({ status: 'unknown' });
  });
});
