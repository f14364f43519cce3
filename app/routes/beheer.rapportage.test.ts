import { beforeAll, describe, expect, it } from 'vitest';
import {
  academies,
  candidacyOutcomes,
  courses,
  matches,
  organisationMemberships,
  registrations,
  sessionAttendance,
  users,
} from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse } from '../../test/courses';
import { createApplication, createMentor, createNetwork } from '../../test/mentoring';
import { createSession } from '~/modules/auth/session.server';
import { giveConsent } from '~/modules/privacy/consent.server';
import { DAY, now } from '~/modules/clock.server';
import type { Report } from '~/modules/reports/figures.server';
import * as page from './beheer.rapportage';
import * as csv from './beheer.rapportage[.csv]';

const t = setupTestDatabase();
const db = () => t.handle.db;

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const get = (path: string, cookie?: string) => new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
const call = (handler: Handler, request: Request) => handler({ request, params: {}, context: {} }).catch((thrown: unknown) => thrown);
const statusOf = (result: unknown) => {
  if (result instanceof Error) throw result;
  if (result instanceof Response) return result.status;
  const r = result as { type?: string; init?: { status?: number } | null };
  return r?.type === 'DataWithResponseInit' ? (r.init?.status ?? 200) : 200;
};
type PageData = {
  report: Report;
  errors: { from?: string[]; to?: string[] } | null;
  input: { from: string; to: string };
};
const dataOf = (result: unknown) => {
  const r = result as { type?: string; data?: unknown };
  return (r?.type === 'DataWithResponseInit' ? r.data : result) as PageData;
};

async function coordinatorOf(email: string, organisationId: string | null) {
  const [user] = await db()
    .insert(users)
    .values({ email, name: email.split('@')[0]!, emailVerifiedAt: now() })
    .returning();
  if (organisationId) await db().insert(organisationMemberships).values({ organisationId, userId: user!.id });
  const { token } = await createSession(db(), user!.id);
  return `pa_session=${token}`;
}

let n = 0;
async function register(courseId: string, municipalityCode: string, fields: Partial<typeof registrations.$inferInsert> = {}) {
  const i = ++n;
  const [r] = await db()
    .insert(registrations)
    .values({
      courseId,
      name: `Deelnemer ${i}`,
      email: `rapport-${i}@example.nl`,
      municipalityCode,
      privacyVersion: '1.0',
      consentedAt: now(),
      status: 'confirmed',
      confirmedAt: now(),
      ...fields,
    })
    .returning();
  return r!;
}

const show = (cell: { value: number; suppressed: boolean }) => (cell.suppressed ? '<5' : String(cell.value));
const rowOf = (table: Report['courses']['byProvince'], label: string) => table.rows.find((r) => r.label === label)!.cells.map(show);

let alice = '';
let bob = '';
let carol = '';
let mine: Awaited<ReturnType<typeof createCourse>>;
let theirs: Awaited<ReturnType<typeof createCourse>>;
let theirAcademy = '';
let myAcademy = '';

beforeAll(async () => {
  // A course that began 10 days ago, two sessions, completed after both.
  mine = await createCourse(db(), { startsInDays: -10, sessionCount: 2, completionThreshold: 2 });
  theirs = await createCourse(db(), { startsInDays: -10, sessionCount: 2 });
  alice = await coordinatorOf('alice-rapport@example.nl', mine.organisation.id);
  bob = await coordinatorOf('bob-rapport@example.nl', theirs.organisation.id);
  carol = await coordinatorOf('carol-rapport@example.nl', null);
  const [a] = await db().insert(academies).values({ organisationId: mine.organisation.id, name: 'Raadsledenacademie 2027' }).returning();
  const [b] = await db().insert(academies).values({ organisationId: theirs.organisation.id, name: 'Andere academie' }).returning();
  myAcademy = a!.id;
  theirAcademy = b!.id;

  // 3 people from Zwolle (Overijssel), 8 from Amsterdam (Noord-Holland), 1 cancelled from Utrecht.
  const zwolle = [];
  for (let i = 0; i < 3; i++) zwolle.push(await register(mine.course.id, 'GM0193', { source: 'social-media' }));
  const amsterdam = [];
  for (let i = 0; i < 8; i++) amsterdam.push(await register(mine.course.id, 'GM0363', { source: i < 6 ? 'party' : null }));
  await register(mine.course.id, 'GM0344', { status: 'cancelled', cancelledAt: now() });
  // Attendance: everyone from Amsterdam at both sessions except two who never came; Zwolle: one came once.
  const marks = [
    ...amsterdam.slice(0, 6).flatMap((r) => mine.sessions.map((s) => ({ registrationId: r.id, sessionId: s.id, attended: true }))),
    ...amsterdam.slice(6).flatMap((r) => mine.sessions.map((s) => ({ registrationId: r.id, sessionId: s.id, attended: false }))),
    { registrationId: zwolle[0]!.id, sessionId: mine.sessions[0]!.id, attended: true },
  ];
  await db().insert(sessionAttendance).values(marks);

  // The other organisation: 20 people who must never show up in Alice's figures.
  for (let i = 0; i < 20; i++) await register(theirs.course.id, 'GM0193');
});

const period = () => {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `van=${day(new Date(now().getTime() - 60 * DAY))}&tot=${day(new Date(now().getTime() + 60 * DAY))}`;
};

describe('/beheer/rapportage', () => {
  it('counts the course figures and hides 3 people from one province as "<5"', async () => {
    const result = await call(page.loader as Handler, get(`/beheer/rapportage?organisatie=${mine.organisation.id}&${period()}`, alice));
    expect(statusOf(result)).toBe(200);
    const { report } = dataOf(result);
    // sign-ups, confirmed, attended, completed, no-shows
    // Attended (7) is hidden too: with 11 confirmed and none still to start, 11 − 7 gives the 2 no-shows away.
    expect(report.courses.summary.map(show)).toEqual(['12', '11', '<5', '6', '<5']);
    // Overijssel (3 people) is hidden; Noord-Holland is then hidden too (secondary: otherwise 12 − 1 − 8 = 3),
    // Utrecht (1 cancelled sign-up) is hidden; every column of the table keeps zero or ≥ 2 hidden cells.
    expect(rowOf(report.courses.byProvince, 'Overijssel')[0]).toBe('<5');
    expect(rowOf(report.courses.byProvince, 'Utrecht')[0]).toBe('<5');
    // Noord-Holland: 8 confirmed hidden (the only other non-zero figure of the confirmed column, whose
    // total is published), so 2 no-shows cannot be had from 8 − 6 either.
    expect(rowOf(report.courses.byProvince, 'Noord-Holland')).toEqual(['8', '<5', '6', '6', '<5']);
    expect(rowOf(report.courses.byProvince, 'Overijssel')).toEqual(['<5', '<5', '<5', '0', '<5']);
    const table = report.courses.byProvince;
    for (let c = 0; c < table.columns.length; c++) {
      const hidden = table.rows.filter((r) => r.cells[c]!.suppressed).length + (table.total![c]!.suppressed ? 1 : 0);
      expect(hidden === 0 || hidden >= 2, table.columns[c]!.key).toBe(true);
    }
    // Nothing of the other organisation.
    expect(report.courses.summary[0]!.value).toBe(12);
  });

  it('secondary suppression when exactly one cell of a column is small', async () => {
    const result = await call(page.loader as Handler, get(`/beheer/rapportage?organisatie=${mine.organisation.id}&${period()}`, alice));
    const { report } = dataOf(result);
    // By source: social media 3 (hidden), party 6, not given 3 (2 from Amsterdam + 1 cancelled) → hidden.
    const sources = Object.fromEntries(report.courses.bySource.rows.map((r) => [r.label, show(r.cells[0]!)]));
    expect(sources).toEqual({ 'Via sociale media': '<5', 'Via een politieke partij': '6', 'Niet opgegeven': '<5' });
    // Confirmed: social media 3 (hidden), party 6, not given 2 (hidden) → two hidden, total 11 shown.
    expect(report.courses.bySource.total!.map(show)[1]).toBe('11');
    // Every line of the table (column with its total; confirmed = attended + no-shows) has zero or ≥ 2 hidden.
    for (const row of [...report.courses.bySource.rows.map((r) => r.cells), report.courses.bySource.total!]) {
      const hidden = [1, 2, 4].filter((c) => row[c]!.suppressed).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
  });

  it('the CSV has the same figures and the same "<5", in the Dutch Excel format', async () => {
    const response = (await call(
      csv.loader as Handler,
      get(`/beheer/rapportage.csv?organisatie=${mine.organisation.id}&${period()}`, alice),
    )) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/csv');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('\r\n');
    expect(text).toContain('\r\nOverijssel;<5;<5;<5;0;<5\r\n');
    expect(text).toContain('\r\nNoord-Holland;8;<5;6;6;<5\r\n');
    expect(text).toContain('\r\nIedereen;12;11;<5;6;<5\r\n');
    // The funnel cannot give the attended count away either (its people are the same here).
    expect(text).toMatch(/\r\n2026-\d\d;12;<5;6;/);
    expect(text).not.toMatch(/Overijssel;3/);
  });

  it('tenancy: another organisation or academy is a 404; no coordinator is a 404; visitors log in', async () => {
    for (const path of [
      `/beheer/rapportage?organisatie=${theirs.organisation.id}`,
      `/beheer/rapportage?organisatie=${mine.organisation.id}&academie=${theirAcademy}`,
      `/beheer/rapportage?organisatie=nonsense`,
    ]) {
      expect(statusOf(await call(page.loader as Handler, get(path, alice))), path).toBe(404);
      expect(statusOf(await call(csv.loader as Handler, get(path.replace('rapportage', 'rapportage.csv'), alice))), path).toBe(404);
    }
    expect(statusOf(await call(page.loader as Handler, get('/beheer/rapportage', carol)))).toBe(404);
    const anonymous = await call(page.loader as Handler, get('/beheer/rapportage'));
    expect(statusOf(anonymous)).toBe(302);
    // Bob sees his own 20, not Alice's 12.
    const { report } = dataOf(await call(page.loader as Handler, get(`/beheer/rapportage?${period()}`, bob)));
    expect(report.courses.summary[0]!.value).toBe(20);
    // Alice's own academy works (no course in it yet: zeros, which are shown).
    const own = dataOf(await call(page.loader as Handler, get(`/beheer/rapportage?academie=${myAcademy}&${period()}`, alice)));
    expect(own.report.courses.summary.map(show)).toEqual(['0', '0', '0', '0', '0']);
  });

  it('a date that is not a date: 400 with the field error, input kept', async () => {
    const result = await call(page.loader as Handler, get(`/beheer/rapportage?van=31-01-2026&tot=2026-02-30`, alice));
    expect(statusOf(result)).toBe(400);
    const d = dataOf(result);
    expect(d.errors?.from?.[0]).toMatch(/2026-01-31/);
    expect(d.errors?.to).toBeTruthy();
    expect(d.input.from).toBe('31-01-2026');
  });

  it('mentoring: focus groups only as self-identified, disability only with an active consent; funnel to elected', async () => {
    const network = await createNetwork(db(), { organisationId: mine.organisation.id, academyId: myAcademy });
    const { profile } = await createMentor(db(), [network.id], { capacity: 3 });
    const people = [];
    for (let i = 0; i < 7; i++) {
      const { user, application } = await createApplication(db(), network.id, {
        focusGroups: i < 5 ? ['women'] : [],
        source: 'newsletter',
      });
      people.push({ user, application });
    }
    // Two say they have a disability: one with consent, one without (must not count).
    const consentId = await giveConsent(db(), people[0]!.user.id, 'special-category', `application:${people[0]!.application.id}`);
    const { application: withConsent } = { application: people[0]!.application };
    const { eq } = await import('drizzle-orm');
    const { menteeApplications } = await import('~db/schema');
    await db()
      .update(menteeApplications)
      .set({ disability: true, disabilityConsentId: consentId })
      .where(eq(menteeApplications.id, withConsent.id));
    await db().update(menteeApplications).set({ disability: true }).where(eq(menteeApplications.id, people[1]!.application.id));
    // One accepted, active match, 3 days after the application.
    const accepted = new Date(people[2]!.application.createdAt.getTime() + 3 * DAY);
    await db().insert(matches).values({
      networkId: network.id,
      applicationId: people[2]!.application.id,
      mentorProfileId: profile.id,
      status: 'active',
      score: 80,
      proposedAt: people[2]!.application.createdAt,
      acceptedAt: accepted,
    });
    // A course participant (by email) who applied, was matched, got on a list and was elected.
    await db().update(users).set({ email: 'rapport-1@example.nl' }).where(eq(users.id, people[2]!.user.id));
    await db().insert(candidacyOutcomes).values({ userId: people[2]!.user.id, electionId: 'gr2026', onList: true, elected: true });

    const { report } = dataOf(await call(page.loader as Handler, get(`/beheer/rapportage?${period()}`, alice)));
    expect(report.mentoring.summary.map(show)).toEqual(['7', '<5', '<5', '0', '0', '<5', '0']);
    const focus = Object.fromEntries(report.mentoring.byFocus.rows.map((r) => [r.key, show(r.cells[0]!)]));
    expect(focus).toEqual({ women: '5', 'practically-educated': '0', disability: '<5' });
    expect(report.mentoring.byFocus.rows.find((r) => r.key === 'disability')!.cells[0]!.value).toBe(1);
    expect(report.mentoring.medianDays.days).toBeNull(); // one person: too few for a median
    expect(report.mentoring.capacity).toMatchObject({
      mentors: { value: 1, suppressed: true },
      capacity: 3,
      used: { value: 1, suppressed: true },
    });
    // Funnel of the course's month: 11 people signed up (+1 cancelled = 12 registrations, 12 people).
    const stages = report.funnel.total!.map((c) => c.value);
    expect(stages).toEqual([12, 7, 6, 1, 1, 1, 1]);
    expect(report.funnel.total!.slice(3).map(show)).toEqual(['<5', '<5', '<5', '<5']);
    // The course was in no academy: the academy cohort shows it as such.
    const byAcademy = dataOf(await call(page.loader as Handler, get(`/beheer/rapportage?groep=academie&${period()}`, alice)));
    expect(byAcademy.report.funnel.rows.map((r) => r.label)).toEqual(['Geen academie']);
    void courses;
  });
});
