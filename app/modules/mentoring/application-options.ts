// The choices of the mentor application form. Shared by the form (browser) and its validation
// (server), so this file holds data only.

export const applicationMeetingModes = ['in-person', 'online'] as const;
export const mentorGenders = ['woman', 'man', 'non-binary'] as const;
export const languageIds = ['nl', 'en', 'fy', 'pap', 'tr', 'ar', 'pl'] as const;
export const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const dayParts = ['morning', 'afternoon', 'evening'] as const;
export const availabilitySlots: readonly string[] = days.flatMap((d) => dayParts.map((p) => `${d}-${p}`));
/** The focus groups a person may identify with in the ordinary part of the form (not special-category). */
export const selfIdentifiableGroups = ['women', 'practically-educated'] as const;
export const utmFields = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;
