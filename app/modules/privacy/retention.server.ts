import { and, eq, inArray, isNotNull, isNull, lte, sql, TransactionRollbackError } from 'drizzle-orm';
import { rowsOf, type Db } from '~db/client.server';
import { invitations } from '~db/schema/invitations';
import { courseSessions, courses, registrations } from '~db/schema/courses';
import { users } from '~db/schema/accounts';
import { getEnv } from '~/env.server';
import { DAY, now } from '../clock.server';
import { appLink } from '~/modules/http.server';
import { enqueueEmails } from '../email/outbox.server';
import { anonymiseRegistrations, deleteAccounts, eraseAddresses } from './deletion.server';
import { expireEmailLog, type EmailLogResult } from './email-log.server';
import { formatDate } from '../time';

/** Days between the warning email and the deletion. */
const RETENTION_GRACE_DAYS = 30;
/** Most addresses without an account anonymised per run (the rest follow the next night). */
const GUEST_BATCH = 500;
/** Accounts handled per batch: one statement (warnings, lapsed warnings) or one transaction (deletions) each. */
export const RETENTION_BATCH = 200;
/** A run stops starting new batches after this long; what is left is due again the next run. */
const RETENTION_MAX_MS = 5 * 60_000;

export type RetentionOptions = {
  inactiveDays?: number;
  batchSize?: number;
  maxMs?: number;
  /** Told the time each step took and how many it handled (bench:deletion prints them). */
  onStep?: (step: string, ms: number, count: number) => void;
};
export type RetentionResult = {
  warned: number;
  deleted: number;
  cancelled: number;
  registrationsAnonymised: number;
  emailLog: EmailLogResult;
  /** False when the deadline stopped the run before everything due was done. */
  done: boolean;
};

/**
 * The last moment a person was active: their last login, the account's creation, a registration of
 * theirs made or changed (by the account or under its address), the end of the last session of a
 * course they were on (not cancelled), or the last moment of a match of theirs (accepted, last
 * check-in, ended). Registrations count the same way for people without an account (`guestsDue`).
 *
 * Two forms of the same rule. `lastActivity` is per person (correlated subqueries): cheap for a few
 * accounts by id, far too slow over every account (one nightly run took 206 s at national scale).
 * `activityTable` is the same rule set-based: one grouped pass over each source table, joined to
 * `users`, for finding who is due among all accounts.
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

// A registration's own moments, and the end of its course's last session when it is not cancelled.
const registrationActivity = sql.raw(`max(greatest(r.created_at, r.updated_at)) as changed,
    max(ce.ends_at) filter (where r.status <> 'cancelled') as ended`);
const matchMoment = sql.raw(`max(greatest(m.accepted_at, m.last_check_in_at, m.ended_at, m.responded_at, m.proposed_at))`);

/** `(id, last_activity)` for every account (`greatest` skips the nulls of people with no such rows). */
const activityTable = sql`(
  with course_end as (select course_id, max(ends_at) as ends_at from course_sessions group by course_id)
  select u.id, greatest(u.created_at, u.last_login_at, by_id.changed, by_id.ended, by_email.changed, by_email.ended,
                        as_mentee.at, as_mentor.at) as last_activity
  from users u
  left join (select r.user_id, ${registrationActivity} from registrations r
             left join course_end ce on ce.course_id = r.course_id
             where r.user_id is not null group by r.user_id) by_id on by_id.user_id = u.id
  left join (select r.email, ${registrationActivity} from registrations r
             left join course_end ce on ce.course_id = r.course_id
             where r.email in (select email from users) group by r.email) by_email on by_email.email = u.email
  left join (select a.user_id, ${matchMoment} as at from matches m join mentee_applications a on a.id = m.application_id
             where a.user_id is not null group by a.user_id) as_mentee on as_mentee.user_id = u.id
  left join (select p.user_id, ${matchMoment} as at from matches m join mentor_profiles p on p.id = m.mentor_profile_id
             where p.user_id is not null group by p.user_id) as_mentor on as_mentor.user_id = u.id
)`;

const lastSessionOfCourse = sql`(select max(${courseSessions.endsAt}) from ${courseSessions} where ${courseSessions.courseId} = ${registrations.courseId})`;

/** An invitation of the address that can still be accepted: its owner is being asked to come back. */
const openInvitation = (at: Date) => {
  const atParam = sql`${at.toISOString()}::timestamptz`;
  return sql`exists (select 1 from ${invitations} where ${invitations.email} = ${registrations.email}
      and ${invitations.acceptedAt} is null and ${invitations.expiresAt} > ${atParam})`;
};

/**
 * Addresses of people without an account that are due for anonymising: addresses with registrations
 * not linked to an account (and not anonymised yet), no account with that address (an account's
 * retention covers the registrations under its address), every course they signed up for ended or
 * cancelled, and their last activity before `cutoff`. Their activity is the latest moment a
 * registration of theirs was made or changed, and the end of the last session of each course they
 * are (not cancelled) on. An address with an open invitation waits until it expires.
 */
function guestsDue(db: Db, at: Date, cutoff: Date, options: { emails?: string[]; limit: number }) {
  const atParam = sql`${at.toISOString()}::timestamptz`;
  return db
    .select({ email: registrations.email })
    .from(registrations)
    .innerJoin(courses, eq(courses.id, registrations.courseId))
    .where(
      and(
        isNull(registrations.userId),
        isNull(registrations.anonymisedAt),
        options.emails === undefined ? undefined : inArray(registrations.email, options.emails),
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
 * Anonymises those of `emails` (addresses without an account) that are still due, in one
 * transaction with one statement per kind of row for all of them: their registrations as account
 * deletion does (reports keep counting them), and what else is kept under the address (emails,
 * preferences, suppression, invitations, rate-limit counters). People without an account have no
 * consents, audit events or candidacy answers: those are kept per account. Returns the number of
 * registrations anonymised, or 'raced' when a sign-up or an account for one of the addresses
 * committed while this ran (its emails would be gone with the rest): then nothing is changed.
 */
async function anonymiseGuestsAtOnce(db: Db, emails: string[], at: Date, cutoff: Date): Promise<number | 'raced'> {
  try {
    return await db.transaction(async (tx) => {
      const due = (await guestsDue(tx, at, cutoff, { emails, limit: emails.length })).map((d) => d.email);
      if (!due.length) return 0;
      const live = and(inArray(registrations.email, due), isNull(registrations.anonymisedAt));
      const before = await tx
        .select({ id: registrations.id, userId: registrations.userId, name: registrations.name, email: registrations.email })
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
      await eraseAddresses(
        tx,
        due.map((email) => ({ email, names: theirs.filter((r) => r.email === email).map((r) => r.name) })),
        at,
      );
      const known = new Set(before.map((r) => r.id));
      const after = await tx.select({ id: registrations.id }).from(registrations).where(live);
      const accounts = await tx.select({ id: users.id }).from(users).where(inArray(users.email, due));
      if (accounts.length || after.some((r) => !known.has(r.id))) tx.rollback();
      return ids.length;
    });
  } catch (error) {
    if (error instanceof TransactionRollbackError) return 'raced';
    throw error;
  }
}

/** Addresses without an account anonymised per transaction (`anonymiseGuests`). */
const GUEST_CHUNK = 100;

/**
 * Anonymises the addresses still due, all in one transaction. When a sign-up or an account for one
 * of them committed meanwhile, the addresses go one by one instead, and the one that became active is
 * left to the next run (which finds it active). Returns the registrations anonymised.
 */
async function anonymiseGuests(db: Db, emails: string[], at: Date, cutoff: Date): Promise<number> {
  const together = await anonymiseGuestsAtOnce(db, emails, at, cutoff);
  if (together !== 'raced') return together;
  let anonymised = 0;
  if (emails.length > 1) {
    for (const email of emails) {
      const alone = await anonymiseGuestsAtOnce(db, [email], at, cutoff);
      if (alone !== 'raced') anonymised += alone;
    }
  }
  return anonymised;
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
 *
 * At national scale the run works in batches of `batchSize` accounts, each a short statement or
 * transaction beside the web processes, and starts no new batch after `maxMs` (the first of each
 * kind always runs, so every run makes progress); it returns
 * `done: false` then, and the next run goes on where this one stopped (the work left is still due).
 */
export async function runRetentionWork(db: Db, options: RetentionOptions = {}): Promise<RetentionResult> {
  const inactiveDays = options.inactiveDays ?? getEnv().RETENTION_INACTIVE_DAYS;
  const batchSize = options.batchSize ?? RETENTION_BATCH;
  const deadline = Date.now() + (options.maxMs ?? RETENTION_MAX_MS);
  const t = now();
  const cutoff = new Date(t.getTime() - inactiveDays * DAY);
  const graceStart = new Date(t.getTime() - RETENTION_GRACE_DAYS * DAY);
  const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const inactive = sql`${lastActivity} < ${ts(cutoff)}`;
  let warned = 0;
  let deleted = 0;
  let cancelled = 0;
  let done = true;
  let stepStart = Date.now();
  const step = (name: string, count: number) => {
    options.onStep?.(name, Date.now() - stepStart, count);
    stepStart = Date.now();
  };

  // Who is due, in one set-based pass over every account. Each batch below checks its people again
  // with the per-person rule, inside its own statement or transaction: someone who logs in while the
  // run goes on is not warned or deleted on the strength of this list.
  const due = rowsOf<{ id: string; kind: 'revived' | 'warn' | 'delete' }>(
    await db.execute(sql`
      select id, kind from (
        select u.id, case
          when u.retention_warned_at is not null and a.last_activity > u.retention_warned_at then 'revived'
          when u.is_admin or a.last_activity >= ${ts(cutoff)} then null
          when u.retention_warned_at is null then 'warn'
          when u.retention_warned_at <= ${ts(graceStart)} then 'delete'
        end as kind
        from users u join ${activityTable} a on a.id = u.id
      ) d where kind is not null order by id`),
  );
  step('who is due (one pass over every account)', due.length);
  const batchesOf = (kind: string) => {
    const ids = due.filter((d) => d.kind === kind).map((d) => d.id);
    return Array.from({ length: Math.ceil(ids.length / batchSize) }, (_, i) => ids.slice(i * batchSize, (i + 1) * batchSize));
  };

  // Active again since the warning: the warning lapses (one statement a batch).
  for (const ids of batchesOf('revived')) {
    const revived = await db
      .update(users)
      .set({ retentionWarnedAt: null })
      .where(and(inArray(users.id, ids), isNotNull(users.retentionWarnedAt), sql`${lastActivity} > ${users.retentionWarnedAt}`))
      .returning({ id: users.id });
    cancelled += revived.length;
  }
  step('lapsed warnings', cancelled);

  // Warnings: a batch is claimed and its emails queued in one short transaction.
  for (const [i, ids] of batchesOf('warn').entries()) {
    // The first batch of each kind always runs, so that every run makes progress.
    if (i > 0 && Date.now() >= deadline) {
      done = false;
      break;
    }
    warned += await db.transaction(async (tx) => {
      const claimed = await tx
        .update(users)
        .set({ retentionWarnedAt: t })
        .where(and(inArray(users.id, ids), isNull(users.retentionWarnedAt), eq(users.isAdmin, false), inactive))
        .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale });
      // All the batch's warnings in two statements (the rows, their jobs).
      await enqueueEmails(
        tx,
        claimed.map((person) => ({
          template: 'retention-warning' as const,
          to: person.email,
          userId: person.id,
          props: {
            locale: person.locale,
            name: person.name,
            deleteOn: formatDate(person.locale, new Date(t.getTime() + RETENTION_GRACE_DAYS * DAY)),
            loginUrl: appLink('/inloggen'),
            privacyUrl: appLink('/privacy'),
          },
        })),
      );
      return claimed.length;
    });
  }
  step('warnings', warned);

  // Deletions: a batch in one transaction (deleteAccounts: a statement per kind of row for the whole
  // batch), its people checked again as they are locked; an account held by another transaction at
  // that moment (someone logging in) is skipped and left to the next run. What the deadline leaves is
  // still due tomorrow, and the next run picks it up.
  for (const [i, ids] of batchesOf('delete').entries()) {
    if (i > 0 && Date.now() >= deadline) {
      done = false;
      break;
    }
    const batch = await deleteAccounts(db, ids, {
      skipLocked: true,
      where: and(isNotNull(users.retentionWarnedAt), lte(users.retentionWarnedAt, graceStart), eq(users.isAdmin, false), inactive),
    });
    deleted += batch.deleted.length;
  }
  step('deletions', deleted);

  // The email log: reduced after a month, deleted after a year (privacy statement), in batches.
  const emailLog = await expireEmailLog(db, { maxMs: Math.max(0, deadline - Date.now()) });
  if (!emailLog.done) done = false;
  step('email log', emailLog.reduced + emailLog.deleted);

  // People without an account: anonymised at once (see above), a bounded number of addresses a night.
  let registrationsAnonymised = 0;
  const guests = (await guestsDue(db, t, cutoff, { limit: GUEST_BATCH })).map((g) => g.email);
  for (let i = 0; i < guests.length; i += GUEST_CHUNK) {
    if (i > 0 && Date.now() >= deadline) {
      done = false;
      break;
    }
    registrationsAnonymised += await anonymiseGuests(db, guests.slice(i, i + GUEST_CHUNK), t, cutoff);
  }
  step('people without an account', registrationsAnonymised);
  return { warned, deleted, cancelled, registrationsAnonymised, emailLog, done };
}
