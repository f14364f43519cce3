import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import type { ReactNode } from 'react';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';
import { ErrorSummary } from '~/components/ui/error-summary';
import { useBrowserValidation } from '~/components/ui/validation';
import { CheckboxField, FieldGroup, RadioGroupField, TextField } from '~/components/ui/fields';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { orderTemplate } from '~/modules/candidacy/template';
import { routeOverview, routeTemplate, saveRouteTemplate } from '~/modules/candidacy/route.server';
import { routeTemplateSchema, type RouteTemplateFields } from '~/modules/candidacy/schemas';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';

// The coordinator's page of a network's candidacy route (issue 17, items 1 and 3): how far the
// mentees of its running matches are (counts per step), and the template: steps, order, offsets and
// the elections the route counts down to. It sits in the network's layout (beheer.netwerken.$id),
// which shows the network's name and the tabs; this page guards itself, as every page below it does.

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.networkRoute', args.data ? { network: args.data.network.name } : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network } = await requireNetworkOfCoordinator(request, params.id);
  const locale = localeFromRequest(request);
  const db = getDb();
  const template = await routeTemplate(db, network.id);
  const overview = await routeOverview(db, network.id);
  return {
    network: { name: network.name },
    electionKind: template.electionKind,
    steps: template.steps.map((s) => ({ id: s.id, titleNl: s.titleNl, titleEn: s.titleEn, daysBefore: s.daysBefore, onList: s.onList })),
    counts: {
      active: overview.active,
      started: overview.started,
      steps: overview.steps.map((s) => ({
        id: s.id,
        title: locale === 'en' ? s.titleEn : s.titleNl,
        reached: s.reached,
        furthest: s.furthest,
      })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { network } = await requireNetworkOfCoordinator(request, params.id);
  const db = getDb();
  const t = translator(localeFromRequest(request));
  const { steps } = await routeTemplate(db, network.id);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: routeTemplateSchema(t, steps.length) });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const { electionKind, steps: posted, newStep } = submission.value;
  await saveRouteTemplate(db, network.id, electionKind, orderTemplate(steps, posted, newStep));
  return redirectWithNotice(`/beheer/netwerken/${network.id}/route`, 'notice.route.templateSaved');
}

export default function NetworkRoutePage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <h2 className="utrecht-heading-2">{t('route.manage.heading')}</h2>
      <p className="utrecht-paragraph pa-prose">{t('route.manage.intro')}</p>
      {page.counts.started === 0 ? <p className="utrecht-paragraph">{t('route.manage.noneStarted')}</p> : null}
      <DataTable
        id="route-counts-caption"
        caption={t('route.manage.countsCaption', { active: page.counts.active })}
        rows={page.counts.steps}
        rowKey={(s) => s.id}
        columns={[
          { key: 'step', header: t('route.manage.step'), cell: (s) => s.title, rowHeader: true },
          { key: 'reached', header: t('route.manage.reached'), cell: (s) => String(s.reached), numeric: true },
          { key: 'furthest', header: t('route.manage.furthest'), cell: (s) => String(s.furthest), numeric: true },
        ]}
      />
      <TemplateForm
        key={page.steps.map((s) => s.id).join()}
        electionKind={page.electionKind}
        steps={page.steps}
        lastResult={reply?.result}
      />
    </>
  );
}

type Step = { id: string; titleNl: string; titleEn: string; daysBefore: number; onList: boolean };

function TemplateForm({
  electionKind,
  steps,
  lastResult,
}: {
  electionKind: 'municipal' | 'provincial';
  steps: Step[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form, fields] = useForm<RouteTemplateFields>({
    id: 'route-template',
    lastResult,
    defaultValue: {
      electionKind,
      steps: steps.map((s, i) => ({
        id: s.id,
        titleNl: s.titleNl,
        titleEn: s.titleEn,
        daysBefore: String(s.daysBefore),
        position: String(i + 1),
      })),
    } as never,
    ...useBrowserValidation(() => routeTemplateSchema(t, steps.length), [t.locale, steps.length]),
  });
  const stepFields = fields.steps.getFieldList();
  const newStep = fields.newStep.getFieldset();
  return (
    <section className="pa-section pa-narrow" aria-labelledby="route-template-heading">
      <h2 className="utrecht-heading-2" id="route-template-heading">
        {t('route.manage.formHeading')}
      </h2>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <RadioGroupField
          meta={fields.electionKind}
          legend={t('route.manage.electionKind')}
          options={(['municipal', 'provincial'] as const).map((k) => ({ value: k, label: t(`route.manage.kind.${k}`) }))}
          required
        />
        {stepFields.map((field, i) => {
          const step = steps[i]!;
          const f = field.getFieldset();
          return (
            <StepFields key={step.id} legend={t('route.manage.stepLegend', { number: i + 1 })} fields={f} required>
              <input type="hidden" name={f.id.name} value={step.id} />
              <TextField
                meta={f.position}
                type="number"
                min={1}
                max={50}
                label={t('route.manage.position')}
                description={t('route.manage.positionHint')}
                required
              />
              {step.onList ? (
                <p className="utrecht-paragraph pa-note">{t('route.manage.onListNote')}</p>
              ) : (
                <CheckboxField meta={f.remove} label={t('route.manage.remove')} description={t('route.manage.removeHint')} />
              )}
            </StepFields>
          );
        })}
        <StepFields legend={t('route.manage.newStepLegend')} fields={newStep} required={false} />
        <SubmitButton>{t('route.manage.submit')}</SubmitButton>
      </Form>
    </section>
  );
}

type StepMeta = { titleNl: FieldMetadata<string>; titleEn: FieldMetadata<string>; daysBefore: FieldMetadata<string> };

/** The fields every step has (names and days before the deadline): an existing step's, and the new one's. */
function StepFields({ legend, fields, required, children }: { legend: string; fields: StepMeta; required: boolean; children?: ReactNode }) {
  const t = useT();
  return (
    <FieldGroup legend={legend}>
      <TextField meta={fields.titleNl} label={t('route.manage.titleNl')} required={required} />
      <TextField meta={fields.titleEn} label={t('route.manage.titleEn')} required={required} />
      <TextField meta={fields.daysBefore} type="number" min={0} max={1500} label={t('route.manage.daysBefore')} required={required} />
      {children}
    </FieldGroup>
  );
}
