import { z } from 'zod';
import type { Translate } from '~/i18n';

// The schemas of a match's forms that the browser can run too (ADR 014): nothing here reaches the
// server. The check-in's schema stays in matches.server.ts: "not in the future" reads the server's clock.

const reasonField = (t: Translate) =>
  z
    .string({ error: t('matches.errors.reasonRequired') })
    .trim()
    .min(1, t('matches.errors.reasonRequired'))
    .max(1000, t('matches.errors.tooLong', { max: 1000 }));

/** Declining a proposal and ending a match both ask why, in a few words. */
export function reasonSchema(t: Translate) {
  return z.object({ reason: reasonField(t) });
}
export type ReasonFields = z.input<ReturnType<typeof reasonSchema>>;

export function feedbackSchema(t: Translate) {
  return z.object({
    rating: z.coerce
      .number({ error: t('matches.errors.ratingRequired') })
      .int(t('matches.errors.ratingRequired'))
      .min(1, t('matches.errors.ratingRequired'))
      .max(5, t('matches.errors.ratingRequired')),
    comment: z
      .string()
      .trim()
      .max(2000, t('matches.errors.tooLong', { max: 2000 }))
      .optional()
      .transform((v) => v ?? ''),
  });
}
export type FeedbackFields = z.input<ReturnType<typeof feedbackSchema>>;
