import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { courseSessions } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { calendarsOf, parseCalendar, toSecond, type ParsedEvent } from '../../../test/calendar';
import { createCourse, emailsTo, person } from '../../../test/courses';
import { DAY, HOUR } from '../clock.server';
import { cancelRegistration, findRegistrationByLink, signUp } from './registrations.server';
import { cancelOwnedCourse } from './manage/courses.server';
import { cancelRegistrationByCoordinator } from './manage/registrations.server';
import { moveSession, removeSession } from './manage/sessions.server';
import { calendarDownload } from './context.server';

// Every calendar file the project hands out, read back with a real iCalendar parser (ical.js), and
// checked the way a calendar program uses it: which events (UID), which version (SEQUENCE), when
// (DTSTART/DTEND against the sessions in the database), from whom (ORGANIZER) and whether it stays
// or goes (METHOD and STATUS).

const t = setupTestDatabase();
const db = () => t.handle.db;
const scopeOf = (organisation: { id: string }) => ({ organisationIds: [organisation.id] });
const ORGANIZER_EMAIL = 'noreply@politiekactief.example'; // the address in the default EMAIL_FROM

async function sessionsOf(courseId: string) {
  return db().select().from(courseSessions).where(eq(courseSessions.courseId, courseId)).orderBy(asc(courseSessions.startsAt));
}

/** The events match the sessions one to one: same UID, start, end and (stored) SEQUENCE. */
function expectEventsOf(events: ParsedEvent[], sessions: { id: string; startsAt: Date; endsAt: Date; sequence: number }[]) {
  expect(events.map((e) => ({ uid: e.uid, start: e.start, end: e.end, sequence: e.sequence }))).toEqual(
    sessions.map((s) => ({ uid: `${s.id}@politiekactief`, start: toSecond(s.startsAt), end: toSecond(s.endsAt), sequence: s.sequence })),
  );
}

async function downloadFor(token: string) {
  const found = await findRegistrationByLink(db(), token);
  return found ? calendarDownload(found.ctx, found.registration) : null;
}

async function onlyMail(to: string, template: string) {
  const mails = await emailsTo(db(), to, template);
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

describe('calendar files', () => {
  it('a confirmation publishes every session, from the organisation, with a matching MIME type', async () => {
    const { course, organisation } = await createCourse(db(), { sessionCount: 3 });
    await signUp(db(), course.id, person('cal-confirm'));
    const [file, ...more] = calendarsOf(await onlyMail('deelnemer-cal-confirm@example.nl', 'registration-confirmed'));
    expect(more).toHaveLength(0);
    expect(file!.method).toBe('PUBLISH');
    expect(file!.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expectEventsOf(file!.events, await sessionsOf(course.id));
    for (const event of file!.events) {
      expect(event.status).toBe('CONFIRMED');
      expect(event.organizer).toEqual({ name: organisation.name, email: ORGANIZER_EMAIL });
      // PUBLISH names no attendees: a file never tells who else is on the course.
      expect(event.attendees).toEqual([]);
    }
    expect(file!.events.map((e) => e.summary)).toEqual([1, 2, 3].map((n) => `${course.title} (${n}/3)`));
  });

  it('a moved session keeps its UID with a higher SEQUENCE and its new times', async () => {
    const { course, sessions, organisation } = await createCourse(db(), { sessionCount: 2 });
    await signUp(db(), course.id, person('cal-move'));
    const [confirmed] = calendarsOf(await onlyMail('deelnemer-cal-move@example.nl', 'registration-confirmed'));
    const startsAt = new Date(sessions[0]!.startsAt.getTime() + DAY + HOUR);
    await moveSession(db(), scopeOf(organisation), course.id, sessions[0]!.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * HOUR),
      location: '',
    });
    const [file] = calendarsOf(await onlyMail('deelnemer-cal-move@example.nl', 'sessions-changed'));
    expect(file!.method).toBe('PUBLISH');
    const now = await sessionsOf(course.id);
    expectEventsOf(file!.events, now);
    const moved = file!.events.find((e) => e.uid === `${sessions[0]!.id}@politiekactief`)!;
    expect(moved).toMatchObject({ start: toSecond(startsAt), end: toSecond(new Date(startsAt.getTime() + 3 * HOUR)), status: 'CONFIRMED' });
    for (const event of file!.events) {
      const before = confirmed!.events.find((e) => e.uid === event.uid)!;
      expect(event.sequence).toBeGreaterThan(before.sequence);
      expect(event.organizer?.email).toBe(ORGANIZER_EMAIL);
    }
  });

  it('a removed session is cancelled (METHOD:CANCEL, STATUS:CANCELLED, higher SEQUENCE); the rest stays published', async () => {
    const { course, sessions, organisation } = await createCourse(db(), { sessionCount: 3 });
    await signUp(db(), course.id, person('cal-remove'));
    const [confirmed] = calendarsOf(await onlyMail('deelnemer-cal-remove@example.nl', 'registration-confirmed'));
    await removeSession(db(), scopeOf(organisation), course.id, sessions[1]!.id);
    const changed = await onlyMail('deelnemer-cal-remove@example.nl', 'sessions-changed');
    // The email says there is a second file, and what it is for.
    expect(changed.props).toMatchObject({ sessionRemoved: true });
    const files = calendarsOf(changed);
    const schedule = files.find((f) => f.method === 'PUBLISH')!;
    const cancellation = files.find((f) => f.method === 'CANCEL')!;
    expectEventsOf(schedule.events, await sessionsOf(course.id));
    expect(schedule.events.map((e) => e.summary)).toEqual([`${course.title} (1/2)`, `${course.title} (2/2)`]);
    expect(cancellation.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
    expect(cancellation.events).toHaveLength(1);
    const gone = cancellation.events[0]!;
    expect(gone).toMatchObject({
      uid: `${sessions[1]!.id}@politiekactief`,
      status: 'CANCELLED',
      start: toSecond(sessions[1]!.startsAt),
      end: toSecond(sessions[1]!.endsAt),
      attendees: ['deelnemer-cal-remove@example.nl'],
    });
    expect(gone.organizer?.email).toBe(ORGANIZER_EMAIL);
    expect(gone.sequence).toBeGreaterThan(confirmed!.events.find((e) => e.uid === gone.uid)!.sequence);
  });

  it('cancelling by one’s own link cancels every session; what is published next outranks it', async () => {
    const { course, organisation } = await createCourse(db(), { sessionCount: 2 });
    const first = await signUp(db(), course.id, person('cal-own'));
    await signUp(db(), course.id, person('cal-other'));
    if (first.status !== 'confirmed') throw new Error('expected a seat');
    const [confirmed] = calendarsOf(await onlyMail('deelnemer-cal-own@example.nl', 'registration-confirmed'));
    expect((await cancelRegistration(db(), first.registrationId, 'participant')).status).toBe('cancelled');
    const mail = await onlyMail('deelnemer-cal-own@example.nl', 'registration-cancelled');
    const [file, ...more] = calendarsOf(mail);
    expect(more).toHaveLength(0);
    expect(file!.method).toBe('CANCEL');
    const sessions = await sessionsOf(course.id);
    expect(file!.events.map((e) => e.uid)).toEqual(sessions.map((s) => `${s.id}@politiekactief`));
    for (const [i, event] of file!.events.entries()) {
      expect(event).toMatchObject({ status: 'CANCELLED', start: toSecond(sessions[i]!.startsAt), end: toSecond(sessions[i]!.endsAt) });
      expect(event.organizer).toEqual({ name: organisation.name, email: ORGANIZER_EMAIL });
      expect(event.attendees).toEqual(['deelnemer-cal-own@example.nl']);
      expect(event.sequence).toBeGreaterThan(confirmed!.events[i]!.sequence);
      // Stored above the cancellation: a later schedule (a move, or the same person signing up
      // again) is newer than the cancellation for every calendar program.
      expect(sessions[i]!.sequence).toBeGreaterThan(event.sequence);
    }
    await signUp(db(), course.id, person('cal-own'));
    const again = (await emailsTo(db(), 'deelnemer-cal-own@example.nl', 'registration-confirmed'))[1]!;
    const [republished] = calendarsOf(again);
    for (const [i, event] of republished!.events.entries()) expect(event.sequence).toBeGreaterThan(file!.events[i]!.sequence);
    // Nobody else hears about it.
    expect(await emailsTo(db(), 'deelnemer-cal-other@example.nl', 'sessions-changed')).toHaveLength(0);
  });

  it('a coordinator cancelling a registration sends the same cancellation; a waitlisted person gets no file', async () => {
    const { course, organisation } = await createCourse(db(), { sessionCount: 2, capacity: 1 });
    const seat = await signUp(db(), course.id, person('cal-coord'));
    const waiting = await signUp(db(), course.id, person('cal-coord-wait'));
    if (seat.status !== 'confirmed' || waiting.status !== 'waitlisted') throw new Error('expected a seat and a waitlist place');
    const [confirmed] = calendarsOf(await onlyMail('deelnemer-cal-coord@example.nl', 'registration-confirmed'));
    await cancelRegistrationByCoordinator(db(), scopeOf(organisation), course.id, seat.registrationId);
    const [file] = calendarsOf(await onlyMail('deelnemer-cal-coord@example.nl', 'registration-cancelled'));
    expect(file!.method).toBe('CANCEL');
    expect(file!.events).toHaveLength(2);
    for (const [i, event] of file!.events.entries()) {
      expect(event).toMatchObject({ uid: confirmed!.events[i]!.uid, status: 'CANCELLED', attendees: ['deelnemer-cal-coord@example.nl'] });
      expect(event.sequence).toBeGreaterThan(confirmed!.events[i]!.sequence);
    }
    // The next in line got the seat (claim window 48 h: an offer, no file yet); cancelling them later
    // still cancels what they may have; leaving the waitlist has nothing to take out of a calendar.
    await cancelRegistration(db(), waiting.registrationId, 'participant');
    const [offeredCancel] = calendarsOf(await onlyMail('deelnemer-cal-coord-wait@example.nl', 'registration-cancelled'));
    expect(offeredCancel!.method).toBe('CANCEL');
    const third = await signUp(db(), course.id, person('cal-coord-third'));
    const fourth = await signUp(db(), course.id, person('cal-coord-fourth'));
    expect(fourth.status).toBe('waitlisted');
    if (fourth.status !== 'waitlisted' || third.status === 'waitlisted') throw new Error('expected a waitlist place');
    await cancelRegistration(db(), fourth.registrationId, 'participant');
    expect(calendarsOf(await onlyMail('deelnemer-cal-coord-fourth@example.nl', 'registration-cancelled'))).toEqual([]);
  });

  it('cancelling the course cancels every session for everyone who had them, with a higher SEQUENCE', async () => {
    const { course, organisation } = await createCourse(db(), { sessionCount: 3, capacity: 2 });
    await signUp(db(), course.id, person('cal-course-a'));
    await signUp(db(), course.id, person('cal-course-b'));
    await signUp(db(), course.id, person('cal-course-wait'));
    const before = await sessionsOf(course.id);
    await cancelOwnedCourse(db(), scopeOf(organisation), course.id);
    for (const who of ['a', 'b']) {
      const to = `deelnemer-cal-course-${who}@example.nl`;
      const mail = await onlyMail(to, 'course-cancelled');
      const [file] = calendarsOf(mail);
      expect(file!.method).toBe('CANCEL');
      expect(file!.events.map((e) => e.uid)).toEqual(before.map((s) => `${s.id}@politiekactief`));
      for (const [i, event] of file!.events.entries()) {
        expect(event).toMatchObject({
          status: 'CANCELLED',
          start: toSecond(before[i]!.startsAt),
          end: toSecond(before[i]!.endsAt),
          attendees: [to],
        });
        expect(event.organizer).toEqual({ name: organisation.name, email: ORGANIZER_EMAIL });
        expect(event.sequence).toBeGreaterThan(before[i]!.sequence);
      }
    }
    expect(calendarsOf(await onlyMail('deelnemer-cal-course-wait@example.nl', 'course-cancelled'))).toEqual([]);
  });

  it('the file for download is the current schedule, for a person with a seat only', async () => {
    const { course, sessions, organisation } = await createCourse(db(), { sessionCount: 2, capacity: 1 });
    const seat = await signUp(db(), course.id, person('cal-download'));
    const waiting = await signUp(db(), course.id, person('cal-download-wait'));
    if (seat.status !== 'confirmed' || waiting.status !== 'waitlisted') throw new Error('expected a seat and a waitlist place');
    await removeSession(db(), scopeOf(organisation), course.id, sessions[1]!.id);
    const download = await downloadFor(seat.manageToken);
    const file = parseCalendar(download!.content);
    expect(download!.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(file.method).toBe('PUBLISH');
    expectEventsOf(file.events, await sessionsOf(course.id));
    expect(await downloadFor(waiting.manageToken)).toBeNull();
    await cancelRegistration(db(), seat.registrationId, 'participant');
    expect(await downloadFor(seat.manageToken)).toBeNull();
  });
});
