import { and, asc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { emailMessages, matches, meetings } from '~db/schema';
import { renderEmail } from '~emails/index';
import { setupTestDatabase } from '../../../test/database';
import { calendarsOf } from '../../../test/calendar';
import { createProposal } from '../../../test/matches';
import { DAY, HOUR, setClock } from '../clock.server';
import { runDueMentoringWork, QUIET_AFTER_DAYS } from './due.server';
import { deleteAccount } from '../privacy/deletion.server';
import { acceptMeeting, cancelMeeting, counterProposeMeeting, declineMeeting, proposeMeeting } from './meetings.server';
import type { MeetingValues } from './meeting-schemas';

// Meetings of a match (issue 17, point 4), with every calendar file read back by ical.js (Mozilla's
// parser, the one Thunderbird uses): one UID for the meeting's whole life, SEQUENCE up on every
// change, METHOD REQUEST or CANCEL, ORGANIZER and both people as ATTENDEE, times in UTC.

const t = setupTestDatabase();
const db = () => t.handle.db;
const START = new Date('2027-01-11T09:00:00Z');

const values = (date: string, time: string, more: Partial<MeetingValues> = {}): MeetingValues => ({
  date,
  time,
  duration: '60',
  place: 'Stadhuis Zwolle',
  videoUrl: '',
  ...more,
});

async function invitationsTo(email: string) {
  const rows = await db()
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.recipient, email), eq(emailMessages.template, 'meeting-update')))
    .orderBy(asc(emailMessages.createdAt));
  return rows;
}

/** The attendees of the one event in a file, with their participation status, as a program reads them. */
function attendeesOf(content: string) {
  const vevent = new ICAL.Component(ICAL.parse(content)).getFirstSubcomponent('vevent')!;
  return vevent.getAllProperties('attendee').map((p) => ({
    email: String(p.getFirstValue()).replace(/^mailto:/i, ''),
    partstat: p.getParameter('partstat'),
  }));
}

async function nudgedAt(matchId: string) {
  const [match] = await db().select().from(matches).where(eq(matches.id, matchId));
  return match!.nudgeSentAt;
}

function checkInMails(email: string) {
  return db()
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.recipient, email), eq(emailMessages.template, 'meeting-check-in')));
}

async function activeMatch() {
  setClock(START);
  return createProposal(db(), { status: 'active' });
}

describe('meetings with calendar invitations', () => {
  it('propose → counter-propose → accept → cancel: both get every file, one UID, SEQUENCE up, METHOD right, UTC times', async () => {
    const p = await activeMatch();
    const mentee = p.mentee.user;
    const mentor = p.mentor.user;

    expect((await proposeMeeting(db(), p.match.id, mentee.id, values('2027-01-19', '19:30'))).status).toBe('proposed');
    const [meeting] = await db().select().from(meetings).where(eq(meetings.matchId, p.match.id));
    // The mentee cannot answer their own proposal; the mentor proposes another time instead.
    expect((await acceptMeeting(db(), meeting!.id, mentee.id)).status).toBe('not-possible');
    setClock(new Date(START.getTime() + HOUR));
    expect(
      (
        await counterProposeMeeting(
          db(),
          meeting!.id,
          mentor.id,
          values('2027-01-21', '20:00', { place: '', videoUrl: 'https://meet.example/raad' }),
        )
      ).status,
    ).toBe('countered');
    // Now the mentor waits; the mentee answers.
    expect((await acceptMeeting(db(), meeting!.id, mentor.id)).status).toBe('not-possible');
    setClock(new Date(START.getTime() + 2 * HOUR));
    expect((await acceptMeeting(db(), meeting!.id, mentee.id)).status).toBe('accepted');
    setClock(new Date(START.getTime() + 3 * HOUR));
    expect((await cancelMeeting(db(), meeting!.id, mentor.id)).status).toBe('cancelled');

    for (const person of [mentee, mentor]) {
      const mails = await invitationsTo(person.email);
      expect(mails.map((m) => (m.props as { change: string }).change)).toEqual(['proposed', 'countered', 'accepted', 'cancelled']);
      const files = mails.map((m) => {
        const [file] = calendarsOf(m);
        return { ...file!, raw: Buffer.from(m.attachments![0]!.content, 'base64').toString('utf8') };
      });
      expect(files.map((f) => f.method)).toEqual(['REQUEST', 'REQUEST', 'REQUEST', 'CANCEL']);
      expect(files.map((f) => f.contentType)).toEqual([
        'text/calendar; charset=utf-8; method=REQUEST',
        'text/calendar; charset=utf-8; method=REQUEST',
        'text/calendar; charset=utf-8; method=REQUEST',
        'text/calendar; charset=utf-8; method=CANCEL',
      ]);
      const events = files.map((f) => {
        expect(f.events).toHaveLength(1);
        return f.events[0]!;
      });
      expect(new Set(events.map((e) => e.uid))).toEqual(new Set([`meeting-${meeting!.id}@politiekactief`]));
      expect(events.map((e) => e.sequence)).toEqual([0, 1, 2, 3]);
      expect(events.map((e) => e.status)).toEqual(['TENTATIVE', 'TENTATIVE', 'CONFIRMED', 'CANCELLED']);
      // 19:30 in Amsterdam in January is 18:30 UTC; the counter-proposal's 20:00 is 19:00 UTC.
      expect(events[0]!.start.toISOString()).toBe('2027-01-19T18:30:00.000Z');
      expect(events[0]!.end.toISOString()).toBe('2027-01-19T19:30:00.000Z');
      expect(events[1]!.start.toISOString()).toBe('2027-01-21T19:00:00.000Z');
      expect(files[0]!.raw).toMatch(/DTSTART:20270119T183000Z/);
      for (const e of events) {
        expect(e.organizer?.email).toBe('noreply@politiekactief.example');
        expect(e.attendees.sort()).toEqual([mentee.email, mentor.email].sort());
      }
      // Who has said yes: the proposer at first, both once accepted.
      expect(attendeesOf(files[0]!.raw).find((a) => a.email === mentee.email)!.partstat).toBe('ACCEPTED');
      expect(attendeesOf(files[0]!.raw).find((a) => a.email === mentor.email)!.partstat).toBe('NEEDS-ACTION');
      expect(attendeesOf(files[2]!.raw).map((a) => a.partstat)).toEqual(['ACCEPTED', 'ACCEPTED']);
    }
    // The video link reaches the email and the file.
    const [, countered] = await invitationsTo(mentee.email);
    const rendered = await renderEmail('meeting-update', countered!.props as never);
    expect(rendered.text).toContain('https://meet.example/raad');
    expect(rendered.subject).toBe('Jan de Mentor stelt een andere tijd voor');
    expect(calendarsOf(countered!)[0]!.events[0]!.summary).toBe('Afspraak met Jan de Mentor');
  });

  it('declining sends a CANCEL to both; no answers after that, and nothing in the past or in someone else’s match', async () => {
    const p = await activeMatch();
    const other = await createProposal(db(), { status: 'active' });
    expect((await proposeMeeting(db(), p.match.id, p.mentor.user.id, values('2027-01-10', '19:30'))).status).toBe('in-the-past');
    expect((await proposeMeeting(db(), p.match.id, other.mentee.user.id, values('2027-01-19', '19:30'))).status).toBe('not-found');
    await proposeMeeting(db(), p.match.id, p.mentor.user.id, values('2027-01-19', '19:30'));
    const [meeting] = await db().select().from(meetings).where(eq(meetings.matchId, p.match.id));
    expect((await declineMeeting(db(), meeting!.id, other.mentee.user.id)).status).toBe('not-found');
    expect((await declineMeeting(db(), meeting!.id, p.mentee.user.id)).status).toBe('declined');
    expect((await acceptMeeting(db(), meeting!.id, p.mentee.user.id)).status).toBe('not-possible');
    expect((await cancelMeeting(db(), meeting!.id, p.mentor.user.id)).status).toBe('not-possible');
    for (const person of [p.mentee.user, p.mentor.user]) {
      const mails = await invitationsTo(person.email);
      const last = calendarsOf(mails.at(-1)!)[0]!;
      expect(last.method).toBe('CANCEL');
      expect(last.events[0]!.sequence).toBe(1);
      expect(last.events[0]!.status).toBe('CANCELLED');
    }
  });

  it('after an accepted meeting both are asked for a check-in, once; a planned meeting keeps the match from being quiet', async () => {
    const p = await activeMatch();
    // Five weeks later a meeting is planned for two weeks after: the six-week nudge must not come.
    setClock(new Date(START.getTime() + 35 * DAY));
    await proposeMeeting(db(), p.match.id, p.mentee.user.id, values('2027-03-01', '19:30'));
    const [meeting] = await db().select().from(meetings).where(eq(meetings.matchId, p.match.id));
    await acceptMeeting(db(), meeting!.id, p.mentor.user.id);
    setClock(new Date(START.getTime() + (QUIET_AFTER_DAYS + 1) * DAY));
    await runDueMentoringWork(db());
    expect(await nudgedAt(p.match.id)).toBeNull();
    expect(await checkInMails(p.mentee.user.email)).toHaveLength(0);

    // The evening of the meeting, after it ended: both asked, and only once.
    setClock(new Date('2027-03-01T20:00:00Z'));
    await Promise.all([runDueMentoringWork(db()), runDueMentoringWork(db())]);
    for (const person of [p.mentee.user, p.mentor.user]) {
      const asked = await checkInMails(person.email);
      expect(asked).toHaveLength(1);
      expect((asked[0]!.props as { checkInUrl: string }).checkInUrl).toContain(`/koppeling/${p.match.id}`);
    }
    // Six weeks after the meeting without anything else, the nudge does come.
    setClock(new Date(new Date('2027-03-01T18:30:00Z').getTime() + (QUIET_AFTER_DAYS + 1) * DAY));
    await runDueMentoringWork(db());
    expect(await nudgedAt(p.match.id)).not.toBeNull();
  });

  it('without meetings the quiet-match nudge comes as before', async () => {
    const p = await activeMatch();
    setClock(new Date(START.getTime() + (QUIET_AFTER_DAYS + 1) * DAY));
    await runDueMentoringWork(db());
    expect(await nudgedAt(p.match.id)).not.toBeNull();
  });

  it('a proposed meeting nobody answered yet also keeps the match from being quiet; a cancelled one does not', async () => {
    const p = await activeMatch();
    const q = await createProposal(db(), { status: 'active' });
    setClock(new Date(START.getTime() + 35 * DAY));
    await proposeMeeting(db(), p.match.id, p.mentor.user.id, values('2027-03-01', '19:30'));
    await proposeMeeting(db(), q.match.id, q.mentor.user.id, values('2027-03-01', '19:30'));
    const [off] = await db().select().from(meetings).where(eq(meetings.matchId, q.match.id));
    expect((await cancelMeeting(db(), off!.id, q.mentor.user.id)).status).toBe('cancelled');
    setClock(new Date(START.getTime() + (QUIET_AFTER_DAYS + 1) * DAY));
    await runDueMentoringWork(db());
    expect(await nudgedAt(p.match.id)).toBeNull();
    expect(await nudgedAt(q.match.id)).not.toBeNull();
  });
});

describe('meetings when an account is deleted', () => {
  it('the other person gets a CANCEL for each planned meeting (same UID, SEQUENCE + 1) naming nobody who left, in the deletion', async () => {
    const p = await activeMatch();
    const mentee = p.mentee.user;
    const mentor = p.mentor.user;
    await proposeMeeting(db(), p.match.id, mentee.id, values('2027-01-19', '19:30'));
    await proposeMeeting(db(), p.match.id, mentor.id, values('2027-01-26', '19:30', { place: '', videoUrl: 'https://meet.example/x' }));
    await proposeMeeting(db(), p.match.id, mentor.id, values('2027-01-12', '09:00'));
    const planned = await db().select().from(meetings).where(eq(meetings.matchId, p.match.id)).orderBy(asc(meetings.startsAt));
    const [past, first, second] = planned;
    setClock(new Date(START.getTime() + HOUR));
    expect((await acceptMeeting(db(), first!.id, mentor.id)).status).toBe('accepted');
    // The third one has started by the time the mentee leaves: no cancel for it. Nor for a cancelled one.
    setClock(new Date('2027-01-12T09:30:00Z'));
    expect(past!.startsAt.toISOString()).toBe('2027-01-12T08:00:00.000Z');
    const before = await invitationsTo(mentor.email);

    expect(await deleteAccount(db(), mentee.id)).not.toBeNull();

    const after = await invitationsTo(mentor.email);
    const cancels = after.slice(before.length);
    expect(cancels.map((m) => (m.props as { change: string }).change)).toEqual(['left', 'left']);
    const files = cancels.map((m) => {
      const [file] = calendarsOf(m);
      return { ...file!, raw: Buffer.from(m.attachments![0]!.content, 'base64').toString('utf8') };
    });
    expect(files.map((f) => f.method)).toEqual(['CANCEL', 'CANCEL']);
    expect(files.map((f) => f.contentType)).toEqual([
      'text/calendar; charset=utf-8; method=CANCEL',
      'text/calendar; charset=utf-8; method=CANCEL',
    ]);
    const byUid = new Map(files.map((f) => [f.events[0]!.uid, f.events[0]!]));
    // The accepted meeting had SEQUENCE 1 (proposed 0, accepted 1); the other was proposed only (0).
    expect(byUid.get(`meeting-${first!.id}@politiekactief`)).toMatchObject({ sequence: 2, status: 'CANCELLED', attendees: [mentor.email] });
    expect(byUid.get(`meeting-${second!.id}@politiekactief`)).toMatchObject({
      sequence: 1,
      status: 'CANCELLED',
      attendees: [mentor.email],
    });
    expect(byUid.get(`meeting-${first!.id}@politiekactief`)!.start.toISOString()).toBe('2027-01-19T18:30:00.000Z');
    for (const f of files) expect(f.events[0]!.organizer?.email).toBeTruthy();
    // Nothing of the person who left: not in the file, not in the email's props (nor the place or link).
    for (const [i, m] of cancels.entries()) {
      for (const text of [files[i]!.raw, JSON.stringify(m.props)]) {
        expect(text).not.toContain(mentee.email);
        expect(text).not.toContain(mentee.name);
        expect(text).not.toContain('Stadhuis Zwolle');
        expect(text).not.toContain('meet.example');
      }
      const rendered = await renderEmail('meeting-update', m.props as never);
      expect(rendered.subject).toBe('Je afspraak gaat niet door');
      expect(rendered.text).toContain('account verwijderd');
    }
    // The meetings themselves are gone with the account, as before.
    expect(await db().select().from(meetings).where(eq(meetings.matchId, p.match.id))).toHaveLength(0);
    // Nothing went to the person who left.
    expect((await invitationsTo(mentee.email)).filter((m) => (m.props as { change: string }).change === 'left')).toHaveLength(0);
  });

  it('the CANCEL is part of the deletion: rolled back together, neither stays', async () => {
    const p = await activeMatch();
    await proposeMeeting(db(), p.match.id, p.mentee.user.id, values('2027-01-19', '19:30'));
    const before = (await invitationsTo(p.mentor.user.email)).length;
    // A rollback after the deletion's work: neither the account's removal nor the CANCEL stays.
    await expect(
      db().transaction(async (tx) => {
        await deleteAccount(tx, p.mentee.user.id);
        expect((await tx.select().from(emailMessages).where(eq(emailMessages.recipient, p.mentor.user.email))).length).toBeGreaterThan(
          before,
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await invitationsTo(p.mentor.user.email)).toHaveLength(before);
    expect(await db().select().from(meetings).where(eq(meetings.matchId, p.match.id))).toHaveLength(1);
  });
});
