import type { Locale } from '~/i18n';

const TZ = 'Europe/Amsterdam';
const tag = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

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
    made = new Intl.DateTimeFormat(tag(locale), { ...options[shape], timeZone: TZ });
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

export function formatMoment(locale: Locale, date: Date) {
  return formatter(locale, 'moment').format(date);
}

export function formatDate(locale: Locale, date: Date) {
  return formatter(locale, 'date').format(date);
}
