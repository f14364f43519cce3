import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../test/database';
import { createCourse, person } from '../../test/courses';
import { signUp } from '~/modules/courses/registrations.server';
import { deliverEmail } from '~/modules/email/delivery.server';
import { mailboxProvider } from '~/modules/email/providers.server';
import { loader as listLoader } from './dev.mailbox._index';
import { loader as messageLoader } from './dev.mailbox.$id._index';
import { loader as attachmentLoader } from './dev.mailbox.$id.bijlage.$index';

const t = setupTestDatabase();
const args = (params: Record<string, string> = {}) => ({ request: new Request('http://localhost/dev/mailbox'), params, context: {} });

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
});
