import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '~db/client.server';
import { setupTestDatabase } from '../../../test/database';
import { createCourse } from '../../../test/courses';
import { now } from '../clock.server';
import { listCatalogue } from './catalogue.server';

// The catalogue must not get slower as years of courses pile up (issue 13): it reads the sessions of
// the courses it shows, never every session ever held, and finds the courses on offer without
// reading every course ever held. Checked with the database's own counter of
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
  it('lists what is on offer, finds it without reading every course, and reads only the sessions of the courses on the page', async () => {
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
    // And a tenth of that on offer now, as at national scale (about 1,500 of 15,000 courses): enough
    // for the planner to read every course whole if it had to find these through the sessions.
    await db().execute(sql`
      insert into courses (organisation_id, title, description, municipality_code, format, location_name, address, capacity, cost_cents, status, created_by)
      select organisation_id, 'Straks ' || i, description, municipality_code, format, location_name, address, capacity, cost_cents, status, created_by
      from courses, generate_series(1, 400) i where id = ${live.course.id}`);
    await db().execute(sql`
      insert into course_sessions (course_id, starts_at, ends_at, location)
      select c.id, now() + interval '10 days' + w * interval '7 days', now() + interval '10 days' + w * interval '7 days' + interval '2 hours', ''
      from courses c cross join generate_series(0, 2) w where c.title like 'Straks %'`);
    await db().execute(sql`analyze courses`);
    await db().execute(sql`analyze course_sessions`);

    const { catalogue, sessionScans, courseScans } = await db().transaction(async (tx) => {
      const before = await sequentialScans(tx as unknown as Db, 'course_sessions');
      const coursesBefore = await sequentialScans(tx as unknown as Db, 'courses');
      const catalogue = await listCatalogue(tx as unknown as Db, {}, now());
      const pageThirty = await listCatalogue(tx as unknown as Db, { page: 30 }, now());
      expect(pageThirty.items).toEqual([]);
      return {
        catalogue,
        sessionScans: (await sequentialScans(tx as unknown as Db, 'course_sessions')) - before,
        courseScans: (await sequentialScans(tx as unknown as Db, 'courses')) - coursesBefore,
      };
    });
    expect(catalogue.items.map((i) => [i.title, i.sessionCount])[0]).toEqual(['Binnenkort', 3]);
    expect(catalogue.total).toBe(401);
    expect(sessionScans).toBe(0);
    expect(courseScans).toBe(0);
  });
});
