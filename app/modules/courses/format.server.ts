import type { Locale } from '~/i18n';

const TZ = 'Europe/Amsterdam';
const tag = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

export type SessionTimes = { startsAt: Date; endsAt: Date; location: string };

/** "di 12 januari 2027" and "19:30–21:30", in the reader's language and Dutch time. */
export function formatSession(locale: Locale, session: SessionTimes, fallbackLocation: string) {
  const date = new Intl.DateTimeFormat(tag(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TZ,
  }).format(session.startsAt);
  const time = new Intl.DateTimeFormat(tag(locale), { hour: '2-digit', minute: '2-digit', timeZone: TZ });
  return { date, time: `${time.format(session.startsAt)}–${time.format(session.endsAt)}`, location: session.location || fallbackLocation };
}

export function formatMoment(locale: Locale, date: Date) {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeStyle: 'short', timeZone: TZ }).format(date);
}

export function formatDate(locale: Locale, date: Date) {
  return new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ }).format(date);
}
