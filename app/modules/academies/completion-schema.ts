import { z } from 'zod';
import type { Translate } from '~/i18n';

// The coordinator's completion rule form (ADR 018, cohort and completion). Nothing here reaches the
// database, so the page checks it before sending (ADR 014) and the action parses it again.

export function completionRuleSchema(t: Translate) {
  return z.object({
    minModules: z
      .string()
      .trim()
      .optional()
      .transform((v) => v ?? '')
      .refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) >= 1), t('academyCohort.rule.errors.minModules'))
      .transform((v) => (v === '' ? null : Number(v))),
    placementRequired: z
      .union([z.literal('on'), z.literal('true')])
      .optional()
      .transform((v) => v !== undefined),
  });
}
