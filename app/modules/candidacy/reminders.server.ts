import { eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { matches, routeReminders } from '~db/schema';
import { dutchToday } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink } from '../http.server';
import { loadMatch, type MatchContext } from '../mentoring/matches.server';
import { formatDate } from '../time';
import { addDays } from './dates';
import { electionCalendar, mentorCopyOf, routeOfMatch } from './route.server';

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

/** The route reminders due today for every active match. Safe to run as often as you like. */
export async function runDueRouteWork(db: Db) {
  const today = dutchToday();
  const active = await db
    .select({ id: matches.id, networkId: matches.networkId, acceptedAt: matches.acceptedAt })
    .from(matches)
    .where(eq(matches.status, 'active'));
  const calendar = await electionCalendar(db);
  const recent = calendar.filter((e) => e.listDeadline < today && today <= addDays(e.listDeadline, DEADLINE_NOTICE_DAYS));
  let stepsSoon = 0;
  let deadlines = 0;
  for (const match of active) {
    const route = await routeOfMatch(db, match, today);
    if (route.election) {
      const e = route.election;
      for (const step of route.steps) {
        if (step.doneOn || !step.suggestedOn) continue;
        if (today < addDays(step.suggestedOn, -STEP_NOTICE_DAYS) || today > step.suggestedOn) continue;
        const sent = await send(db, match.id, {
          kind: 'step-soon',
          subject: step.id,
          electionId: e.id,
          stepTitle: { nl: step.titleNl, en: step.titleEn },
          date: step.suggestedOn,
          electionName: { nl: e.nameNl, en: e.nameEn },
        });
        if (sent) stepsSoon++;
      }
    }
    // A nomination day of the route's kind that just passed, in a match that was already running then.
    const onList = route.steps.find((s) => s.onList);
    if (!onList || onList.doneOn) continue;
    for (const e of recent.filter((x) => x.kind === route.electionKind)) {
      if (!match.acceptedAt || match.acceptedAt.toISOString().slice(0, 10) > e.listDeadline) continue;
      const sent = await send(db, match.id, {
        kind: 'deadline-passed',
        subject: 'deadline',
        electionId: e.id,
        stepTitle: { nl: onList.titleNl, en: onList.titleEn },
        date: e.listDeadline,
        electionName: { nl: e.nameNl, en: e.nameEn },
      });
      if (sent) deadlines++;
    }
  }
  return { stepsSoon, deadlines };
}
