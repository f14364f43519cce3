import type { Locale } from '~/i18n';
import { themeWords } from '../matching/scoring';
import { dayParts, days as weekdays } from './application-options';

// The choices of the mentor profile form, shared by the server (validation) and the page.

export const MAX_CAPACITY = 10;

/** The themes a mentor can tick: the ones scoring.ts can put into words. */
export const themeIds = [
  'zorg',
  'onderwijs',
  'wonen',
  'klimaat',
  'duurzaamheid',
  'mobiliteit',
  'verkeer',
  'veiligheid',
  'werk',
  'economie',
  'cultuur',
  'sport',
  'jeugd',
  'armoede',
  'inclusie',
  'toegankelijkheid',
  'financien',
  'landbouw',
  'natuur',
  'integratie',
  'democratie',
] as const;
export const themeOptions = (locale: Locale) => themeIds.map((id) => ({ value: id, label: themeWords(id)[locale] }));

export { dayParts, weekdays };
export const slotIds = weekdays.flatMap((d) => dayParts.map((p) => `${d}-${p}`));
