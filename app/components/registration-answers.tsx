import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form } from '~/components/ui/form';
import { Fragment } from 'react';
import type { AccessibilityAid, QuestionKind } from '~db/schema/courses';
import { useT } from '~/i18n';
import { aidKeys } from '~/modules/courses/aids';
import { AccessibilityAidsField } from './accessibility-aids';
import { SubmitButton } from './form';
import { ErrorSummary } from './ui/error-summary';
import { useBrowserValidation } from './ui/validation';
import { answersSchema, type AnswerFields } from '~/modules/courses/sign-up-schema';
import { TextAreaField } from './ui/fields';
import { ExtraQuestions } from './application-sections';

// The registration's page repeats what the person answered and needs, and lets them change it until
// the course starts (issue 16, item 7). The form is a plain POST: it works without JavaScript.

type Question = { id: string; kind: QuestionKind; label: string; options: string[]; required: boolean };

type Answers = {
  questions: Question[];
  given: Record<string, string>;
  aids: AccessibilityAid[];
  needs: string;
  canChange: boolean;
};

export function AnswersSection({
  answers,
  organisationName,
  lastResult,
}: {
  answers: Answers;
  organisationName: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const [form, fields] = useForm<AnswerFields>({
    id: 'registration-answers',
    lastResult,
    defaultValue: { q: answers.given, accessibilityAids: answers.aids, accessibilityNeeds: answers.needs },
    ...useBrowserValidation(() => answersSchema(t, answers.questions), [t.locale, answers.questions]),
  });
  const q = fields.q.getFieldset();
  const none = t('needs.answers.none');
  const shown = (question: Question) => {
    const value = answers.given[question.id];
    if (!value) return none;
    if (question.kind === 'yes-no') return value === 'yes' ? t('courses.signup.yes') : t('courses.signup.no');
    return value;
  };
  return (
    <section aria-labelledby="answers-heading">
      <h2 className="utrecht-heading-2" id="answers-heading">
        {t('needs.answers.heading')}
      </h2>
      <p className="utrecht-paragraph">{t('needs.answers.intro')}</p>
      <dl className="pa-details pa-details--stacked">
        {answers.questions.map((question) => (
          <Fragment key={question.id}>
            <dt>{question.label}</dt>
            <dd>{shown(question)}</dd>
          </Fragment>
        ))}
        <dt>{t('needs.answers.aids')}</dt>
        <dd>{answers.aids.length ? answers.aids.map((aid) => t(aidKeys[aid])).join(', ') : none}</dd>
        <dt>{t('needs.answers.other')}</dt>
        <dd className="pa-pre-line">{answers.needs || none}</dd>
      </dl>
      {answers.canChange ? (
        <>
          <h3 className="utrecht-heading-3">{t('needs.answers.change')}</h3>
          <p className="utrecht-paragraph">{t('needs.answers.changeHint')}</p>
          <Form method="post" {...getFormProps(form)} className="pa-course-form">
            <ErrorSummary form={form} />
            <input type="hidden" name="intent" value="answers" />
            <ExtraQuestions questions={answers.questions} answers={q} />
            <AccessibilityAidsField meta={fields.accessibilityAids} />
            <TextAreaField
              meta={fields.accessibilityNeeds}
              label={t('courses.signup.accessibilityNeeds')}
              description={t('courses.signup.accessibilityNeedsHint')}
            />
            <SubmitButton>{t('needs.answers.submit')}</SubmitButton>
          </Form>
        </>
      ) : (
        <p className="utrecht-paragraph">{t('needs.answers.closed', { organisation: organisationName })}</p>
      )}
    </section>
  );
}
