import { getFormProps, useForm, type FieldMetadata } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { focusGroups, offices, reviewerVisibleFields } from '~db/schema';
import { AcademyHeader } from '~/components/academy-nav';
import { SubmitButton } from '~/components/form';
import { pageTitle } from '~/components/page-title';
import { ErrorSummary } from '~/components/ui/error-summary';
import { CheckboxField, CheckboxGroupField, FieldGroup, SelectField, TextAreaField, TextField } from '~/components/ui/fields';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { saveCall } from '~/modules/academies/call.server';
import { callFormValues, callSettingsOf, callSettingsSchema } from '~/modules/academies/forms.server';
import { requireAcademyOfCoordinator } from '~/modules/academies/guards.server';
import { listProvinces } from '~/modules/courses/catalogue.server';
import { notFound } from '~/modules/http.server';

// The call of an academy (ADR 018): published or not, for whom, the application period, places and
// claim window, the academy's own questions, the criteria reviewers score and what reviewers see.
// Questions and criteria are rows of one form (two empty rows to add one), so it works without JavaScript.

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.academyCallSettings', args.data ? { academy: args.data.academy.name } : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy, organisation } = await requireAcademyOfCoordinator(request, params.id);
  const provinces = await listProvinces(getDb());
  return {
    academy: { id: academy.id, name: academy.name, organisationId: organisation.id, organisationName: organisation.name },
    published: academy.callPublished,
    provinces: provinces.map((p) => ({ value: p.code, label: p.name })),
    defaultValue: callFormValues(academy),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { academy, organisation } = await requireAcademyOfCoordinator(request, params.id);
  const db = getDb();
  const t = translator(localeFromRequest(request));
  const provinces = await listProvinces(db);
  const submission = parseWithZod(await request.formData(), {
    schema: callSettingsSchema(
      t,
      provinces.map((p) => p.code),
    ),
  });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  if (!(await saveCall(db, [organisation.id], academy.id, callSettingsOf(submission.value)))) throw notFound();
  return redirectWithNotice(`/beheer/academies/${academy.id}/oproep`, 'notice.academyCall.saved');
}

type Row = { id?: string; label?: string; kind?: string; required?: string };
type Fields = {
  callPublished: string;
  eligibleProvinces: string[];
  eligibleFocusGroups: string[];
  eligibleOffices: string[];
  eligibility: string;
  cost: string;
  applicationsOpenAt: string;
  applicationsCloseAt: string;
  seats: string;
  claimDays: string;
  questions: Row[];
  criteria: Row[];
  reviewerFields: string[];
};

export default function AcademyCallSettings() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<Fields>({ id: 'academy-call', lastResult, defaultValue: page.defaultValue });
  const questions = fields.questions.getFieldList();
  const criteria = fields.criteria.getFieldList();
  return (
    <div className="pa-manage pa-prose">
      <AcademyHeader academy={page.academy} />
      <h2 className="utrecht-heading-2">{t('academyNav.call')}</h2>
      <p className="utrecht-paragraph">{t('academyCallForm.intro')}</p>
      {page.published ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/academies/${page.academy.id}`}>
            {t('academyCallForm.publicLink')}
          </Link>
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="pa-course-form">
        <ErrorSummary form={form} />
        <CheckboxField
          meta={fields.callPublished}
          label={t('academyCallForm.published')}
          description={t('academyCallForm.publishedHint')}
        />
        <FieldGroup legend={t('academyCallForm.period')} description={t('academyCallForm.periodHint')}>
          <TextField meta={fields.applicationsOpenAt} type="datetime-local" label={t('academyCallForm.opens')} />
          <TextField meta={fields.applicationsCloseAt} type="datetime-local" label={t('academyCallForm.closes')} />
        </FieldGroup>
        <TextField meta={fields.seats} type="number" label={t('academyCallForm.seats')} required min={1} max={1000} />
        <TextField
          meta={fields.claimDays}
          type="number"
          label={t('academyCallForm.claimDays')}
          description={t('academyCallForm.claimDaysHint')}
          required
          min={1}
          max={60}
        />
        <TextField meta={fields.cost} label={t('academyCallForm.cost')} description={t('academyCallForm.costHint')} />
        <CheckboxGroupField
          meta={fields.eligibleProvinces}
          legend={t('academyCallForm.provinces')}
          description={t('academyCallForm.provincesHint')}
          options={page.provinces}
          columns
        />
        <CheckboxGroupField
          meta={fields.eligibleFocusGroups}
          legend={t('academyCallForm.focusGroups')}
          options={focusGroups.filter((g) => g !== 'open').map((g) => ({ value: g, label: t(`applications.focus.${g}`) }))}
        />
        <CheckboxGroupField
          meta={fields.eligibleOffices}
          legend={t('academyCallForm.offices')}
          options={offices.map((o) => ({ value: o, label: t(`academyCall.office.${o}`) }))}
        />
        <TextAreaField meta={fields.eligibility} label={t('academyCallForm.eligibility')} rows={3} />

        <FieldGroup legend={t('academyCallForm.questions')} description={t('academyCallForm.questionsHint')} meta={fields.questions}>
          {questions.map((question, index) => (
            <QuestionRow key={question.key} meta={question} number={index + 1} />
          ))}
        </FieldGroup>
        <FieldGroup legend={t('academyCallForm.criteria')} description={t('academyCallForm.criteriaHint')} meta={fields.criteria}>
          {criteria.map((criterion, index) => {
            const row = criterion.getFieldset();
            return (
              <div key={criterion.key}>
                <input type="hidden" name={row.id.name} value={String(row.id.initialValue ?? '')} />
                <TextField meta={row.label} label={t('academyCallForm.criterion', { number: index + 1 })} />
              </div>
            );
          })}
        </FieldGroup>
        <CheckboxGroupField
          meta={fields.reviewerFields}
          legend={t('academyCallForm.reviewerFields')}
          description={t('academyCallForm.reviewerFieldsHint')}
          options={reviewerVisibleFields.map((f) => ({ value: f, label: t(`academyCallForm.field.${f}`) }))}
        />
        <SubmitButton>{t('academyCallForm.save')}</SubmitButton>
      </Form>
    </div>
  );
}

function QuestionRow({ meta, number }: { meta: FieldMetadata<Row>; number: number }) {
  const t = useT();
  const row = meta.getFieldset();
  return (
    <FieldGroup legend={t('academyCallForm.question', { number })}>
      <input type="hidden" name={row.id.name} value={String(row.id.initialValue ?? '')} />
      <TextField meta={row.label} label={t('academyCallForm.questionLabel')} />
      <SelectField
        meta={row.kind}
        label={t('academyCallForm.questionKind')}
        options={(['text', 'yes-no'] as const).map((k) => ({ value: k, label: t(`academyCallForm.kind.${k}`) }))}
      />
      <CheckboxField meta={row.required} label={t('academyCallForm.questionRequired')} />
    </FieldGroup>
  );
}
