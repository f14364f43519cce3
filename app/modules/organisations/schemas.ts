import { z } from 'zod';
import { organisationKinds } from '~db/schema';
import type { Translate } from '~/i18n';
import { emailField, normalizeEmail } from '../auth/schemas';

// The organisation forms' schemas (administrators). Nothing here reaches
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
