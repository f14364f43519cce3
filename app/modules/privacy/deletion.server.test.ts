import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '~db/client.server';
import { emailMessages } from '~db/schema/email';
import { matches, menteeApplications, mentorProfiles } from '~db/schema/mentoring';
import { registrationLinks, registrations, sessionAttendance } from '~db/schema/courses';
import { users } from '~db/schema/accounts';
import { academyApplications, academyScores } from '~db/schema/academies';
import { setupTestDatabase } from '../../../test/database';
import {
  createFullPerson,
  findStrings,
  findStringsOutsideLists,
  listedTextColumns,
  listedTextColumnsInDatabase,
} from '../../../test/privacy';
import { loginWithPassword } from '../auth/accounts.server';
import { createApplication, createMentor, createNetwork, createUser } from '../../../test/mentoring';
import { createCourse } from '../../../test/courses';
import { DAY, now } from '../clock.server';
import { appLink } from '~/modules/http.server';
import { enqueueEmail } from '../email/outbox.server';
import { deleteAccount, deleteAccounts } from './deletion.server';

const t = setupTestDatabase();

describe('deleting an account', () => {
  it('leaves no trace of the person in any text column of the tables with personal data (and none elsewhere), and keeps anonymous counts', async () => {
    const db = t.handle.db;
    const p = await createFullPerson(db, 'wis');
    const needles = [...Object.values(p.secrets), p.certificateCode, p.programmeCertificateCode];
    // The fixture really put the strings everywhere (else the scan below proves nothing).
    const before = await findStrings(db, needles);
    for (const place of [
      'certificates.code',
      'academy_completions.code',
      'users.name',
      'users.email',
      'registrations.name',
      'registrations.phone',
      'registrations.answers',
      'mentee_applications.goals_text',
      'mentee_applications.accessibility_needs',
      'mentor_profiles.bio',
      'check_ins.note',
      'match_feedback.comment',
      'meetings.place',
      'shared_needs.other',
      'match_route_progress.note',
      'matches.decline_reason',
      'invitations.email',
      'audit_events.detail',
      'email_preferences.email',
      'email_suppressions.email',
      'email_messages.recipient',
      'email_messages.html',
      'rate_limits.key',
      'academy_applications.motivation',
      'academy_scores.note',
    ]) {
      expect(
        before.some((f) => f.startsWith(`${place}:`)),
        place,
      ).toBe(true);
    }
    // The scan reads the tables of the privacy lists (personal-data.server.ts); the person's data sits in
    // no other table, so a table that gets personal data must be in a list before this test passes.
    expect(await findStringsOutsideLists(db, needles)).toEqual([]);
    const counts = async () => ({
      registrations: (await db.select().from(registrations)).length,
      attendance: (await db.select().from(sessionAttendance)).length,
      applications: (await db.select().from(menteeApplications)).length,
      matches: (await db.select().from(matches)).length,
      profiles: (await db.select().from(mentorProfiles)).length,
      academyApplications: (await db.select().from(academyApplications)).length,
      academyScores: (await db.select().from(academyScores)).length,
    });
    const countsBefore = await counts();

    const summary = await deleteAccount(db, p.user.id);
    expect(summary).toMatchObject({ registrationsCancelled: 2, registrationsAnonymised: 3, matchesEnded: 2, applicationsAnonymised: 1 });

    expect(await findStrings(db, needles)).toEqual([]);
    expect(await db.select().from(users).where(eq(users.id, p.user.id))).toHaveLength(0);
    // Anonymous rows stay for the reports.
    expect(await counts()).toEqual(countsBefore);
    // The academy application stays for the academy's counts, withdrawn and without anything of theirs.
    const [academyRow] = await db.select().from(academyApplications).where(eq(academyApplications.id, p.academyApplication.id));
    expect(academyRow).toMatchObject({
      userId: null,
      status: 'withdrawn',
      disability: null,
      disabilityConsentId: null,
      focusGroups: [],
      party: '',
    });
    const [score] = await db.select().from(academyScores).where(eq(academyScores.applicationId, p.reviewedApplication.id));
    expect(score).toMatchObject({ scorerId: null, note: '', total: 4 });
    const anonymous = await db.select().from(registrations).where(isNull(registrations.userId));
    expect(anonymous.filter((r) => r.anonymisedAt)).toHaveLength(3);
    const [application] = await db.select().from(menteeApplications).where(eq(menteeApplications.id, p.application.id));
    expect(application).toMatchObject({ userId: null, disability: null, phone: null, goalsText: '', status: 'matched' });

    // The waiting list moved up (through the courses module, with its email).
    const [waiting] = await db.select().from(registrations).where(eq(registrations.id, p.waitingRegistrationId));
    expect(waiting!.status).toBe('offered');
    const offer = await db
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.recipient, 'deelnemer-wacht-wis@example.nl'), eq(emailMessages.template, 'seat-offered')));
    expect(offer).toHaveLength(1);

    // Both matches ended; the other people heard it, without a reason and without the name.
    const ended = await db
      .select()
      .from(matches)
      .where(inArray(matches.id, [p.activeMatch.id, p.proposedMatch.id]));
    expect(ended.map((m) => m.status)).toEqual(['ended', 'ended']);
    for (const other of [p.mentor.user, p.mentee.user]) {
      const [mail] = await db
        .select()
        .from(emailMessages)
        .where(and(eq(emailMessages.recipient, other.email), eq(emailMessages.template, 'match-partner-left')));
      expect(mail, other.email).toBeDefined();
      expect(JSON.stringify(mail!.props)).not.toContain(p.secrets.name);
    }
    const [menteeNow] = await db.select().from(menteeApplications).where(eq(menteeApplications.id, p.mentee.application.id));
    expect(menteeNow!.disability).toBe(true); // the other person's data is theirs, untouched

    // They can no longer log in.
    expect(await loginWithPassword(db, { email: p.secrets.email, password: 'een lang wachtwoord 123', ip: '192.0.2.1' })).toEqual({
      status: 'invalid',
    });
  }, 120_000);

  it('scans every text column of every table in the privacy lists, and finds data in a table missing from them', async () => {
    const db = t.handle.db;
    const order = (a: { table_name: string; column_name: string }, b: { table_name: string; column_name: string }) =>
      a.table_name.localeCompare(b.table_name) || a.column_name.localeCompare(b.column_name);
    // The columns taken from the Drizzle tables of the lists are all the database has for those tables.
    const derived = listedTextColumns();
    expect(derived.map((p) => `${p.table_name}.${p.column_name}`)).toEqual(
      expect.arrayContaining(['users.email', 'registrations.answers', 'email_messages.html', 'academy_applications.focus_groups']),
    );
    expect([...(await listedTextColumnsInDatabase(db))].sort(order)).toEqual([...derived].sort(order));

    // A table in neither list: the deletion scan does not read it, the check beside it does.
    const secret = `Niet-vermeld-${Date.now().toString(36)}`;
    await db.execute(sql`create table scratch_notes (id integer primary key, note text not null)`);
    try {
      await db.execute(sql`insert into scratch_notes (id, note) values (1, ${`Gesprek met ${secret}`})`);
      expect(await findStrings(db, [secret])).toEqual([]);
      expect(await findStringsOutsideLists(db, [secret])).toEqual([`scratch_notes.note: ${secret}`]);
    } finally {
      await db.execute(sql`drop table scratch_notes`);
    }
  });

  it('deletes many people in one go as thoroughly as one, and tells nobody who goes in the same set', async () => {
    const db = t.handle.db;
    const a = await createFullPerson(db, 'set-a');
    const b = await createFullPerson(db, 'set-b');
    // The mentor of a's active match goes in the same set: no 'your partner left' email for them.
    const partner = a.mentor.user;
    // A third party's email whose subject names b (as the mentoring emails do).
    const third = await createUser(db);
    await db.insert(emailMessages).values({
      template: 'match-introduction',
      recipient: third.email,
      userId: third.id,
      locale: 'nl',
      subject: `Kennismaken met ${b.secrets.name}`,
      status: 'sent',
      idempotencyKey: `set-test-${third.id}`,
    });
    const keep = await createUser(db);

    const result = await deleteAccounts(db, [a.user.id, b.user.id, partner.id, '00000000-0000-4000-8000-000000000000']);
    expect(result.deleted.sort()).toEqual([a.user.id, b.user.id, partner.id].sort());
    expect(result.summary).toMatchObject({
      registrationsCancelled: 4,
      registrationsAnonymised: 6,
      matchesEnded: 4,
      applicationsAnonymised: 2,
    });

    expect(await findStrings(db, [...Object.values(a.secrets), ...Object.values(b.secrets)])).toEqual([]);
    expect(
      await db
        .select()
        .from(users)
        .where(inArray(users.id, [a.user.id, b.user.id, partner.id])),
    ).toHaveLength(0);
    expect(await db.select().from(users).where(eq(users.id, keep.id))).toHaveLength(1);
    // b's mentee (not deleted) hears it; a's mentor went with a and gets nothing.
    const told = await db
      .select({ to: emailMessages.recipient })
      .from(emailMessages)
      .where(eq(emailMessages.template, 'match-partner-left'));
    expect(told.map((m) => m.to)).toContain(b.mentee.user.email);
    expect(told.map((m) => m.to)).not.toContain(partner.email);
    const [introduction] = await db.select().from(emailMessages).where(eq(emailMessages.recipient, third.email));
    expect(introduction!.subject).toBeNull();
  }, 180_000);

  it('in a batch of several accounts, tells every partner once with the email one-by-one queueing makes, and anonymises every registration of each', async () => {
    const db = t.handle.db;
    const network = await createNetwork(db);
    // Three mentees who go, each with an active match to a mentor who stays (one reads English).
    const goingMentees = await Promise.all([0, 1, 2].map(() => createApplication(db, network.id, { status: 'matched' })));
    const stayingMentors = await Promise.all(
      [0, 1, 2].map((i) => createMentor(db, [network.id], {}, i === 2 ? { locale: 'en', name: `Mentor Engels ${i}` } : {})),
    );
    // A mentor who goes, with a proposed and an active match to two mentees who stay.
    const goingMentor = await createMentor(db, [network.id]);
    const stayingMentees = await Promise.all([0, 1].map(() => createApplication(db, network.id, { status: 'matched' })));
    const pairs = [
      ...goingMentees.map((m, i) => ({
        applicationId: m.application.id,
        mentorProfileId: stayingMentors[i]!.profile.id,
        status: 'active' as const,
      })),
      ...stayingMentees.map((m, i) => ({
        applicationId: m.application.id,
        mentorProfileId: goingMentor.profile.id,
        status: i === 0 ? ('proposed' as const) : ('active' as const),
      })),
    ];
    await db
      .insert(matches)
      .values(
        pairs.map((p) => ({ ...p, networkId: network.id, score: 70, proposedAt: now(), acceptedAt: p.status === 'active' ? now() : null })),
      );

    // Registrations of a past course: by each account, and under each address without logging in;
    // someone who stays is on the same course. Each has a manage link.
    const going = [...goingMentees.map((m) => m.user), goingMentor.user];
    const staying = await createUser(db);
    const past = await createCourse(db, { startsInDays: -90, sessionCount: 1 });
    const earlier = await createCourse(db, { startsInDays: -200, sessionCount: 1 });
    const rows = [
      ...going.flatMap((u) => [
        { courseId: past.course.id, userId: u.id, name: u.name, email: u.email },
        { courseId: earlier.course.id, userId: null, name: `${u.name} (adres)`, email: u.email },
      ]),
      { courseId: past.course.id, userId: staying.id, name: staying.name, email: staying.email },
    ];
    const inserted = await db
      .insert(registrations)
      .values(
        rows.map((r) => ({
          ...r,
          phone: '06-12345678',
          answers: { motivatie: `Verhaal van ${r.name}` },
          accessibilityNeeds: 'Ringleiding',
          privacyVersion: '1.0',
          consentedAt: new Date(now().getTime() - 100 * DAY),
          status: 'confirmed' as const,
          confirmedAt: new Date(now().getTime() - 100 * DAY),
        })),
      )
      .returning();
    await db.insert(registrationLinks).values(inserted.map((r) => ({ tokenHash: `link-${r.id}`, registrationId: r.id })));
    const keptRegistration = inserted.find((r) => r.userId === staying.id)!;

    const result = await deleteAccounts(
      db,
      going.map((u) => u.id),
    );
    expect(result.deleted.sort()).toEqual(going.map((u) => u.id).sort());
    expect(result.summary).toMatchObject({ registrationsAnonymised: 8, matchesEnded: 5, applicationsAnonymised: 3 });

    // Every registration of the accounts, by id or by address, is anonymised, and its link is gone.
    const after = await db
      .select()
      .from(registrations)
      .where(
        inArray(
          registrations.id,
          inserted.map((r) => r.id),
        ),
      );
    for (const r of after.filter((r) => r.id !== keptRegistration.id)) {
      expect(r).toMatchObject({
        userId: null,
        name: '',
        email: `anoniem-${r.id}`,
        phone: null,
        answers: {},
        accessibilityNeeds: null,
        status: 'confirmed',
      });
      expect(r.anonymisedAt).not.toBeNull();
    }
    expect(after.find((r) => r.id === keptRegistration.id)).toEqual(keptRegistration);
    const links = await db
      .select({ id: registrationLinks.registrationId })
      .from(registrationLinks)
      .where(
        inArray(
          registrationLinks.registrationId,
          inserted.map((r) => r.id),
        ),
      );
    expect(links.map((l) => l.id)).toEqual([keptRegistration.id]);

    // Each partner who stays hears it once, in their own language, with the role of who left.
    // (This network is the test's own; the file's other tests told people about theirs.)
    const told = await db
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.template, 'match-partner-left'), sql`${emailMessages.props} ->> 'networkName' = ${network.name}`));
    const expected = [
      ...stayingMentors.map((m) => ({ user: m.user, partnerRole: 'mentee' as const })),
      ...stayingMentees.map((m) => ({ user: m.user, partnerRole: 'mentor' as const })),
    ];
    expect(told.map((m) => m.recipient).sort()).toEqual(expected.map((e) => e.user.email).sort());
    for (const { user, partnerRole } of expected) {
      const mail = told.find((m) => m.recipient === user.email)!;
      const props = { locale: user.locale, name: user.name, partnerRole, networkName: network.name, mentoringUrl: appLink('/mentoraat') };
      // The email enqueueEmail makes for the same person, one at a time: the same row and the same job.
      const referenceId = await db.transaction((tx) =>
        enqueueEmail(tx, { template: 'match-partner-left', to: user.email, userId: user.id, props }),
      );
      const [reference] = await db.select().from(emailMessages).where(eq(emailMessages.id, referenceId));
      const comparable = (m: typeof mail) => {
        const { id, idempotencyKey, createdAt, updatedAt: _updatedAt, sendAfter, ...rest } = m;
        expect(idempotencyKey).toBe(`email/${id}`);
        expect(Math.abs(sendAfter.getTime() - createdAt.getTime())).toBeLessThan(1000); // due at once
        return rest;
      };
      expect(comparable(mail)).toEqual(comparable(reference!));
      expect(mail.props).toEqual(props);
      expect(mail.status).toBe('queued');
      const jobs = async (messageId: string) =>
        rowsOf<Record<string, unknown>>(
          await db.execute(sql`
            select name, priority, state, retry_limit, retry_delay, retry_backoff, expire_in::text as expire_in,
                   (keep_until - start_after)::text as kept_for, policy, dead_letter, singleton_key, singleton_on,
                   start_after = ${mail.sendAfter.toISOString()}::timestamptz as starts_when_due
            from pgboss.job where data ->> 'messageId' = ${messageId}`),
        );
      const [job, ...more] = await jobs(mail.id);
      expect(more).toEqual([]);
      const [referenceJob] = await jobs(referenceId);
      expect(job).toEqual({ ...referenceJob, starts_when_due: true });
      expect(job).toMatchObject({ name: 'email-send', state: 'created' });
    }
  }, 180_000);

  it('skips an account another transaction holds when asked to, and deletes the rest (PostgreSQL)', async () => {
    if (t.handle.kind !== 'postgres') return; // PGlite is one connection: no second transaction to hold a row
    const held = await createUser(t.handle.db);
    const free = await createUser(t.handle.db);
    const other = t.handle.sql;
    const reserved = await other.reserve();
    try {
      await reserved`begin`;
      await reserved`select id from users where id = ${held.id} for update`;
      const result = await deleteAccounts(t.handle.db, [held.id, free.id], { skipLocked: true });
      expect(result.deleted).toEqual([free.id]);
    } finally {
      await reserved`rollback`;
      reserved.release();
    }
    expect(await t.handle.db.select().from(users).where(eq(users.id, held.id))).toHaveLength(1);
    expect(await t.handle.db.execute(sql`select 1 from users where id = ${free.id}`)).toHaveLength(0);
  });

  it('returns null for an unknown account and changes nothing', async () => {
    expect(await deleteAccount(t.handle.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
