import { excelCsv } from '../app/modules/csv.server';
import type { FigureTable } from '../app/modules/reports/figures.server';
import { isSmall, showCell } from '../app/modules/reports/suppression';

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
//   <= applied, on a list <= signed up, elected <= on a list;
// - a focus group's figure is at most everyone's;
// - the funnel counts people, the course tables registrations: its total row's signed up, attended
//   and completed are at most the courses' sign-ups, attended and completed.
// - the open national figures (/cijfers): the provinces add up to their total row, which is the
//   national funnel; inside a row attended, mentored and on a list are at most signed up, elected at
//   most on a list; a focus group's figure is at most the national one.

type Term = [string, number];
type Constraint = { terms: Term[]; sense: '=' | '<='; rhs: number; what: string };

export type AuditFinding = { kind: 'recoverable' | 'contradiction' | 'false-mark' | 'wrong-figure'; what: string };

type Highs = { solve: (lp: string) => { Status: string; ObjectiveValue: number } };
let highs: Promise<Highs> | null = null;
const solver = () => (highs ??= import('highs').then((m) => (m.default as unknown as () => Promise<Highs>)()));

const partOf: Record<string, string> = {
  'courses-province': 'courses-summary',
  'courses-source': 'courses-summary',
  'mentoring-province': 'mentoring-summary',
  'mentoring-source': 'mentoring-summary',
  'national-province': 'national-total',
};

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
      [[key('onList')], [key('signedUp')]],
      [[key('elected')], [key('onList')]],
    ];
  if (tableId.startsWith('national'))
    return [
      [[key('attended')], [key('signedUp')]],
      [[key('mentored')], [key('signedUp')]],
      [[key('onList')], [key('signedUp')]],
      [[key('elected')], [key('onList')]],
    ];
  return [];
}

/** The published tables as the reader sees them: text only. */
export function publishedText(tables: FigureTable[]) {
  return tables.map((t) => ({
    id: t.id,
    columns: t.columns.map((c) => c.key),
    rows: t.rows.map((r) => ({ label: r.label, text: r.cells.map(showCell), truth: r.cells.map((c) => c.value) })),
    total: t.total ? { text: t.total.map(showCell), truth: t.total.map((c) => c.value) } : null,
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
 * Audits one or more reports a reader can put side by side (`links` ties figures that must be equal or
 * add up across reports, such as a year and its quarters). Returns every finding.
 */
export async function auditPublished(
  reports: { name: string; tables: FigureTable[] }[],
  links: { parts: string[]; total: string }[] = [],
): Promise<AuditFinding[]> {
  const findings: AuditFinding[] = [];
  const bounds = new Map<string, { lower: number; upper: number | null; text: string; truth: number }>();
  const constraints: Constraint[] = [];
  const variable = (name: string, text: string, truth: number) => {
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
    const tables = publishedText(report.tables);
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
      const everyone = byId.get('mentoring-summary');
      if (t.id === 'mentoring-focus' && everyone)
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
    constraints.push({ terms: [...link.parts.map((p): Term => [p, 1]), [link.total, -1]], sense: '=', rhs: 0, what: `link ${link.total}` });

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
    if (h.solve(lp('Minimize', `0 ${index.get(members[0]!)}`)).Status === 'Infeasible') {
      findings.push({ kind: 'contradiction', what: `the published figures around ${members[0]} admit no solution` });
      continue;
    }
    const solve = (sense: string, x: string) => {
      const result = h.solve(lp(sense, x));
      if (result.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
      if (result.Status !== 'Optimal') throw new Error(`audit: LP ${result.Status}`);
      return result.ObjectiveValue;
    };
    for (const v of members) {
      const x = index.get(v)!;
      const lower = Math.ceil(solve('Minimize', x) - 1e-6);
      const upper = Math.floor(solve('Maximize', x) + 1e-6);
      if (upper - lower < 1) findings.push({ kind: 'recoverable', what: `${v} (${bounds.get(v)!.text}) is exactly ${lower}` });
    }
  }
  return findings;
}
