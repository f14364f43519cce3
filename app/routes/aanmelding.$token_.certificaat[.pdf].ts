import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { certificateDownload, certificateOfRegistration } from '~/modules/courses/certificates.server';
import { findRegistrationByLink } from '~/modules/courses/registrations.server';

// /aanmelding/:token/certificaat.pdf: the certificate of the registration behind a manage link, for
// people without an account. Built on every request, so a corrected attendance shows at once.

export async function loader({ params }: LoaderFunctionArgs) {
  const db = getDb();
  const found = await findRegistrationByLink(db, params.token ?? '');
  const file = found ? await certificateOfRegistration(db, found.registration.id) : null;
  return certificateDownload(file);
}
