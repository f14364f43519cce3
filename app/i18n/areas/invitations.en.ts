// English: what every invitation's page says, whatever the invitation is for (ADR 022).
import type { nl } from './invitations.nl';
import type { Translation } from '../types';

export const en: Translation<typeof nl> = {
  'invitations.problem.invalid.title': 'This invitation does not work',
  'invitations.problem.invalid.body':
    'The link is not right, or the invitation was withdrawn or sent again. Ask whoever invited you for a new invitation.',
  'invitations.problem.expired.title': 'This invitation has expired',
  'invitations.problem.expired.body': 'An invitation works for 14 days. Ask whoever invited you to send it again.',
  'invitations.problem.used.title': 'This invitation has been used already',
  'invitations.problem.used.body': 'An invitation works only once. Did you use it yourself? Then log in.',
  'invitations.logout': 'Log out',
  'invitations.login': 'Log in',
  'invitations.loginWith': 'Log in with {email} to accept the invitation.',
  'invitations.register': 'No account with {email} yet? Create one first, then open this link again.',
  'invitations.registerLink': 'Create an account',
  'invitations.wrongPassword': 'This password does not belong to this account. Please try again.',
  'invitations.accountExists': 'An account with this email address was just created. Reload the page and log in.',
  'invitations.list.caption': 'Open invitations',
  'invitations.list.name': 'Name',
  'invitations.list.email': 'Email address',
  'invitations.list.link': 'Link',
  'invitations.list.expires': 'Works until {date}',
  'invitations.list.expired': 'Expired on {date}',
  'invitations.list.actions': 'Actions',
  'invitations.list.resend': 'Send again',
  'invitations.list.revoke': 'Withdraw',
};
