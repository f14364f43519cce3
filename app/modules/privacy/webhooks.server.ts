import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '~db/client.server';
import { now } from '../clock.server';
import { suppressAddress } from '../email/preferences.server';

const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/**
 * Checks a Svix-style signature as Resend sends it: HMAC-SHA256 over `${id}.${timestamp}.${body}`
 * with the base64 key after `whsec_`, base64 encoded, in `svix-signature` as space-separated
 * `v1,<signature>` entries (several during a key rotation). The timestamp must be within 5 minutes.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { id: string | null; timestamp: string | null; signature: string | null },
  body: string,
): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const age = Math.abs(now().getTime() / 1000 - Number(timestamp));
  if (age > WEBHOOK_TOLERANCE_SECONDS) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  let ok = false;
  for (const entry of signature.split(' ')) {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    // Compare every candidate in constant time, and do not stop early.
    if (given.length === expected.length && timingSafeEqual(given, expected)) ok = true;
  }
  return ok;
}

/** Signs a body like the provider does; for tests and local trials. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

type ResendEvent = { type?: unknown; data?: { to?: unknown; email?: unknown } };

/** Handles a verified event: bounces and complaints suppress the addresses. Returns what it did. */
export async function handleResendEvent(db: Db, eventId: string, event: ResendEvent) {
  const reason = event.type === 'email.bounced' ? 'bounce' : event.type === 'email.complained' ? 'complaint' : null;
  if (!reason) return { suppressed: [] as string[] };
  const to = event.data?.to;
  const addresses = (Array.isArray(to) ? to : [to ?? event.data?.email]).filter(
    (a): a is string => typeof a === 'string' && a.includes('@'),
  );
  for (const address of addresses) await suppressAddress(db, address, reason, eventId);
  return { suppressed: addresses.map((a) => a.trim().toLowerCase()) };
}
