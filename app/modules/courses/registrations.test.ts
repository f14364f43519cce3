import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registrations, sessionAttendance } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createCourse, emailsTo, person } from '../../../test/courses';
import { advanceClock, DAY, HOUR, setClock } from '../clock.server';
import { cancelRegistration, claimOffer, findRegistrationByLink, signUp } from './registrations.server';
import { cancelCourse, runDueCourseWork, sendCourseFollowUp } from './lifecycle.server';
import { renderEmail } from '~emails/index';

const t = setupTestDatabase();
const db = () => t.handle.db;

async function statuses(courseId: string) {
  const rows = await db().select().from(registrations).where(eq(registrations.courseId, courseId)).orderBy(registrations.waitlistSeq);
  return Object.fromEntries(rows.map((r) => [r.name, r.status]));
}
const tokenFrom = (url: string) => url.split('/').pop()!;
const propsOf = (message: { props: unknown }) => message.props as Record<string, unknown>;

describe('capacity', () => {
  it('never confirms more people than seats, under many simultaneous sign-ups', async () => {
    const { course } = await createCourse(db(), { capacity: 20 });
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => signUp(db(), course.id, person(`c${i}`))));
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    const waitlisted = results.filter((r) => r.status === 'waitlisted');
    expect(waitlisted).toHaveLength(40);
    expect(waitlisted.map((r) => (r.status === 'waitlisted' ? r.position : 0)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const [row] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.courseId, course.id), eq(registrations.status, 'confirmed')));
    expect(Number(row?.n)).toBe(20);
  });

  it('keeps one active registration per address; a second sign-up returns the first, with a new page link and no email', async () => {
    const { course } = await createCourse(db());
    const first = await signUp(db(), course.id, person('dubbel'));
    expect(first.status).toBe('confirmed');
    const again = await signUp(db(), course.id, person('dubbel', { email: ' Deelnemer-Dubbel@Example.nl ' }));
    expect(again).toMatchObject({ status: 'duplicate', registrationId: (first as { registrationId: string }).registrationId });
    const found = await findRegistrationByLink(db(), (again as { manageToken: string }).manageToken);
    expect(found?.registration.id).toBe((first as { registrationId: string }).registrationId);
    // Only callers who know the address is the person's own get here (ADR 011): no second email.
    expect(await emailsTo(db(), 'deelnemer-dubbel@example.nl')).toHaveLength(1);
  });

  it('confirms at once with a calendar file holding one event per session', async () => {
    const { course, sessions } = await createCourse(db(), { sessionCount: 3 });
    expect((await signUp(db(), course.id, person('ics'))).status).toBe('confirmed');
    const [mail] = await emailsTo(db(), 'deelnemer-ics@example.nl', 'registration-confirmed');
    const ics = Buffer.from(mail!.attachments![0]!.content, 'base64').toString('utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    for (const s of sessions) expect(ics).toContain(`UID:${s.id}@politiekactief`);
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  });
});

describe('who may sign up', () => {
  it('refuses after the deadline, once the course started, and for cancelled courses; drafts do not exist', async () => {
    const late = await createCourse(db(), { registrationClosesAt: new Date(Date.now() - HOUR) });
    expect(await signUp(db(), late.course.id, person('x'))).toEqual({ status: 'closed', reason: 'deadline-passed' });
    const started = await createCourse(db(), { startsInDays: -1 });
    expect(await signUp(db(), started.course.id, person('x'))).toEqual({ status: 'closed', reason: 'started' });
    const cancelled = await createCourse(db(), { status: 'cancelled' });
    expect(await signUp(db(), cancelled.course.id, person('x'))).toEqual({ status: 'closed', reason: 'cancelled' });
    const draft = await createCourse(db(), { status: 'draft' });
    expect(await signUp(db(), draft.course.id, person('x'))).toEqual({ status: 'not-found' });
    expect(await signUp(db(), '00000000-0000-4000-8000-000000000000', person('x'))).toEqual({ status: 'not-found' });
  });
});

describe('waitlist', () => {
  it('offers a freed seat to the first in line only, who can claim it within the window', async () => {
    setClock(new Date('2027-03-01T10:00:00Z'));
    const { course } = await createCourse(db(), { capacity: 1, claimWindowHours: 48 });
    const a = await signUp(db(), course.id, person('A'));
    const b = await signUp(db(), course.id, person('B'));
    const c = await signUp(db(), course.id, person('C'));
    expect([a.status, b.status, c.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    expect(await cancelRegistration(db(), (a as { registrationId: string }).registrationId, 'participant')).toEqual({
      status: 'cancelled',
    });
    expect(await statuses(course.id)).toEqual({ 'Deelnemer A': 'cancelled', 'Deelnemer B': 'offered', 'Deelnemer C': 'waitlisted' });
    // The offered seat is taken: a newcomer joins the waitlist.
    expect((await signUp(db(), course.id, person('D'))).status).toBe('waitlisted');
    const [offer] = await emailsTo(db(), 'deelnemer-b@example.nl', 'seat-offered');
    const found = await findRegistrationByLink(db(), tokenFrom(String(propsOf(offer!).claimUrl)));
    expect(found?.registration.status).toBe('offered');
    advanceClock(47 * HOUR);
    expect(await claimOffer(db(), found!.registration.id)).toEqual({ status: 'confirmed' });
    expect((await statuses(course.id))['Deelnemer B']).toBe('confirmed');
    expect(await emailsTo(db(), 'deelnemer-b@example.nl', 'registration-confirmed')).toHaveLength(1);
  });

  it('moves the offer to the next person when the window passes', async () => {
    setClock(new Date('2027-03-01T10:00:00Z'));
    const { course } = await createCourse(db(), { capacity: 1, claimWindowHours: 48 });
    const a = await signUp(db(), course.id, person('E1'));
    await signUp(db(), course.id, person('E2'));
    await signUp(db(), course.id, person('E3'));
    await cancelRegistration(db(), (a as { registrationId: string }).registrationId, 'participant');
    advanceClock(47 * HOUR);
    expect((await runDueCourseWork(db())).expired).toBe(0);
    advanceClock(2 * HOUR);
    expect((await runDueCourseWork(db())).expired).toBe(1);
    expect(await statuses(course.id)).toEqual({ 'Deelnemer E1': 'cancelled', 'Deelnemer E2': 'cancelled', 'Deelnemer E3': 'offered' });
    expect(await emailsTo(db(), 'deelnemer-e2@example.nl', 'offer-expired')).toHaveLength(1);
    const e2 = await db().select().from(registrations).where(eq(registrations.email, 'deelnemer-e2@example.nl'));
    expect(await claimOffer(db(), e2[0]!.id)).toEqual({ status: 'not-offered' });
  });

  it('thanks only someone who had a seat for freeing it; leaving the waitlist frees no seat', async () => {
    const { course } = await createCourse(db(), { capacity: 1, title: 'Hoe werkt de gemeenteraad?' });
    const seated = await signUp(db(), course.id, person('S1'));
    const waiting = await signUp(db(), course.id, person('S2'));
    await cancelRegistration(db(), (waiting as { registrationId: string }).registrationId, 'participant');
    await cancelRegistration(db(), (seated as { registrationId: string }).registrationId, 'participant');
    const textOf = async (to: string) => {
      const [message] = await emailsTo(db(), to, 'registration-cancelled');
      return (await renderEmail('registration-cancelled', message!.props as never)).text;
    };
    const fromWaitlist = await textOf('deelnemer-s2@example.nl');
    expect(fromWaitlist).toContain('Je staat niet meer op de wachtlijst voor Hoe werkt de gemeenteraad?');
    expect(fromWaitlist).not.toMatch(/je plek|wachtlijst\? Dan/);
    const fromSeat = await textOf('deelnemer-s1@example.nl');
    expect(fromSeat).toContain('Je bent afgemeld voor Hoe werkt de gemeenteraad?\n');
    expect(fromSeat).toContain('Zo kan iemand anders je plek krijgen.');
  });

  it('confirms the next person at once when the claim window is 0', async () => {
    const { course } = await createCourse(db(), { capacity: 1, claimWindowHours: 0 });
    const a = await signUp(db(), course.id, person('Z1'));
    await signUp(db(), course.id, person('Z2'));
    await cancelRegistration(db(), (a as { registrationId: string }).registrationId, 'coordinator');
    expect((await statuses(course.id))['Deelnemer Z2']).toBe('confirmed');
    expect(await emailsTo(db(), 'deelnemer-z2@example.nl', 'registration-confirmed')).toHaveLength(1);
  });

  it('lets people cancel only until the cancellation deadline', async () => {
    const { course } = await createCourse(db(), { cancellationDeadline: new Date(Date.now() - HOUR) });
    const r = await signUp(db(), course.id, person('laat'));
    expect(await cancelRegistration(db(), (r as { registrationId: string }).registrationId, 'participant')).toEqual({ status: 'too-late' });
    expect(await cancelRegistration(db(), (r as { registrationId: string }).registrationId, 'coordinator')).toEqual({
      status: 'cancelled',
    });
  });
});

describe('reminders', () => {
  it('go 2 days before the first session, once, not to late sign-ups or cancelled people', async () => {
    setClock(new Date('2027-04-01T08:00:00Z'));
    const { course } = await createCourse(db(), { startsInDays: 5, reminderDaysBefore: 2 });
    await signUp(db(), course.id, person('R1'));
    const cancelled = await signUp(db(), course.id, person('R2'));
    await cancelRegistration(db(), (cancelled as { registrationId: string }).registrationId, 'participant');
    expect((await runDueCourseWork(db())).reminders).toBe(0);
    advanceClock(3.5 * DAY);
    await signUp(db(), course.id, person('R3')); // inside the window: no reminder
    expect((await runDueCourseWork(db())).reminders).toBe(1);
    expect((await runDueCourseWork(db())).reminders).toBe(0);
    expect(await emailsTo(db(), 'deelnemer-r1@example.nl', 'course-reminder')).toHaveLength(1);
    expect(await emailsTo(db(), 'deelnemer-r2@example.nl', 'course-reminder')).toHaveLength(0);
    expect(await emailsTo(db(), 'deelnemer-r3@example.nl', 'course-reminder')).toHaveLength(0);
  });
});

describe('after the course', () => {
  it('sends attendees their follow-up (completed or not) and no-shows courses nearby, once', async () => {
    setClock(new Date('2027-05-01T08:00:00Z'));
    const { course, sessions } = await createCourse(db(), { startsInDays: 2, sessionCount: 2 });
    const nearby = await createCourse(db(), { startsInDays: 40, municipalityCode: 'GM0148', title: 'Politiek Actief Dalfsen' });
    for (const who of ['all', 'one', 'none']) await signUp(db(), course.id, person(`f-${who}`));
    const regs = await db().select().from(registrations).where(eq(registrations.courseId, course.id)).orderBy(registrations.waitlistSeq);
    await db()
      .insert(sessionAttendance)
      .values([
        { registrationId: regs[0]!.id, sessionId: sessions[0]!.id, attended: true },
        { registrationId: regs[0]!.id, sessionId: sessions[1]!.id, attended: true },
        { registrationId: regs[1]!.id, sessionId: sessions[0]!.id, attended: true },
        { registrationId: regs[1]!.id, sessionId: sessions[1]!.id, attended: false },
      ]);
    expect(await sendCourseFollowUp(db(), course.id)).toBe(0); // not over yet
    advanceClock(10 * DAY);
    expect(await sendCourseFollowUp(db(), course.id)).toBe(3);
    expect(await sendCourseFollowUp(db(), course.id)).toBe(0);
    await runDueCourseWork(db());
    for (const who of ['all', 'one', 'none']) expect(await emailsTo(db(), `deelnemer-f-${who}@example.nl`, undefined)).toHaveLength(2);
    const [all] = await emailsTo(db(), 'deelnemer-f-all@example.nl', 'follow-up-attended');
    const [one] = await emailsTo(db(), 'deelnemer-f-one@example.nl', 'follow-up-attended');
    const [none] = await emailsTo(db(), 'deelnemer-f-none@example.nl', 'follow-up-no-show');
    expect(propsOf(all!).completed).toBe(true);
    expect(propsOf(one!).completed).toBe(false);
    expect(String(propsOf(all!).mentoringUrl)).toContain('/mentoraat');
    // Both follow-ups link to /mentoraat saying where the visitor came from (the application records it).
    for (const mail of [all!, none!]) expect(String(propsOf(mail).mentoringUrl)).toMatch(/\/mentoraat\?bron=cursus-opvolging&utm_source=/);
    const suggestions = propsOf(none!).nearbyCourses as { url: string }[];
    expect(suggestions.some((s) => s.url.endsWith(`/cursussen/${nearby.course.id}`))).toBe(true);
  });

  it('goes out by itself 3 days after the last session when nobody closed the course', async () => {
    setClock(new Date('2027-06-01T08:00:00Z'));
    const { course } = await createCourse(db(), { startsInDays: 1, sessionCount: 1 });
    await signUp(db(), course.id, person('auto'));
    advanceClock(3 * DAY);
    await runDueCourseWork(db());
    expect(await emailsTo(db(), 'deelnemer-auto@example.nl', 'follow-up-no-show')).toHaveLength(0);
    advanceClock(1.5 * DAY);
    await runDueCourseWork(db());
    expect(await emailsTo(db(), 'deelnemer-auto@example.nl', 'follow-up-no-show')).toHaveLength(1);
  });
});

describe('cancelling a course', () => {
  it('tells everyone on it, waitlist included, once', async () => {
    const { course } = await createCourse(db(), { capacity: 1 });
    await signUp(db(), course.id, person('k1'));
    await signUp(db(), course.id, person('k2'));
    expect(await cancelCourse(db(), course.id)).toBe(2);
    expect(await cancelCourse(db(), course.id)).toBe(0);
    expect(await emailsTo(db(), 'deelnemer-k1@example.nl', 'course-cancelled')).toHaveLength(1);
    expect(await emailsTo(db(), 'deelnemer-k2@example.nl', 'course-cancelled')).toHaveLength(1);
    expect(await statuses(course.id)).toEqual({ 'Deelnemer k1': 'cancelled', 'Deelnemer k2': 'cancelled' });
  });
});
