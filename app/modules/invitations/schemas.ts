import { z } from 'zod';
import type { Translate } from '~/i18n';
import { newPasswordField, personNameField } from '../auth/schemas';

// The forms of an invitation's page (ADR 022): a new account for the invited address, or the password
// of the account it has. Nothing here reaches the database, so the browser checks with the same
// schema first (ADR 014); the action parses again.

export const invitationAccountSchema = (t: Translate) =>
  z.object({
    name: personNameField(t),
    password: newPasswordField(t),
  });
export type InvitationAccountFields = z.input<ReturnType<typeof invitationAccountSchema>>;

export const invitationLoginSchema = (t: Translate) =>
  z.object({
    password: z
      .string({ error: t('form.errors.passwordRequired') })
      .min(1, t('form.errors.passwordRequired'))
      .max(200, t('form.errors.passwordTooLong')),
  });
export type InvitationLoginFields = z.input<ReturnType<typeof invitationLoginSchema>>;
