import { is } from 'drizzle-orm';
import { getTableConfig, pgTable, PgTable, text, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '~db/schema';
import { users } from '~db/schema/accounts';
import { registrations } from '~db/schema/courses';
import { exportedTables, notExported } from './personal-data.server';

/**
 * Tables of a schema that can hold a person's data: a foreign key to `users`, or a column named
 * `email`, `*_email`, `user_id`, `*_user_id` or `recipient`. Read from the Drizzle table objects, so a
 * table added to `db/schema/` is seen before any migration runs.
 */
function personalTables(tables: PgTable[]) {
  return tables
    .filter((table) => {
      const config = getTableConfig(table);
      return (
        config.foreignKeys.some((fk) => fk.reference().foreignTable === users) ||
        config.columns.some((c) => /^(email|user_id|recipient)$|_email$|_user_id$/.test(c.name))
      );
    })
    .map((table) => getTableConfig(table).name)
    .sort();
}

const schemaTables: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
const nameOf = (table: PgTable) => getTableConfig(table).name;

/** The tables the lists handle: exported (with what is exported inside them) or left out with a reason. */
function handledBy(exported: readonly { table: PgTable; within?: PgTable[] }[], excluded: { table: PgTable }[]) {
  return new Set([...exported.flatMap((s) => [s.table, ...(s.within ?? [])]), ...excluded.map((e) => e.table)].map(nameOf));
}

const missing = (tables: PgTable[], handled: Set<string>) => personalTables(tables).filter((name) => !handled.has(name));

describe('the list of tables with personal data', () => {
  it('exports, or leaves out with a reason, every table of the schema that refers to a person', () => {
    const found = personalTables(schemaTables);
    // The rule really finds them (else the check below proves nothing).
    expect(found).toEqual(expect.arrayContaining(['users', 'registrations', 'mentee_applications', 'email_suppressions', 'meetings']));
    expect(missing(schemaTables, handledBy(exportedTables, notExported))).toEqual([]);
  });

  it('fails for a table that refers to a person until it is in a list', () => {
    const mentorNotes = pgTable('mentor_notes', { id: uuid('id'), authorUserId: uuid('author_user_id').references(() => users.id) });
    const newsletter = pgTable('newsletter_signups', { id: uuid('id'), contactEmail: text('contact_email') });
    const handled = handledBy(exportedTables, notExported);
    expect(missing([...schemaTables, mentorNotes, newsletter], handled)).toEqual(['mentor_notes', 'newsletter_signups']);
    // Taking an entry out of the list is caught the same way.
    const withoutRegistrations = exportedTables.filter((s) => s.table !== registrations);
    expect(missing(schemaTables, handledBy(withoutRegistrations, notExported))).toEqual(['registrations']);
  });

  it('names every table once, each with how its rows belong, what deletion does, or why it is left out', () => {
    const named = [
      ...exportedTables.flatMap((s) => [s.table, ...('within' in s ? (s.within ?? []) : [])]),
      ...notExported.map((e) => e.table),
    ];
    expect(new Set(named).size).toBe(named.length);
    expect(named.every((table) => schemaTables.includes(table))).toBe(true);
    expect(new Set(exportedTables.map((s) => s.key)).size).toBe(exportedTables.length);
    for (const s of exportedTables) expect([s.key, s.belongs.length > 0, s.deletion.length > 0]).toEqual([s.key, true, true]);
    for (const e of notExported)
      expect([nameOf(e.table), e.reason.length > 0, e.deletion.length > 0]).toEqual([nameOf(e.table), true, true]);
  });
});
