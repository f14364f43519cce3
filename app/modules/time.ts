import type { Locale } from '~/i18n';

// Dates and times as people in the Netherlands read them, whatever the server's own time zone.
// The database holds UTC moments; forms, emails, pages and `date` columns use Dutch time. Shared by
// every capability, and safe in the browser (no server imports).

export const TIME_ZONE = 'Europe/Amsterdam';

export const localeTag = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date of that moment in the Netherlands, as YYYY-MM-DD (what `date` columns hold). */
export function dateInAmsterdam(at: Date) {
  return isoDay.format(at);
}

// Creating an Intl.DateTimeFormat costs far more than using one, so each shape is made once a language.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, shape: 'day' | 'time' | 'moment' | 'date') {
  const key = `${locale}:${shape}`;
  let made = formatters.get(key);
  if (!made) {
    const options: Record<typeof shape, Intl.DateTimeFormatOptions> = {
      day: { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' },
      time: { hour: '2-digit', minute: '2-digit' },
      moment: { dateStyle: 'long', timeStyle: 'short' },
      date: { day: 'numeric', month: 'long', year: 'numeric' },
    };
    made = new Intl.DateTimeFormat(localeTag(locale), { ...options[shape], timeZone: TIME_ZONE });
    formatters.set(key, made);
  }
  return made;
}

export type SessionTimes = { startsAt: Date; endsAt: Date; location: string };

/** "di 12 januari 2027" and "19:30–21:30", in the reader's language and Dutch time. */
export function formatSession(locale: Locale, session: SessionTimes, fallbackLocation: string) {
  const time = formatter(locale, 'time');
  return {
    date: formatter(locale, 'day').format(session.startsAt),
    time: `${time.format(session.startsAt)}–${time.format(session.endsAt)}`,
    location: session.location || fallbackLocation,
  };
}

/** "12 januari 2027 om 19:30". */
export function formatMoment(locale: Locale, date: Date) {
  return formatter(locale, 'moment').format(date);
}

/** "12 januari 2027". */
export function formatDate(locale: Locale, date: Date) {
  return formatter(locale, 'date').format(date);
}

// ---------------------------------------------------------------------------------------------
// Wall-clock time: forms use local Dutch time (datetime-local, date and time inputs), the database UTC.

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function partsInAmsterdam(date: Date) {
  const p = Object.fromEntries(wallClock.formatToParts(date).map((part) => [part.type, part.value]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** How far Amsterdam's clock is ahead of UTC at that moment (1 or 2 hours), in ms. */
function offsetAt(utcMs: number) {
  const p = partsInAmsterdam(new Date(utcMs));
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** "2027-01-12" and "19:30" on the clocks in the Netherlands, as a moment; null when no such date. */
export function fromAmsterdam(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [+d[1]!, +d[2]!, +d[3]!, +t[1]!, +t[2]!];
  if (hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  // Twice, for the hours around the change to and from summer time.
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

/** "2027-01-12T19:30" (an input of type datetime-local, Dutch time) as a moment. */
export function fromLocalDateTime(value: string): Date | null {
  const [date = '', time = ''] = value.split('T');
  return fromAmsterdam(date, time);
}

/** A moment as Dutch date and time for the value of form inputs. */
export function toLocalInputs(date: Date) {
  const p = partsInAmsterdam(date);
  const day = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  return { date: day, time, dateTime: `${day}T${time}` };
}
