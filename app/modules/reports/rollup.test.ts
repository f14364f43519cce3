import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '~db/client.server';
import {
  academies,
  candidacyOutcomes,
  courseSessions,
  courses,
  matches,
  menteeApplications,
  organisations,
  registrations,
  users,
} from '~db/schema';
import { DAY, HOUR, now } from '~/modules/clock.server';
import { setupTestDatabase } from '../../../test/database';
import { createMentor, createNetwork } from '../../../test/mentoring';
import { deleteAccounts } from '../privacy/deletion.server';
import { courseRows, periodParts, type CohortKind, type ReportScope } from './figures.server';

// The report reads whole months from a rollup that triggers keep (migration 0011). This file writes
// random data, then changes it the ways the app does (statuses, attendance, sessions that move a
// course to another month, academies, thresholds, accounts made, renamed and deleted, registrations
// and courses deleted, a province renamed), and after every round checks that (1) the rollup tables
// hold exactly a fresh count of the rows and (2) the report's figures from the rollup equal the same
// figures counted from the rows alone, for month-aligned periods and for periods with partial months,
// for an organisation and for one academy, by month and by academy. Runs on PGlite and PostgreSQL.

const t = setupTestDatabase();
const db = () => t.handle.db;

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('the report rollup', () => {
  const rnd = random(4242);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const ids = { orgA: '', orgB: '', academies: [] as string[] };
  let scopes: ReportScope[] = [];

  async function query<T>(q: ReturnType<typeof sql>) {
    return rowsOf<T>(await db().execute(q));
  }

  /** The rollup tables as stored, and as counted again now from the rows (the migration's own view). */
  async function rollupAgainstRecount() {
    const stored = await query(sql`
      select organisation_id, academy_id, month::text, province_code, province, source, utm_source,
             sign_ups, confirmed, attended, completed, absent from report_course_months`);
    const recount = await query(sql`
      select organisation_id, academy_id, month::text, province_code, province, source, utm_source,
             count(*)::int as sign_ups, (count(*) filter (where confirmed))::int as confirmed,
             (count(*) filter (where attended))::int as attended, (count(*) filter (where completed))::int as completed,
             (count(*) filter (where confirmed and not attended))::int as absent
      from report_registration_facts group by 1, 2, 3, 4, 5, 6, 7`);
    const storedPeople = await query(sql`
      select organisation_id, academy_id, month::text, person, has_account, confirmed, attended, completed,
             (extract(epoch from confirmed_first_at))::bigint as first from report_people_months`);
    const recountPeople = await query(sql`
      select organisation_id, academy_id, month::text, person, has_account, bool_or(confirmed) as confirmed,
             bool_or(attended) as attended, bool_or(completed) as completed,
             (extract(epoch from min(first_session_at) filter (where confirmed)))::bigint as first
      from report_registration_facts group by 1, 2, 3, 4, 5`);
    return { stored: sorted(stored), recount: sorted(recount), storedPeople: sorted(storedPeople), recountPeople: sorted(recountPeople) };
  }

  async function expectExact(round: string) {
    const r = await rollupAgainstRecount();
    expect(r.stored, `${round}: report_course_months`).toEqual(r.recount);
    expect(r.storedPeople, `${round}: report_people_months`).toEqual(r.recountPeople);
    for (const scope of scopes)
      for (const cohort of ['month', 'academy'] as CohortKind[]) {
        const fast = await courseRows(db(), scope, cohort);
        const rows = await courseRows(db(), scope, cohort, { fromRowsOnly: true });
        const label = `${round}: ${scope.academyId ? 'academy' : 'organisation'} ${scope.from}..${scope.to} by ${cohort}`;
        expect(sorted(fast.cells), label).toEqual(sorted(rows.cells));
        expect(sorted(fast.cohorts), label).toEqual(sorted(rows.cohorts));
      }
  }

  beforeAll(async () => {
    const [a, b] = await db()
      .insert(organisations)
      .values([
        { name: 'Rollup A', slug: 'rollup-a', kind: 'association' },
        { name: 'Rollup B', slug: 'rollup-b', kind: 'association' },
      ])
      .returning();
    ids.orgA = a!.id;
    ids.orgB = b!.id;
    const acs = await db()
      .insert(academies)
      .values([
        { organisationId: a!.id, name: 'Rollup Noord' },
        { organisationId: a!.id, name: 'Rollup Zuid' },
      ])
      .returning();
    ids.academies = acs.map((x) => x.id);
    const codes = (await query<{ code: string }>(sql`select code from municipalities order by code limit 8`)).map((m) => m.code);
    const people = await db()
      .insert(users)
      .values(Array.from({ length: 24 }, (_, i) => ({ email: `rollup-${i}@example.org`, name: `Persoon ${i}` })))
      .returning();

    // Courses around now (some not started), over 2025-06 … 2027-02.
    const span = [Date.UTC(2025, 5, 1), Date.UTC(2027, 1, 1)] as const;
    for (let i = 0; i < 18; i++) {
      const organisationId = i % 6 === 5 ? b!.id : a!.id;
      const [course] = await db()
        .insert(courses)
        .values({
          organisationId,
          academyId: organisationId === a!.id ? pick([...ids.academies, null]) : null,
          title: `Rollup ${i}`,
          municipalityCode: 'GM0193',
          format: 'online',
          capacity: 40,
          status: 'published',
          completionThreshold: pick([null, 1, 2, 3]),
        })
        .returning();
      const first = i <= 2 && i !== 1 ? new Date(now().getTime() + (2 + i) * DAY) : new Date(span[0] + rnd() * (span[1] - span[0]));
      const count = i === 1 ? 0 : 1 + Math.floor(rnd() * 3);
      const sessions = count
        ? await db()
            .insert(courseSessions)
            .values(
              Array.from({ length: count }, (_, k) => {
                const s = new Date(first.getTime() + k * 7 * DAY);
                return { courseId: course!.id, startsAt: s, endsAt: new Date(s.getTime() + 2 * HOUR) };
              }),
            )
            .returning()
        : [];
      const chosen = [...people].sort(() => rnd() - 0.5).slice(0, 3 + Math.floor(rnd() * 9));
      const regs = await db()
        .insert(registrations)
        .values(
          chosen.map((u, k) => {
            const kind = rnd();
            return {
              courseId: course!.id,
              userId: kind < 0.4 ? u.id : null,
              name: `Deelnemer ${k}`,
              // With an account; only its address (some in capitals); an address no account has (yet).
              email: kind < 0.4 ? u.email : kind < 0.7 ? (rnd() < 0.4 ? u.email.toUpperCase() : u.email) : `later-${i}-${k}@example.nl`,
              municipalityCode: pick([...codes, null]),
              source: pick([null, 'social-media', 'newsletter', 'course-follow-up']),
              utm: rnd() < 0.2 ? { utm_source: pick(['radio', 'nieuwsbrief']) } : null,
              privacyVersion: '1.0',
              consentedAt: now(),
              status: pick(['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'cancelled'] as const),
            };
          }),
        )
        .returning();
      for (const r of regs)
        for (const s of sessions)
          if (s.startsAt < now() && rnd() < 0.7)
            await db().execute(
              sql`insert into session_attendance (registration_id, session_id, attended) values (${r.id}, ${s.id}, ${rnd() < 0.7})`,
            );
    }
    // Mentoring and candidacies, for the funnel's last steps.
    const network = await createNetwork(db(), { organisationId: a!.id });
    const mentor = await createMentor(db(), [network.id]);
    for (const u of people.filter(() => rnd() < 0.5)) {
      const [app] = await db()
        .insert(menteeApplications)
        .values({ networkId: network.id, userId: u.id, municipalityCode: 'GM0193' })
        .returning();
      if (rnd() < 0.5)
        await db().insert(matches).values({
          networkId: network.id,
          applicationId: app!.id,
          mentorProfileId: mentor.profile.id,
          status: 'active',
          score: 50,
          proposedAt: now(),
          acceptedAt: now(),
        });
    }
    for (const u of people.filter(() => rnd() < 0.3))
      await db()
        .insert(candidacyOutcomes)
        .values({ userId: u.id, electionId: 'gr2026', onList: true, elected: rnd() < 0.5 });

    scopes = [
      { organisationId: a!.id, academyId: null, from: '2025-01-01', to: '2027-12-31' },
      { organisationId: a!.id, academyId: null, from: '2025-07-15', to: '2026-11-20' },
      { organisationId: a!.id, academyId: ids.academies[0]!, from: '2025-06-01', to: '2026-12-31' },
      { organisationId: b!.id, academyId: null, from: '2025-03-10', to: '2027-03-09' },
    ];
  }, 300_000);

  it('splits a period in whole months and the days around them', () => {
    expect(periodParts({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ months: ['2026-01-01', '2027-01-01'], days: [] });
    expect(periodParts({ from: '2025-12-07', to: '2026-12-07' })).toEqual({
      months: ['2026-01-01', '2026-12-01'],
      days: [
        ['2025-12-07', '2026-01-01'],
        ['2026-12-01', '2026-12-08'],
      ],
    });
    expect(periodParts({ from: '2026-03-05', to: '2026-03-20' })).toEqual({ months: null, days: [['2026-03-05', '2026-03-21']] });
    expect(periodParts({ from: '2026-02-01', to: '2026-02-28' })).toEqual({ months: ['2026-02-01', '2026-03-01'], days: [] });
  });

  it('equals a count from the rows after inserts, and after every kind of change', async () => {
    const fig = await courseRows(db(), scopes[0]!, 'month');
    // The data mean something: several months, people with and without an account, courses not started.
    expect(fig.cohorts.length).toBeGreaterThan(5);
    expect(fig.cells.reduce((n, c) => n + c.counts[0]!, 0)).toBeGreaterThan(60);
    expect(fig.cells.some((c) => c.counts[5]! > 0)).toBe(true);
    await expectExact('after inserts');

    const regs = () =>
      query<{ id: string; course_id: string; email: string; user_id: string | null }>(
        sql`select id, course_id, email, user_id from registrations`,
      );
    const sessions = () =>
      query<{ id: string; course_id: string; starts_at: string }>(sql`select id, course_id, starts_at::text from course_sessions`);

    for (let round = 1; round <= 3; round++) {
      // Statuses, municipality, source; one registration deleted.
      for (const r of (await regs()).filter(() => rnd() < 0.15)) {
        await db().execute(
          sql`update registrations set status = ${pick(['confirmed', 'cancelled', 'waitlisted'])}, source = ${pick(['party', null])} where id = ${r.id}`,
        );
      }
      await db().execute(sql`delete from registrations where id = ${pick(await regs()).id}`);
      await expectExact(`round ${round}: registrations`);

      // Attendance: marked, changed and removed, some in one statement.
      const some = (await regs()).filter(() => rnd() < 0.3);
      await db().execute(sql`
        insert into session_attendance (registration_id, session_id, attended)
        select r.id, s.id, true from registrations r join course_sessions s on s.course_id = r.course_id
        where r.id in (${sql.join(
          some.map((r) => sql`${r.id}`),
          sql`, `,
        )})
        on conflict (registration_id, session_id) do update set attended = not session_attendance.attended`);
      await db().execute(sql`delete from session_attendance where registration_id = ${pick(some).id}`);
      await expectExact(`round ${round}: attendance`);

      // Sessions: an earlier one (the course moves month), one removed, one moved.
      const s = pick(await sessions());
      await db()
        .insert(courseSessions)
        .values({
          courseId: s.course_id,
          startsAt: new Date(Date.parse(s.starts_at) - 45 * DAY),
          endsAt: new Date(Date.parse(s.starts_at) - 45 * DAY + HOUR),
        });
      await db().execute(sql`delete from course_sessions where id = ${pick(await sessions()).id}`);
      await db().execute(
        sql`update course_sessions set starts_at = starts_at + interval '33 days' where id = ${pick(await sessions()).id}`,
      );
      await expectExact(`round ${round}: sessions`);

      // Courses: another academy, another threshold, another organisation.
      const cs = await query<{ id: string }>(sql`select id from courses where title like 'Rollup %'`);
      await db().execute(
        sql`update courses set academy_id = ${pick([...ids.academies, null])} where id = ${pick(cs).id} and organisation_id = ${ids.orgA}`,
      );
      await db().execute(sql`update courses set completion_threshold = ${pick([1, 2, 3, null])} where id = ${pick(cs).id}`);
      await db().execute(sql`update courses set title = title || '.' where id = ${pick(cs).id}`);
      await expectExact(`round ${round}: courses`);

      // Whose a registration is, alone or beside other changes: an account deleted (its registrations
      // anonymised, by account and by address), an address moved to another account's address, one
      // linked to its account, a guest anonymised, and in one statement a status change with a user cut.
      const withAccount = (await regs()).filter((r) => r.user_id !== null);
      const [gone] = await query<{ id: string }>(sql`select id from users where id = ${pick(withAccount).user_id}`);
      await deleteAccounts(db(), [gone!.id]);
      const looseNow = (await regs()).filter((r) => r.user_id === null && !r.email.startsWith('anoniem-'));
      await db().execute(sql`
        update registrations r set email = (select u.email from users u where u.email like 'rollup-%' and not exists
          (select 1 from registrations x where x.course_id = r.course_id and lower(x.email) = u.email) order by u.email desc limit 1)
        where r.id = ${pick(looseNow).id}`);
      await db().execute(sql`
        update registrations r set user_id = u.id from users u
        where r.user_id is null and lower(r.email) = u.email and r.id in (${sql.join(
          looseNow.slice(0, 4).map((r) => sql`${r.id}`),
          sql`, `,
        )})`);
      await db().execute(
        sql`update registrations set email = 'anoniem-' || id::text, name = '' where email like ${`later-%`} and id = ${pick(looseNow).id}`,
      );
      const mixed = (await regs()).filter((r) => r.user_id !== null).slice(0, 3);
      await db().execute(sql`
        update registrations set user_id = case when id = ${mixed[0]!.id} then user_id else null end,
          status = case when id = ${mixed[0]!.id} then 'cancelled' else status end
        where id in (${sql.join(
          mixed.map((r) => sql`${r.id}`),
          sql`, `,
        )})`);
      await expectExact(`round ${round}: whose registrations are`);

      // Accounts: one made for an address that registered without one (in other capitals), one
      // renamed, one deleted; all in one transaction.
      const loose = (await regs()).filter((r) => r.user_id === null);
      await db().transaction(async (tx) => {
        const r = pick(loose);
        await tx.insert(users).values({ email: r.email.toLowerCase(), name: 'Nieuw' }).onConflictDoNothing();
        const [u] = await tx
          .select({ id: users.id })
          .from(users)
          .where(sql`email like 'rollup-%'`)
          .limit(1)
          .offset(round);
        await tx.execute(sql`update users set email = ${`hernoemd-${round}@example.org`} where id = ${u!.id}`);
        await tx.execute(sql`delete from users where email = ${`rollup-${10 + round}@example.org`}`);
      });
      await expectExact(`round ${round}: accounts`);
    }

    // A province renamed (a yearly refresh of the municipalities list), a course moved to another
    // organisation, and a course deleted with everything on it.
    await db().execute(
      sql`update municipalities set province = province || ' (nieuw)' where code = (select min(code) from municipalities)`,
    );
    const cs = await query<{ id: string }>(sql`select id from courses where title like 'Rollup %' order by id`);
    await db().execute(sql`update courses set organisation_id = ${ids.orgB}, academy_id = null where id = ${cs[2]!.id}`);
    await db()
      .delete(courses)
      .where(sql`id = ${cs[3]!.id}`);
    await expectExact('province, organisation, deletion');
  }, 600_000);
});
