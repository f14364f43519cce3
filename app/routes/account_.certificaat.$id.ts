import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { requireUser } from '~/modules/auth/session.server';
import { certificateOfRegistration } from '~/modules/courses/certificates.server';
import { registrationsOfUser } from '~/modules/courses/registrations.server';

// /account/certificaat/:registrationId: the logged-in person's certificate of one of their courses.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const own = await registrationsOfUser(db, user);
  const mine = own.some((r) => r.id === params.id);
  const file = mine ? await certificateOfRegistration(db, params.id!) : null;
  // Someone else's registration and one without a certificate look the same.
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
