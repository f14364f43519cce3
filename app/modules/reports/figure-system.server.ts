import { createHash } from 'node:crypto';
import { protectFigures, type Figure, type Mark, type Relation } from './protection.server';
import type { Cell } from './suppression';

// Collects every figure of a report with the relations a reader knows between them, so that the
// suppression treats all linked tables as one system (ADR 013). A figure published in two tables (a
// summary and the total row of its breakdown) is one figure here, so it cannot be shown in one and
// hidden in the other.

/**
 * Costs of hiding: interior figures, small before large, then zeros, then totals; a headline figure
 * (the summaries) only when nothing else can protect a small one (e.g. no-shows = confirmed −
 * attended when every course has started: one of those two must go).
 */
export const cost = {
  headline: (value: number) => 1_000_000 + value,
  total: (value: number) => 10_000 + value,
  interior: (value: number) => (value === 0 ? 1_000 : value),
};

/**
 * The suppression of a system depends only on its figures and relations (the same input gives the
 * same marks), and a report's figures change only when its rows do: the marks of the last 200
 * systems protected are kept per process (the least recently used goes first), so a report seen
 * again is not solved again. The LP rounds cost far more than counting from the rollup (issue 12,
 * item 9); a report whose figures changed is solved as before.
 */
const MARKS_KEPT = 200;
const keptMarks = new Map<string, Mark[]>();

async function protectOnce(figures: readonly Figure[], relations: readonly Relation[]) {
  const key = createHash('sha256')
    .update(JSON.stringify([figures, relations]))
    .digest('base64url');
  const kept = keptMarks.get(key);
  if (kept) {
    keptMarks.delete(key);
    keptMarks.set(key, kept);
    return [...kept];
  }
  const marks = await protectFigures(figures, relations);
  keptMarks.set(key, [...marks]);
  if (keptMarks.size > MARKS_KEPT) keptMarks.delete(keptMarks.keys().next().value!);
  return marks;
}

export class FigureSystem {
  readonly figures: Figure[] = [];
  readonly relations: Relation[] = [];
  private marks: Mark[] | null = null;

  add(value: number, figureCost: number, known = false) {
    this.figures.push({ value, cost: figureCost, known });
    return this.figures.length - 1;
  }

  /** A figure with every option (unpublished, a mark fixed before); returns its index. */
  addFigure(figure: Figure) {
    this.figures.push(figure);
    return this.figures.length - 1;
  }

  addRow(values: readonly number[], costOf: (value: number) => number, knownColumns: readonly number[] = []) {
    return values.map((v, c) => this.add(v, costOf(v), knownColumns.includes(c)));
  }

  sum(parts: number[], total: number) {
    this.relations.push({ kind: 'sum', parts, total });
  }

  /** The total is at most the sum of the parts (the parts may count someone twice). */
  covers(parts: number[], total: number) {
    this.relations.push({ kind: 'covers', parts, total });
  }

  atMost(small: number, large: number) {
    this.relations.push({ kind: 'atMost', small, large });
  }

  /** Rows that partition the people of `total`: each column of the rows adds up to the total's. */
  partition(rows: number[][], total: number[]) {
    total.forEach((t, c) =>
      this.sum(
        rows.map((r) => r[c]!),
        t,
      ),
    );
  }

  async protect() {
    this.marks = await protectOnce(this.figures, this.relations);
  }

  /** The mark of a figure once protected (to fix it when a wider block is protected later). */
  mark(i: number): Mark {
    if (!this.marks) throw new Error('FigureSystem: protect() first');
    return this.marks[i]!;
  }

  cell(i: number): Cell {
    if (!this.marks) throw new Error('FigureSystem: protect() first');
    return { value: this.figures[i]!.value, suppressed: this.marks[i] !== null };
  }
}
