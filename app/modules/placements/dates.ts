import type { Locale } from '~/i18n';
import { localeTag } from '../time';

// Placement days are calendar dates (`YYYY-MM-DD`), shown without a time.

const dayOf = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** "12 april 2027" or "12 april 2027 t/m 14 april 2027" / "12 April 2027 to 14 April 2027". */
export function formatDays(locale: Locale, startsOn: string, endsOn: string) {
  const format = new Intl.DateTimeFormat(localeTag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const from = format.format(dayOf(startsOn));
  if (startsOn === endsOn) return from;
  return `${from} ${locale === 'nl' ? 't/m' : 'to'} ${format.format(dayOf(endsOn))}`;
}
