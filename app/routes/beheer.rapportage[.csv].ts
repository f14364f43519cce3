import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { localeFromRequest, translator } from '~/i18n';
import { buildReport, reportCsv } from '~/modules/reports/figures.server';
import { readReportRequest } from '~/modules/reports/filters.server';

// /beheer/rapportage.csv: the report with the same filters and the same suppression, for Excel.

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const t = translator(localeFromRequest(request));
  const r = await readReportRequest(request, db, t);
  if (r.errors)
    return new Response(Object.values(r.errors).flat().join('\n'), {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const report = await buildReport(db, t, r.scope, r.cohort);
  const csv = reportCsv(t, report, { organisation: r.organisation.name, academy: r.academy?.name ?? null });
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="rapportage-${r.scope.from}-${r.scope.to}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
