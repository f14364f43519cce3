import { useId, type ReactNode } from 'react';

// The one table of the platform. Wide screens get an ordinary table (caption, column headers, a header
// cell per row); below the `stack` width every row becomes a card of "label: value" lines with its
// actions underneath, so no column and no button hides beyond the right edge of a phone. All of it is
// CSS (app.css, "DataTable"): it works without JavaScript and the server renders one markup for both.
//
// Browsers drop a table's semantics once its parts get `display: block`, so every element carries its
// role explicitly; the column headers stay in the page (visually hidden) and each cell repeats its
// header in `data-label`, which the card shows as generated text hidden from screen readers (they
// announce the column header already).

export type Column<Row> = {
  /** Unique within the table; also the key of a total row's cell. */
  key: string;
  /** The column header, repeated as the label of the value in a card. */
  header: string;
  cell: (row: Row, index: number) => ReactNode;
  /** The cell that names the row (`<th scope="row">`): the title of the card on a phone. */
  rowHeader?: boolean;
  /** Figures: aligned right in the table, tabular digits. */
  numeric?: boolean;
  /** Extra class for the cells of this column (e.g. `pa-plain-text`, `pa-pre-line`). */
  className?: string;
};

type TotalRow = {
  /** Shown in the row header column. */
  label: string;
  /** The cells by column key; a missing key stays empty. */
  cells: Partial<Record<string, ReactNode>>;
};

type RowActions<Row> = {
  /** Header of the actions column (e.g. "Actie"); in a card the actions stand below the values without it. */
  header: string;
  cell: (row: Row, index: number) => ReactNode;
};

export type DataTableProps<Row> = {
  /** Id of the caption (for links and aria-labelledby elsewhere on the page); generated when left out. */
  id?: string;
  caption: ReactNode;
  columns: ReadonlyArray<Column<Row> | false | null | undefined>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  /** An id on a row, to link to it (`#koppeling-…`). */
  rowId?: (row: Row, index: number) => string | undefined;
  actions?: RowActions<Row>;
  total?: TotalRow;
  /**
   * Below which width the rows become cards: 'narrow' (40rem, phones) for up to five short columns;
   * 'wide' (64rem, phones and tablets) for tables with many or long columns.
   */
  stack?: 'narrow' | 'wide';
  className?: string;
};

const ACTIONS_KEY = '(actions)';

export function DataTable<Row>({
  id: givenId,
  caption,
  columns,
  rows,
  rowKey,
  rowId,
  actions,
  total,
  stack = 'narrow',
  className,
}: DataTableProps<Row>) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const shown = columns.filter((c): c is Column<Row> => Boolean(c));
  const headerClass = (c: Column<Row>) =>
    c.numeric ? 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column' : 'utrecht-table__header-cell';
  const cellClass = (c: Column<Row>, base: string) =>
    [base, c.numeric ? 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data' : '', c.className ?? '']
      .filter(Boolean)
      .join(' ');

  const cells = (content: (c: Column<Row>) => ReactNode, rowHeaderExtra = '') =>
    shown.map((c) =>
      c.rowHeader ? (
        <th
          key={c.key}
          scope="row"
          role="rowheader"
          className={cellClass(c, `utrecht-table__header-cell pa-data-table__row-header${rowHeaderExtra}`)}
          data-label={c.header}
        >
          {content(c)}
        </th>
      ) : (
        <td key={c.key} role="cell" className={cellClass(c, 'utrecht-table__cell')} data-label={c.header}>
          {content(c)}
        </td>
      ),
    );

  return (
    <div className={['pa-data-table', `pa-data-table--stack-${stack}`, className ?? ''].filter(Boolean).join(' ')}>
      <table className="utrecht-table" role="table" aria-labelledby={id}>
        <caption className="utrecht-table__caption" id={id}>
          {caption}
        </caption>
        <thead className="utrecht-table__header pa-data-table__head" role="rowgroup">
          <tr className="utrecht-table__row" role="row">
            {shown.map((c) => (
              <th key={c.key} scope="col" role="columnheader" className={headerClass(c)}>
                {c.header}
              </th>
            ))}
            {actions ? (
              <th key={ACTIONS_KEY} scope="col" role="columnheader" className="utrecht-table__header-cell">
                {actions.header}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="utrecht-table__body" role="rowgroup">
          {rows.map((row, index) => (
            <tr className="utrecht-table__row" role="row" key={rowKey(row, index)} id={rowId?.(row, index)}>
              {cells((c) => c.cell(row, index))}
              {actions ? (
                <td key={ACTIONS_KEY} role="cell" className="utrecht-table__cell pa-data-table__actions" data-label={actions.header}>
                  {actions.cell(row, index)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot className="utrecht-table__footer pa-data-table__total" role="rowgroup">
            <tr className="utrecht-table__row" role="row">
              {cells((c) => (c.rowHeader ? total.label : (total.cells[c.key] ?? null)))}
              {actions ? <td key={ACTIONS_KEY} role="cell" className="utrecht-table__cell pa-data-table__actions" /> : null}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
