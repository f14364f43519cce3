import type { AccessibilityAid } from '~db/schema/courses';
import type { MessageKey, Translate } from '~/i18n';

// The words for the accessibility aids (db/schema/courses.ts has the list), for pages and the CSV.

export const aidKeys: Record<AccessibilityAid, MessageKey> = {
  'ngt-interpreter': 'needs.aid.ngt-interpreter',
  'speech-to-text-interpreter': 'needs.aid.speech-to-text-interpreter',
  'deafblind-interpreter': 'needs.aid.deafblind-interpreter',
  wheelchair: 'needs.aid.wheelchair',
  'hearing-loop': 'needs.aid.hearing-loop',
};

/** The aids and the free text in one line: what the participants list and its CSV show. */
export function needsText(t: Translate, person: { accessibilityAids: AccessibilityAid[]; accessibilityNeeds: string | null }) {
  return [...person.accessibilityAids.map((aid) => t(aidKeys[aid])), person.accessibilityNeeds ?? ''].filter(Boolean).join('; ');
}
