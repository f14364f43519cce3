import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseSessions, courses, emailMessages, organisationMemberships, registrations, users } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { parseCalendar, toSecond } from '../../test/calendar';
import { createCourse, emailsTo, person } from '../../test/courses';
import { call, dataOf, get, locationOf, post, statusOf, type RouteHandler } from '../../test/routes';
import { createSession } from '~/modules/auth/session.server';
import { DAY, HOUR, now } from '~/modules/clock.server';
import { moveSession } from '~/modules/courses/manage/sessions.server';
import { signUp } from '~/modules/courses/registrations.server';
import * as overview from './beheer.cursussen.$id._index/route';
import * as people from './beheer.cursussen.$id.aanmeldingen';
import * as message from './beheer.cursussen.$id.bericht';
import * as manage from './aanmelding.$token';
import * as download from './aanmelding.$token_.agenda[.ics]';

// Actions that change what people get and email them at once ask for a confirmation first: a post
// without it changes nothing and sends nothing. And the manage page's calendar file is the course's
// schedule as it is now.

const t = setupTestDatabase();
const db = () => t.handle.db;
const scopeOf = (organisation: { id: string }) => ({ organisationIds: [organisation.id] });

let cookie = '';
let organisationId = '';

beforeAll(async () => {
  const { organisation } = await createCourse(db());
  organisationId = organisation.id;
  const [user] = await db()
    .insert(users)
    .values({ email: 'coord-confirm@example.nl', name: 'Coördinator', emailVerifiedAt: now() })
    .returning();
  await db().insert(organisationMemberships).values({ organisationId, userId: user!.id });
  cookie = `pa_session=${(await createSession(db(), user!.id)).token}`;
});

async function ownCourse(options: Parameters<typeof createCourse>[1] = {}) {
  const made = await createCourse(db(), options);
  await db().update(courses).set({ organisationId }).where(eq(courses.id, made.course.id));
  return made;
}

const emailCount = async () => (await db().select({ id: emailMessages.id }).from(emailMessages)).length;

describe('confirmation before an action that emails people', () => {
  it('removing a session of a published course: without confirm=yes it goes to the confirmation step, and nothing is removed or sent', async () => {
    const { course, sessions } = await ownCourse({ sessionCount: 2 });
    await signUp(db(), course.id, person('confirm-remove'));
    const id = course.id;
    const before = await emailCount();
    for (const extra of [{}, { confirm: 'on' }] as Record<string, string>[]) {
      const first = await call(
        overview.action as RouteHandler,
        post(`/beheer/cursussen/${id}`, { intent: 'remove-session', sessionId: sessions[1]!.id, ...extra }, cookie),
        { id },
      );
      expect(locationOf(first)).toBe(`/beheer/cursussen/${id}?bijeenkomst-verwijderen=${sessions[1]!.id}#bijeenkomst-verwijderen`);
    }
    expect(await db().select().from(courseSessions).where(eq(courseSessions.courseId, id))).toHaveLength(2);
    expect(await emailCount()).toBe(before);
    // The step names the session by its number; an unknown id shows no step.
    const step = dataOf<{ sessionToRemove: { id: string; number: number } | null }>(
      await call(overview.loader as RouteHandler, get(`/beheer/cursussen/${id}?bijeenkomst-verwijderen=${sessions[1]!.id}`, cookie), {
        id,
      }),
    );
    expect(step.sessionToRemove).toEqual({ id: sessions[1]!.id, number: 2, started: false });
    const none = dataOf<{ sessionToRemove: unknown }>(
      await call(overview.loader as RouteHandler, get(`/beheer/cursussen/${id}?bijeenkomst-verwijderen=${crypto.randomUUID()}`, cookie), {
        id,
      }),
    );
    expect(none.sessionToRemove).toBeNull();

    const confirmed = await call(
      overview.action as RouteHandler,
      post(`/beheer/cursussen/${id}`, { intent: 'remove-session', sessionId: sessions[1]!.id, confirm: 'yes' }, cookie),
      { id },
    );
    expect(locationOf(confirmed)).toBe(`/beheer/cursussen/${id}?notice=course.sessionRemoved&told=1#notice`);
    expect(await db().select().from(courseSessions).where(eq(courseSessions.courseId, id))).toHaveLength(1);
    expect(await emailsTo(db(), 'deelnemer-confirm-remove@example.nl', 'sessions-changed')).toHaveLength(1);
  });

  it('a draft notifies nobody: its sessions go in one click', async () => {
    const { course, sessions } = await ownCourse({ sessionCount: 2, status: 'draft' });
    const id = course.id;
    const removed = await call(
      overview.action as RouteHandler,
      post(`/beheer/cursussen/${id}`, { intent: 'remove-session', sessionId: sessions[0]!.id }, cookie),
      {
        id,
      },
    );
    expect(locationOf(removed)).toBe(`/beheer/cursussen/${id}?notice=course.sessionRemoved&told=0#notice`);
  });

  it('cancelling someone’s registration: a post without confirm=yes goes to the confirmation step', async () => {
    const { course } = await ownCourse();
    const signed = await signUp(db(), course.id, person('confirm-cancel'));
    const registrationId = (signed as { registrationId: string }).registrationId;
    const id = course.id;
    const base = `/beheer/cursussen/${id}/aanmeldingen`;
    const before = await emailCount();
    const first = await call(people.action as RouteHandler, post(base, { intent: 'cancel-registration', registrationId }, cookie), { id });
    expect(locationOf(first)).toBe(`${base}?afmelden=${registrationId}#afmelden`);
    const [still] = await db().select().from(registrations).where(eq(registrations.id, registrationId));
    expect(still?.status).toBe('confirmed');
    expect(await emailCount()).toBe(before);

    const done = await call(
      people.action as RouteHandler,
      post(base, { intent: 'cancel-registration', registrationId, confirm: 'yes' }, cookie),
      {
        id,
      },
    );
    expect(locationOf(done)).toBe(`${base}?notice=course.registrationCancelled#notice`);
    expect(await emailsTo(db(), 'deelnemer-confirm-cancel@example.nl', 'registration-cancelled')).toHaveLength(1);
  });

  it('a message to all participants: without the box nothing is sent, and the text is kept', async () => {
    const { course } = await ownCourse();
    await signUp(db(), course.id, person('confirm-message'));
    const id = course.id;
    const before = await emailCount();
    const first = await call(
      message.action as RouteHandler,
      post(`/beheer/cursussen/${id}/bericht`, { subject: 'Hoi', body: 'Tot dinsdag' }, cookie),
      {
        id,
      },
    );
    expect(statusOf(first)).toBe(400);
    const reply = dataOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(first);
    expect(reply.error.confirm?.[0]).toBe('Vink eerst aan dat je het bericht nu wilt versturen.');
    expect(reply.initialValue).toMatchObject({ subject: 'Hoi', body: 'Tot dinsdag' });
    expect(await emailCount()).toBe(before);

    const sent = await call(
      message.action as RouteHandler,
      post(`/beheer/cursussen/${id}/bericht`, { subject: 'Hoi', body: 'Tot dinsdag', confirm: 'on' }, cookie),
      { id },
    );
    expect(locationOf(sent)).toBe(`/beheer/cursussen/${id}/bericht?notice=courseMessage.queued&count=1#notice`);
    expect(await emailsTo(db(), 'deelnemer-confirm-message@example.nl', 'coordinator-message')).toHaveLength(1);
  });
});

describe('the calendar file on the manage page', () => {
  const fetchFile = (token: string) =>
    call(download.loader as RouteHandler, get(`/aanmelding/${token}/agenda.ics`), { token }) as Promise<Response>;

  it('is offered to a person with a seat and always has the current schedule', async () => {
    const { course, sessions, organisation } = await createCourse(db(), { sessionCount: 2, title: 'Politiek Actief Zwolle-Zuid' });
    const signed = await signUp(db(), course.id, person('download'));
    if (signed.status !== 'confirmed') throw new Error('expected a seat');
    const page = dataOf<{ hasCalendar: boolean }>(
      await call(manage.loader as RouteHandler, get(`/aanmelding/${signed.manageToken}`), { token: signed.manageToken }),
    );
    expect(page.hasCalendar).toBe(true);

    const startsAt = new Date(sessions[1]!.startsAt.getTime() + DAY);
    await moveSession(db(), scopeOf(organisation), course.id, sessions[1]!.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + HOUR),
      location: '',
    });
    const response = await fetchFile(signed.manageToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="politiek-actief-zwolle-zuid.ics"');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const file = parseCalendar(await response.text());
    expect(file.method).toBe('PUBLISH');
    const moved = file.events.find((e) => e.uid === `${sessions[1]!.id}@politiekactief`)!;
    expect(moved).toMatchObject({ start: toSecond(startsAt), end: toSecond(new Date(startsAt.getTime() + HOUR)), sequence: 1 });
    expect(moved.organizer?.name).toBe(organisation.name);
  });

  it('is not there for a waitlist place, a cancelled registration or a forged link (404)', async () => {
    const { course } = await createCourse(db(), { capacity: 1 });
    const seat = await signUp(db(), course.id, person('download-seat'));
    const waiting = await signUp(db(), course.id, person('download-wait'));
    if (seat.status !== 'confirmed' || waiting.status !== 'waitlisted') throw new Error('expected a seat and a waitlist place');
    const page = dataOf<{ hasCalendar: boolean }>(
      await call(manage.loader as RouteHandler, get(`/aanmelding/${waiting.manageToken}`), { token: waiting.manageToken }),
    );
    expect(page.hasCalendar).toBe(false);
    expect((await fetchFile(waiting.manageToken)).status).toBe(404);
    expect((await fetchFile('a'.repeat(32))).status).toBe(404);
    await db()
      .update(registrations)
      .set({ status: 'cancelled' })
      .where(and(eq(registrations.id, seat.registrationId)));
    expect((await fetchFile(seat.manageToken)).status).toBe(404);
  });
});
