// The choices of the mentor application form. Shared by the form (browser) and its validation
// (server), so this file holds data only.

export const applicationMeetingModes = ['in-person', 'online'] as const;
export const mentorGenders = ['woman', 'man', 'non-binary'] as const;
/**
 * The languages of mentees and mentors alike: one list, so that the matching compares like with like.
 * (The application form once offered 7 of the mentor profile's 11; every stored value is in this list.)
 */
export const languageIds = ['nl', 'en', 'fy', 'pap', 'tr', 'ar', 'pl', 'de', 'fr', 'es', 'ngt'] as const;
export const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const dayParts = ['morning', 'afternoon', 'evening'] as const;
export const availabilitySlots: readonly string[] = days.flatMap((d) => dayParts.map((p) => `${d}-${p}`));
/** The focus groups a person may identify with in the ordinary part of the form (not special-category). */
export const selfIdentifiableGroups = ['women', 'practically-educated'] as const;
export const utmFields = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;
