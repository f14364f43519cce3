import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { FormAlert, Notice, SubmitButton } from '~/components/form';
import { ActionButton, Hidden } from '~/components/manage-courses';
import { Checkbox, Choices, FormErrors, Input, NetworkFields, TextArea, type Errors, type Values } from '~/components/network-fields';
import { NetworkHeader } from '~/components/network-nav';
import { localeFromRequest, translator, useT, type MessageKey } from '~/i18n';
import { scorePartIds } from '~/modules/matching/scoring';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';
import {
  changeIntakeQuestions,
  formValues,
  intakeQuestionSchema,
  MAX_INTAKE_QUESTIONS,
  nestWeights,
  networkFormValues,
  networkSchema,
  parseForm,
  provinceOptions,
  updateNetwork,
} from '~/modules/mentoring/networks.server';
import { notFound } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.networkEdit', args.data ? { network: args.data.network.name } : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network, organisation } = await requireNetworkOfCoordinator(request, params.id);
  return {
    network: { id: network.id, name: network.name, organisationName: organisation.name },
    values: networkFormValues(network),
    questions: network.intakeQuestions,
    geography: await provinceOptions(getDb()),
    notice: new URL(request.url).searchParams.get('melding'),
  };
}

type Answer = { intent: string; target: string | null; values: Values; errors: Errors; message?: string };
const answer = (value: Answer) => data(value, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const { network } = await requireNetworkOfCoordinator(request, params.id);
  const db = getDb();
  const t = translator(localeFromRequest(request));
  const values = formValues(await request.formData());
  const intent = typeof values.intent === 'string' ? values.intent : '';
  const questionId = typeof values.questionId === 'string' ? values.questionId : null;
  const back = (notice: string, anchor = '') => redirect(`/beheer/netwerken/${network.id}/bewerken?melding=${notice}${anchor}`);

  switch (intent) {
    case 'save': {
      const parsed = parseForm(networkSchema(t, await provinceOptions(db)), values, nestWeights(values));
      if (!parsed.ok) return answer({ intent, target: null, values: parsed.values, errors: parsed.errors });
      await updateNetwork(db, network.id, parsed.value);
      return redirect(`/beheer/netwerken/${network.id}?melding=opgeslagen`);
    }
    case 'add-question':
    case 'edit-question': {
      const parsed = parseForm(intakeQuestionSchema(t), unprefixed(values));
      const target = intent === 'edit-question' ? questionId : null;
      if (!parsed.ok) return answer({ intent, target, values: parsed.values, errors: parsed.errors });
      const outcome = await changeIntakeQuestions(
        db,
        network.id,
        target ? { op: 'edit', id: target, input: parsed.value } : { op: 'add', input: parsed.value },
      );
      if (outcome === 'not-found') throw notFound();
      if (outcome === 'full')
        return answer({
          intent,
          target,
          values: unprefixed(values),
          errors: {},
          message: t('networks.errors.tooManyQuestions', { max: MAX_INTAKE_QUESTIONS }),
        });
      return back('vraag-opgeslagen', '#questions-heading');
    }
    case 'remove-question':
    case 'question-up':
    case 'question-down': {
      const id = questionId ?? '';
      const outcome = await changeIntakeQuestions(
        db,
        network.id,
        intent === 'remove-question' ? { op: 'remove', id } : { op: 'move', id, direction: intent === 'question-up' ? 'up' : 'down' },
      );
      if (outcome === 'not-found') throw notFound();
      return back(intent === 'remove-question' ? 'vraag-verwijderd' : 'vraag-verplaatst', '#questions-heading');
    }
  }
  return answer({ intent, target: null, values: {}, errors: {}, message: t('networks.errors.unknownAction') });
}

/** `q-<id>.label` and `new-question.label` → `label`. */
function unprefixed(values: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(values)) {
    const match = /^(?:new-question|q-[0-9a-f-]+)\.(.+)$/.exec(key);
    if (match) out[match[1]!] = value;
  }
  return out;
}

const notices: Record<string, MessageKey> = {
  'vraag-opgeslagen': 'networks.notice.questionSaved',
  'vraag-verwijderd': 'networks.notice.questionRemoved',
  'vraag-verplaatst': 'networks.notice.questionMoved',
};

export default function EditNetwork() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const { network, questions, notice } = loaded;
  const saving = acted?.intent === 'save' ? acted : undefined;
  // A new location after each redirect: the "add a question" form starts empty again.
  const { key } = useLocation();
  const noticeKey = notice ? notices[notice] : undefined;
  return (
    <div className="pa-manage">
      <NetworkHeader network={network} />
      {noticeKey ? <Notice>{t(noticeKey)}</Notice> : null}
      {acted?.message ? <FormAlert messages={[acted.message]} /> : null}
      <section className="pa-section pa-prose" aria-labelledby="edit-heading">
        <h2 className="utrecht-heading-2" id="edit-heading">
          {t('networks.edit.heading')}
        </h2>
        <Form method="post" noValidate>
          <FormErrors errors={saving?.errors} />
          <NetworkFields
            values={saving?.values ?? loaded.values}
            errors={saving?.errors ?? {}}
            geography={loaded.geography}
            weightIds={scorePartIds}
          />
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
                    <ActionButton intent="remove-question" fields={fields} kind="subtle">
                      {t('networks.questions.remove')}
                      <Hidden> {q.label}</Hidden>
                    </ActionButton>
                  </div>
                  <details className="pa-disclosure" open={Boolean(mine)}>
                    <summary>
                      {t('networks.questions.change')}
                      <Hidden> {q.label}</Hidden>
                    </summary>
                    <QuestionForm
                      prefix={`q-${q.id}`}
                      intent="edit-question"
                      questionId={q.id}
                      values={
                        mine?.values ?? { label: q.label, kind: q.kind, options: q.options.join('\n'), required: q.required ? 'on' : [] }
                      }
                      errors={mine?.errors ?? {}}
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
          prefix="new-question"
          intent="add-question"
          values={acted?.intent === 'add-question' ? acted.values : { kind: 'text' }}
          errors={acted?.intent === 'add-question' ? acted.errors : {}}
          submit={t('networks.questions.addSubmit')}
        />
      </section>
    </div>
  );
}

/**
 * One question's form. Its field names carry a prefix (`new-question.label`, `q-<id>.label`) so that
 * the ids on the page stay unique; the action reads them without it (see `unprefixed`).
 */
function QuestionForm({
  prefix,
  intent,
  questionId,
  values,
  errors,
  submit,
}: {
  prefix: string;
  intent: string;
  questionId?: string;
  values: Values;
  errors: Errors;
  submit: string;
}) {
  const t = useT();
  const v: Values = {};
  const e: Errors = {};
  for (const [k, value] of Object.entries(values)) v[`${prefix}.${k}`] = value;
  for (const [k, value] of Object.entries(errors)) e[`${prefix}.${k}`] = value;
  return (
    <Form method="post" noValidate className="pa-compact-form">
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      <FormErrors errors={errors} />
      <Input name={`${prefix}.label`} label={t('networks.questions.label')} values={v} errors={e} required />
      <Choices
        name={`${prefix}.kind`}
        type="radio"
        legend={t('networks.questions.kind')}
        values={v}
        errors={e}
        options={(['text', 'choice', 'yes-no'] as const).map((k) => ({ value: k, label: t(`networks.questionKind.${k}`) }))}
      />
      <TextArea
        name={`${prefix}.options`}
        label={t('networks.questions.options')}
        description={t('networks.questions.optionsHint')}
        values={v}
        errors={e}
        rows={4}
      />
      <Checkbox name={`${prefix}.required`} label={t('networks.questions.required')} values={v} errors={e} />
      <SubmitButton name="intent" value={intent}>
        {submit}
      </SubmitButton>
    </Form>
  );
}
