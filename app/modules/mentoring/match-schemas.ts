import { z } from 'zod';
import { checkInModes } from '~db/schema';
import type { Translate } from '~/i18n';

// The schemas of a match's forms that the browser can run too (ADR 014): nothing here reaches the
// server. The check-in's "not in the future" takes today's date as a parameter: the server's clock on the
// server, the date the page was rendered with in the browser.

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

/** A meeting that took place: on `today` (the server's date in the Netherlands, which the page passes on) or before. */
export function checkInSchema(t: Translate, today: string) {
  return z.object({
    happenedOn: z
      .string({ error: t('matches.errors.dateRequired') })
      .regex(/^\d{4}-\d{2}-\d{2}$/, t('matches.errors.dateRequired'))
      .refine((d) => !Number.isNaN(Date.parse(`${d}T12:00:00Z`)), t('matches.errors.dateRequired'))
      .refine((d) => d <= today, t('matches.errors.dateFuture')),
    mode: z.enum(checkInModes, { error: t('matches.errors.modeRequired') }),
    note: z
      .string()
      .trim()
      .max(1000, t('matches.errors.tooLong', { max: 1000 }))
      .optional()
      .transform((v) => v ?? ''),
  });
}
export type CheckInFields = z.input<ReturnType<typeof checkInSchema>>;
