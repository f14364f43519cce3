import { DataTable } from '~/components/ui/data-table';
import { useT } from '~/i18n';
import type { ShownCell, ShownTable } from '~/modules/reports/publish';

// Charts as plain HTML and CSS (no script, no SVG scaling): labels keep the page's font size and wrap
// instead of being cut off, on a phone and in print. The chart is hidden from screen readers: the
// table below it carries the same figures, with a caption and headers.

/** What the marks mean; shown once at the top of the report and in print. */
export function MarksLegend() {
  const t = useT();
  return (
    <section className="pa-legend" aria-labelledby="report-legend-heading">
      <h2 className="utrecht-heading-3" id="report-legend-heading">
        {t('reports.legend.heading')}
      </h2>
      <ul className="utrecht-unordered-list pa-legend__list">
        <li className="utrecht-unordered-list__item">{t('reports.legend.small')}</li>
        <li className="utrecht-unordered-list__item">{t('reports.legend.protect')}</li>
        <li className="utrecht-unordered-list__item">{t('reports.legend.zero')}</li>
      </ul>
    </section>
  );
}

type Bar = { label: string; cell: ShownCell };

function Bars({ bars, max }: { bars: Bar[]; max: number }) {
  const t = useT();
  return (
    <>
      {bars.map((bar, i) => (
        <div className="pa-bars__row" key={`${bar.label}-${i}`}>
          <span className="pa-bars__label">{bar.label}</span>
          <span className="pa-bars__track">
            {bar.cell.value === null ? (
              <span className="pa-bars__bar pa-bars__bar--hidden">
                {bar.cell.text} {t('reports.chart.hidden')}
              </span>
            ) : (
              <>
                {/* An SVG rectangle, not an inline style: the Content-Security-Policy allows no inline styles. */}
                <svg className="pa-bars__svg" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                  <rect
                    className="pa-bars__rect"
                    x="0"
                    y="0"
                    height="10"
                    width={Math.max(bar.cell.value > 0 ? 0.5 : 0, (bar.cell.value / max) * 100)}
                  />
                </svg>
                <span className="pa-bars__value">{bar.cell.text}</span>
              </>
            )}
          </span>
        </div>
      ))}
    </>
  );
}

const maxOf = (cells: ShownCell[]) => Math.max(1, ...cells.map((c) => c.value ?? 0));

/** A horizontal bar chart: one bar per item, its value after it; a hidden figure is a striped "hidden" bar. */
function BarChart({ bars }: { bars: Bar[] }) {
  return (
    <div className="pa-bars" aria-hidden="true">
      <Bars bars={bars} max={maxOf(bars.map((b) => b.cell))} />
    </div>
  );
}

/** Bars per row of a table and its total, grouped under the row's label (the funnel by month). */
function GroupedBarChart({ table, totalLabel }: { table: ShownTable; totalLabel: string }) {
  const rows = table.total ? [...table.rows, { key: '(total)', label: totalLabel, cells: table.total }] : table.rows;
  const max = maxOf(rows.flatMap((r) => r.cells));
  return (
    <div className="pa-bars pa-bars--grouped" aria-hidden="true">
      {rows.map((row) => (
        <div className="pa-bars__group" key={row.key || 'none'}>
          <p className="pa-bars__group-label">{row.label}</p>
          <Bars bars={table.columns.map((c, i) => ({ label: c.label, cell: row.cells[i]! }))} max={max} />
        </div>
      ))}
    </div>
  );
}

/** The figures of a table, with headers for every row and column and the total row below. */
function FigureTableView({ table, totalLabel }: { table: ShownTable; totalLabel: string }) {
  const rowHeaderKey = '(row)';
  return (
    <DataTable
      id={`${table.id}-caption`}
      caption={table.caption}
      className="pa-figures"
      rows={table.rows}
      rowKey={(row) => row.key || 'none'}
      columns={[
        { key: rowHeaderKey, header: table.rowHeader, cell: (row) => row.label, rowHeader: true },
        ...table.columns.map((c, i) => ({
          key: c.key,
          header: c.label,
          numeric: true,
          cell: (row: ShownTable['rows'][number]) => row.cells[i]?.text,
        })),
      ]}
      total={
        table.total
          ? { label: totalLabel, cells: Object.fromEntries(table.columns.map((c, i) => [c.key, table.total?.[i]?.text])) }
          : undefined
      }
    />
  );
}

/**
 * A chart above its table. 'first-column' charts the first measure of every row; 'total-row' every
 * measure of the total row (or of the only row, for summaries); 'grouped' every measure of every row.
 */
export function ChartWithTable({ table, chart = 'first-column' }: { table: ShownTable; chart?: 'first-column' | 'total-row' | 'grouped' }) {
  const t = useT();
  const chartTitle = chart === 'first-column' ? `${table.caption}: ${table.columns[0]?.label ?? ''}` : table.caption;
  return (
    <div className="pa-report-figure">
      <figure className="pa-report-figure__chart">
        {chart === 'grouped' ? (
          <GroupedBarChart table={table} totalLabel={t('reports.row.total')} />
        ) : (
          <BarChart
            bars={
              chart === 'first-column'
                ? table.rows.map((r) => ({ label: r.label, cell: r.cells[0]! }))
                : table.columns.map((c, i) => ({
                    label: c.label,
                    cell: (table.total ?? table.rows[0]?.cells ?? [])[i] ?? { text: '0', value: 0, mark: null },
                  }))
            }
          />
        )}
        <figcaption className="pa-report-figure__caption">
          {t('reports.chart.label', { caption: chartTitle })} {t('reports.chart.legend')}
        </figcaption>
      </figure>
      <FigureTableView table={table} totalLabel={t('reports.row.total')} />
    </div>
  );
}
