import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { emailMessages } from '~db/schema';
import { rowsOf } from '~db/client.server';
import { setupTestDatabase } from '../../../test/database';
import { createUser } from '../../../test/mentoring';
import { advanceClock, DAY, setClock } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { deleteAccount } from './deletion.server';
import { emailLogDigest, expireEmailLog } from './email-log.server';
import { exportPersonalData } from './export.server';
import { runRetentionWork } from './retention.server';

const t = setupTestDatabase();
afterEach(() => setClock(undefined));

async function logEmail(to: string, userId: string | null = null, status: 'sent' | 'queued' = 'sent') {
  const id = await t.handle.db.transaction((tx) =>
    enqueueEmail(tx, {
      template: 'password-reset',
      to,
      userId: userId ?? undefined,
      props: { locale: 'nl', url: 'https://pa.example/wachtwoord-herstellen/x', expiresInMinutes: 60 },
    }),
  );
  // As delivery leaves a sent row: the subject stays, the bodies went to the provider.
  if (status === 'sent') {
    await t.handle.db
      .update(emailMessages)
      .set({ status: 'sent', subject: 'Nieuw wachtwoord voor Politiek Actief Zwolle', props: null, sentAt: new Date() })
      .where(eq(emailMessages.id, id));
  }
  return id;
}
const row = async (id: string) => (await t.handle.db.select().from(emailMessages).where(eq(emailMessages.id, id)))[0];

describe('the email log has a lifetime', () => {
  it('keeps rows whole for a month, then keeps only delivery proof without the address, and deletes them after a year', async () => {
    setClock(new Date('2027-03-01T10:00:00Z'));
    const id = await logEmail('noor@example.nl');
    const waiting = await logEmail('wacht@example.nl', null, 'queued');

    advanceClock(29 * DAY);
    expect(await expireEmailLog(t.handle.db)).toEqual({ reduced: 0, deleted: 0, done: true });
    expect((await row(id))!.recipient).toBe('noor@example.nl');

    advanceClock(2 * DAY);
    expect(await expireEmailLog(t.handle.db)).toMatchObject({ reduced: 1, deleted: 0 });
    const reduced = (await row(id))!;
    expect(reduced).toMatchObject({ template: 'password-reset', status: 'sent', subject: null, props: null, headers: null });
    expect(reduced.recipient).not.toContain('noor');
    expect(reduced.recipient).toBe(emailLogDigest('Noor@Example.nl'));
    expect(reduced.sentAt).not.toBeNull();
    expect(reduced.idempotencyKey).toBeTruthy();
    // Mail that has not gone out yet is never touched.
    expect((await row(waiting))!).toMatchObject({ recipient: 'wacht@example.nl', status: 'queued', reducedAt: null });

    advanceClock(340 * DAY);
    expect(await expireEmailLog(t.handle.db)).toMatchObject({ reduced: 0, deleted: 1 });
    expect(await row(id)).toBeUndefined();
    expect(await row(waiting)).toBeDefined();
  });

  it('works in batches, stops at its time limit and resumes on the next run', async () => {
    setClock(new Date('2027-03-01T10:00:00Z'));
    for (let i = 0; i < 25; i++) await logEmail(`p${i}@example.nl`);
    advanceClock(40 * DAY);
    const first = await expireEmailLog(t.handle.db, { batchSize: 10, maxMs: 0 });
    expect(first.done).toBe(false);
    const all = await expireEmailLog(t.handle.db, { batchSize: 10 });
    expect(all).toMatchObject({ reduced: 25 - first.reduced, done: true });
    const [left] = rowsOf<{ n: number }>(
      await t.handle.db.execute(sql`select count(*)::int as n from email_messages where recipient like '%@%' and status = 'sent'`),
    );
    expect(left!.n).toBe(0);
  });

  it('the nightly retention job runs it, and export and deletion still find reduced rows', async () => {
    setClock(new Date('2027-03-01T10:00:00Z'));
    const user = await createUser(t.handle.db, { lastLoginAt: new Date('2027-03-01T10:00:00Z') });
    const id = await logEmail(user.email, user.id);
    const guestMail = await logEmail('gast@example.nl');
    advanceClock(40 * DAY);
    const result = await runRetentionWork(t.handle.db, { inactiveDays: 730 });
    expect(result.emailLog.reduced).toBeGreaterThanOrEqual(2);

    const exported = (await exportPersonalData(t.handle.db, user.id))!;
    expect(JSON.stringify(exported)).toContain('password-reset');
    expect(exported.emails).toHaveLength(1);

    expect(await deleteAccount(t.handle.db, user.id)).toBeTruthy();
    expect(await row(id)).toBeUndefined();
    // An address without an account: found by its digest alone.
    expect((await row(guestMail))!.recipient).toBe(emailLogDigest('gast@example.nl'));
  });
});
