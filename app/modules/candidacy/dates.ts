// The candidacy route's calendar (issue 17): every step's suggested date is counted back from the
// day of candidate nomination ("dag van kandidaatstelling", the list deadline) of the next election
// of the route's kind. Pure functions of days (YYYY-MM-DD, Dutch calendar days), no clock.

const DAY_MS = 86_400_000;

/** `day` plus `days` (negative: earlier), as YYYY-MM-DD. */
export function addDays(day: string, days: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export type CalendarElection = { id: string; kind: string; listDeadline: string; electionDate: string };

/**
 * The election a route counts to on `today`: the first of its kind whose list deadline is today or
 * later. Once a deadline has passed the route moves on to the next election of that kind; null when
 * the calendar holds none.
 */
export function nextElection<E extends CalendarElection>(calendar: E[], kind: string, today: string): E | null {
  const coming = calendar
    .filter((e) => e.kind === kind && e.listDeadline >= today)
    .sort((a, b) => a.listDeadline.localeCompare(b.listDeadline));
  return coming[0] ?? null;
}

/** The suggested date of a step `daysBefore` days before the list deadline. */
export function suggestedDate(listDeadline: string, daysBefore: number) {
  return addDays(listDeadline, -daysBefore);
}

/** Each step with its suggested date, in the template's order. */
export function datedSteps<S extends { daysBefore: number }>(steps: S[], listDeadline: string) {
  return steps.map((s) => ({ ...s, suggestedOn: suggestedDate(listDeadline, s.daysBefore) }));
}
