import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import componentsCss from './styles/components.css?url';
import themeCss from './styles/theme.css?url';
import appCss from './styles/app.css?url';
import { useNonce } from './components/nonce';
import { pageTitle } from './components/page-title';
import { SiteLayout } from './components/site-layout';
import { getCurrent } from './modules/auth/session.server';
import { getEnv } from './env.server';
import { mentoringMenu } from './modules/mentoring/menu.server';
import { getDb } from '~db/client.server';
import { localeFromRequest, messagesJson, MESSAGES_ELEMENT_ID, translator, type Locale, useT } from './i18n';

export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'stylesheet', href: componentsCss },
  { rel: 'stylesheet', href: themeCss },
  { rel: 'stylesheet', href: appCss },
];

// The fallback title, and the title of an error page ("Deze pagina bestaat niet — Politiek Actief").
export const meta: MetaFunction = (args) => pageTitle(args, 'title.home');

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const current = await getCurrent(request);
  const user = current ? { name: current.user.name, isAdmin: current.user.isAdmin, verified: Boolean(current.user.emailVerifiedAt) } : null;
  const menu = current ? await mentoringMenu(getDb(), current.user.id) : null;
  const payload = { locale, user: user && { ...user, ...menu }, showMailbox: getEnv().mailbox };
  // Sliding sessions: when the server extended the session, the cookie is extended with it.
  return current?.renewedCookie ? data(payload, { headers: { 'Set-Cookie': current.renewedCookie } }) : payload;
}

export type RootData = Awaited<ReturnType<typeof loader>> extends infer R ? (R extends { data: infer D } ? D : R) : never;

function Document({ locale, children, framed = false }: { locale: Locale; children: React.ReactNode; framed?: boolean }) {
  const nonce = useNonce();
  const t = translator(locale);
  return (
    <html lang={locale} className="pa-theme">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={t('meta.description')} />
        <Meta />
        <Links />
      </head>
      <body className="utrecht-document utrecht-document--surface">
        {children}
        {/* Data, not code: the browser does not run it, and CSP does not apply to it. */}
        <script id={MESSAGES_ELEMENT_ID} type="application/json" dangerouslySetInnerHTML={{ __html: messagesJson(locale) }} />
        {/* Framed by another site, the browser may deny storage: no scroll restoration (it uses sessionStorage). */}
        {framed ? null : <ScrollRestoration nonce={nonce} />}
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root') as RootData | undefined;
  const locale = data?.locale ?? 'nl';
  // A page framed by other sites (the embed) has no header, menu or footer of ours.
  const bare = useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare);
  if (bare)
    return (
      <Document locale={locale} framed>
        {children}
      </Document>
    );
  return (
    <Document locale={locale}>
      <SiteLayout user={data?.user ?? null} showMailbox={data?.showMailbox ?? false}>
        {children}
      </SiteLayout>
    </Document>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t('notFound.title'), t('notFound.body')]
      : status === 403
        ? [t('error.forbidden.title'), t('error.forbidden.body')]
        : [t('error.title'), t('error.body')];
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">{body}</p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href="/">
          {t('notFound.home')}
        </a>
      </p>
    </>
  );
}
