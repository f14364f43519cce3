import { and, eq, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { matches, meetings, menteeApplications, networks } from '~db/schema';
import { DAY, now, dutchToday } from '../clock.server';
import { enqueueEmail } from '../email/outbox.server';
import { formatDate } from '../time';
import { appLink } from '../http.server';
import { coordinatorsOf, loadMatch, type FeedbackMoment, type MatchContext } from './matches.server';
import { firstName } from '../text';
import { askCheckInsAfterMeetings } from './meetings.server';

/** An active match without a check-in for this long gets one nudge (per quiet period). */
export const QUIET_AFTER_DAYS = 42;
/** The first feedback email goes this long after the mentor accepted. */
const FIRST_FEEDBACK_AFTER_DAYS = 28;

const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const daysBefore = (t: Date, days: SQL | number) => sql`${ts(t)} - make_interval(days => ${days})`;

/**
 * Ids of matches whose condition holds now. Every step below re-checks the same condition in the
 * update that claims the match, so two runs at once (or one run repeated) send each email once.
 */
async function dueIds(db: Db, condition: SQL | undefined) {
  const rows = await db.select({ id: matches.id }).from(matches).innerJoin(networks, eq(networks.id, matches.networkId)).where(condition);
  return rows.map((r) => r.id);
}

/** Claims one match (sets a "sent" column when its condition still holds) and sends its emails, in one transaction. */
async function claimEach(
  db: Db,
  condition: SQL | undefined,
  claim: Partial<typeof matches.$inferInsert>,
  send: (tx: Db, ctx: MatchContext) => Promise<void>,
) {
  let count = 0;
  for (const id of await dueIds(db, condition)) {
    await db.transaction(async (tx) => {
      const inNetwork = sql`${matches.networkId} in (select ${networks.id} from ${networks} where ${condition})`;
      const [claimed] = await tx
        .update(matches)
        .set({ ...claim, updatedAt: now() })
        .where(and(eq(matches.id, id), inNetwork))
        .returning({ id: matches.id });
      if (!claimed) return;
      const ctx = await loadMatch(tx, id);
      if (!ctx) return;
      await send(tx, ctx);
      count++;
    });
  }
  return count;
}

const proposedFor = (t: Date, days: SQL) => and(eq(matches.status, 'proposed'), lte(matches.proposedAt, daysBefore(t, days)));

const expiresOn = (ctx: MatchContext, locale: 'nl' | 'en') =>
  formatDate(locale, new Date(ctx.match.proposedAt!.getTime() + ctx.network.proposalExpiryDays * DAY));

/** The mentor of a proposal, as an email's recipient. */
const toMentorAbout = (ctx: MatchContext) => ({ to: ctx.mentor.email, userId: ctx.mentor.id });

/** What every email to a mentor about a proposal names: in their language, the mentee's first name only. */
const mentorProposalProps = (ctx: MatchContext) => ({
  locale: ctx.mentor.locale,
  name: ctx.mentor.name,
  menteeFirstName: firstName(ctx.mentee.name),
  networkName: ctx.network.name,
});

/**
 * Proposals nobody answered in time: expired, the mentee waits for the next run again, and the
 * mentor hears that the proposal lapsed (once: the claim only takes a proposal still `proposed`).
 */
async function expireProposals(db: Db) {
  const t = now();
  return claimEach(db, proposedFor(t, sql`${networks.proposalExpiryDays}`), { status: 'expired' }, async (tx, ctx) => {
    await tx
      .update(menteeApplications)
      .set({ status: 'waiting', updatedAt: t })
      .where(and(eq(menteeApplications.id, ctx.application.id), eq(menteeApplications.status, 'proposed')));
    await enqueueEmail(tx, {
      template: 'match-expired',
      ...toMentorAbout(ctx),
      props: { ...mentorProposalProps(ctx), mentorUrl: appLink('/mentor') },
    });
  });
}

/** Day `proposalReminderDays`: one reminder to the mentor. */
async function sendProposalReminders(db: Db) {
  const t = now();
  return claimEach(
    db,
    and(proposedFor(t, sql`${networks.proposalReminderDays}`), isNull(matches.reminderSentAt)),
    { reminderSentAt: t },
    async (tx, ctx) => {
      await enqueueEmail(tx, {
        template: 'match-reminder',
        ...toMentorAbout(ctx),
        props: {
          ...mentorProposalProps(ctx),
          proposalUrl: appLink(`/mentor/voorstellen/${ctx.match.id}`),
          expiresOn: expiresOn(ctx, ctx.mentor.locale),
        },
      });
    },
  );
}

/** Day `proposalAlertDays`: the coordinators of the network's organisation hear that a proposal waits. */
async function sendProposalAlerts(db: Db) {
  const t = now();
  return claimEach(
    db,
    and(proposedFor(t, sql`${networks.proposalAlertDays}`), isNull(matches.alertSentAt)),
    { alertSentAt: t },
    async (tx, ctx) => {
      const days = Math.floor((t.getTime() - ctx.match.proposedAt!.getTime()) / DAY);
      for (const coordinator of await coordinatorsOf(tx, ctx.network.organisationId)) {
        await enqueueEmail(tx, {
          template: 'match-alert',
          to: coordinator.email,
          userId: coordinator.id,
          props: {
            locale: coordinator.locale,
            name: coordinator.name,
            networkName: ctx.network.name,
            mentorName: ctx.mentor.name,
            menteeFirstName: firstName(ctx.mentee.name),
            daysWaiting: days,
            expiresOn: expiresOn(ctx, coordinator.locale),
            matchesUrl: appLink(`/beheer/netwerken/${ctx.network.id}/koppelingen`),
          },
        });
      }
    },
  );
}

async function toBoth(email: (who: 'mentor' | 'mentee') => Promise<void>) {
  await email('mentor');
  await email('mentee');
}

/**
 * Active matches quiet for six weeks: one nudge to both, again only after a later check-in went quiet.
 * A meeting counts as activity too: proposing or answering one (its last change), and an accepted
 * meeting from its start on (a meeting planned for later keeps the match from being quiet until then).
 */
async function sendQuietNudges(db: Db) {
  const t = now();
  const lastMeeting = sql`(select max(greatest(${meetings.updatedAt}, case when ${meetings.status} = 'accepted' then ${meetings.startsAt} end)) from ${meetings} where ${meetings.matchId} = ${matches.id} and ${meetings.status} in ('proposed', 'accepted'))`;
  const quietSince = sql`greatest(coalesce(${matches.lastCheckInAt}, ${matches.acceptedAt}), ${lastMeeting})`;
  return claimEach(
    db,
    and(
      eq(matches.status, 'active'),
      sql`${quietSince} <= ${daysBefore(t, QUIET_AFTER_DAYS)}`,
      or(isNull(matches.nudgeSentAt), sql`${matches.nudgeSentAt} < ${quietSince}`),
    ),
    { nudgeSentAt: t },
    (tx, ctx) =>
      toBoth(async (who) => {
        const person = who === 'mentor' ? ctx.mentor : ctx.mentee;
        const other = who === 'mentor' ? ctx.mentee : ctx.mentor;
        await enqueueEmail(tx, {
          template: 'match-nudge',
          to: person.email,
          userId: person.id,
          props: {
            locale: person.locale,
            name: person.name,
            otherName: other.name,
            weeks: QUIET_AFTER_DAYS / 7,
            matchUrl: appLink(`/koppeling/${ctx.match.id}`),
          },
        });
      }),
  );
}

function feedbackEmails(tx: Db, ctx: MatchContext, moment: FeedbackMoment) {
  return toBoth(async (who) => {
    const person = who === 'mentor' ? ctx.mentor : ctx.mentee;
    const other = who === 'mentor' ? ctx.mentee : ctx.mentor;
    await enqueueEmail(tx, {
      template: 'match-feedback-request',
      to: person.email,
      userId: person.id,
      props: {
        locale: person.locale,
        name: person.name,
        otherName: other.name,
        moment,
        networkName: ctx.network.name,
        feedbackUrl: appLink(`/koppeling/${ctx.match.id}/feedback?moment=${moment}`),
      },
    });
  });
}

/** Four weeks after the mentor accepted: how is it going? (1–5 and a few words). */
async function sendFourWeekFeedback(db: Db) {
  const t = now();
  return claimEach(
    db,
    and(
      eq(matches.status, 'active'),
      lte(matches.acceptedAt, daysBefore(t, FIRST_FEEDBACK_AFTER_DAYS)),
      isNull(matches.fourWeekMailSentAt),
    ),
    { fourWeekMailSentAt: t },
    (tx, ctx) => feedbackEmails(tx, ctx, 'four-weeks'),
  );
}

/**
 * On the last day of the network's programme period: how was it? The match is then completed (the
 * feedback form stays open to both; reports count it as completed).
 */
async function sendPeriodEndFeedback(db: Db) {
  const t = now();
  return claimEach(
    db,
    and(eq(matches.status, 'active'), sql`${networks.periodEnd} <= ${dutchToday(t)}::date`, isNull(matches.endMailSentAt)),
    { endMailSentAt: t, status: 'completed', endedAt: t, endedBy: 'system' },
    (tx, ctx) => feedbackEmails(tx, ctx, 'end'),
  );
}

/**
 * Everything time-driven about matches that is due now; the scheduler runs it every minute. Each
 * step does what is due at this moment and marks what it sent, so a late or repeated run does no harm.
 * Expiry goes first: a proposal past its last day gets no reminder any more.
 */
export async function runDueMentoringWork(db: Db) {
  const expired = await expireProposals(db);
  const alerts = await sendProposalAlerts(db);
  const reminders = await sendProposalReminders(db);
  const nudges = await sendQuietNudges(db);
  const fourWeeks = await sendFourWeekFeedback(db);
  const periodEnd = await sendPeriodEndFeedback(db);
  const meetingCheckIns = await askCheckInsAfterMeetings(db);
  return { expired, alerts, reminders, nudges, fourWeeks, periodEnd, meetingCheckIns };
}
