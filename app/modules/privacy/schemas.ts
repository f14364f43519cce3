import { z } from 'zod';
import { emailCategories } from '~db/schema';
import type { Translate } from '~/i18n';

// The privacy pages' form schemas. Nothing here reaches the database, so the browser checks with the
// same schema first (ADR 014); the routes parse them again on the server.

/** Deleting the account asks for the password again, when the account has one (not after a link login). */
export const deleteAccountSchema = (t: Translate, hasPassword: boolean) =>
  z.object({
    password: hasPassword
      ? z
          .string({ error: t('privacy.delete.passwordRequired') })
          .min(1, t('privacy.delete.passwordRequired'))
          .max(200, t('form.errors.passwordTooLong'))
      : z.string().optional(),
  });

/** The email categories switched on; those left out are off. */
export const emailPreferencesSchema = (t: Translate) =>
  z.object({ on: z.array(z.enum(emailCategories, { error: t('privacy.email.unknown') })) });

export type DeleteAccountFields = z.input<ReturnType<typeof deleteAccountSchema>>;
export type EmailPreferencesFields = z.input<ReturnType<typeof emailPreferencesSchema>>;
