import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailMessages } from '~db/schema';
import { rowsOf } from '~db/client.server';
import { startFakeResend } from '../../../test/fake-resend';
import { setupTestDatabase } from '../../../test/database';
import { queues } from '../jobs/boss.server';
import { emailJobHandler } from '../../worker.server';
import { deliverEmail, deliverEmailBatch } from './delivery.server';
import { enqueueEmail } from './outbox.server';
import { ProviderError, resendProvider, type EmailProvider } from './providers.server';

const t = setupTestDatabase();
let fake: Awaited<ReturnType<typeof startFakeResend>>;
let provider: EmailProvider;
const FROM = 'Politiek Actief <noreply@politiekactief.example>';

beforeAll(async () => {
  fake = await startFakeResend();
  provider = resendProvider(fake.apiKey, fake.baseUrl);
});
afterAll(() => fake.close());

let n = 0;
async function enqueueLoginLink(to = `ontvanger${++n}@example.nl`) {
  return t.handle.db.transaction((tx) =>
    enqueueEmail(tx, {
      template: 'login-link',
      to,
      props: { locale: 'nl', url: `https://pa.example/inloggen/link/${n}`, expiresInMinutes: 15 },
    }),
  );
}
const messageById = async (id: string) => (await t.handle.db.select().from(emailMessages).where(eq(emailMessages.id, id)))[0]!;
const jobCount = async (id: string) =>
  Number(
    rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from pgboss.job where data->>'messageId' = ${id}`))[0]?.n,
  );
const requestsFor = (to: string) => fake.requests.filter((r) => r.body.to === to || (r.batch ?? []).some((m) => m.to === to));

async function waitFor<T>(check: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('enqueueing in the transaction of the change', () => {
  it('commits the message and its job together', async () => {
    const id = await enqueueLoginLink();
    expect((await messageById(id)).status).toBe('queued');
    expect(await jobCount(id)).toBe(1);
  });

  it('leaves neither message nor job when the transaction rolls back', async () => {
    let id = '';
    await expect(
      t.handle.db.transaction(async (tx) => {
        id = await enqueueEmail(tx, {
          template: 'login-link',
          to: 'terug@example.nl',
          props: { locale: 'en', url: 'https://pa.example/x', expiresInMinutes: 15 },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(id).not.toBe('');
    expect(await t.handle.db.select().from(emailMessages).where(eq(emailMessages.id, id))).toHaveLength(0);
    expect(await jobCount(id)).toBe(0);
  });
});

describe('delivery through the Resend SDK', () => {
  it('sends one request with the idempotency key, then records the provider id and drops the bodies', async () => {
    const id = await enqueueLoginLink();
    const message = await messageById(id);
    expect(await deliverEmail(t.handle.db, id, provider, { from: FROM, finalAttempt: false })).toBe('sent');
    const sent = requestsFor(message.recipient);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers['idempotency-key']).toBe(message.idempotencyKey);
    expect(sent[0]!.body).toMatchObject({ from: FROM, subject: 'Je inloglink voor Politiek Actief' });
    expect(String(sent[0]!.body.text)).toContain('https://pa.example/inloggen/link/');
    const after = await messageById(id);
    expect(after).toMatchObject({ status: 'sent', provider: 'resend', attempts: 1, html: null, textBody: null, props: null });
    expect(after.subject).toBe('Je inloglink voor Politiek Actief');
    expect(after.providerId).toMatch(/^fake-/);
    // Running the job again (a duplicate job, a retry after a crash) sends nothing.
    expect(await deliverEmail(t.handle.db, id, provider, { from: FROM, finalAttempt: false })).toBe('already-done');
    expect(requestsFor(message.recipient)).toHaveLength(1);
  });

  it('retries a 500 from the provider through pg-boss and delivers exactly once', async () => {
    const worker = await t.boss.work(
      queues.emailSend,
      { batchSize: 5, includeMetadata: true, pollingIntervalSeconds: 0.5 },
      emailJobHandler(t.handle.db, t.boss, provider, FROM),
    );
    try {
      const to = 'retry@example.nl';
      fake.failNext(
        to,
        { status: 500 },
        { status: 429, headers: { 'retry-after': '1' }, body: { name: 'rate_limit_exceeded', message: 'Slow down', statusCode: 429 } },
      );
      const id = await enqueueLoginLink(to);
      const message = await messageById(id);
      const sent = await waitFor(async () => {
        const m = await messageById(id);
        return m.status === 'sent' && m;
      });
      expect(sent.attempts).toBe(3);
      const calls = requestsFor(message.recipient);
      expect(calls).toHaveLength(3);
      // The worker sends batches: after a 500 (sent or not? nobody knows) the same batch goes again
      // under the same key; after a 429 (surely not sent) the message may join a new batch.
      const keys = calls.map((c) => c.headers['idempotency-key']);
      expect(calls.every((c) => c.path === '/emails/batch')).toBe(true);
      expect(keys[1]).toBe(keys[0]);
      expect(keys[2]).not.toBe(keys[1]);
      expect(sent.batchKey).toBe(keys[2]);
      expect(fake.perRecipient.get(message.recipient)).toBe(1);
    } finally {
      await t.boss.offWork(worker);
    }
  });

  it('does not deliver twice when the process died after the provider accepted', async () => {
    const id = await enqueueLoginLink();
    const message = await messageById(id);
    // The provider takes the message, but we never learn it: the worker dies before recording it.
    const dying: EmailProvider = {
      name: 'resend',
      async send(email) {
        await provider.send(email);
        throw new Error('worker killed');
      },
    };
    await expect(deliverEmail(t.handle.db, id, dying, { from: FROM, finalAttempt: false })).rejects.toThrow('worker killed');
    expect((await messageById(id)).status).toBe('queued');
    expect(await deliverEmail(t.handle.db, id, provider, { from: FROM, finalAttempt: false })).toBe('sent');
    expect(requestsFor(message.recipient)).toHaveLength(2);
    expect([...fake.delivered.values()].filter((d) => d.body.to === message.recipient)).toHaveLength(1);
  });

  it('sends a message once when two workers take it at the same moment', async () => {
    const id = await enqueueLoginLink();
    const message = await messageById(id);
    const outcomes = await Promise.allSettled([
      deliverEmail(t.handle.db, id, provider, { from: FROM, finalAttempt: false }),
      deliverEmail(t.handle.db, id, provider, { from: FROM, finalAttempt: false }),
    ]);
    const values = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'retry-later'));
    expect(values).toContain('sent');
    expect(values.filter((v) => v === 'sent')).toHaveLength(1);
    expect(requestsFor(message.recipient)).toHaveLength(1);
  });

  it('gives up at once on an error that will not pass, and marks the message failed', async () => {
    fake.failNext('invalid@example.nl', {
      status: 422,
      body: { name: 'validation_error', message: 'Invalid `to` field', statusCode: 422 },
    });
    const id = await enqueueLoginLink('invalid@example.nl');
    expect(await deliverEmail(t.handle.db, id, provider, { from: FROM, finalAttempt: false })).toBe('failed');
    expect(await messageById(id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await messageById(id)).lastError).toContain('422');
  });

  it('marks a message failed after the last attempt', async () => {
    const broken: EmailProvider = { name: 'resend', send: async () => Promise.reject(new ProviderError('down', true)) };
    const id = await enqueueLoginLink();
    await expect(deliverEmail(t.handle.db, id, broken, { from: FROM, finalAttempt: false })).rejects.toThrow('down');
    expect(await deliverEmail(t.handle.db, id, broken, { from: FROM, finalAttempt: true })).toBe('failed');
    expect(await messageById(id)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'down' });
  });
});

describe('batch delivery (Resend batch endpoint)', () => {
  // No pg-boss worker of an earlier test may take these messages meanwhile (offWork by queue name:
  // the earlier test passes the worker's id, which pg-boss 10 reads as a queue name).
  beforeAll(async () => {
    await t.boss.offWork(queues.emailSend);
    await new Promise((r) => setTimeout(r, 1500));
  });
  const items = (ids: string[]) => ids.map((messageId) => ({ messageId, finalAttempt: false }));

  it('sends 150 messages in two calls of at most 100, each under its own key, and records every provider id', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) ids.push(await enqueueLoginLink(`batch${i}@example.nl`));
    const before = fake.requests.length;
    const outcomes = await deliverEmailBatch(t.handle.db, items(ids), provider, { from: FROM });
    expect([...outcomes.values()].filter((o) => o === 'sent')).toHaveLength(150);
    const calls = fake.requests.slice(before);
    expect(calls.map((c) => c.batch?.length).sort()).toEqual([100, 50]);
    expect(new Set(calls.map((c) => c.headers['idempotency-key'])).size).toBe(2);
    const rows = await t.handle.db.select().from(emailMessages).where(inArray(emailMessages.id, ids));
    expect(rows.every((r) => r.status === 'sent' && r.providerId?.startsWith('fake-') && r.html === null)).toBe(true);
    expect(new Set(rows.map((r) => r.providerId)).size).toBe(150);
    // The jobs run again (a retry, a duplicate): nothing is sent.
    const again = await deliverEmailBatch(t.handle.db, items(ids), provider, { from: FROM });
    expect([...again.values()].every((o) => o === 'already-done')).toBe(true);
    expect(fake.requests.length).toBe(before + 2);
  });

  it('sends the same batch again under the same key when the worker died after the provider accepted it', async () => {
    const ids = [await enqueueLoginLink('dies1@example.nl'), await enqueueLoginLink('dies2@example.nl')];
    const dying: EmailProvider = {
      name: 'resend',
      send: provider.send,
      async sendBatch(emails, key) {
        await provider.sendBatch!(emails, key);
        throw new Error('worker killed');
      },
    };
    const first = await deliverEmailBatch(t.handle.db, items(ids), dying, { from: FROM });
    expect([...first.values()]).toEqual(['retry', 'retry']);
    const key = (await messageById(ids[0]!)).batchKey;
    expect(key).toMatch(/^batch\//);
    // Only one of the two jobs comes back first: it brings the whole batch along.
    const second = await deliverEmailBatch(t.handle.db, items([ids[1]!]), provider, { from: FROM });
    expect(second.get(ids[1]!)).toBe('sent');
    expect((await messageById(ids[0]!)).status).toBe('sent');
    const calls = requestsFor('dies1@example.nl');
    expect(calls.map((c) => c.headers['idempotency-key'])).toEqual([key, key]);
    expect(fake.perRecipient.get('dies1@example.nl')).toBe(1);
    expect(fake.perRecipient.get('dies2@example.nl')).toBe(1);
  });

  it('sends messages with attachments on their own, with their own key', async () => {
    const id = await t.handle.db.transaction((tx) =>
      enqueueEmail(tx, {
        template: 'login-link',
        to: 'bijlage@example.nl',
        props: { locale: 'nl', url: 'https://pa.example/inloggen/link/x', expiresInMinutes: 15 },
        attachments: [{ filename: 'cursus.ics', contentType: 'text/calendar', content: Buffer.from('BEGIN:VCALENDAR').toString('base64') }],
      }),
    );
    const outcomes = await deliverEmailBatch(t.handle.db, items([id]), provider, { from: FROM });
    expect(outcomes.get(id)).toBe('sent');
    const calls = requestsFor('bijlage@example.nl');
    expect(calls.map((c) => c.path)).toEqual(['/emails']);
    expect(calls[0]!.headers['idempotency-key']).toBe((await messageById(id)).idempotencyKey);
  });
});
