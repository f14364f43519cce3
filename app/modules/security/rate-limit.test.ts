import { describe, expect, it } from 'vitest';
import { openDatabase } from '~db/client.server';
import { setupTestDatabase } from '../../../test/database';
import { setClock } from '../clock.server';
import { hit, pruneRateLimits } from './rate-limit.server';
import { rateLimits } from '~db/schema';

const t = setupTestDatabase();
const rule = { name: 'test', limit: 20, windowMs: 60_000 };

describe('rate limits in the database', () => {
  it('count exactly under concurrent hits from separate connection pools (as from several web processes)', async () => {
    setClock(new Date('2027-02-01T09:00:10Z'));
    // With PostgreSQL a second pool on the same database stands in for a second process;
    // PGlite is one connection, so there both "processes" share it.
    const other = t.handle.kind === 'postgres' ? await openDatabase({ url: t.handle.url, maxConnections: 5 }) : t.handle;
    try {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => hit(i % 2 ? other.db : t.handle.db, rule, 'shared')));
      expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(results.filter((r) => r.allowed)).toHaveLength(20);
      expect(results.find((r) => !r.allowed)?.retryAfterSeconds).toBe(50);
    } finally {
      if (other !== t.handle) await other.close();
    }
  });

  it('start again in the next window and keep subjects apart', async () => {
    setClock(new Date('2027-02-01T09:05:59Z'));
    for (let i = 0; i < 20; i++) await hit(t.handle.db, rule, 'a');
    expect((await hit(t.handle.db, rule, 'a')).allowed).toBe(false);
    expect((await hit(t.handle.db, rule, 'b')).allowed).toBe(true);
    setClock(new Date('2027-02-01T09:06:00Z'));
    expect(await hit(t.handle.db, rule, 'a')).toMatchObject({ allowed: true, hits: 1 });
  });
});

describe('housekeeping', () => {
  it('removes counters of windows that ended long ago, and only those', async () => {
    setClock(new Date('2027-02-01T09:00:00Z'));
    await hit(t.handle.db, rule, 'old');
    setClock(new Date('2027-02-03T09:00:00Z'));
    await hit(t.handle.db, rule, 'recent');
    await pruneRateLimits(t.handle.db);
    const keys = (await t.handle.db.select().from(rateLimits)).map((r) => r.key);
    expect(keys).toContain('test:recent');
    expect(keys).not.toContain('test:old');
  });
});
