import type { CourseAvailability } from './availability';

// What search engines and chat apps read about a course page: schema.org `Event` as JSON-LD and the
// Open Graph tags. Built from the public course only (never the online link, never a draft).

export type StructuredCourse = {
  id: string;
  title: string;
  description: string;
  organisationName: string;
  format: 'in-person' | 'online' | 'hybrid';
  locationName: string;
  address: string;
  municipalityName: string;
  province: string;
  language: 'nl' | 'en';
  costCents: number;
  status: string;
  rescheduledAt: Date | null;
  availability: CourseAvailability;
  registrationOpensAt: Date | null;
  registrationDeadline: Date | null;
  sessions: { startsAt: Date; endsAt: Date }[];
};

const SCHEMA = 'https://schema.org/';

function eventStatus(course: StructuredCourse) {
  if (course.status === 'cancelled') return `${SCHEMA}EventCancelled`;
  if (course.rescheduledAt) return `${SCHEMA}EventRescheduled`;
  return `${SCHEMA}EventScheduled`;
}

function attendanceMode(format: StructuredCourse['format']) {
  if (format === 'online') return `${SCHEMA}OnlineEventAttendanceMode`;
  if (format === 'hybrid') return `${SCHEMA}MixedEventAttendanceMode`;
  return `${SCHEMA}OfflineEventAttendanceMode`;
}

/** Sign-up state as schema.org item availability: only an open course is "in stock". */
function offerAvailability(availability: CourseAvailability) {
  switch (availability) {
    case 'open':
      return `${SCHEMA}InStock`;
    case 'full':
      return `${SCHEMA}SoldOut`;
    case 'not-yet-open':
      return `${SCHEMA}PreOrder`;
    default:
      return `${SCHEMA}Discontinued`;
  }
}

function place(course: StructuredCourse) {
  return {
    '@type': 'Place',
    name: course.locationName || course.municipalityName,
    address: {
      '@type': 'PostalAddress',
      ...(course.address ? { streetAddress: course.address } : {}),
      ...(course.municipalityName ? { addressLocality: course.municipalityName } : {}),
      ...(course.province ? { addressRegion: course.province } : {}),
      addressCountry: 'NL',
    },
  };
}

/** The schema.org `Event` of a course page. `pageUrl` is the absolute address of the course page. */
export function courseEvent(course: StructuredCourse, pageUrl: string) {
  const first = course.sessions[0];
  const last = course.sessions.at(-1);
  // The online link goes only to confirmed people: the virtual location points at the course page.
  const virtual = { '@type': 'VirtualLocation', url: pageUrl };
  const location = course.format === 'online' ? virtual : course.format === 'hybrid' ? [place(course), virtual] : place(course);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: course.title,
    ...(course.description ? { description: course.description } : {}),
    url: pageUrl,
    inLanguage: course.language,
    ...(first ? { startDate: first.startsAt.toISOString() } : {}),
    ...(last ? { endDate: last.endsAt.toISOString() } : {}),
    eventAttendanceMode: attendanceMode(course.format),
    eventStatus: eventStatus(course),
    location,
    organizer: { '@type': 'Organization', name: course.organisationName },
    offers: {
      '@type': 'Offer',
      price: (Math.max(0, course.costCents) / 100).toFixed(2),
      priceCurrency: 'EUR',
      availability: offerAvailability(course.availability),
      url: `${pageUrl}/aanmelden`,
      ...(course.registrationOpensAt ? { validFrom: course.registrationOpensAt.toISOString() } : {}),
      ...(course.registrationDeadline ? { validThrough: course.registrationDeadline.toISOString() } : {}),
    },
  };
}

/** JSON for inside a <script> element: `<` escaped, so no text of a course can close the element. */
export function scriptJson(value: unknown) {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A short plain description (Open Graph, meta description): the first 200 characters, on one line. */
export function shortDescription(text: string, max = 200) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
