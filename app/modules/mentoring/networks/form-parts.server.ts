import { z } from 'zod';
import type { MessageKey, Translate } from '~/i18n';

// Schema parts. They read the form's raw strings (a checkbox list with one box ticked arrives as a
// string, with none as undefined; an empty field as ''), so routes parse with Conform's parseWithZod
// and `disableAutoCoercion: true`: Conform's coercion turns '' into undefined, a type error that stops
// zod before the cross-field checks, and the person would see fewer of the problems at once.

/** Initial values of a form, in the shape of its schema's input. */
export type FormDefaults = Record<string, unknown>;

const list = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
export const text = (t: Translate, max: number, requiredKey?: MessageKey) =>
  requiredKey
    ? z
        .string({ error: t(requiredKey) })
        .trim()
        .min(1, t(requiredKey))
        .max(max, t('networks.errors.tooLong', { max }))
    : z.preprocess((v) => v ?? '', z.string().trim().max(max, t('networks.errors.tooLong', { max })));
export const whole = (t: Translate, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined),
    z
      .number({ error: t('networks.errors.number', { min, max }) })
      .int(t('networks.errors.number', { min, max }))
      .min(min, t('networks.errors.number', { min, max }))
      .max(max, t('networks.errors.number', { min, max })),
  );
export const optionalDate = (t: Translate) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, t('networks.errors.date'))
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), t('networks.errors.date'))
      .nullable(),
  );
export const subset = <T extends string>(allowed: readonly T[] | Set<string>, message: string) => {
  const set = allowed instanceof Set ? allowed : new Set<string>(allowed);
  return z.preprocess(
    list,
    z
      .array(z.string())
      .refine((values) => values.every((v) => set.has(v)), message)
      .transform((values) => [...new Set(values)] as T[]),
  );
};
