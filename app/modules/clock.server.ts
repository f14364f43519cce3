import { sql } from 'drizzle-orm';
import { dateInAmsterdam, TIME_ZONE } from './time';

// Every rule about deadlines, expiry and reminders reads time through now(), so tests can move
// the clock forward instead of sleeping. Kept on globalThis so the server and the Remix build share it.
const CLOCK = Symbol.for('politiek-actief.clock');
type GlobalWithClock = typeof globalThis & { [CLOCK]?: () => Date };

export function now(): Date {
  const override = (globalThis as GlobalWithClock)[CLOCK];
  return override ? override() : new Date();
}

/** Replace the clock (tests): a fixed date, a function, or undefined for the real clock. */
export function setClock(clock: Date | (() => Date) | undefined) {
  (globalThis as GlobalWithClock)[CLOCK] = clock instanceof Date ? () => new Date(clock.getTime()) : clock;
}

/** Move a fixed test clock forward by ms (starting from the current time when no clock is set). */
export function advanceClock(ms: number) {
  const next = new Date(now().getTime() + ms);
  setClock(next);
  return next;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Today's date in the Netherlands (by the clock above), as YYYY-MM-DD. */
export function dutchToday(at: Date = now()) {
  return dateInAmsterdam(at);
}

/** The Dutch time zone as an SQL literal (`… at time zone ${SQL_TIME_ZONE}`), the same text in every query. */
export const SQL_TIME_ZONE = sql.raw(`'${TIME_ZONE}'`);
