import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '~db/client.server';
import { auditEvents, nationalFigures, organisations, users, type NationalContributors, type NationalFigureRow } from '~db/schema';
import type { Translate } from '~/i18n';
import { now, dutchToday, SQL_TIME_ZONE } from '../clock.server';
import { notFound } from '../http.server';
import { excelCsv } from '../csv.server';
import { cost, FigureSystem } from './figure-system.server';
import { onRouteOf, periodEnd, periodStart, type FigureTable } from './figures.server';
import { isSmall, showCell, type Cell } from './suppression';
import { dateInAmsterdam } from '../time';

// The open national figures (/cijfers, issue 12 item 10): the course-to-candidacy funnel of one
// calendar year, summed over every organisation that takes part (organisations.open_figures, a
// platform administrator's switch), by province and by focus group, published as open data (CC0)
// under the same suppression as the funder report (one FigureSystem, ADR 013).
//
// Only calendar years: a free period would let a reader subtract one from another. A person counts
// once a year however many courses of however many organisations they took: an account (or the
// account with their address), else their address.

const nationalStages = ['signedUp', 'attended', 'mentored', 'onRoute', 'onList', 'elected'] as const;
const nationalFocusGroups = ['women', 'practically-educated'] as const;

/** Drizzle gives counts as numbers or strings depending on the driver. */
const num = (value: unknown) => Number(value ?? 0);
const bool = (value: unknown) => value === true || String(value) === 'true';

const yearScope = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * The people of one year's courses (first session in the year, courses of organisations that take
 * part), grouped by province and focus groups in PostgreSQL: a few dozen rows, never one per person.
 * - province: where they live by their latest sign-up of the year that names a municipality;
 * - attended: a confirmed sign-up with at least one session attended;
 * - mentored: a mentor match they accepted, in a network of an organisation that takes part;
 * - on the route to a list: such a match whose candidacy route reached the stage the funder report
 *   counts (onRouteOf, ADR 021), so at most mentored;
 * - focus groups: what they said themselves when they asked such a network for a mentor
 *   (health data, special category, is not published here at all);
 * - on a list / elected: their own answer to the outcome question, for any election.
 */
export async function countNationalYear(db: Db, year: number): Promise<NationalFigureRow[]> {
  const scope = yearScope(year);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with taking_part as (select id from organisations where open_figures),
      regs as (
        select r.id, r.user_id, r.email, r.status, r.municipality_code, r.created_at
        from courses c
        join registrations r on r.course_id = c.id
        where c.organisation_id in (select id from taking_part)
          and c.first_session_at >= ${periodStart(scope)} and c.first_session_at < ${periodEnd(scope)}
      ),
      attended as (
        select distinct a.registration_id from regs join session_attendance a on a.registration_id = regs.id and a.attended
      ),
      people as (
        select coalesce(r.user_id, u.id) as user_id,
               bool_or(r.status = 'confirmed' and at.registration_id is not null) as attended,
               (array_agg(m.province_code order by r.created_at desc) filter (where m.province_code is not null))[1] as province_code
        from regs r
        left join users u on r.user_id is null and u.email = lower(r.email)
        left join attended at on at.registration_id = r.id
        left join municipalities m on m.code = r.municipality_code
        -- Without an account, the address is the person.
        group by coalesce(r.user_id, u.id), case when coalesce(r.user_id, u.id) is null then lower(r.email) end
      ),
      mentoring as (
        select ma.user_id,
               bool_or(exists (select 1 from matches mt where mt.application_id = ma.id and mt.accepted_at is not null)) as mentored,
               bool_or(${onRouteOf('ma')}) as on_route,
               bool_or('women' = any(ma.focus_groups)) as women,
               bool_or('practically-educated' = any(ma.focus_groups)) as practically_educated
        from mentee_applications ma
        join networks n on n.id = ma.network_id
        where n.organisation_id in (select id from taking_part)
          and ma.user_id in (select user_id from people where user_id is not null)
        group by ma.user_id
      ),
      outcomes as (
        select o.user_id, bool_or(o.on_list or o.elected) as on_list, bool_or(o.elected) as elected
        from candidacy_outcomes o
        where o.user_id in (select user_id from people where user_id is not null)
        group by o.user_id
      )
      select p.province_code as "provinceCode",
             coalesce(mt.women, false) as women,
             coalesce(mt.practically_educated, false) as "practicallyEducated",
             count(*) as c0,
             count(*) filter (where p.attended) as c1,
             count(*) filter (where mt.mentored) as c2,
             count(*) filter (where mt.on_route) as c3,
             count(*) filter (where o.on_list) as c4,
             count(*) filter (where o.elected) as c5
      from people p
      left join mentoring mt on mt.user_id = p.user_id
      left join outcomes o on o.user_id = p.user_id
      group by 1, 2, 3
      order by 1, 2, 3`),
  );
  return rows.map((r) => ({
    provinceCode: (r.provinceCode as string | null) ?? null,
    women: bool(r.women),
    practicallyEducated: bool(r.practicallyEducated),
    counts: nationalStages.map((_, i) => num(r[`c${i}`])),
  }));
}

/**
 * The /cijfers rule (ADR 017): a cell is published only when people of at least this many
 * organisations taking part are in it, so that no organisation's coordinator can read another's
 * figures off the national page by subtracting their own.
 */
const LEAST_CONTRIBUTORS = 3;

/**
 * Per published cell (the whole country, each province, each focus group) and stage, how many
 * organisations taking part have at least one person in it. Signed up and attended count an
 * organisation whose own course the person signed up for / attended; mentored, a match in one of
 * its own networks; on a list and elected (the person's own answer) every organisation whose course
 * they took this year. Province and focus groups are the person's, as in countNationalYear.
 */
export async function countNationalContributors(db: Db, year: number): Promise<NationalContributors> {
  const scope = yearScope(year);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with taking_part as (select id from organisations where open_figures),
      regs as (
        select r.id, r.user_id, r.email, r.status, r.municipality_code, r.created_at, c.organisation_id
        from courses c
        join registrations r on r.course_id = c.id
        where c.organisation_id in (select id from taking_part)
          and c.first_session_at >= ${periodStart(scope)} and c.first_session_at < ${periodEnd(scope)}
      ),
      attended as (
        select distinct a.registration_id from regs join session_attendance a on a.registration_id = regs.id and a.attended
      ),
      keyed as (
        select r.*, coalesce(r.user_id, u.id) as uid, case when coalesce(r.user_id, u.id) is null then lower(r.email) end as em,
               (r.status = 'confirmed' and at.registration_id is not null) as did_attend
        from regs r
        left join users u on r.user_id is null and u.email = lower(r.email)
        left join attended at on at.registration_id = r.id
      ),
      people as (
        select k.uid, k.em,
               (array_agg(m.province_code order by k.created_at desc) filter (where m.province_code is not null))[1] as province_code
        from keyed k left join municipalities m on m.code = k.municipality_code
        group by k.uid, k.em
      ),
      pairs as (
        select k.uid, k.em, k.organisation_id, bool_or(k.did_attend) as attended from keyed k group by k.uid, k.em, k.organisation_id
      ),
      focus as (
        select ma.user_id,
               bool_or('women' = any(ma.focus_groups)) as women,
               bool_or('practically-educated' = any(ma.focus_groups)) as practically_educated
        from mentee_applications ma join networks n on n.id = ma.network_id
        where n.organisation_id in (select id from taking_part)
        group by ma.user_id
      ),
      mentored as (
        select distinct ma.user_id, n.organisation_id
        from mentee_applications ma join networks n on n.id = ma.network_id
        where n.organisation_id in (select id from taking_part)
          and exists (select 1 from matches mt where mt.application_id = ma.id and mt.accepted_at is not null)
      ),
      outcomes as (
        select o.user_id, bool_or(o.on_list or o.elected) as on_list, bool_or(o.elected) as elected
        from candidacy_outcomes o group by o.user_id
      ),
      cells as (
        select pr.organisation_id, coalesce(p.province_code, '') as province, coalesce(f.women, false) as women,
               coalesce(f.practically_educated, false) as practically_educated, pr.attended, md.user_id is not null as mentored,
               coalesce(o.on_list, false) as on_list, coalesce(o.elected, false) as elected
        from pairs pr
        join people p on p.uid is not distinct from pr.uid and p.em is not distinct from pr.em
        left join focus f on f.user_id = pr.uid
        left join mentored md on md.user_id = pr.uid and md.organisation_id = pr.organisation_id
        left join outcomes o on o.user_id = pr.uid
      ),
      labelled as (
        select 'total' as kind, '' as key, c.* from cells c
        union all select 'province', c.province, c.* from cells c
        union all select 'women', '', c.* from cells c where c.women
        union all select 'practicallyEducated', '', c.* from cells c where c.practically_educated
      )
      select l.kind, l.key,
             count(distinct l.organisation_id) as c0,
             count(distinct l.organisation_id) filter (where l.attended) as c1,
             count(distinct l.organisation_id) filter (where l.mentored) as c2,
             count(distinct l.organisation_id) filter (where l.on_list) as c3,
             count(distinct l.organisation_id) filter (where l.elected) as c4
      from labelled l
      group by l.kind, l.key`),
  );
  const none = () => nationalStages.map(() => 0);
  const result: NationalContributors = { total: none(), provinces: {}, women: none(), practicallyEducated: none() };
  for (const r of rows) {
    const counts = nationalStages.map((_, i) => num(r[`c${i}`]));
    const kind = String(r.kind);
    if (kind === 'province') result.provinces[String(r.key)] = counts;
    else if (kind === 'total' || kind === 'women' || kind === 'practicallyEducated') result[kind] = counts;
  }
  return result;
}

/** How many organisations take part (their names are not published, nor those that do not). */
export async function organisationsTakingPart(db: Db) {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(organisations)
    .where(eq(organisations.openFigures, true));
  return num(row?.n);
}

/** The calendar years with courses of organisations that take part, up to this year; newest first. */
export async function nationalYears(db: Db) {
  const thisYear = Number(dutchToday().slice(0, 4));
  // Read through the (organisation, first session) index, never the whole courses table: the first
  // year of each taking part organisation (its min), then for each year since, whether any of them
  // has a course that starts in it. A handful of index probes, however many years are kept.
  const rows = rowsOf<{ year: unknown }>(
    await db.execute(sql`
      with taking as (select id from organisations where open_figures),
      first as (
        select min(extract(year from f.first_at at time zone ${SQL_TIME_ZONE}))::int as year
        from taking o, lateral (select min(c.first_session_at) as first_at from courses c where c.organisation_id = o.id) f
      )
      select y.year
      from first, generate_series(first.year, ${thisYear}::int) as y(year)
      where exists (
        select 1 from taking o
        where exists (
          select 1 from courses c
          where c.organisation_id = o.id
            and c.first_session_at >= make_timestamptz(y.year, 1, 1, 0, 0, 0, ${SQL_TIME_ZONE})
            and c.first_session_at < make_timestamptz(y.year + 1, 1, 1, 0, 0, 0, ${SQL_TIME_ZONE})
            and c.first_session_at < ${periodEnd(yearScope(thisYear))}
        )
      )
      order by 1 desc`),
  );
  const years = rows.map((r) => num(r.year));
  return years.includes(thisYear) ? years : [thisYear, ...years];
}

/**
 * The year a visitor asked for (`?jaar=2026`; none: this year), the years on offer and how many
 * organisations take part. A year that is not on offer is a 404, like any page that does not exist.
 */
export async function readNationalRequest(request: Request, db: Db) {
  const param = new URL(request.url).searchParams.get('jaar')?.trim() ?? '';
  const [years, taking] = await Promise.all([nationalYears(db), organisationsTakingPart(db)]);
  const year = param === '' ? years[0]! : /^\d{4}$/.test(param) && years.includes(Number(param)) ? Number(param) : null;
  if (year === null) throw notFound();
  return { year, years, organisations: taking };
}

/**
 * The figures of a year as last counted: counted again when the last count is not of today (Dutch
 * time) or when an organisation joined or left since (forgetNationalFigures). Figures that change at
 * most once a day also leave a reader less to compare.
 */
export async function nationalFiguresOf(db: Db, year: number) {
  const [stored] = await db.select().from(nationalFigures).where(eq(nationalFigures.year, year));
  const today = dutchToday();
  // A count made before a stage was added (its rows have fewer counts), or before the rule of three
  // organisations (no contributors), is counted again.
  const current = stored?.rows.every((r) => r.counts.length === nationalStages.length);
  if (stored && current && stored.contributors && dateInAmsterdam(stored.computedAt) === today) return stored;
  const [rows, contributors, taking] = await Promise.all([
    countNationalYear(db, year),
    countNationalContributors(db, year),
    organisationsTakingPart(db),
  ]);
  const fresh = { year, rows, contributors, organisations: taking, computedAt: now() };
  await db
    .insert(nationalFigures)
    .values(fresh)
    .onConflictDoUpdate({ target: nationalFigures.year, set: { rows, contributors, organisations: taking, computedAt: fresh.computedAt } });
  return fresh;
}

/** Called when an organisation joins or leaves: the next visitor gets a new count. */
async function forgetNationalFigures(db: Db) {
  await db.delete(nationalFigures);
}

// ---------------------------------------------------------------------------------------------
// The switch on /admin: whether an organisation takes part. Every change is an audit event (who,
// when, on or off), shown on the organisation's admin page.

const OPEN_FIGURES_AUDIT_ENTITY = 'organisation.open_figures';

/** Switches an organisation in or out; false when it does not exist or was already so. */
export async function setOpenFigures(db: Db, input: { organisationId: string; on: boolean; adminId: string }) {
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(organisations)
      .set({ openFigures: input.on })
      .where(and(eq(organisations.id, input.organisationId), ne(organisations.openFigures, input.on)))
      .returning({ id: organisations.id });
    if (!changed) return false;
    await tx.insert(auditEvents).values({
      actorUserId: input.adminId,
      organisationId: input.organisationId,
      action: 'update',
      entity: OPEN_FIGURES_AUDIT_ENTITY,
      entityId: input.organisationId,
      detail: { openFigures: input.on },
      at: now(),
    });
    await forgetNationalFigures(tx);
    return true;
  });
}

/** The organisation's switch changes, newest first, with who made them. */
export async function openFiguresHistory(db: Db, organisationId: string) {
  const rows = await db
    .select({ at: auditEvents.at, detail: auditEvents.detail, actor: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.organisationId, organisationId), eq(auditEvents.entity, OPEN_FIGURES_AUDIT_ENTITY)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id));
  return rows.map((r) => ({ at: r.at, on: r.detail?.openFigures === true, actor: r.actor }));
}

// ---------------------------------------------------------------------------------------------
// Tables, through the same suppression as the funder report.

export type NationalTables = { national: FigureTable; byProvince: FigureTable; byFocus: FigureTable; notBrokenDown: string[] };

/**
 * The published tables of a year, all in one FigureSystem (no figure shown in one table and hidden
 * in another): the national funnel (the headline figures); the funnel by province, whose total row is
 * the national funnel; and by focus group (groups overlap and many people say nothing: no total;
 * each figure at most the national one).
 *
 * A stage with 1–4 people in the whole country is not broken down by province: four provinces
 * showing "<5" under a total of "<5" are 1 each, and no other mark can hide that (the audit finds it).
 *
 * `protection: 'small-only'` hides the counts of 1–4 and nothing else: only for the audit test, to
 * show that without secondary suppression hidden figures can be worked back.
 */
export async function nationalTables(
  t: Translate,
  rows: NationalFigureRow[],
  provinces: { code: string; name: string }[],
  protection: 'full' | 'small-only' = 'full',
  contributors?: NationalContributors | null,
): Promise<NationalTables> {
  const system = new FigureSystem();
  const sum = (selected: NationalFigureRow[]) => nationalStages.map((_, c) => selected.reduce((s, r) => s + r.counts[c]!, 0));
  const totals = sum(rows);
  const stages = nationalStages.map((_, c) => c);
  const brokenDown = stages.filter((c) => !isSmall(totals[c]!));
  /** Figures for the given stages (indexes into nationalStages), with what a reader knows inside a row. */
  const stageRow = (values: number[], present: number[], costOf: (value: number) => number) => {
    const figures = new Map(present.map((c) => [c, system.add(values[c]!, costOf(values[c]!))]));
    // attended, mentored and on a list are at most signed up; on the route at most mentored; elected at
    // most on a list.
    for (const [small, large] of [
      [1, 0],
      [2, 0],
      [3, 2],
      [4, 0],
      [5, 4],
    ] as const)
      if (figures.has(small) && figures.has(large)) system.atMost(figures.get(small)!, figures.get(large)!);
    return present.map((c) => figures.get(c)!);
  };

  const total = stageRow(totals, stages, cost.headline);
  const provinceGroups = [
    ...[...provinces].sort((a, b) => a.name.localeCompare(b.name, 'nl')).map((p) => ({ key: p.code, label: p.name })),
    { key: '', label: t('reports.row.unknown') },
  ].map((g) => ({
    ...g,
    figures: stageRow(sum(rows.filter((r) => (r.provinceCode ?? '') === g.key)), brokenDown, cost.interior),
  }));
  system.partition(
    provinceGroups.map((g) => g.figures),
    brokenDown.map((c) => total[c]!),
  );
  const focusGroups = nationalFocusGroups.map((group) => {
    const members = rows.filter((r) => (group === 'women' ? r.women : r.practicallyEducated));
    const figures = stageRow(sum(members), stages, cost.interior);
    figures.forEach((f, c) => system.atMost(f, total[c]!));
    return { key: group, label: t(`reports.focus.${group}`), figures };
  });

  // The rule of three organisations: a cell with people from fewer is not published. It is hidden
  // from the start like a small count (a count of 1–4 keeps "<5"; others show "×") and protected by
  // secondary suppression like any hidden figure, so it cannot be worked back from the rest either.
  if (contributors) {
    const ruleOf = (figures: number[], present: number[], organisations: number[] | undefined) =>
      figures.forEach((f, k) => {
        const figure = system.figures[f]!;
        if (figure.value > 0 && (organisations?.[present[k]!] ?? 0) < LEAST_CONTRIBUTORS)
          figure.fixed = isSmall(figure.value) ? 'small' : 'protect';
      });
    ruleOf(total, stages, contributors.total);
    for (const g of provinceGroups) ruleOf(g.figures, brokenDown, contributors.provinces[g.key]);
    for (const g of focusGroups) ruleOf(g.figures, stages, contributors[g.key === 'women' ? 'women' : 'practicallyEducated']);
  }

  let cell: (i: number) => Cell;
  if (protection === 'full') {
    await system.protect();
    cell = (i) => system.cell(i);
  } else {
    cell = (i) => ({ value: system.figures[i]!.value, suppressed: isSmall(system.figures[i]!.value) });
  }
  const columns = nationalStages.map((s) => ({ key: s, label: t(`national.stage.${s}`) }));
  return {
    national: {
      id: 'national-total',
      caption: t('national.totalCaption'),
      rowHeader: t('reports.row.scope'),
      columns,
      rows: [{ key: 'all', label: t('national.wholeCountry'), cells: total.map(cell) }],
      total: null,
    },
    byProvince: {
      id: 'national-province',
      caption: t('national.byProvince'),
      rowHeader: t('reports.row.province'),
      columns: brokenDown.map((c) => columns[c]!),
      rows: provinceGroups.map((g) => ({ key: g.key, label: g.label, cells: g.figures.map(cell) })),
      total: brokenDown.map((c) => cell(total[c]!)),
    },
    byFocus: {
      id: 'national-focus',
      caption: t('national.byFocus'),
      rowHeader: t('reports.row.focus'),
      columns,
      rows: focusGroups.map((g) => ({ key: g.key, label: g.label, cells: g.figures.map(cell) })),
      total: null,
    },
    notBrokenDown: stages.filter((c) => !brokenDown.includes(c)).map((c) => columns[c]!.label),
  };
}

/** The tables in the order of the page and the CSV. */
export const publishedTables = (tables: NationalTables) => [tables.national, tables.byProvince, tables.byFocus];

/** Every province (twelve), for rows that are there in every year, also with 0. */
export async function provinceList(db: Db) {
  const rows = rowsOf<{ code: string; name: string }>(
    await db.execute(sql`select province_code as code, min(province) as name from municipalities group by province_code`),
  );
  return rows.map((r) => ({ code: String(r.code), name: String(r.name) }));
}

/** A year's published figures: the tables, how many organisations take part and when last counted. */
export async function nationalReport(db: Db, t: Translate, year: number) {
  const figures = await nationalFiguresOf(db, year);
  // The same counts always get the same protection (the LP rounds take most of the time): worked out
  // once per count and language in each process. The counts are a few dozen rows.
  const key = `${t.locale}|${JSON.stringify(figures.rows)}|${JSON.stringify(figures.contributors)}`;
  let tables = protectedTables.get(key);
  if (!tables) {
    tables = provinceList(db).then((provinces) => nationalTables(t, figures.rows, provinces, 'full', figures.contributors));
    if (protectedTables.size > 50) protectedTables.clear();
    protectedTables.set(key, tables);
    tables.catch(() => protectedTables.delete(key));
  }
  return { year, organisations: figures.organisations, updatedOn: dateInAmsterdam(figures.computedAt), tables: await tables };
}
const protectedTables = new Map<string, Promise<NationalTables>>();
export type NationalReport = Awaited<ReturnType<typeof nationalReport>>;

/** The year's figures as CSV (the same file format as every export), with the licence and legend on top. */
export function nationalCsv(t: Translate, report: NationalReport, pageUrl: string) {
  const lines: string[][] = [
    [t('national.title')],
    [t('national.csv.year'), String(report.year)],
    [t('national.csv.updated'), report.updatedOn],
    [t('national.csv.organisations'), String(report.organisations)],
    [t('national.licence')],
    [t('national.csv.source', { url: pageUrl })],
    [t('national.csv.people')],
    [t('reports.legend.heading')],
    [t('reports.legend.small')],
    [t('reports.legend.protect')],
    [t('reports.legend.zero')],
  ];
  for (const table of publishedTables(report.tables)) {
    lines.push([]);
    lines.push([table.caption]);
    lines.push([table.rowHeader, ...table.columns.map((c) => c.label)]);
    for (const row of table.rows) lines.push([row.label, ...row.cells.map(showCell)]);
    if (table.total) lines.push([t('reports.row.total'), ...table.total.map(showCell)]);
    if (table.id === 'national-province' && report.tables.notBrokenDown.length)
      lines.push([t('national.notBrokenDown', { stages: report.tables.notBrokenDown.join(', ') })]);
  }
  return excelCsv(lines);
}
