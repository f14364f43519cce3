import { isSmall } from './suppression';

// Cell suppression over every linked figure of a report at once, checked with linear programming
// (ADR 013). The figures of all tables that share people (a summary and its breakdowns, the funnel
// and its months) go in as one list with the relations a reader knows between them: "these parts add
// up to that total" and "this figure is at most that one". Every count of 1–4 is hidden (primary);
// then we hide more figures (secondary), cheapest first, until the interval a reader can work out for
// each hidden figure, using all the relations and every visible figure, is wide enough:
//   - never a single value (upper − lower ≥ 1): the protection level the audit holds us to;
//   - for a "<5" figure (the reader knows 1..4) we aim for at least 3 possible values (upper − lower
//     ≥ 2), but only with figures we may hide: when only a headline figure could widen it further, two
//     possible values (e.g. "3 or 4") stand, rather than hiding a headline figure.
// The interval is the LP relaxation's (HiGHS): what a reader with a spreadsheet and a solver gets.

/** A figure's cost when hidden: what a reader loses. `Infinity` = never hidden (headline figures). */
export type Figure = {
  value: number;
  cost: number;
  /** A figure the reader knows anyway (e.g. from the course dates): never hidden, not published. */
  known?: boolean;
  /**
   * Never published, but a reader knows it is a count >= 0 that ties published figures together
   * (e.g. the courses without an academy: the organisation minus its academies). Always an unknown;
   * its own interval does not matter.
   */
  unpublished?: boolean;
  /** A mark already decided (a quarter's, when its year is protected): it is kept, never changed. */
  fixed?: Mark;
};

export type Relation =
  | { kind: 'sum'; parts: number[]; total: number }
  /** The total is at most the sum of the parts (people counted once in a year, once per quarter). */
  | { kind: 'covers'; parts: number[]; total: number }
  | { kind: 'atMost'; small: number; large: number };

/** Primary suppression ('small', shown "<5") or secondary ('protect', shown "×"); null = shown. */
export type Mark = 'small' | 'protect' | null;

/** Protection levels: the least width of the interval a reader can work out for a hidden figure. */
const PROTECTION = 1;
const SMALL_PROTECTION_AIM = 2;

const EPS = 1e-6;

let solves = 0;
/** LP solves made by this process so far (for the benchmark in bench/report-protection.ts). */
export const solveCount = () => solves;
/** Adds the LP solves the worker thread made for this process (protection-thread.server.ts). */
export const countSolves = (n: number) => {
  solves += n;
};

type Highs = { solve: (lp: string, options?: Record<string, string>) => { Status: string; ObjectiveValue: number } };
let highsPromise: Promise<Highs> | null = null;
function loadHighs(): Promise<Highs> {
  // The WASM build of HiGHS; loaded once per process (about 0.1 s).
  highsPromise ??= import('highs').then((m) => (m.default as unknown as () => Promise<Highs>)());
  return highsPromise;
}

type Interval = { lower: number; upper: number };
type Memo = Map<string, Map<number, Interval> | null>;
/**
 * The least and greatest value of each hidden figure seen in a point a reader cannot rule out: its
 * true value, and every LP optimum found so far. Hiding more figures only widens what a reader cannot
 * rule out (an old point, with the newly hidden figures at their true values, still fits every
 * relation), so what was seen stays valid for every later round of the same protection.
 */
type Seen = { low: Map<number, number>; high: Map<number, number> };

/**
 * For each hidden figure with a need (the least width its interval must have), an interval: the exact
 * one (what a reader with a solver gets) when it is narrower than the need, else one at least as wide
 * as the need inside the exact one. Figures without a need (the unpublished rest) are not solved for.
 * Null when the system is infeasible.
 *
 * Two LPs (least and greatest value) per hidden figure is what a reader solves; we need fewer: every
 * LP's optimum is a point a reader cannot rule out, so its value of every other hidden figure of the
 * component is possible too. A figure whose values seen so far already lie `need` apart is wide
 * enough, and its own LPs are skipped (on the demo data most are). The marks are the same as with
 * every interval solved: only "narrower than the need" decides, and that is always solved exactly.
 */
async function intervals(
  figures: readonly Figure[],
  relations: readonly Relation[],
  marks: readonly Mark[],
  needOf: (i: number) => number = () => PROTECTION,
  memo: Memo = new Map(),
  seen: Seen = { low: new Map(), high: new Map() },
  deadline?: number,
): Promise<Map<number, Interval> | null> {
  const highs = await loadHighs();
  const hidden = (i: number) => marks[i] !== null;
  // Connected components of hidden figures: each can be solved on its own.
  const parent = figures.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const r of relations) {
    const h = membersOf(r).filter(hidden);
    for (let k = 1; k < h.length; k++) parent[find(h[k]!)] = find(h[0]!);
  }
  const components = new Map<number, number[]>();
  figures.forEach((_, i) => {
    if (!hidden(i)) return;
    const root = find(i);
    components.set(root, [...(components.get(root) ?? []), i]);
  });
  // The relations of each component, found in one pass (not one pass per component).
  const relationsOf = new Map<number, Relation[]>();
  for (const r of relations) {
    const h = membersOf(r).find(hidden);
    if (h === undefined) continue;
    const root = find(h);
    relationsOf.set(root, [...(relationsOf.get(root) ?? []), r]);
  }
  const result = new Map<number, Interval>();
  for (const [root, members] of components) {
    const needs = members.map(needOf);
    if (needs.every((n) => n <= 0)) continue;
    // A component's intervals depend only on which figures it hides and what they need (the
    // relations and values are fixed), so a component left unchanged by the last round is not solved again.
    const key = `${members.join(',')}|${needs.join(',')}`;
    if (deadline !== undefined && Date.now() > deadline) throw new SolveBudgetExceeded('protectFigures: over the time budget');
    if (!memo.has(key))
      memo.set(key, componentIntervals(highs, figures, relationsOf.get(root) ?? [], marks, members, needs, seen, deadline));
    const found = memo.get(key)!;
    if (!found) return null;
    for (const [i, interval] of found) result.set(i, interval);
  }
  return result;
}

const membersOf = (r: Relation) => (r.kind === 'atMost' ? [r.small, r.large] : [...r.parts, r.total]);

function componentIntervals(
  highs: Highs,
  figures: readonly Figure[],
  relations: readonly Relation[],
  marks: readonly Mark[],
  members: number[],
  needs: number[],
  seen: Seen,
  deadline?: number,
) {
  const result = new Map<number, Interval>();
  const inside = new Set(members);
  const rows: string[] = [];
  for (const r of relations) {
    // sum: Σ parts − total = 0;  atMost: small − large ≤ 0. Visible figures move to the right.
    const terms: [number, number][] =
      r.kind === 'sum'
        ? [...r.parts.map((p): [number, number] => [p, 1]), [r.total, -1]]
        : r.kind === 'covers'
          ? [...r.parts.map((p): [number, number] => [p, -1]), [r.total, 1]]
          : [
              [r.small, 1],
              [r.large, -1],
            ];
    let rhs = 0;
    const lhs: string[] = [];
    for (const [i, coefficient] of terms) {
      if (inside.has(i)) lhs.push(`${coefficient > 0 ? '+' : '-'} x${i}`);
      else rhs -= coefficient * figures[i]!.value;
    }
    rows.push(` c${rows.length}: ${lhs.join(' ')} ${r.kind === 'sum' ? '=' : '<='} ${rhs}`);
  }
  const constraints = ['Subject To', ...rows, 'Bounds', ...members.map((i) => (marks[i] === 'small' ? ` 1 <= x${i} <= 4` : ` x${i} >= 0`))];
  const seenLow = seen.low;
  const seenHigh = seen.high;
  for (const i of members)
    if (!seenLow.has(i)) {
      seenLow.set(i, figures[i]!.value);
      seenHigh.set(i, figures[i]!.value);
    }
  const see = (columns: Record<string, { Primal: number }> | undefined) => {
    if (!columns) return;
    for (const i of members) {
      const v = columns[`x${i}`]?.Primal;
      if (v === undefined) continue;
      if (!(seenLow.get(i)! <= v)) seenLow.set(i, v);
      if (!(seenHigh.get(i)! >= v)) seenHigh.set(i, v);
    }
  };
  const solve = (sense: 'Minimize' | 'Maximize', i: number) => {
    const lp = [
      sense,
      ` obj: x${i}`,
      ...(rows.length ? constraints : ['Subject To', ` c0: x${i} >= 0`, ...constraints.slice(1)]),
      'End',
    ].join('\n');
    solves++;
    type Solution = ReturnType<Highs['solve']> & { Columns?: Record<string, { Primal: number }> };
    let s = highs.solve(lp) as Solution;
    // HiGHS's presolve calls some unbounded LPs "Infeasible" (a hidden figure with nothing above it,
    // in a block where every figure is hidden: klpp's 2027-K1 in the demo data); without presolve the
    // same LP is solved as unbounded. Only that answer is trusted for "infeasible".
    if (s.Status !== 'Optimal' && s.Status !== 'Unbounded') {
      solves++;
      s = highs.solve(lp, { presolve: 'off' }) as Solution;
    }
    if (s.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
    if (s.Status !== 'Optimal') return null;
    see(s.Columns);
    return s.ObjectiveValue;
  };
  const seenWidth = (i: number) => (seenLow.has(i) ? Math.floor(seenHigh.get(i)! + EPS) - Math.ceil(seenLow.get(i)! - EPS) : -Infinity);
  // Two LPs for many figures at once before one per figure (issue 12; ADR 015's note): push every
  // figure still narrower than its need up at once (each at most its need above its value, so the LP
  // is bounded), then down at once. Both optima are points a reader cannot rule out, so every figure
  // they spread `need` apart is wide enough without its own LPs; the rest are solved one by one below,
  // exactly as before, so the marks do not change. In a big component (a year whose quarters hide most
  // figures) this replaces thousands of LPs by a few.
  const open = members.filter((i, k) => needs[k]! > 0 && seenWidth(i) < needs[k]!);
  if (open.length >= 4) {
    const openNeed = new Map(open.map((i) => [i, needs[members.indexOf(i)]!]));
    for (const sense of ['Maximize', 'Minimize'] as const) {
      const bounds = members.map((i) => {
        const lower = marks[i] === 'small' ? 1 : 0;
        let upper = marks[i] === 'small' ? 4 : Infinity;
        if (sense === 'Maximize' && openNeed.has(i)) upper = Math.min(upper, Math.floor(figures[i]!.value) + openNeed.get(i)!);
        return upper === Infinity ? ` x${i} >= ${lower}` : ` ${lower} <= x${i} <= ${upper}`;
      });
      const lp = [
        sense,
        ` obj: ${open.map((i) => `+ x${i}`).join(' ')}`,
        'Subject To',
        ...(rows.length ? rows : [` c0: x${open[0]} >= 0`]),
        'Bounds',
        ...bounds,
        'End',
      ].join('\n');
      solves++;
      type Solution = ReturnType<Highs['solve']> & { Columns?: Record<string, { Primal: number }> };
      let sol = highs.solve(lp) as Solution;
      if (sol.Status !== 'Optimal') {
        solves++;
        sol = highs.solve(lp, { presolve: 'off' }) as Solution;
      }
      if (sol.Status === 'Optimal') see(sol.Columns);
    }
  }
  for (const [k, i] of members.entries()) {
    const need = needs[k]!;
    if (need <= 0) continue;
    if (deadline !== undefined && Date.now() > deadline) throw new SolveBudgetExceeded('protectFigures: over the time budget');
    if (seenWidth(i) >= need) {
      result.set(i, { lower: Math.ceil(seenLow.get(i)! - EPS), upper: Math.floor(seenHigh.get(i)! + EPS) });
      continue;
    }
    const upper = solve('Maximize', i);
    if (upper === null) return null;
    if (upper === Infinity || Math.floor(upper + EPS) - Math.ceil(seenLow.get(i)! - EPS) >= need) {
      result.set(i, { lower: Math.ceil((seenLow.get(i) ?? 0) - EPS), upper: upper === Infinity ? Infinity : Math.floor(upper + EPS) });
      continue;
    }
    const lower = solve('Minimize', i);
    if (lower === null) return null;
    result.set(i, { lower: Math.ceil(lower - EPS), upper: Math.floor(upper + EPS) });
  }
  return result;
}

const width = (interval: { lower: number; upper: number }) => interval.upper - interval.lower;

/**
 * Marks the figures to hide. Small counts (1–4) are hidden unless known; then, greedily, the cheapest
 * visible figure tied to a figure that is not yet protected, until every hidden figure is.
 */
/** Solving took longer than a request may wait (ADR 020): the job solves it instead. */
export class SolveBudgetExceeded extends Error {}

export async function protectFigures(
  figures: readonly Figure[],
  relations: readonly Relation[],
  options: { deadline?: number } = {},
): Promise<Mark[]> {
  const marks: Mark[] = figures.map((f) =>
    f.unpublished ? 'protect' : f.fixed !== undefined ? f.fixed : !f.known && isSmall(f.value) ? 'small' : null,
  );
  const hideable = (i: number) => marks[i] === null && !figures[i]!.known && figures[i]!.fixed === undefined && !figures[i]!.unpublished;
  const published = (i: number) => !figures[i]!.unpublished;
  const sums = relations.filter((r): r is Extract<Relation, { kind: 'sum' }> => r.kind === 'sum');
  const cheapest = (candidates: number[]) => {
    const finite = candidates.filter((i) => hideable(i));
    finite.sort((a, b) => figures[a]!.cost - figures[b]!.cost || a - b);
    return finite[0];
  };
  // Cheap first passes, one line at a time, so the LP rounds below rarely find anything:
  // - a line with exactly one hidden figure gives it away by subtraction;
  // - a line with a visible total whose hidden figures are all "<5" (each 1..4) pins them down when
  //   their sum is near its least or greatest (two "<5" adding up to 2 are 1 each): one hidden figure
  //   without that bound (a "×") frees them.
  const lineRule = () => {
    for (let changed = true; changed;) {
      changed = false;
      for (const line of sums) {
        const members = [line.total, ...line.parts];
        const hiddenMembers = members.filter((i) => marks[i] !== null);
        let needed = hiddenMembers.length === 1 && published(hiddenMembers[0]!);
        if (!needed && hiddenMembers.length > 1 && marks[line.total] === null && hiddenMembers.every((i) => marks[i] === 'small')) {
          const k = hiddenMembers.length;
          const sum = figures[line.total]!.value - line.parts.filter((i) => marks[i] === null).reduce((s, i) => s + figures[i]!.value, 0);
          const lower = Math.max(1, sum - 4 * (k - 1));
          const upper = Math.min(4, sum - (k - 1));
          needed = upper - lower < SMALL_PROTECTION_AIM;
        }
        if (!needed) continue;
        const next = cheapest(members.filter((i) => figures[i]!.cost < Infinity));
        if (next === undefined) continue;
        marks[next] = 'protect';
        changed = true;
      }
    }
  };
  lineRule();
  const settled = new Set<number>();
  const memo: Memo = new Map();
  const seen: Seen = { low: new Map(), high: new Map() };
  // The width each hidden figure's interval must have; the unpublished rest needs none.
  const needOf = (i: number) => (!published(i) ? 0 : marks[i] === 'small' && !settled.has(i) ? SMALL_PROTECTION_AIM : PROTECTION);
  for (let round = 0; round < 2 * figures.length; round++) {
    const found = await intervals(figures, relations, marks, needOf, memo, seen, options.deadline);
    if (!found) throw new Error('protectFigures: the figures contradict their relations');
    const weak = [...found.entries()]
      .filter(
        ([i, interval]) =>
          (published(i) && width(interval) < PROTECTION) ||
          (marks[i] === 'small' && width(interval) < SMALL_PROTECTION_AIM && !settled.has(i)),
      )
      .map(([i]) => i);
    if (weak.length === 0) return marks;
    // One more hidden figure for each weak one (the cheapest tied to it), then the next round.
    let progress = false;
    const added = new Set<number>();
    for (const weakOne of weak) {
      const near = new Set<number>();
      for (const r of relations) if (membersOf(r).includes(weakOne)) for (const i of membersOf(r)) near.add(i);
      if ([...near].some((i) => added.has(i))) continue; // already helped this round: check again first
      let next = cheapest([...near].filter((i) => figures[i]!.cost < Infinity));
      if (next === undefined && width(found.get(weakOne)!) >= PROTECTION) {
        settled.add(weakOne); // only a headline figure could widen it: it stays at two values
        progress = true;
        continue;
      }
      if (next === undefined) {
        const wider = new Set<number>();
        for (const r of relations) if (membersOf(r).some((i) => marks[i] !== null)) for (const i of membersOf(r)) wider.add(i);
        next = cheapest([...wider].filter((i) => figures[i]!.cost < Infinity)) ?? cheapest([...wider]);
      }
      if (next === undefined) continue; // nothing left to hide here; the audit reports it
      marks[next] = 'protect';
      added.add(next);
      progress = true;
    }
    if (!progress) {
      // Nothing left to hide helps. A figure hidden to protect another whose value every point a
      // reader cannot rule out shares (an academy's 0 whose breakdown has no rows) protects nothing:
      // showing it adds nothing the reader did not know, so no other interval changes. It is shown.
      for (const i of weak) if (marks[i] === 'protect' && figures[i]!.fixed === undefined && width(found.get(i)!) === 0) marks[i] = null;
      return marks;
    }
    lineRule();
  }
  return marks;
}
