import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { localeFromRequest, translator } from '~/i18n';
import { courseRegistrations } from '~/modules/courses/manage/reading.server';
import { registrationsCsv } from '~/modules/courses/manage/export.server';
import { requireCourseOfCoordinator, scopeOf } from '~/modules/organisations/guards.server';
import { slugify } from '~/modules/text';

// /beheer/cursussen/:id/export.csv: the course's registrations as a file for Excel.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const coordinator = await requireCourseOfCoordinator(request, params.id);
  const found = (await courseRegistrations(getDb(), scopeOf(coordinator), coordinator.course.id))!;
  const csv = registrationsCsv(found, translator(localeFromRequest(request)));
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="aanmeldingen-${slugify(found.course.title, 'cursus')}.csv"`,
      // Personal data: never kept by a browser or proxy cache.
      'Cache-Control': 'no-store',
    },
  });
}
