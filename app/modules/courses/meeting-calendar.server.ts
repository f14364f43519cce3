import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CalendarOrganizer } from './calendar.server';

// The invitation to a meeting of a match (issue 17, point 4). Unlike a course's schedule (PUBLISH,
// ADR 012) a meeting has two people who each agree to it, so it goes out as an iTIP REQUEST (RFC 5546
// §3.2.2) naming both as ATTENDEE, and as a CANCEL when it is declined or cancelled. One UID for the
// meeting's whole life (a counter-proposal included) and a higher SEQUENCE on every change make a
// calendar program replace or remove the event it already has instead of adding a second one.

export type MeetingInvitation = {
  uid: string;
  sequence: number;
  startsAt: Date;
  durationMinutes: number;
  summary: string;
  description: string;
  location: string;
  url: string;
  /** `tentative` while proposed, `confirmed` once accepted; a cancel is always CANCELLED. */
  state: 'tentative' | 'confirmed' | 'cancelled';
  organizer: CalendarOrganizer;
  attendees: { name: string; email: string; accepted: boolean }[];
  stamp: Date;
};

/** The calendar file: METHOD:REQUEST for a new or changed meeting, METHOD:CANCEL for one that is off. Times in UTC. */
export function meetingCalendar(m: MeetingInvitation) {
  const cancel = m.state === 'cancelled';
  const calendar = ical({ prodId: { company: 'Politiek Actief', product: 'afspraken', language: 'NL' } });
  calendar.method(cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  const event = calendar.createEvent({
    id: meetingUid(m.uid),
    sequence: m.sequence,
    start: m.startsAt,
    end: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
    stamp: m.stamp,
    status: cancel ? ICalEventStatus.CANCELLED : m.state === 'confirmed' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    organizer: m.organizer,
    summary: m.summary,
    description: m.description,
    location: m.location || null,
    url: m.url,
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

const meetingUid = (meetingId: string) => `meeting-${meetingId}@politiekactief`;

/** The attachment: the MIME `method` parameter equals the file's METHOD (RFC 6047 §2.4). */
export function meetingAttachment(content: string, cancelled: boolean) {
  const method = cancelled ? 'CANCEL' : 'REQUEST';
  return {
    filename: cancelled ? 'afspraak-afgezegd.ics' : 'afspraak.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: Buffer.from(content, 'utf8').toString('base64'),
  };
}
