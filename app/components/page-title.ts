import type { MetaDescriptor } from '@remix-run/node';
import { isRouteErrorResponse } from '@remix-run/react';
import { defaultLocale, isLocale, type Locale, type MessageKey, type MessageVars, translator } from '~/i18n';

// Every page's <title> is built here, from the dictionaries, in the visitor's language, naming the thing
// shown: "Koppelen: Vrouwen in de Raad — Politiek Actief". Routes pass the title's key and the names from
// their loader data; when the loader failed (no data), the title says what went wrong instead.

/** What a route's `meta` receives and this helper needs (a subset of Remix's MetaArgs). */
type TitleArgs = {
  matches: readonly ({ id: string; data?: unknown } | undefined)[];
  error?: unknown;
};

type TitleOptions = {
  /** Keep the page out of search engines: a link that is a key to someone's data, or a dev page. */
  noindex?: boolean;
};

function localeOf(matches: TitleArgs['matches']): Locale {
  const root = matches.find((m) => m?.id === 'root')?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : defaultLocale;
}

/** The loader data of another route on the page (e.g. the course layout above a course's tabs). */
export function routeData<T>(matches: TitleArgs['matches'], id: string): T | undefined {
  return matches.find((m) => m?.id === id)?.data as T | undefined;
}

/**
 * The page's title and meta tags. Pass `vars` as `null` (or leave a name out) when the loader
 * returned no data: the title then names the error ("Deze pagina bestaat niet"), never a half-filled
 * "Koppelen: {network}".
 */
export function pageTitle(args: TitleArgs, key: MessageKey, vars?: MessageVars | null, options: TitleOptions = {}): MetaDescriptor[] {
  const t = translator(localeOf(args.matches));
  const site = t('meta.siteName');
  const filled = vars === null || args.error ? null : t(key, vars ?? undefined);
  const text = filled === null || /\{\w+\}/.test(filled) ? errorTitle(t, args.error) : filled;
  const descriptors: MetaDescriptor[] = [{ title: text === site ? site : `${text} — ${site}` }];
  if (options.noindex) descriptors.push({ name: 'robots', content: 'noindex' });
  return descriptors;
}

function errorTitle(t: ReturnType<typeof translator>, error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : error instanceof Response ? error.status : 404;
  if (status === 404 || status === 410) return t('notFound.title');
  if (status === 403) return t('error.forbidden.title');
  return t('error.title');
}
