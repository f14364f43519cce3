import { useT } from '~/i18n';

// Server-rendered charts (plain SVG, no script) with the same figures in a table beside them. The
// chart is hidden from screen readers: the table carries the numbers, with a caption and headers.

export type ShownCell = { value: number; suppressed: boolean };
export type ShownTable = {
  id: string;
  caption: string;
  rowHeader: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string; cells: ShownCell[] }[];
  total: ShownCell[] | null;
};

const show = (cell: ShownCell) => (cell.suppressed ? '<5' : String(cell.value));

/** A horizontal bar chart: one bar per item; a hidden figure gets no bar, only "<5". */
export function BarChart({ bars, title }: { bars: { label: string; cell: ShownCell }[]; title: string }) {
  const labelWidth = 220;
  const barArea = 300;
  const rowHeight = 30;
  const width = labelWidth + barArea + 60;
  const height = bars.length * rowHeight + 8;
  const max = Math.max(1, ...bars.filter((b) => !b.cell.suppressed).map((b) => b.cell.value));
  return (
    <svg
      className="pa-chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      aria-hidden="true"
      focusable="false"
    >
      <title>{title}</title>
      {bars.map((bar, i) => {
        const y = 4 + i * rowHeight;
        const length = bar.cell.suppressed ? 0 : Math.max(bar.cell.value > 0 ? 2 : 0, (bar.cell.value / max) * barArea);
        const label = bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label;
        return (
          <g key={`${bar.label}-${i}`}>
            <text x={labelWidth - 8} y={y + rowHeight / 2} textAnchor="end" dominantBaseline="middle" className="pa-chart__label">
              {label}
            </text>
            {bar.cell.suppressed ? (
              <rect x={labelWidth} y={y + 6} width={18} height={rowHeight - 12} className="pa-chart__bar pa-chart__bar--hidden" />
            ) : (
              <rect x={labelWidth} y={y + 6} width={length} height={rowHeight - 12} className="pa-chart__bar" />
            )}
            <text
              x={labelWidth + (bar.cell.suppressed ? 24 : length + 6)}
              y={y + rowHeight / 2}
              dominantBaseline="middle"
              className="pa-chart__value"
            >
              {show(bar.cell)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The figures of a table, with headers for every row and column. */
export function FigureTableView({ table, totalLabel }: { table: ShownTable; totalLabel: string }) {
  const captionId = `${table.id}-caption`;
  return (
    <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="utrecht-table pa-figures">
        <caption className="utrecht-table__caption" id={captionId}>
          {table.caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {table.rowHeader}
            </th>
            {table.columns.map((c) => (
              <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {table.rows.map((row) => (
            <tr className="utrecht-table__row" key={row.key || 'none'}>
              <th className="utrecht-table__header-cell" scope="row">
                {row.label}
              </th>
              {row.cells.map((cell, i) => (
                <td className="utrecht-table__cell utrecht-table__cell--numeric" key={table.columns[i]!.key}>
                  {show(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {table.total ? (
          <tfoot className="utrecht-table__footer">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="row">
                {totalLabel}
              </th>
              {table.total.map((cell, i) => (
                <td className="utrecht-table__cell utrecht-table__cell--numeric" key={table.columns[i]!.key}>
                  {show(cell)}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/**
 * A chart and its table side by side. `by`: 'column' charts one measure per row of the table (the
 * first column by default); 'row' charts every measure of the first row (for one-row summaries) or
 * of the total row.
 */
export function ChartWithTable({ table, chart = 'first-column' }: { table: ShownTable; chart?: 'first-column' | 'total-row' }) {
  const t = useT();
  const bars =
    chart === 'first-column'
      ? table.rows.map((r) => ({ label: r.label, cell: r.cells[0]! }))
      : table.columns.map((c, i) => ({
          label: c.label,
          cell: (table.total ?? table.rows[0]?.cells ?? [])[i] ?? { value: 0, suppressed: false },
        }));
  const chartTitle = chart === 'first-column' ? `${table.caption} — ${table.columns[0]?.label ?? ''}` : table.caption;
  return (
    <div className="pa-report-figure">
      <figure className="pa-report-figure__chart">
        <BarChart bars={bars} title={chartTitle} />
        <figcaption className="pa-report-figure__caption">{t('reports.chart.label', { caption: chartTitle })}</figcaption>
      </figure>
      <div className="pa-report-figure__table">
        <FigureTableView table={table} totalLabel={t('reports.row.total')} />
      </div>
    </div>
  );
}
