import { inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '~db/client.server';
import { reportProtectedMarks } from '~db/schema';
import { now, SQL_TIME_ZONE } from '../clock.server';
import {
  academiesOf,
  applicationsBetween,
  FUNNEL_COUNTS,
  onRouteOf,
  type ApplicationRow,
  type CourseFigures,
  type ReportData,
  type ReportScope,
} from './figures.server';
import { blockCode, blockDays, type Block } from './periods';
import { academyApplicationsBetween } from './academy-figures.server';

// The figures of every block a report is protected with (ADR 015: a quarter, or a year with its
// four quarters), for the organisation and each of its academies, read in a handful of grouped
// queries instead of three queries per block, scope and funnel (issue 12, item 9). A year asked for
// by a coordinator counts 5 blocks × (2 + academies) scopes; read one by one that was 30–60 queries,
// each scanning the same months, applications and mentors again.
//
// Blocks are whole months, so every course figure comes from the monthly rollup (db/schema/reports.ts)
// and only "not started yet" is counted from the rows, and only for a period that has not ended.
// The result is exactly what courseRows / applicationRows / mentorCapacity in figures.server.ts give
// for each block and scope one at a time (block-data.test.ts compares them).

const num = (value: unknown) => Number(value ?? 0);
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

type Cell = CourseFigures['cells'][number];
type Cohort = CourseFigures['cohorts'][number];

/** What one block holds: the organisation's data (funnel by month), its funnel by academy, each academy's data. */
export type BlockFigures = {
  block: Block;
  organisation: ReportData;
  byAcademy: Cohort[];
  academies: Map<string, ReportData>;
};

const dutchMidnight = (day: string) => sql`(${day}::date::timestamp at time zone ${SQL_TIME_ZONE})`;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const HOUR = 3_600_000;

/**
 * The figures of `blocks` (one quarter, or a year and its quarters; any whole-month blocks) for an
 * organisation and its academies.
 */
export async function loadBlockFigures(db: Db, organisationId: string, blocks: Block[]) {
  const spans = blocks.map((block) => ({ block, ...blockDays(block) }));
  const from = spans.reduce((a, s) => (s.from < a ? s.from : a), spans[0]!.from);
  const to = spans.reduce((a, s) => (s.to > a ? s.to : a), spans[0]!.to);
  const end = nextDay(to);
  const at = now();
  const nowAt = sql`${at.toISOString()}::timestamptz`;
  const hasYear = blocks.some((b) => b.kind !== 'quarter');
  // Courses not started yet exist only in a period that has not ended (Dutch midnight is 1–2 hours
  // before UTC midnight: an end an hour before UTC midnight has surely passed).
  const unfinished = Date.parse(`${end}T00:00:00Z`) - HOUR > at.getTime();

  const [academies, stored, courseMonthRows, waitingRows, funnelRows, applications, mentorRows, academyApplications] = await Promise.all([
    academiesOf(db, organisationId),
    // The marks stored for these blocks (ADR 017), read with the figures: used when their hash matches.
    db
      .select({ key: reportProtectedMarks.key, figuresHash: reportProtectedMarks.figuresHash, marks: reportProtectedMarks.marks })
      .from(reportProtectedMarks)
      .where(
        inArray(
          reportProtectedMarks.key,
          blocks.map((b) => blockKey(organisationId, b)),
        ),
      ),
    db.execute(sql`
      select to_char(t.month, 'YYYY-MM') as month, t.academy_id::text as academy, t.province_code, t.province, t.source, t.utm_source,
             sum(t.sign_ups) as c0, sum(t.confirmed) as c1, sum(t.attended) as c2, sum(t.completed) as c3, sum(t.absent) as c4
      from report_course_months t
      where t.organisation_id = ${organisationId} and t.month >= ${from}::date and t.month < ${end}::date
      group by 1, 2, 3, 4, 5, 6`),
    unfinished
      ? db.execute(sql`
          select to_char(f.month, 'YYYY-MM') as month, f.academy_id::text as academy, f.province_code, f.province, f.source, f.utm_source,
                 count(*) as n
          from report_registration_facts f
          where f.organisation_id = ${organisationId} and f.first_session_at >= ${dutchMidnight(from)}
            and f.first_session_at < ${dutchMidnight(end)} and f.first_session_at > ${nowAt} and f.confirmed and not f.attended
          group by 1, 2, 3, 4, 5, 6`)
      : Promise.resolve([]),
    // Each person once per cohort: by month (organisation; academy), by quarter and academy, and by
    // academy over the whole range (a year). grouping() tells the sets apart: 3 = (month),
    // 1 = (academy, month), 4 = (quarter, academy), 5 = (academy). Mentoring (this organisation's
    // networks: another organisation's mentoring is not ours to count) and candidacy are a person's,
    // whatever the period: joined to each person's rows before grouping, not to every cohort.
    db.execute(sql`
      with mentored as (
        select ma.user_id,
               bool_or(exists (select 1 from matches m where m.application_id = ma.id and m.accepted_at is not null)) as matched,
               bool_or(${onRouteOf('ma')}) as on_route
        from mentee_applications ma
        join networks n on n.id = ma.network_id
        where n.organisation_id = ${organisationId} and ma.user_id is not null
        group by ma.user_id
      ),
      outcomes as (
        select o.user_id, bool_or(o.on_list or o.elected) as on_list, bool_or(o.elected) as elected
        from candidacy_outcomes o
        group by o.user_id
      ),
      p as (
        select t.academy_id, t.month, date_trunc('quarter', t.month)::date as q, t.person, t.confirmed, t.attended, t.completed,
               t.confirmed_first_at, mt.user_id is not null as applied, coalesce(mt.matched, false) as matched,
               coalesce(mt.on_route, false) as on_route,
               coalesce(o.on_list, false) as on_list, coalesce(o.elected, false) as elected
        from report_people_months t
        left join mentored mt on t.has_account and mt.user_id = t.person
        left join outcomes o on t.has_account and o.user_id = t.person
        where t.organisation_id = ${organisationId} and t.month >= ${from}::date and t.month < ${end}::date
      ),
      people as (
        select grouping(p.month, p.academy_id, p.q) as gs, p.month, p.academy_id, p.q,
               bool_or(p.confirmed) as confirmed, bool_or(p.attended) as attended, bool_or(p.completed) as completed,
               coalesce(min(p.confirmed_first_at) <= ${nowAt}, false) as started,
               bool_or(p.applied) as applied, bool_or(p.matched) as matched, bool_or(p.on_route) as on_route,
               bool_or(p.on_list) as on_list, bool_or(p.elected) as elected
        from p
        group by grouping sets ((p.month, p.person), (p.academy_id, p.month, p.person), (p.q, p.academy_id, p.person)
                                ${hasYear ? sql`, (p.academy_id, p.person)` : sql``})
      )
      select p.gs, to_char(p.month, 'YYYY-MM') as month, p.academy_id::text as academy, to_char(p.q, 'YYYY-MM') as quarter,
             count(*) as c0,
             count(*) filter (where p.attended) as c1,
             count(*) filter (where p.completed) as c2,
             count(*) filter (where p.applied) as c3,
             count(*) filter (where p.matched) as c4,
             count(*) filter (where p.on_route) as c5,
             count(*) filter (where p.on_list) as c6,
             count(*) filter (where p.elected) as c7,
             count(*) filter (where p.confirmed) as c8,
             count(*) filter (where p.confirmed and not p.attended and p.started) as c9,
             count(*) filter (where p.confirmed and not p.attended and not p.started) as c10
      from people p
      group by p.gs, p.month, p.academy_id, p.q`),
    applicationsBetween(db, organisationId, null, dutchMidnight(from), dutchMidnight(end)),
    // Mentors of the organisation's networks, by academy: each once, with their one capacity and the
    // active matches they have now (anywhere), as mentorCapacity counts them.
    db.execute(sql`
      select distinct n.academy_id::text as academy, mp.id, mp.capacity,
             (select count(*) from matches m where m.mentor_profile_id = mp.id and m.status = 'active') as used
      from network_mentors nm
      join networks n on n.id = nm.network_id
      join mentor_profiles mp on mp.id = nm.mentor_profile_id
      where n.organisation_id = ${organisationId}`),
    // Applications to the academies' calls (a few dozen a year), each with its Dutch day.
    academyApplicationsBetween(db, organisationId, null, dutchMidnight(from), dutchMidnight(end)),
  ]);

  const courseMonths = rowsOf<Record<string, unknown>>(courseMonthRows);
  const waiting = rowsOf<Record<string, unknown>>(waitingRows);
  const funnel = rowsOf<Record<string, unknown>>(funnelRows).map((r) => ({
    gs: num(r.gs),
    month: text(r.month),
    academy: text(r.academy),
    quarter: text(r.quarter),
    counts: Array.from({ length: FUNNEL_COUNTS }, (_, i) => num(r[`c${i}`])),
  }));
  const mentors = rowsOf<Record<string, unknown>>(mentorRows).map((r) => ({
    academy: text(r.academy),
    id: String(r.id),
    capacity: num(r.capacity),
    used: num(r.used),
  }));
  const names = new Map(academies.map((a) => [a.id, a.name]));

  const capacityOf = (academyId: string | null) => {
    const seen = new Map<string, { capacity: number; used: number }>();
    for (const m of mentors) if (academyId === null || m.academy === academyId) seen.set(m.id, m);
    let capacity = 0;
    let used = 0;
    for (const m of seen.values()) {
      capacity += m.capacity;
      used += m.used;
    }
    return { mentors: seen.size, capacity, used };
  };
  const capacities = new Map<string | null, ReportData['capacity']>([
    [null, capacityOf(null)],
    ...academies.map((a) => [a.id, capacityOf(a.id)] as const),
  ]);

  const figures = spans.map(({ block, from: first, to: last }): BlockFigures => {
    const inMonths = (month: unknown) => {
      const m = String(month);
      return m >= first.slice(0, 7) && m <= last.slice(0, 7);
    };
    const inScope = (academy: unknown, academyId: string | null) => academyId === null || academy === academyId;
    const cellsOf = (academyId: string | null): Cell[] => {
      const cells = new Map<string, Cell>();
      const cellFor = (r: Record<string, unknown>) => {
        const key = JSON.stringify([r.province_code ?? null, r.province ?? null, r.source ?? null, r.utm_source ?? null]);
        let cell = cells.get(key);
        if (!cell) {
          cell = {
            provinceCode: text(r.province_code),
            province: text(r.province),
            source: text(r.source),
            utmSource: text(r.utm_source),
            counts: [0, 0, 0, 0, 0, 0],
          };
          cells.set(key, cell);
        }
        return cell;
      };
      for (const r of courseMonths)
        if (inMonths(r.month) && inScope(r.academy, academyId)) {
          const cell = cellFor(r);
          for (let i = 0; i < 5; i++) cell.counts[i]! += num(r[`c${i}`]);
        }
      for (const r of waiting)
        if (inMonths(r.month) && inScope(r.academy, academyId)) {
          // Confirmed, not attended, not started: "not started", not a no-show.
          const cell = cellFor(r);
          cell.counts[4]! -= num(r.n);
          cell.counts[5]! += num(r.n);
        }
      return [...cells.values()];
    };
    const monthCohorts = (gs: number, academyId: string | null): Cohort[] =>
      funnel
        .filter((r) => r.gs === gs && inMonths(r.month) && (academyId === null || r.academy === academyId))
        .map((r) => ({ key: r.month!, academyName: null, counts: r.counts }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const quarterStart = first.slice(0, 7);
    const byAcademy: Cohort[] = funnel
      .filter((r) => (block.kind === 'quarter' ? r.gs === 4 && r.quarter === quarterStart : r.gs === 5))
      .map((r) => ({ key: r.academy ?? '', academyName: r.academy ? (names.get(r.academy) ?? null) : null, counts: r.counts }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const applicationsOf = (academyId: string | null): ApplicationRow[] =>
      applications.filter((a) => a.day >= first && a.day <= last && (academyId === null || a.academyId === academyId));
    const scopeData = (academyId: string | null, gs: number): ReportData => ({
      courseFigures: { cells: cellsOf(academyId), cohorts: monthCohorts(gs, academyId) },
      applicationData: applicationsOf(academyId),
      capacity: capacities.get(academyId)!,
      academyData: academyApplications.filter((a) => a.day >= first && a.day <= last && (academyId === null || a.academyId === academyId)),
    });
    return {
      block,
      organisation: scopeData(null, 3),
      byAcademy,
      academies: new Map(academies.map((a) => [a.id, scopeData(a.id, 1)])),
    };
  });
  return { academies, blocks: figures, stored: new Map(stored.map((r) => [r.key, { figuresHash: r.figuresHash, marks: r.marks }])) };
}

/** The scope of a block (for the reports assembled from its figures). */
export function blockScope(organisationId: string, academyId: string | null, block: Block): ReportScope {
  return { organisationId, academyId, ...blockDays(block) };
}

export const blockKey = (organisationId: string, block: Block) => `${organisationId}/${blockCode(block)}`;
