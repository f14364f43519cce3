import { describe, expect, it } from 'vitest';
import { emailMessages } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse, person } from '../../test/courses';
import { signUp } from '~/modules/courses/registrations.server';
import { deliverEmail } from '~/modules/email/delivery.server';
import { mailboxProvider } from '~/modules/email/providers.server';
import { loader as listLoader } from './dev.mailbox._index';
import { loader as messageLoader } from './dev.mailbox.$id._index';
import { loader as attachmentLoader } from './dev.mailbox.$id.bijlage.$index';

const t = setupTestDatabase();
const args = (params: Record<string, string> = {}, query = '') => ({
  request: new Request(`http://localhost/dev/mailbox${query}`),
  params,
  context: {},
});

describe('local mailbox', () => {
  it('lists delivered emails with their links and attachments', async () => {
    const { course } = await createCourse(t.handle.db);
    await signUp(t.handle.db, course.id, person('mailbox'));
    const { messages } = await listLoader(args());
    const confirmation = messages.find((m) => m.recipient === 'deelnemer-mailbox@example.nl')!;
    // Not rendered until the worker delivers it: listed by its template meanwhile.
    expect(confirmation.subject).toBe('registration-confirmed');
    await deliverEmail(t.handle.db, confirmation.id, mailboxProvider, { from: 'test@example.nl', finalAttempt: false });
    const message = await messageLoader(args({ id: confirmation.id }));
    expect(message.subject).toContain(course.title);
    expect(message.links.some((url) => /\/aanmelding\/[a-z2-7]{32}$/.test(url))).toBe(true);
    expect(message.attachments).toEqual(['cursus.ics']);
    const file = await attachmentLoader(args({ id: confirmation.id, index: '0' }));
    expect(file.headers.get('Content-Type')).toContain('text/calendar');
    expect(await file.text()).toContain('BEGIN:VCALENDAR');
  });

  it('answers 404 for unknown messages and attachments', async () => {
    await expect(messageLoader(args({ id: 'not-a-uuid' }))).rejects.toMatchObject({ status: 404 });
    await expect(attachmentLoader(args({ id: '00000000-0000-4000-8000-000000000000', index: '0' }))).rejects.toMatchObject({ status: 404 });
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
    const all = await listLoader(args());
    expect(all.total).toBeGreaterThanOrEqual(260);
    expect(all.messages).toHaveLength(50);
    expect(all.pageCount).toBe(Math.ceil(all.total / 50));
    // The last page holds the oldest message, so every message can be reached.
    const last = await listLoader(args({}, `?pagina=${all.pageCount}`));
    expect(last.messages.at(-1)!.subject).toBe('Bericht 259');
    const seen = new Set<string>();
    for (let page = 1; page <= all.pageCount; page++) {
      for (const m of (await listLoader(args({}, `?pagina=${page}`))).messages) seen.add(m.id);
    }
    expect(seen.size).toBe(all.total);

    // Part of an address, in any case: only those messages, newest first.
    const found = await listLoader(args({}, '?adres=zoek.mij'));
    expect(found.address).toBe('zoek.mij');
    expect(found.total).toBe(26);
    expect(found.messages.map((m) => m.subject).slice(0, 2)).toEqual(['Bericht 0', 'Bericht 10']);
    // LIKE's own characters are taken literally; nonsense pages fall back to the first.
    expect((await listLoader(args({}, '?adres=%25'))).total).toBe(0);
    expect((await listLoader(args({}, '?adres=zoek.mij&pagina=abc'))).page).toBe(1);
  });
});
