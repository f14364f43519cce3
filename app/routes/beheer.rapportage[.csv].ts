import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { localeFromRequest, translator } from '~/i18n';
import { reportCsv } from '~/modules/reports/figures.server';
import { readReportRequest } from '~/modules/reports/filters.server';
import { readBlockReport } from '~/modules/reports/snapshot.server';
import { blockCode } from '~/modules/reports/periods';
import { formatMoment } from '~/modules/time';

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
  // The same snapshot as the page (ADR 020): page and CSV never disagree.
  const snapshot = await readBlockReport(db, t, {
    organisationId: r.organisation.id,
    academyId: r.academy?.id ?? null,
    block: r.block,
    cohort: r.cohort,
  });
  if (snapshot.state === 'pending')
    return new Response(t('reports.snapshot.pendingCsv'), {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '120' },
    });
  const csv = reportCsv(t, snapshot.report, {
    organisation: r.organisation.name,
    academy: r.academy?.name ?? null,
    updatedAt: formatMoment(t.locale, snapshot.takenAt),
  });
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="rapportage-${blockCode(r.block)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
