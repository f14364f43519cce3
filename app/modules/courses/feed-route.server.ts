import { getDb } from '~db/client.server';
import { getEnv } from '~/env.server';
import { localeFromRequest, translator } from '~/i18n';
import { now } from '../clock.server';
import { feedCalendar, feedOwner, feedSessions, FEED_TTL_SECONDS, type FeedScope } from './feeds.server';

/** The loader behind /agenda/{gemeente,provincie,organisatie}/:file — the file must end in ".ics". */
export async function feedResponse(request: Request, kind: FeedScope['kind'], file: string | undefined) {
  const match = /^([^/]{1,64})\.ics$/i.exec(file ?? '');
  const notFound = () => new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (!match) return notFound();
  const scope: FeedScope = { kind, value: match[1]! };
  const db = getDb();
  const owner = await feedOwner(db, scope);
  if (!owner) return notFound();
  const at = now();
  const t = translator(localeFromRequest(request));
  const rows = await feedSessions(db, scope, at);
  const name = t(`feeds.name.${kind}`, { name: owner });
  return new Response(feedCalendar({ name, appUrl: getEnv().appUrl, stamp: at, t, rows }), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${encodeURIComponent(scope.value)}.ics"`,
      'Cache-Control': `public, max-age=${Math.min(FEED_TTL_SECONDS, 900)}`,
    },
  });
}
