import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '~db/client.server';
import { setupTestDatabase } from '../../../test/database';
import { createFullPerson } from '../../../test/privacy';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { exportPersonalData } from './export.server';
import { exportedTables, notExported } from './personal-data.server';

const t = setupTestDatabase();

/**
 * Tables that can hold personal data, read from the database itself: a foreign key to `users`, or a
 * column named `email`, `*_email`, `user_id` or `*_user_id`. Catches a table made by a migration
 * that the Drizzle schema (read by `personal-data.test.ts`) does not declare.
 */
async function personalTables(db: Db) {
  const rows = rowsOf<{ table_name: string }>(
    await db.execute(sql`
      select distinct tc.table_name from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public' and ccu.table_name = 'users'
      union
      select distinct c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and (c.column_name in ('email', 'user_id') or c.column_name like '%\\_email' or c.column_name like '%\\_user\\_id')`),
  );
  return rows.map((r) => r.table_name).sort();
}

const handled = new Set(
  [...exportedTables.flatMap((s) => [s.table, ...('within' in s ? (s.within ?? []) : [])]), ...notExported.map((n) => n.table)].map(
    (table) => getTableConfig(table).name,
  ),
);

describe('the database has no table with personal data that the lists miss', () => {
  it('handles every table the database catalogue says can hold personal data', async () => {
    const tables = await personalTables(t.handle.db);
    expect(tables).toContain('registrations');
    expect(tables).toContain('mentee_applications');
    expect(tables.filter((name) => !handled.has(name))).toEqual([]);
  });

  it('finds a table added by hand with a user reference', async () => {
    await t.handle.db.execute(sql`create table mentor_notes (id serial primary key, author_user_id uuid references users(id), body text)`);
    await t.handle.db.execute(sql`create table newsletter_signups (id serial primary key, contact_email text)`);
    try {
      const tables = await personalTables(t.handle.db);
      expect(tables.filter((name) => !handled.has(name))).toEqual(['mentor_notes', 'newsletter_signups']);
    } finally {
      await t.handle.db.execute(sql`drop table mentor_notes, newsletter_signups`);
    }
  });
});

describe('exporting a person’s data', () => {
  it('holds account, registrations by account and by address, mentoring, consents, emails and the audit', async () => {
    const p = await createFullPerson(t.handle.db, 'export');
    const exported = (await exportPersonalData(t.handle.db, p.user.id))!;
    const json = JSON.stringify(exported);
    // One key per entry of the list, in its order.
    expect(Object.keys(exported)).toEqual(['exportedAt', ...exportedTables.map((s) => s.key)]);
    expect(exported.account).toMatchObject({ email: p.secrets.email, name: p.secrets.name, hasPassword: true });
    expect(json).not.toContain('passwordHash');
    expect(json).not.toMatch(/\$argon2|\$scrypt|\$2[aby]\$/);

    expect(exported.registrations).toHaveLength(3);
    expect(exported.registrations.filter((r) => r.email === p.secrets.email)).toHaveLength(3);
    const past = exported.registrations.find((r) => r.attendance.length > 0)!;
    expect(past.attendance[0]!.attended).toBe(true);
    expect(past.certificate).toMatchObject({ code: p.certificateCode, withdrawnAt: null });
    expect(past.certificate!.verificationUrl).toMatch(new RegExp(`/certificaat/${p.certificateCode}$`));
    expect(exported.registrations.some((r) => r.answers.motivatie === p.secrets.story && r.phone === p.secrets.phone)).toBe(true);
    // Where the person takes part: the hybrid course's online seat, the others' one pool.
    expect(exported.registrations.map((r) => r.pool).sort()).toEqual(['on-site', 'on-site', 'online']);

    expect(exported.applications).toHaveLength(1);
    expect(exported.applications[0]).toMatchObject({ goalsText: p.secrets.goals, disability: true, accessibilityNeeds: p.secrets.access });
    expect(exported.mentorProfile).toMatchObject({ bio: p.secrets.bio });

    expect(exported.matches.map((m) => m.role).sort()).toEqual(['mentee', 'mentor']);
    expect(exported.matches.find((m) => m.role === 'mentee')!.otherPerson).toBe(p.mentor.user.name);
    expect(exported.matches.find((m) => m.role === 'mentor')!.otherPerson).toBe(p.mentee.user.name);
    // Never the other person's special-category or personal details.
    expect(json).not.toContain('Gebarentolk nodig');
    expect(json).not.toContain(p.mentee.user.email);

    expect(exported.checkIns.map((c) => c.note)).toEqual([p.secrets.note]);
    expect(exported.routeProgress.map((r) => [r.step, r.doneOn, r.note])).toEqual([
      ['Bezoek een raadsvergadering', '2026-10-05', p.secrets.routeNote],
    ]);
    expect(exported.feedback.map((f) => f.comment)).toEqual([p.secrets.feedback]);
    expect(exported.meetings).toEqual([expect.objectContaining({ place: p.secrets.place, proposedByYou: true, status: 'proposed' })]);
    expect(exported.sharedNeeds).toEqual([expect.objectContaining({ needs: ['step-free', 'sign-language'], other: p.secrets.shared })]);
    expect(exported.consents.map((c) => c.purpose).sort()).toEqual([
      'privacy-statement',
      'shared-needs',
      'special-category',
      'special-category',
    ]);
    expect(exported.consents.map((c) => c.subject)).toContain(`academy-application:${p.academyApplication.id}`);
    // Academies: the application with its special-category answer, the reviewer role, the scores given.
    expect(exported.academyApplications).toHaveLength(2);
    expect(exported.academyApplications).toContainEqual(
      expect.objectContaining({ motivation: p.secrets.motivation, disability: true, focusGroups: ['women'], status: 'submitted' }),
    );
    // The programme they completed, with its certificate code (ADR 018).
    expect(exported.academyApplications.find((a) => a.id === p.cohortApplication.id)?.completion).toMatchObject({
      code: p.programmeCertificateCode,
      modulesAttended: 3,
    });
    expect(exported.academyReviewerOf).toHaveLength(1);
    expect(exported.academyScoresGiven).toEqual([expect.objectContaining({ note: p.secrets.reviewNote, scores: { m: 4 } })]);
    expect(exported.consents[0]!.textVersion).toBeTruthy();
    expect(exported.candidacyOutcomes).toHaveLength(1);
    expect(exported.emailPreferences).toMatchObject({ reminders: false, news: true });
    expect(exported.emailSuppression).toMatchObject({ reason: 'complaint' });
    expect(exported.coordinatorOf).toHaveLength(1);
    // Every kind of invitation in one part (ADR 022): to the address, or accepted by the account.
    expect(exported.invitations.map((i) => i.kind).sort()).toEqual(['coordinator', 'mentor', 'reviewer']);
    expect(exported.invitations.find((i) => i.kind === 'reviewer')).toMatchObject({
      academy: expect.any(String),
      acceptedAt: expect.any(String),
    });
    expect(exported.emails.map((e) => e.template)).toEqual(expect.arrayContaining(['registration-confirmed']));
    expect(exported.emails.every((e) => e.template !== 'coordinator-message')).toBe(true);
    expect(exported.specialDataAccess).toEqual([
      expect.objectContaining({ action: 'read', entity: 'mentee_application.disability', actor: p.coordinator.name }),
    ]);
  });
});
