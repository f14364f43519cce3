import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export type CalendarSession = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  sequence: number;
  /** A session that was removed: sent once more as CANCELLED, so calendars drop it. */
  cancelled?: boolean;
};

/**
 * A calendar file with one event per session. UIDs are stable per session and SEQUENCE grows with
 * every change, so calendar programs update the events they already have instead of adding new ones.
 * Times are written in UTC, which every program shows in its own time zone.
 */
export function courseCalendar(
  course: { title: string; description: string; url: string; location: string },
  sessions: CalendarSession[],
  stamp: Date,
) {
  const calendar = ical({ name: course.title, prodId: { company: 'Politiek Actief', product: 'cursussen', language: 'NL' } });
  calendar.method(ICalCalendarMethod.PUBLISH);
  const held = sessions.filter((session) => !session.cancelled);
  sessions.forEach((session) => {
    const index = held.indexOf(session);
    calendar.createEvent({
      id: `${session.id}@politiekactief`,
      sequence: session.sequence,
      start: session.startsAt,
      end: session.endsAt,
      stamp,
      ...(session.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
      summary: held.length > 1 && index >= 0 ? `${course.title} (${index + 1}/${held.length})` : course.title,
      description: course.description,
      location: session.location || course.location,
      url: course.url,
    });
  });
  return calendar.toString();
}

export function calendarAttachment(content: string) {
  return {
    filename: 'cursus.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: Buffer.from(content, 'utf8').toString('base64'),
  };
}
