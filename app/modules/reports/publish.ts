import type { FigureTable } from './figures.server';
import { showCell, type Cell } from './suppression';

// What leaves the server: the text of each figure and its mark, never the number behind a hidden one
// (loader data is in the page's HTML for anyone who views the source).

export type ShownCell = { text: string; value: number | null; mark: 'small' | 'protect' | null };
export type ShownTable = Omit<FigureTable, 'rows' | 'total'> & {
  rows: { key: string; label: string; cells: ShownCell[] }[];
  total: ShownCell[] | null;
};

export function publishCell(cell: Cell): ShownCell {
  const text = showCell(cell);
  if (!cell.suppressed) return { text, value: cell.value, mark: null };
  return { text, value: null, mark: text === '<5' ? 'small' : 'protect' };
}

export function publishTable(table: FigureTable): ShownTable {
  return {
    ...table,
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map(publishCell) })),
    total: table.total ? table.total.map(publishCell) : null,
  };
}
