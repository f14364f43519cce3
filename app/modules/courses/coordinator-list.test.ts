import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { courses } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createCourse } from '../../../test/courses';
import { now } from '../clock.server';
import { COURSE_LIST_PAGE_SIZE, courseListQueryString, parseCourseListQuery } from './coordinator-list';
import { listCoordinatorCourses } from './coordinator-list.server';

const t = setupTestDatabase();
const db = () => t.handle.db;

describe('parseCourseListQuery', () => {
  it('keeps known filters, a trimmed search and a sane page; drops the rest', () => {
    expect(parseCourseListQuery(new URLSearchParams('filter=lopend&zoek=%20Zwolle%20&pagina=3'))).toEqual({
      filter: 'lopend',
      q: 'Zwolle',
      page: 3,
    });
    expect(parseCourseListQuery(new URLSearchParams('filter=alles&pagina=-4'))).toEqual({ filter: null, q: '', page: 1 });
    expect(courseListQueryString({ organisatie: 'o', filter: 'concept', q: 'a b', page: 2 })).toBe(
      '?organisatie=o&filter=concept&zoek=a+b&pagina=2',
    );
    expect(courseListQueryString({ filter: null, q: '', page: 1 })).toBe('');
  });
});

describe('listCoordinatorCourses', () => {
  it('opens on the next courses first, filters by where a course stands and searches title and municipality', async () => {
    // One organisation with a course of each kind.
    const later = await createCourse(db(), { startsInDays: 40, sessionCount: 1, title: 'Later dit jaar' });
    const org = later.organisation.id;
    const own = { organisationId: org };
    const soon = await createCourse(db(), { startsInDays: 5, sessionCount: 1, title: 'Bijna' });
    const running = await createCourse(db(), { startsInDays: -8, sessionCount: 3, title: 'Halverwege' });
    const past = await createCourse(db(), { startsInDays: -60, sessionCount: 1, title: 'Vorig voorjaar' });
    const draft = await createCourse(db(), {
      startsInDays: 20,
      sessionCount: 1,
      title: 'Nog een idee',
      status: 'draft',
      publishedAt: null,
    });
    const cancelled = await createCourse(db(), { startsInDays: 10, sessionCount: 1, title: 'Gaat niet door', status: 'cancelled' });
    const amsterdam = await createCourse(db(), { startsInDays: 30, sessionCount: 1, title: 'Raadswerk', municipalityCode: 'GM0363' });
    for (const c of [soon, running, past, draft, cancelled, amsterdam])
      await db().update(courses).set(own).where(eq(courses.id, c.course.id));
    // Another organisation's course never shows.
    const foreign = await createCourse(db(), { startsInDays: 1, sessionCount: 1, title: 'Van een ander' });

    const list = (filter: string | null, q = '') =>
      listCoordinatorCourses(db(), [org], { filter: filter as never, q, page: 1 }, now()).then((r) => r.courses.map((c) => c.title));

    expect(await list(null)).toEqual([
      'Bijna',
      'Raadswerk',
      'Later dit jaar',
      'Halverwege',
      'Nog een idee',
      'Vorig voorjaar',
      'Gaat niet door',
    ]);
    expect(await list('komend')).toEqual(['Bijna', 'Raadswerk', 'Later dit jaar']);
    expect(await list('lopend')).toEqual(['Halverwege']);
    expect(await list('afgelopen')).toEqual(['Vorig voorjaar']);
    expect(await list('concept')).toEqual(['Nog een idee']);
    expect(await list('geannuleerd')).toEqual(['Gaat niet door']);
    // The search looks in titles and municipality names, case-insensitively; % is a plain character.
    expect(await list(null, 'amsterdam')).toEqual(['Raadswerk']);
    expect(await list(null, 'HALVE')).toEqual(['Halverwege']);
    expect(await list('komend', 'zwolle')).toEqual(['Bijna', 'Later dit jaar']);
    expect(await list(null, '%')).toEqual([]);
    expect((await listCoordinatorCourses(db(), [org], { filter: null, q: '', page: 1 }, now())).total).toBe(7);
    expect(await list(null, foreign.course.title)).toEqual([]);
    expect(await listCoordinatorCourses(db(), [], { filter: null, q: '', page: 1 }, now())).toEqual({
      courses: [],
      total: 0,
      pageCount: 1,
    });
  });

  it('pages by the page size, with the total of the whole filter', async () => {
    const first = await createCourse(db(), { startsInDays: 3, sessionCount: 1 });
    const org = first.organisation.id;
    for (let i = 0; i < COURSE_LIST_PAGE_SIZE; i++) {
      const c = await createCourse(db(), { startsInDays: 4 + i, sessionCount: 1 });
      await db().update(courses).set({ organisationId: org }).where(eq(courses.id, c.course.id));
    }
    const one = await listCoordinatorCourses(db(), [org], { filter: 'komend', q: '', page: 1 }, now());
    const two = await listCoordinatorCourses(db(), [org], { filter: 'komend', q: '', page: 2 }, now());
    expect([one.courses.length, two.courses.length, one.total, one.pageCount]).toEqual([
      COURSE_LIST_PAGE_SIZE,
      1,
      COURSE_LIST_PAGE_SIZE + 1,
      2,
    ]);
    expect(one.courses[0]!.id).toBe(first.course.id);
  });
});
