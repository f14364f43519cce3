import { z } from 'zod';
import type { Translate } from '~/i18n';
import { isCommonPassword } from './common-passwords';

// Form schemas take the request's translate function, so every message is in the chosen language.
// Nothing here touches the server: the browser runs the same schemas before a submit (ADR 014).

/** Addresses are stored and compared trimmed and lower-cased. */
export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

export const emailField = (t: Translate) =>
  z
    .string({ error: t('form.errors.emailRequired') })
    .trim()
    .min(1, t('form.errors.emailRequired'))
    .max(254, t('form.errors.email'))
    .pipe(z.email({ error: t('form.errors.email') }));

export const newPasswordField = (t: Translate) =>
  z
    .string({ error: t('form.errors.passwordRequired') })
    .min(12, t('security.passwordTooShort'))
    .max(128, t('security.passwordTooLong'))
    .refine((password) => !isCommonPassword(password), t('security.passwordCommon'));

const currentPasswordField = (t: Translate) =>
  z
    .string({ error: t('form.errors.passwordRequired') })
    .min(1, t('form.errors.passwordRequired'))
    .max(200, t('form.errors.passwordTooLong'));

/** A person's name on a new account. */
export const personNameField = (t: Translate) =>
  z
    .string({ error: t('form.errors.nameRequired') })
    .trim()
    .min(1, t('form.errors.nameRequired'))
    .max(100, t('form.errors.nameTooLong'));

export const registerSchema = (t: Translate) =>
  z.object({
    name: personNameField(t),
    email: emailField(t),
    password: newPasswordField(t),
  });

export const passwordLoginSchema = (t: Translate) => z.object({ email: emailField(t), password: currentPasswordField(t) });

export const emailOnlySchema = (t: Translate) => z.object({ email: emailField(t) });

const confirmField = (t: Translate) => z.string({ error: t('form.errors.passwordsDiffer') });
const samePasswords = (t: Translate): [(v: { password: string; confirm: string }) => boolean, { path: string[]; message: string }] => [
  (v) => v.password === v.confirm,
  { path: ['confirm'], message: t('form.errors.passwordsDiffer') },
];

export const resetPasswordSchema = (t: Translate) =>
  z.object({ password: newPasswordField(t), confirm: confirmField(t) }).refine(...samePasswords(t));

export const changePasswordSchema = (t: Translate) =>
  z.object({ current: currentPasswordField(t), password: newPasswordField(t), confirm: confirmField(t) }).refine(...samePasswords(t));

export type RegisterFields = z.input<ReturnType<typeof registerSchema>>;
export type PasswordLoginFields = z.input<ReturnType<typeof passwordLoginSchema>>;
export type EmailOnlyFields = z.input<ReturnType<typeof emailOnlySchema>>;
export type ResetPasswordFields = z.input<ReturnType<typeof resetPasswordSchema>>;
export type ChangePasswordFields = z.input<ReturnType<typeof changePasswordSchema>>;
