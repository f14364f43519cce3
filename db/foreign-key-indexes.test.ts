import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../test/database';

// Every foreign key needs an index whose leading columns are the key's columns: deleting (or
// changing the key of) a referenced row makes PostgreSQL look up the referencing rows, and without
// an index that is a sequential scan of the referencing table for every deleted row. Deleting one
// account scanned courses, matches and check-ins whole at national scale (issue 13, item 3).
//
// A foreign key may go without one only when listed here with the reason.
const exempt: Record<string, string> = {
  // Reference data: the migrator upserts municipalities (a yearly refresh changes names, never codes)
  // and never deletes one, so no lookup from this side ever runs.
  'courses.municipality_code': 'municipalities are upserted by code and never deleted',
  'registrations.municipality_code': 'municipalities are upserted by code and never deleted',
  'mentee_applications.municipality_code': 'municipalities are upserted by code and never deleted',
  'mentor_profiles.municipality_code': 'municipalities are upserted by code and never deleted',
  // Elections are reference data from migrations; the app never deletes one. Outcomes are looked
  // up by person (the primary key starts with user_id).
  'candidacy_outcomes.election_id': 'elections come from migrations and are never deleted',
};

const t = setupTestDatabase();

type Row = { table: string; columns: string[]; referenced: string; indexed: boolean };

describe('foreign keys', () => {
  it('each has an index that starts with its columns, or a reason in the list', async () => {
    // For each foreign key: is there a valid index on the same table whose first columns are the
    // key's columns (in any order, as PostgreSQL can use it for the lookup either way)?
    const result = await t.handle.db.execute(sql`
      select c.conrelid::regclass::text as "table",
             c.confrelid::regclass::text as referenced,
             array(select a.attname::text from unnest(c.conkey) k join pg_attribute a
                     on a.attrelid = c.conrelid and a.attnum = k order by a.attname) as columns,
             exists (
               select 1 from pg_index i
               where i.indrelid = c.conrelid and i.indisvalid and i.indpred is null
                 and (select array_agg(x order by x) from unnest((i.indkey::int2[])[0:cardinality(c.conkey) - 1]) x)
                     = (select array_agg(x order by x) from unnest(c.conkey) x)
             ) as indexed
      from pg_constraint c
      join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'
      order by 1, 3`);
    const rows = ((result as unknown as { rows?: Row[] }).rows ?? (result as unknown as Row[])) as Row[];
    expect(rows.length).toBeGreaterThan(20);
    const missing = rows
      .filter((r) => !r.indexed)
      .map((r) => `${r.table}.${r.columns.join('+')} → ${r.referenced}`)
      .filter((key) => !(key.split(' → ')[0]! in exempt));
    expect(missing).toEqual([]);
    // A reason for a key that has an index (or no longer exists) is stale: keep the list honest.
    const unindexed = new Set(rows.filter((r) => !r.indexed).map((r) => `${r.table}.${r.columns.join('+')}`));
    expect(Object.keys(exempt).filter((key) => !unindexed.has(key))).toEqual([]);
  });
});
