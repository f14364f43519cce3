import { beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '~db/schema/organisations';
import { seedDemoData } from '~db/seed.server';
import { setupTestDatabase } from '../../../test/database';
import { confirmedSignUps } from '../../../test/report-audit';
import { createCourse } from '../../../test/courses';
import { dutchToday } from '~/modules/clock.server';
import { loadBlockFigures } from './block-data.server';
import { academiesOf, loadReportData, type ReportData, type ReportScope } from './figures.server';
import { blockCode, blockDays, quarterOf, quartersOf, type Block } from './periods';

// The figures of a year and its quarters, for an organisation and each academy, read in a few grouped
// queries (block-data.server.ts, issue 12 item 9), are exactly those the report counted one block,
// scope and funnel at a time (loadReportData): the same cells, cohorts, applications and capacity.

const t = setupTestDatabase();
const db = () => t.handle.db;

/** Order-free form of one scope's data: what the figure system is built from. */
function comparable(data: ReportData, byAcademy: ReportData['courseFigures']['cohorts']) {
  const byKey = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    cells: byKey(data.courseFigures.cells, (c) => JSON.stringify([c.provinceCode, c.province, c.source, c.utmSource])),
    months: byKey(data.courseFigures.cohorts, (c) => c.key),
    byAcademy: byKey(byAcademy, (c) => c.key),
    academyApplications: byKey(data.academyData, (a) => a.id),
    applications: byKey(data.applicationData, (a) => a.id).map((a) => ({
      id: a.id,
      provinceCode: a.provinceCode,
      source: a.source,
      utmSource: a.utmSource,
      focusGroups: a.focusGroups,
      disability: a.disability,
      flags: [a.proposed, a.accepted, a.declined, a.expired, a.active, a.completed],
      daysToAccepted: a.daysToAccepted,
    })),
    capacity: data.capacity,
  };
}

describe('block figures read together', () => {
  let orgIds: { id: string; slug: string }[] = [];
  beforeAll(async () => {
    await seedDemoData(db(), { onlyIfEmpty: false });
    orgIds = await db().select({ id: organisations.id, slug: organisations.slug }).from(organisations);
    // A course not started yet, in this quarter (its confirmed people are "not started", counted from the rows).
    const nvr = orgIds.find((o) => o.slug === 'nvr')!.id;
    const { course } = await createCourse(db(), { organisationId: nvr, startsInDays: 3, sessionCount: 2 });
    await confirmedSignUps(db(), course.id, 'block', { GM0363: 3 });
  });

  const year = Number(dutchToday().slice(0, 4));
  const cases: Block[] = [{ kind: 'year', year }, { kind: 'programme', year }, quarterOf(dutchToday())];

  it.each(cases.map((b) => [blockCode(b), b] as const))('%s: the same figures as counted one by one', async (_, block) => {
    let compared = 0;
    for (const org of orgIds) {
      const blocks = block.kind === 'quarter' ? [block] : [...quartersOf(block), block];
      const together = await loadBlockFigures(db(), org.id, blocks);
      const academies = await academiesOf(db(), org.id);
      expect(together.academies).toEqual(academies);
      for (const figures of together.blocks) {
        const scope: ReportScope = { organisationId: org.id, academyId: null, ...blockDays(figures.block) };
        const [alone, byAcademy] = await Promise.all([loadReportData(db(), scope, 'month'), loadReportData(db(), scope, 'academy')]);
        expect(comparable(figures.organisation, figures.byAcademy), `${org.slug} ${blockCode(figures.block)}`).toEqual(
          comparable(alone, byAcademy.courseFigures.cohorts),
        );
        for (const academy of academies) {
          const one = await loadReportData(db(), { ...scope, academyId: academy.id }, 'month');
          expect(
            comparable(
              figures.academies.get(academy.id)!,
              figures.byAcademy.filter((c) => c.key === academy.id),
            ),
            `${org.slug}/${academy.name} ${blockCode(figures.block)}`,
          ).toEqual(
            comparable(
              one,
              byAcademy.courseFigures.cohorts.filter((c) => c.key === academy.id),
            ),
          );
        }
        compared += figures.organisation.courseFigures.cells.length + figures.organisation.applicationData.length;
      }
    }
    // The demo data have figures in these blocks: the comparison compared something.
    expect(compared).toBeGreaterThan(0);
  });
});
