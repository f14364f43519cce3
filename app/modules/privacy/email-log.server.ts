import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '~db/client.server';
import { emailMessages } from '~db/schema';
import { getEnv } from '~/env.server';
import { DAY, now } from '../clock.server';
import { normalizeEmail } from '../auth/accounts.server';
import { purposeKey } from '../security/link-keys.server';

/**
 * The email log's lifetime (privacy statement, "Logboek van e-mails"). Bodies already go once the
 * provider has a message (delivery.server.ts). What is left is reduced, then deleted:
 *
 * - For `EMAIL_LOG_REDUCE_DAYS` (default 30) a row is kept whole: address, subject, status. That covers
 *   what the log is for while it matters: bounces and complaints arrive within days, and people who
 *   miss an email ask within weeks ("did my confirmation go out?").
 * - Then it is reduced to what delivery proof and the once-only guarantees need: the template, the
 *   status and times, the provider's id and the idempotency key. The address becomes a keyed digest
 *   (so "did you send me X?" can still be answered for an address someone gives us, but the log no
 *   longer lists addresses), and the subject (which names a course), the props, headers and last
 *   error go.
 * - After `EMAIL_LOG_DAYS` (default 365, as before) the row is deleted.
 *
 * Mail still waiting to go out (queued, sending) is never touched. Both steps run in batches of
 * `batchSize` rows, each its own short statement, so the nightly job never holds long locks beside
 * the web processes, and stops after `maxMs`; what is left is picked up by the next run.
 */
const EMAIL_LOG_BATCH = 5_000;

/** A digest of an address for the reduced log: HMAC-SHA-256 under a key derived for this purpose alone (APP_SECRET, HKDF). */
export function emailLogDigest(address: string): string {
  return `hmac:${createHmac('sha256', purposeKey('email-log-digests')).update(normalizeEmail(address)).digest('base64url')}`;
}

export type EmailLogResult = { reduced: number; deleted: number; done: boolean };

export async function expireEmailLog(
  db: Db,
  options: { reduceDays?: number; deleteDays?: number; batchSize?: number; maxMs?: number } = {},
): Promise<EmailLogResult> {
  const env = getEnv();
  const reduceDays = options.reduceDays ?? env.EMAIL_LOG_REDUCE_DAYS;
  const deleteDays = options.deleteDays ?? env.EMAIL_LOG_DAYS;
  const batchSize = options.batchSize ?? EMAIL_LOG_BATCH;
  const deadline = Date.now() + (options.maxMs ?? 60_000);
  const t = now().getTime();
  const deleteBefore = new Date(t - deleteDays * DAY).toISOString();
  const reduceBefore = new Date(t - reduceDays * DAY).toISOString();
  const settled = sql`${emailMessages.status} not in ('queued', 'sending')`;
  let deleted = 0;
  let reduced = 0;

  for (;;) {
    if (Date.now() > deadline) return { reduced, deleted, done: false };
    const rows = await db.execute(sql`
      delete from ${emailMessages} where ${emailMessages.id} in (
        select ${emailMessages.id} from ${emailMessages}
        where ${emailMessages.createdAt} < ${deleteBefore}::timestamptz and ${settled}
        limit ${batchSize})
      returning ${emailMessages.id}`);
    const n = rowsOf(rows).length;
    deleted += n;
    if (n < batchSize) break;
  }

  for (;;) {
    if (Date.now() > deadline) return { reduced, deleted, done: false };
    const batch = await db.execute(sql`
      select ${emailMessages.id} as id, ${emailMessages.recipient} as recipient from ${emailMessages}
      where ${emailMessages.reducedAt} is null and ${emailMessages.createdAt} < ${reduceBefore}::timestamptz and ${settled}
      limit ${batchSize}`);
    const list = rowsOf<{ id: string; recipient: string }>(batch);
    if (list.length === 0) break;
    const ids = list.map((r) => r.id);
    const digests = list.map((r) => emailLogDigest(r.recipient));
    // One statement for the whole batch: the digests are computed here (the key never reaches SQL).
    await db.execute(sql`
      update ${emailMessages} as m set
        recipient = d.digest, subject = null, props = null, html = null, text_body = null,
        headers = null, attachments = null, last_error = null, batch_key = null,
        reduced_at = ${new Date(t).toISOString()}::timestamptz, updated_at = ${new Date(t).toISOString()}::timestamptz
      from (select unnest(${pgArray(ids)}::uuid[]) as id, unnest(${pgArray(digests)}::text[]) as digest) as d
      where m.id = d.id and m.reduced_at is null and m.status not in ('queued', 'sending')`);
    reduced += list.length;
    if (list.length < batchSize) break;
  }
  return { reduced, deleted, done: true };
}

/** A text[] literal for one parameter (keeps a batch to one bound parameter, whatever its size). */
function pgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}
