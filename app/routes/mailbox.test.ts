import { describe, expect, it } from 'vitest';
import { emailMessages } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse, person } from '../../test/courses';
import { get, run } from '../../test/routes';
import { signUp } from '~/modules/courses/registrations.server';
import { deliverEmail } from '~/modules/email/delivery.server';
import { mailboxProvider } from '~/modules/email/providers.server';
import { loader as listLoader } from './dev.mailbox._index';
import { loader as messageLoader } from './dev.mailbox.$id._index';
import { loader as attachmentLoader } from './dev.mailbox.$id.bijlage.$index';

const t = setupTestDatabase();

describe('local mailbox', () => {
  it('lists delivered emails with their links and attachments', async () => {
    const { course } = await createCourse(t.handle.db);
    await signUp(t.handle.db, course.id, person('mailbox'));
    const { messages } = await run(listLoader, get('/dev/mailbox'));
    const confirmation = messages.find((m) => m.recipient === 'deelnemer-mailbox@example.nl')!;
    // Not rendered until the worker delivers it: listed by its template meanwhile.
    expect(confirmation.subject).toBe('registration-confirmed');
    await deliverEmail(t.handle.db, confirmation.id, mailboxProvider, { from: 'test@example.nl', finalAttempt: false });
    const message = await run(messageLoader, get(`/dev/mailbox/${confirmation.id}`), { id: confirmation.id });
    expect(message.subject).toContain(course.title);
    expect(message.links.some((url) => /\/aanmelding\/[a-z2-7]{32}$/.test(url))).toBe(true);
    expect(message.attachments).toEqual(['cursus.ics']);
    const file = await run(attachmentLoader, get(`/dev/mailbox/${confirmation.id}/bijlage/0`), { id: confirmation.id, index: '0' });
    expect(file.headers.get('Content-Type')).toContain('text/calendar');
    expect(await file.text()).toContain('BEGIN:VCALENDAR');
  });

  it('answers 404 for unknown messages and attachments', async () => {
    await expect(run(messageLoader, get('/dev/mailbox/not-a-uuid'), { id: 'not-a-uuid' })).rejects.toMatchObject({ status: 404 });
    await expect(
      run(attachmentLoader, get('/dev/mailbox/00000000-0000-4000-8000-000000000000/bijlage/0'), {
        id: '00000000-0000-4000-8000-000000000000',
        index: '0',
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('lists every message, a page at a time, and filters by address (GET, so it works without JavaScript)', async () => {
    // 260 messages, one second apart: more than the 200 the page used to show.
    const start = Date.parse('2026-01-01T10:00:00Z');
    await t.handle.db.insert(emailMessages).values(
      Array.from({ length: 260 }, (_, i) => ({
        template: 'login-link',
        recipient: i % 10 === 0 ? `Zoek.Mij+${i}@Example.nl` : `ander-${i}@example.nl`,
        locale: 'nl' as const,
        subject: `Bericht ${i}`,
        idempotencyKey: `mailbox-page-${i}`,
        createdAt: new Date(start - i * 1000),
      })),
    );
    const all = await run(listLoader, get('/dev/mailbox'));
    expect(all.total).toBeGreaterThanOrEqual(260);
    expect(all.messages).toHaveLength(50);
    expect(all.pageCount).toBe(Math.ceil(all.total / 50));
    // The last page holds the oldest message, so every message can be reached.
    const last = await run(listLoader, get(`/dev/mailbox?pagina=${all.pageCount}`));
    expect(last.messages.at(-1)!.subject).toBe('Bericht 259');
    const seen = new Set<string>();
    for (let page = 1; page <= all.pageCount; page++) {
      for (const m of (await run(listLoader, get(`/dev/mailbox?pagina=${page}`))).messages) seen.add(m.id);
    }
    expect(seen.size).toBe(all.total);

    // Part of an address, in any case: only those messages, newest first.
    const found = await run(listLoader, get('/dev/mailbox?adres=zoek.mij'));
    expect(found.address).toBe('zoek.mij');
    expect(found.total).toBe(26);
    expect(found.messages.map((m) => m.subject).slice(0, 2)).toEqual(['Bericht 0', 'Bericht 10']);
    // LIKE's own characters are taken literally; nonsense pages fall back to the first.
    expect((await run(listLoader, get('/dev/mailbox?adres=%25'))).total).toBe(0);
    expect((await run(listLoader, get('/dev/mailbox?adres=zoek.mij&pagina=abc'))).page).toBe(1);
  });
});
