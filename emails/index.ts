import { render } from '@react-email/render';
import { createElement, type ReactElement } from 'react';
import AccountExists, { subject as accountExistsSubject, type AccountExistsProps } from './account-exists';
import { EmailRenderModeContext, type Locale } from './layout';
import LoginLink, { subject as loginLinkSubject, type LoginLinkProps } from './login-link';
import PasswordChanged, { subject as passwordChangedSubject, type PasswordChangedProps } from './password-changed';
import PasswordReset, { subject as passwordResetSubject, type PasswordResetProps } from './password-reset';
import VerifyEmail, { subject as verifyEmailSubject, type VerifyEmailProps } from './verify-email';

export type { Locale } from './layout';
export type { AccountExistsProps, LoginLinkProps, PasswordChangedProps, PasswordResetProps, VerifyEmailProps };

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
};

export const emailTemplateNames = Object.keys(emailTemplates) as EmailTemplateName[];

export type RenderedEmail = { subject: string; html: string; text: string };

/** Keep headings as written in the plain-text part (html-to-text upper-cases them by default). */
const plainTextSelectors = ['h1', 'h2', 'h3'].map((selector) => ({
  selector,
  options: { uppercase: false },
}));

const stripNul = (value: string) => value.replaceAll('\u0000', '');

export async function renderEmail<N extends EmailTemplateName>(name: N, props: EmailTemplates[N]): Promise<RenderedEmail> {
  const template: EmailTemplate<EmailTemplates[N]> = emailTemplates[name];
  const element = createElement(template.Component, props);

  const html = await render(element);
  const text = await render(createElement(EmailRenderModeContext.Provider, { value: 'text' }, element), {
    plainText: true,
    htmlToTextOptions: { selectors: plainTextSelectors },
  });

  // React Email pads the preview text with invisible characters, among them U+0000, which
  // PostgreSQL cannot store in text and mail clients do not need.
  return { subject: template.subject(props), html: stripNul(html), text: stripNul(text).trim() };
}
