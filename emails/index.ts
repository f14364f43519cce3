import { plainTextSelectors as reactEmailTextSelectors } from '@react-email/render';
import { compile } from 'html-to-text';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ApplicationReceived, { subject as applicationReceivedSubject, type ApplicationReceivedProps } from './application-received';
import AccountExists, { subject as accountExistsSubject, type AccountExistsProps } from './account-exists';
import CoordinatorAppointed, { subject as coordinatorAppointedSubject, type CoordinatorAppointedProps } from './coordinator-appointed';
import CoordinatorInvitation, { subject as coordinatorInvitationSubject, type CoordinatorInvitationProps } from './coordinator-invitation';
import CoordinatorMessage, { subject as coordinatorMessageSubject, type CoordinatorMessageProps } from './coordinator-message';
import CourseCancelled, { subject as courseCancelledSubject, type CourseCancelledProps } from './course-cancelled';
import CourseReminder, { subject as courseReminderSubject, type CourseReminderProps } from './course-reminder';
import FollowUpAttended, { subject as followUpAttendedSubject, type FollowUpAttendedProps } from './follow-up-attended';
import FollowUpNoShow, { subject as followUpNoShowSubject, type FollowUpNoShowProps } from './follow-up-no-show';
import MentorInvitation, { subject as mentorInvitationSubject, type MentorInvitationProps } from './mentor-invitation';
import { EmailRenderModeContext, UnsubscribeContext, type Locale } from './layout';
import LoginLink, { subject as loginLinkSubject, type LoginLinkProps } from './login-link';
import MatchProposed, { subject as matchProposedSubject, type MatchProposedProps } from './match-proposed';
import MatchAlert, { subject as matchAlertSubject, type MatchAlertProps } from './match-alert';
import MatchEnded, { subject as matchEndedSubject, type MatchEndedProps } from './match-ended';
import MatchFeedbackRequest, { subject as matchFeedbackRequestSubject, type MatchFeedbackRequestProps } from './match-feedback-request';
import MatchIntroduction, { subject as matchIntroductionSubject, type MatchIntroductionProps } from './match-introduction';
import MatchNudge, { subject as matchNudgeSubject, type MatchNudgeProps } from './match-nudge';
import MatchReminder, { subject as matchReminderSubject, type MatchReminderProps } from './match-reminder';
import MatchExpired, { subject as matchExpiredSubject, type MatchExpiredProps } from './match-expired';
import OutcomeQuestion, { subject as outcomeQuestionSubject, type OutcomeQuestionProps } from './outcome-question';
import OfferExpired, { subject as offerExpiredSubject, type OfferExpiredProps } from './offer-expired';
import PasswordChanged, { subject as passwordChangedSubject, type PasswordChangedProps } from './password-changed';
import PasswordReset, { subject as passwordResetSubject, type PasswordResetProps } from './password-reset';
import RegistrationCancelled, { subject as registrationCancelledSubject, type RegistrationCancelledProps } from './registration-cancelled';
import RegistrationConfirmed, { subject as registrationConfirmedSubject, type RegistrationConfirmedProps } from './registration-confirmed';
import RegistrationExists, { subject as registrationExistsSubject, type RegistrationExistsProps } from './registration-exists';
import RegistrationWaitlisted, {
  subject as registrationWaitlistedSubject,
  type RegistrationWaitlistedProps,
} from './registration-waitlisted';
import SignUpConfirm, { subject as signUpConfirmSubject, type SignUpConfirmProps } from './sign-up-confirm';
import SeatOffered, { subject as seatOfferedSubject, type SeatOfferedProps } from './seat-offered';
import SessionsChanged, { subject as sessionsChangedSubject, type SessionsChangedProps } from './sessions-changed';
import RetentionWarning, { subject as retentionWarningSubject, type RetentionWarningProps } from './retention-warning';
import MatchPartnerLeft, { subject as matchPartnerLeftSubject, type MatchPartnerLeftProps } from './match-partner-left';
import VerifyEmail, { subject as verifyEmailSubject, type VerifyEmailProps } from './verify-email';

export type { Locale } from './layout';
export type { SessionLine } from './course-parts';
export type { NearbyCourse } from './follow-up-no-show';
export type {
  ApplicationReceivedProps,
  AccountExistsProps,
  CoordinatorMessageProps,
  CourseCancelledProps,
  CourseReminderProps,
  FollowUpAttendedProps,
  FollowUpNoShowProps,
  LoginLinkProps,
  MentorInvitationProps,
  MatchProposedProps,
  MatchAlertProps,
  MatchEndedProps,
  MatchFeedbackRequestProps,
  MatchIntroductionProps,
  MatchNudgeProps,
  MatchReminderProps,
  MatchExpiredProps,
  OfferExpiredProps,
  OutcomeQuestionProps,
  PasswordChangedProps,
  PasswordResetProps,
  RegistrationCancelledProps,
  RegistrationConfirmedProps,
  RegistrationExistsProps,
  RegistrationWaitlistedProps,
  SeatOfferedProps,
  SessionsChangedProps,
  VerifyEmailProps,
  CoordinatorInvitationProps,
  CoordinatorAppointedProps,
  RetentionWarningProps,
  MatchPartnerLeftProps,
};

/**
 * Every template, by name, with its props. To add a template: create
 * `emails/<name>.tsx` (default-export the component, export `subject` and the
 * props type, props must include `locale: Locale`), then add it here and in
 * `emailTemplates` below.
 */
export type EmailTemplates = {
  'verify-email': VerifyEmailProps;
  'login-link': LoginLinkProps;
  'password-reset': PasswordResetProps;
  'password-changed': PasswordChangedProps;
  'account-exists': AccountExistsProps;
  'registration-confirmed': RegistrationConfirmedProps;
  'registration-waitlisted': RegistrationWaitlistedProps;
  'seat-offered': SeatOfferedProps;
  'offer-expired': OfferExpiredProps;
  'registration-cancelled': RegistrationCancelledProps;
  'course-reminder': CourseReminderProps;
  'sessions-changed': SessionsChangedProps;
  'course-cancelled': CourseCancelledProps;
  'follow-up-attended': FollowUpAttendedProps;
  'follow-up-no-show': FollowUpNoShowProps;
  'registration-exists': RegistrationExistsProps;
  'sign-up-confirm': SignUpConfirmProps;
  'coordinator-message': CoordinatorMessageProps;
  'mentor-invitation': MentorInvitationProps;
  'application-received': ApplicationReceivedProps;
  'match-proposed': MatchProposedProps;
  'match-introduction': MatchIntroductionProps;
  'match-reminder': MatchReminderProps;
  'match-expired': MatchExpiredProps;
  'match-alert': MatchAlertProps;
  'match-nudge': MatchNudgeProps;
  'match-feedback-request': MatchFeedbackRequestProps;
  'match-ended': MatchEndedProps;
  'coordinator-invitation': CoordinatorInvitationProps;
  'coordinator-appointed': CoordinatorAppointedProps;
  'retention-warning': RetentionWarningProps;
  'match-partner-left': MatchPartnerLeftProps;
  'outcome-question': OutcomeQuestionProps;
};

export type EmailTemplateName = keyof EmailTemplates;

export type EmailTemplate<P extends { locale: Locale }> = {
  Component: (props: P) => ReactElement;
  subject: (props: P) => string;
};

export const emailTemplates: { [N in EmailTemplateName]: EmailTemplate<EmailTemplates[N]> } = {
  'verify-email': { Component: VerifyEmail, subject: verifyEmailSubject },
  'login-link': { Component: LoginLink, subject: loginLinkSubject },
  'password-reset': { Component: PasswordReset, subject: passwordResetSubject },
  'password-changed': { Component: PasswordChanged, subject: passwordChangedSubject },
  'account-exists': { Component: AccountExists, subject: accountExistsSubject },
  'registration-confirmed': { Component: RegistrationConfirmed, subject: registrationConfirmedSubject },
  'registration-waitlisted': { Component: RegistrationWaitlisted, subject: registrationWaitlistedSubject },
  'seat-offered': { Component: SeatOffered, subject: seatOfferedSubject },
  'offer-expired': { Component: OfferExpired, subject: offerExpiredSubject },
  'registration-cancelled': { Component: RegistrationCancelled, subject: registrationCancelledSubject },
  'course-reminder': { Component: CourseReminder, subject: courseReminderSubject },
  'sessions-changed': { Component: SessionsChanged, subject: sessionsChangedSubject },
  'course-cancelled': { Component: CourseCancelled, subject: courseCancelledSubject },
  'follow-up-attended': { Component: FollowUpAttended, subject: followUpAttendedSubject },
  'follow-up-no-show': { Component: FollowUpNoShow, subject: followUpNoShowSubject },
  'registration-exists': { Component: RegistrationExists, subject: registrationExistsSubject },
  'sign-up-confirm': { Component: SignUpConfirm, subject: signUpConfirmSubject },
  'coordinator-message': { Component: CoordinatorMessage, subject: coordinatorMessageSubject },
  'mentor-invitation': { Component: MentorInvitation, subject: mentorInvitationSubject },
  'application-received': { Component: ApplicationReceived, subject: applicationReceivedSubject },
  'match-proposed': { Component: MatchProposed, subject: matchProposedSubject },
  'match-introduction': { Component: MatchIntroduction, subject: matchIntroductionSubject },
  'match-reminder': { Component: MatchReminder, subject: matchReminderSubject },
  'match-expired': { Component: MatchExpired, subject: matchExpiredSubject },
  'match-alert': { Component: MatchAlert, subject: matchAlertSubject },
  'match-nudge': { Component: MatchNudge, subject: matchNudgeSubject },
  'match-feedback-request': { Component: MatchFeedbackRequest, subject: matchFeedbackRequestSubject },
  'match-ended': { Component: MatchEnded, subject: matchEndedSubject },
  'coordinator-invitation': { Component: CoordinatorInvitation, subject: coordinatorInvitationSubject },
  'coordinator-appointed': { Component: CoordinatorAppointed, subject: coordinatorAppointedSubject },
  'retention-warning': { Component: RetentionWarning, subject: retentionWarningSubject },
  'match-partner-left': { Component: MatchPartnerLeft, subject: matchPartnerLeftSubject },
  'outcome-question': { Component: OutcomeQuestion, subject: outcomeQuestionSubject },
};

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
    createElement(template.Component, props),
  );

  const html = render(element);
  const text = toPlainText(render(createElement(EmailRenderModeContext.Provider, { value: 'text' }, element)));

  // React Email pads the preview text with invisible characters, among them U+0000, which
  // PostgreSQL cannot store in text and mail clients do not need.
  return { subject: template.subject(props), html: stripNul(html), text: stripNul(text).trim() };
}
