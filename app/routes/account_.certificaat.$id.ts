import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { requireUser } from '~/modules/auth/session.server';
import { certificateDownload, certificateOfRegistration } from '~/modules/courses/certificates.server';
import { registrationsOfUser } from '~/modules/courses/registrations.server';

// /account/certificaat/:registrationId: the logged-in person's certificate of one of their courses.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const own = await registrationsOfUser(db, user);
  const mine = own.some((r) => r.id === params.id);
  const file = mine ? await certificateOfRegistration(db, params.id!) : null;
  return certificateDownload(file);
}
