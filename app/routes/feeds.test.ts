import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../test/database';
import { createCourse } from '../../test/courses';
import { call, dataOf, get } from '../../test/routes';
import { parseCalendar, toSecond } from '../../test/calendar';
import { DAY, HOUR } from '~/modules/clock.server';
import { cancelCourse } from '~/modules/courses/lifecycle.server';
import { moveSession } from '~/modules/courses/manage/sessions.server';
import { loader as municipalityFeed } from './agenda.gemeente.$file';
import { loader as provinceFeed } from './agenda.provincie.$file';
import { loader as organisationFeed } from './agenda.organisatie.$file';
import { loader as catalogueLoader } from './cursussen._index';

// Calendar subscriptions (issue 16, item 5): every feed read back with Mozilla's iCalendar parser.

const t = setupTestDatabase();
const db = () => t.handle.db;

type Loader = (args: { request: Request; params: Record<string, string>; context: { ip: string } }) => Promise<unknown>;

async function feed(loader: Loader, path: string) {
  const file = path.split('/').at(-1)!;
  const response = (await call(loader, get(path), { file })) as Response;
  return response;
}
async function feedText(loader: Loader, path: string) {
  const response = await feed(loader, path);
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toContain('text/calendar');
  return response.text();
}
const calendarProperty = (text: string, name: string) => new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue(name);

describe('iCalendar feeds per municipality, province and organisation', () => {
  it('a municipality feed: one VEVENT per session of its public courses, named, with a refresh interval; no drafts', async () => {
    const { course, sessions } = await createCourse(db(), { municipalityCode: 'GM0193', sessionCount: 3, title: 'Feed Zwolle' });
    const draft = await createCourse(db(), { municipalityCode: 'GM0193', status: 'draft', publishedAt: null, title: 'Geheim concept' });
    const elsewhere = await createCourse(db(), { municipalityCode: 'GM0363', title: 'Feed Amsterdam' });
    const text = await feedText(municipalityFeed as Loader, '/agenda/gemeente/GM0193.ics');
    const { events } = parseCalendar(text);
    const ours = events.filter((e) => sessions.some((s) => e.uid.startsWith(s.id)));
    expect(ours).toHaveLength(3);
    expect(ours.map((e) => e.start.getTime())).toEqual(sessions.map((s) => toSecond(s.startsAt).getTime()));
    expect(ours.map((e) => e.end.getTime())).toEqual(sessions.map((s) => toSecond(s.endsAt).getTime()));
    expect(ours.every((e) => e.status === 'CONFIRMED' && e.summary === course.title)).toBe(true);
    expect(text).not.toContain('Geheim concept');
    expect(events.some((e) => draft.sessions.some((s) => e.uid.startsWith(s.id)))).toBe(false);
    expect(events.some((e) => elsewhere.sessions.some((s) => e.uid.startsWith(s.id)))).toBe(false);
    expect(calendarProperty(text, 'x-wr-calname')).toBe('Cursussen Politiek Actief in Zwolle');
    expect(String(calendarProperty(text, 'refresh-interval'))).toMatch(/^PT?\d/);
    expect(String(calendarProperty(text, 'x-published-ttl'))).toMatch(/^PT?\d/);
    expect(calendarProperty(text, 'x-wr-timezone')).toBe('Europe/Amsterdam');
  });

  it('keeps UIDs stable and raises SEQUENCE when a session moves; a cancelled course becomes STATUS:CANCELLED', async () => {
    const { course, sessions, organisation } = await createCourse(db(), { sessionCount: 2 });
    const path = `/agenda/organisatie/${organisation.id}.ics`;
    const before = parseCalendar(await feedText(organisationFeed as Loader, path)).events;
    expect(before).toHaveLength(2);
    const startsAt = new Date(sessions[0]!.startsAt.getTime() + DAY);
    const scope = { organisationIds: [organisation.id] };
    await moveSession(db(), scope, course.id, sessions[0]!.id, { startsAt, endsAt: new Date(startsAt.getTime() + HOUR), location: '' });
    const moved = parseCalendar(await feedText(organisationFeed as Loader, path)).events;
    expect(moved.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    const movedFirst = moved.find((e) => e.uid === before[0]!.uid)!;
    expect(movedFirst.sequence).toBeGreaterThan(before[0]!.sequence);
    expect(movedFirst.start.getTime()).toBe(toSecond(startsAt).getTime());

    await cancelCourse(db(), course.id);
    const cancelled = parseCalendar(await feedText(organisationFeed as Loader, path)).events;
    expect(cancelled).toHaveLength(2);
    for (const event of cancelled) {
      expect(event.status).toBe('CANCELLED');
      expect(event.sequence).toBeGreaterThan(moved.find((e) => e.uid === event.uid)!.sequence);
    }
  });

  it('a province feed holds the courses of its municipalities', async () => {
    const { sessions } = await createCourse(db(), { municipalityCode: 'GM0193', sessionCount: 1 });
    const text = await feedText(provinceFeed as Loader, '/agenda/provincie/PV23.ics');
    expect(parseCalendar(text).events.some((e) => e.uid.startsWith(sessions[0]!.id))).toBe(true);
    expect(calendarProperty(text, 'x-wr-calname')).toBe('Cursussen Politiek Actief in Overijssel');
  });

  it('unknown codes and malformed names are 404, not errors', async () => {
    expect((await feed(municipalityFeed as Loader, '/agenda/gemeente/GM9999.ics')).status).toBe(404);
    expect((await feed(municipalityFeed as Loader, '/agenda/gemeente/GM0193')).status).toBe(404);
    expect((await feed(organisationFeed as Loader, '/agenda/organisatie/niet-een-id.ics')).status).toBe(404);
    expect((await feed(provinceFeed as Loader, "/agenda/provincie/'%3B.ics")).status).toBe(404);
  });

  it('the catalogue filtered on a municipality offers webcal:// and https links to its feed', async () => {
    const data = dataOf<{ feed: { https: string; webcal: string } | null }>(
      await call(catalogueLoader as Loader, get('/cursussen?municipality=GM0193')),
    );
    expect(data.feed?.https).toMatch(/^https?:\/\/[^/]+\/agenda\/gemeente\/GM0193\.ics$/);
    expect(data.feed?.webcal).toMatch(/^webcal:\/\/[^/]+\/agenda\/gemeente\/GM0193\.ics$/);
    const none = dataOf<{ feed: unknown }>(await call(catalogueLoader as Loader, get('/cursussen')));
    expect(none.feed).toBeNull();
  });
});
