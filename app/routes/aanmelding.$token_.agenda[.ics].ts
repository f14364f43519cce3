import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { calendarDownload } from '~/modules/courses/context.server';
import { findRegistrationByLink } from '~/modules/courses/registrations.server';
import { slugify } from '~/modules/text';

// /aanmelding/:token/agenda.ics: the course's current schedule as a calendar file, for the person
// with a seat. Built on every request, so it is never older than the last change.

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findRegistrationByLink(getDb(), params.token ?? '');
  const file = found ? calendarDownload(found.ctx, found.registration) : null;
  // A forged link and a registration without a seat look the same.
  if (!found || !file) throw new Response('Not Found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return new Response(file.content, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${slugify(found.ctx.course.title, 'cursus')}.ics"`,
      // The address is a key to one person's registration: not cached, not indexed.
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}
