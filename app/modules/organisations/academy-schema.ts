import { z } from 'zod';
import type { Translate } from '~/i18n';
import { isUuid } from '../text';

// The academy form's schema (/beheer/academies, new and edit). Nothing here reaches the database: the
// ids are checked against the organisation when saving. So the browser checks the form with it before
// sending (ADR 014) and the action parses it again.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dateField = (t: Translate) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || (DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), t('admin.academies.errors.date'))
    .transform((v) => v || null);

/** Checkbox lists arrive as one value or several; ids are checked against the organisation later. */
const idList = (t: Translate) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : [v].flat())])
    .refine((ids) => ids.every(isUuid), t('admin.academies.errors.unknown'));

export function academySchema(t: Translate) {
  return z
    .object({
      name: z
        .string({ error: t('admin.academies.errors.name') })
        .trim()
        .min(1, t('admin.academies.errors.name'))
        .max(120, t('admin.academies.errors.nameTooLong')),
      description: z
        .string()
        .trim()
        .max(4000, t('form.errors.tooLong'))
        .optional()
        .transform((v) => v ?? ''),
      periodStart: dateField(t),
      periodEnd: dateField(t),
      courseIds: idList(t),
      // The courses the form showed (one page of them): only those can be detached by unticking.
      // Absent (a form from before the course list was paged): every unticked course is detached.
      shownCourseIds: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .transform((v) => (v === undefined ? null : [...new Set([v].flat())]))
        .refine((ids) => ids === null || ids.every(isUuid), t('admin.academies.errors.unknown')),
      networkIds: idList(t),
    })
    .refine((v) => !v.periodStart || !v.periodEnd || v.periodEnd >= v.periodStart, {
      path: ['periodEnd'],
      message: t('admin.academies.errors.period'),
    });
}
export type AcademyInput = z.output<ReturnType<typeof academySchema>>;
