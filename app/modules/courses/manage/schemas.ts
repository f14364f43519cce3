import { z } from 'zod';
import { courseFormats, questionKinds, seatPools, type CourseFormat } from '~db/schema';
import type { MessageKey, Translate } from '~/i18n';
import { emailField } from '../../auth/schemas';
import { fromAmsterdam, fromLocalDateTime } from '../../time';

// The course forms' schemas, built with the page's translate function. Nothing here reaches the database
// or the clock, so the browser checks with the same schema first (ADR 014); the actions parse them again.

const optionalText = (t: Translate, max: number) =>
  z
    .string()
    .trim()
    .max(max, t('manageCourses.errors.tooLong', { max }))
    .optional()
    .transform((v) => v ?? '');

const requiredText = (t: Translate, max: number, requiredKey: MessageKey) =>
  z
    .string({ error: t(requiredKey) })
    .trim()
    .min(1, t(requiredKey))
    .max(max, t('manageCourses.errors.tooLong', { max }));

const wholeNumber = (t: Translate, min: number, max: number, key: MessageKey) =>
  z
    .number({ error: t(key, { min, max }) })
    .int(t(key, { min, max }))
    .min(min, t(key, { min, max }))
    .max(max, t(key, { min, max }));

const localDateTime = (t: Translate) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const date = fromLocalDateTime(value);
      if (!date) {
        ctx.issues.push({ code: 'custom', message: t('manageCourses.errors.dateTime'), input: value });
        return z.NEVER;
      }
      return date;
    });

function isHttpsUrl(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && Boolean(url.hostname) && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** "12,50" or "12.50" euros as cents; null when it is not an amount. */
function parseEuros(value: string): number | null {
  const match = /^(?:€\s*)?(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(value.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

export function formatEuros(cents: number) {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',');
}

function courseFields(t: Translate, municipalityCodes: Set<string>) {
  return z.object({
    title: requiredText(t, 150, 'manageCourses.errors.titleRequired'),
    description: optionalText(t, 5000),
    municipalityCode: z
      .string({ error: t('manageCourses.errors.municipalityRequired') })
      .refine((code) => municipalityCodes.has(code), t('manageCourses.errors.municipalityUnknown')),
    format: z.enum(courseFormats, { error: t('manageCourses.errors.format') }),
    locationName: optionalText(t, 200),
    address: optionalText(t, 300),
    onlineUrl: optionalText(t, 500).refine((v) => v === '' || isHttpsUrl(v), t('manageCourses.errors.onlineUrl')),
    language: z.enum(['nl', 'en'], { error: t('manageCourses.errors.language') }),
    cost: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (!value) return 0;
        const cents = parseEuros(value);
        if (cents === null) {
          ctx.issues.push({ code: 'custom', message: t('manageCourses.errors.cost'), input: value });
          return z.NEVER;
        }
        return cents;
      }),
    capacity: wholeNumber(t, 1, 10000, 'manageCourses.errors.capacity'),
    // A hybrid course's online seats (required there, see poolsComplete); ignored for other formats.
    onlineCapacity: z.number({ error: t('pools.errors.onlineCapacity', { min: 1, max: 10000 }) }).optional(),
    registrationOpensAt: localDateTime(t),
    registrationClosesAt: localDateTime(t),
    cancellationDeadline: localDateTime(t),
    claimWindowHours: wholeNumber(t, 0, 336, 'manageCourses.errors.claimWindow'),
    reminderDaysBefore: wholeNumber(t, 0, 30, 'manageCourses.errors.reminderDays'),
    completionThreshold: wholeNumber(t, 1, 100, 'manageCourses.errors.threshold').optional(),
    certificateMinimum: wholeNumber(t, 1, 100, 'manageCourses.errors.threshold').optional(),
    accessibilityInfo: optionalText(t, 2000),
  });
}

type DeadlineFields = { registrationOpensAt: Date | null; registrationClosesAt: Date | null };
const deadlinesInOrder = (t: Translate) => (v: DeadlineFields, ctx: z.RefinementCtx) => {
  if (v.registrationOpensAt && v.registrationClosesAt && v.registrationClosesAt <= v.registrationOpensAt) {
    ctx.addIssue({ code: 'custom', path: ['registrationClosesAt'], message: t('manageCourses.errors.closesBeforeOpens') });
  }
};

type PoolFields = { format: CourseFormat; onlineCapacity?: number };
/** A hybrid course needs its online seats (1 or more), a whole number like the room's. */
const poolsComplete = (t: Translate) => (v: PoolFields, ctx: z.RefinementCtx) => {
  if (v.format !== 'hybrid') return;
  const n = v.onlineCapacity;
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 10000) {
    ctx.addIssue({ code: 'custom', path: ['onlineCapacity'], message: t('pools.errors.onlineCapacity', { min: 1, max: 10000 }) });
  }
};

const courseChecks = (t: Translate) => (v: DeadlineFields & PoolFields, ctx: z.RefinementCtx) => {
  poolsComplete(t)(v, ctx);
  deadlinesInOrder(t)(v, ctx);
};

/** The online seats to store: a hybrid course's own number, null for any other format. */
export function onlineCapacityOf(input: PoolFields) {
  return input.format === 'hybrid' ? (input.onlineCapacity ?? null) : null;
}

/** The course form when editing. */
export function courseSchema(t: Translate, municipalityCodes: Set<string>) {
  return courseFields(t, municipalityCodes).superRefine(courseChecks(t));
}

/** The course form for a new course: with the choice of organisation. */
export function newCourseSchema(t: Translate, municipalityCodes: Set<string>, organisationIds: string[]) {
  return courseFields(t, municipalityCodes)
    .extend({
      organisationId: z
        .string({ error: t('manageCourses.errors.organisation') })
        .refine((id) => organisationIds.includes(id), t('manageCourses.errors.organisation')),
    })
    .superRefine(courseChecks(t));
}
/** The fields of both course forms: a new course also chooses its organisation. */
export type CourseFields = z.input<ReturnType<typeof courseSchema>> & { organisationId?: string };
export type CourseInput = z.output<ReturnType<typeof courseSchema>>;

/**
 * A session: a date with a start and end time (Dutch time), starting after `notBefore` when given. The
 * server gives its clock's now for a published course (a draft may record past sessions); the browser
 * gives none, so a clock that differs from the server's never refuses what the server would take.
 */
export function sessionSchema(t: Translate, options: { notBefore?: Date } = {}) {
  return z
    .object({
      date: z.string({ error: t('manageCourses.errors.dateRequired') }).regex(/^\d{4}-\d{2}-\d{2}$/, t('manageCourses.errors.date')),
      startTime: z
        .string({ error: t('manageCourses.errors.timeRequired') })
        .regex(/^\d{2}:\d{2}(:\d{2})?$/, t('manageCourses.errors.time')),
      endTime: z.string({ error: t('manageCourses.errors.timeRequired') }).regex(/^\d{2}:\d{2}(:\d{2})?$/, t('manageCourses.errors.time')),
      location: optionalText(t, 300),
    })
    .transform((v, ctx) => {
      const startsAt = fromAmsterdam(v.date, v.startTime);
      const endsAt = fromAmsterdam(v.date, v.endTime);
      if (!startsAt || !endsAt) {
        ctx.issues.push({ code: 'custom', path: ['date'], message: t('manageCourses.errors.date'), input: v.date });
        return z.NEVER;
      }
      if (endsAt <= startsAt) {
        ctx.issues.push({ code: 'custom', path: ['endTime'], message: t('manageCourses.errors.endBeforeStart'), input: v.endTime });
        return z.NEVER;
      }
      if (options.notBefore && startsAt.getTime() <= options.notBefore.getTime()) {
        ctx.issues.push({ code: 'custom', path: ['date'], message: t('manageCourses.errors.sessionInPast'), input: v.date });
        return z.NEVER;
      }
      return { startsAt, endsAt, location: v.location };
    });
}
export type SessionFields = z.input<ReturnType<typeof sessionSchema>>;
export type SessionInput = z.output<ReturnType<typeof sessionSchema>>;

const MAX_OPTIONS = 20;

/** A question of the sign-up form. Choice questions have their options one per line. */
export function questionSchema(t: Translate) {
  return z
    .object({
      kind: z.enum(questionKinds, { error: t('manageCourses.errors.questionKind') }),
      label: requiredText(t, 300, 'manageCourses.errors.questionRequired'),
      options: z
        .string()
        .max(5000, t('manageCourses.errors.tooLong', { max: 5000 }))
        .optional(),
      required: z.boolean().optional(),
    })
    .transform((v, ctx) => {
      let options: string[] = [];
      if (v.kind === 'choice') {
        options = [...new Set((v.options ?? '').split(/\r?\n/).map((o) => o.trim()))].filter(Boolean);
        if (options.length < 2 || options.length > MAX_OPTIONS || options.some((o) => o.length > 150)) {
          ctx.issues.push({
            code: 'custom',
            path: ['options'],
            message: t('manageCourses.errors.options', { max: MAX_OPTIONS }),
            input: v.options,
          });
          return z.NEVER;
        }
      }
      return { kind: v.kind, label: v.label, options, required: v.required ?? false };
    });
}
export type QuestionFields = z.input<ReturnType<typeof questionSchema>>;
export type QuestionInput = z.output<ReturnType<typeof questionSchema>>;

/** A person added by a coordinator. */
export function manualAddSchema(t: Translate, municipalityCodes: Set<string>, hybrid = false) {
  return z.object({
    // On a hybrid course the coordinator says which pool (the form asks it first).
    pool: hybrid ? z.enum(seatPools, { error: t('pools.errors.chooseFor') }) : z.undefined().catch(undefined),
    name: requiredText(t, 100, 'form.errors.nameRequired'),
    email: emailField(t),
    municipalityCode: z
      .string({ error: t('manageCourses.errors.municipalityRequired') })
      .refine((code) => municipalityCodes.has(code), t('manageCourses.errors.municipalityUnknown')),
    locale: z.enum(['nl', 'en'], { error: t('manageCourses.errors.language') }),
  });
}
export type ManualAddFields = z.input<ReturnType<typeof manualAddSchema>>;

export function messageSchema(t: Translate) {
  return z.object({
    subject: requiredText(t, 150, 'manageCourses.errors.subjectRequired'),
    body: requiredText(t, 5000, 'manageCourses.errors.bodyRequired'),
  });
}
export type MessageFields = z.input<ReturnType<typeof messageSchema>>;

export function confirmSchema(t: Translate, key: MessageKey) {
  return z.object({ confirm: z.boolean({ error: t(key) }).refine((v) => v, t(key)) });
}
export type ConfirmFields = z.input<ReturnType<typeof confirmSchema>>;

/** The copy form: a new title and the new date of the first session (when the course has sessions). */
export function copyCourseSchema(t: Translate, options: { needsDate: boolean; today: string }) {
  return z.object({
    title: z
      .string({ error: t('manageCourses.errors.titleRequired') })
      .trim()
      .min(1, t('manageCourses.errors.titleRequired'))
      .max(150, t('manageCourses.errors.tooLong', { max: 150 })),
    firstDate: options.needsDate
      ? z
          .string({ error: t('copyCourse.errors.dateRequired') })
          .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && fromAmsterdam(v, '12:00') !== null, t('copyCourse.errors.dateInvalid'))
          .refine((v) => v >= options.today, t('copyCourse.errors.dateInPast'))
      : z.string().optional(),
  });
}
export type CopyCourseFields = z.input<ReturnType<typeof copyCourseSchema>>;
