import { z } from 'zod';
import { organisationKinds } from '~db/schema';
import type { Translate } from '~/i18n';
import { emailField, newPasswordField, normalizeEmail, personNameField } from '../auth/schemas';

// The organisation forms' schemas (administrators; a coordinator's invitation). Nothing here reaches
// the database, so the browser checks with the same schema first (ADR 014); the routes parse again.

export function organisationSchema(t: Translate) {
  return z.object({
    name: z
      .string({ error: t('admin.errors.nameRequired') })
      .trim()
      .min(1, t('admin.errors.nameRequired'))
      .max(120, t('admin.errors.nameTooLong')),
    kind: z.enum(organisationKinds, { error: t('admin.errors.kind') }),
    contactEmail: z
      .string()
      .trim()
      .max(254, t('form.errors.email'))
      .pipe(z.union([z.literal(''), z.email({ error: t('form.errors.email') })]))
      .optional()
      .transform((v) => (v ? normalizeEmail(v) : null)),
  });
}
export type OrganisationFields = z.input<ReturnType<typeof organisationSchema>>;
export type OrganisationInput = z.output<ReturnType<typeof organisationSchema>>;

export const appointSchema = (t: Translate) => z.object({ email: emailField(t) });
export type AppointFields = z.input<ReturnType<typeof appointSchema>>;

// Accepting a coordinator invitation: a new account, or the password of the existing one.
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
