import { z } from 'zod';
import type { Translate } from '~/i18n';

// The route's forms (issue 17), for the server and the browser's check alike (ADR 014): nothing here
// reaches the server's modules.

const NOTE_MAX = 1000;

/** Ticking one step and writing its note. */
export function routeStepSchema(t: Translate) {
  return z.object({
    stepId: z.uuid(),
    done: z.boolean().optional().default(false),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX, t('route.errors.tooLong', { max: NOTE_MAX }))
      .optional()
      .transform((v) => v ?? ''),
  });
}
export type RouteStepFields = z.input<ReturnType<typeof routeStepSchema>>;

export function mentorCopySchema() {
  return z.object({ mentorCopy: z.boolean().optional().default(false) });
}

const days = (t: Translate, number: number) =>
  z.coerce
    .number({ error: t('route.manage.errors.days', { number }) })
    .int(t('route.manage.errors.days', { number }))
    .min(0, t('route.manage.errors.days', { number }))
    .max(1500, t('route.manage.errors.days', { number }));

/**
 * The coordinator's template form: every existing step (kept, moved, renamed or removed), and one
 * row for a new step that may stay empty. Messages name the step's number on the page, so each makes
 * sense on its own in the error summary.
 */
export function routeTemplateSchema(t: Translate, stepCount: number) {
  const step = (number: number) =>
    z.object({
      id: z.uuid(),
      titleNl: z
        .string({ error: t('route.manage.errors.titleNl', { number }) })
        .trim()
        .min(1, t('route.manage.errors.titleNl', { number }))
        .max(200),
      titleEn: z
        .string({ error: t('route.manage.errors.titleEn', { number }) })
        .trim()
        .min(1, t('route.manage.errors.titleEn', { number }))
        .max(200),
      daysBefore: days(t, number),
      position: z.coerce
        .number({ error: t('route.manage.errors.position', { number }) })
        .int(t('route.manage.errors.position', { number }))
        .min(1, t('route.manage.errors.position', { number }))
        .max(50, t('route.manage.errors.position', { number })),
      remove: z.boolean().optional().default(false),
    });
  return z.object({
    electionKind: z.enum(['municipal', 'provincial'], { error: t('route.manage.errors.kind') }),
    // One schema per step on the page, so each message names its step.
    steps: z.tuple(Array.from({ length: stepCount }, (_, i) => step(i + 1)) as [ReturnType<typeof step>, ...ReturnType<typeof step>[]]),
    newStep: z
      .object({
        titleNl: z.string().trim().max(200).optional(),
        titleEn: z.string().trim().max(200).optional(),
        daysBefore: z.string().trim().optional(),
      })
      .optional()
      .superRefine((v, ctx) => {
        const filled = [v?.titleNl, v?.titleEn, v?.daysBefore].filter((x) => x).length;
        if (filled === 0) return;
        if (!v?.titleNl) ctx.addIssue({ code: 'custom', path: ['titleNl'], message: t('route.manage.errors.newIncomplete') });
        else if (!v?.titleEn) ctx.addIssue({ code: 'custom', path: ['titleEn'], message: t('route.manage.errors.newIncomplete') });
        else if (!v?.daysBefore || !/^\d{1,4}$/.test(v.daysBefore) || Number(v.daysBefore) > 1500)
          ctx.addIssue({ code: 'custom', path: ['daysBefore'], message: t('route.manage.errors.newIncomplete') });
      }),
  });
}
/** The form's fields as the page names them (the schema's tuple has one entry per step on the page). */
export type RouteTemplateFields = {
  electionKind: 'municipal' | 'provincial';
  steps: { id: string; titleNl: string; titleEn: string; daysBefore: string; position: string; remove?: boolean }[];
  newStep?: { titleNl?: string; titleEn?: string; daysBefore?: string };
};
