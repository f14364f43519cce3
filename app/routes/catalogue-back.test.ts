import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../test/database';
import { createCourse } from '../../test/courses';
import { call, dataOf, get, statusOf } from '../../test/routes';
import { loader as catalogueLoader } from './cursussen._index';
import { loader as courseLoader } from './cursussen.$id';

// The catalogue keeps its filters when a person goes back from a course (issue 16, item 9): the
// course links carry the catalogue's query, and the course page's "back" link returns it.

const t = setupTestDatabase();
const db = () => t.handle.db;

describe('back from a course to the filtered catalogue', () => {
  it('the catalogue’s course links carry its filters and page', async () => {
    await createCourse(db(), { title: 'Politiek Actief Zwolle terug' });
    const result = await call(catalogueLoader as never, get('/cursussen?province=PV23&municipality=GM0193&q=terug'));
    expect(statusOf(result)).toBe(200);
    const data = dataOf<{ linkQuery: string; items: { title: string }[] }>(result);
    expect(data.items.map((i) => i.title)).toEqual(['Politiek Actief Zwolle terug']);
    expect(data.linkQuery).toBe('?q=terug&province=PV23&municipality=GM0193');
  });

  it('the course page links back with the same filters, and with nothing else from its address', async () => {
    const { course } = await createCourse(db());
    const plain = await call(courseLoader as never, get(`/cursussen/${course.id}`), { id: course.id });
    expect(dataOf<{ backHref: string }>(plain).backHref).toBe('/cursussen');
    const filtered = await call(
      courseLoader as never,
      get(`/cursussen/${course.id}?q=raad&province=PV23&format=online&month=2027-03&page=2&utm_source=krant&evil=%3Cx%3E`),
      { id: course.id },
    );
    expect(dataOf<{ backHref: string }>(filtered).backHref).toBe('/cursussen?q=raad&province=PV23&format=online&month=2027-03&page=2');
  });
});
