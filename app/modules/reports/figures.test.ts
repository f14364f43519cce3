import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  academies,
  candidacyOutcomes,
  courseSessions,
  courses,
  matches,
  menteeApplications,
  organisations,
  registrations,
  sessionAttendance,
  users,
} from '~db/schema';
import { rowsOf } from '~db/client.server';
import { translator } from '~/i18n';
import { DAY, HOUR, now } from '~/modules/clock.server';
import { setupTestDatabase } from '../../../test/database';
import { createMentor, createNetwork, tickRouteStep } from '../../../test/mentoring';
import { buildReport, type FigureTable, type ReportScope } from './figures.server';

// The report's figures are counted in PostgreSQL. This file builds a varied organisation (courses
// inside and outside the period, on the period's edges in Dutch time, without sessions, not started
// yet; every registration status; people with an account, with only a matching address, without
// one; attendance below and above each course's threshold; mentoring in this and another
// organisation; candidacies) and checks every figure against counts made here, in plain code, from
// the rows as they were inserted.

const t = setupTestDatabase();
const db = () => t.handle.db;
const tr = translator('nl');

/** A small seeded generator (mulberry32), so a failure can be repeated. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const dutchDay = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
/** An instant given as a wall-clock time in Amsterdam in winter (UTC+1). */
const amsterdamWinter = (isoLocal: string) => new Date(new Date(`${isoLocal}Z`).getTime() - HOUR);

const values = (table: FigureTable) => Object.fromEntries(table.rows.map((r) => [r.key, r.cells.map((c) => c.value)]));

type Reg = {
  id: string;
  courseId: string;
  status: string;
  userId: string | null;
  email: string;
  municipality: string | null;
  source: string | null;
  utm: string | null;
};
type Course = { id: string; organisationId: string; academyId: string | null; starts: Date[]; threshold: number | null };

describe('report figures counted in SQL', () => {
  const scope = {} as ReportScope;
  const data = {
    courses: [] as Course[],
    regs: [] as Reg[],
    attended: new Map<string, number>(),
    users: [] as { id: string; email: string }[],
    provinces: new Map<string, string>(),
    applications: [] as { id: string; userId: string; organisationId: string; createdAt: Date }[],
    matches: [] as { applicationId: string; status: string; proposedAt: Date | null; acceptedAt: Date | null }[],
    outcomes: [] as { userId: string; onList: boolean; elected: boolean }[],
    /** Applications with an accepted match whose route reached the "on the route to a list" stage. */
    onRoute: new Set<string>(),
  };

  beforeAll(async () => {
    const rnd = random(20261207);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
    const [orgA, orgB] = await db()
      .insert(organisations)
      .values([
        { name: 'Vereniging A', slug: 'figures-a', kind: 'association' },
        { name: 'Vereniging B', slug: 'figures-b', kind: 'association' },
      ])
      .returning();
    const acs = await db()
      .insert(academies)
      .values([
        { organisationId: orgA!.id, name: 'Academie Noord' },
        { organisationId: orgA!.id, name: 'Academie Zuid' },
      ])
      .returning();
    Object.assign(scope, { organisationId: orgA!.id, academyId: null, from: '2025-01-01', to: '2026-12-31' });

    const municipalities = rowsOf<{ code: string; province_code: string }>(
      await db().execute(
        sql`select distinct on (province_code) code, province_code from municipalities order by province_code, code limit 6`,
      ),
    );
    for (const m of municipalities) data.provinces.set(m.code, m.province_code);
    const codes = [...data.provinces.keys(), null];

    data.users = await db()
      .insert(users)
      .values(Array.from({ length: 40 }, (_, i) => ({ email: `figuren-${i}@example.org`, name: `Persoon ${i}` })))
      .returning({ id: users.id, email: users.email });

    // Courses: first sessions spread over 2024-10 … 2027-03, and four on the period's edges.
    const edges = [
      amsterdamWinter('2025-01-01T00:30:00'), // in: the first day, just after midnight in Amsterdam
      amsterdamWinter('2024-12-31T23:30:00'), // out: the last evening before the period
      amsterdamWinter('2026-12-31T23:30:00'), // in: the last day (UTC already 22:30 on the 31st)
      amsterdamWinter('2027-01-01T00:15:00'), // out: the day after (UTC still 2026-12-31 23:15)
    ];
    const firstStarts: (Date | null)[] = [...edges, null];
    const spanStart = Date.UTC(2024, 9, 1);
    const spanEnd = Date.UTC(2027, 2, 1);
    while (firstStarts.length < 22) firstStarts.push(new Date(spanStart + rnd() * (spanEnd - spanStart)));
    firstStarts.push(new Date(now().getTime() - 2 * DAY), new Date(now().getTime() + 3 * DAY)); // running, upcoming
    for (const [i, first] of firstStarts.entries()) {
      const organisationId = i % 8 === 5 ? orgB!.id : orgA!.id;
      const academyId = organisationId === orgA!.id ? pick([acs[0]!.id, acs[1]!.id, null]) : null;
      const threshold = pick([null, 1, 2, 3, 5]);
      const [course] = await db()
        .insert(courses)
        .values({
          organisationId,
          academyId,
          title: `Cursus ${i}`,
          municipalityCode: 'GM0193',
          format: 'in-person',
          capacity: 20,
          status: 'published',
          completionThreshold: threshold,
        })
        .returning();
      const sessionCount = first ? 1 + Math.floor(rnd() * 4) : 0;
      // Inserted in reverse order: the first session is not the first row.
      const starts = Array.from({ length: sessionCount }, (_, k) => new Date(first!.getTime() + (sessionCount - 1 - k) * 7 * DAY));
      const sessions = starts.length
        ? await db()
            .insert(courseSessions)
            .values(starts.map((s) => ({ courseId: course!.id, startsAt: s, endsAt: new Date(s.getTime() + 2 * HOUR) })))
            .returning()
        : [];
      data.courses.push({ id: course!.id, organisationId, academyId, starts, threshold });

      const people = [...data.users].sort(() => rnd() - 0.5).slice(0, Math.floor(rnd() * 14));
      for (const [k, u] of people.entries()) {
        const kind = rnd();
        // With an account; with only the account's address (some in capitals); or no account at all.
        const userId = kind < 0.45 ? u.id : null;
        const email = kind < 0.45 ? u.email : kind < 0.7 ? (rnd() < 0.3 ? u.email.toUpperCase() : u.email) : `anoniem-${i}-${k}@example.nl`;
        const status = pick(['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'offered', 'cancelled'] as const);
        const source = pick([null, 'social', 'friend', 'coordinator', 'course-follow-up']);
        const utm = rnd() < 0.15 ? pick(['nieuwsbrief', 'radio']) : null;
        const [r] = await db()
          .insert(registrations)
          .values({
            courseId: course!.id,
            userId,
            name: `Deelnemer ${k}`,
            email,
            municipalityCode: pick(codes),
            source,
            utm: utm ? { utm_source: utm } : null,
            privacyVersion: '1.0',
            consentedAt: now(),
            status,
          })
          .returning();
        data.regs.push({ id: r!.id, courseId: course!.id, status, userId, email, municipality: r!.municipalityCode, source, utm });
        let attended = 0;
        for (const s of sessions) {
          const mark = rnd();
          if (mark < 0.2) continue;
          await db()
            .insert(sessionAttendance)
            .values({ registrationId: r!.id, sessionId: s.id, attended: mark < 0.75 });
          if (mark < 0.75) attended++;
        }
        data.attended.set(r!.id, attended);
      }
    }

    // Mentoring: networks of A (with and without an academy) and of B.
    const netA = await createNetwork(db(), { organisationId: orgA!.id, academyId: acs[0]!.id });
    const netA2 = await createNetwork(db(), { organisationId: orgA!.id });
    const netB = await createNetwork(db(), { organisationId: orgB!.id });
    const mentor = await createMentor(db(), [netA.id, netA2.id, netB.id], { capacity: 50 });
    for (const [i, u] of data.users.entries()) {
      if (rnd() < 0.35) continue;
      const network = pick([netA, netA2, netB]);
      const organisationId = network.organisationId;
      const createdAt = pick([
        new Date(Date.UTC(2024, 11, 31, 23, 30)), // 2025-01-01 00:30 in Amsterdam: in
        new Date(Date.UTC(2024, 11, 31, 22, 30)), // 2024-12-31 23:30 in Amsterdam: out
        new Date(Date.UTC(2024, 5, 1)),
        new Date(Date.UTC(2025, 5, 1) + rnd() * 500 * DAY),
      ]);
      const [a] = await db()
        .insert(menteeApplications)
        .values({ networkId: network.id, userId: u.id, municipalityCode: pick(codes.filter((c): c is string => c !== null)), createdAt })
        .returning();
      data.applications.push({ id: a!.id, userId: u.id, organisationId, createdAt });
      const statuses = ['draft', 'proposed', 'declined', 'expired', 'active', 'completed', 'ended'] as const;
      for (let m = 0; m < Math.floor(rnd() * 3); m++) {
        const status = pick(statuses);
        const proposedAt = status === 'draft' ? null : new Date(createdAt.getTime() + 3 * DAY);
        const acceptedAt = ['active', 'completed', 'ended'].includes(status) ? new Date(createdAt.getTime() + (5 + i) * DAY) : null;
        const [match] = await db()
          .insert(matches)
          .values({
            networkId: network.id,
            applicationId: a!.id,
            mentorProfileId: mentor.profile.id,
            status,
            score: 50,
            proposedAt,
            acceptedAt,
          })
          .returning();
        data.matches.push({ applicationId: a!.id, status, proposedAt, acceptedAt });
        // Route steps: from the third step on (or "on the list", the sixth) is on the route to a list;
        // a tick on a match never accepted does not count.
        if (rnd() < 0.6) {
          const position = 1 + Math.floor(rnd() * 6);
          await tickRouteStep(db(), match!, position);
          if (acceptedAt && position >= 3) data.onRoute.add(a!.id);
        }
      }
    }
    for (const u of data.users) {
      if (rnd() < 0.6) continue;
      const onList = rnd() < 0.7;
      const elected = onList && rnd() < 0.5;
      await db().insert(candidacyOutcomes).values({ userId: u.id, electionId: 'gr2026', onList, elected });
      data.outcomes.push({ userId: u.id, onList, elected });
    }
  }, 120_000);

  /** Everything the report counts about a registration, worked out here from the inserted rows. */
  function expectedRegistrations(academyId: string | null) {
    const inPeriod = (c: Course) => {
      if (!c.starts.length) return false;
      const day = dutchDay(new Date(Math.min(...c.starts.map((s) => s.getTime()))));
      return day >= scope.from && day <= scope.to;
    };
    const byCourse = new Map(data.courses.map((c) => [c.id, c]));
    const userByEmail = new Map(data.users.map((u) => [u.email, u.id]));
    return data.regs
      .filter((r) => {
        const c = byCourse.get(r.courseId)!;
        return c.organisationId === scope.organisationId && (!academyId || c.academyId === academyId) && inPeriod(c);
      })
      .map((r) => {
        const c = byCourse.get(r.courseId)!;
        const first = new Date(Math.min(...c.starts.map((s) => s.getTime())));
        const sessions = c.starts.length;
        const threshold = Math.max(1, Math.min(c.threshold ?? sessions, sessions));
        const confirmed = r.status === 'confirmed';
        const attended = data.attended.get(r.id)!;
        const hasAttended = confirmed && attended > 0;
        return {
          ...r,
          person: r.userId ?? userByEmail.get(r.email.toLowerCase()) ?? `registration:${r.id}`,
          userId: r.userId ?? userByEmail.get(r.email.toLowerCase()) ?? null,
          month: dutchDay(first).slice(0, 7),
          academyId: c.academyId,
          confirmed,
          hasAttended,
          completed: confirmed && attended >= threshold,
          started: first.getTime() <= now().getTime(),
        };
      });
  }
  type Expected = ReturnType<typeof expectedRegistrations>[number];

  const courseCounts = (rows: Expected[]) => [
    rows.length,
    rows.filter((r) => r.confirmed).length,
    rows.filter((r) => r.hasAttended).length,
    rows.filter((r) => r.completed).length,
    rows.filter((r) => r.confirmed && r.started && !r.hasAttended).length,
  ];
  function grouped(rows: Expected[], key: (r: Expected) => string) {
    const groups = new Map<string, Expected[]>();
    for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return Object.fromEntries([...groups].map(([k, rs]) => [k, courseCounts(rs)]));
  }
  function funnelCounts(rows: Expected[], key: (r: Expected) => string) {
    const inOrg = data.applications.filter((a) => a.organisationId === scope.organisationId);
    const applied = new Set(inOrg.map((a) => a.userId));
    const matchedApps = new Set(data.matches.filter((m) => m.acceptedAt).map((m) => m.applicationId));
    const matched = new Set(inOrg.filter((a) => matchedApps.has(a.id)).map((a) => a.userId));
    const onRoute = new Set(inOrg.filter((a) => data.onRoute.has(a.id)).map((a) => a.userId));
    const onList = new Set(data.outcomes.filter((o) => o.onList || o.elected).map((o) => o.userId));
    const elected = new Set(data.outcomes.filter((o) => o.elected).map((o) => o.userId));
    const cohorts = new Map<string, Map<string, { userId: string | null; attended: boolean; completed: boolean }>>();
    for (const r of rows) {
      const people = cohorts.get(key(r)) ?? new Map();
      const p = people.get(r.person) ?? { userId: r.userId, attended: false, completed: false };
      p.attended ||= r.hasAttended;
      p.completed ||= r.completed;
      people.set(r.person, p);
      cohorts.set(key(r), people);
    }
    return Object.fromEntries(
      [...cohorts].map(([k, people]) => {
        const list = [...people.values()];
        const has = (set: Set<string>) => list.filter((p) => p.userId && set.has(p.userId)).length;
        return [
          k,
          [
            list.length,
            list.filter((p) => p.attended).length,
            list.filter((p) => p.completed).length,
            has(applied),
            has(matched),
            has(onRoute),
            has(onList),
            has(elected),
          ],
        ];
      }),
    );
  }

  it('the first-session date follows the sessions (insert, move, delete)', async () => {
    const course = data.courses.find((c) => c.starts.length >= 2)!;
    const firstOf = async () => (await db().select({ f: courses.firstSessionAt }).from(courses).where(eq(courses.id, course.id)))[0]!.f;
    const earliest = Math.min(...course.starts.map((s) => s.getTime()));
    expect((await firstOf())?.getTime()).toBe(earliest);
    const earlier = new Date(earliest - 30 * DAY);
    const [added] = await db()
      .insert(courseSessions)
      .values({ courseId: course.id, startsAt: earlier, endsAt: new Date(earlier.getTime() + HOUR) })
      .returning();
    expect((await firstOf())?.getTime()).toBe(earlier.getTime());
    const later = new Date(earliest + 100 * DAY);
    await db().update(courseSessions).set({ startsAt: later }).where(eq(courseSessions.id, added!.id));
    expect((await firstOf())?.getTime()).toBe(earliest);
    await db().delete(courseSessions).where(eq(courseSessions.id, added!.id));
    expect((await firstOf())?.getTime()).toBe(earliest);
    const empty = data.courses.find((c) => c.starts.length === 0)!;
    expect((await db().select({ f: courses.firstSessionAt }).from(courses).where(eq(courses.id, empty.id)))[0]!.f).toBeNull();
  });

  it('course figures, breakdowns and the funnel by month equal counts made from the rows', async () => {
    const report = await buildReport(db(), tr, scope, 'month');
    const rows = expectedRegistrations(null);
    // The dataset is varied enough to mean something.
    expect(rows.length).toBeGreaterThan(60);
    expect(new Set(rows.map((r) => r.month)).size).toBeGreaterThan(8);
    expect(rows.some((r) => r.person.startsWith('registration:'))).toBe(true);
    expect(rows.some((r) => !r.started && r.confirmed)).toBe(true);

    expect(report.courses.summary.map((c) => c.value)).toEqual(courseCounts(rows));
    expect(values(report.courses.byProvince)).toEqual(grouped(rows, (r) => (r.municipality ? data.provinces.get(r.municipality)! : '')));
    expect(values(report.courses.bySource)).toEqual(grouped(rows, (r) => (r.utm ? `utm:${r.utm}` : (r.source ?? ''))));
    const funnel = funnelCounts(rows, (r) => r.month);
    // Someone is on the route to a list, and someone matched is not (yet): the stage tells them apart.
    const stage = (c: number) => Object.values(funnel).reduce((n, counts) => n + counts[c]!, 0);
    expect(stage(5)).toBeGreaterThan(0);
    expect(stage(5)).toBeLessThan(stage(4));
    expect(values(report.funnel)).toEqual(funnel);
    expect(report.funnel.rows.map((r) => r.key)).toEqual(Object.keys(funnel).sort());
  });

  it('the funnel by academy, and one academy alone, equal counts made from the rows', async () => {
    const byAcademy = await buildReport(db(), tr, scope, 'academy');
    const rows = expectedRegistrations(null);
    expect(values(byAcademy.funnel)).toEqual(funnelCounts(rows, (r) => r.academyId ?? ''));
    expect(byAcademy.funnel.rows.at(-1)!.key).toBe(''); // "no academy" last

    const academyId = data.courses.find((c) => c.academyId)!.academyId!;
    const one = await buildReport(db(), tr, { ...scope, academyId }, 'month');
    const own = expectedRegistrations(academyId);
    expect(own.length).toBeGreaterThan(10);
    expect(one.courses.summary.map((c) => c.value)).toEqual(courseCounts(own));
    expect(values(one.funnel)).toEqual(funnelCounts(own, (r) => r.month));
  });

  it('mentoring figures count the applications of the period in Dutch days, with their matches', async () => {
    const report = await buildReport(db(), tr, scope, 'month');
    const apps = data.applications.filter(
      (a) => a.organisationId === scope.organisationId && dutchDay(a.createdAt) >= scope.from && dutchDay(a.createdAt) <= scope.to,
    );
    const of = (a: { id: string }) => data.matches.filter((m) => m.applicationId === a.id);
    expect(report.mentoring.summary.map((c) => c.value)).toEqual([
      apps.length,
      apps.filter((a) => of(a).some((m) => m.proposedAt)).length,
      apps.filter((a) => of(a).some((m) => m.acceptedAt)).length,
      apps.filter((a) => of(a).some((m) => m.status === 'declined')).length,
      apps.filter((a) => of(a).some((m) => m.status === 'expired')).length,
      apps.filter((a) => of(a).some((m) => m.status === 'active')).length,
      apps.filter((a) => of(a).some((m) => m.status === 'completed')).length,
    ]);
    expect(report.mentoring.medianDays.people.value).toBe(apps.filter((a) => of(a).some((m) => m.acceptedAt)).length);
  });
});

// Before, the funnel sent every account holder in scope as a query parameter: past 65,534 of them
// PostgreSQL's protocol has no room and the report was a 500 (MAX_PARAMETERS_EXCEEDED).
describe.runIf(process.env.DATABASE_URL)('a report with 70,000 account holders in scope (PostgreSQL)', () => {
  it('counts them all', async () => {
    const network = await createNetwork(db());
    const organisationId = network.organisationId;
    const [course] = await db()
      .insert(courses)
      .values({
        organisationId,
        title: 'Landelijke cursus',
        municipalityCode: 'GM0193',
        format: 'online',
        capacity: 100_000,
        status: 'published',
      })
      .returning();
    const start = new Date(Date.UTC(2026, 2, 10, 18));
    await db()
      .insert(courseSessions)
      .values({ courseId: course!.id, startsAt: start, endsAt: new Date(start.getTime() + 2 * HOUR) });
    await db().execute(sql`
      with people as (
        insert into users (email, name) select 'massa-' || i || '@example.org', 'Persoon ' || i from generate_series(1, 70000) i returning id, email
      )
      insert into registrations (course_id, user_id, name, email, privacy_version, consented_at, status)
      select ${course!.id}, id, 'Deelnemer', email, '1.0', now(), 'confirmed' from people`);
    await db().execute(sql`
      insert into mentee_applications (network_id, user_id, municipality_code)
      select ${network.id}, r.user_id, 'GM0193' from registrations r where r.course_id = ${course!.id} limit 1234`);
    const report = await buildReport(db(), tr, { organisationId, academyId: null, from: '2026-01-01', to: '2026-12-31' }, 'month');
    expect(report.courses.summary.map((c) => c.value)).toEqual([70_000, 70_000, 0, 0, 70_000]);
    expect(values(report.funnel)).toEqual({ '2026-03': [70_000, 0, 0, 1234, 0, 0, 0, 0] });
  }, 120_000);
});
