import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CalendarOrganizer } from './calendar.server';

// The invitation to a meeting of a match (issue 17, point 4). Unlike a course's schedule (PUBLISH,
// ADR 012) a meeting has two people who each agree to it, so it goes out as an iTIP REQUEST (RFC 5546
// §3.2.2) naming both as ATTENDEE, and as a CANCEL when it is declined or cancelled. One UID for the
// meeting's whole life (a counter-proposal included) and a higher SEQUENCE on every change make a
// calendar program replace or remove the event it already has instead of adding a second one.
// A job-shadowing placement of an academy (ADR 018) is the same kind of invitation between two people,
// only in whole days: it goes through the same two functions with `kind: 'placement'`.

export type MeetingInvitation = {
  /** The row's id; the UID is `meeting-<id>@politiekactief` (or `placement-…` for a placement). */
  uid: string;
  kind?: 'meeting' | 'placement';
  sequence: number;
  startsAt: Date;
  durationMinutes: number;
  /** Whole days (a placement): from `startsAt`'s date up to, not including, `endsBefore`'s. */
  allDay?: { endsBefore: Date };
  summary: string;
  description: string;
  location: string;
  url?: string;
  /** `tentative` while proposed, `confirmed` once accepted; a cancel is always CANCELLED. */
  state: 'tentative' | 'confirmed' | 'cancelled';
  organizer: CalendarOrganizer;
  attendees: { name: string; email: string; accepted: boolean }[];
  stamp: Date;
};

/** The calendar file: METHOD:REQUEST for a new or changed meeting, METHOD:CANCEL for one that is off. Times in UTC. */
export function meetingCalendar(m: MeetingInvitation) {
  const cancel = m.state === 'cancelled';
  const placement = m.kind === 'placement';
  const calendar = ical({ prodId: { company: 'Politiek Actief', product: placement ? 'meeloopstages' : 'afspraken', language: 'NL' } });
  calendar.method(cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  const event = calendar.createEvent({
    id: `${placement ? 'placement' : 'meeting'}-${m.uid}@politiekactief`,
    sequence: m.sequence,
    start: m.startsAt,
    end: m.allDay ? m.allDay.endsBefore : new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
    allDay: Boolean(m.allDay),
    stamp: m.stamp,
    status: cancel ? ICalEventStatus.CANCELLED : m.state === 'confirmed' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    organizer: m.organizer,
    summary: m.summary,
    description: m.description || null,
    location: m.location || null,
    url: m.url ?? null,
  });
  for (const a of m.attendees) {
    event.createAttendee({
      name: a.name,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      // Answers go through the match page, not by a calendar program's reply to our sender address.
      rsvp: false,
      status: cancel ? ICalAttendeeStatus.DECLINED : a.accepted ? ICalAttendeeStatus.ACCEPTED : ICalAttendeeStatus.NEEDSACTION,
    });
  }
  return calendar.toString();
}

/** The attachment: the MIME `method` parameter equals the file's METHOD (RFC 6047 §2.4). */
export function meetingAttachment(content: string, cancelled: boolean, name = 'afspraak') {
  const method = cancelled ? 'CANCEL' : 'REQUEST';
  return {
    filename: cancelled ? `${name}-afgezegd.ics` : `${name}.ics`,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: Buffer.from(content, 'utf8').toString('base64'),
  };
}
