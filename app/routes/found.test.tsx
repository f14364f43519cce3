import { eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { courses } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse, person } from '../../test/courses';
import { call, dataOf, get, statusOf } from '../../test/routes';
import { JsonLd } from '~/components/json-ld';
import { DAY, HOUR } from '~/modules/clock.server';
import { moveSession } from '~/modules/courses/manage/sessions.server';
import { signUp } from '~/modules/courses/registrations.server';
import { getEnv } from '~/env.server';
import { loader as courseLoader, meta as courseMeta } from './cursussen.$id';
import { loader as sitemapLoader } from './sitemap[.xml]';
import { loader as robotsLoader } from './robots[.txt]';

// Found where people look (issue 16, item 3): the schema.org Event on each course page, read back from
// the rendered HTML as a search engine reads it, the Open Graph tags, and sitemap.xml with robots.txt.

const t = setupTestDatabase();
const db = () => t.handle.db;

type CourseData = { jsonLd: string; openGraph: { url: string } };

/** The course page's JSON-LD as a crawler sees it: the script element in the HTML, parsed. */
async function eventOf(courseId: string) {
  const result = await call(courseLoader as never, get(`/cursussen/${courseId}`), { id: courseId });
  expect(statusOf(result)).toBe(200);
  const html = renderToStaticMarkup(<JsonLd json={dataOf<CourseData>(result).jsonLd} />);
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const S = 'https://schema.org/';

describe('schema.org Event on the course page', () => {
  it('an on-site course: a Place with its postal address, the first and last session, free and open', async () => {
    const { course, sessions, organisation } = await createCourse(db(), { sessionCount: 3 });
    const event = await eventOf(course.id);
    expect(event['@context']).toBe('https://schema.org');
    expect(event['@type']).toBe('Event');
    expect(event.name).toBe(course.title);
    expect(event.description).toBe('Drie avonden over de gemeenteraad.');
    expect(event.startDate).toBe(sessions[0]!.startsAt.toISOString());
    expect(event.endDate).toBe(sessions[2]!.endsAt.toISOString());
    expect(event.eventAttendanceMode).toBe(`${S}OfflineEventAttendanceMode`);
    expect(event.eventStatus).toBe(`${S}EventScheduled`);
    expect(event.location).toMatchObject({
      '@type': 'Place',
      name: 'Stadhuis',
      address: { '@type': 'PostalAddress', streetAddress: 'Grote Kerkplein 15, Zwolle', addressLocality: 'Zwolle', addressCountry: 'NL' },
    });
    expect(event.organizer).toEqual({ '@type': 'Organization', name: organisation.name });
    expect(event.offers).toMatchObject({ '@type': 'Offer', price: '0.00', priceCurrency: 'EUR', availability: `${S}InStock` });
    expect(event.offers.url).toBe(`${getEnv().appUrl}/cursussen/${course.id}/aanmelden`);
  });

  it('an online course: a VirtualLocation that never gives away the meeting link', async () => {
    const { course } = await createCourse(db(), {
      format: 'online',
      locationName: '',
      address: '',
      onlineUrl: 'https://meet.example/geheim',
    });
    const event = await eventOf(course.id);
    expect(event.eventAttendanceMode).toBe(`${S}OnlineEventAttendanceMode`);
    expect(event.location).toEqual({ '@type': 'VirtualLocation', url: `${getEnv().appUrl}/cursussen/${course.id}` });
    expect(JSON.stringify(event)).not.toContain('geheim');
  });

  it('a cancelled course says EventCancelled and no longer offers seats', async () => {
    const { course } = await createCourse(db(), { status: 'cancelled', cancelledAt: new Date() });
    const event = await eventOf(course.id);
    expect(event.eventStatus).toBe(`${S}EventCancelled`);
    expect(event.offers.availability).toBe(`${S}Discontinued`);
  });

  it('a full course is SoldOut', async () => {
    const { course } = await createCourse(db(), { capacity: 1 });
    expect((await signUp(db(), course.id, person('found-full'))).status).toBe('confirmed');
    const event = await eventOf(course.id);
    expect(event.offers.availability).toBe(`${S}SoldOut`);
    expect(event.eventStatus).toBe(`${S}EventScheduled`);
  });

  it('a course whose session was moved is EventRescheduled, with the new dates', async () => {
    const { course, sessions, organisation } = await createCourse(db(), { sessionCount: 1 });
    const startsAt = new Date(sessions[0]!.startsAt.getTime() + 2 * DAY);
    const moved = await moveSession(db(), { organisationIds: [organisation.id] }, course.id, sessions[0]!.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      location: '',
    });
    expect(moved.status).toBe('saved');
    const event = await eventOf(course.id);
    expect(event.eventStatus).toBe(`${S}EventRescheduled`);
    expect(event.startDate).toBe(startsAt.toISOString());
  });

  it('a hybrid course has both a Place and a VirtualLocation', async () => {
    const { course } = await createCourse(db(), { format: 'hybrid' });
    const event = await eventOf(course.id);
    expect(event.eventAttendanceMode).toBe(`${S}MixedEventAttendanceMode`);
    expect(event.location.map((l: { '@type': string }) => l['@type'])).toEqual(['Place', 'VirtualLocation']);
  });

  it('a course text cannot close the script element', async () => {
    const { course } = await createCourse(db(), { title: 'Raad </script><script>alert(1)</script>' });
    const event = await eventOf(course.id);
    expect(event.name).toBe('Raad </script><script>alert(1)</script>');
  });

  it('carries Open Graph tags with the course title and its address', async () => {
    const { course } = await createCourse(db());
    const data = dataOf<CourseData>(await call(courseLoader as never, get(`/cursussen/${course.id}`), { id: course.id }));
    const tags = courseMeta({ data, matches: [], params: { id: course.id }, location: {} } as never) as Record<string, string>[];
    const og = (property: string) => tags.find((tag) => tag.property === property)?.content;
    expect(og('og:title')).toBe(course.title);
    expect(og('og:url')).toBe(`${getEnv().appUrl}/cursussen/${course.id}`);
    expect(og('og:description')).toBe('Drie avonden over de gemeenteraad.');
    expect(og('og:type')).toBe('website');
  });

  it('a draft course has no page at all', async () => {
    const { course } = await createCourse(db(), { status: 'draft', publishedAt: null });
    const result = await call(courseLoader as never, get(`/cursussen/${course.id}`), { id: course.id });
    expect(statusOf(result)).toBe(404);
  });
});

describe('sitemap.xml and robots.txt', () => {
  it('lists the main pages and published courses, never a draft, cancelled or ended course', async () => {
    const published = await createCourse(db(), { title: 'Openbare cursus' });
    const draft = await createCourse(db(), { status: 'draft', publishedAt: null, title: 'Geheim concept' });
    const cancelled = await createCourse(db(), { status: 'cancelled' });
    const ended = await createCourse(db(), { startsInDays: -30, sessionCount: 1 });
    await db().update(courses).set({ updatedAt: new Date() }).where(eq(courses.id, published.course.id));
    const response = (await sitemapLoader()) as Response;
    expect(response.headers.get('Content-Type')).toContain('application/xml');
    const xml = await response.text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const app = getEnv().appUrl;
    expect(locs).toEqual(expect.arrayContaining([`${app}/`, `${app}/cursussen`, `${app}/cursussen/${published.course.id}`]));
    expect(locs).not.toContain(`${app}/cursussen/${draft.course.id}`);
    expect(locs).not.toContain(`${app}/cursussen/${cancelled.course.id}`);
    expect(locs).not.toContain(`${app}/cursussen/${ended.course.id}`);
    expect(xml).not.toContain('Geheim concept');
  });

  it('robots.txt points at the sitemap', async () => {
    const text = await ((await robotsLoader()) as Response).text();
    expect(text).toContain(`Sitemap: ${getEnv().appUrl}/sitemap.xml`);
    expect(text).toMatch(/^User-agent: \*$/m);
  });
});
