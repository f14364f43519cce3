import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '~db/client.server';
import { academies, consents, matches, menteeApplications, mentorProfiles, municipalities, networkMentors, networks } from '~db/schema';
import type { MessageKey, Translate } from '~/i18n';
import { now, DAY, dutchToday, SQL_TIME_ZONE } from '../clock.server';
import { excelCsv } from '../csv.server';
import { cost, FigureSystem } from './figure-system.server';
import { sourceLabel } from './labels';
import { activeSpecialCategoryConsent } from './special-category.server';
import { academyApplicationsBetween, type AcademyApplicationRow } from './academy-figures.server';
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

const academyMeasures = ['applicants', 'admitted', 'started', 'completed', 'placements', 'onList', 'elected'] as const;
const courseMeasures = ['signUps', 'confirmed', 'attended', 'completed', 'noShows'] as const;
const mentoringMeasures = ['applications', 'proposed', 'accepted', 'declined', 'expired', 'active', 'completed'] as const;
const funnelStages = ['signedUp', 'attended', 'completed', 'applied', 'matched', 'onRoute', 'onList', 'elected'] as const;

/**
 * "On the route to a list" (issue 17, item 3; ADR 021): a person with an accepted match whose
 * candidacy route has a ticked step from the third step of the network's route on (in the default
 * route: "ask about the selection procedure", after "visit a council meeting" and "talk to a local
 * party"), or the "on the list" step wherever a network put it. Only a match of the counted
 * organisation's networks counts, as for "matched", so every person on the route is matched.
 * `application` is the alias of a mentee_applications row.
 */
const ROUTE_STAGE_FROM_POSITION = 3;
export const onRouteOf = (application: string) => sql`exists (
  select 1 from matches rm
  join match_route_progress rp on rp.match_id = rm.id and rp.done_on is not null
  join network_route_steps rs on rs.id = rp.step_id
  where rm.application_id = ${sql.raw(application)}.id and rm.accepted_at is not null
    and (rs.on_list or rs.position >= ${ROUTE_STAGE_FROM_POSITION}))`;

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

/** The funnel's counts per cohort: its stages, then confirmed, no-shows and not started. */
export const FUNNEL_COUNTS = funnelStages.length + 3;

/** Drizzle gives counts as numbers or strings depending on the driver. */
const num = (value: unknown) => Number(value ?? 0);
const bool = (value: unknown) => value === true || String(value) === 'true';

/**
 * The period as instants, so that an index on a timestamp can serve it: from the start of `from` to
 * the start of the day after `to`, both in Dutch time (the days in the scope are inclusive).
 */
export const periodStart = (scope: Pick<ReportScope, 'from' | 'to'>) => sql`(${scope.from}::date::timestamp at time zone ${SQL_TIME_ZONE})`;
export const periodEnd = (scope: Pick<ReportScope, 'from' | 'to'>) =>
  sql`((${scope.to}::date + 1)::timestamp at time zone ${SQL_TIME_ZONE})`;

// ---------------------------------------------------------------------------------------------
// Courses: counted in PostgreSQL, from a monthly rollup. At national scale an organisation has tens
// of thousands of registrations in a year; they are never sent to Node one by one, and whole months
// are not counted again for every report (issue 12, item 9).
//
// report_course_months and report_people_months (db/schema/reports.ts) hold, per organisation,
// academy and month of a course's first session, the registrations per province and source and each
// person once; triggers keep them equal to a count over the rows in every writing transaction
// (migration 0011). The report reads the whole months of its period there, and counts from the rows
// (the view report_registration_facts, the same rules) only what a month cannot hold: the partial
// months at the ends of a period that is not month-aligned, and which courses have not started yet.

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
function addDays(day: string, days: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
function firstOfMonth(day: string, monthsLater: number) {
  const [, y, m] = dayPattern.exec(day)!;
  return new Date(Date.UTC(Number(y), Number(m) - 1 + monthsLater, 1)).toISOString().slice(0, 10);
}

/**
 * The period split in whole months (read from the rollup) and the days around them (counted from the
 * rows): [from, firstWhole) and [endWhole, to + 1). Days are Dutch days; the end is exclusive.
 */
export function periodParts(scope: Pick<ReportScope, 'from' | 'to'>) {
  const end = addDays(scope.to, 1);
  const firstWhole = scope.from.endsWith('-01') ? scope.from : firstOfMonth(scope.from, 1);
  const endWhole = end.endsWith('-01') ? end : firstOfMonth(end, 0);
  if (firstWhole >= endWhole) return { months: null, days: [[scope.from, end]] as [string, string][] };
  const days: [string, string][] = [];
  if (scope.from < firstWhole) days.push([scope.from, firstWhole]);
  if (endWhole < end) days.push([endWhole, end]);
  return { months: [firstWhole, endWhole] as [string, string], days };
}

const dutchMidnight = (day: string) => sql`(${day}::date::timestamp at time zone ${SQL_TIME_ZONE})`;

/**
 * Both course tables in one query: the course figures per (province, source) combination (a few
 * hundred rows at most), and the funnel per cohort (month or academy). In the funnel a person counts
 * once per cohort, however many courses of it they took: registrations without an account are
 * matched to an account by email, and count apart when there is none. A month holds each person once
 * (report_people_months), so a cohort of several months (an academy over a period) groups the people
 * again rather than adding months up. Mentoring counts only this organisation's networks (another
 * organisation's mentoring is not ours to count); people are joined, never sent as a list of ids
 * (with more than 65,534 of them, a list no longer fits in one query's parameters).
 */
export async function courseRows(db: Db, scope: ReportScope, cohort: CohortKind, options: { fromRowsOnly?: boolean } = {}) {
  // fromRowsOnly: every day counted from the rows, the rollup unused (the tests' reference count).
  const parts = options.fromRowsOnly
    ? { months: null, days: [[scope.from, addDays(scope.to, 1)]] as [string, string][] }
    : periodParts(scope);
  const inScope = (alias: string) =>
    sql`${sql.raw(alias)}.organisation_id = ${scope.organisationId}
        ${scope.academyId ? sql`and ${sql.raw(alias)}.academy_id = ${scope.academyId}` : sql``}`;
  const wholeMonths = parts.months
    ? sql`${inScope('t')} and t.month >= ${parts.months[0]}::date and t.month < ${parts.months[1]}::date`
    : sql`false`;
  const otherDays = parts.days.length
    ? sql.join(
        parts.days.map(([a, b]) => sql`(f.first_session_at >= ${dutchMidnight(a)} and f.first_session_at < ${dutchMidnight(b)})`),
        sql` or `,
      )
    : sql`false`;
  const cohortKey = (alias: string) =>
    cohort === 'academy' ? sql`coalesce(${sql.raw(alias)}.academy_id::text, '')` : sql`to_char(${sql.raw(alias)}.month, 'YYYY-MM')`;
  const nowAt = sql`${now().toISOString()}::timestamptz`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with live as materialized (
        select * from report_registration_facts f where ${inScope('f')} and (${otherDays})
      ),
      -- Confirmed and not attended on a course that has not started: "not started", not a no-show.
      waiting as (
        select f.province_code, f.province, f.source, f.utm_source
        from report_registration_facts f
        where ${inScope('f')} and f.first_session_at >= ${periodStart(scope)} and f.first_session_at < ${periodEnd(scope)}
          and f.first_session_at > ${nowAt} and f.confirmed and not f.attended
      ),
      cells as (
        select t.province_code, t.province, t.source, t.utm_source, t.sign_ups, t.confirmed, t.attended, t.completed, t.absent, 0 as waiting
        from report_course_months t where ${wholeMonths}
        union all
        select f.province_code, f.province, f.source, f.utm_source, 1, f.confirmed::int, f.attended::int, f.completed::int,
               (f.confirmed and not f.attended)::int, 0
        from live f
        union all
        select w.province_code, w.province, w.source, w.utm_source, 0, 0, 0, 0, 0, 1 from waiting w
      ),
      people_rows as (
        select ${cohortKey('t')} as cohort, t.person, t.has_account, t.confirmed, t.attended, t.completed, t.confirmed_first_at
        from report_people_months t where ${wholeMonths}
        union all
        select ${cohortKey('f')}, f.person, f.has_account, f.confirmed, f.attended, f.completed,
               case when f.confirmed then f.first_session_at end
        from live f
      ),
      people as (
        select p.cohort, case when bool_or(p.has_account) then p.person end as user_id,
               bool_or(p.confirmed) as confirmed, bool_or(p.attended) as attended, bool_or(p.completed) as completed,
               coalesce(min(p.confirmed_first_at) <= ${nowAt}, false) as started
        from people_rows p
        group by p.cohort, p.person
      ),
      mentored as (
        select ma.user_id,
               bool_or(exists (select 1 from matches m where m.application_id = ma.id and m.accepted_at is not null)) as matched,
               bool_or(${onRouteOf('ma')}) as on_route
        from mentee_applications ma
        join networks n on n.id = ma.network_id
        where n.organisation_id = ${scope.organisationId}
          and ma.user_id in (select user_id from people where user_id is not null)
        group by ma.user_id
      ),
      outcomes as (
        select o.user_id, bool_or(o.on_list or o.elected) as on_list, bool_or(o.elected) as elected
        from candidacy_outcomes o
        where o.user_id in (select user_id from people where user_id is not null)
        group by o.user_id
      )
      select 'course' as kind, c.province_code as "provinceCode", c.province, c.source, c.utm_source as "utmSource",
             null as cohort, null as "academyName",
             sum(c.sign_ups) as c0,
             sum(c.confirmed) as c1,
             sum(c.attended) as c2,
             sum(c.completed) as c3,
             sum(c.absent) - sum(c.waiting) as c4,
             sum(c.waiting) as c5,
             0 as c6, 0 as c7, 0 as c8, 0 as c9, 0 as c10
      from cells c
      group by 2, 3, 4, 5
      union all
      select 'funnel', null, null, null, null, p.cohort, min(a.name),
             count(*),
             count(*) filter (where p.attended),
             count(*) filter (where p.completed),
             count(mt.user_id),
             count(*) filter (where mt.matched),
             count(*) filter (where mt.on_route),
             count(*) filter (where o.on_list),
             count(*) filter (where o.elected),
             count(*) filter (where p.confirmed),
             count(*) filter (where p.confirmed and not p.attended and p.started),
             count(*) filter (where p.confirmed and not p.attended and not p.started)
      from people p
      left join mentored mt on mt.user_id = p.user_id
      left join outcomes o on o.user_id = p.user_id
      left join academies a on ${cohort === 'academy' ? sql`a.id::text = p.cohort` : sql`false`}
      group by p.cohort`),
  );
  const counts = (r: Record<string, unknown>, n: number) => Array.from({ length: n }, (_, i) => num(r[`c${i}`]));
  return {
    cells: rows
      .filter((r) => r.kind === 'course')
      .map((r) => ({
        provinceCode: (r.provinceCode as string | null) ?? null,
        province: (r.province as string | null) ?? null,
        source: (r.source as string | null) ?? null,
        utmSource: (r.utmSource as string | null) ?? null,
        counts: counts(r, 6),
      })),
    // signed up, attended, completed, applied, matched, on the route, on a list, elected; then confirmed,
    // no-shows, not started.
    cohorts: rows
      .filter((r) => r.kind === 'funnel')
      .map((r) => ({
        key: String(r.cohort ?? ''),
        academyName: (r.academyName as string | null) ?? null,
        counts: counts(r, FUNNEL_COUNTS),
      })),
  };
}
export type CourseFigures = Awaited<ReturnType<typeof courseRows>>;
type CourseRow = CourseFigures['cells'][number];

/**
 * An application's matches in one row (joined laterally: as separate EXISTS subqueries the planner
 * hashed each over every match of the country, four scans of matches per report).
 */
const applicationMatches = sql`(
  select bool_or(m.proposed_at is not null) as proposed, min(m.accepted_at) as first_accepted,
         bool_or(m.status = 'declined') as declined, bool_or(m.status = 'expired') as expired,
         bool_or(m.status = 'active') as active, bool_or(m.status = 'completed') as completed
  from matches m where m.application_id = ${menteeApplications.id}
) am`;

/** What the report reads of each application (one query; the matches summed up per application). */
const applicationFields = {
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
  // The application's matches, summed up in the same query (no list of ids sent back): one probe of
  // the matches' application index per application (applicationMatches below).
  proposed: sql<boolean>`coalesce(am.proposed, false)`,
  firstAccepted: sql<Date | null>`am.first_accepted`.mapWith(matches.acceptedAt),
  declined: sql<boolean>`coalesce(am.declined, false)`,
  expired: sql<boolean>`coalesce(am.expired, false)`,
  active: sql<boolean>`coalesce(am.active, false)`,
  completed: sql<boolean>`coalesce(am.completed, false)`,
};

/**
 * The applications to an organisation's networks (or one academy's) made from `start` to `end`
 * (instants), each with the Dutch day it was made on (a caller splitting a year in quarters uses it).
 */
export async function applicationsBetween(
  db: Db,
  organisationId: string,
  academyId: string | null,
  start: ReturnType<typeof sql>,
  end: ReturnType<typeof sql>,
) {
  const rows = await db
    .select({
      ...applicationFields,
      day: sql<string>`to_char((${menteeApplications.createdAt} at time zone ${SQL_TIME_ZONE})::date, 'YYYY-MM-DD')`,
    })
    .from(menteeApplications)
    .innerJoin(networks, eq(networks.id, menteeApplications.networkId))
    .leftJoinLateral(applicationMatches, sql`true`)
    .leftJoin(municipalities, eq(municipalities.code, menteeApplications.municipalityCode))
    .leftJoin(consents, activeSpecialCategoryConsent(menteeApplications.disabilityConsentId, menteeApplications.userId))
    .where(
      and(
        eq(networks.organisationId, organisationId),
        academyId ? eq(networks.academyId, academyId) : undefined,
        gte(menteeApplications.createdAt, start),
        lt(menteeApplications.createdAt, end),
      ),
    );
  return rows.map((r) => {
    const accepted = r.firstAccepted ?? null;
    return {
      ...r,
      disability: bool(r.disability),
      proposed: bool(r.proposed),
      accepted: accepted !== null,
      declined: bool(r.declined),
      expired: bool(r.expired),
      active: bool(r.active),
      completed: bool(r.completed),
      daysToAccepted: accepted ? (accepted.getTime() - r.createdAt.getTime()) / DAY : null,
    };
  });
}

const applicationRows = (db: Db, scope: ReportScope) =>
  applicationsBetween(db, scope.organisationId, scope.academyId, periodStart(scope), periodEnd(scope));
export type ApplicationRow = Awaited<ReturnType<typeof applicationRows>>[number];

// ---------------------------------------------------------------------------------------------
// Counting

/** [sign-ups, confirmed, attended, completed, no-shows, not started] summed over grouped rows. */
function courseCounts(rows: CourseRow[]) {
  // The last one is not shown, but a reader can tell it from the course dates: treated as known.
  const sums = [0, 0, 0, 0, 0, 0];
  for (const r of rows) r.counts.forEach((n, i) => (sums[i]! += n));
  return sums;
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

/**
 * One row of academy figures (applications to academies' calls): admitted, on a list at most the
 * applications; started at most admitted; completed and placements at most started (ADR 020);
 * elected at most on a list.
 */
function academyRow(system: FigureSystem, counts: number[], costOf: (value: number) => number) {
  const [applicants, admitted, started, completed, placements, onList, elected] = system.addRow(counts, costOf) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  system.atMost(admitted, applicants);
  system.atMost(started, admitted);
  system.atMost(completed, started);
  system.atMost(placements, started);
  system.atMost(onList, applicants);
  system.atMost(elected, onList);
  return [applicants, admitted, started, completed, placements, onList, elected];
}

function academyCounts(rows: AcademyApplicationRow[]) {
  return [
    rows.length,
    rows.filter((r) => r.admitted).length,
    rows.filter((r) => r.started).length,
    rows.filter((r) => r.completed).length,
    rows.filter((r) => r.placement).length,
    rows.filter((r) => r.onList).length,
    rows.filter((r) => r.elected).length,
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
export type PendingTable = Omit<FigureTable, 'rows' | 'total'> & {
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
    /** The figures' columns: a measure and the dictionary key of its header. */
    measures: readonly { key: string; label: MessageKey }[];
    rows: R[];
    keyOf: (r: R) => { key: string; label: string };
    counts: (rows: R[]) => number[];
    row: (system: FigureSystem, counts: number[], costOf: (value: number) => number) => number[];
    summary: number[];
  },
): PendingTable {
  // Into the system in the order of the keys, shown in the order of the labels: the system (and so
  // its marks and their stored hash, ADR 017) is the same in every language; with labels (a source's
  // name) the Dutch and English pages could order rows, and break ties between equal costs, apart.
  const byKey = groupBy(spec.rows, spec.keyOf)
    .map((g, shown) => ({ ...g, shown }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((g) => ({ ...g, figures: spec.row(system, spec.counts(g.rows), cost.interior) }));
  system.partition(
    byKey.map((g) => g.figures),
    spec.summary,
  );
  const groups = byKey.sort((a, b) => a.shown - b.shown);
  return {
    id: spec.id,
    caption: t(spec.caption),
    rowHeader: t(spec.rowHeader),
    columns: spec.measures.map((m) => ({ key: m.key, label: t(m.label) })),
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

function funnel(t: Translate, system: FigureSystem, cohorts: CourseFigures['cohorts'], cohort: CohortKind): PendingTable {
  const groups = cohorts
    .map((r) => {
      const label = cohort === 'academy' ? (r.key ? (r.academyName ?? '') : t('reports.row.noAcademy')) : r.key;
      return { key: r.key, label, counts: r.counts };
    })
    .sort((a, b) =>
      cohort === 'month' ? a.key.localeCompare(b.key) : a.key === '' ? 1 : b.key === '' ? -1 : a.label.localeCompare(b.label, 'nl'),
    );
  // The published stages only: the funnel's totals are tied to the course figures by "at most" in
  // buildReport (a person counts once a cohort, the course tables count registrations).
  const counts = groups.map((g) => g.counts.slice(0, funnelStages.length));
  // Each month is a row of the system; the total row is their sum. Inside a row every step is at most
  // the one it follows (signed up ⊇ attended ⊇ completed, applied ⊇ matched ⊇ on the route, on a list
  // ⊇ elected). On a list is not part of "on the route": people answer it themselves, mentored or not.
  const funnelRow = (values: number[], costOf: (value: number) => number) => {
    const row = system.addRow(values, costOf);
    const [signedUp, attended, completed, applied, matched, onRoute, onList, elected] = row as [
      number,
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
    system.atMost(onRoute, matched);
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

export type Report = ReturnType<AssembledReport['finish']>;
export type AssembledReport = ReturnType<typeof assembleReport>;
export type ReportData = Awaited<ReturnType<typeof loadReportData>>;
export type FunnelCohorts = CourseFigures['cohorts'];

/** What one report counts, read from the database. */
export async function loadReportData(db: Db, scope: ReportScope, cohort: CohortKind = 'month') {
  const [courseFigures, applicationData, capacity, academyData] = await Promise.all([
    courseRows(db, scope, cohort),
    applicationRows(db, scope),
    mentorCapacity(db, scope),
    academyApplicationsBetween(db, scope.organisationId, scope.academyId, periodStart(scope), periodEnd(scope)),
  ]);
  return { courseFigures, applicationData, capacity, academyData };
}

/** Every figure of the report for one scope, suppressed. */
export async function buildReport(db: Db, t: Translate, scope: ReportScope, cohort: CohortKind = 'month') {
  const data = await loadReportData(db, scope, cohort);
  const system = new FigureSystem();
  const report = assembleReport(t, system, scope, data, { [cohort]: data.courseFigures.cohorts });
  await system.protect();
  return report.finish(cohort);
}

/**
 * Puts every figure of one report into a system with the relations a reader knows inside it (ADR
 * 013), one funnel per cohort given, and returns the tables as figure numbers of the system, so that
 * a caller can tie reports together (ADR 015) before `system.protect()` and `finish`.
 */
export function assembleReport(
  t: Translate,
  system: FigureSystem,
  scope: ReportScope,
  data: ReportData,
  cohorts: Partial<Record<CohortKind, FunnelCohorts>>,
) {
  const { courseFigures, applicationData, capacity, academyData } = data;
  // Every figure below is one system: summaries, their breakdowns and the funnel (ADR 013).
  const courseSummary = courseRow(system, courseCounts(courseFigures.cells), cost.headline);
  const courseSpec = {
    measures: courseMeasures.map((m) => ({ key: m, label: `reports.course.${m}` satisfies MessageKey })),
    rows: courseFigures.cells,
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
    measures: mentoringMeasures.map((m) => ({ key: m, label: `reports.mentoring.${m}` satisfies MessageKey })),
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

  // Academies as programmes (issue 15, item 7): applications to their calls, with the same
  // breakdowns as mentoring; focus groups overlap, so no total, each at most the summary.
  const academySummary = academyRow(system, academyCounts(academyData), cost.headline);
  const academyByProvince = breakdown(t, system, {
    measures: academyMeasures.map((m) => ({ key: m, label: `reports.academy.${m}` satisfies MessageKey })),
    rows: academyData,
    counts: academyCounts,
    row: academyRow,
    summary: academySummary,
    id: 'academy-province',
    caption: 'reports.academy.byProvince',
    rowHeader: 'reports.row.province',
    keyOf: (r) => provinceLabel(t, r),
  });
  const academyByFocus: PendingTable = {
    id: 'academy-focus',
    caption: t('reports.academy.byFocus'),
    rowHeader: t('reports.row.focus'),
    columns: academyMeasures.map((m) => ({ key: m, label: t(`reports.academy.${m}`) })),
    rows: (['women', 'practically-educated', 'disability'] as const).map((group) => {
      const members = academyData.filter((r) => (group === 'disability' ? r.disability : r.focusGroups.includes(group)));
      const figures = academyRow(system, academyCounts(members), cost.interior);
      figures.forEach((f, c) => system.atMost(f, academySummary[c]!));
      return { key: group, label: t(`reports.focus.${group}`), figures };
    }),
    total: null,
  };

  const waits = applicationData.map((r) => r.daysToAccepted).filter((d): d is number => d !== null);
  const medianDays = { people: suppressCount(waits.length), days: waits.length >= 5 ? Math.round(median(waits) * 10) / 10 : null };

  const funnels: Partial<Record<CohortKind, PendingTable>> = {};
  for (const kind of ['month', 'academy'] as const) {
    const rows = cohorts[kind];
    if (!rows) continue;
    const funnelTable = funnel(t, system, rows, kind);
    // The funnel counts people (once a cohort), the course tables registrations: its totals are at
    // most theirs (signed up, attended, completed), and usually equal. Linked, so neither gives the
    // other away.
    if (funnelTable.total) for (const c of [0, 1, 2]) system.atMost(funnelTable.total[c]!, courseSummary[[0, 2, 3][c]!]!);
    funnels[kind] = funnelTable;
  }
  const summaryCells = (row: number[], width: number) => row.slice(0, width).map((i) => system.cell(i));
  const finishReport = (cohort: CohortKind) => ({
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
    funnel: finish(system, funnels[cohort]!),
    academy: {
      summary: summaryCells(academySummary, academyMeasures.length),
      byProvince: finish(system, academyByProvince),
      byFocus: finish(system, academyByFocus),
    },
  });
  return {
    scope,
    courseSummary,
    coursesByProvince,
    coursesBySource,
    mentoringSummary,
    mentoringByProvince,
    mentoringByFocus,
    mentoringBySource,
    academySummary,
    academyByProvince,
    academyByFocus,
    funnels,
    finish: finishReport,
  };
}

/** A summary as a table too (one row), so screens, charts and CSV treat everything alike. */
function summaryTable(
  t: Translate,
  id: string,
  caption: MessageKey,
  columns: { key: string; label: MessageKey }[],
  cells: Cell[],
): FigureTable {
  return {
    id,
    caption: t(caption),
    rowHeader: t('reports.row.scope'),
    columns: columns.map((c) => ({ key: c.key, label: t(c.label) })),
    rows: [{ key: 'all', label: t('reports.row.all'), cells }],
    total: null,
  };
}

function summaryTables(t: Translate, report: Report): FigureTable[] {
  return [
    summaryTable(
      t,
      'courses-summary',
      'reports.courses.summary',
      courseMeasures.map((m) => ({ key: m, label: `reports.course.${m}` })),
      report.courses.summary,
    ),
    summaryTable(
      t,
      'mentoring-summary',
      'reports.mentoring.summary',
      mentoringMeasures.map((m) => ({ key: m, label: `reports.mentoring.${m}` })),
      report.mentoring.summary,
    ),
    summaryTable(
      t,
      'academy-summary',
      'reports.academy.summary',
      academyMeasures.map((m) => ({ key: m, label: `reports.academy.${m}` })),
      report.academy.summary,
    ),
  ];
}

/** Every table of the report, in the order of the page. */
export function reportTables(t: Translate, report: Report): FigureTable[] {
  const [courseSummary, mentoringSummary, academySummary] = summaryTables(t, report);
  return [
    courseSummary!,
    report.courses.byProvince,
    report.courses.bySource,
    mentoringSummary!,
    report.mentoring.byProvince,
    report.mentoring.byFocus,
    report.mentoring.bySource,
    report.funnel,
    academySummary!,
    report.academy.byProvince,
    report.academy.byFocus,
  ];
}

/** The report as CSV for Excel, with exactly the suppression of the screen. */
export function reportCsv(
  t: Translate,
  report: Report,
  context: { organisation: string; academy: string | null; /** When the snapshot was taken (ADR 020). */ updatedAt?: string },
) {
  const lines: string[][] = [
    [t('reports.title')],
    [t('reports.filters.organisation'), context.organisation],
    [t('reports.filters.academy'), context.academy ?? t('reports.filters.allAcademies')],
    [t('reports.filters.from'), report.scope.from],
    [t('reports.filters.to'), report.scope.to],
    [t('reports.print.madeOn', { date: dutchToday() })],
    ...(context.updatedAt ? [[t('reports.snapshot.updatedAt', { date: context.updatedAt })]] : []),
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
