import { z } from 'zod';
import type { AcademyQuestion } from '~db/schema';
import type { Translate } from '~/i18n';
import { selfIdentifiableGroups } from '../mentoring/application-options';

// The academy application form's schema. Nothing here reaches the database, so the browser checks the
// form with it before sending (ADR 014) and the action parses it again.

const flag = z
  .union([z.literal('on'), z.literal('true'), z.boolean()])
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === true);
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set(v === undefined ? [] : [v].flat())]);

export function academyApplicationSchema(t: Translate, questions: AcademyQuestion[]) {
  const text = (max: number) =>
    z
      .string()
      .trim()
      .max(max, t('form.errors.tooLong'))
      .optional()
      .transform((v) => v ?? '');
  return z
    .object({
      motivation: z
        .string({ error: t('academyApply.errors.motivation') })
        .trim()
        .min(1, t('academyApply.errors.motivation'))
        .max(4000, t('form.errors.tooLong')),
      experience: text(4000),
      municipality: z
        .string()
        .trim()
        .optional()
        .transform((v) => v || null),
      party: text(200),
      noParty: flag,
      availability: text(1000),
      // One field per question, checked with the rest (a refinement would wait for every other field).
      q: z.preprocess(
        (v) => v ?? {},
        z.object(
          Object.fromEntries(
            questions.map((question) => {
              const answer = z.string().trim().max(4000, t('form.errors.tooLong'));
              const kind =
                question.kind === 'yes-no' ? answer.refine((v) => v === 'yes' || v === 'no', t('academyApply.errors.question')) : answer;
              return [
                question.id,
                question.required
                  ? z.string({ error: t('academyApply.errors.question') }).pipe(kind)
                  : kind.optional().or(z.literal('')).optional(),
              ];
            }),
          ),
        ),
      ) as z.ZodType<Record<string, string | undefined>, Record<string, string | undefined> | undefined>,
      focusGroups: list,
      disability: flag,
      disabilityConsent: flag,
    })
    .superRefine((v, ctx) => {
      for (const question of questions) {
        const answer = v.q?.[question.id] ?? '';
        if (question.required && !answer)
          ctx.addIssue({ code: 'custom', path: ['q', question.id], message: t('academyApply.errors.question') });
        if (question.kind === 'yes-no' && answer && answer !== 'yes' && answer !== 'no') {
          ctx.addIssue({ code: 'custom', path: ['q', question.id], message: t('academyApply.errors.question') });
        }
      }
      if (!v.focusGroups.every((g) => (selfIdentifiableGroups as readonly string[]).includes(g))) {
        ctx.addIssue({ code: 'custom', path: ['focusGroups'], message: t('academyApply.errors.notAnOption') });
      }
      if (v.disability && !v.disabilityConsent) {
        ctx.addIssue({ code: 'custom', path: ['disabilityConsent'], message: t('academyApply.errors.disabilityConsent') });
      }
    });
}
export type AcademyApplicationInput = z.output<ReturnType<typeof academyApplicationSchema>>;
export type AcademyApplicationFields = z.input<ReturnType<typeof academyApplicationSchema>>;
