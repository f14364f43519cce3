import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { requireUser } from '~/modules/auth/session.server';
import { now } from '~/modules/clock.server';
import { exportPersonalData } from '~/modules/privacy/export.server';

// /account/privacy/export.json: everything held about the logged-in person, as one download.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const exported = await exportPersonalData(getDb(), user.id);
  if (!exported) throw new Response('Not Found', { status: 404 });
  const day = now().toISOString().slice(0, 10);
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="politiek-actief-mijn-gegevens-${day}.json"`,
      // Personal data: never kept by a browser or proxy cache.
      'Cache-Control': 'no-store',
    },
  });
}
