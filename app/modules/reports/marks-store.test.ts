import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '~db/client.server';
import { beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '~db/schema/organisations';
import { registrations } from '~db/schema/courses';
import { reportProtectedMarks } from '~db/schema/reports';
import { seedDemoData } from '~db/seed.server';
import { translator } from '~/i18n';
import { setupTestDatabase } from '../../../test/database';
import { confirmedSignUps } from '../../../test/report-audit';
import { createCourse, person } from '../../../test/courses';
import { signUp } from '../courses/registrations.server';
import { queues } from '../jobs/boss.server';
import { now } from '../clock.server';
import { clearStoredMarks, forgetProtectedMarks } from './figure-system.server';
import { dutchToday } from '~/modules/clock.server';
import { buildBlockReport, type BlockRequest } from './joint.server';
import { blocksHolding, refreshChangedMarks, refreshProtectedMarks, type MarksChangedJob } from './marks-refresh.server';
import { blockCode, quarterOf } from './periods';
import { solveCount } from './protection.server';

// ADR 017: the marks of a protected block are stored (report_protected_marks) with the hash of the
// figures they were solved for; a page reads them instead of solving, and never when its figures
// changed. "Another process" is simulated by forgetting the marks this process keeps in memory.

const t = setupTestDatabase();
const db = () => t.handle.db;
const nl = translator('nl');

let nvr: string;
const quarter = () => quarterOf(dutchToday());
const request = (): BlockRequest => ({ organisationId: nvr, academyId: null, block: quarter(), cohort: 'month' });
const storedRow = async () =>
  (
    await db()
      .select()
      .from(reportProtectedMarks)
      .where(eq(reportProtectedMarks.key, `${nvr}/${blockCode(quarter())}`))
  )[0];

describe('stored marks of the funder report', () => {
  beforeAll(async () => {
    await seedDemoData(db(), { onlyIfEmpty: false });
    nvr = (await db().select().from(organisations).where(eq(organisations.slug, 'nvr')))[0]!.id;
    // Something to protect in this quarter whatever the date: a course today with three sign-ups.
    const { course } = await createCourse(db(), { organisationId: nvr, startsInDays: 0, sessionCount: 1 });
    await confirmedSignUps(db(), course.id, 'store', { GM0363: 3 });
  });

  it('a page reads the marks the job stored: no solving, the same report as a fresh solve, in either language', async () => {
    forgetProtectedMarks();
    await clearStoredMarks(db());
    const fresh = await buildBlockReport(db(), nl, request());
    expect(fresh.courses.byProvince.rows.flatMap((r) => r.cells).some((c) => c.suppressed)).toBe(true);

    // The job, in an empty store; then a page in "another process".
    forgetProtectedMarks();
    await clearStoredMarks(db());
    const checked = await refreshProtectedMarks(db(), { organisationIds: [nvr], blocks: [quarter()] });
    expect(checked).toEqual([`${nvr}/${blockCode(quarter())}`]);
    const row = await storedRow();
    expect(row?.marks).toMatch(/^[.sp]+$/);
    expect(row?.marks).toContain('s');

    forgetProtectedMarks();
    const before = solveCount();
    const fromStore = await buildBlockReport(db(), nl, request());
    expect(solveCount()).toBe(before);
    expect(fromStore).toEqual(fresh);
    // The English page is the same system (rows enter it by key, not by their translated names).
    forgetProtectedMarks();
    const english = await buildBlockReport(db(), translator('en'), request());
    expect(solveCount()).toBe(before);
    expect(english.courses.summary).toEqual(fresh.courses.summary);
  }, 300_000);

  it('a change to the figures makes the stored marks stale: the next report is solved again and stored', async () => {
    forgetProtectedMarks();
    await buildBlockReport(db(), nl, request()); // stored (by the test above, or now)
    const old = await storedRow();
    const signUps = (await buildBlockReport(db(), nl, request())).courses.summary[0]!.value;

    const { course: another } = await createCourse(db(), { organisationId: nvr, startsInDays: 0, sessionCount: 1 });
    await db().insert(registrations).values({
      courseId: another.id,
      name: 'Nieuwe deelnemer',
      email: 'store-new@example.nl',
      municipalityCode: 'GM0344',
      source: 'website',
      privacyVersion: '1.0',
      consentedAt: now(),
      status: 'confirmed',
      confirmedAt: now(),
    });

    forgetProtectedMarks();
    const before = solveCount();
    const changed = await buildBlockReport(db(), nl, request());
    expect(solveCount()).toBeGreaterThan(before); // the stored marks were for other figures
    expect(changed.courses.summary[0]!.value).toBe(signUps + 1);
    const now_ = await storedRow();
    expect(now_!.figuresHash).not.toBe(old!.figuresHash);
    expect(now_!.computedAt.getTime()).toBeGreaterThanOrEqual(old!.computedAt.getTime());

    // What the store now holds is what a fresh solve gives.
    forgetProtectedMarks();
    await clearStoredMarks(db());
    expect(await buildBlockReport(db(), nl, request())).toEqual(changed);
  }, 300_000);

  it('marks stored for other figures are never used, even under the right key', async () => {
    forgetProtectedMarks();
    const report = await buildBlockReport(db(), nl, request());
    const row = (await storedRow())!;
    // Tamper: every figure "shown", under a hash of other figures.
    await db()
      .update(reportProtectedMarks)
      .set({ marks: '.'.repeat(row.marks.length), figuresHash: 'other' })
      .where(eq(reportProtectedMarks.key, row.key));
    forgetProtectedMarks();
    expect(await buildBlockReport(db(), nl, request())).toEqual(report);
    expect((await storedRow())!.figuresHash).toBe(row.figuresHash);
  }, 300_000);

  it('a sign-up queues one marks job for its organisation and quarter (in its transaction); after the job a page solves nothing', async () => {
    const key = `${nvr}/${blockCode(quarter())}`;
    const waiting = async () =>
      rowsOf<{ data: MarksChangedJob; start_after: string | Date }>(
        await db().execute(
          sql`select data, start_after from pgboss.job where name = ${queues.reportMarksChanged} and singleton_key = ${key} and state = 'created'`,
        ),
      );
    const { course } = await createCourse(db(), { organisationId: nvr, startsInDays: 1, sessionCount: 1 });
    // Start from nothing waiting (the set-up above and the new course's sessions queued jobs too).
    await db().execute(sql`delete from pgboss.job where name = ${queues.reportMarksChanged}`);
    expect(await waiting()).toHaveLength(0);
    const first = await signUp(db(), course.id, person('marks-job-1'));
    const second = await signUp(db(), course.id, person('marks-job-2'));
    expect([first.status, second.status]).toEqual(['confirmed', 'confirmed']);
    // Two sign-ups, one job (deduplicated while it waits), started a little later (debounced).
    const jobs = await waiting();
    expect(jobs.map((j) => j.data)).toEqual([{ organisationId: nvr, quarter: blockCode(quarter()) }]);
    expect(new Date(jobs[0]!.start_after).getTime()).toBeGreaterThan(Date.now());

    // The worker runs it once; a page in "another process" then reads every block it touched.
    const checked = await refreshChangedMarks(
      db(),
      jobs.map((j) => j.data),
    );
    const touched = blocksHolding(quarter());
    expect(checked).toEqual(touched.map((b) => `${nvr}/${blockCode(b)}`));
    forgetProtectedMarks();
    const before = solveCount();
    for (const block of touched) await buildBlockReport(db(), nl, { ...request(), block });
    expect(solveCount()).toBe(before);
  }, 600_000);
});
