import { describe, expect, test } from 'vitest';
import { formatDuration } from '../../emails/layout';
import { en } from './en';
import { type Locale, type PluralKey, translator } from './index';
import { nl } from './nl';

// Every counted message, rendered with 0, 1 and 2 in both languages, must use the right form: never
// "1 koppelingen" or "1 places", never "2 koppeling". The nouns below are the ones our messages count.
const nouns = {
  nl: {
    one: 'koppeling plek plaats cursus bijeenkomst dag week minuut persoon deelnemer netwerk voorstel mentor punt seconde resultaat',
    other:
      'koppelingen plekken plaatsen cursussen bijeenkomsten dagen weken minuten mensen deelnemers netwerken voorstellen mentoren punten seconden resultaten',
  },
  en: {
    one: 'match seat place course session day week minute person participant network proposal mentor point second hour result',
    other:
      'matches seats places courses sessions days weeks minutes people participants networks proposals mentors points seconds hours results',
  },
} satisfies Record<Locale, { one: string; other: string }>;

/** A number followed, within one word, by one of these nouns: "1 actieve koppelingen". */
const countedNoun = (count: string, words: string) =>
  new RegExp(`(?:^|[^\\d,.])${count} (?:[\\p{L}-]+ )?(?:${words.replace(/ /g, '|')})\\b`, 'iu');

const dictionaries = { nl, en } as const;
const pluralKeys = (Object.keys(nl) as (keyof typeof nl)[]).filter((key) => typeof nl[key] !== 'string') as PluralKey[];

/** The other placeholders of a message get a word, so only the count is a number. */
function otherVars(key: PluralKey) {
  const texts: string[] = [...Object.values(nl[key]), ...Object.values(en[key])];
  const names = new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
  names.delete('count');
  return Object.fromEntries([...names].map((name) => [name, `«${name}»`]));
}

describe('counted messages', () => {
  test('are all found (the list below is not empty by accident)', () => {
    expect(pluralKeys.length).toBeGreaterThan(25);
    expect(pluralKeys).toEqual(expect.arrayContaining(['matches.manage.summaryActive', 'courses.card.seatsLeft', 'form.rateLimited']));
  });

  for (const locale of ['nl', 'en'] as const) {
    describe(locale, () => {
      const t = translator(locale);
      for (const key of pluralKeys) {
        test(`${key} with 0, 1 and 2`, () => {
          const forms = dictionaries[locale][key];
          expect(typeof forms, 'the translation is counted too').toBe('object');
          expect(Object.keys(forms).sort(), 'Dutch and English need a form for one and for other').toEqual(['one', 'other']);
          const vars = otherVars(key);
          const [zero, one, two] = [0, 1, 2].map((count) => t(key, { ...vars, count }));
          expect(zero).toContain('0');
          expect(two).toContain('2');
          expect(one).not.toMatch(countedNoun('1', nouns[locale].other));
          expect(zero).not.toMatch(countedNoun('0', nouns[locale].one));
          expect(two).not.toMatch(countedNoun('2', nouns[locale].one));
          expect(one).not.toMatch(/\{count\}/);
        });
      }
    });
  }

  // Seconds always carry one decimal ("1,0 seconden", "1.0 seconds"), which takes the plural in both
  // languages (CLDR: a visible fraction is never 'one').
  const allowed = new Set(['matchingRuns.totals.options']);
  // Names, not numbers: "{name} is je mentor".
  const textPlaceholder =
    /^\{(?:name|network|organisation|mentor|mentee|course|municipality|province|email|date|dates|time|election|academy|participant|host)\}/;

  test('no plain message counts a noun (it would read "1 koppelingen")', () => {
    const wrong: string[] = [];
    for (const locale of ['nl', 'en'] as const) {
      for (const [key, text] of Object.entries(dictionaries[locale])) {
        if (typeof text !== 'string' || allowed.has(key)) continue;
        const counted = [...text.matchAll(new RegExp(countedNoun('\\{\\w+\\}', `${nouns[locale].one} ${nouns[locale].other}`), 'giu'))];
        if (counted.some((m) => !textPlaceholder.test(m[0].replace(/^[^{]*/, ''))) || /\((?:s|en|len|es)\)/.test(text)) {
          wrong.push(`${locale} ${key}: ${text}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test('the sentences people reported read right', () => {
    const nlT = translator('nl');
    const enT = translator('en');
    expect(nlT('matches.manage.summaryActive', { count: 1 })).toBe('1 actieve koppeling');
    expect(nlT('matches.manage.summaryActive', { count: 2 })).toBe('2 actieve koppelingen');
    expect(enT('matches.manage.summaryActive', { count: 1 })).toBe('1 active match');
    expect(nlT('courses.card.seatsLeft', { count: 1 })).toBe('Nog 1 plek vrij');
    expect(enT('courses.card.seatsLeft', { count: 1 })).toBe('1 seat left');
    expect(enT('courses.card.seatsLeft', { count: 0 })).toBe('0 seats left');
    expect(nlT('admin.home.quietLine', { count: 1 })).toMatch(/^1 actieve koppeling zonder/);
  });
});

describe('durations in emails', () => {
  for (const locale of ['nl', 'en'] as const) {
    for (const unit of ['minutes', 'hours', 'days', 'weeks'] as const) {
      test(`${locale} ${unit} with 0, 1 and 2`, () => {
        expect(formatDuration(locale, 1, unit)).not.toMatch(countedNoun('1', nouns[locale].other));
        expect(formatDuration(locale, 2, unit)).not.toMatch(countedNoun('2', nouns[locale].one));
        expect(formatDuration(locale, 0, unit)).not.toMatch(countedNoun('0', nouns[locale].one));
      });
    }
  }
  test('reads right', () => {
    expect(formatDuration('nl', 1, 'days')).toBe('1 dag');
    expect(formatDuration('nl', 14, 'days')).toBe('14 dagen');
    expect(formatDuration('en', 1, 'weeks')).toBe('1 week');
    expect(formatDuration('en', 6, 'weeks')).toBe('6 weeks');
  });
});
