import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { requireUser } from '~/modules/auth/session.server';
import { programmeCertificateOf } from '~/modules/academies/completion.server';
import { certificateDownload } from '~/modules/courses/certificates.server';

// /account/academies/certificaat/:applicationId: the logged-in person's certificate of an academy they
// completed (ADR 018). Anyone else's application, or one without a completion, is a 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return certificateDownload(await programmeCertificateOf(getDb(), user.id, params.id ?? ''));
}
