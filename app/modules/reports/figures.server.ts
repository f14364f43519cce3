import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  academies,
  candidacyOutcomes,
  consents,
  courseSessions,
  courses,
  matches,
  menteeApplications,
  mentorProfiles,
  municipalities,
  networkMentors,
  networks,
  registrations,
  sessionAttendance,
  users,
} from '~db/schema';
import type { MessageKey, Translate } from '~/i18n';
import { now, DAY } from '../clock.server';
import { excelCsv } from '../csv.server';
import { cost, FigureSystem } from './figure-system.server';
import { sourceLabel } from './labels';
import { showCell, suppressCount, type Cell } from './suppression';

// The funder report: counts of people per organisation (and academy) and period, broken down by
// province, focus group and campaign source, every figure through the small-cell suppression.

export type ReportScope = {
  organisationId: string;
  academyId: string | null;
  /** Inclusive, YYYY-MM-DD, days in Dutch time. */
  from: string;
  to: string;
};

export type CohortKind = 'month' | 'academy';

export const courseMeasures = ['signUps', 'confirmed', 'attended', 'completed', 'noShows'] as const;
export const mentoringMeasures = ['applications', 'proposed', 'accepted', 'declined', 'expired', 'active', 'completed'] as const;
export const funnelStages = ['signedUp', 'attended', 'completed', 'applied', 'matched', 'onList', 'elected'] as const;

/** A table of suppressed figures, ready for a screen, a chart and a CSV file. */
export type FigureTable = {
  id: string;
  caption: string;
  /** Header of the first column (what the rows are). */
  rowHeader: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string; cells: Cell[] }[];
  /** The total row (null when the rows overlap, as focus groups do). */
  total: Cell[] | null;
};

const dutchDay = (column: SQL | unknown) => sql<string>`to_char((${column}) at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`;

/** Drizzle gives counts as numbers or strings depending on the driver. */
const num = (value: unknown) => Number(value ?? 0);

// ---------------------------------------------------------------------------------------------
// Raw rows (one per registration / application), then counted in code: a report's scope is one
// organisation and period, which keeps these lists small.

async function courseRows(db: Db, scope: ReportScope) {
  const firstStart = sql`(select min(${courseSessions.startsAt}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id})`;
  const rows = await db
    .select({
      id: registrations.id,
      status: registrations.status,
      source: registrations.source,
      utmSource: sql<string | null>`${registrations.utm} ->> 'utm_source'`,
      userId: sql<
        string | null
      >`coalesce(${registrations.userId}, (select ${users.id} from ${users} where ${users.email} = lower(${registrations.email})))`,
      provinceCode: municipalities.provinceCode,
      province: municipalities.province,
      courseId: courses.id,
      academyId: courses.academyId,
      academyName: academies.name,
      firstDay: dutchDay(firstStart),
      started: sql<boolean>`coalesce(${firstStart} <= ${now().toISOString()}::timestamptz, false)`,
      sessions: sql<number>`(select count(*) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id})`.mapWith(Number),
      threshold: courses.completionThreshold,
      attended:
        sql<number>`(select count(*) from ${sessionAttendance} join ${courseSessions} on ${courseSessions.id} = ${sessionAttendance.sessionId} where ${sessionAttendance.registrationId} = ${registrations.id} and ${sessionAttendance.attended})`.mapWith(
          Number,
        ),
    })
    .from(registrations)
    .innerJoin(courses, eq(courses.id, registrations.courseId))
    .leftJoin(academies, eq(academies.id, courses.academyId))
    .leftJoin(municipalities, eq(municipalities.code, registrations.municipalityCode))
    .where(
      and(
        eq(courses.organisationId, scope.organisationId),
        scope.academyId ? eq(courses.academyId, scope.academyId) : undefined,
        sql`${dutchDay(firstStart)} between ${scope.from} and ${scope.to}`,
      ),
    );
  return rows.map((r) => {
    const sessions = num(r.sessions);
    const attended = num(r.attended);
    const threshold = Math.max(1, Math.min(r.threshold ?? sessions, sessions));
    const confirmed = r.status === 'confirmed';
    return {
      ...r,
      started: r.started === true || String(r.started) === 'true',
      confirmed,
      hasAttended: confirmed && attended > 0,
      // The course's own rule (app/modules/courses/lifecycle.server.ts completionThreshold).
      completed: confirmed && sessions > 0 && attended >= threshold,
    };
  });
}
type CourseRow = Awaited<ReturnType<typeof courseRows>>[number];

async function applicationRows(db: Db, scope: ReportScope) {
  const rows = await db
    .select({
      id: menteeApplications.id,
      userId: menteeApplications.userId,
      createdAt: menteeApplications.createdAt,
      provinceCode: municipalities.provinceCode,
      province: municipalities.province,
      focusGroups: menteeApplications.focusGroups,
      // Special-category: counted only with an active consent for it, never shown per person.
      disability: sql<boolean>`coalesce(${menteeApplications.disability} and ${consents.id} is not null, false)`,
      source: menteeApplications.source,
      utmSource: sql<string | null>`${menteeApplications.utm} ->> 'utm_source'`,
      academyId: networks.academyId,
    })
    .from(menteeApplications)
    .innerJoin(networks, eq(networks.id, menteeApplications.networkId))
    .leftJoin(municipalities, eq(municipalities.code, menteeApplications.municipalityCode))
    .leftJoin(
      consents,
      and(
        eq(consents.id, menteeApplications.disabilityConsentId),
        eq(consents.userId, menteeApplications.userId),
        eq(consents.purpose, 'special-category'),
        isNull(consents.withdrawnAt),
      ),
    )
    .where(
      and(
        eq(networks.organisationId, scope.organisationId),
        scope.academyId ? eq(networks.academyId, scope.academyId) : undefined,
        sql`${dutchDay(menteeApplications.createdAt)} between ${scope.from} and ${scope.to}`,
      ),
    );
  const ids = rows.map((r) => r.id);
  const matchRows = ids.length
    ? await db
        .select({
          applicationId: matches.applicationId,
          status: matches.status,
          proposedAt: matches.proposedAt,
          acceptedAt: matches.acceptedAt,
        })
        .from(matches)
        .where(inArray(matches.applicationId, ids))
    : [];
  const byApplication = new Map<string, typeof matchRows>();
  for (const m of matchRows) byApplication.set(m.applicationId, [...(byApplication.get(m.applicationId) ?? []), m]);
  return rows.map((r) => {
    const ms = byApplication.get(r.id) ?? [];
    const accepted = ms.filter((m) => m.acceptedAt).map((m) => m.acceptedAt!.getTime());
    return {
      ...r,
      disability: r.disability === true || String(r.disability) === 'true',
      proposed: ms.some((m) => m.proposedAt !== null),
      accepted: accepted.length > 0,
      declined: ms.some((m) => m.status === 'declined'),
      expired: ms.some((m) => m.status === 'expired'),
      active: ms.some((m) => m.status === 'active'),
      completed: ms.some((m) => m.status === 'completed'),
      daysToAccepted: accepted.length ? (Math.min(...accepted) - r.createdAt.getTime()) / DAY : null,
    };
  });
}
type ApplicationRow = Awaited<ReturnType<typeof applicationRows>>[number];

// ---------------------------------------------------------------------------------------------
// Counting

function courseCounts(rows: CourseRow[]) {
  const signUps = rows.length;
  const confirmed = rows.filter((r) => r.confirmed).length;
  const attended = rows.filter((r) => r.hasAttended).length;
  const completed = rows.filter((r) => r.completed).length;
  const noShows = rows.filter((r) => r.confirmed && r.started && !r.hasAttended).length;
  // Not shown, but a reader can tell it from the course dates: treated as known.
  const notStarted = rows.filter((r) => r.confirmed && !r.started && !r.hasAttended).length;
  return [signUps, confirmed, attended, completed, noShows, notStarted];
}
/**
 * One row of course figures in the system, with what a reader knows inside it: confirmed = attended +
 * no-shows + not started (known from the dates, never published), completed <= attended, confirmed <=
 * sign-ups.
 */
function courseRow(system: FigureSystem, counts: number[], costOf: (value: number) => number) {
  const row = system.addRow(counts, costOf, [5]);
  system.sum([row[2]!, row[4]!, row[5]!], row[1]!);
  system.atMost(row[3]!, row[2]!);
  system.atMost(row[1]!, row[0]!);
  return row;
}

/** One row of mentoring figures: every step counts some of the applications. */
function mentoringRow(system: FigureSystem, counts: number[], costOf: (value: number) => number) {
  const row = system.addRow(counts, costOf);
  for (const i of row.slice(1)) system.atMost(i, row[0]!);
  return row;
}

function mentoringCounts(rows: ApplicationRow[]) {
  return [
    rows.length,
    rows.filter((r) => r.proposed).length,
    rows.filter((r) => r.accepted).length,
    rows.filter((r) => r.declined).length,
    rows.filter((r) => r.expired).length,
    rows.filter((r) => r.active).length,
    rows.filter((r) => r.completed).length,
  ];
}

/** Groups rows by a key (in first-seen order of the sorted labels), keeping an "unknown" group last. */
function groupBy<R>(rows: R[], keyOf: (r: R) => { key: string; label: string }) {
  const groups = new Map<string, { label: string; rows: R[] }>();
  for (const r of rows) {
    const { key, label } = keyOf(r);
    const group = groups.get(key) ?? { label, rows: [] };
    group.rows.push(r);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ key, ...g }))
    .sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.label.localeCompare(b.label, 'nl')));
}

function provinceLabel(t: Translate, r: { provinceCode: string | null; province: string | null }) {
  return r.provinceCode ? { key: r.provinceCode, label: r.province ?? r.provinceCode } : { key: '', label: t('reports.row.unknown') };
}

/** A table whose cells are figures of the system, made into a FigureTable once they are protected. */
type PendingTable = Omit<FigureTable, 'rows' | 'total'> & {
  rows: { key: string; label: string; figures: number[] }[];
  total: number[] | null;
};

function finish(system: FigureSystem, table: PendingTable): FigureTable {
  const width = table.columns.length;
  return {
    ...table,
    rows: table.rows.map((r) => ({ key: r.key, label: r.label, cells: r.figures.slice(0, width).map((i) => system.cell(i)) })),
    total: table.total ? table.total.slice(0, width).map((i) => system.cell(i)) : null,
  };
}

/** Rows that partition the people of the summary: their columns add up to the summary's figures. */
function breakdown<R>(
  t: Translate,
  system: FigureSystem,
  spec: {
    id: string;
    caption: MessageKey;
    rowHeader: MessageKey;
    measures: readonly string[];
    measureKey: string;
    rows: R[];
    keyOf: (r: R) => { key: string; label: string };
    counts: (rows: R[]) => number[];
    row: (system: FigureSystem, counts: number[], costOf: (value: number) => number) => number[];
    summary: number[];
  },
): PendingTable {
  const groups = groupBy(spec.rows, spec.keyOf).map((g) => ({ ...g, figures: spec.row(system, spec.counts(g.rows), cost.interior) }));
  system.partition(
    groups.map((g) => g.figures),
    spec.summary,
  );
  return {
    id: spec.id,
    caption: t(spec.caption),
    rowHeader: t(spec.rowHeader),
    columns: spec.measures.map((m) => ({ key: m, label: t(`reports.${spec.measureKey}.${m}` as MessageKey) })),
    rows: groups.map((g) => ({ key: g.key, label: g.label, figures: g.figures })),
    total: spec.summary,
  };
}

function median(values: number[]) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Mentors of the organisation's (or academy's) networks: their one capacity and the mentees they have now. */
async function mentorCapacity(db: Db, scope: ReportScope) {
  const inScope = db
    .selectDistinct({ id: networkMentors.mentorProfileId })
    .from(networkMentors)
    .innerJoin(networks, eq(networks.id, networkMentors.networkId))
    .where(and(eq(networks.organisationId, scope.organisationId), scope.academyId ? eq(networks.academyId, scope.academyId) : undefined));
  const [row] = await db
    .select({
      mentors: sql<number>`count(*)`.mapWith(Number),
      capacity: sql<number>`coalesce(sum(${mentorProfiles.capacity}), 0)`.mapWith(Number),
      // Spelled out: drizzle leaves columns unqualified in a one-table select, and "id" would be the match's.
      used: sql<number>`coalesce(sum((select count(*) from matches m where m.mentor_profile_id = mentor_profiles.id and m.status = 'active')), 0)`.mapWith(
        Number,
      ),
    })
    .from(mentorProfiles)
    .where(inArray(mentorProfiles.id, inScope));
  return { mentors: num(row?.mentors), capacity: num(row?.capacity), used: num(row?.used) };
}

// ---------------------------------------------------------------------------------------------
// The funnel: per cohort, how many people reached each step.

async function funnel(
  db: Db,
  t: Translate,
  system: FigureSystem,
  scope: ReportScope,
  rows: CourseRow[],
  cohort: CohortKind,
): Promise<PendingTable> {
  const userIds = [...new Set(rows.map((r) => r.userId).filter((id): id is string => Boolean(id)))];
  const applied = new Set<string>();
  const matched = new Set<string>();
  const onList = new Set<string>();
  const elected = new Set<string>();
  if (userIds.length) {
    // Only this organisation's networks: another organisation's mentoring is not ours to count.
    const apps = await db
      .select({
        userId: menteeApplications.userId,
        matched: sql<boolean>`exists (select 1 from ${matches} where ${matches.applicationId} = ${menteeApplications.id} and ${matches.acceptedAt} is not null)`,
      })
      .from(menteeApplications)
      .innerJoin(networks, eq(networks.id, menteeApplications.networkId))
      .where(and(eq(networks.organisationId, scope.organisationId), inArray(menteeApplications.userId, userIds)));
    for (const a of apps) {
      if (a.userId === null) continue;
      applied.add(a.userId);
      if (a.matched === true || String(a.matched) === 'true') matched.add(a.userId);
    }
    const outcomes = await db
      .select({ userId: candidacyOutcomes.userId, onList: candidacyOutcomes.onList, elected: candidacyOutcomes.elected })
      .from(candidacyOutcomes)
      .where(inArray(candidacyOutcomes.userId, userIds));
    for (const o of outcomes) {
      if (o.onList || o.elected) onList.add(o.userId);
      if (o.elected) elected.add(o.userId);
    }
  }
  const groups = groupBy(rows, (r) =>
    cohort === 'academy'
      ? r.academyId
        ? { key: r.academyId, label: r.academyName ?? '' }
        : { key: '', label: t('reports.row.noAcademy') }
      : { key: r.firstDay.slice(0, 7), label: r.firstDay.slice(0, 7) },
  );
  if (cohort === 'month') groups.sort((a, b) => a.key.localeCompare(b.key));
  const counts = groups.map((g) => {
    // A person counts once per cohort, however many courses of it they took.
    const people = new Map<
      string,
      { confirmed: boolean; attended: boolean; completed: boolean; started: boolean; userId: string | null }
    >();
    for (const r of g.rows) {
      const key = r.userId ?? `registration:${r.id}`;
      const p = people.get(key) ?? { confirmed: false, attended: false, completed: false, started: false, userId: r.userId };
      p.confirmed ||= r.confirmed;
      p.attended ||= r.hasAttended;
      p.completed ||= r.completed;
      p.started ||= r.confirmed && r.started;
      people.set(key, p);
    }
    const list = [...people.values()];
    const has = (set: Set<string>) => list.filter((p) => p.userId && set.has(p.userId)).length;
    const count = (test: (p: (typeof list)[number]) => boolean) => list.filter(test).length;
    return [list.length, count((p) => p.attended), count((p) => p.completed), has(applied), has(matched), has(onList), has(elected)];
  });
  // Each month is a row of the system; the total row is their sum. Inside a row every step is at most
  // the one it follows (signed up ⊇ attended ⊇ completed, applied ⊇ matched, on a list ⊇ elected).
  const funnelRow = (values: number[], costOf: (value: number) => number) => {
    const row = system.addRow(values, costOf);
    const [signedUp, attended, completed, applied, matched, onList, elected] = row as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    system.atMost(attended, signedUp);
    system.atMost(completed, attended);
    system.atMost(applied, signedUp);
    system.atMost(matched, applied);
    system.atMost(onList, signedUp);
    system.atMost(elected, onList);
    return row;
  };
  const monthRows = counts.map((c) => funnelRow(c, cost.interior));
  const totals = funnelStages.map((_, c) => counts.reduce((sum, row) => sum + row[c]!, 0));
  const totalRow = counts.length ? funnelRow(totals, cost.total) : null;
  if (totalRow) system.partition(monthRows, totalRow);
  return {
    id: 'funnel',
    caption: t(cohort === 'academy' ? 'reports.funnel.captionAcademy' : 'reports.funnel.captionMonth'),
    rowHeader: t(cohort === 'academy' ? 'reports.funnel.academy' : 'reports.funnel.month'),
    columns: funnelStages.map((s) => ({ key: s, label: t(`reports.funnel.${s}`) })),
    rows: groups.map((g, i) => ({ key: g.key, label: g.label, figures: monthRows[i]! })),
    total: totalRow,
  };
}

// ---------------------------------------------------------------------------------------------

export type Report = Awaited<ReturnType<typeof buildReport>>;

/** Every figure of the report for one scope, suppressed. */
export async function buildReport(db: Db, t: Translate, scope: ReportScope, cohort: CohortKind = 'month') {
  const [courseData, applicationData, capacity] = await Promise.all([
    courseRows(db, scope),
    applicationRows(db, scope),
    mentorCapacity(db, scope),
  ]);

  // Every figure below is one system: summaries, their breakdowns and the funnel (ADR 012).
  const system = new FigureSystem();
  const courseSummary = courseRow(system, courseCounts(courseData), cost.headline);
  const courseSpec = {
    measures: courseMeasures,
    measureKey: 'course',
    rows: courseData,
    counts: courseCounts,
    row: courseRow,
    summary: courseSummary,
  };
  const coursesByProvince = breakdown(t, system, {
    ...courseSpec,
    id: 'courses-province',
    caption: 'reports.courses.byProvince',
    rowHeader: 'reports.row.province',
    keyOf: (r) => provinceLabel(t, r),
  });
  const coursesBySource = breakdown(t, system, {
    ...courseSpec,
    id: 'courses-source',
    caption: 'reports.courses.bySource',
    rowHeader: 'reports.row.source',
    keyOf: (r) => sourceLabel(t, r.source, r.utmSource),
  });

  const mentoringSummary = mentoringRow(system, mentoringCounts(applicationData), cost.headline);
  const mentoringSpec = {
    measures: mentoringMeasures,
    measureKey: 'mentoring',
    rows: applicationData,
    counts: mentoringCounts,
    row: mentoringRow,
    summary: mentoringSummary,
  };
  const mentoringByProvince = breakdown(t, system, {
    ...mentoringSpec,
    id: 'mentoring-province',
    caption: 'reports.mentoring.byProvince',
    rowHeader: 'reports.row.province',
    keyOf: (r) => provinceLabel(t, r),
  });
  const mentoringBySource = breakdown(t, system, {
    ...mentoringSpec,
    id: 'mentoring-source',
    caption: 'reports.mentoring.bySource',
    rowHeader: 'reports.row.source',
    keyOf: (r) => sourceLabel(t, r.source, r.utmSource),
  });
  // Focus groups overlap (and many people do not say): no total, no sums; each group is a part of
  // everyone, so each of its figures is at most the summary's.
  const focus = (['women', 'practically-educated', 'disability'] as const).map((group) => {
    const members = applicationData.filter((r) => (group === 'disability' ? r.disability : r.focusGroups.includes(group)));
    const figures = mentoringRow(system, mentoringCounts(members), cost.interior);
    figures.forEach((f, c) => system.atMost(f, mentoringSummary[c]!));
    return { key: group, label: t(`reports.focus.${group}`), figures };
  });
  const mentoringByFocus: PendingTable = {
    id: 'mentoring-focus',
    caption: t('reports.mentoring.byFocus'),
    rowHeader: t('reports.row.focus'),
    columns: mentoringMeasures.map((m) => ({ key: m, label: t(`reports.mentoring.${m}`) })),
    rows: focus,
    total: null,
  };

  const waits = applicationData.map((r) => r.daysToAccepted).filter((d): d is number => d !== null);
  const medianDays = { people: suppressCount(waits.length), days: waits.length >= 5 ? Math.round(median(waits) * 10) / 10 : null };

  const funnelTable = await funnel(db, t, system, scope, courseData, cohort);
  // The funnel counts people (once a month), the course tables registrations: its totals are at most
  // theirs (signed up, attended, completed), and usually equal. Linked, so neither gives the other away.
  if (funnelTable.total) for (const c of [0, 1, 2]) system.atMost(funnelTable.total[c]!, courseSummary[[0, 2, 3][c]!]!);
  await system.protect();
  const summaryCells = (row: number[], width: number) => row.slice(0, width).map((i) => system.cell(i));

  return {
    scope,
    cohort,
    courses: {
      summary: summaryCells(courseSummary, courseMeasures.length),
      byProvince: finish(system, coursesByProvince),
      bySource: finish(system, coursesBySource),
    },
    mentoring: {
      summary: summaryCells(mentoringSummary, mentoringMeasures.length),
      byProvince: finish(system, mentoringByProvince),
      byFocus: finish(system, mentoringByFocus),
      bySource: finish(system, mentoringBySource),
      medianDays,
      capacity: { mentors: suppressCount(capacity.mentors), capacity: capacity.capacity, used: suppressCount(capacity.used) },
    },
    funnel: finish(system, funnelTable),
  };
}

/** The summaries as tables too (one row), so screens, charts and CSV treat everything alike. */
export function summaryTables(t: Translate, report: Report): FigureTable[] {
  return [
    {
      id: 'courses-summary',
      caption: t('reports.courses.summary'),
      rowHeader: t('reports.row.scope'),
      columns: courseMeasures.map((m) => ({ key: m, label: t(`reports.course.${m}`) })),
      rows: [{ key: 'all', label: t('reports.row.all'), cells: report.courses.summary }],
      total: null,
    },
    {
      id: 'mentoring-summary',
      caption: t('reports.mentoring.summary'),
      rowHeader: t('reports.row.scope'),
      columns: mentoringMeasures.map((m) => ({ key: m, label: t(`reports.mentoring.${m}`) })),
      rows: [{ key: 'all', label: t('reports.row.all'), cells: report.mentoring.summary }],
      total: null,
    },
  ];
}

/** Every table of the report, in the order of the page. */
export function reportTables(t: Translate, report: Report): FigureTable[] {
  const [courseSummary, mentoringSummary] = summaryTables(t, report);
  return [
    courseSummary!,
    report.courses.byProvince,
    report.courses.bySource,
    mentoringSummary!,
    report.mentoring.byProvince,
    report.mentoring.byFocus,
    report.mentoring.bySource,
    report.funnel,
  ];
}

/** The report as CSV for Excel, with exactly the suppression of the screen. */
export function reportCsv(t: Translate, report: Report, context: { organisation: string; academy: string | null }) {
  const lines: string[][] = [
    [t('reports.title')],
    [t('reports.filters.organisation'), context.organisation],
    [t('reports.filters.academy'), context.academy ?? t('reports.filters.allAcademies')],
    [t('reports.filters.from'), report.scope.from],
    [t('reports.filters.to'), report.scope.to],
    [t('reports.print.madeOn', { date: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now()) })],
    [t('reports.legend.heading')],
    [t('reports.legend.small')],
    [t('reports.legend.protect')],
    [t('reports.legend.zero')],
  ];
  for (const table of reportTables(t, report)) {
    lines.push([]);
    lines.push([table.caption]);
    lines.push([table.rowHeader, ...table.columns.map((c) => c.label)]);
    for (const row of table.rows) lines.push([row.label, ...row.cells.map(showCell)]);
    if (table.total) lines.push([t('reports.row.total'), ...table.total.map(showCell)]);
  }
  const m = report.mentoring;
  lines.push([]);
  lines.push([t('reports.mentoring.other')]);
  lines.push([t('reports.mentoring.medianDays'), m.medianDays.days === null ? t('reports.tooFew') : String(m.medianDays.days)]);
  lines.push([t('reports.mentoring.capacityUsed'), showCell(m.capacity.used)]);
  lines.push([t('reports.mentoring.mentors'), showCell(m.capacity.mentors)]);
  lines.push([t('reports.mentoring.capacityTotal'), String(m.capacity.capacity)]);
  return excelCsv(lines);
}

/** The organisation's academies, for the filter (and the guard: another academy id is a 404). */
export async function academiesOf(db: Db, organisationId: string) {
  return db
    .select({ id: academies.id, name: academies.name })
    .from(academies)
    .where(eq(academies.organisationId, organisationId))
    .orderBy(academies.name);
}
