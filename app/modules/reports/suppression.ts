// Small-cell suppression for published figures (screens, charts and CSV exports).
//
// Rules:
// - Primary: a count of 1–4 people is shown as "<5". A count of 0 is shown: it says nothing about
//   any person, and hiding zeros would make every sparse table unreadable.
// - Secondary: figures are tied together by "lines" (the parts of a line add up to its total, such as
//   a column of a table and its total). If a line has exactly one hidden figure, that figure is the
//   total minus the others, so we also hide the smallest other visible figure of that line (non-zero
//   first), and repeat until no line has exactly one hidden figure. Totals are figures like any other:
//   a total of 1–4 is hidden, and a hidden total counts as the hidden figure of its line.
// - Some figures are public by nature (a "locked" figure, e.g. one a reader can work out from the
//   course dates); they are never hidden but do take part in the lines, so the rules stay safe when
//   a reader knows them.
//
// With every line holding either no hidden figure or at least two, nobody can work a hidden figure
// back by subtracting along a line (proved by the property tests in suppression.test.ts).

/** Below this number of people a figure is hidden. */
export const THRESHOLD = 5;

/** What a hidden figure shows instead of its number. */
export const SUPPRESSED_LABEL = '<5';

export type Cell = { value: number; suppressed: boolean };

/** A primary-suppressed count: 1–4. */
export function isSmall(value: number) {
  return value > 0 && value < THRESHOLD;
}

/** The text of a figure: its number, or "<5". */
export function showCell(cell: Cell): string {
  return cell.suppressed ? SUPPRESSED_LABEL : String(cell.value);
}

/** A single figure that stands alone (no total it belongs to). */
export function suppressCount(value: number): Cell {
  return { value, suppressed: isSmall(value) };
}

/** `parts` add up to `total`; all are indexes into the figures. */
export type Line = { parts: number[]; total: number };

/**
 * Hides small figures and, secondarily, as many others as needed so that no line has exactly one
 * hidden figure. Returns a flag per figure. `locked` figures are never hidden.
 */
export function suppressFigures(
  values: readonly number[],
  lines: readonly Line[],
  locked: ReadonlySet<number> = new Set(),
  alreadyHidden: ReadonlySet<number> = new Set(),
): boolean[] {
  const hidden = values.map((v, i) => alreadyHidden.has(i) || (!locked.has(i) && isSmall(v)));
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const members = [...line.parts, line.total];
      const hiddenCount = members.filter((i) => hidden[i]).length;
      if (hiddenCount !== 1) continue;
      // The smallest visible figure of the line, non-zero first, then parts before the total.
      const candidates = members
        .filter((i) => !hidden[i] && !locked.has(i))
        .sort((a, b) => {
          const za = values[a] === 0 ? 1 : 0;
          const zb = values[b] === 0 ? 1 : 0;
          if (za !== zb) return za - zb;
          if (values[a] !== values[b]) return values[a]! - values[b]!;
          return (a === line.total ? 1 : 0) - (b === line.total ? 1 : 0);
        });
      const next = candidates[0];
      if (next === undefined) continue; // only locked figures left: nothing we can do here
      hidden[next] = true;
      changed = true;
    }
  }
  return hidden;
}

export type SuppressedTable = {
  cells: Cell[][];
  /** Total of each row (only when the rows' parts add up; see `rowTotals`). */
  rowTotals: Cell[] | null;
  columnTotals: Cell[];
  grandTotal: Cell | null;
};

/** One row of related figures on its own (a summary), with relations inside it. */
export function suppressRow(row: readonly number[], options: { rowLines?: readonly Line[]; lockedColumns?: readonly number[] } = {}) {
  const locked = new Set(options.lockedColumns ?? []);
  const hidden = suppressFigures(row, options.rowLines ?? [], locked);
  return row.map((value, i): Cell => ({ value, suppressed: hidden[i]! }));
}

/**
 * A table of counts with a total under each column (the rows partition the people), and, when
 * `rowTotals` is set, a total after each row (the columns partition them too) and a grand total.
 * `rowLines` adds relations inside a row (indexes of columns: parts add up to total), e.g.
 * "attended + no-shows + not started = confirmed"; `lockedColumns` are columns a reader knows anyway.
 */
export function suppressTable(
  rows: readonly (readonly number[])[],
  options: {
    rowTotals?: boolean;
    rowLines?: readonly Line[];
    lockedColumns?: readonly number[];
    /**
     * The column totals as already published elsewhere (e.g. the summary above several breakdowns of
     * the same people): kept exactly as they are, so that two tables never show a figure one of them
     * hides.
     */
    fixedTotals?: readonly Cell[];
  } = {},
): SuppressedTable {
  const width = rows[0]?.length ?? options.fixedTotals?.length ?? 0;
  const height = rows.length;
  const values: number[] = [];
  const at = (r: number, c: number) => r * width + c;
  for (const row of rows) {
    if (row.length !== width) throw new Error('suppressTable: rows of different length');
    values.push(...row);
  }
  // Column totals live in an extra row (index `height`).
  const columnTotals = Array.from({ length: width }, (_, c) => rows.reduce((sum, row) => sum + row[c]!, 0));
  values.push(...columnTotals);
  const lines: Line[] = [];
  for (let c = 0; c < width; c++) lines.push({ parts: Array.from({ length: height }, (_, r) => at(r, c)), total: at(height, c) });
  let rowTotalBase = -1;
  let grandIndex = -1;
  if (options.rowTotals) {
    rowTotalBase = values.length;
    for (let r = 0; r <= height; r++) {
      const source = r < height ? rows[r]! : columnTotals;
      values.push(source.reduce((s, v) => s + v, 0));
    }
    grandIndex = rowTotalBase + height;
    for (let r = 0; r <= height; r++) {
      lines.push({ parts: Array.from({ length: width }, (_, c) => at(r, c)), total: rowTotalBase + r });
    }
    lines.push({ parts: Array.from({ length: height }, (_, r) => rowTotalBase + r), total: grandIndex });
  }
  for (const line of options.rowLines ?? []) {
    for (let r = 0; r <= height; r++) lines.push({ parts: line.parts.map((c) => at(r, c)), total: at(r, line.total) });
  }
  const locked = new Set<number>();
  for (const c of options.lockedColumns ?? []) for (let r = 0; r <= height; r++) locked.add(at(r, c));
  const alreadyHidden = new Set<number>();
  options.fixedTotals?.forEach((fixed, c) => {
    if (fixed.value !== columnTotals[c])
      throw new Error(`suppressTable: fixed total does not match the rows (${c}: ${fixed.value} vs ${columnTotals[c]})`);
    if (fixed.suppressed) alreadyHidden.add(at(height, c));
    else locked.add(at(height, c));
  });
  const hidden = suppressFigures(values, lines, locked, alreadyHidden);
  const cell = (i: number): Cell => ({ value: values[i]!, suppressed: hidden[i]! });
  return {
    cells: rows.map((_, r) => Array.from({ length: width }, (_, c) => cell(at(r, c)))),
    columnTotals: Array.from({ length: width }, (_, c) => cell(at(height, c))),
    rowTotals: options.rowTotals ? Array.from({ length: height }, (_, r) => cell(rowTotalBase + r)) : null,
    grandTotal: options.rowTotals ? cell(grandIndex) : null,
  };
}
