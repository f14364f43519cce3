import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { matches, meetings, networks, organisations, type MeetingStatus } from '~db/schema';
import { getEnv } from '~/env.server';
import { now } from '../clock.server';
import { organizerOf } from '../courses/calendar.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink } from '../http.server';
import { formatMoment, fromAmsterdam } from '../time';
import { loadMatch, type MatchContext } from './matches.server';
import { meetingAttachment, meetingCalendar } from '../courses/meeting-calendar.server';
import type { MeetingValues } from './meeting-schemas';

// Meetings of an active match (issue 17, point 4). Either person proposes; the other accepts,
// declines or proposes another time, which replaces the proposal (same row, same calendar UID, the
// proposer's turn passes to the other). Either can cancel. Every change raises `sequence` and emails
// both people a calendar file (REQUEST or CANCEL) in the same transaction as the change.

export type Meeting = typeof meetings.$inferSelect;
type Outcome<S extends string> = { status: S | 'not-found' | 'not-possible' | 'in-the-past' };
type MeetingChange = 'proposed' | 'countered' | 'accepted' | 'declined' | 'cancelled';

/** The moment a form's date and time mean (Dutch clocks), or null for a date that does not exist. */
function meetingStart(values: Pick<MeetingValues, 'date' | 'time'>) {
  return fromAmsterdam(values.date, values.time);
}

const roleIn = (ctx: MatchContext, userId: string) => (ctx.mentor.id === userId ? 'mentor' : ctx.mentee.id === userId ? 'mentee' : null);

/** Proposes a new meeting in an active match of this user. */
export async function proposeMeeting(db: Db, matchId: string, userId: string, values: MeetingValues): Promise<Outcome<'proposed'>> {
  const startsAt = meetingStart(values);
  if (!startsAt || startsAt <= now()) return { status: 'in-the-past' };
  return db.transaction(async (tx) => {
    const ctx = await loadMatch(tx, matchId, { lock: true });
    if (!ctx || !roleIn(ctx, userId) || ctx.match.status === 'draft' || ctx.match.status === 'discarded') return { status: 'not-found' };
    if (ctx.match.status !== 'active') return { status: 'not-possible' };
    const t = now();
    const [meeting] = await tx
      .insert(meetings)
      .values({
        matchId,
        proposedBy: userId,
        status: 'proposed',
        startsAt,
        durationMinutes: Number(values.duration),
        place: values.place,
        videoUrl: values.videoUrl,
        sequence: 0,
        createdAt: t,
        updatedAt: t,
      })
      .returning();
    await sendInvitations(tx, ctx, meeting!, 'proposed', userId);
    return { status: 'proposed' };
  });
}

/** A meeting of an active match with the match, locked, when this user is one of its two people. */
async function lockMeeting(tx: Db, meetingId: string, userId: string) {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update');
  if (!meeting) return null;
  const ctx = await loadMatch(tx, meeting.matchId, { lock: true });
  if (!ctx || !roleIn(ctx, userId)) return null;
  return { meeting, ctx };
}

/** The other person answers a proposal: another time (it replaces the proposal), yes, or no. */
export async function counterProposeMeeting(
  db: Db,
  meetingId: string,
  userId: string,
  values: MeetingValues,
): Promise<Outcome<'countered'>> {
  const startsAt = meetingStart(values);
  if (!startsAt || startsAt <= now()) return { status: 'in-the-past' };
  return db.transaction(async (tx) => {
    const found = await lockMeeting(tx, meetingId, userId);
    if (!found) return { status: 'not-found' };
    const { meeting, ctx } = found;
    if (!awaitsAnswerFrom(meeting, userId) || ctx.match.status !== 'active') return { status: 'not-possible' };
    const [changed] = await tx
      .update(meetings)
      .set({
        proposedBy: userId,
        startsAt,
        durationMinutes: Number(values.duration),
        place: values.place,
        videoUrl: values.videoUrl,
        sequence: meeting.sequence + 1,
        updatedAt: now(),
      })
      .where(eq(meetings.id, meetingId))
      .returning();
    await sendInvitations(tx, ctx, changed!, 'countered', userId);
    return { status: 'countered' };
  });
}

export async function acceptMeeting(db: Db, meetingId: string, userId: string): Promise<Outcome<'accepted'>> {
  return answer(db, meetingId, userId, 'accepted');
}

export async function declineMeeting(db: Db, meetingId: string, userId: string): Promise<Outcome<'declined'>> {
  return answer(db, meetingId, userId, 'declined');
}

async function answer<S extends 'accepted' | 'declined'>(db: Db, meetingId: string, userId: string, status: S): Promise<Outcome<S>> {
  return db.transaction(async (tx) => {
    const found = await lockMeeting(tx, meetingId, userId);
    if (!found) return { status: 'not-found' };
    const { meeting, ctx } = found;
    if (!awaitsAnswerFrom(meeting, userId) || ctx.match.status !== 'active') return { status: 'not-possible' };
    if (status === 'accepted' && meeting.startsAt <= now()) return { status: 'not-possible' };
    const [changed] = await tx
      .update(meetings)
      .set({ status, sequence: meeting.sequence + 1, updatedAt: now() })
      .where(eq(meetings.id, meetingId))
      .returning();
    await sendInvitations(tx, ctx, changed!, status, userId);
    return { status };
  });
}

/** Either person calls off a proposed or accepted meeting that has not started yet. */
export async function cancelMeeting(db: Db, meetingId: string, userId: string): Promise<Outcome<'cancelled'>> {
  return db.transaction(async (tx) => {
    const found = await lockMeeting(tx, meetingId, userId);
    if (!found) return { status: 'not-found' };
    const { meeting, ctx } = found;
    if (!isOpen(meeting.status) || meeting.startsAt <= now()) return { status: 'not-possible' };
    const [changed] = await tx
      .update(meetings)
      .set({ status: 'cancelled', sequence: meeting.sequence + 1, updatedAt: now() })
      .where(eq(meetings.id, meetingId))
      .returning();
    await sendInvitations(tx, ctx, changed!, 'cancelled', userId);
    return { status: 'cancelled' };
  });
}

const isOpen = (status: MeetingStatus) => status === 'proposed' || status === 'accepted';

/** A proposal waits for the person who did not make it. */
export const awaitsAnswerFrom = (meeting: Pick<Meeting, 'status' | 'proposedBy'>, userId: string) =>
  meeting.status === 'proposed' && meeting.proposedBy !== userId;

/** A match's meetings, soonest first. */
export async function meetingsOf(db: Db, matchId: string) {
  return db.select().from(meetings).where(eq(meetings.matchId, matchId)).orderBy(asc(meetings.startsAt));
}

/** Where a meeting is, in one line: the place, the video link, or both. */
const whereOf = (m: Pick<Meeting, 'place' | 'videoUrl'>) => [m.place, m.videoUrl].filter(Boolean).join(' · ');

/**
 * Emails both people about a change, each with the calendar file in their language. The file always
 * names both as attendees (they know each other once the match is active); the organizer is the
 * network's organisation with our sender address, as for course files (ADR 012).
 */
async function sendInvitations(tx: Db, ctx: MatchContext, meeting: Meeting, change: MeetingChange, actorId: string) {
  const [org] = await tx
    .select({ name: organisations.name })
    .from(networks)
    .innerJoin(organisations, eq(organisations.id, networks.organisationId))
    .where(eq(networks.id, ctx.network.id));
  const organizer = organizerOf(org?.name ?? 'Politiek Actief', getEnv().EMAIL_FROM);
  const cancelled = meeting.status === 'cancelled' || meeting.status === 'declined';
  const matchUrl = appLink(`/koppeling/${ctx.match.id}`);
  const actor = ctx.mentor.id === actorId ? ctx.mentor : ctx.mentee;
  for (const person of [ctx.mentor, ctx.mentee]) {
    const other = person.id === ctx.mentor.id ? ctx.mentee : ctx.mentor;
    const when = formatMoment(person.locale, meeting.startsAt);
    const summary = person.locale === 'en' ? `Meeting with ${other.name}` : `Afspraak met ${other.name}`;
    const calendar = meetingCalendar({
      uid: meeting.id,
      sequence: meeting.sequence,
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
      summary,
      description: `${summary} (Politiek Actief, ${ctx.network.name}). ${matchUrl}`,
      location: whereOf(meeting),
      url: matchUrl,
      state: cancelled ? 'cancelled' : meeting.status === 'accepted' ? 'confirmed' : 'tentative',
      organizer,
      attendees: [ctx.mentor, ctx.mentee].map((p) => ({
        name: p.name,
        email: p.email,
        accepted: meeting.status === 'accepted' || meeting.proposedBy === p.id,
      })),
      stamp: now(),
    });
    await enqueueEmail(tx, {
      template: 'meeting-update',
      to: person.email,
      userId: person.id,
      props: {
        locale: person.locale,
        name: person.name,
        otherName: other.name,
        change,
        byYou: person.id === actor.id,
        when,
        durationMinutes: meeting.durationMinutes,
        place: meeting.place,
        videoUrl: meeting.videoUrl,
        matchUrl,
      },
      attachments: [meetingAttachment(calendar, cancelled)],
    });
  }
}

/**
 * After an accepted meeting has ended, both people are asked for the short check-in of the match page
 * (once: the claim sets `checkInAskedAt` only while it is null). Only for matches still active.
 */
export async function askCheckInsAfterMeetings(db: Db) {
  const t = now();
  const ended = sql`${meetings.startsAt} + make_interval(mins => ${meetings.durationMinutes}) <= ${t.toISOString()}::timestamptz`;
  const due = await db
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(matches, eq(matches.id, meetings.matchId))
    .where(and(eq(meetings.status, 'accepted'), isNull(meetings.checkInAskedAt), eq(matches.status, 'active'), ended));
  let count = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(meetings)
        .set({ checkInAskedAt: t })
        .where(and(eq(meetings.id, id), isNull(meetings.checkInAskedAt), eq(meetings.status, 'accepted')))
        .returning();
      if (!claimed) return;
      const ctx = await loadMatch(tx, claimed.matchId);
      if (!ctx || ctx.match.status !== 'active') return;
      for (const person of [ctx.mentor, ctx.mentee]) {
        const other = person.id === ctx.mentor.id ? ctx.mentee : ctx.mentor;
        await enqueueEmail(tx, {
          template: 'meeting-check-in',
          to: person.email,
          userId: person.id,
          props: {
            locale: person.locale,
            name: person.name,
            otherName: other.name,
            when: formatMoment(person.locale, claimed.startsAt),
            checkInUrl: appLink(`/koppeling/${ctx.match.id}#check-in-${ctx.match.id}-heading`),
          },
        });
      }
      count++;
    });
  }
  return count;
}
