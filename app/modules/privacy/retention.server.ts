import { and, eq, inArray, isNotNull, isNull, lte, sql, TransactionRollbackError } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { coordinatorInvitations, courseSessions, courses, mentorInvitations, registrations, users } from '~db/schema';
import { getEnv } from '~/env.server';
import { DAY, now } from '../clock.server';
import { appLink } from '../courses/context.server';
import { enqueueEmail } from '../email/outbox.server';
import { anonymiseRegistrations, deleteAccount, eraseAddress } from './deletion.server';
import { expireEmailLog } from './email-log.server';

/** Days between the warning email and the deletion. */
export const RETENTION_GRACE_DAYS = 30;
/** Most addresses without an account anonymised per run (the rest follow the next night). */
export const GUEST_BATCH = 500;

/**
 * The last moment a person was active: their last login, the account's creation, a registration of
 * theirs made or changed (by the account or under its address), the end of the last session of a
 * course they were on (not cancelled), or the last moment of a match of theirs (accepted, last
 * check-in, ended). SQL over `users` so that it can filter many people at once. Registrations count
 * the same way for people without an account (`guestsDue`).
 */
const lastActivity = sql<string>`greatest(
  ${users.createdAt},
  ${users.lastLoginAt},
  (select max(greatest(r.created_at, r.updated_at)) from registrations r
     where r.user_id = ${users.id} or r.email = ${users.email}),
  (select max(s.ends_at) from registrations r join course_sessions s on s.course_id = r.course_id
     where (r.user_id = ${users.id} or r.email = ${users.email}) and r.status <> 'cancelled'),
  (select max(greatest(m.accepted_at, m.last_check_in_at, m.ended_at, m.responded_at, m.proposed_at)) from matches m
     join mentee_applications a on a.id = m.application_id where a.user_id = ${users.id}),
  (select max(greatest(m.accepted_at, m.last_check_in_at, m.ended_at, m.responded_at, m.proposed_at)) from matches m
     join mentor_profiles p on p.id = m.mentor_profile_id where p.user_id = ${users.id})
)`;

const lastSessionOfCourse = sql`(select max(${courseSessions.endsAt}) from ${courseSessions} where ${courseSessions.courseId} = ${registrations.courseId})`;

/** An invitation of the address that can still be accepted: its owner is being asked to come back. */
const openInvitation = (at: Date) => {
  const atParam = sql`${at.toISOString()}::timestamptz`;
  return sql`(exists (select 1 from ${mentorInvitations} where ${mentorInvitations.email} = ${registrations.email}
      and ${mentorInvitations.acceptedAt} is null and ${mentorInvitations.expiresAt} > ${atParam})
    or exists (select 1 from ${coordinatorInvitations} where ${coordinatorInvitations.email} = ${registrations.email}
      and ${coordinatorInvitations.acceptedAt} is null and ${coordinatorInvitations.expiresAt} > ${atParam}))`;
};

/**
 * Addresses of people without an account that are due for anonymising: addresses with registrations
 * not linked to an account (and not anonymised yet), no account with that address (an account's
 * retention covers the registrations under its address), every course they signed up for ended or
 * cancelled, and their last activity before `cutoff`. Their activity is the latest moment a
 * registration of theirs was made or changed, and the end of the last session of each course they
 * are (not cancelled) on. An address with an open invitation waits until it expires.
 */
function guestsDue(db: Db, at: Date, cutoff: Date, options: { email?: string; limit: number }) {
  const atParam = sql`${at.toISOString()}::timestamptz`;
  return db
    .select({ email: registrations.email })
    .from(registrations)
    .innerJoin(courses, eq(courses.id, registrations.courseId))
    .where(
      and(
        isNull(registrations.userId),
        isNull(registrations.anonymisedAt),
        options.email === undefined ? undefined : eq(registrations.email, options.email),
        sql`not exists (select 1 from ${users} where ${users.email} = ${registrations.email})`,
        sql`not ${openInvitation(at)}`,
      ),
    )
    .groupBy(registrations.email)
    .having(
      sql`bool_and(coalesce(${courses.status} = 'cancelled' or ${lastSessionOfCourse} < ${atParam}, false))
        and greatest(
          max(${registrations.createdAt}),
          max(${registrations.updatedAt}),
          max(${lastSessionOfCourse}) filter (where ${registrations.status} <> 'cancelled')
        ) < ${cutoff.toISOString()}::timestamptz`,
    )
    .limit(options.limit);
}

/**
 * Anonymises one address without an account, if it is still due, in one transaction: its
 * registrations as account deletion does (reports keep counting them), and what else is kept under
 * the address (emails, preferences, suppression, invitations, rate-limit counters). People without an
 * account have no consents, audit events or candidacy answers: those are kept per account. Returns
 * the number of registrations anonymised.
 */
async function anonymiseGuest(db: Db, email: string, at: Date, cutoff: Date): Promise<number> {
  try {
    return await db.transaction(async (tx) => {
      const [due] = await guestsDue(tx, at, cutoff, { email, limit: 1 });
      if (!due) return 0;
      const live = and(eq(registrations.email, email), isNull(registrations.anonymisedAt));
      const before = await tx
        .select({ id: registrations.id, userId: registrations.userId, name: registrations.name })
        .from(registrations)
        .where(live);
      const theirs = before.filter((r) => r.userId === null);
      const ids = await anonymiseRegistrations(
        tx,
        inArray(
          registrations.id,
          theirs.map((r) => r.id),
        ),
        at,
      );
      await eraseAddress(tx, { email, names: theirs.map((r) => r.name) }, at);
      // A sign-up or an account for the address that committed while this ran (its emails would be
      // gone with the rest): undo, and leave the address to the next run, which finds it active.
      const known = new Set(before.map((r) => r.id));
      const after = await tx.select({ id: registrations.id }).from(registrations).where(live);
      const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (account || after.some((r) => !known.has(r.id))) tx.rollback();
      return ids.length;
    });
  } catch (error) {
    if (error instanceof TransactionRollbackError) return 0;
    throw error;
  }
}

function formatDay(locale: 'nl' | 'en', date: Date) {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}

/**
 * Due retention work (run daily): people inactive for `RETENTION_INACTIVE_DAYS` (default 730) get a
 * warning email; 30 days after it, if they are still inactive, their account is deleted. Any activity
 * after the warning (logging in sets `lastLoginAt`) cancels it. Administrators are never deleted.
 *
 * People who signed up for courses without an account are anonymised, without a warning, once they
 * have been inactive that long (`guestsDue`). A warning could not be acted on: its way to keep the
 * data is logging in, and they have no account. It would be about courses that ended two years
 * before, and would carry their name to an address that may no longer be theirs. The privacy
 * statement tells them at sign-up. As with a deleted account, their registrations stay as anonymous
 * rows that reports count. Safe to run again: anonymised rows are not picked again, and each address
 * is checked again inside its own transaction (docs/decisions/010).
 */
export async function runRetentionWork(db: Db, options: { inactiveDays?: number } = {}) {
  const inactiveDays = options.inactiveDays ?? getEnv().RETENTION_INACTIVE_DAYS;
  const t = now();
  const cutoff = new Date(t.getTime() - inactiveDays * DAY);
  const inactive = sql`${lastActivity} < ${cutoff.toISOString()}::timestamptz`;
  let warned = 0;
  let deleted = 0;
  let cancelled = 0;

  // Active again since the warning: the warning lapses.
  const revived = await db
    .update(users)
    .set({ retentionWarnedAt: null })
    .where(and(isNotNull(users.retentionWarnedAt), sql`${lastActivity} > ${users.retentionWarnedAt}`))
    .returning({ id: users.id });
  cancelled = revived.length;

  const toWarn = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(isNull(users.retentionWarnedAt), eq(users.isAdmin, false), inactive))
    .limit(500);
  for (const person of toWarn) {
    await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(users)
        .set({ retentionWarnedAt: t })
        .where(and(eq(users.id, person.id), isNull(users.retentionWarnedAt)))
        .returning({ id: users.id });
      if (!claimed) return;
      await enqueueEmail(tx, {
        template: 'retention-warning',
        to: person.email,
        userId: person.id,
        props: {
          locale: person.locale,
          name: person.name,
          deleteOn: formatDay(person.locale, new Date(t.getTime() + RETENTION_GRACE_DAYS * DAY)),
          loginUrl: appLink('/inloggen'),
          privacyUrl: appLink('/privacy'),
        },
      });
      warned++;
    });
  }

  const graceStart = new Date(t.getTime() - RETENTION_GRACE_DAYS * DAY);
  const toDelete = await db
    .select({ id: users.id })
    .from(users)
    .where(and(isNotNull(users.retentionWarnedAt), lte(users.retentionWarnedAt, graceStart), eq(users.isAdmin, false), inactive))
    .limit(100);
  for (const person of toDelete) {
    if (await deleteAccount(db, person.id)) deleted++;
  }
  // The email log: reduced after a month, deleted after a year (privacy statement), in batches.
  const emailLog = await expireEmailLog(db);

  // People without an account: anonymised at once (see above), a bounded number of addresses a night.
  let registrationsAnonymised = 0;
  for (const { email } of await guestsDue(db, t, cutoff, { limit: GUEST_BATCH })) {
    registrationsAnonymised += await anonymiseGuest(db, email, t, cutoff);
  }
  return { warned, deleted, cancelled, registrationsAnonymised, emailLog };
}
