import ICAL from 'ical.js';

export type ParsedEvent = {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  status: string | null;
  summary: string;
  organizer: { name: string | null; email: string } | null;
  attendees: string[];
};

const mailto = (value: unknown) => String(value).replace(/^mailto:/i, '');

/**
 * Reads a calendar file with Mozilla's iCalendar parser (the one Thunderbird uses), so a test sees
 * what a calendar program sees, not what our generator meant to write.
 */
export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events: ParsedEvent[] = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const organizer = vevent.getFirstProperty('organizer');
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      summary: event.summary,
      organizer: organizer
        ? { name: (organizer.getParameter('cn') as string | undefined) ?? null, email: mailto(organizer.getFirstValue()) }
        : null,
      attendees: vevent.getAllProperties('attendee').map((p) => mailto(p.getFirstValue())),
    };
  });
  return { method: (calendar.getFirstPropertyValue('method') as string | null) ?? null, events };
}

/** Every calendar file attached to a stored email, parsed, with its MIME type and file name. */
export function calendarsOf(message: { attachments: { filename: string; contentType?: string; content: string }[] | null }) {
  return (message.attachments ?? [])
    .filter((a) => a.filename.endsWith('.ics'))
    .map((a) => ({
      filename: a.filename,
      contentType: a.contentType ?? null,
      ...parseCalendar(Buffer.from(a.content, 'base64').toString('utf8')),
    }));
}

/** A moment as iCalendar writes it: to the second (test clocks carry milliseconds). */
export const toSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);
