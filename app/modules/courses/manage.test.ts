import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { courseQuestions, courseSessions, courses, emailMessages, registrations } from '~db/schema';
import { translator } from '~/i18n';
import { setupTestDatabase } from '../../../test/database';
import { calendarsOf, toSecond } from '../../../test/calendar';
import { createCourse, emailsTo, person } from '../../../test/courses';
import { advanceClock, DAY, HOUR, now, setClock } from '../clock.server';
import { cancelRegistration, signUp } from './registrations.server';
import { addQuestion } from './manage/questions.server';
import { addRegistrationByCoordinator } from './manage/registrations.server';
import { addSession, moveSession, removeSession } from './manage/sessions.server';
import { attendanceSheet, saveAttendance } from './manage/attendance.server';
import { BATCH_HEADER, messageBatches, messageConfirmed } from './manage/message.server';
import { closeCourse, createCourseDraft, publishCourse, updateCourse } from './manage/courses.server';
import { courseRegistrations } from './manage/reading.server';
import { fromAmsterdam, toLocalInputs } from '../time';
import { guardCell } from '../csv.server';
import { registrationsCsv } from './manage/export.server';
import { sessionSchema, type CourseInput } from './manage/schemas';

const t = setupTestDatabase();
const db = () => t.handle.db;
const nl = translator('nl');

const scopeOf = (organisation: { id: string }) => ({ organisationIds: [organisation.id] });

/** The course form's values for an existing course, with some changed. */
function inputFrom(course: typeof courses.$inferSelect, changes: Partial<CourseInput> = {}): CourseInput {
  return {
    title: course.title,
    description: course.description,
    municipalityCode: course.municipalityCode,
    format: course.format,
    locationName: course.locationName,
    address: course.address,
    onlineUrl: course.onlineUrl ?? '',
    language: course.language,
    cost: course.costCents,
    capacity: course.capacity,
    registrationOpensAt: course.registrationOpensAt,
    registrationClosesAt: course.registrationClosesAt,
    cancellationDeadline: course.cancellationDeadline,
    claimWindowHours: course.claimWindowHours,
    reminderDaysBefore: course.reminderDaysBefore,
    completionThreshold: course.completionThreshold ?? undefined,
    accessibilityInfo: course.accessibilityInfo,
    ...changes,
  };
}

async function statusOf(email: string, courseId: string) {
  const [row] = await db()
    .select({ status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.courseId, courseId), eq(registrations.email, email)));
  return row?.status;
}

describe('Dutch time in forms', () => {
  it('reads dates and times as Amsterdam time, winter and summer', () => {
    expect(fromAmsterdam('2027-01-12', '19:30')?.toISOString()).toBe('2027-01-12T18:30:00.000Z');
    expect(fromAmsterdam('2027-07-01', '19:30')?.toISOString()).toBe('2027-07-01T17:30:00.000Z');
    expect(fromAmsterdam('2027-02-30', '19:30')).toBeNull();
    expect(fromAmsterdam('2027-01-12', '25:00')).toBeNull();
    expect(toLocalInputs(new Date('2027-07-01T17:30:00Z'))).toEqual({ date: '2027-07-01', time: '19:30', dateTime: '2027-07-01T19:30' });
  });

  it('refuses an end before the start, and past dates unless allowed', () => {
    setClock(new Date('2027-03-01T12:00:00Z'));
    const future = { date: '2027-03-10', startTime: '19:30', endTime: '21:30' };
    expect(sessionSchema(nl, { notBefore: now() }).safeParse(future).success).toBe(true);
    const backwards = sessionSchema(nl, { notBefore: now() }).safeParse({ ...future, endTime: '19:00' });
    expect(backwards.error?.issues[0]).toMatchObject({ path: ['endTime'], message: 'De eindtijd moet na de begintijd liggen.' });
    const past = { date: '2027-02-10', startTime: '19:30', endTime: '21:30' };
    expect(sessionSchema(nl, { notBefore: now() }).safeParse(past).error?.issues[0]?.path).toEqual(['date']);
    expect(sessionSchema(nl).safeParse(past).success).toBe(true);
  });
});

describe('publishing', () => {
  it('needs at least one session and one seat, and only for drafts of the own organisation', async () => {
    const { organisation } = await createCourse(db());
    const scope = scopeOf(organisation);
    const base = inputFrom((await createCourse(db(), { status: 'draft' })).course);
    const id = (await createCourseDraft(db(), scope, organisation.id, null as unknown as string, base))!;
    expect(await publishCourse(db(), { organisationIds: [] }, id)).toBe('not-found');
    expect(await publishCourse(db(), scope, id)).toBe('no-sessions');
    await db().update(courses).set({ capacity: 0 }).where(eq(courses.id, id));
    const start = new Date(now().getTime() + 7 * DAY);
    expect(
      (await addSession(db(), scope, id, { startsAt: start, endsAt: new Date(start.getTime() + 2 * HOUR), location: '' })).status,
    ).toBe('saved');
    expect(await publishCourse(db(), scope, id)).toBe('no-capacity');
    await db().update(courses).set({ capacity: 12 }).where(eq(courses.id, id));
    expect(await publishCourse(db(), scope, id)).toBe('published');
    expect(await publishCourse(db(), scope, id)).toBe('not-draft');
    // Another organisation's coordinator cannot publish it, or even see it.
    const other = await createCourse(db());
    expect(await publishCourse(db(), scopeOf(other.organisation), id)).toBe('not-found');
  });

  it('lets drafts get sessions in the past, but not published courses', async () => {
    const draft = await createCourse(db(), { status: 'draft', sessionCount: 1 });
    const past = { startsAt: new Date(now().getTime() - 2 * DAY), endsAt: new Date(now().getTime() - 2 * DAY + 2 * HOUR), location: '' };
    expect((await addSession(db(), scopeOf(draft.organisation), draft.course.id, past)).status).toBe('saved');
    const published = await createCourse(db());
    expect((await addSession(db(), scopeOf(published.organisation), published.course.id, past)).status).toBe('in-past');
  });
});

describe('sessions of a published course', () => {
  it('moving one raises its SEQUENCE and tells confirmed people with a new calendar, in the same transaction', async () => {
    const { course, sessions, organisation } = await createCourse(db(), { capacity: 1, sessionCount: 2 });
    await signUp(db(), course.id, person('move-a'));
    await signUp(db(), course.id, person('move-b')); // waitlisted: gets nothing
    const target = sessions[1]!;
    const startsAt = new Date(target.startsAt.getTime() + DAY);
    const moved = await moveSession(db(), scopeOf(organisation), course.id, target.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      location: 'Bibliotheek',
    });
    expect(moved).toEqual({ status: 'saved', told: 1 });
    const [row] = await db().select().from(courseSessions).where(eq(courseSessions.id, target.id));
    expect(row).toMatchObject({ sequence: 1, location: 'Bibliotheek', startsAt });
    const [mail] = await emailsTo(db(), 'deelnemer-move-a@example.nl', 'sessions-changed');
    const [file] = calendarsOf(mail!);
    const event = file!.events.find((e) => e.uid === `${target.id}@politiekactief`)!;
    expect(event).toMatchObject({ sequence: 1, start: toSecond(startsAt), status: 'CONFIRMED' });
    // The other session was renumbered ("1/2" may become "2/2"): it gets a new SEQUENCE too.
    expect(file!.events.find((e) => e.uid === `${sessions[0]!.id}@politiekactief`)!.sequence).toBe(1);
    expect(await emailsTo(db(), 'deelnemer-move-b@example.nl', 'sessions-changed')).toHaveLength(0);
  });

  it('refuses a move into the past, and a move of a session that was held', async () => {
    const { course, sessions, organisation } = await createCourse(db(), { sessionCount: 2 });
    const past = new Date(now().getTime() - HOUR);
    const result = await moveSession(db(), scopeOf(organisation), course.id, sessions[0]!.id, {
      startsAt: past,
      endsAt: new Date(past.getTime() + HOUR / 2),
      location: '',
    });
    expect(result.status).toBe('in-past');
    advanceClock(15 * DAY);
    const later = new Date(now().getTime() + DAY);
    expect(
      (
        await moveSession(db(), scopeOf(organisation), course.id, sessions[0]!.id, {
          startsAt: later,
          endsAt: new Date(later.getTime() + HOUR),
          location: '',
        })
      ).status,
    ).toBe('already-held');
  });

  it('removing one sends it as a cancelled event; the last one cannot be removed', async () => {
    const { course, sessions, organisation } = await createCourse(db(), { sessionCount: 2 });
    await signUp(db(), course.id, person('remove-a'));
    expect(await removeSession(db(), scopeOf(organisation), course.id, sessions[1]!.id)).toEqual({ status: 'saved', told: 1 });
    const [mail] = await emailsTo(db(), 'deelnemer-remove-a@example.nl', 'sessions-changed');
    const [schedule, cancellation] = calendarsOf(mail!);
    expect(schedule!.events.map((e) => e.uid)).toEqual([`${sessions[0]!.id}@politiekactief`]);
    expect(cancellation!.method).toBe('CANCEL');
    expect(cancellation!.events).toMatchObject([{ uid: `${sessions[1]!.id}@politiekactief`, status: 'CANCELLED', sequence: 1 }]);
    expect((mail!.props as { sessions: unknown[] }).sessions).toHaveLength(1);
    expect(await removeSession(db(), scopeOf(organisation), course.id, sessions[0]!.id)).toEqual({ status: 'last-session' });
    // A session of another course is not found through this course.
    const other = await createCourse(db());
    expect(await removeSession(db(), scopeOf(organisation), course.id, other.sessions[0]!.id)).toEqual({ status: 'not-found' });
  });
});

describe('capacity', () => {
  it('raising it on a published course offers the seat to the waitlist at once', async () => {
    const { course, organisation } = await createCourse(db(), { capacity: 1, claimWindowHours: 48 });
    await signUp(db(), course.id, person('cap-a'));
    await signUp(db(), course.id, person('cap-b'));
    await signUp(db(), course.id, person('cap-c'));
    const result = await updateCourse(db(), scopeOf(organisation), course.id, inputFrom(course, { capacity: 2 }));
    expect(result).toEqual({ status: 'saved', offered: 1, told: 0 });
    expect(await statusOf('deelnemer-cap-b@example.nl', course.id)).toBe('offered');
    expect(await statusOf('deelnemer-cap-c@example.nl', course.id)).toBe('waitlisted');
    expect(await emailsTo(db(), 'deelnemer-cap-b@example.nl', 'seat-offered')).toHaveLength(1);
  });

  it('cannot go below the seats taken (confirmed and offered)', async () => {
    const { course, organisation } = await createCourse(db(), { capacity: 3 });
    await signUp(db(), course.id, person('low-a'));
    await signUp(db(), course.id, person('low-b'));
    expect(await updateCourse(db(), scopeOf(organisation), course.id, inputFrom(course, { capacity: 1 }))).toEqual({
      status: 'capacity-below-taken',
      taken: 2,
      pool: 'on-site',
      field: 'capacity',
    });
    const [row] = await db().select({ capacity: courses.capacity }).from(courses).where(eq(courses.id, course.id));
    expect(row?.capacity).toBe(3);
    expect((await updateCourse(db(), scopeOf(organisation), course.id, inputFrom(course, { capacity: 2 }))).status).toBe('saved');
  });

  it('a new venue on a published course is a change of every session', async () => {
    const { course, organisation } = await createCourse(db(), { sessionCount: 2 });
    await signUp(db(), course.id, person('venue'));
    const result = await updateCourse(db(), scopeOf(organisation), course.id, inputFrom(course, { locationName: 'Raadzaal' }));
    expect(result).toEqual({ status: 'saved', offered: 0, told: 1 });
    const rows = await db().select().from(courseSessions).where(eq(courseSessions.courseId, course.id));
    expect(rows.map((r) => r.sequence)).toEqual([1, 1]);
  });
});

describe('attendance', () => {
  it('saves per session (upsert) and derives "completed" from the threshold', async () => {
    setClock(new Date('2027-03-01T10:00:00Z'));
    const { course, sessions, organisation } = await createCourse(db(), { sessionCount: 3, completionThreshold: 2 });
    const scope = scopeOf(organisation);
    const a = await signUp(db(), course.id, person('att-a'));
    const b = await signUp(db(), course.id, person('att-b'));
    const aId = (a as { registrationId: string }).registrationId;
    const bId = (b as { registrationId: string }).registrationId;
    expect(await saveAttendance(db(), scope, course.id, sessions[0]!.id, [aId])).toEqual({ status: 'too-early' });

    advanceClock(40 * DAY);
    const stranger = await createCourse(db());
    expect(await saveAttendance(db(), scope, course.id, sessions[0]!.id, [aId, bId, stranger.course.id])).toEqual({
      status: 'saved',
      present: 2,
    });
    expect(await saveAttendance(db(), scope, course.id, sessions[1]!.id, [aId])).toEqual({ status: 'saved', present: 1 });
    let sheet = (await attendanceSheet(db(), scope, course.id))!;
    expect(sheet.threshold).toBe(2);
    const byName = () => Object.fromEntries(sheet.people.map((p) => [p.name, { attended: p.attended.length, completed: p.completed }]));
    expect(byName()).toEqual({ 'Deelnemer att-a': { attended: 2, completed: true }, 'Deelnemer att-b': { attended: 1, completed: false } });

    // Saving again replaces the marks of that session.
    await saveAttendance(db(), scope, course.id, sessions[0]!.id, [bId]);
    sheet = (await attendanceSheet(db(), scope, course.id))!;
    expect(byName()).toEqual({
      'Deelnemer att-a': { attended: 1, completed: false },
      'Deelnemer att-b': { attended: 1, completed: false },
    });

    // Another organisation's coordinator cannot save anything here.
    expect(await saveAttendance(db(), scopeOf(stranger.organisation), course.id, sessions[0]!.id, [aId])).toEqual({ status: 'not-found' });
  });

  it('closing sends the follow-up after the last session, once', async () => {
    setClock(new Date('2027-03-01T10:00:00Z'));
    const { course, sessions, organisation } = await createCourse(db(), { sessionCount: 1 });
    const scope = scopeOf(organisation);
    const a = await signUp(db(), course.id, person('close-a'));
    await signUp(db(), course.id, person('close-b'));
    expect(await closeCourse(db(), scope, course.id)).toEqual({ status: 'not-ended' });
    advanceClock(15 * DAY);
    await saveAttendance(db(), scope, course.id, sessions[0]!.id, [(a as { registrationId: string }).registrationId]);
    expect(await closeCourse(db(), scope, course.id)).toEqual({ status: 'closed', sent: 2 });
    expect(await emailsTo(db(), 'deelnemer-close-a@example.nl', 'follow-up-attended')).toHaveLength(1);
    expect(await emailsTo(db(), 'deelnemer-close-b@example.nl', 'follow-up-no-show')).toHaveLength(1);
    expect(await closeCourse(db(), scope, course.id)).toEqual({ status: 'already-closed' });
  });
});

describe('manual add by a coordinator', () => {
  it('is an ordinary sign-up while open, and still possible after the start while seats are left', async () => {
    setClock(new Date('2027-03-01T10:00:00Z'));
    const { course, organisation } = await createCourse(db(), { capacity: 2 });
    const scope = scopeOf(organisation);
    const input = { name: 'Op Papier', email: 'Op.Papier@Example.nl', municipalityCode: 'GM0193', locale: 'nl' as const };
    expect(await addRegistrationByCoordinator(db(), scope, course.id, input)).toEqual({ status: 'confirmed' });
    expect(await addRegistrationByCoordinator(db(), scope, course.id, input)).toEqual({ status: 'duplicate' });
    // The duplicate attempt sends the person nothing.
    expect(await emailsTo(db(), 'op.papier@example.nl', 'registration-exists')).toHaveLength(0);
    const [row] = await db().select().from(registrations).where(eq(registrations.email, 'op.papier@example.nl'));
    expect(row).toMatchObject({ privacyVersion: 'coordinator', source: 'coordinator', status: 'confirmed' });

    advanceClock(15 * DAY); // the course has started: the public form is closed
    expect(await signUp(db(), course.id, person('late'))).toEqual({ status: 'closed', reason: 'started' });
    const walkIn = { ...input, name: 'Binnenloper', email: 'binnen@example.nl' };
    expect(await addRegistrationByCoordinator(db(), scope, course.id, walkIn)).toEqual({ status: 'confirmed' });
    expect(await emailsTo(db(), 'binnen@example.nl', 'registration-confirmed')).toHaveLength(1);
    expect(await addRegistrationByCoordinator(db(), scope, course.id, { ...input, email: 'vol@example.nl' })).toEqual({ status: 'full' });
  });

  it('refuses drafts and other organisations’ courses', async () => {
    const draft = await createCourse(db(), { status: 'draft' });
    const input = { name: 'X', email: 'x@example.nl', municipalityCode: 'GM0193', locale: 'nl' as const };
    expect(await addRegistrationByCoordinator(db(), scopeOf(draft.organisation), draft.course.id, input)).toEqual({
      status: 'not-published',
    });
    const other = await createCourse(db());
    expect(await addRegistrationByCoordinator(db(), scopeOf(other.organisation), draft.course.id, input)).toEqual({ status: 'not-found' });
  });
});

describe('message to all confirmed participants', () => {
  it('queues one email per confirmed person, none to the waitlist or cancelled people, and shows progress', async () => {
    const { course, organisation } = await createCourse(db(), { capacity: 2 });
    const scope = scopeOf(organisation);
    await signUp(db(), course.id, person('msg-a'));
    await signUp(db(), course.id, person('msg-b'));
    await signUp(db(), course.id, person('msg-c')); // waitlisted
    const d = await signUp(db(), course.id, person('msg-d'));
    await cancelRegistration(db(), (d as { registrationId: string }).registrationId, 'participant');

    const result = await messageConfirmed(db(), scope, course.id, {
      subject: 'Andere ingang',
      body: 'Gebruik de achteringang.\n\n<b>Tot dan</b>',
    });
    expect(result).toMatchObject({ status: 'queued', count: 2 });
    const sent = await db().select().from(emailMessages).where(eq(emailMessages.template, 'coordinator-message'));
    expect(sent.map((m) => m.recipient).sort()).toEqual(['deelnemer-msg-a@example.nl', 'deelnemer-msg-b@example.nl']);
    const batchId = (result as { batchId: string }).batchId;
    for (const m of sent) {
      expect(m.headers?.[BATCH_HEADER]).toBe(`${course.id}:${batchId}`);
      expect(m.props).toMatchObject({
        subject: 'Andere ingang',
        body: 'Gebruik de achteringang.\n\n<b>Tot dan</b>',
        courseTitle: course.title,
      });
    }

    const [batch] = (await messageBatches(db(), scope, course.id))!;
    expect(batch).toMatchObject({ subject: 'Andere ingang', total: 2, sent: 0, waiting: 2, failed: 0 });
    // Delivery drops the props and keeps the rendered subject: the page still shows the typed one.
    await db()
      .update(emailMessages)
      .set({ status: 'sent', props: null, subject: `Bericht over ${course.title}: Andere ingang` })
      .where(eq(emailMessages.id, sent[0]!.id));
    await db().update(emailMessages).set({ status: 'failed' }).where(eq(emailMessages.id, sent[1]!.id));
    expect((await messageBatches(db(), scope, course.id))![0]).toMatchObject({
      subject: 'Andere ingang',
      total: 2,
      sent: 1,
      waiting: 0,
      failed: 1,
    });
    await db()
      .update(emailMessages)
      .set({ props: null, subject: `Bericht over ${course.title}: Andere ingang` })
      .where(eq(emailMessages.id, sent[1]!.id));
    expect((await messageBatches(db(), scope, course.id))![0]?.subject).toBe('Andere ingang');

    const empty = await createCourse(db());
    expect(await messageConfirmed(db(), scopeOf(empty.organisation), empty.course.id, { subject: 'x', body: 'y' })).toEqual({
      status: 'nobody',
    });
    expect(await messageConfirmed(db(), scopeOf(empty.organisation), course.id, { subject: 'x', body: 'y' })).toEqual({
      status: 'not-found',
    });
  });
});

describe('CSV export', () => {
  it('is UTF-8 with BOM, semicolons and CRLF, one column per question, formulas defused', async () => {
    setClock(new Date('2027-03-01T10:00:00Z'));
    const { course, sessions, organisation } = await createCourse(db(), {
      capacity: 1,
      sessionCount: 1,
      title: 'Politiek; Actief "Zwolle"',
    });
    const scope = scopeOf(organisation);
    await addQuestion(db(), scope, course.id, { kind: 'yes-no', label: 'Heb je een laptop?', options: [], required: false });
    const [question] = await db().select().from(courseQuestions).where(eq(courseQuestions.courseId, course.id));
    const a = await signUp(
      db(),
      course.id,
      person('csv-a', {
        name: '=HYPERLINK("https://evil.example")',
        phone: '+31 6 12345678',
        answers: { [question!.id]: 'yes' },
        utm: { utm_source: 'krant' },
      }),
    );
    await signUp(db(), course.id, person('csv-b', { name: 'Zoë de Vries', accessibilityNeeds: 'Rolstoel;\nlift nodig' }));
    advanceClock(15 * DAY);
    await saveAttendance(db(), scope, course.id, sessions[0]!.id, [(a as { registrationId: string }).registrationId]);

    const csv = registrationsCsv((await courseRegistrations(db(), scope, course.id))!, nl);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Naam;E-mailadres;Gemeente;Telefoon;Status;Plek op wachtlijst;Aangemeld op;Bron;Campagne (utm);Nodig om mee te doen;Heb je een laptop?;Bijeenkomsten aanwezig;Afgerond',
    );
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""https://evil.example"")";deelnemer-csv-a@example.nl;Zwolle;'+31 6 12345678;bevestigd;;2027-03-01 11:00;;utm_source=krant;;ja;1;ja`,
    );
    expect(lines[2]).toBe('Zoë de Vries;deelnemer-csv-b@example.nl;Zwolle;;wachtlijst;1;2027-03-01 11:00;;;"Rolstoel;\nlift nodig";;;');
    expect(lines[3]).toBe('');
    expect(guardCell('-1')).toBe("'-1");
    expect(guardCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardCell('gewoon')).toBe('gewoon');
  });
});
