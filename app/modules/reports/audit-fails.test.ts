import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { courseSessions, sessionAttendance } from '~db/schema';
import { translator } from '~/i18n';
import { setupTestDatabase } from '../../../test/database';
import { createCourse } from '../../../test/courses';
import { auditCombined, auditPublished, confirmedSignUps, type Publication } from '../../../test/report-audit';
import { setClock } from '../clock.server';
import { buildReport, reportTables, type FigureTable } from './figures.server';
import { buildBlockReports } from './joint.server';
import { blockCode, blockDays, quartersOf, type Block } from './periods';
import { isSmall } from './suppression';

// The LP audit (test/report-audit.ts) can fail: fed a deliberately broken suppression of data made by
// hand, it names the very figure a reader works back, and its value. The same data, protected by the
// production code, give it nothing. Only the LP part of the audit reports a figure as recoverable, so
// without it these tests fail.

const t = setupTestDatabase();
const db = () => t.handle.db;
const nl = translator('nl');

afterEach(() => setClock(undefined));

/** Confirmed sign-ups for a course, by municipality (GM0193 Zwolle in Overijssel, GM0363 Amsterdam in Noord-Holland); all attended. */
async function signUps(courseId: string, counts: Record<string, number>) {
  const regs = await confirmedSignUps(db(), courseId, `fails-${courseId.slice(0, 8)}`, counts);
  const sessions = await db().select().from(courseSessions).where(eq(courseSessions.courseId, courseId));
  await db()
    .insert(sessionAttendance)
    .values(regs.flatMap((r) => sessions.map((s) => ({ registrationId: r.id, sessionId: s.id, attended: true }))));
}

/** Only the counts of 1–4 hidden: the suppression with its secondary part switched off. */
const smallOnly = (tables: FigureTable[]): FigureTable[] =>
  tables.map((tb) => {
    const mark = (cells: { value: number }[]) => cells.map((c) => ({ value: c.value, suppressed: isSmall(c.value) }));
    return { ...tb, rows: tb.rows.map((r) => ({ ...r, cells: mark(r.cells) })), total: tb.total ? mark(tb.total) : null };
  });

const findingsOf = async (...args: Parameters<typeof auditPublished>) => (await auditPublished(...args)).map((f) => `${f.kind}: ${f.what}`);

describe('the LP audit fails on a broken suppression', () => {
  it('one report: without secondary suppression it finds the province worked back from the total', async () => {
    // One course: 10 people from Amsterdam, 3 from Zwolle. The total (13) and Amsterdam (10) shown
    // leave Overijssel's sign-ups at exactly 3.
    const { course, organisation } = await createCourse(db(), { startsInDays: -30, sessionCount: 1 });
    await signUps(course.id, { GM0363: 10, GM0193: 3 });
    const report = await buildReport(db(), nl, { organisationId: organisation.id, academyId: null, from: '2020-01-01', to: '2030-12-31' });
    const tables = reportTables(nl, report);

    const broken = await findingsOf([{ name: 'one', tables: smallOnly(tables) }]);
    expect(broken).toContain('recoverable: one|courses-province|Overijssel|signUps (<5) is exactly 3');
    expect(broken).toContain('recoverable: one|courses-province|Overijssel|attended (<5) is exactly 3');
    // No visible figure contradicts another: only the LP tells.
    expect(broken.filter((f) => !f.startsWith('recoverable'))).toEqual([]);

    // The production suppression of the same report gives the audit nothing.
    expect(await findingsOf([{ name: 'one', tables }])).toEqual([]);
  });

  it('across blocks: a quarter protected apart from its year is worked back from the year and the other quarter', async () => {
    // The clock at 2 February 2026: a course in 2025-K1 with 3 from Zwolle (and 10 from Amsterdam),
    // one in 2025-K2 with 6 from Zwolle (and 8 from Amsterdam). Protected one block at a time, the
    // year shows Zwolle's 9 and the second quarter its 6: the first quarter's "<5" is exactly 3.
    const started = Date.now();
    setClock(() => new Date(Date.parse('2026-02-02T10:00:00Z') + (Date.now() - started)));
    const first = await createCourse(db(), { startsInDays: -360, sessionCount: 1 });
    const organisationId = first.organisation.id;
    const second = await createCourse(db(), { organisationId, startsInDays: -260, sessionCount: 1 });
    await signUps(first.course.id, { GM0363: 10, GM0193: 3 });
    await signUps(second.course.id, { GM0363: 8, GM0193: 6 });
    const year: Block = { kind: 'year', year: 2025 };
    const years = [{ year: blockCode(year), quarters: quartersOf(year).map(blockCode) }];
    const blocks = [year, ...quartersOf(year)];

    const alone: Publication[] = [];
    const joint: Publication[] = [];
    for (const block of blocks) {
      const { reports } = await buildBlockReports(db(), nl, organisationId, block);
      for (const cohort of ['month', 'academy'] as const) {
        const scope = { organisationId, academyId: null, ...blockDays(block) };
        alone.push({ block: blockCode(block), scope: null, cohort, tables: reportTables(nl, await buildReport(db(), nl, scope, cohort)) });
        joint.push({ block: blockCode(block), scope: null, cohort, tables: reportTables(nl, reports[0]!.finish(cohort)) });
      }
    }

    const broken = (await auditCombined(alone, years)).map((f) => `${f.kind}: ${f.what}`);
    expect(broken).toContain('recoverable: 2025-K1/org/month|courses-province|Overijssel|signUps (<5) is exactly 3');
    expect(broken.filter((f) => !f.startsWith('recoverable'))).toEqual([]);
    // Each report on its own passes: only putting the blocks side by side gives the figure away.
    for (const p of alone) expect(await findingsOf([{ name: `${p.block}/${p.cohort}`, tables: p.tables }])).toEqual([]);

    // Protected together (ADR 015), the same blocks give nothing away.
    expect(await auditCombined(joint, years)).toEqual([]);
  });
});
