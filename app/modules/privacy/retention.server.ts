import { and, eq, isNotNull, isNull, lt, lte, notInArray, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { emailMessages, users } from '~db/schema';
import { getEnv } from '~/env.server';
import { DAY, now } from '../clock.server';
import { appLink } from '../courses/context.server';
import { enqueueEmail } from '../email/outbox.server';
import { deleteAccount } from './deletion.server';

/** Days between the warning email and the deletion. */
export const RETENTION_GRACE_DAYS = 30;
/** Days the email log is kept. */
export const EMAIL_LOG_DAYS = 365;

/**
 * The last moment a person was active: their last login, the account's creation, the end of the
 * last session of a course they were on (not cancelled), or the last moment of a match of theirs
 * (accepted, last check-in, ended). SQL over `users` so that it can filter many people at once.
 */
const lastActivity = sql<string>`greatest(
  ${users.createdAt},
  ${users.lastLoginAt},
  (select max(s.ends_at) from registrations r join course_sessions s on s.course_id = r.course_id
     where (r.user_id = ${users.id} or r.email = ${users.email}) and r.status <> 'cancelled'),
  (select max(greatest(m.accepted_at, m.last_check_in_at, m.ended_at, m.responded_at, m.proposed_at)) from matches m
     join mentee_applications a on a.id = m.application_id where a.user_id = ${users.id}),
  (select max(greatest(m.accepted_at, m.last_check_in_at, m.ended_at, m.responded_at, m.proposed_at)) from matches m
     join mentor_profiles p on p.id = m.mentor_profile_id where p.user_id = ${users.id})
)`;

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
  // The email log is kept for a year (privacy statement); mail still waiting to go out stays.
  const logCutoff = new Date(t.getTime() - EMAIL_LOG_DAYS * DAY);
  await db
    .delete(emailMessages)
    .where(and(lt(emailMessages.createdAt, logCutoff), notInArray(emailMessages.status, ['queued', 'sending'])));
  return { warned, deleted, cancelled };
}
