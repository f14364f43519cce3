import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { candidacyOutcomes, courseSessions, matches, organisations, registrations, sessionAttendance } from '~db/schema';
import { seedDemoData } from '~db/seed.server';
import { translator } from '~/i18n';
import { setupTestDatabase } from '../../../test/database';
import { createCourse } from '../../../test/courses';
import { createApplication, createMentor, createNetwork, createUser } from '../../../test/mentoring';
import { auditPublished, csvLinesOf, seededRandom } from '../../../test/report-audit';
import { now, setClock } from '../clock.server';
import type { FigureTable } from './figures.server';
import {
  countNationalYear,
  nationalCsv,
  nationalReport,
  nationalTables,
  nationalYears,
  provinceList,
  publishedTables,
} from './national.server';

// Issue 12, item 10: the open national figures (/cijfers page and CSV) under the same LP audit as the
// funder report (test/report-audit.ts): for the demo data and for random data, no hidden figure can
// be worked back exactly, no visible figure contradicts another, every mark tells the truth. And the
// audit does fail when the protection is off (only the counts of 1–4 hidden).

const t = setupTestDatabase();
const db = () => t.handle.db;
const nl = translator('nl');

const random = seededRandom;

const findingsOf = async (name: string, tables: FigureTable[]) =>
  (await auditPublished([{ name, tables }])).map((f) => `${f.kind}: ${f.what}`);

describe('LP audit of the open national figures on the demo data', () => {
  beforeAll(async () => {
    await seedDemoData(db(), { onlyIfEmpty: false });
  });

  it('finds nothing to recover or contradict in any year, on the page or in the CSV', async () => {
    const years = await nationalYears(db());
    expect(years.length).toBeGreaterThan(0);
    const findings: string[] = [];
    let hidden = 0;
    let people = 0;
    for (const year of years) {
      const report = await nationalReport(db(), nl, year);
      const tables = publishedTables(report.tables);
      const csv = nationalCsv(nl, report, 'https://example.nl/cijfers');
      // The CSV publishes exactly the audited lines.
      for (const line of csvLinesOf(tables, nl('reports.row.total'))) expect(csv, `${year}: CSV line ${line}`).toContain(`\r\n${line}\r\n`);
      findings.push(...(await findingsOf(`demo ${year}`, tables)));
      hidden += tables.flatMap((tb) => [...tb.rows.flatMap((r) => r.cells), ...(tb.total ?? [])]).filter((c) => c.suppressed).length;
      people += report.tables.national.rows[0]!.cells[0]!.value;
    }
    expect(findings).toEqual([]);
    expect(people).toBeGreaterThan(0); // the demo organisations take part, so there are figures
    void hidden;
  }, 600_000);
});

describe('LP audit of random open national figures', () => {
  const municipalities = ['GM0193', 'GM0363', 'GM0344', 'GM0014', 'GM0935', 'GM0687', null];
  const year = 2026;

  // The test setup puts the real clock back after each test.
  beforeEach(() => setClock(new Date('2026-11-01T10:00:00Z')));

  /** A country of 1–3 organisations that take part (the earlier ones leave), with random people. */
  async function randomCountry(seed: number) {
    const rand = random(seed * 7919);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    await db().update(organisations).set({ openFigures: false });
    const courseIds: string[] = [];
    const networkIds: string[] = [];
    for (let o = 0; o < 1 + Math.floor(rand() * 3); o++) {
      const first = await createCourse(db(), { startsInDays: -20 - Math.floor(rand() * 250), sessionCount: 2 });
      const organisationId = first.organisation.id;
      await db().update(organisations).set({ openFigures: true }).where(eq(organisations.id, organisationId));
      courseIds.push(first.course.id);
      if (rand() < 0.6)
        courseIds.push(
          (await createCourse(db(), { organisationId, startsInDays: -20 - Math.floor(rand() * 250), sessionCount: 2 })).course.id,
        );
      networkIds.push((await createNetwork(db(), { organisationId })).id);
    }
    const mentors = await Promise.all(networkIds.map(async (id) => (await createMentor(db(), [id])).profile.id));
    const people = 5 + Math.floor(rand() * 60);
    for (let p = 0; p < people; p++) {
      const email = `land-${seed}-${p}@example.nl`;
      const account = rand() < 0.7 ? await createUser(db(), { email }) : null;
      const courses = [pick(courseIds), ...(rand() < 0.2 ? [pick(courseIds)] : [])];
      for (const courseId of new Set(courses)) {
        const [registration] = await db()
          .insert(registrations)
          .values({
            courseId,
            userId: account?.id ?? null,
            name: `Deelnemer ${p}`,
            email,
            municipalityCode: pick(municipalities),
            privacyVersion: '1.0',
            consentedAt: now(),
            status: rand() < 0.85 ? 'confirmed' : 'cancelled',
            confirmedAt: now(),
          })
          .returning();
        if (rand() < 0.6) {
          const [session] = await db().select().from(courseSessions).where(eq(courseSessions.courseId, courseId));
          await db().insert(sessionAttendance).values({ registrationId: registration!.id, sessionId: session!.id, attended: true });
        }
      }
      if (!account) continue;
      if (rand() < 0.45) {
        const n = Math.floor(rand() * networkIds.length);
        const r = rand();
        const { application } = await createApplication(db(), networkIds[n]!, {
          userId: account.id,
          focusGroups: r < 0.4 ? ['women'] : r < 0.6 ? ['practically-educated'] : r < 0.7 ? ['women', 'practically-educated'] : [],
        });
        if (rand() < 0.5)
          await db().insert(matches).values({
            networkId: networkIds[n]!,
            applicationId: application.id,
            mentorProfileId: mentors[n]!,
            status: 'active',
            score: 50,
            proposedAt: now(),
            acceptedAt: now(),
          });
      }
      if (rand() < 0.25) {
        const elected = rand() < 0.35;
        await db().insert(candidacyOutcomes).values({ userId: account.id, electionId: 'gr2026', onList: true, elected });
      }
    }
  }

  it('finds nothing to recover or contradict in 10 random countries, and finds plenty when only small counts are hidden', async () => {
    const provinces = await provinceList(db());
    const protectedFindings: string[] = [];
    const unprotectedFindings: string[] = [];
    let hidden = 0;
    for (let seed = 1; seed <= 10; seed++) {
      await randomCountry(seed);
      const rows = await countNationalYear(db(), year);
      const full = await nationalTables(nl, rows, provinces);
      const tables = publishedTables(full);
      protectedFindings.push(...(await findingsOf(`seed ${seed}`, tables)));
      hidden += tables.flatMap((tb) => [...tb.rows.flatMap((r) => r.cells), ...(tb.total ?? [])]).filter((c) => c.suppressed).length;
      const bare = await nationalTables(nl, rows, provinces, 'small-only');
      unprotectedFindings.push(...(await findingsOf(`seed ${seed} small-only`, publishedTables(bare))));
    }
    expect(protectedFindings).toEqual([]);
    expect(hidden).toBeGreaterThan(10);
    // Without secondary suppression a reader works hidden figures back: the audit must say so.
    expect(unprotectedFindings.filter((f) => f.startsWith('recoverable')).length).toBeGreaterThan(0);
  }, 600_000);
});
