import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseQuestions, courseSessions, courses, emailMessages, registrations, users } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse, person } from '../../test/courses';
import { call, cookieFor, dataOf, get, locationOf, makeCoordinator, post, run, statusOf, type RouteHandler } from '../../test/routes';
import { signUp } from '~/modules/courses/registrations.server';
import { toLocalInputs } from '~/modules/time';
import { DAY, now } from '~/modules/clock.server';
import * as list from './beheer.cursussen._index';
import * as create from './beheer.cursussen.nieuw';
import * as frame from './beheer.cursussen.$id';
import * as overview from './beheer.cursussen.$id._index/route';
import * as edit from './beheer.cursussen.$id.bewerken';
import * as copy from './beheer.cursussen.$id.kopieren';
import * as people from './beheer.cursussen.$id.aanmeldingen';
import * as attendance from './beheer.cursussen.$id.aanwezigheid';
import * as message from './beheer.cursussen.$id.bericht';
import * as exportCsv from './beheer.cursussen.$id_.export[.csv]';

const t = setupTestDatabase();
const db = () => t.handle.db;

async function coordinatorOf(email: string, organisationId: string | null) {
  const [user] = await db()
    .insert(users)
    .values({ email, name: email.split('@')[0]!, emailVerifiedAt: now() })
    .returning();
  if (organisationId) await makeCoordinator(db(), user!.id, organisationId);
  return cookieFor(db(), user!.id);
}

const future = toLocalInputs(new Date(Date.now() + 30 * DAY));

let alice = '';
let bob = '';
let carol = '';
let mine: Awaited<ReturnType<typeof createCourse>>;
let theirs: Awaited<ReturnType<typeof createCourse>>;
let theirRegistration = '';
let theirQuestion = '';

beforeAll(async () => {
  mine = await createCourse(db(), { sessionCount: 2 });
  theirs = await createCourse(db(), { sessionCount: 2 });
  alice = await coordinatorOf('alice@example.nl', mine.organisation.id);
  bob = await coordinatorOf('bob@example.nl', theirs.organisation.id);
  carol = await coordinatorOf('carol@example.nl', null);
  const signed = await signUp(db(), theirs.course.id, person('theirs'));
  theirRegistration = (signed as { registrationId: string }).registrationId;
  const [question] = await db()
    .insert(courseQuestions)
    .values({ courseId: theirs.course.id, kind: 'text', label: 'Waarom?', position: 0 })
    .returning();
  theirQuestion = question!.id;
});

const pages: [string, RouteHandler, string][] = [
  ['layout', frame.loader, ''],
  ['overview', overview.loader, ''],
  ['edit', edit.loader, '/bewerken'],
  ['copy', copy.loader, '/kopieren'],
  ['registrations', people.loader, '/aanmeldingen'],
  ['attendance', attendance.loader, '/aanwezigheid'],
  ['message', message.loader, '/bericht'],
  ['export', exportCsv.loader, '/export.csv'],
];

describe('tenancy', () => {
  it('a coordinator of another organisation gets 404 for every page of the course', async () => {
    const id = theirs.course.id;
    for (const [name, loader, suffix] of pages) {
      const result = await call(loader, get(`/beheer/cursussen/${id}${suffix}`, alice), { id });
      expect(statusOf(result), name).toBe(404);
    }
    // The course's own coordinator sees them all.
    for (const [name, loader, suffix] of pages) {
      const result = await call(loader, get(`/beheer/cursussen/${id}${suffix}`, bob), { id });
      expect(statusOf(result), name).toBe(200);
    }
  });

  it('… and for every action, which change nothing', async () => {
    const id = theirs.course.id;
    const session = theirs.sessions[0]!.id;
    const slot = { date: future.date, startTime: '19:30', endTime: '21:30', location: '' };
    const attempts: [string, RouteHandler, string, Record<string, string | string[]>][] = [
      ['publish', overview.action, '', { intent: 'publish' }],
      ['cancel', overview.action, '', { intent: 'cancel-course', confirm: 'yes' }],
      ['close', overview.action, '', { intent: 'close' }],
      ['add session', overview.action, '', { intent: 'add-session', ...slot }],
      ['move session', overview.action, '', { intent: 'move-session', sessionId: session, ...slot }],
      ['remove session', overview.action, '', { intent: 'remove-session', sessionId: session, confirm: 'yes' }],
      ['add question', overview.action, '', { intent: 'add-question', kind: 'text', label: 'Hack?' }],
      ['edit question', overview.action, '', { intent: 'edit-question', questionId: theirQuestion, kind: 'text', label: 'Hack?' }],
      ['remove question', overview.action, '', { intent: 'remove-question', questionId: theirQuestion }],
      ['move question', overview.action, '', { intent: 'question-down', questionId: theirQuestion }],
      [
        'edit',
        edit.action,
        '/bewerken',
        {
          title: 'Overgenomen',
          municipalityCode: 'GM0193',
          format: 'online',
          language: 'nl',
          capacity: '1',
          claimWindowHours: '0',
          reminderDaysBefore: '0',
        },
      ],
      [
        'add person',
        people.action,
        '/aanmeldingen',
        { intent: 'add', name: 'X', email: 'x@example.nl', municipalityCode: 'GM0193', locale: 'nl' },
      ],
      ['cancel person', people.action, '/aanmeldingen', { intent: 'cancel-registration', registrationId: theirRegistration }],
      ['attendance', attendance.action, '/aanwezigheid', { sessionId: session, present: theirRegistration }],
      ['message', message.action, '/bericht', { subject: 'Hallo', body: 'Van een ander' }],
      ['copy', copy.action, '/kopieren', { title: 'Overgenomen kopie', firstDate: future.date }],
    ];
    for (const [name, action, suffix, fields] of attempts) {
      const result = await call(action, post(`/beheer/cursussen/${id}${suffix}`, fields, alice), { id });
      expect(statusOf(result), name).toBe(404);
    }
    const [course] = await db().select().from(courses).where(eq(courses.id, id));
    expect(course).toMatchObject({ status: 'published', title: theirs.course.title, capacity: 20 });
    expect(await db().select().from(courseSessions).where(eq(courseSessions.courseId, id))).toHaveLength(2);
    expect(await db().select().from(courseQuestions).where(eq(courseQuestions.id, theirQuestion))).toHaveLength(1);
    const [registration] = await db().select().from(registrations).where(eq(registrations.id, theirRegistration));
    expect(registration?.status).toBe('confirmed');
    expect(await db().select().from(emailMessages).where(eq(emailMessages.template, 'coordinator-message'))).toHaveLength(0);
    expect(await db().select().from(courses).where(eq(courses.organisationId, mine.organisation.id))).toHaveLength(1);
  });

  it('a registration or session of another course cannot be reached through one’s own course', async () => {
    const id = mine.course.id;
    const cancel = await call(
      people.action,
      post(`/beheer/cursussen/${id}/aanmeldingen`, { intent: 'cancel-registration', registrationId: theirRegistration }, alice),
      { id },
    );
    expect(statusOf(cancel)).toBe(404);
    const remove = await call(
      overview.action,
      post(`/beheer/cursussen/${id}`, { intent: 'remove-session', sessionId: theirs.sessions[0]!.id }, alice),
      { id },
    );
    expect(statusOf(remove)).toBe(404);
    const question = await call(
      overview.action,
      post(`/beheer/cursussen/${id}`, { intent: 'remove-question', questionId: theirQuestion }, alice),
      { id },
    );
    expect(statusOf(question)).toBe(404);
  });

  it('visitors go to the login page and come back afterwards', async () => {
    const id = theirs.course.id;
    for (const [name, loader, suffix] of [...pages, ['list', list.loader, ''] as const]) {
      const path = name === 'list' ? '/beheer/cursussen' : `/beheer/cursussen/${id}${suffix}`;
      const result = (await call(loader, get(path), { id })) as Response;
      expect(result.status, name).toBe(302);
      expect(result.headers.get('Location')).toBe(`/inloggen?redirectTo=${encodeURIComponent(path)}`);
    }
    const acted = (await call(overview.action, post(`/beheer/cursussen/${id}`, { intent: 'publish' }), { id })) as Response;
    expect(acted.status).toBe(302);
  });

  it('people who coordinate nothing get 404, also for the list and the new-course page', async () => {
    expect(statusOf(await call(list.loader, get('/beheer/cursussen', carol)))).toBe(404);
    expect(statusOf(await call(create.loader, get('/beheer/cursussen/nieuw', carol)))).toBe(404);
    expect(statusOf(await call(create.action, post('/beheer/cursussen/nieuw', { title: 'x' }, carol)))).toBe(404);
    for (const [name, loader, suffix] of pages) {
      const result = await call(loader, get(`/beheer/cursussen/${mine.course.id}${suffix}`, carol), { id: mine.course.id });
      expect(statusOf(result), name).toBe(404);
    }
  });

  it('malformed ids and other organisations in the query are 404, never 500', async () => {
    for (const id of ['abc', "1' or '1'='1", '00000000-0000-4000-8000-000000000000', '']) {
      for (const [name, loader] of pages) {
        expect(statusOf(await call(loader, get(`/beheer/cursussen/x`, alice), { id })), `${name} ${id}`).toBe(404);
      }
    }
    const other = `?organisatie=${theirs.organisation.id}`;
    expect(statusOf(await call(list.loader, get(`/beheer/cursussen${other}`, alice)))).toBe(404);
    expect(statusOf(await call(list.loader, get('/beheer/cursussen?organisatie=nonsense', alice)))).toBe(404);
    expect(statusOf(await call(create.loader, get(`/beheer/cursussen/nieuw${other}`, alice)))).toBe(404);
    const created = await call(
      create.action,
      post(
        '/beheer/cursussen/nieuw',
        {
          organisationId: theirs.organisation.id,
          title: 'In hun naam',
          municipalityCode: 'GM0193',
          format: 'in-person',
          language: 'nl',
          capacity: '10',
          claimWindowHours: '48',
          reminderDaysBefore: '2',
        },
        alice,
      ),
    );
    expect(statusOf(created)).toBe(400);
    expect(dataOf<{ error: Record<string, string[]> }>(created).error.organisationId).toEqual(['Kies een van jouw organisaties.']);
    expect(await db().select().from(courses).where(eq(courses.title, 'In hun naam'))).toHaveLength(0);
  });
});

describe('a coordinator runs a course through the pages', () => {
  it('creates, adds a session, publishes, sees it listed, exports and messages', async () => {
    const empty = await call(create.action, post('/beheer/cursussen/nieuw', { organisationId: mine.organisation.id }, alice));
    expect(statusOf(empty)).toBe(400);
    const errors = dataOf<{ error: Record<string, string[]> }>(empty).error;
    expect(errors.title).toEqual(['Vul een titel in.']);
    expect(errors.municipalityCode).toEqual(['Kies een gemeente.']);
    expect(errors.capacity?.[0]).toMatch(/heel getal/);

    const bad = await call(
      create.action,
      post(
        '/beheer/cursussen/nieuw',
        {
          organisationId: mine.organisation.id,
          title: 'Test',
          municipalityCode: 'GM9999',
          format: 'online',
          onlineUrl: 'http://vergadering.example',
          language: 'nl',
          capacity: '10',
          claimWindowHours: '48',
          reminderDaysBefore: '2',
          registrationOpensAt: '2027-05-01T10:00',
          registrationClosesAt: '2027-04-01T10:00',
        },
        alice,
      ),
    );
    const badErrors = dataOf<{ error: Record<string, string[]> }>(bad).error;
    expect(badErrors.municipalityCode?.[0]).toMatch(/kennen we niet/);
    expect(badErrors.onlineUrl?.[0]).toMatch(/https:\/\//);
    expect(badErrors.registrationClosesAt?.[0]).toMatch(/later sluiten/);

    const created = (await call(
      create.action,
      post(
        '/beheer/cursussen/nieuw',
        {
          organisationId: mine.organisation.id,
          title: 'Politiek Actief Deventer',
          municipalityCode: 'GM0150',
          format: 'in-person',
          locationName: 'Stadhuis',
          language: 'nl',
          cost: '12,50',
          capacity: '15',
          claimWindowHours: '24',
          reminderDaysBefore: '3',
          registrationClosesAt: `${future.date}T12:00`,
        },
        alice,
      ),
    )) as Response;
    expect(created.status).toBe(303);
    const id = created.headers.get('Location')!.match(/\/beheer\/cursussen\/([0-9a-f-]{36})\?notice=course\.created#notice$/)![1]!;
    const [course] = await db().select().from(courses).where(eq(courses.id, id));
    expect(course).toMatchObject({
      status: 'draft',
      costCents: 1250,
      capacity: 15,
      claimWindowHours: 24,
      organisationId: mine.organisation.id,
    });
    expect(toLocalInputs(course!.registrationClosesAt!).dateTime).toBe(`${future.date}T12:00`);

    const refused = await call(overview.action, post(`/beheer/cursussen/${id}`, { intent: 'publish' }, alice), { id });
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<{ message: string }>(refused).message).toMatch(/minstens één bijeenkomst/);

    const backwards = await call(
      overview.action,
      post(`/beheer/cursussen/${id}`, { intent: 'add-session', date: future.date, startTime: '21:30', endTime: '19:30' }, alice),
      { id },
    );
    expect(dataOf<{ result: { error: Record<string, string[]> } }>(backwards).result.error.endTime).toEqual([
      'De eindtijd moet na de begintijd liggen.',
    ]);
    const added = (await call(
      overview.action,
      post(`/beheer/cursussen/${id}`, { intent: 'add-session', date: future.date, startTime: '19:30', endTime: '21:30' }, alice),
      { id },
    )) as Response;
    expect(added.headers.get('Location')).toBe(`/beheer/cursussen/${id}?notice=course.sessionSaved&told=0#notice`);
    const published = (await call(overview.action, post(`/beheer/cursussen/${id}`, { intent: 'publish' }, alice), {
      id,
    })) as Response;
    expect(published.headers.get('Location')).toBe(`/beheer/cursussen/${id}?notice=course.published#notice`);

    const listed = dataOf<{ courses: { id: string; status: string; confirmed: number; capacity: number }[] }>(
      await call(list.loader, get('/beheer/cursussen', alice)),
    );
    expect(listed.courses.find((c) => c.id === id)).toMatchObject({ status: 'published', confirmed: 0, capacity: 15 });
    expect(listed.courses.some((c) => c.id === theirs.course.id)).toBe(false);

    const nobody = await call(
      message.action,
      post(`/beheer/cursussen/${id}/bericht`, { subject: 'Hoi', body: 'Tot dinsdag', confirm: 'on' }, alice),
      { id },
    );
    expect(statusOf(nobody)).toBe(400);
    const addedPerson = (await call(
      people.action,
      post(
        `/beheer/cursussen/${id}/aanmeldingen`,
        { intent: 'add', name: 'Aad', email: 'aad@example.nl', municipalityCode: 'GM0150', locale: 'nl' },
        alice,
      ),
      { id },
    )) as Response;
    expect(addedPerson.headers.get('Location')).toBe(`/beheer/cursussen/${id}/aanmeldingen?notice=course.added#notice`);
    const sent = (await call(
      message.action,
      post(`/beheer/cursussen/${id}/bericht`, { subject: 'Hoi', body: 'Tot dinsdag', confirm: 'on' }, alice),
      { id },
    )) as Response;
    expect(sent.headers.get('Location')).toBe(`/beheer/cursussen/${id}/bericht?notice=courseMessage.queued&count=1#notice`);
    const progress = dataOf<{ batches: { total: number }[] }>(
      await call(message.loader, get(`/beheer/cursussen/${id}/bericht`, alice), { id }),
    );
    expect(progress.batches).toMatchObject([{ total: 1 }]);

    const csv = (await call(exportCsv.loader, get(`/beheer/cursussen/${id}/export.csv`, alice), { id })) as Response;
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('Content-Disposition')).toBe('attachment; filename="aanmeldingen-politiek-actief-deventer.csv"');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('\r\nAad;aad@example.nl;Deventer;;bevestigd;');
  });

  it('cancelling a course needs the confirmation step', async () => {
    const { course } = await createCourse(db(), { status: 'draft' });
    await db().update(courses).set({ organisationId: mine.organisation.id }).where(eq(courses.id, course.id));
    const id = course.id;
    // Without confirm=yes (the old box's "on" included) the action only goes to the step.
    for (const extra of [{}, { confirm: 'on' }] as Record<string, string>[]) {
      const unconfirmed = await call(overview.action, post(`/beheer/cursussen/${id}`, { intent: 'cancel-course', ...extra }, alice), {
        id,
      });
      expect(locationOf(unconfirmed)).toBe(`/beheer/cursussen/${id}?annuleren=ja#annuleren`);
      const [still] = await db().select().from(courses).where(eq(courses.id, id));
      expect(still?.status).toBe('draft');
    }
    const step = await call(overview.loader, get(`/beheer/cursussen/${id}?annuleren=ja`, alice), { id });
    expect(dataOf<{ cancelling: boolean }>(step).cancelling).toBe(true);
    const confirmed = (await call(overview.action, post(`/beheer/cursussen/${id}`, { intent: 'cancel-course', confirm: 'yes' }, alice), {
      id,
    })) as Response;
    expect(confirmed.headers.get('Location')).toBe(`/beheer/cursussen/${id}?notice=course.cancelled&count=0#notice`);
    const [row] = await db().select().from(courses).where(eq(courses.id, id));
    expect(row?.status).toBe('cancelled');
  });

  it('removing a question needs the confirmation step', async () => {
    const { course } = await createCourse(db(), { status: 'draft' });
    await db().update(courses).set({ organisationId: mine.organisation.id }).where(eq(courses.id, course.id));
    const id = course.id;
    const [question] = await db()
      .insert(courseQuestions)
      .values({ courseId: id, position: 1, kind: 'text', label: 'Welke partij?' })
      .returning();
    const stillThere = async () => (await db().select().from(courseQuestions).where(eq(courseQuestions.id, question!.id))).length;
    // The old one-click form (no confirm field) removes nothing: it goes to the confirmation step.
    const oneClick = await call(
      overview.action,
      post(`/beheer/cursussen/${id}`, { intent: 'remove-question', questionId: question!.id }, alice),
      {
        id,
      },
    );
    expect(statusOf(oneClick)).toBe(303);
    expect(locationOf(oneClick)).toBe(`/beheer/cursussen/${id}?vraag-verwijderen=${question!.id}#vraag-verwijderen`);
    const asked = await run(overview.loader, get(`/beheer/cursussen/${id}?vraag-verwijderen=${question!.id}`, alice), { id });
    expect(asked.questionToRemove).toEqual({ id: question!.id, label: 'Welke partij?' });
    expect(await stillThere()).toBe(1);
    const done = await call(
      overview.action,
      post(`/beheer/cursussen/${id}`, { intent: 'remove-question', questionId: question!.id, confirm: 'yes' }, alice),
      { id },
    );
    expect(locationOf(done)).toContain('notice=course.questionRemoved');
    expect(await stillThere()).toBe(0);
  });

  it('lowering the capacity below the confirmed people is a clear field error', async () => {
    const { course } = await createCourse(db(), { capacity: 3 });
    await db().update(courses).set({ organisationId: mine.organisation.id }).where(eq(courses.id, course.id));
    await signUp(db(), course.id, person('edit-a'));
    await signUp(db(), course.id, person('edit-b'));
    const id = course.id;
    const result = await call(
      edit.action,
      post(
        `/beheer/cursussen/${id}/bewerken`,
        {
          title: course.title,
          municipalityCode: 'GM0193',
          format: 'in-person',
          language: 'nl',
          capacity: '1',
          claimWindowHours: '48',
          reminderDaysBefore: '2',
        },
        alice,
      ),
      { id },
    );
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ error: Record<string, string[]> }>(result).error.capacity?.[0]).toMatch(/al 2 mensen een plaats/);
  });
});

describe('copy a course', () => {
  it('makes a draft copy at the chosen first date and opens its edit page; a refused form keeps the values', async () => {
    const id = mine.course.id;
    const page = dataOf<{ defaults: { title: string }; firstDate: string }>(
      await call(copy.loader, get(`/beheer/cursussen/${id}/kopieren`, alice), { id }),
    );
    expect(page.defaults.title).toBe(`${mine.course.title} (kopie)`);
    expect(page.firstDate).toBe(toLocalInputs(mine.sessions[0]!.startsAt).date);

    const refused = await call(copy.action, post(`/beheer/cursussen/${id}/kopieren`, { title: 'Volgend jaar', firstDate: '' }, alice), {
      id,
    });
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(refused)).toMatchObject({
      error: { firstDate: ['Kies de datum van de eerste bijeenkomst'] },
      initialValue: { title: 'Volgend jaar' },
    });

    const later = toLocalInputs(new Date(Date.now() + 400 * DAY)).date;
    const done = (await call(copy.action, post(`/beheer/cursussen/${id}/kopieren`, { title: 'Volgend jaar', firstDate: later }, alice), {
      id,
    })) as Response;
    expect(done.status).toBe(303);
    const match = /^\/beheer\/cursussen\/([0-9a-f-]{36})\/bewerken\?notice=course.copied#notice$/.exec(done.headers.get('Location') ?? '');
    expect(match).not.toBeNull();
    const [made] = await db().select().from(courses).where(eq(courses.id, match![1]!));
    expect(made).toMatchObject({ title: 'Volgend jaar', status: 'draft', organisationId: mine.organisation.id });
    const sessions = await db().select().from(courseSessions).where(eq(courseSessions.courseId, made!.id)).orderBy(courseSessions.startsAt);
    expect(toLocalInputs(sessions[0]!.startsAt).date).toBe(later);
    await db().delete(courses).where(eq(courses.id, made!.id));
  });
});
