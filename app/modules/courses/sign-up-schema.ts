import { z } from 'zod';
import { accessibilityAids, seatPools, type QuestionKind } from '~db/schema/courses';
import type { Translate } from '~/i18n';
import { emailField } from '../auth/schemas';
import { registrationSources } from '../labels';

// The public sign-up form's schema. Nothing here reaches the database: whether a municipality exists
// is asked of the caller (the server looks it up, the browser checks the page's own list), so the
// browser checks with the same schema first (ADR 014) and the action parses it again. The form that
// changes the answers afterwards (answersSchema) is here for the same reason.

const PHONE = /^[0-9+\-() ]{8,20}$/;

/** What the form needs to know of a course's own question. */
export type SignUpQuestion = { id: string; kind: QuestionKind; options: string[]; required: boolean };

/** The aids as checkboxes: none, one (a string) or several (an array) in the form data. */
function aidsField(t: Translate) {
  return z
    .array(z.enum(accessibilityAids, { error: t('courses.signup.errors.notAnOption') }))
    .optional()
    .transform((aids) => accessibilityAids.filter((aid) => aids?.includes(aid)));
}

/** The sign-up form's schema: fixed fields plus the course's own questions under `q.<id>`. */
export function signUpSchema(
  t: Translate,
  questions: SignUpQuestion[],
  municipalityExists: (code: string) => boolean | Promise<boolean>,
  hybrid: boolean,
) {
  const answers: Record<string, z.ZodType<string | undefined>> = {};
  for (const question of questions) {
    const requiredMessage = question.kind === 'text' ? t('courses.signup.errors.answerRequired') : t('courses.signup.errors.chooseOne');
    let field: z.ZodType<string>;
    if (question.kind === 'text') {
      field = z.string({ error: requiredMessage }).trim().min(1, requiredMessage).max(1000, t('courses.signup.errors.max1000'));
    } else {
      const allowed = question.kind === 'yes-no' ? ['yes', 'no'] : question.options;
      field = z.string({ error: requiredMessage }).refine((value) => allowed.includes(value), t('courses.signup.errors.notAnOption'));
    }
    answers[question.id] = question.required ? field : field.optional();
  }
  return z.object({
    // Only a hybrid course asks "on site or online?" (first on the form); the others have one pool.
    pool: hybrid ? z.enum(seatPools, { error: t('pools.errors.choose') }) : z.undefined().catch(undefined),
    name: z
      .string({ error: t('form.errors.nameRequired') })
      .trim()
      .min(1, t('form.errors.nameRequired'))
      .max(100, t('form.errors.nameTooLong')),
    email: emailField(t),
    municipality: z
      .string({ error: t('courses.signup.errors.municipalityRequired') })
      .refine((code) => municipalityExists(code), t('courses.signup.errors.municipalityUnknown')),
    phone: z
      .string()
      .trim()
      .refine((value) => PHONE.test(value) && (value.match(/\d/g)?.length ?? 0) >= 8, t('courses.signup.errors.phone'))
      .optional(),
    // With questions, a missing `q` must still fail on the required ones.
    q: questions.length ? z.object(answers) : z.object({}).optional(),
    accessibilityAids: aidsField(t),
    accessibilityNeeds: z.string().trim().max(1000, t('courses.signup.errors.max1000')).optional(),
    source: z.enum(registrationSources, { error: t('courses.signup.errors.notAnOption') }).optional(),
    utm_source: z.string().optional(),
    utm_medium: z.string().optional(),
    utm_campaign: z.string().optional(),
    consent: z.boolean({ error: t('courses.signup.errors.consent') }).refine((v) => v, t('courses.signup.errors.consent')),
  });
}

/** The form's fields as Conform sees them (the questions' answers are read per question). */
export type SignUpFields = {
  name: string;
  email: string;
  municipality: string;
  pool?: string;
  phone?: string;
  q?: Record<string, unknown>;
  accessibilityAids?: string[];
  accessibilityNeeds?: string;
  source?: string;
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  consent: boolean;
};

/**
 * The form that changes a registration's answers (on its own page): the course's questions, the aids to
 * arrange and the free text.
 */
export function answersSchema(t: Translate, questions: SignUpQuestion[]) {
  const answers: Record<string, z.ZodType<string | undefined>> = {};
  for (const question of questions) {
    const missing = question.kind === 'text' ? t('courses.signup.errors.answerRequired') : t('courses.signup.errors.chooseOne');
    const allowed = question.kind === 'yes-no' ? ['yes', 'no'] : question.options;
    const field =
      question.kind === 'text'
        ? z.string({ error: missing }).trim().min(1, missing).max(1000, t('courses.signup.errors.max1000'))
        : z.string({ error: missing }).refine((value) => allowed.includes(value), t('courses.signup.errors.notAnOption'));
    answers[question.id] = question.required ? field : field.optional();
  }
  return z.object({
    q: questions.length ? z.object(answers) : z.object({}).optional(),
    accessibilityAids: aidsField(t),
    accessibilityNeeds: z.string().trim().max(1000, t('courses.signup.errors.max1000')).optional(),
  });
}

export type AnswersInput = z.output<ReturnType<typeof answersSchema>>;
export type AnswerFields = z.input<ReturnType<typeof answersSchema>>;
