import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { certificateOfRegistration } from '~/modules/courses/certificates.server';
import { findRegistrationByLink } from '~/modules/courses/registrations.server';

// /aanmelding/:token/certificaat.pdf: the certificate of the registration behind a manage link, for
// people without an account. Built on every request, so a corrected attendance shows at once.

export async function loader({ params }: LoaderFunctionArgs) {
  const db = getDb();
  const found = await findRegistrationByLink(db, params.token ?? '');
  const file = found ? await certificateOfRegistration(db, found.registration.id) : null;
  // A forged link and a registration without a (valid) certificate look the same.
  if (!file) throw new Response('Not Found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      // Personal: never cached on the way, never indexed.
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}
