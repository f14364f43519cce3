import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { assertMailboxAvailable, getMailboxMessage } from '~/modules/email/mailbox.server';

/** The email's HTML as the recipient would see it, framed by the mailbox page only, with no scripts. */
export async function loader({ params }: LoaderFunctionArgs) {
  assertMailboxAvailable();
  const message = await getMailboxMessage(getDb(), params.id ?? '');
  if (!message?.html) throw new Response('Not Found', { status: 404 });
  return new Response(message.html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox allow-popups allow-top-navigation-by-user-activation",
      'Cache-Control': 'no-store',
    },
  });
}
