import { describe, expect, it } from 'vitest';
import {
  isSmall,
  showCell,
  suppressCount,
  suppressFigures,
  suppressRow,
  suppressTable,
  type Cell,
  type Line,
  type SuppressedTable,
} from './suppression';

// A seeded generator, so a failure can be reproduced from the seed in its message.
function random(seed: number) {
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

/** Small counts most of the time (that is where suppression matters), zeros and larger ones too. */
function count(rand: () => number) {
  const r = rand();
  if (r < 0.25) return 0;
  if (r < 0.65) return 1 + Math.floor(rand() * 4);
  return 5 + Math.floor(rand() * 20);
}

type Figure = { value: number; hidden: boolean };

/**
 * The attacker: knows every visible figure and that columns (and rows, with row totals) add up to
 * their totals, plus the extra row relations; repeatedly solves any line with one unknown by
 * subtraction. Written against the published table, independently of the module's internals.
 */
function attack(table: SuppressedTable, rowLines: Line[] = []) {
  const grid: Figure[][] = [...table.cells, table.columnTotals].map((row, r) => {
    const full = [...row];
    if (table.rowTotals) full.push(r < table.cells.length ? table.rowTotals[r]! : table.grandTotal!);
    return full.map((c: Cell) => ({ value: c.value, hidden: c.suppressed }));
  });
  const height = table.cells.length;
  const width = table.columnTotals.length;
  const lines: Figure[][] = [];
  const columns = table.rowTotals ? width + 1 : width;
  for (let c = 0; c < columns; c++) lines.push(grid.map((row) => row[c]!)); // last member = total
  if (table.rowTotals) for (const row of grid) lines.push(row);
  for (const line of rowLines) for (const row of grid) lines.push([...line.parts.map((c) => row[c]!), row[line.total]!]);
  const recovered: Figure[] = [];
  for (let progress = true; progress;) {
    progress = false;
    for (const line of lines) {
      const unknown = line.filter((f) => f.hidden);
      if (unknown.length !== 1) continue;
      const total = line.at(-1)!;
      const solved =
        unknown[0] === total
          ? line.slice(0, -1).reduce((s, f) => s + f.value, 0)
          : total.value -
            line
              .slice(0, -1)
              .filter((f) => f !== unknown[0])
              .reduce((s, f) => s + f.value, 0);
      expect(solved).toBe(unknown[0]!.value); // the attack really works when a line has one unknown
      unknown[0]!.hidden = false;
      recovered.push(unknown[0]!);
      progress = true;
    }
  }
  void height;
  return recovered;
}

function randomTable(rand: () => number) {
  const height = 1 + Math.floor(rand() * 5);
  const width = 1 + Math.floor(rand() * 5);
  return Array.from({ length: height }, () => Array.from({ length: width }, () => count(rand)));
}

const allFigures = (t: SuppressedTable) => [
  ...t.cells.flat(),
  ...t.columnTotals,
  ...(t.rowTotals ?? []),
  ...(t.grandTotal ? [t.grandTotal] : []),
];

describe('single figures', () => {
  it('shows 0 and 5+, hides 1–4 as "<5"', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((v) => showCell(suppressCount(v)))).toEqual(['0', '<5', '<5', '<5', '<5', '5', '6', '100']);
    expect(isSmall(0)).toBe(false);
    expect(isSmall(4)).toBe(true);
  });
});

describe('tables', () => {
  it('hides the next-smallest cell of a column with exactly one small cell', () => {
    // Column: 3, 7, 20 → total 30. Hiding 3 alone would let 30 − 7 − 20 reveal it; 7 goes too.
    const table = suppressTable([[3], [7], [20]]);
    expect(table.cells.map((r) => showCell(r[0]!))).toEqual(['<5', '<5', '20']);
    expect(showCell(table.columnTotals[0]!)).toBe('30');
  });

  it('hides a total below 5 and another part of its line', () => {
    const table = suppressTable([[3], [0]]);
    expect(showCell(table.columnTotals[0]!)).toBe('<5');
    expect(showCell(table.cells[1]![0]!)).toBe('0');
  });

  it('row relations: no-shows cannot give attended away', () => {
    // confirmed, attended, no-shows, not started (locked: a reader can know it)
    const rowLines: Line[] = [{ parts: [1, 2, 3], total: 0 }];
    const table = suppressTable(
      [
        [12, 9, 3, 0],
        [30, 22, 8, 0],
      ],
      { rowLines, lockedColumns: [3] },
    );
    expect(attack(table, rowLines)).toEqual([]);
    expect(table.cells[0]![2]!.suppressed).toBe(true);
    expect(table.cells[0]![1]!.suppressed || table.cells[0]![0]!.suppressed).toBe(true);
  });

  it('changes nothing when no figure is small', () => {
    const table = suppressTable(
      [
        [5, 0, 9],
        [6, 7, 0],
      ],
      { rowTotals: true },
    );
    expect(allFigures(table).some((c) => c.suppressed)).toBe(false);
  });

  for (const rowTotals of [false, true]) {
    it(`property: in 3000 random tiny tables${rowTotals ? ' with row totals' : ''}, no hidden figure can be worked back by subtraction`, () => {
      for (let seed = 1; seed <= 3000; seed++) {
        const rand = random(seed * (rowTotals ? 7919 : 104729));
        const rows = randomTable(rand);
        const table = suppressTable(rows, { rowTotals });
        const label = `seed ${seed}: ${JSON.stringify(rows)}`;
        // Values are carried through unchanged.
        expect(
          table.cells.map((r) => r.map((c) => c.value)),
          label,
        ).toEqual(rows);
        // Every 1–4 is hidden (cells and totals), every 0 is shown only if not needed as secondary.
        for (const c of allFigures(table)) if (isSmall(c.value)) expect(c.suppressed, label).toBe(true);
        // The attack recovers nothing.
        expect(attack(table).length, label).toBe(0);
      }
    });
  }

  it('property: with row relations and locked columns, nothing can be worked back either', () => {
    const rowLines: Line[] = [{ parts: [1, 2, 3], total: 0 }];
    for (let seed = 1; seed <= 2000; seed++) {
      const rand = random(seed * 31337);
      const height = 1 + Math.floor(rand() * 5);
      const rows = Array.from({ length: height }, () => {
        const attended = count(rand);
        const noShows = count(rand);
        const notStarted = rand() < 0.5 ? 0 : count(rand);
        return [attended + noShows + notStarted, attended, noShows, notStarted];
      });
      const table = suppressTable(rows, { rowLines, lockedColumns: [3] });
      const label = `seed ${seed}: ${JSON.stringify(rows)}`;
      for (const row of [...table.cells, table.columnTotals]) expect(row[3]!.suppressed, label).toBe(false);
      // A locked column can leave a line with one unknown only when nothing else is left to hide;
      // with the not-started column known, the attacker must still learn nothing here.
      expect(attack(table, rowLines).length, label).toBe(0);
    }
  });

  it('property: the general form never leaves a line with exactly one hidden figure', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const rand = random(seed);
      const values = Array.from({ length: 6 + Math.floor(rand() * 6) }, () => count(rand));
      const lines: Line[] = [];
      // Random lines over the figures whose total is the sum of its parts.
      for (let l = 0; l < 3; l++) {
        const parts = values.map((_, i) => i).filter(() => rand() < 0.4);
        if (parts.length === 0) continue;
        values.push(parts.reduce((s, i) => s + values[i]!, 0));
        lines.push({ parts, total: values.length - 1 });
      }
      const hidden = suppressFigures(values, lines);
      for (const line of lines) {
        const n = [...line.parts, line.total].filter((i) => hidden[i]).length;
        expect(n === 0 || n >= 2, `seed ${seed}`).toBe(true);
      }
    }
  });
});

describe('tables under a published summary', () => {
  it('property: keeping the summary fixed, each breakdown still leaks nothing and agrees with the summary', () => {
    const rowLines: Line[] = [{ parts: [1, 2, 3], total: 0 }];
    for (let seed = 1; seed <= 1500; seed++) {
      const rand = random(seed * 65537);
      const rows = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
        const a = count(rand);
        const n = count(rand);
        const s = rand() < 0.5 ? 0 : count(rand);
        return [a + n + s, a, n, s];
      });
      const totals = rows[0]!.map((_, c) => rows.reduce((sum, r) => sum + r[c]!, 0));
      const summary = suppressRow(totals, { rowLines, lockedColumns: [3] });
      const table = suppressTable(rows, { rowLines, lockedColumns: [3], fixedTotals: summary });
      expect(table.columnTotals, `seed ${seed}`).toEqual(summary);
      expect(attack(table, rowLines).length, `seed ${seed}: ${JSON.stringify(rows)}`).toBe(0);
    }
  });
});
