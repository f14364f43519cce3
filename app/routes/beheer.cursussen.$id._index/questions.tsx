import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { useBrowserValidation } from '~/components/ui/validation';
import { Link, useParams, type useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { FormAlert, SubmitButton } from '~/components/form';
import { ActionButton, Hidden } from '~/components/manage-courses';
import { CheckboxField, SelectField, TextAreaField, TextField } from '~/components/ui/fields';
import { useT } from '~/i18n';
import { questionSchema, type QuestionFields } from '~/modules/courses/manage/schemas';
import { ErrorSummary } from '~/components/ui/error-summary';
import type { Answer } from './answer';
import type { loader } from './route';

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export type QuestionValues = { kind: string; label: string; options: string; required: boolean };

export function QuestionForm({
  id,
  intent,
  lastResult,
  submit,
  questionId,
  defaultValue,
}: {
  id: string;
  intent: string;
  lastResult?: SubmissionResult<string[]>;
  submit: string;
  questionId?: string;
  defaultValue?: QuestionValues;
}) {
  const t = useT();
  const [form, fields] = useForm<QuestionFields>({
    id,
    lastResult,
    defaultValue: defaultValue ?? { kind: 'text' },
    ...useBrowserValidation(() => questionSchema(t), [t.locale]),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="pa-compact-form">
      <ErrorSummary form={form} />
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      <TextField meta={fields.label} label={t('manageCourses.questions.label')} required />
      <SelectField
        meta={fields.kind}
        label={t('manageCourses.questions.kind')}
        options={(['text', 'choice', 'yes-no'] as const).map((k) => ({ value: k, label: t(`manageCourses.questionKind.${k}`) }))}
        required
      />
      <TextAreaField
        meta={fields.options}
        label={t('manageCourses.questions.options')}
        description={t('manageCourses.questions.optionsHint')}
        rows={4}
      />
      <CheckboxField meta={fields.required} label={t('manageCourses.questions.required')} />
      <SubmitButton name="intent" value={intent}>
        {submit}
      </SubmitButton>
    </Form>
  );
}

export function QuestionChange({
  question,
  first,
  last,
  acted,
}: {
  question: LoaderData['questions'][number];
  first: boolean;
  last: boolean;
  acted?: Answer;
}) {
  const t = useT();
  const fields = { questionId: question.id };
  const { id: courseId } = useParams();
  return (
    <>
      <div className="pa-button-row">
        {!first ? (
          <ActionButton intent="question-up" fields={fields} kind="subtle">
            {t('manageCourses.questions.up')}
            <Hidden> {question.label}</Hidden>
          </ActionButton>
        ) : null}
        {!last ? (
          <ActionButton intent="question-down" fields={fields} kind="subtle">
            {t('manageCourses.questions.down')}
            <Hidden> {question.label}</Hidden>
          </ActionButton>
        ) : null}
        <Link className="utrecht-link" to={`/beheer/cursussen/${courseId}?vraag-verwijderen=${question.id}#vraag-verwijderen`}>
          {t('manageCourses.questions.remove')}
          <Hidden> {question.label}</Hidden>
        </Link>
      </div>
      <details className="pa-disclosure" open={Boolean(acted)}>
        <summary>
          {t('manageCourses.questions.change')}
          <Hidden> {question.label}</Hidden>
        </summary>
        {acted?.message ? <FormAlert messages={[acted.message]} /> : null}
        <QuestionForm
          id={`question-${question.id}`}
          intent="edit-question"
          questionId={question.id}
          lastResult={acted?.intent === 'edit-question' ? acted.result : undefined}
          defaultValue={{ kind: question.kind, label: question.label, options: question.options.join('\n'), required: question.required }}
          submit={t('manageCourses.questions.save')}
        />
      </details>
    </>
  );
}
