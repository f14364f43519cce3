import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { emailMessages, registrations, users } from '~db/schema';
import { createCourse } from '../../../test/courses';
import { setupTestDatabase } from '../../../test/database';
import { createUser } from '../../../test/mentoring';
import { DAY, setClock } from '../clock.server';
import { runRetentionWork } from './retention.server';

const t = setupTestDatabase();
const idleSince = { createdAt: new Date('2027-01-01T00:00:00Z'), lastLoginAt: new Date('2027-06-01T00:00:00Z') };
const at = new Date('2030-01-01T10:00:00Z');

async function remaining(ids: string[]) {
  return (await t.handle.db.select({ id: users.id }).from(users).where(inArray(users.id, ids))).length;
}

describe('retention in batches', () => {
  afterEach(() => setClock(undefined));

  it('deletes due accounts a batch at a time when the deadline has passed, and the next runs go on where it stopped', async () => {
    setClock(at);
    const due = [];
    for (let i = 0; i < 5; i++)
      due.push(await createUser(t.handle.db, { ...idleSince, retentionWarnedAt: new Date(at.getTime() - 31 * DAY) }));
    const ids = due.map((u) => u.id);
    const active = await createUser(t.handle.db, { createdAt: new Date('2029-06-01T00:00:00Z') });

    // No time left: one batch of two, then the run stops and says it is not done.
    const first = await runRetentionWork(t.handle.db, { inactiveDays: 730, batchSize: 2, maxMs: 0 });
    expect(first).toMatchObject({ deleted: 2, done: false });
    expect(await remaining(ids)).toBe(3);

    const second = await runRetentionWork(t.handle.db, { inactiveDays: 730, batchSize: 2, maxMs: 0 });
    expect(second).toMatchObject({ deleted: 2, done: false });
    expect(await remaining(ids)).toBe(1);

    // With time enough the rest goes in one run.
    const third = await runRetentionWork(t.handle.db, { inactiveDays: 730, batchSize: 2 });
    expect(third).toMatchObject({ deleted: 1, done: true });
    expect(await remaining(ids)).toBe(0);
    expect(await remaining([active.id])).toBe(1);
  });

  it('warns a batch at a time and never twice, however the work is split over runs', async () => {
    setClock(at);
    const idle = [];
    for (let i = 0; i < 5; i++) idle.push(await createUser(t.handle.db, idleSince));
    const addresses = idle.map((u) => u.email);
    const warnings = async () =>
      (
        await t.handle.db
          .select({ to: emailMessages.recipient })
          .from(emailMessages)
          .where(and(inArray(emailMessages.recipient, addresses), eq(emailMessages.template, 'retention-warning')))
      ).map((m) => m.to);

    expect((await runRetentionWork(t.handle.db, { inactiveDays: 730, batchSize: 2, maxMs: 0 })).warned).toBe(2);
    expect(await warnings()).toHaveLength(2);
    expect((await runRetentionWork(t.handle.db, { inactiveDays: 730, batchSize: 2, maxMs: 0 })).warned).toBe(2);
    expect((await runRetentionWork(t.handle.db, { inactiveDays: 730, batchSize: 2 })).warned).toBe(1);
    expect((await runRetentionWork(t.handle.db, { inactiveDays: 730, batchSize: 2 })).warned).toBe(0);
    expect((await warnings()).sort()).toEqual([...addresses].sort());
  });

  it('counts a registration under the account’s address, made without logging in, as activity (in the set-based pass and in each batch’s check)', async () => {
    setClock(at);
    // Their course ended 100 days ago; they signed up under their address, not logged in.
    const { course } = await createCourse(t.handle.db, { startsInDays: -114, sessionCount: 3 });
    const byAddress = await createUser(t.handle.db, idleSince);
    const byAccount = await createUser(t.handle.db, idleSince);
    const idle = await createUser(t.handle.db, idleSince);
    const signedUp = new Date('2027-05-01T00:00:00Z');
    for (const [person, userId] of [
      [byAddress, null],
      [byAccount, byAccount.id],
    ] as const) {
      await t.handle.db.insert(registrations).values({
        courseId: course.id,
        userId,
        name: person.name,
        email: person.email,
        privacyVersion: '1.0',
        consentedAt: signedUp,
        status: 'confirmed',
        createdAt: signedUp,
        updatedAt: signedUp,
      });
    }

    const result = await runRetentionWork(t.handle.db, { inactiveDays: 730 });
    expect(result.warned).toBe(1);
    const [row] = await t.handle.db.select().from(users).where(eq(users.id, idle.id));
    expect(row!.retentionWarnedAt).not.toBeNull();
    for (const id of [byAddress.id, byAccount.id]) {
      const [other] = await t.handle.db.select().from(users).where(eq(users.id, id));
      expect(other!.retentionWarnedAt, id).toBeNull();
    }
  });
});
