import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { academies, courses, networks } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse } from '../../test/courses';
import { createNetwork, createUser } from '../../test/mentoring';
import { call, cookieFor, dataOf, get, locationOf, makeCoordinator, post, statusOf } from '../../test/routes';
import * as list from './beheer.academies._index';
import * as create from './beheer.academies.nieuw';
import * as edit from './beheer.academies.$id';

const t = setupTestDatabase();
const db = () => t.handle.db;

let mine: Awaited<ReturnType<typeof createCourse>>;
let mySecondCourse = '';
let myNetwork = '';
let theirs: Awaited<ReturnType<typeof createCourse>>;
let theirNetwork = '';
let alice = '';
let bob = '';
let multi = '';

beforeAll(async () => {
  mine = await createCourse(db(), { title: 'Cursus Zwolle' });
  mySecondCourse = (await createCourse(db(), { title: 'Cursus Kampen', organisationId: mine.organisation.id })).course.id;
  myNetwork = (await createNetwork(db(), { organisationId: mine.organisation.id, name: 'Netwerk Zwolle' })).id;
  theirs = await createCourse(db(), { title: 'Cursus Anders' });
  theirNetwork = (await createNetwork(db(), { organisationId: theirs.organisation.id, name: 'Netwerk Anders' })).id;
  const a = await createUser(db());
  await makeCoordinator(db(), a.id, mine.organisation.id);
  alice = await cookieFor(db(), a.id);
  const b = await createUser(db());
  await makeCoordinator(db(), b.id, theirs.organisation.id);
  bob = await cookieFor(db(), b.id);
  const m = await createUser(db());
  await makeCoordinator(db(), m.id, mine.organisation.id);
  await makeCoordinator(db(), m.id, theirs.organisation.id);
  multi = await cookieFor(db(), m.id);
});

const fields = (extra: Record<string, string | string[]> = {}) => ({
  organisationId: mine.organisation.id,
  name: 'Raadsledenacademie 2027',
  description: 'Alles voor nieuwe raadsleden.',
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  ...extra,
});

async function academyIdFrom(result: unknown, name: string) {
  expect(statusOf(result)).toBe(303);
  const [row] = await db().select().from(academies).where(eq(academies.name, name));
  return row!.id;
}

describe('academies', () => {
  it('a coordinator creates an academy with their own courses and networks', async () => {
    const loaded = dataOf<{ courses: { name: string }[]; networks: { name: string }[] }>(
      await call(create.loader, get('/beheer/academies/nieuw', alice)),
    );
    expect(loaded.courses.map((c) => c.name)).toEqual(['Cursus Kampen', 'Cursus Zwolle']);
    expect(loaded.networks.map((n) => n.name)).toEqual(['Netwerk Zwolle']);

    const result = await call(
      create.action,
      post('/beheer/academies/nieuw', fields({ courseIds: [mine.course.id, mySecondCourse], networkIds: myNetwork }), alice),
    );
    expect(locationOf(result)).toBe(`/beheer/academies?organisatie=${mine.organisation.id}&notice=academy.saved#notice`);
    const id = await academyIdFrom(result, 'Raadsledenacademie 2027');
    const [academy] = await db().select().from(academies).where(eq(academies.id, id));
    expect(academy).toMatchObject({ organisationId: mine.organisation.id, periodStart: '2027-01-01', periodEnd: '2027-12-31' });
    const attached = await db().select({ id: courses.id }).from(courses).where(eq(courses.academyId, id));
    expect(attached.map((c) => c.id).sort()).toEqual([mine.course.id, mySecondCourse].sort());
    expect((await db().select().from(networks).where(eq(networks.id, myNetwork)))[0]!.academyId).toBe(id);

    const listed = dataOf<{ organisations: { academies: { name: string; courses: number; networks: number }[] }[] }>(
      await call(list.loader, get('/beheer/academies', alice)),
    );
    expect(listed.organisations[0]!.academies).toMatchObject([{ name: 'Raadsledenacademie 2027', courses: 2, networks: 1 }]);
  });

  it('editing detaches what was unticked', async () => {
    const [academy] = await db().select().from(academies).where(eq(academies.name, 'Raadsledenacademie 2027'));
    const loaded = dataOf<{ academy: { name: string } }>(
      await call(edit.loader, get(`/beheer/academies/${academy!.id}`, alice), { id: academy!.id }),
    );
    expect(loaded.academy.name).toBe('Raadsledenacademie 2027');
    const result = await call(
      edit.action,
      post(`/beheer/academies/${academy!.id}`, fields({ name: 'Raadsledenacademie 2027/28', courseIds: mySecondCourse }), alice),
      { id: academy!.id },
    );
    expect(statusOf(result)).toBe(303);
    const attached = await db().select({ id: courses.id }).from(courses).where(eq(courses.academyId, academy!.id));
    expect(attached.map((c) => c.id)).toEqual([mySecondCourse]);
    expect((await db().select().from(networks).where(eq(networks.id, myNetwork)))[0]!.academyId).toBeNull();
    expect((await db().select().from(academies).where(eq(academies.id, academy!.id)))[0]!.name).toBe('Raadsledenacademie 2027/28');
  });

  it('another organisation’s course or network is never attached: the whole save is refused with 400', async () => {
    const before = (await db().select().from(academies)).length;
    const forgeries: Record<string, string | string[]>[] = [
      { courseIds: [mine.course.id, theirs.course.id] },
      { networkIds: theirNetwork },
      { courseIds: 'not-a-uuid' },
    ];
    for (const extra of forgeries) {
      const result = await call(create.action, post('/beheer/academies/nieuw', fields({ name: 'Vals', ...extra }), alice));
      expect(statusOf(result), JSON.stringify(extra)).toBe(400);
    }
    expect((await db().select().from(academies)).length).toBe(before);
    const [their] = await db().select().from(courses).where(eq(courses.id, theirs.course.id));
    expect(their!.academyId).toBeNull();
    expect((await db().select().from(networks).where(eq(networks.id, theirNetwork)))[0]!.academyId).toBeNull();

    // The same through the edit page.
    const [academy] = await db().select().from(academies).where(eq(academies.organisationId, mine.organisation.id));
    const forged = await call(edit.action, post(`/beheer/academies/${academy!.id}`, fields({ courseIds: theirs.course.id }), alice), {
      id: academy!.id,
    });
    expect(statusOf(forged)).toBe(400);
    expect((await db().select().from(courses).where(eq(courses.id, theirs.course.id)))[0]!.academyId).toBeNull();
  });

  it('a coordinator of several organisations cannot attach one organisation’s course to the other’s academy', async () => {
    const result = await call(
      create.action,
      post(
        '/beheer/academies/nieuw',
        fields({ organisationId: theirs.organisation.id, name: 'Gemengd', courseIds: mine.course.id }),
        multi,
      ),
    );
    expect(statusOf(result)).toBe(400);
    expect((await db().select().from(academies).where(eq(academies.name, 'Gemengd'))).length).toBe(0);
  });

  it('bad input keeps the rest and names the fields', async () => {
    type Reply = { error: Record<string, string[]>; initialValue: Record<string, string> };
    const result = await call(create.action, post('/beheer/academies/nieuw', fields({ name: '', periodStart: '1 januari' }), alice));
    expect(statusOf(result)).toBe(400);
    const reply = dataOf<Reply>(result);
    expect(Object.keys(reply.error).sort()).toEqual(['name', 'periodStart']);
    expect(reply.initialValue.description).toBe('Alles voor nieuwe raadsleden.');
    const backwards = await call(
      create.action,
      post('/beheer/academies/nieuw', fields({ periodStart: '2027-06-01', periodEnd: '2027-01-01' }), alice),
    );
    expect(statusOf(backwards)).toBe(400);
    expect(Object.keys(dataOf<Reply>(backwards).error)).toEqual(['periodEnd']);
  });

  it('another organisation’s academy is a 404 (page and save); forging the organisation is a 404', async () => {
    const [academy] = await db().select().from(academies).where(eq(academies.organisationId, mine.organisation.id));
    expect(statusOf(await call(edit.loader, get(`/beheer/academies/${academy!.id}`, bob), { id: academy!.id }))).toBe(404);
    const saved = await call(edit.action, post(`/beheer/academies/${academy!.id}`, fields({ name: 'Overgenomen' }), bob), {
      id: academy!.id,
    });
    expect(statusOf(saved)).toBe(404);
    expect((await db().select().from(academies).where(eq(academies.name, 'Overgenomen'))).length).toBe(0);
    const forged = await call(create.action, post('/beheer/academies/nieuw', fields({ name: 'Van Bob' }), bob));
    expect(statusOf(forged)).toBe(404);
    expect(statusOf(await call(create.loader, get(`/beheer/academies/nieuw?organisatie=${mine.organisation.id}`, bob)))).toBe(404);
    expect(statusOf(await call(list.loader, get(`/beheer/academies?organisatie=${mine.organisation.id}`, bob)))).toBe(404);
    const listed = JSON.stringify(dataOf(await call(list.loader, get('/beheer/academies', bob))));
    expect(listed).not.toContain('Raadsledenacademie');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'x']) {
      expect(statusOf(await call(edit.loader, get(`/beheer/academies/${id}`, alice), { id }))).toBe(404);
    }
  });

  it('with several organisations the new page asks which one first', async () => {
    const loaded = dataOf<{ organisation: unknown; choices: { id: string }[] }>(
      await call(create.loader, get('/beheer/academies/nieuw', multi)),
    );
    expect(loaded.organisation).toBeNull();
    expect(loaded.choices.map((c) => c.id).sort()).toEqual([mine.organisation.id, theirs.organisation.id].sort());
    const chosen = dataOf<{ courses: { id: string }[] }>(
      await call(create.loader, get(`/beheer/academies/nieuw?organisatie=${theirs.organisation.id}`, multi)),
    );
    const ids = chosen.courses.map((c) => c.id);
    const rows = await db().select().from(courses).where(inArray(courses.id, ids));
    expect(rows.every((r) => r.organisationId === theirs.organisation.id)).toBe(true);
  });
});

describe('an organisation with many courses', () => {
  it('the academy page lists one page of courses, the academy’s own first, searchable; a save detaches only what it showed', async () => {
    const org = await createCourse(db(), { title: 'Cursus 000' });
    const organisationId = org.organisation.id;
    const ids = [org.course.id];
    for (let i = 1; i < 60; i++) {
      ids.push((await createCourse(db(), { title: `Cursus ${String(i).padStart(3, '0')}`, organisationId })).course.id);
    }
    const user = await createUser(db());
    await makeCoordinator(db(), user.id, organisationId);
    const cookie = await cookieFor(db(), user.id);
    // An academy holding the last course (by title on page 2 of the plain list) and the first.
    const [academy] = await db().insert(academies).values({ organisationId, name: 'Groot', createdAt: new Date() }).returning();
    await db()
      .update(courses)
      .set({ academyId: academy!.id })
      .where(inArray(courses.id, [ids[0]!, ids[59]!]));

    type Loaded = { courses: { id: string; name: string }[]; courseTotal: number; coursesInAcademy: number };
    const first = dataOf<Loaded>(await call(edit.loader, get(`/beheer/academies/${academy!.id}`, cookie), { id: academy!.id }));
    expect(first.courses).toHaveLength(50);
    expect(first.courseTotal).toBe(60);
    expect(first.coursesInAcademy).toBe(2);
    expect(first.courses.slice(0, 3).map((c) => c.name)).toEqual(['Cursus 000', 'Cursus 059', 'Cursus 001']);
    const second = dataOf<Loaded>(await call(edit.loader, get(`/beheer/academies/${academy!.id}?pagina=2`, cookie), { id: academy!.id }));
    expect(second.courses).toHaveLength(10);
    expect(new Set([...first.courses, ...second.courses].map((c) => c.id)).size).toBe(60);
    const found = dataOf<Loaded>(await call(edit.loader, get(`/beheer/academies/${academy!.id}?zoek=042`, cookie), { id: academy!.id }));
    expect(found.courses.map((c) => c.name)).toEqual(['Cursus 042']);
    expect(found.courseTotal).toBe(1);

    // Page 2 showed courses 049–058: ticking 050 there keeps 000 and 059 (page 1) in the academy.
    const save = (shownCourseIds: string[], courseIds: string) =>
      call(edit.action, post(`/beheer/academies/${academy!.id}`, { organisationId, name: 'Groot', shownCourseIds, courseIds }, cookie), {
        id: academy!.id,
      });
    const attached = async () =>
      (await db().select({ id: courses.id }).from(courses).where(eq(courses.academyId, academy!.id))).map((c) => c.id).sort();
    expect(second.courses[0]!.name).toBe('Cursus 049');
    expect(
      statusOf(
        await save(
          second.courses.map((c) => c.id),
          ids[50]!,
        ),
      ),
    ).toBe(303);
    expect(await attached()).toEqual([ids[0]!, ids[50]!, ids[59]!].sort());
    // Page 1 showed 000 and 059: unticking 000 there detaches it, and 050 (not shown there) stays.
    expect(
      statusOf(
        await save(
          first.courses.map((c) => c.id),
          ids[59]!,
        ),
      ),
    ).toBe(303);
    expect(await attached()).toEqual([ids[50]!, ids[59]!].sort());

    // The new-academy page is paged the same way.
    const fresh = dataOf<Loaded>(await call(create.loader, get(`/beheer/academies/nieuw?organisatie=${organisationId}`, cookie)));
    expect(fresh.courses).toHaveLength(50);
    expect(fresh.courseTotal).toBe(60);
  });
});
