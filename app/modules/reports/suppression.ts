// Small-cell suppression for published figures (screens, charts and CSV exports): the marks.
//
// - A count of 1–4 people is hidden and shown as "<5" (primary suppression). A 0 is shown: it says
//   nothing about any person.
// - A figure hidden only so that a small one elsewhere cannot be worked back (secondary suppression)
//   is shown as "×", as CBS does, never as "<5": "<5" on a larger number would be false.
// Which figures to hide is decided over all linked tables at once (protection.server.ts, ADR 013).

/** Below this number of people a figure is hidden. */
const THRESHOLD = 5;

/** What a hidden count of 1–4 shows. */
const SMALL_LABEL = '<5';
/** What a figure hidden to protect another shows. */
const PROTECTED_LABEL = '×';

export type Cell = { value: number; suppressed: boolean };

/** A primary-suppressed count: 1–4. */
export function isSmall(value: number) {
  return value > 0 && value < THRESHOLD;
}

/**
 * The text of a figure: its number, "<5" or "×". A hidden figure is small exactly when it was hidden
 * for itself: every count of 1–4 is hidden, and secondary suppression only adds other figures.
 */
export function showCell(cell: Cell): string {
  if (!cell.suppressed) return String(cell.value);
  return isSmall(cell.value) ? SMALL_LABEL : PROTECTED_LABEL;
}

/** A single figure that stands alone (no total it belongs to). */
export function suppressCount(value: number): Cell {
  return { value, suppressed: isSmall(value) };
}
