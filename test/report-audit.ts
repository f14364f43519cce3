import type { Db } from '../db/client.server';
import { registrations } from '../db/schema';
import { now } from '../app/modules/clock.server';
import { excelCsv } from '../app/modules/csv.server';
import type { FigureTable } from '../app/modules/reports/figures.server';
import { isSmall, showCell, type Cell } from '../app/modules/reports/suppression';

// The reader's audit of a published report (issue 12, item 3), written apart from the production
// suppression: it sees only the published text of every table ("12", "<5", "×") and what anyone knows
// about how the tables hang together, sets up the linear system a reader with a spreadsheet and a
// solver can, and asks HiGHS for each hidden figure's interval.
//
// What a reader knows:
// - "<5" is 1..4; "×" is some count >= 0; a number is exactly that.
// - the rows of a breakdown add up to its total row, and that total row is the summary above it;
// - the funnel's months add up to its total row;
// - inside a row: sign-ups >= confirmed >= attended + no-shows, attended >= completed; every mentoring
//   step <= applications; funnel: signed up >= attended >= completed, applied <= signed up, matched
//   <= applied, on the route to a list <= matched, on a list <= signed up, elected <= on a list;
//   academies: admitted and on a list <= applications, started <= admitted, completed and
//   placements <= started, elected <= on a list;
// - a focus group's figure is at most everyone's (mentoring and academies);
// - every academy application belongs to an academy: an organisation's academy figures are exactly
//   the sum of its academies' (no unpublished rest);
// - the funnel counts people, the course tables registrations: its total row's signed up, attended
//   and completed are at most the courses' sign-ups, attended and completed.
// - the open national figures (/cijfers): the provinces add up to their total row, which is the
//   national funnel; inside a row attended, mentored and on a list are at most signed up, on the
//   route at most mentored, elected at most on a list; a focus group's figure is at most the national one.

type Term = [string, number];
type Constraint = { terms: Term[]; sense: '=' | '<='; rhs: number; what: string };

export type AuditFinding = { kind: 'recoverable' | 'contradiction' | 'false-mark' | 'wrong-figure'; what: string };

type Highs = { solve: (lp: string, options?: Record<string, string>) => { Status: string; ObjectiveValue: number } };
let highs: Promise<Highs> | null = null;
/** LPs solved by the audit, and how many solving each hidden figure's least and greatest value would take. */
export const stats = { lps: 0, lpsOneByOne: 0 };
/** A seeded xorshift generator in [0, 1): the same numbers on every run (random test data, the pushes' weights). */
export function seededRandom(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}
const solver = () => (highs ??= import('highs').then((m) => (m.default as unknown as () => Promise<Highs>)()));

const partOf: Record<string, string> = {
  'courses-province': 'courses-summary',
  'courses-source': 'courses-summary',
  'mentoring-province': 'mentoring-summary',
  'mentoring-source': 'mentoring-summary',
  'national-province': 'national-total',
  'academy-province': 'academy-summary',
};

/** A focus-group table and the summary its rows are parts of. */
const focusOf: Record<string, string> = {
  'mentoring-focus': 'mentoring-summary',
  'academy-focus': 'academy-summary',
};

const isAcademyTable = (id: string) => id.startsWith('academy');

function rowOrder(tableId: string, key: (column: string) => string): [string[], string[]][] {
  // [small side, large side]: Σ small <= Σ large
  if (tableId.startsWith('courses'))
    return [
      [[key('confirmed')], [key('signUps')]],
      [[key('attended'), key('noShows')], [key('confirmed')]],
      [[key('completed')], [key('attended')]],
    ];
  if (tableId.startsWith('mentoring'))
    return ['proposed', 'accepted', 'declined', 'expired', 'active', 'completed'].map((m) => [[key(m)], [key('applications')]]);
  if (tableId === 'funnel')
    return [
      [[key('attended')], [key('signedUp')]],
      [[key('completed')], [key('attended')]],
      [[key('applied')], [key('signedUp')]],
      [[key('matched')], [key('applied')]],
      [[key('onRoute')], [key('matched')]],
      [[key('onList')], [key('signedUp')]],
      [[key('elected')], [key('onList')]],
    ];
  if (isAcademyTable(tableId))
    return [
      [[key('admitted')], [key('applicants')]],
      [[key('started')], [key('admitted')]],
      [[key('completed')], [key('started')]],
      [[key('placements')], [key('started')]],
      [[key('onList')], [key('applicants')]],
      [[key('elected')], [key('onList')]],
    ];
  if (tableId.startsWith('national'))
    return [
      [[key('attended')], [key('signedUp')]],
      [[key('mentored')], [key('signedUp')]],
      [[key('onRoute')], [key('mentored')]],
      [[key('onList')], [key('signedUp')]],
      [[key('elected')], [key('onList')]],
    ];
  return [];
}

/** The published tables as the reader sees them: text only. */
function publishedText(tables: FigureTable[], show: (cell: Cell) => string) {
  return tables.map((t) => ({
    id: t.id,
    columns: t.columns.map((c) => c.key),
    rows: t.rows.map((r) => ({ label: r.label, text: r.cells.map(show), truth: r.cells.map((c) => c.value) })),
    total: t.total ? { text: t.total.map(show), truth: t.total.map((c) => c.value) } : null,
  }));
}

/** The CSV lines of the tables, to check that the file publishes exactly what the audit saw. */
export function csvLinesOf(tables: FigureTable[], totalLabel: string) {
  return tables.flatMap((t) => [
    ...t.rows.map((r) =>
      excelCsv([[r.label, ...r.cells.map(showCell)]])
        .replace(/^\uFEFF/, '')
        .trim(),
    ),
    ...(t.total
      ? [
          excelCsv([[totalLabel, ...t.total.map(showCell)]])
            .replace(/^\uFEFF/, '')
            .trim(),
        ]
      : []),
  ]);
}

/**
 * What a reader knows between reports, by the names of their figures (`report|table|row|column`):
 * - `{ parts, total }`: the parts add up to the total (a year and its quarters; the organisation and
 *   its academies with the unpublished rest);
 * - `{ parts, total, covers: true }`: the total is at most the sum (people counted once in a year);
 * - `{ small, large }`: one is at most the other.
 */
export type AuditLink = { parts: string[]; total: string; covers?: boolean } | { small: string; large: string };

/**
 * `show`: the text a hidden or shown figure is published with (the production marks by default; a
 * test gives the old marking, "<5" on every hidden figure, to see the audit fail on it).
 */
export type AuditOptions = { show?: (cell: Cell) => string };

/** The figure name the audit uses for a cell (a total row is called "(total)"). */
const figureName = (report: string, table: string, row: string, column: string) => `${report}|${table}|${row}|${column}`;

/**
 * Audits one or more reports a reader can put side by side (`links` ties figures that must be equal or
 * add up across reports, such as a year and its quarters). A report marked `unpublished` is what a
 * reader does not see but knows to exist (e.g. the courses without an academy): every figure of it is
 * an unknown >= 0 with the same relations inside, and its own intervals are not checked. Returns every
 * finding.
 */
export async function auditPublished(
  reports: { name: string; tables: FigureTable[]; unpublished?: boolean }[],
  links: AuditLink[] = [],
  options: AuditOptions = {},
): Promise<AuditFinding[]> {
  const show = options.show ?? showCell;
  const findings: AuditFinding[] = [];
  const bounds = new Map<string, { lower: number; upper: number | null; text: string; truth: number; unpublished?: boolean }>();
  const constraints: Constraint[] = [];
  let unpublished = false;
  const variable = (name: string, text: string, truth: number) => {
    if (unpublished) {
      bounds.set(name, { lower: 0, upper: null, text: '(not published)', truth, unpublished });
      return name;
    }
    const lower = text === '<5' ? 1 : text === '×' ? 0 : Number(text);
    const upper = text === '<5' ? 4 : text === '×' ? null : Number(text);
    bounds.set(name, { lower, upper, text, truth });
    if (text === '<5' && !isSmall(truth)) findings.push({ kind: 'false-mark', what: `${name}: "<5" on ${truth}` });
    if (text === '×' && isSmall(truth)) findings.push({ kind: 'false-mark', what: `${name}: "×" on a small count` });
    if (text !== '<5' && text !== '×' && Number(text) !== truth)
      findings.push({ kind: 'wrong-figure', what: `${name}: ${text} is ${truth}` });
    if (isSmall(truth) && text !== '<5') findings.push({ kind: 'false-mark', what: `${name}: small count ${truth} shown as ${text}` });
    return name;
  };
  for (const report of reports) {
    unpublished = Boolean(report.unpublished);
    const tables = publishedText(report.tables, show);
    const byId = new Map(tables.map((t) => [t.id, t]));
    const name = (tableId: string, row: string, column: string) => `${report.name}|${tableId}|${row}|${column}`;
    for (const t of tables) {
      const rowNames = [...t.rows.map((r) => r.label), ...(t.total ? ['(total)'] : [])];
      const all = [...t.rows, ...(t.total ? [{ label: '(total)', ...t.total }] : [])];
      for (const r of all) r.text.forEach((text, c) => variable(name(t.id, r.label, t.columns[c]!), text, r.truth[c]!));
      for (const row of rowNames)
        for (const [small, large] of rowOrder(t.id, (column) => name(t.id, row, column)).filter(([small, large]) =>
          // A table may leave a measure out (the national figures by province do, for stages with 1–4 people).
          [...small, ...large].every((v) => bounds.has(v)),
        ))
          constraints.push({
            terms: [...small.map((v): Term => [v, 1]), ...large.map((v): Term => [v, -1])],
            sense: '<=',
            rhs: 0,
            what: `${t.id} ${row}`,
          });
      if (t.total)
        t.columns.forEach((column) =>
          constraints.push({
            terms: [...t.rows.map((r): Term => [name(t.id, r.label, column), 1]), [name(t.id, '(total)', column), -1]],
            sense: '=',
            rhs: 0,
            what: `${t.id} column ${column}`,
          }),
        );
      const summaryId = partOf[t.id];
      const summary = summaryId ? byId.get(summaryId) : undefined;
      if (summary && t.total)
        t.columns.forEach((column) =>
          constraints.push({
            terms: [
              [name(t.id, '(total)', column), 1],
              [name(summary.id, summary.rows[0]!.label, column), -1],
            ],
            sense: '=',
            rhs: 0,
            what: `${t.id} total = summary (${column})`,
          }),
        );
      const courses = byId.get('courses-summary');
      if (t.id === 'funnel' && t.total && courses)
        (
          [
            ['signedUp', 'signUps'],
            ['attended', 'attended'],
            ['completed', 'completed'],
          ] as const
        ).forEach(([people, registrations]) =>
          constraints.push({
            terms: [
              [name(t.id, '(total)', people), 1],
              [name(courses.id, courses.rows[0]!.label, registrations), -1],
            ],
            sense: '<=',
            rhs: 0,
            what: `funnel ${people} <= course ${registrations}`,
          }),
        );
      const everyone = focusOf[t.id] ? byId.get(focusOf[t.id]!) : undefined;
      if (everyone)
        for (const r of t.rows)
          t.columns.forEach((column) =>
            constraints.push({
              terms: [
                [name(t.id, r.label, column), 1],
                [name(everyone.id, everyone.rows[0]!.label, column), -1],
              ],
              sense: '<=',
              rhs: 0,
              what: `focus ${r.label} <= everyone (${column})`,
            }),
          );
      const national = byId.get('national-total');
      if (t.id === 'national-focus' && national)
        for (const r of t.rows)
          t.columns.forEach((column) =>
            constraints.push({
              terms: [
                [name(t.id, r.label, column), 1],
                [name(national.id, national.rows[0]!.label, column), -1],
              ],
              sense: '<=',
              rhs: 0,
              what: `national focus ${r.label} <= national total (${column})`,
            }),
          );
    }
  }
  for (const link of links)
    if ('small' in link)
      constraints.push({
        terms: [
          [link.small, 1],
          [link.large, -1],
        ],
        sense: '<=',
        rhs: 0,
        what: `link ${link.small} <= ${link.large}`,
      });
    else if (link.covers)
      constraints.push({
        terms: [...link.parts.map((p): Term => [p, -1]), [link.total, 1]],
        sense: '<=',
        rhs: 0,
        what: `link ${link.total} <= sum`,
      });
    else
      constraints.push({
        terms: [...link.parts.map((p): Term => [p, 1]), [link.total, -1]],
        sense: '=',
        rhs: 0,
        what: `link ${link.total}`,
      });

  // Visible figures that contradict each other: a constraint over visible figures only that fails.
  const known = (v: string) => bounds.get(v)!.upper === bounds.get(v)!.lower;
  for (const c of constraints) {
    if (!c.terms.every(([v]) => bounds.has(v))) throw new Error(`audit: unknown figure in ${c.what}`);
    let lo = 0;
    let hi = 0;
    for (const [v, k] of c.terms) {
      const b = bounds.get(v)!;
      const upper = b.upper ?? Infinity;
      lo += k > 0 ? k * b.lower : k * upper;
      hi += k > 0 ? k * upper : k * b.lower;
    }
    const ok = c.sense === '=' ? lo <= c.rhs && c.rhs <= hi : lo <= c.rhs;
    if (!ok) findings.push({ kind: 'contradiction', what: `${c.what}: ${c.terms.map(([v]) => bounds.get(v)!.text).join(', ')}` });
    void known;
  }
  if (findings.some((f) => f.kind === 'contradiction')) return findings;

  // The LP: hidden figures are unknowns, visible ones constants; each group of hidden figures tied
  // together by some relation is solved on its own.
  const hidden = [...bounds.entries()].filter(([, b]) => b.upper !== b.lower).map(([v]) => v);
  const checked = (v: string) => !bounds.get(v)!.unpublished;
  const index = new Map(hidden.map((v, i) => [v, `h${i}`]));
  const group = new Map(hidden.map((v) => [v, v]));
  const root = (v: string): string => (group.get(v) === v ? v : root(group.get(v)!));
  for (const c of constraints) {
    const inside = c.terms.map(([v]) => v).filter((v) => index.has(v));
    for (const v of inside.slice(1)) group.set(root(v), root(inside[0]!));
  }
  const h = await solver();
  const groups = new Map<string, string[]>();
  for (const v of hidden) groups.set(root(v), [...(groups.get(root(v)) ?? []), v]);
  for (const members of groups.values()) {
    const mine = new Set(members);
    const rows: string[] = [];
    for (const c of constraints) {
      if (!c.terms.some(([v]) => mine.has(v))) continue;
      let rhs = c.rhs;
      const lhs: string[] = [];
      for (const [v, k] of c.terms) {
        if (mine.has(v)) lhs.push(`${k > 0 ? '+' : '-'} ${Math.abs(k)} ${index.get(v)}`);
        else rhs -= k * bounds.get(v)!.lower;
      }
      rows.push(` r${rows.length}: ${lhs.join(' ')} ${c.sense} ${rhs}`);
    }
    const boundLines = members.map((v) => {
      const b = bounds.get(v)!;
      return b.upper === null ? ` ${index.get(v)} >= ${b.lower}` : ` ${b.lower} <= ${index.get(v)} <= ${b.upper}`;
    });
    const lp = (sense: string, objective: string) =>
      [
        sense,
        ` obj: ${objective}`,
        'Subject To',
        ...(rows.length ? rows : [` r0: ${index.get(members[0]!)} >= 0`]),
        'Bounds',
        ...boundLines,
        'End',
      ].join('\n');
    type Solved = ReturnType<Highs['solve']> & { Columns?: Record<string, { Primal: number }> };
    stats.lps++;
    const first = h.solve(lp('Minimize', `0 ${index.get(members[0]!)}`)) as Solved;
    if (first.Status === 'Infeasible') {
      findings.push({ kind: 'contradiction', what: `the published figures around ${members[0]} admit no solution` });
      continue;
    }
    // Every LP optimum is a point the published figures allow, so its value of every hidden figure
    // is possible. A figure with two possible values at least 1 apart is not exactly recoverable and
    // needs no LPs of its own; only the others are solved for their least and greatest value (the
    // exact interval, as a reader with a solver gets it). Two LPs over all figures at once (pushed
    // up, then down) first spread most of them.
    const low = new Map<string, number>();
    const high = new Map<string, number>();
    const see = (result: Solved) => {
      if (result.Status !== 'Optimal' || !result.Columns) return;
      for (const v of members) {
        const value = result.Columns[index.get(v)!]?.Primal;
        if (value === undefined) continue;
        if (!(low.get(v)! <= value)) low.set(v, value);
        if (!(high.get(v)! >= value)) high.set(v, value);
      }
    };
    const spread = (v: string) => (low.has(v) ? Math.floor(high.get(v)! + 1e-6) - Math.ceil(low.get(v)! - 1e-6) : -Infinity);
    const run = (text: string) => {
      stats.lps++;
      let result = h.solve(text) as Solved;
      // HiGHS's presolve calls some unbounded LPs "Infeasible"; without presolve it tells them apart.
      if (result.Status !== 'Optimal' && result.Status !== 'Unbounded') {
        stats.lps++;
        result = h.solve(text, { presolve: 'off' }) as Solved;
      }
      return result;
    };
    const solve = (sense: string, x: string) => {
      const result = run(lp(sense, x));
      see(result);
      if (result.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
      if (result.Status !== 'Optimal') return null;
      return result.ObjectiveValue;
    };
    see(first);
    const open = members.filter(checked);
    stats.lpsOneByOne += 2 * open.length;
    // Pushes: LPs over every figure not yet seen at two values at once, with seeded random weights
    // (so that figures tied by a sum, whose total cannot move, are pushed apart too), up then down,
    // again while a pair of them still frees a few. Up, each figure is capped 1 above its highest
    // value seen (so the LP is bounded); extra bounds only shrink the set, so every optimum is still
    // a point the reader cannot rule out. The figures left are solved one by one below.
    const weight = seededRandom(members.length * 2_654_435_761);
    let pending = open.filter((v) => spread(v) < 1);
    while (pending.length >= 4) {
      const before = pending.length;
      const objective = pending.map((v) => `+ ${(1 + weight()).toFixed(3)} ${index.get(v)}`).join(' ');
      const inObjective = new Set(pending);
      const capped = members.map((v) => {
        const b = bounds.get(v)!;
        if (!inObjective.has(v))
          return b.upper === null ? ` ${index.get(v)} >= ${b.lower}` : ` ${b.lower} <= ${index.get(v)} <= ${b.upper}`;
        const upper = Math.min(b.upper ?? Infinity, Math.floor((high.get(v) ?? b.lower) + 1e-6) + 1);
        return ` ${b.lower} <= ${index.get(v)} <= ${upper}`;
      });
      const pushed = (sense: string, bounded: string[]) =>
        [
          sense,
          ` obj: ${objective}`,
          'Subject To',
          ...(rows.length ? rows : [` r0: ${index.get(members[0]!)} >= 0`]),
          'Bounds',
          ...bounded,
          'End',
        ].join('\n');
      see(run(pushed('Maximize', capped)));
      see(run(pushed('Minimize', boundLines)));
      pending = pending.filter((v) => spread(v) < 1);
      if (before - pending.length < 4) break;
    }
    for (const v of open) {
      if (spread(v) >= 1) continue;
      const x = index.get(v)!;
      const highest = solve('Maximize', x);
      if (highest === null) {
        findings.push({ kind: 'contradiction', what: `no solution when solving for ${v}` });
        continue;
      }
      if (spread(v) >= 1 || highest === Infinity) continue;
      const lowest = solve('Minimize', x);
      if (lowest === null) {
        findings.push({ kind: 'contradiction', what: `no solution when solving for ${v}` });
        continue;
      }
      const lower = Math.ceil(lowest - 1e-6);
      const upper = Math.floor(highest + 1e-6);
      if (upper - lower < 1) findings.push({ kind: 'recoverable', what: `${v} (${bounds.get(v)!.text}) is exactly ${lower}` });
    }
  }
  return findings;
}

/** One report as a reader gets it: a block, the organisation (scope null) or an academy, a funnel. */
export type Publication = { block: string; scope: string | null; cohort: 'month' | 'academy'; tables: FigureTable[] };

const isFunnel = (id: string) => id === 'funnel';
const rowsWithTotal = (t: FigureTable) => [
  ...t.rows.map((r) => ({ label: r.label, cells: r.cells })),
  ...(t.total ? [{ label: '(total)', cells: t.total }] : []),
];

/**
 * Audits everything a reader can get for one organisation at once (issue 12, item 4): every block
 * given (`years` says which quarters make up which year), for the organisation and each academy, both
 * funnels. The links are what a reader knows between them, found from the published labels:
 * - the same table in the two funnel choices is the same figure;
 * - a year's cell is the sum of the same cell in its quarters (a row missing in a quarter is 0);
 *   a month of the funnel is the same figure in the year and its quarter; in the funnel by academy
 *   a person counts once a block, so each quarter's row is at most the year's, and the year's at most
 *   their sum;
 * - the organisation's cell is the sum of its academies' and of the courses and networks without an
 *   academy, which are not published (unknowns >= 0, with the same relations inside);
 *   an academy's people of a month are some of the organisation's, and its row in the funnel by
 *   academy is the organisation's row for it.
 */
export async function auditCombined(
  publications: Publication[],
  years: { year: string; quarters: string[] }[],
  options: AuditOptions = {},
) {
  const nameOf = (p: { block: string; scope: string | null; cohort: string }) => `${p.block}/${p.scope ?? 'org'}/${p.cohort}`;
  const find = (block: string, scope: string | null, cohort: string) =>
    publications.find((p) => p.block === block && p.scope === scope && p.cohort === cohort);
  const links: AuditLink[] = [];
  const reports: { name: string; tables: FigureTable[]; unpublished?: boolean }[] = publications.map((p) => ({
    name: nameOf(p),
    tables: p.tables,
  }));
  const blocks = [...new Set(publications.map((p) => p.block))];
  const scopes = [...new Set(publications.map((p) => p.scope))];
  const cells = (p: Publication, tableId: string) => {
    const table = p.tables.find((t) => t.id === tableId);
    return new Map(table ? rowsWithTotal(table).map((r) => [r.label, r.cells] as const) : []);
  };

  for (const block of blocks)
    for (const scope of scopes) {
      const month = find(block, scope, 'month');
      const academy = find(block, scope, 'academy');
      if (!month || !academy) continue;
      for (const table of month.tables.filter((t) => !isFunnel(t.id)))
        for (const row of rowsWithTotal(table))
          table.columns.forEach((c) =>
            links.push({
              parts: [figureName(nameOf(academy), table.id, row.label, c.key)],
              total: figureName(nameOf(month), table.id, row.label, c.key),
            }),
          );
    }

  for (const { year, quarters } of years)
    for (const scope of scopes)
      for (const cohort of ['month', 'academy'] as const) {
        const whole = find(year, scope, cohort);
        const parts = quarters.map((q) => find(q, scope, cohort)).filter((p): p is Publication => p !== undefined);
        if (!whole || parts.length !== quarters.length) continue;
        for (const table of whole.tables) {
          const partCells = parts.map((p) => ({ p, cells: cells(p, table.id) }));
          for (const row of rowsWithTotal(table))
            table.columns.forEach((c) => {
              const total = figureName(nameOf(whole), table.id, row.label, c.key);
              const present = partCells
                .filter((pc) => pc.cells.has(row.label))
                .map((pc) => figureName(nameOf(pc.p), table.id, row.label, c.key));
              if (!isFunnel(table.id)) {
                if (cohort === 'month') links.push({ parts: present, total });
              } else if (cohort === 'month' && row.label !== '(total)') {
                if (present.length === 1) links.push({ parts: present, total });
              } else if (cohort === 'academy' && row.label !== '(total)') {
                for (const part of present) links.push({ small: part, large: total });
                links.push({ parts: present, total, covers: true });
              }
            });
        }
      }

  for (const block of blocks) {
    const org = find(block, null, 'month');
    const academies = scopes
      .filter((s): s is string => s !== null)
      .map((s) => find(block, s, 'month'))
      .filter((p): p is Publication => !!p);
    if (!org || academies.length === 0) continue;
    const rest = `${block}/rest/month`;
    const restTables: FigureTable[] = org.tables
      .filter((t) => !isFunnel(t.id) && !isAcademyTable(t.id))
      .map((t) => {
        const minus = (label: string, c: number, value: number) =>
          value - academies.reduce((sum, a) => sum + (cells(a, t.id).get(label)?.[c]?.value ?? 0), 0);
        return {
          ...t,
          rows: t.rows.map((r) => ({
            ...r,
            cells: r.cells.map((cell, c) => ({ value: minus(r.label, c, cell.value), suppressed: true })),
          })),
          total: t.total ? t.total.map((cell, c) => ({ value: minus('(total)', c, cell.value), suppressed: true })) : null,
        };
      });
    reports.push({ name: rest, tables: restTables, unpublished: true });
    for (const table of org.tables) {
      for (const row of rowsWithTotal(table))
        table.columns.forEach((c) => {
          const total = figureName(nameOf(org), table.id, row.label, c.key);
          const present = academies
            .filter((a) => cells(a, table.id).has(row.label))
            .map((a) => figureName(nameOf(a), table.id, row.label, c.key));
          if (isAcademyTable(table.id)) links.push({ parts: present, total });
          else if (!isFunnel(table.id)) links.push({ parts: [...present, figureName(rest, table.id, row.label, c.key)], total });
          else if (row.label !== '(total)') for (const part of present) links.push({ small: part, large: total });
        });
    }
    const orgByAcademy = find(block, null, 'academy');
    if (orgByAcademy)
      for (const scope of scopes.filter((s): s is string => s !== null)) {
        const mine = find(block, scope, 'academy');
        const funnel = mine?.tables.find((t) => t.id === 'funnel');
        const orgRows = cells(orgByAcademy, 'funnel');
        for (const row of funnel?.rows ?? [])
          if (orgRows.has(row.label))
            funnel!.columns.forEach((c) =>
              links.push({
                parts: [figureName(nameOf(mine!), 'funnel', row.label, c.key)],
                total: figureName(nameOf(orgByAcademy), 'funnel', row.label, c.key),
              }),
            );
      }
  }
  return auditPublished(reports, links, options);
}

/**
 * Report test data: confirmed sign-ups for a course, `n` from each municipality given (source
 * "party"), with addresses `<prefix>-<municipality>-<k>@example.nl`.
 */
export async function confirmedSignUps(db: Db, courseId: string, prefix: string, byMunicipality: Record<string, number>) {
  const rows = Object.entries(byMunicipality).flatMap(([municipalityCode, n]) =>
    Array.from({ length: n }, (_, k) => ({
      courseId,
      name: `Deelnemer ${municipalityCode} ${k + 1}`,
      email: `${prefix}-${municipalityCode}-${k + 1}@example.nl`,
      municipalityCode,
      source: 'party',
      privacyVersion: '1.0',
      consentedAt: now(),
      status: 'confirmed' as const,
      confirmedAt: now(),
    })),
  );
  return db.insert(registrations).values(rows).returning();
}
