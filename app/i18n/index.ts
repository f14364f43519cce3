import { useRouteLoaderData } from '@remix-run/react';
import { en } from './en';
import { nl, type MessageKey } from './nl';

export type { MessageKey } from './nl';
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';
export const LOCALE_COOKIE = 'pa_lang';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { nl, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A translate function for one language; `{name}` placeholders are filled from vars. */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, vars) => {
    const text = dictionary[key] ?? nl[key] ?? key;
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
