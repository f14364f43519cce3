import type { LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { assertMailboxAvailable, getMailboxMessage } from '~/modules/email/mailbox.server';

/** Downloads one attachment of a captured email (e.g. the .ics of a course confirmation). */
export async function loader({ params }: LoaderFunctionArgs) {
  assertMailboxAvailable();
  const message = await getMailboxMessage(getDb(), params.id ?? '');
  const attachment = message?.attachments?.[Number(params.index)];
  if (!attachment) throw new Response('Not Found', { status: 404 });
  const safeName = attachment.filename.replace(/[^\w.-]/g, '_');
  return new Response(Buffer.from(attachment.content, 'base64'), {
    headers: {
      'Content-Type': attachment.contentType,
      'Content-Disposition': `attachment; filename="${safeName}"`,
      'Cache-Control': 'no-store',
    },
  });
}
