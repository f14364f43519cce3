import { z } from 'zod';
import { focusGroups, offices, reviewerVisibleFields, type AcademyCriterion, type AcademyQuestion } from '~db/schema';
import type { Translate } from '~/i18n';
import { emailField } from '../auth/schemas';
import { generateToken } from '../security/tokens.server';
import { fromLocalDateTime, toLocalInputs } from '../time';
import type { Academy, CallSettings } from './call.server';

// The forms of the coordinator's and the reviewers' pages of an academy (ADR 018): the call's
// settings, a reviewer's invitation, a score, a decision. Each is a zod schema built with the
// request's translations and parsed with Conform in the route's action.

const flag = z
  .union([z.literal('on'), z.literal('true'), z.boolean()])
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === true);

const list = <T extends string>(allowed: readonly T[], message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : [v].flat())])
    .refine((values) => values.every((v) => (allowed as readonly string[]).includes(v)), message)
    .transform((values) => values as T[]);

const text = (t: Translate, max: number) =>
  z
    .string()
    .trim()
    .max(max, t('form.errors.tooLong'))
    .optional()
    .transform((v) => v ?? '');

/** Focus groups a call can be aimed at ('open' is the absence of any). */
const callFocusGroups = focusGroups.filter((g) => g !== 'open');

/** A question or criterion row of the form: an empty label drops the row. */
const row = (t: Translate) =>
  z.object({
    id: z
      .string()
      .regex(/^[\w-]{1,40}$/)
      .optional(),
    label: z.string().trim().max(200, t('form.errors.tooLong')).optional(),
    kind: z.enum(['text', 'yes-no']).optional(),
    required: flag,
  });

export function callSettingsSchema(t: Translate, provinceCodes: readonly string[]) {
  const moment = z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || fromLocalDateTime(v) !== null, t('academyCallForm.errors.moment'))
    .transform((v) => (v ? fromLocalDateTime(v) : null));
  const number = (min: number, max: number, message: string) =>
    z.number({ error: message }).int(message).min(min, message).max(max, message);
  return z
    .object({
      callPublished: flag,
      eligibleProvinces: list(provinceCodes, t('academyCallForm.errors.notAnOption')),
      eligibleFocusGroups: list(callFocusGroups, t('academyCallForm.errors.notAnOption')),
      eligibleOffices: list(offices, t('academyCallForm.errors.notAnOption')),
      eligibility: text(t, 2000),
      cost: text(t, 200),
      applicationsOpenAt: moment,
      applicationsCloseAt: moment,
      seats: number(1, 1000, t('academyCallForm.errors.seats')),
      claimDays: number(1, 60, t('academyCallForm.errors.claimDays')),
      questions: z
        .array(row(t))
        .optional()
        .transform((rows) => rows ?? []),
      criteria: z
        .array(row(t))
        .optional()
        .transform((rows) => rows ?? []),
      reviewerFields: list(reviewerVisibleFields, t('academyCallForm.errors.notAnOption')),
    })
    .superRefine((v, ctx) => {
      if (v.callPublished && !v.applicationsOpenAt)
        ctx.addIssue({ code: 'custom', path: ['applicationsOpenAt'], message: t('academyCallForm.errors.openRequired') });
      if (v.callPublished && !v.applicationsCloseAt)
        ctx.addIssue({ code: 'custom', path: ['applicationsCloseAt'], message: t('academyCallForm.errors.closeRequired') });
      if (v.applicationsOpenAt && v.applicationsCloseAt && v.applicationsCloseAt <= v.applicationsOpenAt)
        ctx.addIssue({ code: 'custom', path: ['applicationsCloseAt'], message: t('academyCallForm.errors.closeAfterOpen') });
      if (v.callPublished && !v.criteria.some((c) => c.label))
        ctx.addIssue({ code: 'custom', path: ['criteria'], message: t('academyCallForm.errors.criteria') });
    });
}
export type CallSettingsInput = z.output<ReturnType<typeof callSettingsSchema>>;

/** An id for a new question or criterion: short, stable once saved, safe in a field name. */
const newId = () => generateToken().slice(0, 10);

/** The form's values as the academy's call settings: empty rows dropped, new rows given an id. */
export function callSettingsOf(input: CallSettingsInput): CallSettings {
  const seen = new Set<string>();
  const idOf = (id: string | undefined) => {
    const chosen = id && !seen.has(id) ? id : newId();
    seen.add(chosen);
    return chosen;
  };
  const questions: AcademyQuestion[] = input.questions
    .filter((q) => q.label)
    .map((q) => ({ id: idOf(q.id), label: q.label!, kind: q.kind ?? 'text', required: q.required }));
  const criteria: AcademyCriterion[] = input.criteria.filter((c) => c.label).map((c) => ({ id: idOf(c.id), label: c.label! }));
  return {
    callPublished: input.callPublished,
    eligibleProvinces: input.eligibleProvinces,
    eligibleFocusGroups: input.eligibleFocusGroups,
    eligibleOffices: input.eligibleOffices,
    eligibility: input.eligibility,
    cost: input.cost,
    applicationsOpenAt: input.applicationsOpenAt,
    applicationsCloseAt: input.applicationsCloseAt,
    seats: input.seats,
    claimDays: input.claimDays,
    questions,
    criteria,
    reviewerFields: input.reviewerFields,
  };
}

/** Empty rows to add a question or criterion; each has an id already, so a refused form keeps the row. */
const blankRows = () => [0, 1].map(() => ({ id: newId(), label: '', kind: 'text' as const, required: '' }));

/** The saved call as the form's first values (dates as Dutch datetime-local text), with two empty rows each. */
export function callFormValues(academy: Academy) {
  return {
    callPublished: academy.callPublished ? 'on' : '',
    eligibleProvinces: academy.eligibleProvinces,
    eligibleFocusGroups: academy.eligibleFocusGroups,
    eligibleOffices: academy.eligibleOffices,
    eligibility: academy.eligibility,
    cost: academy.cost,
    applicationsOpenAt: academy.applicationsOpenAt ? toLocalInputs(academy.applicationsOpenAt).dateTime : '',
    applicationsCloseAt: academy.applicationsCloseAt ? toLocalInputs(academy.applicationsCloseAt).dateTime : '',
    seats: academy.seats > 0 ? String(academy.seats) : '',
    claimDays: String(academy.claimDays),
    questions: [
      ...academy.questions.map((q) => ({ id: q.id, label: q.label, kind: q.kind, required: q.required ? 'on' : '' })),
      ...blankRows(),
    ],
    criteria: [...academy.criteria.map((c) => ({ id: c.id, label: c.label })), ...blankRows().map(({ id }) => ({ id, label: '' }))],
    reviewerFields: academy.reviewerFields,
  };
}

export function reviewerInviteSchema(t: Translate) {
  return z.object({ email: emailField(t) });
}

/** One scorer's scores of one application: 1–5 for every criterion, and a note. */
export function scoreSchema(t: Translate, criteria: readonly AcademyCriterion[]) {
  return z.object({
    applicationId: z.string(),
    scores: z.preprocess(
      (v) => v ?? {},
      z.object(
        Object.fromEntries(
          criteria.map((c) => [
            c.id,
            z
              .number({ error: t('academyScoring.errors.score') })
              .int(t('academyScoring.errors.score'))
              .min(1)
              .max(5),
          ]),
        ),
      ),
    ) as z.ZodType<Record<string, number>>,
    note: text(t, 2000),
  });
}

/** The coordinator's draft decision about one application; a decline needs its reason (it goes to the person). */
export function decisionSchema(t: Translate) {
  return z
    .object({
      applicationId: z.string(),
      decision: z.enum(['admit', 'reserve', 'decline', 'none'], { error: t('academySelection.errors.decision') }),
      reason: text(t, 1000),
    })
    .superRefine((v, ctx) => {
      if (v.decision === 'decline' && !v.reason)
        ctx.addIssue({ code: 'custom', path: ['reason'], message: t('academySelection.errors.reason') });
    });
}
