import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { localeFromRequest, translator } from '~/i18n';
import { cohortCsv } from '~/modules/academies/cohort-csv.server';
import { cohortTable } from '~/modules/academies/completion.server';
import { notFound } from '~/modules/http.server';
import { academyOf } from '~/modules/organisations/academies.server';
import { requireCoordinator, scopeOf } from '~/modules/organisations/guards.server';
import { slugify } from '~/modules/text';

// /beheer/academies/:id/deelnemers.csv: the cohort's attendance across the modules, for Excel.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const coordinator = await requireCoordinator(request);
  const academy = await academyOf(getDb(), scopeOf(coordinator).organisationIds, params.id ?? '');
  if (!academy) throw notFound();
  const csv = cohortCsv(await cohortTable(getDb(), academy), translator(localeFromRequest(request)));
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="deelnemers-${slugify(academy.name, 'academie')}.csv"`,
      // Personal data: never kept by a browser or proxy cache.
      'Cache-Control': 'no-store',
    },
  });
}
