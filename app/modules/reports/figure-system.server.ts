import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { reportProtectedMarks } from '~db/schema';
import { now } from '../clock.server';
import { type Figure, type Mark, type Relation } from './protection.server';
import { protectFiguresOffThread } from './protection-thread.server';
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
 * same marks), and a report's figures change only when its rows do. Solving takes seconds (a
 * quarter) to a minute (a year with its quarters) on this machine, so the marks are kept:
 * - in the database (report_protected_marks, ADR 017), per organisation and block, with the hash of
 *   the figures they were solved for: shared by every web process and the worker, which solves each
 *   block again when its figures change (refreshProtectedMarks, a job), so that a page only reads;
 * - and of the last 200 systems in this process's memory (the least recently used goes first).
 * Marks are used only for the very figures they were solved for (the hash): when the figures changed
 * and the worker has not caught up yet, the request solves them itself, so a page is never stale.
 */
const MARKS_KEPT = 200;
const keptMarks = new Map<string, Mark[]>();

/** Forgets the marks kept in this process (a benchmark or test measures a cold start with it). */
export function forgetProtectedMarks() {
  keptMarks.clear();
}

/** Where a system's marks are stored: one row per organisation and block. */
export type MarkStore = {
  db: Db;
  organisationId: string;
  key: string;
  /** The stored row, when the caller read it already (null: none); undefined: read it here. */
  stored?: { figuresHash: string; marks: string } | null;
  /**
   * Marks must come from the store (a snapshot's, ADR 020): never solve; when they do not fit the
   * figures, throw `MarksNotStored`.
   */
  readOnly?: boolean;
  /** Solving stops with `SolveBudgetExceeded` after this instant (ms since the epoch; ADR 020). */
  deadline?: number;
};

/** A read-only store held no marks for these figures (ADR 020). */
export class MarksNotStored extends Error {}

const markCodes: Record<string, Mark> = { '.': null, s: 'small', p: 'protect' };
const encodeMarks = (marks: readonly Mark[]) => marks.map((m) => (m === 'small' ? 's' : m === 'protect' ? 'p' : '.')).join('');
const decodeMarks = (text: string) => [...text].map((c) => markCodes[c] ?? null);

/** Empties the store (a benchmark measures solving with it). */
export async function clearStoredMarks(db: Db) {
  await db.delete(reportProtectedMarks);
}

const figuresHash = (figures: readonly Figure[], relations: readonly Relation[]) =>
  createHash('sha256')
    .update(JSON.stringify([figures, relations]))
    .digest('base64url');

async function protectOnce(figures: readonly Figure[], relations: readonly Relation[], store?: MarkStore) {
  const hash = figuresHash(figures, relations);
  const kept = keptMarks.get(hash);
  let marks: Mark[] | undefined = kept;
  if (!marks && store) {
    const [row] =
      store.stored !== undefined
        ? store.stored
          ? [store.stored]
          : []
        : await store.db
            .select({ figuresHash: reportProtectedMarks.figuresHash, marks: reportProtectedMarks.marks })
            .from(reportProtectedMarks)
            .where(eq(reportProtectedMarks.key, store.key));
    if (row && row.figuresHash === hash && row.marks.length === figures.length) marks = decodeMarks(row.marks);
  }
  if (!marks && store?.readOnly) throw new MarksNotStored(`no stored marks fit ${store.key}`);
  if (!marks) {
    marks = await protectFiguresOffThread(figures, relations, { deadline: store?.deadline });
    if (store) {
      const values = {
        key: store.key,
        organisationId: store.organisationId,
        figuresHash: hash,
        marks: encodeMarks(marks),
        computedAt: now(),
      };
      await store.db
        .insert(reportProtectedMarks)
        .values(values)
        .onConflictDoUpdate({
          target: reportProtectedMarks.key,
          set: { figuresHash: hash, marks: values.marks, computedAt: values.computedAt },
        });
    }
  }
  if (kept) keptMarks.delete(hash);
  keptMarks.set(hash, [...marks]);
  if (keptMarks.size > MARKS_KEPT) keptMarks.delete(keptMarks.keys().next().value!);
  return { marks: [...marks], hash };
}

export class FigureSystem {
  readonly figures: Figure[] = [];
  readonly relations: Relation[] = [];
  private marks: Mark[] | null = null;
  private hash: string | null = null;

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

  /** Marks the figures to hide; with a store, the marks solved before for the same figures are read there. */
  async protect(store?: MarkStore) {
    const done = await protectOnce(this.figures, this.relations, store);
    this.marks = done.marks;
    this.hash = done.hash;
  }

  /** The marks as stored, with the hash of the figures they are for (a snapshot keeps them, ADR 020). */
  storedMarks() {
    if (!this.marks || !this.hash) throw new Error('FigureSystem: protect() first');
    return { figuresHash: this.hash, marks: encodeMarks(this.marks) };
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
