import { z } from 'zod';
import type { Translate } from '~/i18n';
import { isUuid } from '../text';

// The host's "no" to a proposed participant, with the reason the coordinator reads. Safe in the
// browser (ADR 014): the page checks it before sending, the action parses it again.
export const declineSchema = (t: Translate) =>
  z.object({
    placementId: z.string().refine(isUuid, t('placements.errors.unknown')),
    reason: z
      .string({ error: t('placements.errors.reason') })
      .trim()
      .min(1, t('placements.errors.reason'))
      .max(1000),
  });
export type DeclineFields = z.input<ReturnType<typeof declineSchema>>;

// The participant's ranking of the slots: pure, so the page checks it before sending too (ADR 014).
export const rankField = (slotId: string) => `rank_${slotId}`;

/** The ranking form over an academy's slots: each slot gets no rank or a rank 1..n, each rank once. */
export function preferencesSchema(t: Translate, slotIds: string[]) {
  const choice = z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= slotIds.length), t('placements.errors.rank'));
  return z.object(Object.fromEntries(slotIds.map((id) => [rankField(id), choice]))).superRefine((values, ctx) => {
    const seen = new Set<number>();
    for (const id of slotIds) {
      const rank = values[rankField(id)] as number | null;
      if (rank === null) continue;
      if (seen.has(rank)) ctx.addIssue({ code: 'custom', path: [rankField(id)], message: t('placements.errors.rankTwice', { rank }) });
      seen.add(rank);
    }
  });
}
