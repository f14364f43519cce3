import { beforeEach, describe, expect, it } from 'vitest';
import { courseQuestions, courses } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createCourse, person } from '../../../test/courses';
import { DAY, HOUR, now } from '../clock.server';
import {
  catalogueQuery,
  escapeLike,
  getPublicCourse,
  listCatalogue,
  listMunicipalities,
  listProvinces,
  parseCatalogueFilters,
  PAGE_SIZE,
} from './catalogue.server';
import { cancelRegistration, signUp } from './registrations.server';

const t = setupTestDatabase();
const db = () => t.handle.db;
const titles = async (filters: Parameters<typeof listCatalogue>[1] = {}) =>
  (await listCatalogue(db(), filters, now())).items.map((i) => i.title);

beforeEach(async () => {
  await db().delete(courses);
});

describe('which courses the catalogue shows, and in what order', () => {
  it('shows published courses that have not ended; drafts, cancelled and past courses are hidden', async () => {
    await createCourse(db(), { title: 'Gepubliceerd' });
    await createCourse(db(), { title: 'Concept', status: 'draft', publishedAt: null });
    await createCourse(db(), { title: 'Afgelast', status: 'cancelled', cancelledAt: now() });
    await createCourse(db(), { title: 'Voorbij', startsInDays: -30, sessionCount: 2 });
    expect(await titles()).toEqual(['Gepubliceerd']);
  });

  it('lists upcoming courses by first session, then courses that are already running', async () => {
    await createCourse(db(), { title: 'Loopt al', startsInDays: -3, sessionCount: 3 });
    await createCourse(db(), { title: 'Over een maand', startsInDays: 30 });
    const { sessions } = await createCourse(db(), { title: 'Volgende week', startsInDays: 7 });
    expect(await titles()).toEqual(['Volgende week', 'Over een maand', 'Loopt al']);
    const [first] = (await listCatalogue(db(), {}, now())).items;
    expect(first!.firstSessionStart).toBeInstanceOf(Date);
    expect(first!.firstSessionStart.getTime()).toBe(sessions[0]!.startsAt.getTime());
    const running = (await listCatalogue(db(), {}, now())).items[2]!;
    expect(running.window).toBe('started');
  });

  it('puts courses in the chosen municipality first, then its neighbours, then online courses, and labels them', async () => {
    await createCourse(db(), { title: 'Online', format: 'online', municipalityCode: 'GM0935', startsInDays: 3 });
    await createCourse(db(), { title: 'Hattem (buurgemeente)', municipalityCode: 'GM0244', startsInDays: 5 });
    await createCourse(db(), { title: 'Dalfsen (buurgemeente)', municipalityCode: 'GM0148', startsInDays: 8 });
    await createCourse(db(), { title: 'Zwolle', municipalityCode: 'GM0193', startsInDays: 20 });
    await createCourse(db(), { title: 'Maastricht', municipalityCode: 'GM0935', startsInDays: 1 });
    await createCourse(db(), { title: 'Amsterdam (geen buur)', municipalityCode: 'GM0363', startsInDays: 2 });
    const { items, total } = await listCatalogue(db(), { municipality: 'GM0193' }, now());
    expect(items.map((i) => [i.title, i.nearness])).toEqual([
      ['Zwolle', 'in'],
      ['Hattem (buurgemeente)', 'nearby'],
      ['Dalfsen (buurgemeente)', 'nearby'],
      ['Online', 'online'],
    ]);
    expect(total).toBe(4);
    // Without a municipality there is no label.
    expect((await listCatalogue(db(), {}, now())).items.every((i) => i.nearness === null)).toBe(true);
  });
});

describe('filters', () => {
  beforeEach(async () => {
    await createCourse(db(), { title: 'Zwolle avond', municipalityCode: 'GM0193', startsInDays: 10 });
    await createCourse(db(), { title: 'Amsterdam online', municipalityCode: 'GM0363', format: 'online', address: '', startsInDays: 12 });
    await createCourse(db(), {
      title: 'Maastricht hybride',
      municipalityCode: 'GM0935',
      format: 'hybrid',
      locationName: 'Centre Céramique',
      address: 'Avenue Céramique 50, Maastricht',
      startsInDays: 70,
    });
  });

  it('by province, as a CBS code or a name', async () => {
    expect(await titles({ province: 'PV23' })).toEqual(['Zwolle avond']);
    expect(await titles({ province: 'limburg' })).toEqual(['Maastricht hybride']);
    expect(await titles({ province: 'Nergensland' })).toEqual([]);
  });

  it('by format', async () => {
    expect(await titles({ format: 'online' })).toEqual(['Amsterdam online']);
    expect(await titles({ format: 'in-person' })).toEqual(['Zwolle avond']);
  });

  it('by the month of the first session, in Dutch time', async () => {
    const first = new Date(now().getTime() + 70 * DAY);
    const month = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Amsterdam' })
      .format(first)
      .slice(0, 7);
    expect(await titles({ month })).toContain('Maastricht hybride');
    expect(await titles({ month })).not.toContain('Zwolle avond');
    expect(await titles({ month: '2001-01' })).toEqual([]);
  });

  it('by free text on title and place, case-insensitive', async () => {
    expect(await titles({ q: 'AVOND' })).toEqual(['Zwolle avond']);
    expect(await titles({ q: 'céramique' })).toEqual(['Maastricht hybride']);
    // The municipality's name counts as the place too.
    expect(await titles({ q: 'Amsterdam' })).toEqual(['Amsterdam online']);
  });

  it('treats % and _ in the search text as plain characters', async () => {
    await createCourse(db(), { title: 'Korting 100% gratis' });
    await createCourse(db(), { title: 'Raad_en_daad' });
    expect(await titles({ q: '%' })).toEqual(['Korting 100% gratis']);
    expect(await titles({ q: '_' })).toEqual(['Raad_en_daad']);
    // Unescaped, '_' would match any character: 'R_ad' would find 'Raad'.
    expect(await titles({ q: 'R_ad' })).toEqual([]);
    expect(await titles({ q: '100%' })).toEqual(['Korting 100% gratis']);
    expect(escapeLike('50%_\\')).toBe('50\\%\\_\\\\');
  });

  it('combines filters', async () => {
    expect(await titles({ format: 'online', q: 'zwolle' })).toEqual([]);
    expect(await titles({ municipality: 'GM0193', format: 'online' })).toEqual(['Amsterdam online']);
  });
});

describe('pages', () => {
  it('gives 20 courses a page with the total, and an empty page past the end', async () => {
    for (let i = 0; i < PAGE_SIZE + 5; i++)
      await createCourse(db(), { title: `Cursus ${String(i).padStart(2, '0')}`, startsInDays: 5 + i });
    const first = await listCatalogue(db(), {}, now());
    expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(20);
    const second = await listCatalogue(db(), { page: 2 }, now());
    expect(second.items.map((i) => i.title)).toEqual(['Cursus 20', 'Cursus 21', 'Cursus 22', 'Cursus 23', 'Cursus 24']);
    const beyond = await listCatalogue(db(), { page: 9 }, now());
    expect(beyond).toMatchObject({ items: [], total: 25, pageCount: 2 });
  });
});

describe('seats left', () => {
  it('is the capacity minus confirmed and offered registrations; a full course says so', async () => {
    const { course } = await createCourse(db(), { capacity: 3, claimWindowHours: 48, title: 'Klein' });
    const a = await signUp(db(), course.id, person('s1'));
    await signUp(db(), course.id, person('s2'));
    let [item] = (await listCatalogue(db(), {}, now())).items;
    expect(item).toMatchObject({ seatsLeft: 1, full: false, capacity: 3, sessionCount: 3 });
    await signUp(db(), course.id, person('s3'));
    await signUp(db(), course.id, person('s4')); // waitlisted
    [item] = (await listCatalogue(db(), {}, now())).items;
    expect(item).toMatchObject({ seatsLeft: 0, full: true });
    // A cancellation offers the seat to s4: the offered seat is still taken.
    await cancelRegistration(db(), a.status === 'confirmed' ? a.registrationId : '', 'participant');
    [item] = (await listCatalogue(db(), {}, now())).items;
    expect(item).toMatchObject({ seatsLeft: 0, full: true });
    const page = await getPublicCourse(db(), course.id);
    expect(page).toMatchObject({ seatsLeft: 0, availability: 'full' });
  });
});

describe('the public course', () => {
  it('is null for drafts, unknown ids and ids that are not UUIDs', async () => {
    const { course } = await createCourse(db(), { status: 'draft', publishedAt: null });
    expect(await getPublicCourse(db(), course.id)).toBeNull();
    expect(await getPublicCourse(db(), '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await getPublicCourse(db(), 'abc')).toBeNull();
    expect(await getPublicCourse(db(), "1' or '1'='1")).toBeNull();
  });

  it('has sessions, questions in order, the organiser and its state; never the online link', async () => {
    const { course, organisation } = await createCourse(db(), {
      format: 'online',
      onlineUrl: 'https://meet.example/geheim',
      registrationClosesAt: new Date(now().getTime() + 5 * DAY),
    });
    await db()
      .insert(courseQuestions)
      .values([
        { courseId: course.id, position: 2, kind: 'yes-no', label: 'Ben je lid van een partij?' },
        { courseId: course.id, position: 1, kind: 'choice', label: 'Welke avond?', options: ['dinsdag', 'donderdag'], required: true },
      ]);
    const page = (await getPublicCourse(db(), course.id))!;
    expect(page.organisationName).toBe(organisation.name);
    expect(page.municipalityName).toBe('Zwolle');
    expect(page.sessions).toHaveLength(3);
    expect(page.questions.map((q) => q.label)).toEqual(['Welke avond?', 'Ben je lid van een partij?']);
    expect(page.availability).toBe('open');
    expect(JSON.stringify(page)).not.toContain('meet.example');
  });

  it('says why sign-up is closed: deadline, started, ended, cancelled', async () => {
    const late = await createCourse(db(), { registrationClosesAt: new Date(now().getTime() - HOUR) });
    const running = await createCourse(db(), { startsInDays: -1 });
    const past = await createCourse(db(), { startsInDays: -30, sessionCount: 1 });
    const cancelled = await createCourse(db(), { status: 'cancelled' });
    expect((await getPublicCourse(db(), late.course.id))?.availability).toBe('deadline-passed');
    expect((await getPublicCourse(db(), running.course.id))?.availability).toBe('started');
    expect((await getPublicCourse(db(), past.course.id))?.availability).toBe('ended');
    expect((await getPublicCourse(db(), cancelled.course.id))?.availability).toBe('cancelled');
  });
});

describe('filter values from the address bar', () => {
  it('keeps what can be right and drops the rest', () => {
    const params = new URLSearchParams('province=pv23&municipality=gm0193&format=online&month=2027-02&q=%20raad%20&page=3');
    expect(parseCatalogueFilters(params)).toEqual({
      province: 'PV23',
      municipality: 'GM0193',
      format: 'online',
      month: '2027-02',
      q: 'raad',
      page: 3,
    });
    expect(parseCatalogueFilters(new URLSearchParams('municipality=Zwolle&format=x&month=2027-13&page=-1'))).toEqual({});
    expect(catalogueQuery({ q: 'a b', format: 'online' }, 2)).toBe('?q=a+b&format=online&page=2');
  });

  it('has all 342 municipalities and 12 provinces for the selects', async () => {
    expect(await listMunicipalities(db())).toHaveLength(342);
    const provinces = await listProvinces(db());
    expect(provinces).toHaveLength(12);
    expect(provinces[0]).toEqual({ code: 'PV22', name: 'Drenthe' });
  });
});
