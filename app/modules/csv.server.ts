import { stringify } from 'csv-stringify/sync';

// The one way this application writes CSV files, for Dutch Excel: UTF-8 with a byte order mark (so
// Excel reads the accents), semicolons (the Dutch list separator), Windows line endings, and every
// cell that Excel would run as a formula defused.

/** Cells that Excel would read as a formula get a leading apostrophe (CSV injection). */
export function guardCell(value: string) {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows of text as a CSV file for Excel. */
export function excelCsv(rows: readonly (readonly string[])[]) {
  return stringify(
    rows.map((row) => row.map(guardCell)),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: '\r\n',
      quoted_match: /[\n\r]/,
    },
  );
}
