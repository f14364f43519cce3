import { plainTextSelectors as reactEmailTextSelectors } from '@react-email/render';
import { compile } from 'html-to-text';
import { createElement, type Attributes, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { EmailRenderModeContext, UnsubscribeContext, type Locale } from './layout';
import * as verifyEmail from './verify-email';
import * as loginLink from './login-link';
import * as passwordReset from './password-reset';
import * as passwordChanged from './password-changed';
import * as accountExists from './account-exists';
import * as registrationConfirmed from './registration-confirmed';
import * as registrationWaitlisted from './registration-waitlisted';
import * as seatOffered from './seat-offered';
import * as offerExpired from './offer-expired';
import * as registrationCancelled from './registration-cancelled';
import * as courseReminder from './course-reminder';
import * as sessionsChanged from './sessions-changed';
import * as courseCancelled from './course-cancelled';
import * as followUpAttended from './follow-up-attended';
import * as followUpNoShow from './follow-up-no-show';
import * as registrationExists from './registration-exists';
import * as signUpConfirm from './sign-up-confirm';
import * as coordinatorMessage from './coordinator-message';
import * as applicationReceived from './application-received';
import * as matchProposed from './match-proposed';
import * as matchIntroduction from './match-introduction';
import * as matchReminder from './match-reminder';
import * as matchExpired from './match-expired';
import * as matchAlert from './match-alert';
import * as matchNudge from './match-nudge';
import * as matchFeedbackRequest from './match-feedback-request';
import * as matchEnded from './match-ended';
import * as coordinatorAppointed from './coordinator-appointed';
import * as retentionWarning from './retention-warning';
import * as matchPartnerLeft from './match-partner-left';
import * as outcomeQuestion from './outcome-question';
import * as meetingUpdate from './meeting-update';
import * as meetingCheckIn from './meeting-check-in';
import * as academyApplicationReceived from './academy-application-received';
import * as academyDecision from './academy-decision';
import * as routeReminder from './route-reminder';
import * as placementProposed from './placement-proposed';
import * as placementConfirmed from './placement-confirmed';
import * as placementUpdate from './placement-update';
import * as academyCompleted from './academy-completed';
import { academyReviewerInvitation, coordinatorInvitation, mentorInvitation, placementHostInvitation } from './invitation';

export type { Locale } from './layout';

export type EmailTemplate<P extends { locale: Locale }> = {
  Component: (props: P) => ReactElement;
  subject: (props: P) => string;
};

/**
 * A template module (`emails/<name>.tsx`: the component as its default export, `subject(props)`
 * beside it, props with `locale`) as the registry holds it.
 */
function defineEmail<P extends { locale: Locale }>(template: {
  default: (props: P) => ReactElement;
  subject: (props: P) => string;
}): EmailTemplate<P> {
  return { Component: template.default, subject: template.subject };
}

/** Every template by name. To add one: create `emails/<name>.tsx`, import it above, add its line here. */
const registry = {
  'verify-email': defineEmail(verifyEmail),
  'login-link': defineEmail(loginLink),
  'password-reset': defineEmail(passwordReset),
  'password-changed': defineEmail(passwordChanged),
  'account-exists': defineEmail(accountExists),
  'registration-confirmed': defineEmail(registrationConfirmed),
  'registration-waitlisted': defineEmail(registrationWaitlisted),
  'seat-offered': defineEmail(seatOffered),
  'offer-expired': defineEmail(offerExpired),
  'registration-cancelled': defineEmail(registrationCancelled),
  'course-reminder': defineEmail(courseReminder),
  'sessions-changed': defineEmail(sessionsChanged),
  'course-cancelled': defineEmail(courseCancelled),
  'follow-up-attended': defineEmail(followUpAttended),
  'follow-up-no-show': defineEmail(followUpNoShow),
  'registration-exists': defineEmail(registrationExists),
  'sign-up-confirm': defineEmail(signUpConfirm),
  'coordinator-message': defineEmail(coordinatorMessage),
  'mentor-invitation': defineEmail(mentorInvitation),
  'application-received': defineEmail(applicationReceived),
  'match-proposed': defineEmail(matchProposed),
  'match-introduction': defineEmail(matchIntroduction),
  'match-reminder': defineEmail(matchReminder),
  'match-expired': defineEmail(matchExpired),
  'match-alert': defineEmail(matchAlert),
  'match-nudge': defineEmail(matchNudge),
  'match-feedback-request': defineEmail(matchFeedbackRequest),
  'match-ended': defineEmail(matchEnded),
  'coordinator-invitation': defineEmail(coordinatorInvitation),
  'coordinator-appointed': defineEmail(coordinatorAppointed),
  'retention-warning': defineEmail(retentionWarning),
  'match-partner-left': defineEmail(matchPartnerLeft),
  'outcome-question': defineEmail(outcomeQuestion),
  'meeting-update': defineEmail(meetingUpdate),
  'meeting-check-in': defineEmail(meetingCheckIn),
  'academy-application-received': defineEmail(academyApplicationReceived),
  'academy-decision': defineEmail(academyDecision),
  'academy-reviewer-invitation': defineEmail(academyReviewerInvitation),
  'route-reminder': defineEmail(routeReminder),
  'placement-host-invitation': defineEmail(placementHostInvitation),
  'placement-proposed': defineEmail(placementProposed),
  'placement-confirmed': defineEmail(placementConfirmed),
  'placement-update': defineEmail(placementUpdate),
  'academy-completed': defineEmail(academyCompleted),
};

/** Every template's props, by name (from the registry). */
export type EmailTemplates = {
  [N in keyof typeof registry]: (typeof registry)[N] extends EmailTemplate<infer P> ? P : never;
};

export type EmailTemplateName = keyof EmailTemplates;

const emailTemplates: { [N in EmailTemplateName]: EmailTemplate<EmailTemplates[N]> } = registry;

export const emailTemplateNames = Object.keys(emailTemplates) as EmailTemplateName[];

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * HTML to plain text, with React Email's rules (no images, bare links) and headings kept as written
 * (html-to-text upper-cases them by default). Compiled once: React Email's `plainText` option
 * compiles these options again for every message, which was half the cost of rendering one.
 */
const toPlainText = compile({
  wordwrap: false,
  selectors: [...reactEmailTextSelectors, ...['h1', 'h2', 'h3'].map((selector) => ({ selector, options: { uppercase: false } }))],
});

const doctype = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * The email's HTML document. Our templates are synchronous (no Suspense), so React's static
 * renderer does: it is about three times faster than React Email's streaming `render`, which
 * matters when a worker sends thousands of follow-ups.
 */
const render = (element: ReactElement) => doctype + renderToStaticMarkup(element);

const stripNul = (value: string) => value.replaceAll('\u0000', '');

export async function renderEmail<N extends EmailTemplateName>(
  name: N,
  props: EmailTemplates[N],
  options: { unsubscribeUrl?: string | null } = {},
): Promise<RenderedEmail> {
  const template: EmailTemplate<EmailTemplates[N]> = emailTemplates[name];
  // Non-transactional mail shows an unsubscribe link in its footer (the layout reads it).
  const element = createElement(
    UnsubscribeContext.Provider,
    { value: options.unsubscribeUrl ?? null },
    // The registry ties each name to its props; TypeScript cannot follow that through the generic N.
    createElement(template.Component as (p: EmailTemplates[N]) => ReactElement, props as EmailTemplates[N] & Attributes),
  );

  const html = render(element);
  const text = toPlainText(render(createElement(EmailRenderModeContext.Provider, { value: 'text' }, element)));

  // React Email pads the preview text with invisible characters, among them U+0000, which
  // PostgreSQL cannot store in text and mail clients do not need.
  return { subject: template.subject(props), html: stripNul(html), text: stripNul(text).trim() };
}
