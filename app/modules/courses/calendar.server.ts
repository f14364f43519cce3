import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export type CalendarSession = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  sequence: number;
};

/** Who sends the events: the organisation's name, with the address our email comes from. */
export type CalendarOrganizer = { name: string; email: string };

/**
 * What a calendar file does (RFC 5546): `publish` puts the sessions in a calendar or updates the ones
 * already there; `cancel` takes them out again.
 */
export type CalendarMethod = 'publish' | 'cancel';

type CourseDetails = { title: string; description: string; url: string; location: string };

/**
 * A calendar file with one event per session. UIDs are stable per session and SEQUENCE grows with
 * every change, so calendar programs update (or, with `cancel`, remove) the events they already have
 * instead of adding new ones. Times are written in UTC, which every program shows in its own time zone.
 *
 * Both methods carry an ORGANIZER, which RFC 5546 requires in PUBLISH and CANCEL (§3.2.1, §3.2.5). A
 * CANCEL names the person whose events are cancelled as ATTENDEE (required there) and nobody else:
 * who else follows the course is not theirs to know. PUBLISH has no attendees at all.
 */
export function courseCalendar(
  course: CourseDetails,
  sessions: CalendarSession[],
  options: { method: CalendarMethod; organizer: CalendarOrganizer; stamp: Date; attendee?: { name: string; email: string } },
) {
  const cancel = options.method === 'cancel';
  const calendar = ical({ name: course.title, prodId: { company: 'Politiek Actief', product: 'cursussen', language: 'NL' } });
  calendar.method(cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH);
  sessions.forEach((session, index) => {
    const event = calendar.createEvent({
      id: uidOf(session),
      sequence: session.sequence,
      start: session.startsAt,
      end: session.endsAt,
      stamp: options.stamp,
      status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: options.organizer,
      // Numbered within the file: a file of the current schedule numbers the sessions that are held.
      summary: !cancel && sessions.length > 1 ? `${course.title} (${index + 1}/${sessions.length})` : course.title,
      description: course.description,
      location: session.location || course.location,
      url: course.url,
    });
    if (cancel && options.attendee) {
      event.createAttendee({ name: options.attendee.name, email: options.attendee.email });
    }
  });
  return calendar.toString();
}

const uidOf = (session: { id: string }) => `${session.id}@politiekactief`;

/** The MIME type of a calendar file: its `method` parameter must equal the file's METHOD (RFC 6047 §2.4). */
const calendarContentType = (method: CalendarMethod) => `text/calendar; charset=utf-8; method=${method.toUpperCase()}`;

/** The organizer of every event: the organisation, with the address of `EMAIL_FROM` (the sender of the email). */
export function organizerOf(organisationName: string, emailFrom: string): CalendarOrganizer {
  const address = /<([^<>\s]+@[^<>\s]+)>/.exec(emailFrom)?.[1] ?? emailFrom.trim();
  return { name: organisationName, email: address };
}

export function calendarAttachment(content: string, method: CalendarMethod) {
  return {
    filename: method === 'cancel' ? 'afgezegd.ics' : 'cursus.ics',
    contentType: calendarContentType(method),
    content: Buffer.from(content, 'utf8').toString('base64'),
  };
}
