import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations, registrations, type NationalContributors, type NationalFigureRow } from '~db/schema';
import { translator } from '~/i18n';
import { setupTestDatabase } from '../../../test/database';
import { createCourse } from '../../../test/courses';
import { auditPublished } from '../../../test/report-audit';
import { now, setClock } from '../clock.server';
import { countNationalContributors, nationalTables, provinceList, publishedTables } from './national.server';
import { showCell } from './suppression';

// ADR 017, /cijfers: a cell is published only when people of at least three organisations taking
// part are in it, so that a coordinator who subtracts their own organisation's figures cannot read
// one other organisation's figures off the national page.

const t = setupTestDatabase();
const db = () => t.handle.db;
const nl = translator('nl');

const row = (provinceCode: string, counts: number[]): NationalFigureRow => ({
  provinceCode,
  women: false,
  practicallyEducated: false,
  counts,
});
const flat = (n: number) => [n, n, n, n, n, n];

describe('/cijfers: the rule of three organisations', () => {
  // Zwolle's province (PV23) has 30 people from two organisations; Utrecht (PV26) 40 and Noord-Holland (PV27) 50, from three.
  const rows = [row('PV23', [30, 20, 10, 8, 6, 5]), row('PV26', [40, 30, 20, 15, 10, 6]), row('PV27', [50, 40, 30, 25, 20, 10])];
  const contributors: NationalContributors = {
    total: flat(4),
    provinces: { PV23: flat(2), PV26: flat(3), PV27: flat(3) },
    women: flat(0),
    practicallyEducated: flat(0),
  };
  const province = (tables: Awaited<ReturnType<typeof nationalTables>>, code: string) =>
    tables.byProvince.rows.find((r) => r.key === code)!.cells.map(showCell);

  it('hides a province with people of only two organisations as "×", shows those of three, and the audit holds', async () => {
    const provinces = await provinceList(db());
    const without = await nationalTables(nl, rows, provinces);
    expect(province(without, 'PV23')).toEqual(['30', '20', '10', '8', '6', '5']);

    const tables = await nationalTables(nl, rows, provinces, 'full', contributors);
    expect(province(tables, 'PV23')).toEqual(['×', '×', '×', '×', '×', '×']);
    // Protected as any hidden figure: another province is hidden too, so the total does not give it away.
    const hiddenElsewhere = ['PV26', 'PV27'].flatMap((code) => province(tables, code)).filter((text) => text === '×');
    expect(hiddenElsewhere.length).toBeGreaterThanOrEqual(6);
    expect(tables.national.rows[0]!.cells.map(showCell)).toEqual(['120', '90', '60', '48', '36', '21']);
    expect(await auditPublished([{ name: 'cijfers', tables: publishedTables(tables) }])).toEqual([]);
  });

  it('counts the organisations in each province from the data', async () => {
    setClock(new Date('2026-03-01T10:00:00Z'));
    try {
      const made: string[] = [];
      // Three organisations with people from Zwolle (GM0193); only the first two also from Utrecht (GM0344).
      for (let k = 0; k < 3; k++) {
        const { organisation, course } = await createCourse(db(), { startsInDays: 3, sessionCount: 1 });
        await db().update(organisations).set({ openFigures: true }).where(eq(organisations.id, organisation.id));
        made.push(organisation.id);
        await db()
          .insert(registrations)
          .values(
            (k < 2 ? ['GM0193', 'GM0344'] : ['GM0193']).map((municipalityCode, i) => ({
              courseId: course.id,
              name: `Deelnemer ${k}-${i}`,
              email: `rule-${k}-${i}@example.nl`,
              municipalityCode,
              privacyVersion: '1.0',
              consentedAt: now(),
              status: 'confirmed' as const,
              confirmedAt: now(),
            })),
          );
      }
      const counted = await countNationalContributors(db(), 2026);
      expect(counted.provinces.PV23![0]).toBe(3);
      expect(counted.provinces.PV26![0]).toBe(2);
      expect(counted.total[0]).toBe(3);
      expect(counted.provinces.PV23![1]).toBe(0); // nobody attended yet
    } finally {
      setClock(undefined);
    }
  });
});
