import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';
import { ErrorSummary } from '~/components/ui/error-summary';
import { useBrowserValidation } from '~/components/ui/validation';
import { CheckboxField, TextField } from '~/components/ui/fields';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { completionRuleSchema } from '~/modules/academies/completion-schema';
import { cohortTable, saveCompletionRule } from '~/modules/academies/completion.server';
import { notFound } from '~/modules/http.server';
import { academyOf } from '~/modules/organisations/academies.server';
import { requireCoordinator, scopeOf } from '~/modules/organisations/guards.server';
import { formatDate } from '~/modules/time';

// /beheer/academies/:id/deelnemers: the cohort's attendance across the modules in one table (rows are
// participants, columns modules, a total), its CSV, and the academy's completion rule (ADR 018).

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.academyCohort', args.data ? { academy: args.data.academy.name } : null);

/** The academy of one of the coordinator's organisations; 404 for every other id. */
async function academyOfCoordinator(request: Request, id: string | undefined) {
  const coordinator = await requireCoordinator(request);
  const academy = await academyOf(getDb(), scopeOf(coordinator).organisationIds, id ?? '');
  if (!academy) throw notFound();
  return academy;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const academy = await academyOfCoordinator(request, params.id);
  const locale = localeFromRequest(request);
  const table = await cohortTable(getDb(), academy);
  return {
    academy: { id: academy.id, name: academy.name },
    rule: {
      minModules: academy.completionRule.minModules === null ? '' : String(academy.completionRule.minModules),
      placementRequired: academy.completionRule.placementRequired ? 'on' : undefined,
    },
    modules: table.modules.map((m) => ({ id: m.id, title: m.title, date: m.firstStart ? formatDate(locale, m.firstStart) : '' })),
    rows: table.rows.map((r) => ({
      id: r.applicationId,
      name: r.name,
      left: r.status === 'left',
      cells: Object.fromEntries(
        r.progress.map((p) => [p.courseId, { state: p.state, attended: p.attendedSessions, sessions: p.sessions }]),
      ),
      attended: r.attended,
      completedOn: r.completedAt ? formatDate(locale, r.completedAt) : null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const academy = await academyOfCoordinator(request, params.id);
  const t = translator(localeFromRequest(request));
  const submission = parseWithZod(await request.formData(), { schema: completionRuleSchema(t), disableAutoCoercion: true });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  await saveCompletionRule(getDb(), academy.id, submission.value);
  return redirectWithNotice(`/beheer/academies/${academy.id}/deelnemers`, 'notice.academyCohort.ruleSaved');
}

export default function AcademyCohort() {
  const t = useT();
  const { academy, rule, modules, rows } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'completion-rule',
    lastResult,
    defaultValue: rule,
    ...useBrowserValidation(() => completionRuleSchema(t), [t.locale], { disableAutoCoercion: true }),
  });
  type Row = (typeof rows)[number];
  return (
    <div className="pa-manage">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/beheer/academies/${academy.id}`}>
          {t('academyCohort.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('academyCohort.title', { academy: academy.name })}</h1>
      <p className="utrecht-paragraph">{t('academyCohort.intro')}</p>
      {modules.length === 0 ? <p className="utrecht-paragraph">{t('academyCohort.noModules')}</p> : null}
      {rows.length === 0 ? (
        <p className="utrecht-paragraph">{t('academyCohort.none')}</p>
      ) : (
        <>
          <DataTable<Row>
            id="cohort-caption"
            caption={t('academyCohort.caption')}
            rows={rows}
            rowKey={(r) => r.id}
            stack="wide"
            columns={[
              {
                key: 'name',
                header: t('academyCohort.participant'),
                rowHeader: true,
                cell: (r) => (r.left ? `${r.name} (${t('academyCohort.left')})` : r.name),
              },
              ...modules.map((m) => ({
                key: m.id,
                header: m.date ? `${m.title} (${m.date})` : m.title,
                cell: (r: Row) => {
                  const cell = r.cells[m.id];
                  if (!cell) return t('academyCohort.state.not-enrolled');
                  return (
                    <>
                      {t(`academyCohort.state.${cell.state}`)}
                      {cell.state === 'attended' || cell.state === 'missed' ? (
                        <>
                          <br />
                          {t('academyCohort.sessions', { attended: cell.attended, count: cell.sessions })}
                        </>
                      ) : null}
                    </>
                  );
                },
              })),
              {
                key: 'total',
                header: t('academyCohort.total'),
                numeric: true,
                cell: (r) => t('academyCohort.totalValue', { attended: r.attended, modules: modules.length }),
              },
              {
                key: 'completed',
                header: t('academyCohort.completed'),
                cell: (r) => (r.completedOn ? t('academyCohort.completedOn', { date: r.completedOn }) : t('academyCohort.notCompleted')),
              },
            ]}
          />
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href={`/beheer/academies/${academy.id}/deelnemers.csv`} download>
              {t('academyCohort.csv')}
            </a>
          </p>
        </>
      )}
      {modules.length ? (
        <section className="pa-section" aria-labelledby="modules-heading">
          <h2 className="utrecht-heading-2" id="modules-heading">
            {t('academyCohort.modules')}
          </h2>
          <ul className="utrecht-unordered-list">
            {modules.map((m) => (
              <li key={m.id}>
                <Link className="utrecht-link" to={`/beheer/cursussen/${m.id}/aanwezigheid`}>
                  {t('academyCohort.moduleAttendance', { module: m.title })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="pa-section pa-prose" aria-labelledby="rule-heading">
        <h2 className="utrecht-heading-2" id="rule-heading">
          {t('academyCohort.rule.heading')}
        </h2>
        <p className="utrecht-paragraph">{t('academyCohort.rule.intro')}</p>
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary form={form} />
          <TextField
            meta={fields.minModules}
            label={t('academyCohort.rule.minModules')}
            description={t('academyCohort.rule.minModulesHint')}
            inputMode="numeric"
            short
          />
          <CheckboxField meta={fields.placementRequired} label={t('academyCohort.rule.placementRequired')} />
          <SubmitButton>{t('academyCohort.rule.submit')}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
