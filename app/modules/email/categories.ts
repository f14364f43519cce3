import type { EmailCategory } from '~db/schema';

/**
 * Which emails people can switch off. Transactional email (account security, a registration's
 * confirmation, changes to a course they are on, a match's proposal and its lapse) always goes
 * out; the other categories each have a switch on /account/e-mail and an unsubscribe link in every
 * message.
 * A template that is not listed here is transactional.
 */
const emailTemplateCategories: Record<string, EmailCategory> = {
  'course-reminder': 'reminders',
  'follow-up-attended': 'follow-ups',
  'follow-up-no-show': 'follow-ups',
  // A quiet match's nudge and the short feedback forms: helpful, not needed to take part.
  'match-nudge': 'reminders',
  'match-feedback-request': 'follow-ups',
  // After a meeting: write down how it went. (The invitations themselves are transactional.)
  'meeting-check-in': 'follow-ups',
  // The candidacy route's reminders (a step in two weeks, a passed nomination day).
  'route-reminder': 'reminders',
  // "Are you on a list? Were you elected?"
  'outcome-question': 'outcomes',
  // Add new non-transactional templates here (newsletters: 'news').
};

export type EmailKind = EmailCategory | 'transactional';

export function categoryOfTemplate(template: string): EmailKind {
  return emailTemplateCategories[template] ?? 'transactional';
}

/** Column of `email_preferences` per category, and its value when the address has no row. */
export const categoryDefaults: Record<EmailCategory, boolean> = {
  reminders: true,
  'follow-ups': true,
  outcomes: true,
  news: false,
};
