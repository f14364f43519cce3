import { z } from 'zod';
import { focusGroups, genders, meetingModes, offices, regionKinds } from '~db/schema';
import type { MessageKey, Translate } from '~/i18n';
import { emailField } from '../../auth/schemas';
import { scorePartIds, type ScorePartId } from '../../matching/scoring';
import { languageIds } from '../application-options';
import { MAX_CAPACITY, slotIds, themeIds } from '../profile-options';

// The schemas of the network and mentor forms (network, intake question, mentor profile, invitation).
// Nothing here reaches the database, the clock or a secret, so the browser checks a form with the same
// schema before sending it (ADR 014) and the action parses it again. What the schema needs from the
// database (the provinces and municipalities) the caller passes in: the loader's list in the browser.

// Schema parts. They read the form's raw strings (a checkbox list with one box ticked arrives as a
// string, with none as undefined; an empty field as ''), so routes parse with Conform's parseWithZod
// and `disableAutoCoercion: true`: Conform's coercion turns '' into undefined, a type error that stops
// zod before the cross-field checks, and the person would see fewer of the problems at once.

/** Initial values of a form, in the shape of its schema's input. */
export type FormDefaults = Record<string, unknown>;

const list = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const text = (t: Translate, max: number, requiredKey?: MessageKey) =>
  requiredKey
    ? z
        .string({ error: t(requiredKey) })
        .trim()
        .min(1, t(requiredKey))
        .max(max, t('networks.errors.tooLong', { max }))
    : z.preprocess((v) => v ?? '', z.string().trim().max(max, t('networks.errors.tooLong', { max })));
const whole = (t: Translate, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined),
    z
      .number({ error: t('networks.errors.number', { min, max }) })
      .int(t('networks.errors.number', { min, max }))
      .min(min, t('networks.errors.number', { min, max }))
      .max(max, t('networks.errors.number', { min, max })),
  );
const optionalDate = (t: Translate) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, t('networks.errors.date'))
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), t('networks.errors.date'))
      .nullable(),
  );
const subset = <T extends string>(allowed: readonly T[] | Set<string>, message: string) => {
  const set = allowed instanceof Set ? allowed : new Set<string>(allowed);
  return z.preprocess(
    list,
    z
      .array(z.string())
      .refine((values) => values.every((v) => set.has(v)), message)
      .transform((values) => [...new Set(values)] as T[]),
  );
};

export type ProvinceOption = { code: string; name: string; municipalities: { code: string; name: string }[] };

// The network

export function networkSchema(t: Translate, geography: ProvinceOption[], organisationIds?: string[]) {
  const provinceCodes = new Set(geography.map((p) => p.code));
  const municipalityCodes = new Set(geography.flatMap((p) => p.municipalities.map((m) => m.code)));
  const weightShape = Object.fromEntries(scorePartIds.map((id) => [id, whole(t, 0, 100)])) as Record<ScorePartId, ReturnType<typeof whole>>;
  return z
    .object({
      organisationId: organisationIds
        ? z
            .string({ error: t('networks.errors.organisation') })
            .refine((id) => organisationIds.includes(id), t('networks.errors.organisation'))
        : z.any().optional(),
      name: text(t, 150, 'networks.errors.nameRequired'),
      description: text(t, 5000),
      focusGroup: z.enum(focusGroups, { error: t('networks.errors.focusGroup') }),
      regionKind: z.enum(regionKinds, { error: t('networks.errors.regionKind') }),
      provinces: subset(provinceCodes, t('networks.errors.regionUnknown')),
      municipalities: subset(municipalityCodes, t('networks.errors.regionUnknown')),
      periodStart: optionalDate(t),
      periodEnd: optionalDate(t),
      applicationsOpen: checkbox,
      weights: z.object(weightShape),
      proposalReminderDays: whole(t, 1, 60),
      proposalAlertDays: whole(t, 1, 60),
      proposalExpiryDays: whole(t, 1, 90),
    })
    .superRefine((v, ctx) => {
      if (v.regionKind === 'provinces' && v.provinces.length === 0)
        ctx.addIssue({ code: 'custom', path: ['provinces'], message: t('networks.errors.provincesRequired') });
      if (v.regionKind === 'municipalities' && v.municipalities.length === 0)
        ctx.addIssue({ code: 'custom', path: ['municipalities'], message: t('networks.errors.municipalitiesRequired') });
      if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart)
        ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: t('networks.errors.periodOrder') });
      if (!(v.proposalReminderDays < v.proposalAlertDays && v.proposalAlertDays < v.proposalExpiryDays))
        ctx.addIssue({ code: 'custom', path: ['proposalExpiryDays'], message: t('networks.errors.daysOrder') });
      if (Object.values(v.weights).every((w) => w === 0))
        ctx.addIssue({ code: 'custom', path: ['weights'], message: t('networks.errors.weightsZero') });
    })
    .transform((v) => ({
      organisationId: typeof v.organisationId === 'string' ? v.organisationId : undefined,
      name: v.name,
      description: v.description,
      focusGroup: v.focusGroup,
      regionKind: v.regionKind,
      regionCodes: v.regionKind === 'provinces' ? v.provinces : v.regionKind === 'municipalities' ? v.municipalities : [],
      periodStart: v.periodStart,
      periodEnd: v.periodEnd,
      applicationsOpen: v.applicationsOpen,
      weights: v.weights as Record<ScorePartId, number>,
      proposalReminderDays: v.proposalReminderDays,
      proposalAlertDays: v.proposalAlertDays,
      proposalExpiryDays: v.proposalExpiryDays,
    }));
}
export type NetworkInput = z.output<ReturnType<typeof networkSchema>>;
/** The network form's fields, for useForm (`weights` is a group of fields). */
export type NetworkFields = Record<Exclude<keyof z.input<ReturnType<typeof networkSchema>>, 'weights'>, unknown> & {
  weights: Record<ScorePartId, unknown>;
};

// Intake questions (a JSON list on the network, edited like the course questions)

export function intakeQuestionSchema(t: Translate) {
  return z
    .object({
      kind: z.enum(['text', 'choice', 'yes-no'], { error: t('networks.errors.questionKind') }),
      label: text(t, 300, 'networks.errors.questionRequired'),
      options: text(t, 5000),
      required: checkbox,
    })
    .transform((v, ctx) => {
      let options: string[] = [];
      if (v.kind === 'choice') {
        options = [...new Set(v.options.split(/\r?\n/).map((o) => o.trim()))].filter(Boolean);
        if (options.length < 2 || options.length > 20 || options.some((o) => o.length > 150)) {
          ctx.addIssue({ code: 'custom', path: ['options'], message: t('networks.errors.options', { max: 20 }) });
          return z.NEVER;
        }
      }
      return { kind: v.kind, label: v.label, options, required: v.required };
    });
}
export type IntakeQuestionInput = z.output<ReturnType<typeof intakeQuestionSchema>>;
export type IntakeQuestionFields = Record<keyof z.input<ReturnType<typeof intakeQuestionSchema>>, unknown>;

// The mentor profile

export function mentorProfileSchema(t: Translate, municipalityCodes: Set<string>) {
  return z.object({
    office: z.enum(offices, { error: t('networks.errors.office') }),
    municipalityCode: z
      .string({ error: t('networks.errors.municipality') })
      .refine((code) => municipalityCodes.has(code), t('networks.errors.municipality')),
    party: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() ? v.trim() : null),
      z
        .string()
        .max(100, t('networks.errors.tooLong', { max: 100 }))
        .nullable(),
    ),
    gender: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.enum(genders, { error: t('networks.errors.gender') }).nullable(),
    ),
    themes: subset(themeIds, t('networks.errors.themes')).refine((v) => v.length > 0, t('networks.errors.themesRequired')),
    languages: subset(languageIds, t('networks.errors.languages')).refine((v) => v.length > 0, t('networks.errors.languagesRequired')),
    meetingModes: subset(meetingModes, t('networks.errors.meetingModes')).refine(
      (v) => v.length > 0,
      t('networks.errors.meetingModesRequired'),
    ),
    capacity: whole(t, 0, MAX_CAPACITY),
    availability: subset(slotIds, t('networks.errors.availability')),
    bio: text(t, 2000),
    phone: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() ? v.trim() : null),
      z
        .string()
        .max(30, t('networks.errors.phone'))
        .regex(/^\+?[0-9 ()-]{6,}$/, t('networks.errors.phone'))
        .nullable(),
    ),
    pausedUntil: optionalDate(t),
  });
}
export type MentorProfileInput = z.output<ReturnType<typeof mentorProfileSchema>>;
/** The profile form's fields, for useForm (the values are strings as sent). */
export type MentorProfileFields = Record<keyof z.input<ReturnType<typeof mentorProfileSchema>>, unknown>;

// Invitations

export function inviteSchema(t: Translate) {
  return z.object({ name: text(t, 100, 'networks.errors.inviteeName'), email: emailField(t) });
}
export type InviteFields = Record<keyof z.input<ReturnType<typeof inviteSchema>>, unknown>;
