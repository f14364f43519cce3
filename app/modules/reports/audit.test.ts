import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  academies,
  academyApplications,
  candidacyOutcomes,
  courseSessions,
  courses,
  matches,
  menteeApplications,
  networkMentors,
  networks,
  organisations,
  registrations,
  consents,
  sessionAttendance,
  users,
} from '~db/schema';
import { seedDemoData } from '~db/seed.server';
import { translator } from '~/i18n';
import { setupTestDatabase } from '../../../test/database';
import { createCourse } from '../../../test/courses';
import { createApplication, createMentor, createNetwork, createUser, tickRouteStep } from '../../../test/mentoring';
import { auditCombined, auditPublished, csvLinesOf, stats, type Publication, seededRandom } from '../../../test/report-audit';
import { DAY, now, setClock } from '../clock.server';
import { academiesOf, buildReport, reportCsv, reportTables, type CohortKind, type ReportScope } from './figures.server';
import { buildBlockReports } from './joint.server';
import { blockCode, parseBlock, quarterOf, quartersOf, type Block } from './periods';
import type { Cell } from './suppression';

// Issue 12, item 3: every report a reader can get, for the demo data and for random data, audited
// with an LP over everything it publishes (page tables and CSV): no hidden figure can be worked back
// exactly, no visible figure contradicts another, and every mark tells the truth.

const t = setupTestDatabase();
const db = () => t.handle.db;
const nl = translator('nl');

const random = seededRandom;
const day = (d: Date) => d.toISOString().slice(0, 10);
/** The old marking (before issue 12): every hidden figure read "<5", also one hidden only to protect another. */
const oldMarking = (cell: Cell) => (cell.suppressed ? '<5' : String(cell.value));
/** How many findings of each kind. */
const kinds = (findings: { kind: string }[]) =>
  findings.reduce<Record<string, number>>((count, f) => ({ ...count, [f.kind]: (count[f.kind] ?? 0) + 1 }), {});

/**
 * The demo data has no academy applications and no route progress yet: this adds them to NVR, so the
 * audit covers "on the route to a list" and the academy figures (issue 17 item 3, issue 15 item 7).
 * Accepted matches for a dozen of its applicants, each with a step of the route ticked (the first
 * two steps are not "on the route"); an academy with applications over the last ten months in three
 * provinces, admitted or not, some women, one disability with consent, two on a list.
 */
async function addRouteAndAcademyData() {
  const [nvr] = await db().select().from(organisations).where(eq(organisations.slug, 'nvr'));
  const organisationId = nvr!.id;
  // People of NVR's courses (an account made for an address without one), spread over its courses,
  // who applied for a mentor, were matched, and ticked a step of their route.
  const regs = await db()
    .select({ id: registrations.id, email: registrations.email, userId: registrations.userId })
    .from(registrations)
    .innerJoin(courses, eq(courses.id, registrations.courseId))
    .where(and(eq(courses.organisationId, organisationId), eq(registrations.status, 'confirmed')))
    .orderBy(registrations.id)
    .limit(18);
  const [mentor] = await db()
    .select({ networkId: networkMentors.networkId, mentorProfileId: networkMentors.mentorProfileId })
    .from(networkMentors)
    .innerJoin(networks, eq(networks.id, networkMentors.networkId))
    .where(eq(networks.organisationId, organisationId))
    .limit(1);
  for (const [i, reg] of regs.entries()) {
    let userId = reg.userId;
    if (!userId) {
      const email = reg.email.toLowerCase();
      const [known] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
      userId = known?.id ?? (await createUser(db(), { email })).id;
      await db().update(registrations).set({ userId }).where(eq(registrations.id, reg.id));
    }
    const [applied] = await db()
      .select({ id: menteeApplications.id })
      .from(menteeApplications)
      .where(and(eq(menteeApplications.userId, userId), eq(menteeApplications.networkId, mentor!.networkId)));
    if (applied) continue;
    const { application } = await createApplication(db(), mentor!.networkId, { userId });
    const [match] = await db()
      .insert(matches)
      .values({
        networkId: mentor!.networkId,
        applicationId: application.id,
        mentorProfileId: mentor!.mentorProfileId,
        status: 'active',
        score: 70,
        proposedAt: application.createdAt,
        acceptedAt: now(),
      })
      .returning();
    await tickRouteStep(db(), match!, 1 + (i % 6));
  }
  await db().delete(academies).where(eq(academies.name, 'Raadsledenacademie (audit)'));
  const [academy] = await db().insert(academies).values({ organisationId, name: 'Raadsledenacademie (audit)' }).returning();
  const statuses = ['accepted', 'offered', 'declined', 'reserve', 'accepted', 'submitted', 'accepted'] as const;
  const places = ['GM0363', 'GM0363', 'GM0193', 'GM0344'];
  for (let i = 0; i < 22; i++) {
    const user = await createUser(db());
    const consentId =
      i === 3
        ? (
            await db()
              .insert(consents)
              .values({ userId: user.id, purpose: 'special-category', subject: 'academy-application:audit', textVersion: '1' })
              .returning()
          )[0]!.id
        : null;
    await db()
      .insert(academyApplications)
      .values({
        academyId: academy!.id,
        userId: user.id,
        municipalityCode: places[i % places.length]!,
        status: statuses[i % statuses.length]!,
        focusGroups: i % 2 === 0 ? ['women'] : i % 5 === 0 ? ['practically-educated'] : [],
        disability: i === 3 ? true : null,
        disabilityConsentId: consentId,
        createdAt: new Date(now().getTime() - i * 14 * DAY),
      });
    if (i % 9 === 0)
      await db()
        .insert(candidacyOutcomes)
        .values({ userId: user.id, electionId: 'gr2026', onList: true, elected: i === 0 });
  }
}

/** How many people the new figures hold (true values): on the route to a list, academy applications. */
function newFigures(
  tables: { id: string; columns: { key: string }[]; total: { value: number }[] | null; rows: { cells: { value: number }[] }[] }[],
) {
  const funnel = tables.find((tb) => tb.id === 'funnel')!;
  const onRoute = funnel.total?.[funnel.columns.findIndex((c) => c.key === 'onRoute')]?.value ?? 0;
  const applicants = tables.find((tb) => tb.id === 'academy-summary')!.rows[0]!.cells[0]!.value;
  return { onRoute, applicants };
}

async function audit(scope: ReportScope, cohort: CohortKind, name: string) {
  const started = performance.now();
  const report = await buildReport(db(), nl, scope, cohort);
  if (process.env.AUDIT_TIMING) console.log(name, 'report ms', Math.round(performance.now() - started));
  const tables = reportTables(nl, report);
  const csv = reportCsv(nl, report, { organisation: 'Org', academy: null });
  // The CSV publishes exactly the audited lines, no more and no other.
  for (const line of csvLinesOf(tables, nl('reports.row.total'))) expect(csv, `${name}: CSV line ${line}`).toContain(`\r\n${line}\r\n`);
  const findings = await auditPublished([{ name, tables }]);
  // The marking before issue 12: "<5" on every hidden figure. Today's marks must pass where it fails.
  const oldFindings = await auditPublished([{ name, tables }], [], { show: oldMarking });
  const hidden = tables.flatMap((tb) => [...tb.rows.flatMap((r) => r.cells), ...(tb.total ?? [])]).filter((c) => c.suppressed).length;
  return { findings, oldFindings, hidden, ...newFigures(tables) };
}

describe('LP audit of the demo report', () => {
  beforeAll(async () => {
    await seedDemoData(db(), { onlyIfEmpty: false });
    await addRouteAndAcademyData();
  }, 120_000);

  it('finds nothing to recover or contradict, per organisation, academy, period and cohort', async () => {
    const orgs = await db()
      .select()
      .from(organisations)
      .where(inArray(organisations.slug, ['nvr', 'klpp']));
    const today = now();
    const periods = [
      { from: day(new Date(today.getTime() - 365 * DAY)), to: day(today) },
      { from: '2020-01-01', to: day(new Date(today.getTime() + 365 * DAY)) },
    ];
    let audited = 0;
    let hidden = 0;
    let onRoute = 0;
    let applicants = 0;
    const findings: string[] = [];
    const oldFindings: { kind: string }[] = [];
    for (const org of orgs) {
      const academyIds = (await db().select({ id: academies.id }).from(academies).where(eq(academies.organisationId, org.id))).map(
        (a) => a.id,
      );
      for (const academyId of [null, ...academyIds])
        for (const period of periods)
          for (const cohort of ['month', 'academy'] as const) {
            const name = `${org.slug}/${academyId ?? 'all'}/${period.from}/${cohort}`;
            const result = await audit({ organisationId: org.id, academyId, ...period }, cohort, name);
            findings.push(...result.findings.map((f) => `${f.kind}: ${f.what}`));
            oldFindings.push(...result.oldFindings);
            hidden += result.hidden;
            onRoute += result.onRoute;
            applicants += result.applicants;
            audited++;
          }
    }
    expect(findings).toEqual([]);
    // The old marking fails the same audit: a reader sees figures contradict each other, and "<5"
    // stands on figures of 5 or more.
    expect(kinds(oldFindings).contradiction).toBeGreaterThan(0);
    expect(kinds(oldFindings)['false-mark']).toBeGreaterThan(0);
    expect(audited).toBeGreaterThanOrEqual(8);
    expect(hidden).toBeGreaterThan(0); // the demo data does have small figures to protect
    // The new figures are in the audited reports: people on the route to a list, academy applications.
    expect(onRoute).toBeGreaterThan(0);
    expect(applicants).toBeGreaterThan(0);
  }, 600_000);
});

/**
 * Everything a reader can get for an organisation in the given blocks (a year with its four quarters,
 * or one quarter): for the organisation and each academy, both funnels, page and CSV, protected
 * jointly (ADR 015), audited together with the links between them.
 */
async function auditBlocks(organisationId: string, blocks: Block[], label: string) {
  const academyList = await academiesOf(db(), organisationId);
  const publications: Publication[] = [];
  for (const block of blocks) {
    const started = performance.now();
    const { reports } = await buildBlockReports(db(), nl, organisationId, block);
    if (process.env.AUDIT_TIMING) console.log(label, blockCode(block), 'joint report ms', Math.round(performance.now() - started));
    reports.forEach((r, s) => {
      for (const cohort of ['month', 'academy'] as const) {
        const tables = reportTables(nl, r.finish(cohort));
        const csv = reportCsv(nl, r.finish(cohort), { organisation: 'Org', academy: null });
        for (const line of csvLinesOf(tables, nl('reports.row.total')))
          expect(csv, `${label} ${blockCode(block)}: CSV line ${line}`).toContain(`\r\n${line}\r\n`);
        publications.push({ block: blockCode(block), scope: s === 0 ? null : academyList[s - 1]!.name, cohort, tables });
      }
    });
  }
  const years = blocks.filter((b) => b.kind !== 'quarter').map((y) => ({ year: blockCode(y), quarters: quartersOf(y).map(blockCode) }));
  const started = performance.now();
  const findings = await auditCombined(publications, years);
  if (process.env.AUDIT_TIMING) console.log(label, 'audit ms', Math.round(performance.now() - started));
  const hidden = publications
    .flatMap((p) => p.tables.flatMap((tb) => [...tb.rows.flatMap((r) => r.cells), ...(tb.total ?? [])]))
    .filter((c) => c.suppressed).length;
  return { findings: findings.map((f) => `${label}: ${f.kind}: ${f.what}`), hidden, reports: publications.length };
}

/** A year (calendar or programme) with its four quarters. */
const yearWithQuarters = (code: string) => [parseBlock(code)!, ...quartersOf(parseBlock(code)!)];

// What a reader can combine (issue 12, item 4; ADR 015), in the normal suite: a year with its
// quarters (KLPP's calendar and programme year) and a quarter with every academy of its organisation
// (NVR's current quarter, three academies). NVR's years with their quarters and academies (40
// reports, about 5,000 hidden figures in one LP) take minutes to protect and to audit on this shared
// machine: AUDIT_BLOCKS=1 adds them. The audit's failure across blocks is shown in audit-fails.test.ts.
describe('LP audit across blocks and academies (what a reader can combine)', () => {
  beforeAll(async () => {
    await seedDemoData(db(), { onlyIfEmpty: false });
    await addRouteAndAcademyData();
  }, 120_000);

  const orgBySlug = async (slug: string) => (await db().select().from(organisations).where(eq(organisations.slug, slug)))[0]!;
  const thisYear = () => Number(day(now()).slice(0, 4));

  it('demo data: a year with its quarters, and a quarter with every academy, give nothing away together', async () => {
    const klpp = await orgBySlug('klpp');
    const nvr = await orgBySlug('nvr');
    const results = [
      await auditBlocks(klpp.id, yearWithQuarters(String(thisYear())), `klpp ${thisYear()}`),
      await auditBlocks(klpp.id, yearWithQuarters(`${thisYear() - 1}-${thisYear()}`), `klpp ${thisYear() - 1}-${thisYear()}`),
      await auditBlocks(nvr.id, [quarterOf(day(now()))], `nvr ${blockCode(quarterOf(day(now())))}`),
    ];
    const findings = results.flatMap((r) => r.findings);
    if (findings.length) console.log(findings.length, 'findings', findings.slice(0, 40));
    expect(findings).toEqual([]);
    // KLPP: 2 years × 5 blocks × 2 funnels; NVR: its quarter for the organisation and 3 academies × 2 funnels.
    expect(results.map((r) => r.reports)).toEqual([10, 10, 8]);
    expect(results.reduce((sum, r) => sum + r.hidden, 0)).toBeGreaterThan(0);
  }, 300_000);

  it.skipIf(!process.env.AUDIT_BLOCKS)(
    'demo data: every year of both organisations with its quarters and academies',
    async () => {
      const findings: string[] = [];
      for (const slug of ['nvr', 'klpp'])
        for (const code of [String(thisYear()), `${thisYear() - 1}-${thisYear()}`]) {
          const result = await auditBlocks((await orgBySlug(slug)).id, yearWithQuarters(code), `${slug} ${code}`);
          findings.push(...result.findings);
        }
      if (findings.length) console.log(findings.length, 'findings', findings.slice(0, 40));
      console.log(`audit across blocks: ${stats.lps} LPs (solving every hidden figure's bounds: ${stats.lpsOneByOne})`);
      expect(findings).toEqual([]);
    },
    3_600_000,
  );
});

// Not run by default yet: on this shared machine (load 20 on 2 CPUs) it did not finish within five
// minutes, and where the time goes is not known yet. AUDIT_RANDOM_BLOCKS=1 runs it.
describe.skipIf(!process.env.AUDIT_RANDOM_BLOCKS)('LP audit across blocks and academies on random organisations', () => {
  // Issue 12, item 3 across blocks (ADR 015): random organisations with two academies and courses,
  // sign-ups and applications spread over 2025, read by the same reader as the demo data above: the
  // year, its four quarters, the organisation and each academy, both funnels, page and CSV. Seeded,
  // with the clock fixed, so every run builds the same data.
  const provinces = ['GM0193', 'GM0363', 'GM0344', 'GM0014', 'GM0935', 'GM0687'];
  const sources = [null, 'party', 'social-media', 'newsletter', 'website'];
  const daysInto2025 = (rand: () => number) => -(40 + Math.floor(rand() * 350)); // from 2 February 2026

  async function randomOrganisationWithAcademies(seed: number) {
    const rand = random(seed * 104_729);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const first = await createCourse(db(), { startsInDays: daysInto2025(rand), sessionCount: 2, completionThreshold: 2 });
    const organisationId = first.organisation.id;
    const [a, b] = await db()
      .insert(academies)
      .values([
        { organisationId, name: `Academie Noord ${seed}` },
        { organisationId, name: `Academie Zuid ${seed}` },
      ])
      .returning();
    const academyOf = () => {
      const r = rand();
      return r < 0.4 ? a!.id : r < 0.8 ? b!.id : null;
    };
    const courseList = [first];
    for (let i = 0; i < 5 + Math.floor(rand() * 4); i++)
      courseList.push(
        await createCourse(db(), {
          organisationId,
          academyId: academyOf(),
          startsInDays: daysInto2025(rand),
          sessionCount: 2,
          completionThreshold: 1 + Math.floor(rand() * 2),
        }),
      );
    for (const [k, c] of courseList.entries()) {
      const n = Math.floor(rand() * 14);
      if (n === 0) continue;
      const regs = await db()
        .insert(registrations)
        .values(
          Array.from({ length: n }, (_, i) => ({
            courseId: c.course.id,
            name: `Deelnemer ${seed}-${k}-${i}`,
            email: `blocks-${seed}-${k}-${i}@example.nl`,
            municipalityCode: pick(provinces),
            source: pick(sources),
            privacyVersion: '1.0',
            consentedAt: now(),
            status: rand() < 0.85 ? ('confirmed' as const) : ('cancelled' as const),
            confirmedAt: now(),
          })),
        )
        .returning();
      const sessions = await db().select().from(courseSessions).where(eq(courseSessions.courseId, c.course.id));
      const marks = regs.flatMap((r) => sessions.map((s) => ({ registrationId: r.id, sessionId: s.id, attended: rand() < 0.6 })));
      if (marks.length) await db().insert(sessionAttendance).values(marks);
    }
    for (const academyId of [a!.id, b!.id, null]) {
      const network = await createNetwork(db(), { organisationId, academyId });
      const { profile } = await createMentor(db(), [network.id]);
      for (let i = 0; i < Math.floor(rand() * 7); i++) {
        const { application } = await createApplication(db(), network.id, {
          municipalityCode: pick(provinces),
          source: pick(sources),
          focusGroups: rand() < 0.5 ? ['women'] : [],
          createdAt: new Date(now().getTime() + daysInto2025(rand) * DAY),
        });
        const r = rand();
        if (r < 0.5)
          await db()
            .insert(matches)
            .values({
              networkId: network.id,
              applicationId: application.id,
              mentorProfileId: profile.id,
              status: r < 0.2 ? 'declined' : r < 0.4 ? 'active' : 'expired',
              score: 50,
              proposedAt: application.createdAt,
              acceptedAt: r >= 0.2 && r < 0.4 ? now() : null,
            });
      }
    }
    return organisationId;
  }

  it('a year, its quarters, the organisation and its academies give nothing away together (3 random organisations)', async () => {
    // The clock starts at a fixed moment and runs on (code that waits for time to pass still works).
    const started = Date.now();
    setClock(() => new Date(Date.parse('2026-02-02T10:00:00Z') + (Date.now() - started)));
    try {
      const findings: string[] = [];
      let hidden = 0;
      let reports = 0;
      for (const seed of [1, 2, 3]) {
        const organisationId = await randomOrganisationWithAcademies(seed);
        const result = await auditBlocks(organisationId, yearWithQuarters('2025'), `random ${seed} 2025`);
        findings.push(...result.findings);
        hidden += result.hidden;
        reports += result.reports;
      }
      if (findings.length) console.log(findings.length, 'findings', findings.slice(0, 40));
      expect(findings).toEqual([]);
      expect(reports).toBe(3 * 5 * 3 * 2); // organisations × blocks × (organisation + 2 academies) × funnels
      expect(hidden).toBeGreaterThan(20);
    } finally {
      setClock(undefined);
    }
  }, 300_000);
});

describe('LP audit of random reports', () => {
  const provinces = ['GM0193', 'GM0363', 'GM0344', 'GM0014', 'GM0935', 'GM0687'];
  const sources = [null, 'party', 'social-media', 'newsletter', 'website', 'course-follow-up'];

  async function randomOrganisation(seed: number) {
    const rand = random(seed * 7919);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const first = await createCourse(db(), { startsInDays: -30 - Math.floor(rand() * 200), sessionCount: 2, completionThreshold: 2 });
    const organisationId = first.organisation.id;
    const courseList = [first];
    for (let i = 0; i < 1 + Math.floor(rand() * 3); i++)
      courseList.push(
        await createCourse(db(), { organisationId, startsInDays: Math.floor(rand() * 300) - 250, sessionCount: 2, completionThreshold: 1 }),
      );
    const regEmails: string[] = [];
    for (const c of courseList) {
      const n = Math.floor(rand() * 25);
      if (n === 0) continue;
      const regs = await db()
        .insert(registrations)
        .values(
          Array.from({ length: n }, (_, i) => ({
            courseId: c.course.id,
            name: `Deelnemer ${seed}-${i}`,
            email: `audit-${seed}-${c.course.id.slice(0, 6)}-${i}@example.nl`,
            municipalityCode: pick(provinces),
            source: pick(sources),
            privacyVersion: '1.0',
            consentedAt: now(),
            status: rand() < 0.85 ? ('confirmed' as const) : ('cancelled' as const),
            confirmedAt: now(),
          })),
        )
        .returning();
      regEmails.push(...regs.map((r) => r.email));
      const sessions = await db().select().from(courseSessions).where(eq(courseSessions.courseId, c.course.id));
      const marks = regs.flatMap((r) =>
        sessions.filter((s) => s.startsAt < now()).map((s) => ({ registrationId: r.id, sessionId: s.id, attended: rand() < 0.6 })),
      );
      if (marks.length) await db().insert(sessionAttendance).values(marks);
    }
    const network = await createNetwork(db(), { organisationId });
    const { profile } = await createMentor(db(), [network.id]);
    // Route progress and an academy's applications come from their own stream, so the courses and
    // mentoring above stay the data they were before these figures existed.
    const extra = random(seed * 7727);
    const taken = new Set<string>();
    const apps = Math.floor(rand() * 14);
    for (let i = 0; i < apps; i++) {
      // Half the applicants are course participants (their account has the sign-up's address), so
      // the funnel's later stages count them.
      const email = regEmails[Math.floor(extra() * regEmails.length)];
      const asParticipant = email !== undefined && extra() < 0.5 && !taken.has(email);
      if (asParticipant) taken.add(email);
      const { application } = await createApplication(
        db(),
        network.id,
        {
          municipalityCode: pick(provinces),
          source: pick(sources),
          focusGroups: rand() < 0.5 ? ['women'] : rand() < 0.5 ? ['practically-educated'] : [],
          createdAt: new Date(now().getTime() - Math.floor(rand() * 300) * DAY),
        },
        asParticipant ? { email } : {},
      );
      const r = rand();
      if (r < 0.5) {
        const [match] = await db()
          .insert(matches)
          .values({
            networkId: network.id,
            applicationId: application.id,
            mentorProfileId: profile.id,
            status: r < 0.2 ? 'declined' : r < 0.4 ? 'active' : 'expired',
            score: 50,
            proposedAt: application.createdAt,
            acceptedAt: r >= 0.2 && r < 0.4 ? now() : null,
          })
          .returning();
        if (extra() < 0.7) await tickRouteStep(db(), match!, 1 + Math.floor(extra() * 6));
      }
    }
    const [academy] = await db()
      .insert(academies)
      .values({ organisationId, name: `Academie ${seed}` })
      .returning();
    const statuses = ['submitted', 'offered', 'accepted', 'refused', 'lapsed', 'reserve', 'declined', 'withdrawn'] as const;
    for (let i = 0; i < Math.floor(extra() * 16); i++) {
      const user = await createUser(db());
      await db()
        .insert(academyApplications)
        .values({
          academyId: academy!.id,
          userId: user.id,
          municipalityCode: provinces[Math.floor(extra() * provinces.length)]!,
          status: statuses[Math.floor(extra() * statuses.length)]!,
          focusGroups: extra() < 0.5 ? ['women'] : [],
          createdAt: new Date(now().getTime() - Math.floor(extra() * 300) * DAY),
        });
      if (extra() < 0.25)
        await db()
          .insert(candidacyOutcomes)
          .values({ userId: user.id, electionId: 'gr2026', onList: true, elected: extra() < 0.5 });
    }
    return organisationId;
  }

  it('finds nothing to recover or contradict in 12 random organisations', async () => {
    const findings: string[] = [];
    let hidden = 0;
    let onRoute = 0;
    let applicants = 0;
    const oldFindings: { kind: string }[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const organisationId = await randomOrganisation(seed);
      const scope = { organisationId, academyId: null, from: '2020-01-01', to: day(new Date(now().getTime() + 365 * DAY)) };
      const result = await audit(scope, 'month', `seed ${seed}`);
      findings.push(...result.findings.map((f) => `${f.kind}: ${f.what}`));
      oldFindings.push(...result.oldFindings);
      hidden += result.hidden;
      onRoute += result.onRoute;
      applicants += result.applicants;
    }
    expect(findings).toEqual([]);
    // The old marking fails it.
    if (process.env.AUDIT_TIMING) console.log('random reports, old marking:', kinds(oldFindings));
    expect(kinds(oldFindings).contradiction).toBeGreaterThan(0);
    expect(kinds(oldFindings)['false-mark']).toBeGreaterThan(0);
    expect(hidden).toBeGreaterThan(10);
    expect(onRoute).toBeGreaterThan(0);
    expect(applicants).toBeGreaterThan(20);
  }, 600_000);
});

void courses;
void menteeApplications;
