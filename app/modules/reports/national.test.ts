import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { candidacyOutcomes, courseSessions, matches, organisations, registrations, sessionAttendance } from '~db/schema';
import { translator } from '~/i18n';
import { setupTestDatabase } from '../../../test/database';
import { createCourse } from '../../../test/courses';
import { createApplication, createMentor, createNetwork, createUser, tickRouteStep } from '../../../test/mentoring';
import { DAY, now, setClock } from '../clock.server';
import {
  countNationalYear,
  nationalFiguresOf,
  nationalTables,
  nationalYears,
  organisationsTakingPart,
  provinceList,
} from './national.server';

// The open national figures count people once a year over the organisations that take part, and
// nothing of the others.

const t = setupTestDatabase();
const db = () => t.handle.db;
const nl = translator('nl');

const daysFromNow = (days: number) => Math.round(days);

// The test setup puts the real clock back after each test.
const firstOctober = new Date('2026-10-01T10:00:00Z');
beforeAll(() => setClock(firstOctober));
beforeEach(() => setClock(firstOctober));

async function register(courseId: string, email: string, fields: Partial<typeof registrations.$inferInsert> = {}) {
  const [r] = await db()
    .insert(registrations)
    .values({
      courseId,
      name: email.split('@')[0]!,
      email,
      municipalityCode: 'GM0193', // Zwolle, Overijssel
      privacyVersion: '1.0',
      consentedAt: now(),
      status: 'confirmed',
      confirmedAt: now(),
      ...fields,
    })
    .returning();
  return r!;
}

async function attend(registrationId: string, courseId: string) {
  const [session] = await db().select().from(courseSessions).where(eq(courseSessions.courseId, courseId));
  await db().insert(sessionAttendance).values({ registrationId, sessionId: session!.id, attended: true });
}

const sum = (rows: Awaited<ReturnType<typeof countNationalYear>>, filter: (r: (typeof rows)[number]) => boolean = () => true) =>
  [0, 1, 2, 3, 4, 5].map((c) => rows.filter(filter).reduce((s, r) => s + r.counts[c]!, 0));

describe('national figures', () => {
  let takingPart: string;
  let other: string;

  beforeAll(async () => {
    // An organisation that takes part: two courses this year, one last year.
    const a1 = await createCourse(db(), { startsInDays: daysFromNow(-60), sessionCount: 2 });
    takingPart = a1.organisation.id;
    await db().update(organisations).set({ openFigures: true }).where(eq(organisations.id, takingPart));
    const a2 = await createCourse(db(), { organisationId: takingPart, startsInDays: daysFromNow(-30) });
    const lastYear = await createCourse(db(), { organisationId: takingPart, startsInDays: daysFromNow(-400) });
    // One that does not: its people are not counted, not even someone who also took part above.
    const b = await createCourse(db(), { startsInDays: daysFromNow(-20) });
    other = b.organisation.id;

    // Anna has an account, takes both courses and the other organisation's: one person.
    const anna = await createUser(db(), { email: 'anna@example.nl' });
    await register(a1.course.id, 'anna@example.nl', { userId: anna.id, municipalityCode: 'GM0363' });
    await register(a2.course.id, 'anna@example.nl', { userId: anna.id, municipalityCode: 'GM0363' });
    await register(b.course.id, 'anna@example.nl', { userId: anna.id });
    // A mentor in the organisation's network, a list and a seat.
    const network = await createNetwork(db(), { organisationId: takingPart });
    const { profile } = await createMentor(db(), [network.id]);
    const { application } = await createApplication(db(), network.id, { userId: anna.id, focusGroups: ['women'] });
    const [match] = await db()
      .insert(matches)
      .values({
        networkId: network.id,
        applicationId: application.id,
        mentorProfileId: profile.id,
        status: 'active',
        score: 50,
        proposedAt: now(),
        acceptedAt: now(),
      })
      .returning();
    // On her route to the list she sent her letter (step 4): on the route to a list.
    await tickRouteStep(db(), match!, 4);
    await db().insert(candidacyOutcomes).values({ userId: anna.id, electionId: 'gr2026', onList: true, elected: true });

    // Bert has no account, signed up twice with the same address (once cancelled) and attended.
    const bert = await register(a1.course.id, 'bert@example.nl');
    await attend(bert.id, a1.course.id);
    await register(a2.course.id, 'Bert@example.nl', { status: 'cancelled' });
    // Carla took last year's course only; Dirk only the other organisation's.
    await register(lastYear.course.id, 'carla@example.nl');
    await register(b.course.id, 'dirk@example.nl');
  });

  it('counts each person once a year, only for organisations that take part', async () => {
    const rows = await countNationalYear(db(), 2026);
    // signed up, attended, with a mentor, on the route to a list, on a list, elected
    expect(sum(rows)).toEqual([2, 1, 1, 1, 1, 1]);
    expect(sum(rows, (r) => r.provinceCode === 'PV27')).toEqual([1, 0, 1, 1, 1, 1]); // Anna lives in Amsterdam
    expect(sum(rows, (r) => r.provinceCode === 'PV23')).toEqual([1, 1, 0, 0, 0, 0]); // Bert in Zwolle
    expect(sum(rows, (r) => r.women)).toEqual([1, 0, 1, 1, 1, 1]);
    expect(sum(await countNationalYear(db(), 2025))).toEqual([1, 0, 0, 0, 0, 0]);
    expect(await organisationsTakingPart(db())).toBe(1);
    expect(await nationalYears(db())).toEqual([2026, 2025]);
  });

  it('publishes every count of 1–4 as "<5", and no stage of 1–4 people by province', async () => {
    const rows = await countNationalYear(db(), 2026);
    const provinces = await provinceList(db());
    const tiny = await nationalTables(nl, rows, provinces);
    expect(tiny.national.rows[0]!.cells.map((c) => c.suppressed)).toEqual([true, true, true, true, true, true]);
    // Every stage has 1–4 people in the whole country: none is broken down by province.
    expect(tiny.byProvince.columns).toEqual([]);
    expect(tiny.notBrokenDown).toEqual([
      'Aangemeld voor een cursus',
      'Aanwezig geweest',
      'Met een mentor',
      'Op weg naar de lijst',
      'Op een kandidatenlijst',
      'Gekozen',
    ]);

    // Seven more people in Zwolle who signed up (nobody else did anything): sign-ups by province.
    const more = [...rows, { provinceCode: 'PV23', women: false, practicallyEducated: false, counts: [7, 0, 0, 0, 0, 0] }];
    const tables = await nationalTables(nl, more, provinces);
    expect(tables.national.rows[0]!.cells.map((c) => (c.suppressed ? 'hidden' : c.value))).toEqual([
      9,
      'hidden',
      'hidden',
      'hidden',
      'hidden',
      'hidden',
    ]);
    expect(tables.byProvince.columns.map((c) => c.key)).toEqual(['signedUp']);
    expect(tables.byProvince.rows).toHaveLength(13); // twelve provinces and "unknown", also with 0
    const cellOf = (label: string) => tables.byProvince.rows.find((r) => r.label === label)!.cells[0]!;
    expect(cellOf('Zeeland')).toEqual({ value: 0, suppressed: false });
    expect(cellOf('Overijssel')).toEqual({ value: 8, suppressed: true }); // protects Noord-Holland's 1: "×"
    expect(cellOf('Noord-Holland')).toEqual({ value: 1, suppressed: true });
    expect(tables.byFocus.rows.map((r) => r.key)).toEqual(['women', 'practically-educated']);
  });

  it('keeps the count of the day, and counts again when an organisation joins', async () => {
    const first = await nationalFiguresOf(db(), 2026);
    await db().update(organisations).set({ openFigures: true }).where(eq(organisations.id, other));
    // The same day: the stored count stands (the page says when it was made).
    expect(sum((await nationalFiguresOf(db(), 2026)).rows)).toEqual(sum(first.rows));
    // The next day: counted again, now with Dirk.
    setClock(new Date(now().getTime() + DAY));
    const next = await nationalFiguresOf(db(), 2026);
    expect(sum(next.rows)[0]).toBe(3);
    expect(next.organisations).toBe(2);
    expect(next.computedAt.getTime()).toBeGreaterThan(first.computedAt.getTime());
    await db().update(organisations).set({ openFigures: false }).where(eq(organisations.id, other));
  });
});
