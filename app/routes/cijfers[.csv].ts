import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { getEnv } from '~/env.server';
import { localeFromRequest, translator } from '~/i18n';
import { nationalCsv, nationalReport, readNationalRequest } from '~/modules/reports/national.server';

// /cijfers.csv?jaar=2026: the open national figures of one year as open data (CC0), with the same
// suppression as the page; the licence, the date of the last update and the legend on top.

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const t = translator(localeFromRequest(request));
  const { year } = await readNationalRequest(request, db);
  const report = await nationalReport(db, t, year);
  const csv = nationalCsv(t, report, `${getEnv().appUrl}/cijfers?jaar=${year}`);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="cijfers-${year}.csv"`,
      // Figures change at most once a day; the language comes from a cookie, so no shared caches.
      'Cache-Control': 'private, max-age=600',
    },
  });
}
