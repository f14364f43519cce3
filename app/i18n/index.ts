import { useRouteLoaderData } from '@remix-run/react';
import type { MessageKey } from './nl';

export type { MessageKey } from './nl';
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';
export const LOCALE_COOKIE = 'pa_lang';

export type Dictionary = Record<MessageKey, string>;

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

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A translate function for one language; `{name}` placeholders are filled from vars. */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale] ?? dictionaries[defaultLocale];
  return (key, vars) => {
    const text = dictionary?.[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
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
