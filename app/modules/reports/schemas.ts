import { z } from 'zod';
import type { Translate } from '~/i18n';

// Form schemas of the election outcome pages. Nothing here reaches the database: the candidate page
// checks with the same schema in the browser first (ADR 014); the routes parse them again.

/**
 * The one-click answer (/uitslag/:token): the answer is the button pressed, so a missing or strange
 * value is a problem of the whole form (a form error, shown in the summary without a link).
 */
export const outcomeAnswerSchema = (t: Translate) =>
  z
    .object({ antwoord: z.string().optional() })
    .refine((v) => v.antwoord === 'ja' || v.antwoord === 'nee', { message: t('reports.outcome.chooseAnswer') })
    .transform((v) => ({ answer: v.antwoord === 'ja' }));

/** The candidate page: yes, no, or "rather not say / do not know yet" (also an empty or missing answer). */
const candidacyChoice = (t: Translate) => z.enum(['ja', 'nee', 'onbekend'], { error: t('reports.candidate.choose') }).optional();

export const candidacySchema = (t: Translate) => z.object({ onList: candidacyChoice(t), elected: candidacyChoice(t) });

export type CandidacyFields = z.input<ReturnType<typeof candidacySchema>>;
export type OutcomeAnswerFields = z.input<ReturnType<typeof outcomeAnswerSchema>>;
