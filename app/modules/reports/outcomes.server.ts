import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { candidacyOutcomes, elections, users } from '~db/schema';
import { getEnv } from '~/env.server';
import { now, DAY, dutchToday } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { sealLinkToken, openLinkToken } from '../security/link-keys.server';

// The last two steps of the funnel come from the people themselves: after an election's list deadline
// we ask "were you on a candidate list?", after its election day "were you elected?". One email per
// person, election and question, only to people with an account who took part (a course registration
// or a mentor application) and who did not switch outcome questions off.

export type OutcomeQuestion = 'list' | 'elected';

/** How long after the deadline / election day we still ask (not years later, when the platform starts late). */
const ASK_LIST_UNTIL_DAYS_AFTER_ELECTION = 14;
const ASK_ELECTED_UNTIL_DAYS_AFTER_ELECTION = 120;

// ---------------------------------------------------------------------------------------------
// One-click links: person, election and question sealed with the outcome-links key (no user id in
// clear: anyone who knew one could answer for that person). No table holds them; the answer is a
// separate parameter, so the same link can be used again to change it (GET only shows, POST records).
// Links in the older format (the user id in clear, signed with LINK_SECRET or a public development
// value) are not honoured: the email also links to /account/kandidaat, where people answer logged in.

export function outcomeToken(userId: string, electionId: string, question: OutcomeQuestion) {
  return sealLinkToken('outcome-links', `${userId}:${electionId}:${question}`);
}

export type OutcomeLink = { userId: string; electionId: string; question: OutcomeQuestion };

/** The person, election and question of a link, or null for anything forged or damaged. */
export function readOutcomeToken(token: string | undefined): OutcomeLink | null {
  const payload = openLinkToken('outcome-links', token);
  if (!payload) return null;
  const [userId, electionId, question, extra] = payload.split(':');
  if (!userId || !electionId || (question !== 'list' && question !== 'elected') || extra !== undefined) return null;
  return { userId, electionId, question };
}

const outcomeUrl = (token: string, answer: 'ja' | 'nee') => `${getEnv().appUrl}/uitslag/${token}?antwoord=${answer}`;

// ---------------------------------------------------------------------------------------------

function addDays(day: string, days: number) {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() + days * DAY).toISOString().slice(0, 10);
}

/**
 * People to ask one question about one election: an account, took part before election day
 * (registration not cancelled, or an application), outcome emails on (no preference row = on), and
 * not asked or answered yet. For "elected", nobody who told us they were not on a list.
 */
async function peopleToAsk(db: Db, election: typeof elections.$inferSelect, question: OutcomeQuestion) {
  const before = `${election.electionDate}T00:00:00+01:00`;
  // Spelled out with aliases: drizzle leaves columns unqualified in a one-table select.
  const tookPart = sql`(
    exists (select 1 from registrations r where (r.user_id = "users"."id" or r.email = "users"."email") and r.status <> 'cancelled' and r.created_at < ${before}::timestamptz)
    or exists (select 1 from mentee_applications a where a.user_id = "users"."id" and a.created_at < ${before}::timestamptz)
  )`;
  const wantsThem = sql`not exists (select 1 from email_preferences p where (p.email = "users"."email" or p.user_id = "users"."id") and p.outcomes = false)`;
  const open =
    question === 'list'
      ? sql`not exists (select 1 from candidacy_outcomes c where c.user_id = "users"."id" and c.election_id = ${election.id} and (c.list_asked_at is not null or c.on_list is not null or c.elected is not null))`
      : sql`not exists (select 1 from candidacy_outcomes c where c.user_id = "users"."id" and c.election_id = ${election.id} and (c.elected_asked_at is not null or c.elected is not null or c.on_list = false))`;
  return db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(tookPart, wantsThem, open));
}

/** Marks the question asked (only if nobody did yet) and enqueues the email, in one transaction. */
async function ask(
  db: Db,
  person: { id: string; email: string; name: string; locale: 'nl' | 'en' },
  election: typeof elections.$inferSelect,
  question: OutcomeQuestion,
) {
  return db.transaction(async (tx) => {
    const t = now();
    const column = question === 'list' ? candidacyOutcomes.listAskedAt : candidacyOutcomes.electedAskedAt;
    await tx.insert(candidacyOutcomes).values({ userId: person.id, electionId: election.id }).onConflictDoNothing();
    const [claimed] = await tx
      .update(candidacyOutcomes)
      .set(question === 'list' ? { listAskedAt: t } : { electedAskedAt: t })
      .where(and(eq(candidacyOutcomes.userId, person.id), eq(candidacyOutcomes.electionId, election.id), isNull(column)))
      .returning();
    if (!claimed) return false;
    const token = outcomeToken(person.id, election.id, question);
    await enqueueEmail(tx, {
      template: 'outcome-question',
      to: person.email,
      userId: person.id,
      props: {
        locale: person.locale,
        name: person.name,
        question,
        electionName: person.locale === 'en' ? election.nameEn : election.nameNl,
        yesUrl: outcomeUrl(token, 'ja'),
        noUrl: outcomeUrl(token, 'nee'),
        accountUrl: `${getEnv().appUrl}/account/kandidaat`,
        preferencesUrl: `${getEnv().appUrl}/account/e-mail`,
      },
    });
    return true;
  });
}

/**
 * The outcome questions that are due now: after each election's list deadline, and after its election
 * day. Safe to run as often as you like (a cron queue runs it daily; tests call it after moving the clock).
 */
export async function runOutcomeWork(db: Db) {
  const today = dutchToday();
  const calendar = await db.select().from(elections).orderBy(asc(elections.electionDate));
  let list = 0;
  let elected = 0;
  for (const election of calendar) {
    if (today > election.listDeadline && today <= addDays(election.electionDate, ASK_LIST_UNTIL_DAYS_AFTER_ELECTION)) {
      for (const person of await peopleToAsk(db, election, 'list')) if (await ask(db, person, election, 'list')) list++;
    }
    if (today > election.electionDate && today <= addDays(election.electionDate, ASK_ELECTED_UNTIL_DAYS_AFTER_ELECTION)) {
      for (const person of await peopleToAsk(db, election, 'elected')) if (await ask(db, person, election, 'elected')) elected++;
    }
  }
  return { list, elected };
}

// ---------------------------------------------------------------------------------------------
// Answers

/** Records one answer. Being elected implies having been on a list. */
export async function recordOutcome(db: Db, userId: string, electionId: string, question: OutcomeQuestion, answer: boolean) {
  const t = now();
  const set =
    question === 'list'
      ? { onList: answer, answeredAt: t }
      : answer
        ? { elected: true, onList: true, answeredAt: t }
        : { elected: false, answeredAt: t };
  await db
    .insert(candidacyOutcomes)
    .values({ userId, electionId, ...set })
    .onConflictDoUpdate({ target: [candidacyOutcomes.userId, candidacyOutcomes.electionId], set });
}

/** Saves both answers for one election from the account page (null: no answer / rather not say). */
export async function saveOutcomes(
  db: Db,
  userId: string,
  electionId: string,
  answers: { onList: boolean | null; elected: boolean | null },
) {
  const t = now();
  const onList = answers.elected === true ? true : answers.onList;
  const set = { onList, elected: answers.elected, answeredAt: t };
  await db
    .insert(candidacyOutcomes)
    .values({ userId, electionId, ...set })
    .onConflictDoUpdate({ target: [candidacyOutcomes.userId, candidacyOutcomes.electionId], set });
}

/** Every election in the calendar with this person's answers. */
export async function outcomesOf(db: Db, userId: string) {
  return db
    .select({
      id: elections.id,
      nameNl: elections.nameNl,
      nameEn: elections.nameEn,
      listDeadline: elections.listDeadline,
      electionDate: elections.electionDate,
      onList: candidacyOutcomes.onList,
      elected: candidacyOutcomes.elected,
    })
    .from(elections)
    .leftJoin(candidacyOutcomes, and(eq(candidacyOutcomes.electionId, elections.id), eq(candidacyOutcomes.userId, userId)))
    .orderBy(asc(elections.electionDate));
}

/** One election by id (for validating a form), or undefined. */
export async function findElection(db: Db, id: string) {
  const [row] = await db.select().from(elections).where(eq(elections.id, id));
  return row;
}

/** The election and person of an outcome link, when the token is sound and both still exist. */
export async function readOutcomeLink(db: Db, token: string | undefined) {
  const link = readOutcomeToken(token);
  if (!link) return null;
  const [election, [user]] = await Promise.all([
    findElection(db, link.electionId),
    db.select({ id: users.id }).from(users).where(eq(users.id, link.userId)),
  ]);
  if (!election || !user) return null;
  return { link, election };
}
