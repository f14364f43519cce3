import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '~db/client.server';
import { setupTestDatabase } from '../../../test/database';
import { createCourse } from '../../../test/courses';
import { now } from '../clock.server';
import { listCatalogue } from './catalogue.server';

// The catalogue must not get slower as years of courses pile up (issue 13): it reads the sessions of
// the courses it shows, never every session ever held. Checked with the database's own counter of
// sequential scans in this transaction, on a table big enough that the planner would rather scan it
// whole when a query needs all of it.

const t = setupTestDatabase();
const db = () => t.handle.db;

async function sequentialScans(tx: Db, table: string) {
  const rows = await tx.execute<{ n: string | number }>(
    sql`select coalesce(sum(seq_scan), 0) as n from pg_stat_xact_user_tables where relname = ${table}`,
  );
  const list = (Array.isArray(rows) ? rows : (rows as { rows: { n: string | number }[] }).rows) as { n: string | number }[];
  return Number(list[0]?.n ?? 0);
}

describe('the catalogue with years of history', () => {
  it('lists what is on offer and reads only the sessions of the courses on the page', async () => {
    const live = await createCourse(db(), { title: 'Binnenkort', startsInDays: 7 });
    // 4,000 courses held over the past three years, three sessions each (12,000 sessions).
    await db().execute(sql`
      insert into courses (organisation_id, title, description, municipality_code, format, location_name, address, capacity, cost_cents, status, created_by)
      select organisation_id, 'Voorbij ' || i, description, municipality_code, format, location_name, address, capacity, cost_cents, status, created_by
      from courses, generate_series(1, 4000) i where id = ${live.course.id}`);
    await db().execute(sql`
      insert into course_sessions (course_id, starts_at, ends_at, location)
      select c.id, s.starts_at, s.starts_at + interval '2 hours', ''
      from courses c
      cross join lateral (select now() - interval '30 days' - (abs(hashtext(c.id::text)) % 1000) * interval '1 day' + w * interval '7 days' as starts_at
                          from generate_series(0, 2) w) s
      where c.title like 'Voorbij %'`);
    await db().execute(sql`analyze courses`);
    await db().execute(sql`analyze course_sessions`);

    const { items, sessionScans } = await db().transaction(async (tx) => {
      const before = await sequentialScans(tx as unknown as Db, 'course_sessions');
      const catalogue = await listCatalogue(tx as unknown as Db, {}, now());
      const pageTen = await listCatalogue(tx as unknown as Db, { page: 10 }, now());
      expect(pageTen.items).toEqual([]);
      return { items: catalogue.items, sessionScans: (await sequentialScans(tx as unknown as Db, 'course_sessions')) - before };
    });
    expect(items.map((i) => [i.title, i.sessionCount])).toEqual([['Binnenkort', 3]]);
    expect(sessionScans).toBe(0);
  });
});
