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
