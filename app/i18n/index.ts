import { useRouteLoaderData } from '@remix-run/react';
import type { MessageKey, nl, PluralKey } from './nl';
import type { PluralForms, Translation } from './types';

export type { MessageKey, PluralKey } from './nl';
export type Locale = 'nl' | 'en';
export const defaultLocale: Locale = 'nl';
export const LOCALE_COOKIE = 'pa_lang';

export type Dictionary = Translation<typeof nl>;

// The server registers both languages (app/i18n/all.ts). A page carries only its own language, as a
// JSON data block that entry.client.tsx registers before hydration: no page ships both languages as
// JavaScript, and nothing is loaded asynchronously before hydration.
const dictionaries: Partial<Record<Locale, Dictionary>> = {};

export function registerDictionary(locale: Locale, dictionary: Dictionary) {
  dictionaries[locale] = dictionary;
}

export const MESSAGES_ELEMENT_ID = 'pa-messages';

/** The language's messages as JSON that is safe inside a <script type="application/json">. */
export function messagesJson(locale: Locale) {
  return JSON.stringify(dictionaries[locale] ?? {}).replace(/</g, '\\u003c');
}

/** Whether the language's dictionary has this key (for keys that come from outside, e.g. an address). */
export function hasMessage(locale: Locale, key: string): key is MessageKey | PluralKey {
  const dictionary = dictionaries[locale] ?? dictionaries[defaultLocale];
  return dictionary !== undefined && Object.hasOwn(dictionary, key);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

export type MessageVars = Record<string, string | number>;

/** A plain message's placeholders; a counted message also needs `count`, which picks its form. */
export type Translate = {
  (key: MessageKey, vars?: MessageVars): string;
  (key: PluralKey, vars: MessageVars & { count: number }): string;
  locale: Locale;
};

function fill(text: string, vars: MessageVars | undefined) {
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The form of a counted message for `count` in this language, falling back to `other`. */
function pluralForm(locale: Locale, count: number, forms: PluralForms): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return forms[rules.select(count)] ?? forms.other;
}

/** A translate function for one language; `{name}` placeholders are filled from vars. */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale] ?? dictionaries[defaultLocale];
  const t = ((key: MessageKey | PluralKey, vars?: MessageVars) => {
    const message = dictionary?.[key];
    if (message === undefined) return fill(key, vars);
    if (typeof message === 'string') return fill(message, vars);
    // A counted message: "1 koppeling", "2 koppelingen". The count picks the form.
    return fill(pluralForm(locale, Number(vars?.count ?? 0), message), vars);
  }) as Translate;
  t.locale = locale;
  return t;
}

/** The language chosen by this request's cookie; Dutch when none was chosen. */
export function localeFromRequest(request: Request): Locale {
  const header = request.headers.get('Cookie') ?? '';
  const match = header.match(/(?:^|;\s*)pa_lang=(nl|en)(?:;|$)/);
  return match ? (match[1] as Locale) : defaultLocale;
}

export function useLocale(): Locale {
  const data = useRouteLoaderData('root') as { locale?: Locale } | undefined;
  return data?.locale ?? defaultLocale;
}

export function useT(): Translate {
  return translator(useLocale());
}
