import type { ActionFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { getEnv } from '~/env.server';
import { handleResendEvent, verifyWebhookSignature } from '~/modules/privacy/webhooks.server';

// POST /webhooks/resend: delivery events from Resend, signed (Svix). Bounces and complaints stop
// further email to the address. server/security.ts lets this path through the Origin check.

export async function loader() {
  return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } });
  const secret = getEnv().RESEND_WEBHOOK_SECRET;
  if (!secret) return new Response('Webhook not configured', { status: 503 });
  const body = await request.text();
  const headers = {
    id: request.headers.get('svix-id'),
    timestamp: request.headers.get('svix-timestamp'),
    signature: request.headers.get('svix-signature'),
  };
  if (!headers.id || !headers.timestamp || !headers.signature) return new Response('Missing signature headers', { status: 400 });
  if (!verifyWebhookSignature(secret, headers, body)) return new Response('Invalid signature', { status: 401 });
  let event: unknown;
  try {
    event = JSON.parse(body);
  } catch {
    return new Response('Invalid JSON', { status: 400 });
  }
  if (!event || typeof event !== 'object') return new Response('Invalid event', { status: 400 });
  const result = await handleResendEvent(getDb(), headers.id, event as Parameters<typeof handleResendEvent>[2]);
  return Response.json({ ok: true, suppressed: result.suppressed.length });
}
