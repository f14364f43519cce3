import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { FormAlert, SubmitButton } from '~/components/form';
import type { NoticeKey } from '~/components/ui/notice-key';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { ActionButton, Hidden } from '~/components/manage-courses';
import { NetworkFields } from '~/components/network-fields';
import { ErrorSummary } from '~/components/ui/error-summary';
import { CheckboxField, RadioGroupField, TextAreaField, TextField } from '~/components/ui/fields';
import { localeFromRequest, translator, useT } from '~/i18n';
import { scorePartIds } from '~/modules/matching/scoring';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';
import { changeIntakeQuestions } from '~/modules/mentoring/networks/intake-questions.server';
import { MAX_INTAKE_QUESTIONS } from '~/modules/mentoring/networks/intake-questions.server';
import { networkFormValues, updateNetwork } from '~/modules/mentoring/networks/network.server';
import {
  intakeQuestionSchema,
  networkSchema,
  type IntakeQuestionFields,
  type NetworkFields as Fields,
} from '~/modules/mentoring/networks/schemas';
import { useBrowserValidation } from '~/components/ui/validation';
import { provinceOptions } from '~/modules/mentoring/networks/geography.server';
import { notFound } from '~/modules/http.server';
import { pageTitle } from '~/components/page-title';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.networkEdit', args.data ? { network: args.data.network.name } : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network, organisation } = await requireNetworkOfCoordinator(request, params.id);
  return {
    network: { id: network.id, name: network.name, organisationName: organisation.name },
    values: networkFormValues(network),
    questions: network.intakeQuestions,
    // The confirmation step for removing a question: `?vraag-verwijderen=<id>`.
    questionToRemove:
      network.intakeQuestions
        .filter((q) => q.id === new URL(request.url).searchParams.get('vraag-verwijderen'))
        .map((q) => ({ id: q.id, label: q.label }))[0] ?? null,
    geography: await provinceOptions(getDb()),
  };
}

type Answer = { intent: string; target: string | null; result?: SubmissionResult<string[]>; message?: string };
const answer = (value: Answer) => data(value, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const { network } = await requireNetworkOfCoordinator(request, params.id);
  const db = getDb();
  const t = translator(localeFromRequest(request));
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const questionId = typeof formData.get('questionId') === 'string' ? String(formData.get('questionId')) : null;
  const back = (key: NoticeKey) => redirectWithNotice(`/beheer/netwerken/${network.id}/bewerken`, key);

  switch (intent) {
    case 'save': {
      const submission = parseWithZod(formData, { schema: networkSchema(t, await provinceOptions(db)), disableAutoCoercion: true });
      if (submission.status !== 'success') return answer({ intent, target: null, result: submission.reply() });
      await updateNetwork(db, network.id, submission.value);
      return redirectWithNotice(`/beheer/netwerken/${network.id}`, 'notice.network.saved');
    }
    case 'add-question':
    case 'edit-question': {
      const submission = parseWithZod(formData, { schema: intakeQuestionSchema(t), disableAutoCoercion: true });
      const target = intent === 'edit-question' ? questionId : null;
      if (submission.status !== 'success') return answer({ intent, target, result: submission.reply() });
      const outcome = await changeIntakeQuestions(
        db,
        network.id,
        target ? { op: 'edit', id: target, input: submission.value } : { op: 'add', input: submission.value },
      );
      if (outcome === 'not-found') throw notFound();
      if (outcome === 'full')
        return answer({
          intent,
          target,
          result: submission.reply({ formErrors: [t('networks.errors.tooManyQuestions', { max: MAX_INTAKE_QUESTIONS })] }),
        });
      return back('notice.network.questionSaved');
    }
    case 'remove-question':
    case 'question-up':
    case 'question-down': {
      const id = questionId ?? '';
      // Only the confirmation step's button (confirm=yes) removes; anything else goes to that step.
      if (intent === 'remove-question' && !confirmed(formData)) {
        if (!network.intakeQuestions.some((q) => q.id === id)) throw notFound();
        return redirect(`/beheer/netwerken/${network.id}/bewerken?vraag-verwijderen=${encodeURIComponent(id)}#vraag-verwijderen`, 303);
      }
      const outcome = await changeIntakeQuestions(
        db,
        network.id,
        intent === 'remove-question' ? { op: 'remove', id } : { op: 'move', id, direction: intent === 'question-up' ? 'up' : 'down' },
      );
      if (outcome === 'not-found') throw notFound();
      return back(intent === 'remove-question' ? 'notice.network.questionRemoved' : 'notice.network.questionMoved');
    }
  }
  return answer({ intent, target: null, message: t('networks.errors.unknownAction') });
}

export default function EditNetwork() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const { questions } = loaded;
  const [form, fields] = useForm<Fields>({
    id: 'network',
    lastResult: acted?.intent === 'save' ? acted.result : undefined,
    defaultValue: loaded.values,
    ...useBrowserValidation(() => networkSchema(t, loaded.geography), [t.locale, loaded.geography], { disableAutoCoercion: true }),
  });
  // A new location after each redirect: the "add a question" form starts empty again.
  const { key } = useLocation();
  return (
    <div>
      {acted?.message ? <FormAlert messages={[acted.message]} /> : null}
      <section className="pa-section pa-prose" aria-labelledby="edit-heading">
        <h2 className="utrecht-heading-2" id="edit-heading">
          {t('networks.edit.heading')}
        </h2>
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary form={form} />
          <NetworkFields fields={fields} geography={loaded.geography} weightIds={scorePartIds} />
          <SubmitButton name="intent" value="save">
            {t('networks.edit.submit')}
          </SubmitButton>
        </Form>
      </section>

      <section className="pa-section pa-prose" aria-labelledby="questions-heading">
        <h2 className="utrecht-heading-2" id="questions-heading" tabIndex={-1}>
          {t('networks.questions.heading')}
        </h2>
        <p className="utrecht-paragraph">{t('networks.questions.intro')}</p>
        {loaded.questionToRemove ? (
          <ConfirmStep
            id="vraag-verwijderen"
            heading={t('networks.questions.removeHeading', { label: loaded.questionToRemove.label })}
            intent="remove-question"
            fields={{ questionId: loaded.questionToRemove.id }}
            submit={t('networks.questions.removeSubmit')}
            keepTo={`/beheer/netwerken/${loaded.network.id}/bewerken#questions-heading`}
            keep={t('networks.questions.keep')}
            action={`/beheer/netwerken/${loaded.network.id}/bewerken`}
          >
            <p className="utrecht-paragraph">{t('networks.questions.removeBody')}</p>
          </ConfirmStep>
        ) : null}
        {questions.length === 0 ? (
          <p className="utrecht-paragraph">{t('networks.questions.none')}</p>
        ) : (
          <ol className="pa-item-list">
            {questions.map((q, index) => {
              const mine = acted && acted.target === q.id ? acted : undefined;
              const fields = { questionId: q.id };
              return (
                <li key={q.id} className="pa-item">
                  <p className="utrecht-paragraph pa-item__title">{q.label}</p>
                  <p className="utrecht-paragraph">
                    {t(`networks.questionKind.${q.kind}`)}
                    {q.required ? `, ${t('networks.questions.requiredShort')}` : ''}
                    {q.kind === 'choice' ? `: ${q.options.join(' / ')}` : ''}
                  </p>
                  <div className="pa-button-row">
                    {index > 0 ? (
                      <ActionButton intent="question-up" fields={fields} kind="subtle">
                        {t('networks.questions.up')}
                        <Hidden> {q.label}</Hidden>
                      </ActionButton>
                    ) : null}
                    {index < questions.length - 1 ? (
                      <ActionButton intent="question-down" fields={fields} kind="subtle">
                        {t('networks.questions.down')}
                        <Hidden> {q.label}</Hidden>
                      </ActionButton>
                    ) : null}
                    <Link
                      className="utrecht-link"
                      to={`/beheer/netwerken/${loaded.network.id}/bewerken?vraag-verwijderen=${q.id}#vraag-verwijderen`}
                    >
                      {t('networks.questions.remove')}
                      <Hidden> {q.label}</Hidden>
                    </Link>
                  </div>
                  <details className="pa-disclosure" open={Boolean(mine)}>
                    <summary>
                      {t('networks.questions.change')}
                      <Hidden> {q.label}</Hidden>
                    </summary>
                    <QuestionForm
                      id={`q-${q.id}`}
                      intent="edit-question"
                      questionId={q.id}
                      defaultValue={{
                        label: q.label,
                        kind: q.kind,
                        options: q.options.join('\n'),
                        required: q.required ? 'on' : undefined,
                      }}
                      lastResult={mine?.result}
                      submit={t('networks.questions.save')}
                    />
                  </details>
                </li>
              );
            })}
          </ol>
        )}
        <h3 className="utrecht-heading-3">{t('networks.questions.add')}</h3>
        <QuestionForm
          key={key}
          id="new-question"
          intent="add-question"
          defaultValue={{ kind: 'text' }}
          lastResult={acted?.intent === 'add-question' ? acted.result : undefined}
          submit={t('networks.questions.addSubmit')}
        />
      </section>
    </div>
  );
}

/** One question's form; its form id (`new-question`, `q-<id>`) keeps the field ids on the page unique. */
function QuestionForm({
  id,
  intent,
  questionId,
  defaultValue,
  lastResult,
  submit,
}: {
  id: string;
  intent: string;
  questionId?: string;
  defaultValue: Record<string, string | undefined>;
  lastResult?: SubmissionResult<string[]>;
  submit: string;
}) {
  const t = useT();
  const [form, fields] = useForm<IntakeQuestionFields>({
    id,
    lastResult,
    defaultValue,
    ...useBrowserValidation(() => intakeQuestionSchema(t), [t.locale], { disableAutoCoercion: true }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="pa-compact-form">
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      <ErrorSummary form={form} />
      <TextField meta={fields.label} label={t('networks.questions.label')} required />
      <RadioGroupField
        meta={fields.kind}
        legend={t('networks.questions.kind')}
        options={(['text', 'choice', 'yes-no'] as const).map((k) => ({ value: k, label: t(`networks.questionKind.${k}`) }))}
      />
      <TextAreaField
        meta={fields.options}
        label={t('networks.questions.options')}
        description={t('networks.questions.optionsHint')}
        rows={4}
      />
      <CheckboxField meta={fields.required} label={t('networks.questions.required')} />
      <SubmitButton name="intent" value={intent}>
        {submit}
      </SubmitButton>
    </Form>
  );
}
