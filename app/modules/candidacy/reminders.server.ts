import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '~db/client.server';
import { routeReminders } from '~db/schema';
import { dutchToday } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink } from '../http.server';
import { loadMatch, type MatchContext } from '../mentoring/matches.server';
import { formatDate } from '../time';
import { mentorCopyOf, routeTemplate } from './route.server';

// Reminders that follow a match's candidacy route (issue 17, item 2): a step that is not ticked and
// is due in two weeks, and a nomination day that passed with "on the list" not ticked. They go to the
// mentee, and to the mentor in copy only when the mentee allowed it. Both are "reminders" mail
// (emails/route-reminder, category in email/categories.ts): the delivery skips people who switched
// reminders off, and every message carries the one-click unsubscribe.

/** A step is announced this many days before its suggested date. */
const STEP_NOTICE_DAYS = 14;
/** A passed nomination day is still announced this many days after it (not for elections long gone). */
const DEADLINE_NOTICE_DAYS = 14;

type Reminder = {
  kind: 'step-soon' | 'deadline-passed';
  subject: string;
  electionId: string;
  stepTitle: { nl: string; en: string };
  date: string;
  electionName: { nl: string; en: string };
};

/**
 * Claims the reminder (the unique row is the claim, in the same transaction as its emails), so a
 * reminder goes out once however often or concurrently the job runs.
 */
async function send(db: Db, matchId: string, reminder: Reminder) {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(routeReminders)
      .values({ matchId, electionId: reminder.electionId, kind: reminder.kind, subject: reminder.subject })
      .onConflictDoNothing()
      .returning();
    if (!claimed) return false;
    // A match that ended since the list was read keeps the claim and gets nothing: it has no route any more.
    const ctx = await loadMatch(tx, matchId);
    if (!ctx || ctx.match.status !== 'active') return false;
    const copy = await mentorCopyOf(tx, matchId);
    for (const who of copy ? (['mentee', 'mentor'] as const) : (['mentee'] as const)) await email(tx, ctx, who, reminder);
    return true;
  });
}

function email(tx: Db, ctx: MatchContext, who: 'mentee' | 'mentor', reminder: Reminder) {
  const person = who === 'mentee' ? ctx.mentee : ctx.mentor;
  const locale = person.locale;
  return enqueueEmail(tx, {
    template: 'route-reminder',
    to: person.email,
    userId: person.id,
    props: {
      locale,
      name: person.name,
      kind: reminder.kind,
      menteeName: who === 'mentor' ? ctx.mentee.name : null,
      stepTitle: reminder.stepTitle[locale],
      date: formatDate(locale, new Date(`${reminder.date}T12:00:00Z`)),
      electionName: reminder.electionName[locale],
      routeUrl: appLink(`/koppeling/${ctx.match.id}#route`),
    },
  });
}

type DueRow = {
  matchId: string;
  kind: Reminder['kind'];
  subject: string;
  electionId: string;
  titleNl: string;
  titleEn: string;
  date: string;
  nameNl: string;
  nameEn: string;
};

/**
 * The route reminders due on `today` and not sent yet, found in SQL: only matches with an unticked
 * step whose suggested date is within the notice window, or whose route's nomination day just passed
 * with "on the list" unticked. The steps are dated per network first (a few networks, a handful of
 * steps each), so the matches are reached through `matches_network_idx` for the networks with
 * something due, and no other active match is read. Every template must exist (ensureTemplates).
 *
 * "Ticked" and "sent" are looked up per candidate match by primary key (`match_route_progress`) and
 * by `route_reminders_once_key`: `offset 0` keeps each `not exists` a subquery run per row instead of
 * an anti-join the planner may choose to build from a scan of the whole table. Both tables only grow,
 * and their statistics lag behind (PGlite never analyses; PostgreSQL only after autovacuum): right
 * after a deadline's claims, a planner that still believed `route_reminders` empty compared every
 * candidate with every claim (16,000 × 16,000 rows: 72 s; bench:route, see bench/README.md).
 */
export function dueRemindersQuery(today: string, networkId?: string) {
  const inNetwork = networkId ? sql`and nr.network_id = ${networkId}` : sql``;
  return sql`
    with next_election as (
      select nr.network_id, e.id, e.list_deadline, e.name_nl, e.name_en
      from network_routes nr
      cross join lateral (
        select e.* from elections e
        where e.kind = nr.election_kind and e.list_deadline >= ${today}::date
        order by e.list_deadline limit 1
      ) e
      where true ${inNetwork}
    ),
    due_steps as (
      select s.id as step_id, s.network_id, s.title_nl, s.title_en, ne.id as election_id, ne.name_nl, ne.name_en,
             ne.list_deadline - s.days_before as suggested_on
      from next_election ne
      join network_route_steps s on s.network_id = ne.network_id
      where ne.list_deadline - s.days_before between ${today}::date and ${today}::date + ${STEP_NOTICE_DAYS}::int
    ),
    passed as (
      select nr.network_id, e.id as election_id, e.list_deadline, e.name_nl, e.name_en, first.id as step_id, first.title_nl, first.title_en
      from network_routes nr
      join elections e on e.kind = nr.election_kind
        and e.list_deadline < ${today}::date and e.list_deadline >= ${today}::date - ${DEADLINE_NOTICE_DAYS}::int
      cross join lateral (
        select s.id, s.title_nl, s.title_en from network_route_steps s
        where s.network_id = nr.network_id and s.on_list
        order by s.position, s.created_at limit 1
      ) first
      where true ${inNetwork}
    )
    select m.id as "matchId", 'step-soon' as kind, d.step_id::text as subject, d.election_id as "electionId",
           d.title_nl as "titleNl", d.title_en as "titleEn", d.suggested_on::text as date,
           d.name_nl as "nameNl", d.name_en as "nameEn"
    from due_steps d
    join matches m on m.network_id = d.network_id and m.status = 'active'
    where not exists (select 1 from match_route_progress p
                      where p.match_id = m.id and p.step_id = d.step_id and p.done_on is not null offset 0)
      and not exists (select 1 from route_reminders r
                      where r.match_id = m.id and r.election_id = d.election_id and r.kind = 'step-soon' and r.subject = d.step_id::text
                      offset 0)
    union all
    select m.id, 'deadline-passed', 'deadline', x.election_id, x.title_nl, x.title_en, x.list_deadline::text, x.name_nl, x.name_en
    from passed x
    join matches m on m.network_id = x.network_id and m.status = 'active'
      and m.accepted_at is not null and (m.accepted_at at time zone 'UTC')::date <= x.list_deadline
    where not exists (select 1 from match_route_progress p
                      where p.match_id = m.id and p.step_id = x.step_id and p.done_on is not null offset 0)
      and not exists (select 1 from route_reminders r
                      where r.match_id = m.id and r.election_id = x.election_id and r.kind = 'deadline-passed' and r.subject = 'deadline'
                      offset 0)
    order by 1, 2, 7
    `;
}

/** The reminders of dueRemindersQuery, ready to send. */
export async function dueRouteReminders(db: Db, today: string, networkId?: string): Promise<(Reminder & { matchId: string })[]> {
  const rows = rowsOf<DueRow>(await db.execute(dueRemindersQuery(today, networkId)));
  return rows.map((r) => ({
    matchId: r.matchId,
    kind: r.kind,
    subject: r.subject,
    electionId: r.electionId,
    stepTitle: { nl: r.titleNl, en: r.titleEn },
    date: r.date,
    electionName: { nl: r.nameNl, en: r.nameEn },
  }));
}

/**
 * Makes the default template of every network with an active match that has none yet (the first read
 * of a route does the same), so the reminders' query sees every route.
 */
async function ensureTemplates(db: Db, networkId?: string) {
  const missing = rowsOf<{ id: string }>(
    await db.execute(sql`
      select n.id from networks n
      where not exists (select 1 from network_routes nr where nr.network_id = n.id)
        and exists (select 1 from matches m where m.network_id = n.id and m.status = 'active')
        ${networkId ? sql`and n.id = ${networkId}` : sql``}
    `),
  );
  for (const { id } of missing) await routeTemplate(db, id);
}

/**
 * The route reminders due today for every active match (or those of one network). Safe to run as
 * often as you like: each reminder is claimed once.
 */
export async function runDueRouteWork(db: Db, options: { networkId?: string } = {}) {
  const today = dutchToday();
  await ensureTemplates(db, options.networkId);
  let stepsSoon = 0;
  let deadlines = 0;
  for (const { matchId, ...reminder } of await dueRouteReminders(db, today, options.networkId)) {
    if (!(await send(db, matchId, reminder))) continue;
    if (reminder.kind === 'step-soon') stepsSoon++;
    else deadlines++;
  }
  return { stepsSoon, deadlines };
}
