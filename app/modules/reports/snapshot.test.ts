import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { registrations, reportSnapshots } from '~db/schema';
import { translator } from '~/i18n';
import { setupTestDatabase } from '../../../test/database';
import { createCourse } from '../../../test/courses';
import { now, setClock } from '../clock.server';
import { clearStoredMarks, forgetProtectedMarks } from './figure-system.server';
import { reportCsv, reportTables, type Report } from './figures.server';
import { refreshProtectedMarks } from './marks-refresh.server';
import { blockCode, quarterOf, quartersOf, type Block } from './periods';
import { solveCount } from './protection.server';
import { readBlockReport } from './snapshot.server';
import { buildBlockReport } from './joint.server';
import { auditPublished, csvLinesOf } from '../../../test/report-audit';

// ADR 020: the funder report shows the last protected snapshot (figures and marks of one moment),
// with its date, until the job takes the next one; a request never solves a block that has one.

const t = setupTestDatabase();
const db = () => t.handle.db;
const nl = translator('nl');

afterEach(() => setClock(undefined));

/** An organisation with a course two days from now: 10 sign-ups from Zwolle, 9 from Amsterdam, 2 from Utrecht (a "<5"). */
async function organisationWithCourseSoon() {
  const { organisation, course } = await createCourse(db(), { startsInDays: 2, sessionCount: 1 });
  await db()
    .insert(registrations)
    .values(
      [...Array<string>(10).fill('GM0193'), ...Array<string>(9).fill('GM0363'), 'GM0344', 'GM0344'].map((municipalityCode, i) => ({
        courseId: course.id,
        name: `Deelnemer ${i}`,
        email: `snapshot-${organisation.id.slice(0, 8)}-${i}@example.nl`,
        municipalityCode,
        source: 'party',
        privacyVersion: '1.0',
        consentedAt: now(),
        status: 'confirmed' as const,
        confirmedAt: now(),
      })),
    );
  return organisation.id;
}

/** The course summary's figures behind their marks (server side: what the snapshot was counted from). */
const summary = (report: Report) => report.courses.summary.map((c) => c.value);
const NO_SHOWS = 4;

describe('the report as last snapshotted', () => {
  it('a block that changes with time only shows its snapshot and its date, never newer unprotected figures, until the job takes the next', async () => {
    setClock(new Date('2026-05-10T10:00:00Z'));
    const organisationId = await organisationWithCourseSoon();
    const block = quarterOf('2026-05-10');
    const request = { organisationId, academyId: null, block, cohort: 'month' as const };

    // The job takes the first snapshot: the course has not started, so nobody is a no-show yet.
    await refreshProtectedMarks(db(), { organisationIds: [organisationId], blocks: [block] });
    const first = await readBlockReport(db(), nl, request);
    if (first.state !== 'ready') throw new Error('no snapshot');
    expect(first.takenAt.toISOString()).toBe('2026-05-10T10:00:00.000Z');
    expect(summary(first.report)).toEqual([21, 21, 0, 0, 0]);
    expect(first.report.courses.byProvince.rows.flatMap((r) => r.cells).some((c) => c.suppressed)).toBe(true);
    // What the page and CSV show of it (the marks included) is what the snapshot holds.
    expect(reportTables(nl, await buildBlockReport(db(), nl, request))).toEqual(reportTables(nl, first.report));

    // A week later the course has run (nobody was marked present): 8 no-shows now, but the page
    // shows the snapshot, with its date, and solves nothing (another process: no marks in memory).
    setClock(new Date('2026-05-17T10:00:00Z'));
    forgetProtectedMarks();
    await clearStoredMarks(db());
    const solvesBefore = solveCount();
    const later = await readBlockReport(db(), nl, request);
    if (later.state !== 'ready') throw new Error('no snapshot');
    expect(solveCount()).toBe(solvesBefore);
    expect(later.takenAt.toISOString()).toBe('2026-05-10T10:00:00.000Z');
    expect(summary(later.report)).toEqual(summary(first.report));
    expect(reportTables(nl, later.report)).toEqual(reportTables(nl, first.report));
    // Counted now, the figures are not those any more (all 21 are no-shows): the snapshot is what shows.
    const live = await buildBlockReport(db(), nl, request);
    expect(summary(live)[NO_SHOWS]).toBe(21);
    // The CSV says the same, with the same date.
    const csv = reportCsv(nl, later.report, { organisation: 'Org', academy: null, updatedAt: '10 mei 2026' });
    for (const line of csvLinesOf(reportTables(nl, later.report), nl('reports.row.total'))) expect(csv).toContain(`\r\n${line}\r\n`);
    expect(csv).toContain('Cijfers bijgewerkt op 10 mei 2026');

    // The job's run (every 10 minutes) takes the next snapshot: the no-shows appear, dated now.
    await refreshProtectedMarks(db(), { organisationIds: [organisationId], blocks: [block] });
    const next = await readBlockReport(db(), nl, request);
    if (next.state !== 'ready') throw new Error('no snapshot');
    expect(next.takenAt.toISOString()).toBe('2026-05-17T10:00:00.000Z');
    expect(summary(next.report)[NO_SHOWS]).toBe(21);

    // Both snapshots' figures and marks hold up in the LP audit (page and CSV tables).
    for (const [name, report] of [
      ['before', first.report],
      ['after', next.report],
    ] as const)
      expect(await auditPublished([{ name, tables: reportTables(nl, report) }])).toEqual([]);
  }, 120_000);

  it('a year is snapshotted with its quarters, at the same moment and from the same count', async () => {
    setClock(new Date('2026-05-10T10:00:00Z'));
    const organisationId = await organisationWithCourseSoon();
    const year: Block = { kind: 'year', year: 2026 };
    await refreshProtectedMarks(db(), { organisationIds: [organisationId], blocks: [year] });
    const rows = await db()
      .select({ key: reportSnapshots.key, takenAt: reportSnapshots.takenAt })
      .from(reportSnapshots)
      .where(like(reportSnapshots.key, `${organisationId}/%`));
    expect(rows.map((r) => r.key).sort()).toEqual([year, ...quartersOf(year)].map((b) => `${organisationId}/${blockCode(b)}`).sort());
    expect(new Set(rows.map((r) => r.takenAt.toISOString()))).toEqual(new Set(['2026-05-10T10:00:00.000Z']));
    const quarter = await readBlockReport(db(), nl, { organisationId, academyId: null, block: quarterOf('2026-05-10'), cohort: 'month' });
    const whole = await readBlockReport(db(), nl, { organisationId, academyId: null, block: year, cohort: 'month' });
    if (quarter.state !== 'ready' || whole.state !== 'ready') throw new Error('no snapshot');
    expect(summary(quarter.report)).toEqual(summary(whole.report));
  }, 120_000);

  it('with no snapshot yet: a small block is solved in the request and stored; over the budget the page says it is being calculated', async () => {
    setClock(new Date('2026-05-10T10:00:00Z'));
    const organisationId = await organisationWithCourseSoon();
    const block = quarterOf('2026-05-10');
    const request = { organisationId, academyId: null, block, cohort: 'month' as const };
    forgetProtectedMarks();
    await clearStoredMarks(db());
    expect(await readBlockReport(db(), nl, request, { budgetMs: -1 })).toEqual({ state: 'pending' });
    expect(await db().select().from(reportSnapshots).where(eq(reportSnapshots.organisationId, organisationId))).toEqual([]);

    const solved = await readBlockReport(db(), nl, request);
    if (solved.state !== 'ready') throw new Error('not solved');
    expect(summary(solved.report)).toEqual([21, 21, 0, 0, 0]);
    const [row] = await db().select().from(reportSnapshots).where(eq(reportSnapshots.organisationId, organisationId));
    expect(row?.takenAt.getTime()).toBe(now().getTime());
    // Counts only: no address, name or id of a person in what is stored.
    const stored = JSON.stringify(row);
    expect(stored).not.toMatch(/snapshot-.*@example\.nl|Deelnemer/);
  }, 120_000);
});
