import { eq, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type Db } from '../db/client.server';
import {
  academies,
  academyApplications,
  academyCompletions,
  academyReviewers,
  academyScores,
  certificates,
  candidacyOutcomes,
  checkIns,
  invitations,
  elections,
  emailMessages,
  matches,
  matchFeedback,
  meetings,
  mentorProfiles,
  networkMentors,
  organisationMemberships,
  rateLimits,
  registrations,
  sessionAttendance,
  sharedNeeds,
} from '../db/schema';
import { matchRouteProgress, networkRouteSteps } from '../db/schema/route';
import { hashPassword } from '../app/modules/auth/password.server';
import { exportedTables, notExported } from '../app/modules/privacy/personal-data.server';
import { createSession } from '../app/modules/auth/session.server';
import { issueToken } from '../app/modules/auth/tokens.server';
import { generateToken } from '../app/modules/security/tokens.server';
import { DAY, now } from '../app/modules/clock.server';
import { signUp } from '../app/modules/courses/registrations.server';
import { sendCourseFollowUp } from '../app/modules/courses/lifecycle.server';
import { deliverEmail } from '../app/modules/email/delivery.server';
import { enqueueEmail } from '../app/modules/email/outbox.server';
import { mailboxProvider } from '../app/modules/email/providers.server';
import { recordAudit } from '../app/modules/privacy/audit.server';
import { giveConsent } from '../app/modules/privacy/consent.server';
import { setPreferences, suppressAddress } from '../app/modules/email/preferences.server';
import { createCourse, person } from './courses';
import { createApplication, createMentor, createNetwork, createUser } from './mentoring';

/** Strings that identify the person everywhere: none may survive their deletion. */
export function secretsOf(tag: string) {
  return {
    name: `Zwaantje Oosterbeek-${tag}`,
    email: `zwaantje.${tag}@voorbeeld.nl`,
    phone: `06-1357${tag.length}${tag.length}246`,
    story: `Mijn verhaal over de stoep bij de Kerkstraat ${tag}`,
    goals: `Ik wil wethouder worden in Wezep ${tag}`,
    note: `We spraken over haar zus in Hattem ${tag}`,
    feedback: `Fijne mentor, ik mis de koffie ${tag}`,
    bio: `Oud-raadslid in Kampen ${tag}`,
    access: `Rolstoel, drempelvrij ${tag}`,
    place: `Koffie bij De Waag in Deventer ${tag}`,
    shared: `Graag een rustige ruimte met ringleiding ${tag}`,
    motivation: `Ik wil de academie doen voor Oldebroek ${tag}`,
    reviewNote: `Zij kent de wethouder van Heerde ${tag}`,
    routeNote: `Sprak wethouder Gerda in Elburg ${tag}`,
  };
}

/**
 * A person with data in every table that can hold personal data: an account with a password and
 * sessions, course registrations (past with attendance, future with a waiting list behind them, and
 * one made with the address only), a mentee application with special-category data and an active
 * match, a mentor profile with a proposed match, check-ins, feedback, consents, audit events, email
 * preferences, a suppression, a candidacy outcome, invitations, rate-limit counters and emails.
 */
export async function createFullPerson(db: Db, tag: string) {
  const s = secretsOf(tag);
  const user = await createUser(db, { name: s.name, email: s.email, passwordHash: await hashPassword('een lang wachtwoord 123') });
  await createSession(db, user.id);
  await db.transaction((tx) => issueToken(tx, user.id, 'password-reset'));
  await db.insert(rateLimits).values({ key: `login-account:${s.email}`, windowStart: now(), hits: 1 });

  // Courses: a future one with one seat (someone waits behind them), a past one with attendance.
  const future = await createCourse(db, { capacity: 1 });
  const signed = await signUp(db, future.course.id, {
    ...person(tag),
    name: s.name,
    email: s.email,
    phone: s.phone,
    userId: user.id,
    answers: { motivatie: s.story },
    accessibilityNeeds: s.access,
  });
  const waiting = await signUp(db, future.course.id, person(`wacht-${tag}`));
  // A hybrid course, joined online: the export names the pool.
  const byAddress = await createCourse(db, { format: 'hybrid', onlineCapacity: 5, onlineUrl: 'https://meet.example/pa' });
  await signUp(db, byAddress.course.id, { ...person(`adres-${tag}`), name: s.name, email: s.email, pool: 'online' });
  const past = await createCourse(db, { startsInDays: -60, sessionCount: 1 });
  const [pastRegistration] = await db
    .insert(registrations)
    .values({
      courseId: past.course.id,
      userId: user.id,
      name: s.name,
      email: s.email,
      phone: s.phone,
      answers: { motivatie: s.story },
      privacyVersion: '1.0',
      consentedAt: new Date(now().getTime() - 70 * DAY),
      status: 'confirmed',
      confirmedAt: new Date(now().getTime() - 70 * DAY),
    })
    .returning();
  await db.insert(sessionAttendance).values({ registrationId: pastRegistration!.id, sessionId: past.sessions[0]!.id, attended: true });
  // The past course is closed: the person holds its certificate (and got it with the follow-up).
  await sendCourseFollowUp(db, past.course.id);
  const [certificate] = await db.select().from(certificates).where(eq(certificates.registrationId, pastRegistration!.id));

  // Mentoring as mentee: special-category data with consent, an active match, a check-in each.
  const network = await createNetwork(db, { organisationId: future.organisation.id });
  const mentor = await createMentor(db, [network.id]);
  const consentId = await giveConsent(db, user.id, 'special-category', 'application');
  await giveConsent(db, user.id, 'privacy-statement');
  const { application } = await createApplication(db, network.id, {
    userId: user.id,
    goalsText: s.goals,
    phone: s.phone,
    party: `Lijst ${tag}`,
    accessibilityNeeds: s.access,
    answers: { waarom: s.story },
    disability: true,
    disabilityConsentId: consentId,
    status: 'matched',
  });
  const [active] = await db
    .insert(matches)
    .values({
      networkId: network.id,
      applicationId: application.id,
      mentorProfileId: mentor.profile.id,
      status: 'active',
      score: 80,
      source: 'hand',
      proposedAt: now(),
      acceptedAt: now(),
      declineReason: `Eerst niet, ${s.name} had het druk`,
    })
    .returning();
  await db.insert(checkIns).values([
    { matchId: active!.id, authorUserId: user.id, happenedOn: '2026-10-01', mode: 'online', note: s.note },
    { matchId: active!.id, authorUserId: mentor.user.id, happenedOn: '2026-10-08', mode: 'in-person', note: 'Goed gesprek gehad.' },
  ]);
  await db.insert(matchFeedback).values({ matchId: active!.id, userId: user.id, moment: 'four-weeks', rating: 5, comment: s.feedback });
  // A meeting they proposed, and needs they shared with their mentor under a consent of its own.
  await db.insert(meetings).values({
    matchId: active!.id,
    proposedBy: user.id,
    startsAt: new Date(now().getTime() + 7 * DAY),
    durationMinutes: 60,
    place: s.place,
  });
  const needsConsentId = await giveConsent(db, user.id, 'shared-needs', `match:${active!.id}`);
  await db.insert(sharedNeeds).values({
    matchId: active!.id,
    userId: user.id,
    consentId: needsConsentId,
    needs: ['step-free', 'sign-language'],
    other: s.shared,
  });
  // A step of the candidacy route ticked with a note (issue 17).
  const [routeStep] = await db
    .insert(networkRouteSteps)
    .values({
      networkId: network.id,
      position: 1,
      titleNl: 'Bezoek een raadsvergadering',
      titleEn: 'Visit a council meeting',
      daysBefore: 450,
    })
    .returning();
  await db
    .insert(matchRouteProgress)
    .values({ matchId: active!.id, stepId: routeStep!.id, doneOn: '2026-10-05', note: s.routeNote, updatedBy: user.id });

  // Mentoring as mentor: a profile in another network with a proposed match to someone else.
  const network2 = await createNetwork(db);
  const [profile] = await db
    .insert(mentorProfiles)
    .values({ userId: user.id, bio: s.bio, phone: s.phone, party: `Lijst ${tag}`, completedAt: now() })
    .returning();
  await db.insert(networkMentors).values({ networkId: network2.id, mentorProfileId: profile!.id });
  const mentee = await createApplication(db, network2.id, {
    status: 'proposed',
    accessibilityNeeds: `Gebarentolk nodig ${tag}`,
    disability: true,
  });
  const [proposed] = await db
    .insert(matches)
    .values({
      networkId: network2.id,
      applicationId: mentee.application.id,
      mentorProfileId: profile!.id,
      status: 'proposed',
      score: 60,
      proposedAt: now(),
    })
    .returning();
  await db
    .insert(checkIns)
    .values({ matchId: proposed!.id, authorUserId: mentee.user.id, happenedOn: '2026-10-02', mode: 'phone', note: 'Kennismaking.' });
  await db.insert(invitations).values({
    kind: 'mentor',
    networkId: network2.id,
    email: s.email,
    name: s.name,
    tokenHash: `hash-${tag}`,
    expiresAt: new Date(now().getTime() + 7 * DAY),
    acceptedAt: now(),
    acceptedBy: user.id,
  });

  // Academies: an application with special-category data and consent; a reviewer of another academy,
  // with a score and a note, invited by address.
  const [academy] = await db
    .insert(academies)
    .values({ organisationId: future.organisation.id, name: `Academie ${tag}`, criteria: [{ id: 'm', label: 'Motivatie' }] })
    .returning();
  const [academyApplication] = await db
    .insert(academyApplications)
    .values({ academyId: academy!.id, userId: user.id, motivation: s.motivation, party: `Lijst ${tag}`, focusGroups: ['women'] })
    .returning();
  const academyConsent = await giveConsent(db, user.id, 'special-category', `academy-application:${academyApplication!.id}`);
  await db
    .update(academyApplications)
    .set({ disability: true, disabilityConsentId: academyConsent })
    .where(eq(academyApplications.id, academyApplication!.id));
  const [reviewed] = await db
    .insert(academies)
    .values({ organisationId: past.organisation.id, name: `Andere academie ${tag}` })
    .returning();
  const applicant = await createUser(db);
  const [otherApplication] = await db
    .insert(academyApplications)
    .values({ academyId: reviewed!.id, userId: applicant.id, motivation: 'Graag.' })
    .returning();
  await db.insert(academyReviewers).values({ academyId: reviewed!.id, userId: user.id });
  await db.insert(invitations).values({
    kind: 'reviewer',
    academyId: reviewed!.id,
    email: s.email,
    tokenHash: `review-${tag}`,
    expiresAt: new Date(now().getTime() + 7 * DAY),
    acceptedAt: now(),
    acceptedBy: user.id,
  });
  await db
    .insert(academyScores)
    .values({ applicationId: otherApplication!.id, scorerId: user.id, scores: { m: 4 }, total: 4, note: s.reviewNote });

  // A programme they completed (ADR 018): an accepted application with a completion and its certificate code.
  const [cohortAcademy] = await db
    .insert(academies)
    .values({ organisationId: future.organisation.id, name: `Cohortacademie ${tag}` })
    .returning();
  const [cohortApplication] = await db
    .insert(academyApplications)
    .values({ academyId: cohortAcademy!.id, userId: user.id, motivation: 'Meedoen.', status: 'accepted' })
    .returning();
  const [completion] = await db
    .insert(academyCompletions)
    .values({
      academyId: cohortAcademy!.id,
      applicationId: cohortApplication!.id,
      code: generateToken(),
      modulesAttended: 3,
      completedAt: now(),
    })
    .returning();

  // Coordinator of the course organisation, invited by address.
  await db.insert(organisationMemberships).values({ organisationId: past.organisation.id, userId: user.id });
  await db.insert(invitations).values({
    kind: 'coordinator',
    organisationId: past.organisation.id,
    email: s.email,
    tokenHash: `coord-${tag}`,
    expiresAt: new Date(now().getTime() + 7 * DAY),
  });

  // Someone else read their special-category data; the event names them in its detail.
  const coordinator = await createUser(db);
  await recordAudit(db, {
    actorUserId: coordinator.id,
    subjectUserId: user.id,
    action: 'read',
    entity: 'mentee_application.disability',
    entityId: application.id,
    organisationId: network.organisationId,
    detail: { name: s.name },
  });

  await setPreferences(db, s.email, user.id, { reminders: false, news: true });
  await suppressAddress(db, s.email, 'complaint', `evt-${tag}`);
  const [election] = await db.select().from(elections).limit(1);
  await db.insert(candidacyOutcomes).values({ userId: user.id, electionId: election!.id, onList: true, answeredAt: now() });

  // Emails: theirs (already delivered to the mailbox, bodies kept) and a sent one to a coordinator naming them.
  const message = await db.transaction((tx) =>
    enqueueEmail(tx, {
      template: 'coordinator-message',
      to: 'coordinator-elders@voorbeeld.nl',
      props: {
        locale: 'nl',
        name: 'Coördinator',
        courseTitle: future.course.title,
        organisationName: future.organisation.name,
        subject: 'Over een deelnemer',
        body: `${s.name} (${s.email}) belde over de cursus.`,
        manageUrl: 'https://pa.example/beheer',
      },
    }),
  );
  const pending = await db.select({ id: emailMessages.id }).from(emailMessages).where(eq(emailMessages.status, 'queued'));
  for (const { id } of pending) {
    await deliverEmail(db, id, mailboxProvider, { from: 'Politiek Actief <noreply@pa.example>', finalAttempt: true });
  }

  return {
    user,
    secrets: s,
    futureCourse: future.course,
    waitingRegistrationId: (waiting as { registrationId: string }).registrationId,
    ownRegistrationId: (signed as { registrationId: string }).registrationId,
    application,
    activeMatch: active!,
    proposedMatch: proposed!,
    mentor,
    mentee,
    coordinator,
    coordinatorMessageId: message,
    pastRegistrationId: pastRegistration!.id,
    certificateCode: certificate!.code,
    academyApplication: academyApplication!,
    cohortApplication: cohortApplication!,
    programmeCertificateCode: completion!.code,
    reviewedApplication: otherApplication!,
  };
}

/** Every text, varchar, jsonb and array column of every table in the public schema. */
async function textColumns(db: Db): Promise<Place[]> {
  return rowsOf<Place>(
    await db.execute(sql`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and (c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json') or c.data_type = 'ARRAY')
      order by c.table_name, c.column_name`),
  );
}

type Place = { table_name: string; column_name: string };

/**
 * The tables of the privacy lists (`personal-data.server.ts`): every table the export reads (with the
 * tables exported inside a part), and every one it leaves out with a reason. The deletion scan reads
 * these and nothing else, so a table added to the lists is scanned, and one missing from them shows
 * in `findStringsOutsideLists`.
 */
function listedTables(): PgTable[] {
  return [...exportedTables.flatMap((s) => [s.table, ...('within' in s ? (s.within ?? []) : [])]), ...notExported.map((n) => n.table)];
}

/** The text, varchar, char, json(b) and array columns of the listed tables, from their Drizzle definitions. */
export function listedTextColumns(tables: PgTable[] = listedTables()): Place[] {
  return tables
    .flatMap((table) => {
      const config = getTableConfig(table);
      return config.columns
        .filter((c) => /^(text|varchar|char|json|jsonb)(\(|$)|\[\]$/.test(c.getSQLType()))
        .map((c) => ({ table_name: config.name, column_name: c.name }));
    })
    .sort((a, b) => a.table_name.localeCompare(b.table_name) || a.column_name.localeCompare(b.column_name));
}

/** Where (table.column) any of the strings still occurs, case-insensitively, among the given columns. */
async function findIn(db: Db, places: Place[], needles: string[]) {
  const found: string[] = [];
  const list = sql.join(
    needles.map((n) => sql`${n}`),
    sql`, `,
  );
  for (const { table_name, column_name } of places) {
    const rows = rowsOf<{ n: string }>(
      await db.execute(
        sql`select n from unnest(array[${list}]::text[]) as n where exists (select 1 from ${sql.identifier(table_name)} x where strpos(lower(x.${sql.identifier(column_name)}::text), lower(n)) > 0)`,
      ),
    );
    for (const row of rows) found.push(`${table_name}.${column_name}: ${row.n}`);
  }
  return found;
}

/**
 * Where (table.column) any of the strings still occurs, case-insensitively: the deletion scan, over
 * every text column of the tables in the privacy lists.
 */
export async function findStrings(db: Db, needles: string[]) {
  return findIn(db, listedTextColumns(), needles);
}

/**
 * Where any of the strings occurs in a table of the database that is in neither privacy list: a table
 * holding a person's data that the export and the deletion scan would both miss.
 */
export async function findStringsOutsideLists(db: Db, needles: string[]) {
  const listed = new Set(listedTables().map((t) => getTableConfig(t).name));
  return findIn(
    db,
    (await textColumns(db)).filter((p) => !listed.has(p.table_name)),
    needles,
  );
}

/** The text columns of the listed tables as the database has them (to compare with `listedTextColumns`). */
export async function listedTextColumnsInDatabase(db: Db) {
  const listed = new Set(listedTables().map((t) => getTableConfig(t).name));
  return (await textColumns(db)).filter((p) => listed.has(p.table_name));
}
