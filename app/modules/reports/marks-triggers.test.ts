import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '~db/client.server';
import { academies, academyApplications, academyCompletions, matches, registrations } from '~db/schema';
import { translator } from '~/i18n';
import { dutchToday } from '~/modules/clock.server';
import { setupTestDatabase } from '../../../test/database';
import { createCourse } from '../../../test/courses';
import { createApplication, createMentor, createNetwork, createUser, tickRouteStep } from '../../../test/mentoring';
import { sampleReasons } from '../../../test/matches';
import { queues } from '../jobs/boss.server';
import { now } from '../clock.server';
import type { Report } from './figures.server';
import { refreshChangedMarks, refreshProtectedMarks, type MarksChangedJob } from './marks-refresh.server';
import { blockCode, quarterOf } from './periods';
import { readBlockReport } from './snapshot.server';

// ADR 020 / migration 0031: a write to a table the report's figures read queues the snapshot job of
// its organisation and quarter (in the writing transaction), and the job's next snapshot shows the
// new figure. 0023 covered courses, applications, matches and outcomes; these are the route ticks
// (#17's "on the route to a list") and the academy figures (#15).

const t = setupTestDatabase();
const db = () => t.handle.db;
const nl = translator('nl');
const quarter = () => quarterOf(dutchToday());

async function queued(organisationId: string) {
  return rowsOf<{ data: MarksChangedJob }>(
    await db().execute(
      sql`select data from pgboss.job where name = ${queues.reportMarksChanged} and state = 'created'
          and singleton_key = ${`${organisationId}/${blockCode(quarter())}`}`,
    ),
  ).map((j) => j.data);
}
const clearQueue = () => db().execute(sql`delete from pgboss.job where name = ${queues.reportMarksChanged}`);

/** The snapshot the page shows (figures behind the marks, server side). */
async function snapshot(organisationId: string): Promise<Report> {
  const read = await readBlockReport(db(), nl, { organisationId, academyId: null, block: quarter(), cohort: 'month' });
  if (read.state !== 'ready') throw new Error('no snapshot');
  return read.report;
}
const funnelTotal = (report: Report, key: string) => report.funnel.total![report.funnel.columns.findIndex((c) => c.key === key)]!.value;
const academyFigure = (report: Report, index: number) => report.academy.summary[index]!.value;

/** Runs what the database queued, as the worker does, and expects exactly this organisation's quarter. */
async function runQueued(organisationId: string) {
  const jobs = await queued(organisationId);
  expect(jobs).toEqual([{ organisationId, quarter: blockCode(quarter()) }]);
  await refreshChangedMarks(db(), jobs);
  await clearQueue();
}

describe('writes that queue the funder report snapshot job (migration 0031)', () => {
  it('a route tick queues the job, and the next snapshot counts the person "on the route to a list"', async () => {
    const { organisation, course } = await createCourse(db(), { startsInDays: 0, sessionCount: 1 });
    const network = await createNetwork(db(), { organisationId: organisation.id });
    const mentor = await createMentor(db(), [network.id]);
    const { user, application } = await createApplication(db(), network.id, { status: 'matched' });
    // The mentee took the organisation's course (the funnel counts people of its courses).
    await db().insert(registrations).values({
      courseId: course.id,
      name: user.name,
      email: user.email,
      municipalityCode: 'GM0193',
      source: 'party',
      privacyVersion: '1.0',
      consentedAt: now(),
      status: 'confirmed',
      confirmedAt: now(),
    });
    const [match] = await db()
      .insert(matches)
      .values({
        networkId: network.id,
        applicationId: application.id,
        mentorProfileId: mentor.profile.id,
        status: 'active',
        score: 70,
        reasons: sampleReasons,
        proposedAt: now(),
        respondedAt: now(),
        acceptedAt: now(),
      })
      .returning();
    await refreshProtectedMarks(db(), { organisationIds: [organisation.id], blocks: [quarter()] });
    const before = await snapshot(organisation.id);
    expect([funnelTotal(before, 'signedUp'), funnelTotal(before, 'matched'), funnelTotal(before, 'onRoute')]).toEqual([1, 1, 0]);

    await clearQueue();
    // Orientation steps (1 and 2) are not "on the route" yet, but they are a write to watch all the same.
    await tickRouteStep(db(), { id: match!.id, networkId: network.id }, 1);
    await runQueued(organisation.id);
    expect(funnelTotal(await snapshot(organisation.id), 'onRoute')).toBe(0);

    // Step 3 (ask about the selection procedure) puts the person on the route.
    await tickRouteStep(db(), { id: match!.id, networkId: network.id }, 3);
    await runQueued(organisation.id);
    expect(funnelTotal(await snapshot(organisation.id), 'onRoute')).toBe(1);
  }, 300_000);

  it('an academy application, its admission and its completion each queue the job; the next snapshot shows them', async () => {
    const { organisation } = await createCourse(db(), { startsInDays: 3, sessionCount: 1 });
    const [academy] = await db().insert(academies).values({ organisationId: organisation.id, name: 'Raadsacademie Test' }).returning();
    await refreshProtectedMarks(db(), { organisationIds: [organisation.id], blocks: [quarter()] });
    expect(academyFigure(await snapshot(organisation.id), 0)).toBe(0);

    await clearQueue();
    const user = await createUser(db());
    const [application] = await db()
      .insert(academyApplications)
      .values({ academyId: academy!.id, userId: user.id, municipalityCode: 'GM0193' })
      .returning();
    await runQueued(organisation.id);
    let report = await snapshot(organisation.id);
    expect([academyFigure(report, 0), academyFigure(report, 1)]).toEqual([1, 0]); // applications, admitted

    await db().update(academyApplications).set({ status: 'accepted' }).where(eq(academyApplications.id, application!.id));
    await runQueued(organisation.id);
    report = await snapshot(organisation.id);
    expect([academyFigure(report, 1), academyFigure(report, 3)]).toEqual([1, 0]); // admitted, completed

    await db()
      .insert(academyCompletions)
      .values({
        academyId: academy!.id,
        applicationId: application!.id,
        code: `T-${application!.id.slice(0, 8)}`,
        modulesAttended: 3,
        completedAt: now(),
      });
    await runQueued(organisation.id);
    report = await snapshot(organisation.id);
    expect([academyFigure(report, 2), academyFigure(report, 3)]).toEqual([1, 1]); // started, completed

    // Withdrawn applications are not counted: the update queues the job again.
    await db().update(academyApplications).set({ status: 'withdrawn' }).where(eq(academyApplications.id, application!.id));
    await runQueued(organisation.id);
    expect(academyFigure(await snapshot(organisation.id), 0)).toBe(0);
  }, 300_000);

  it('every table the report counts from is watched by a trigger that queues the job', async () => {
    const watched = rowsOf<{ tbl: string }>(
      await db().execute(sql`
        select distinct c.relname as tbl from pg_trigger g join pg_class c on c.oid = g.tgrelid
        join pg_proc p on p.oid = g.tgfoid
        where not g.tgisinternal and (p.prosrc like '%report_marks_due%' or p.prosrc like '%report_matches_due%'
           or p.prosrc like '%report_academy_applications_due%')`),
    ).map((r) => r.tbl);
    // What the figures read (block-data, figures, academy-figures, academy-progress .server.ts). The
    // rollup tables are written by the triggers of registrations, attendance, sessions and courses
    // (0011), and report_course_months always with report_people_months; municipalities, networks and
    // academies give a row its province and organisation and are not moved between organisations.
    for (const table of [
      'report_people_months',
      'mentee_applications',
      'matches',
      'match_route_progress',
      'network_route_steps',
      'candidacy_outcomes',
      'consents',
      'network_mentors',
      'mentor_profiles',
      'academy_applications',
      'academy_completions',
      'placements',
      'placement_slots',
      'registrations',
      'session_attendance',
    ])
      expect(watched, table).toContain(table);
  });
});
