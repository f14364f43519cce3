import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import type { AcademyCriterion } from '~db/schema';
import { AcademyHeader } from '~/components/academy-nav';
import { SubmitButton } from '~/components/form';
import { pageTitle } from '~/components/page-title';
import { ErrorSummary } from '~/components/ui/error-summary';
import { RadioGroupField, TextAreaField } from '~/components/ui/fields';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { callPhase } from '~/modules/academies/call.server';
import { scoreSchema } from '~/modules/academies/forms.server';
import { requireSelectionAccess } from '~/modules/academies/guards.server';
import { applicationsForScoring, scoreApplication } from '~/modules/academies/selection.server';
import { notFound } from '~/modules/http.server';
import { formatMoment } from '~/modules/time';

// Scoring the applications of an academy (ADR 018), for its coordinators and its reviewers alike. A
// scorer sees only the fields the academy allows (never focus groups or disability: the module does
// not hand them out), gives 1–5 per criterion once, and sees others' scores only after their own.

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.academyScoring', args.data ? { academy: args.data.academy.name } : null, { noindex: true });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy, organisationName, role, user } = await requireSelectionAccess(request, params.id);
  const locale = localeFromRequest(request);
  const phase = callPhase(academy);
  // Before the call closes nobody scores, and the list of applicants is still moving: none shown.
  const applications = phase === 'closed' ? await applicationsForScoring(getDb(), academy, user.id) : [];
  return {
    academy: { id: academy.id, name: academy.name, organisationId: academy.organisationId, organisationName },
    role,
    closed: phase === 'closed',
    closes: academy.applicationsCloseAt ? formatMoment(locale, academy.applicationsCloseAt) : '',
    released: Boolean(academy.decisionsReleasedAt),
    criteria: academy.criteria,
    applications,
  };
}

type Answer = { applicationId: string; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { academy, user } = await requireSelectionAccess(request, params.id);
  const t = translator(localeFromRequest(request));
  const submission = parseWithZod(await request.formData(), { schema: scoreSchema(t, academy.criteria) });
  const base = `/academies/${academy.id}/beoordelen`;
  if (submission.status !== 'success') {
    const applicationId = String(submission.payload.applicationId ?? '');
    return data<Answer>({ applicationId, result: submission.reply() }, { status: 400 });
  }
  const { applicationId, scores, note } = submission.value;
  const outcome = await scoreApplication(getDb(), academy, user.id, applicationId, { scores, note });
  if (outcome === 'not-found') throw notFound();
  if (outcome === 'scored') return redirectWithNotice(base, 'notice.academyScore.saved');
  return redirectWithNotice(base, 'notice.academyScore.notPossible');
}

export default function AcademyScoring() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const scored = page.applications.filter((a) => a.own).length;
  const canScore = page.closed && !page.released && page.criteria.length > 0;
  return (
    <div className="pa-manage pa-prose">
      <AcademyHeader academy={page.academy} nav={page.role === 'coordinator'} />
      <h2 className="utrecht-heading-2">{t('academyNav.scoring')}</h2>
      {!page.closed ? (
        <p className="utrecht-paragraph">
          {page.closes ? t('academyScoring.notClosed', { date: page.closes }) : t('academyScoring.notClosedNoDate')}
        </p>
      ) : page.applications.length === 0 ? (
        <p className="utrecht-paragraph">{t('academyScoring.none')}</p>
      ) : (
        <>
          {page.released ? (
            <p className="utrecht-paragraph">{t('academyScoring.released')}</p>
          ) : page.criteria.length === 0 ? (
            <p className="utrecht-paragraph">{t('academyScoring.noCriteria')}</p>
          ) : (
            <p className="utrecht-paragraph">{t('academyScoring.intro')}</p>
          )}
          <p className="utrecht-paragraph">{t('academyScoring.progress', { count: scored, total: page.applications.length })}</p>
          {page.applications.map((application) => (
            <ApplicationCard key={application.id} application={application} criteria={page.criteria} canScore={canScore} />
          ))}
        </>
      )}
    </div>
  );
}

type Application = ReturnType<typeof useLoaderData<typeof loader>>['applications'][number];

function ApplicationCard({
  application,
  criteria,
  canScore,
}: {
  application: Application;
  criteria: AcademyCriterion[];
  canScore: boolean;
}) {
  const t = useT();
  const headingId = `aanmelding-${application.id}`;
  const { answers, ...fields } = application.fields;
  const shown = (['motivation', 'experience', 'party', 'availability', 'municipality'] as const).filter((f) => fields[f] !== undefined);
  const scoreLines = (scores: Record<string, number>) =>
    criteria.map((c) => <li key={c.id}>{t('academyScoring.scoreOf', { criterion: c.label, score: scores[c.id] ?? '—' })}</li>);
  return (
    <section className="pa-section pa-item" aria-labelledby={`${headingId}-heading`} id={headingId}>
      <h3 className="utrecht-heading-3" id={`${headingId}-heading`}>
        {application.name}
      </h3>
      <dl className="pa-details">
        {shown.map((f) => (
          <div key={f}>
            <dt>{t(`academyCallForm.field.${f}`)}</dt>
            <dd className="pa-pre-line">{fields[f] || '—'}</dd>
          </div>
        ))}
        {answers?.map((a) => (
          <div key={a.label}>
            <dt>{a.label}</dt>
            <dd className="pa-pre-line">{a.answer}</dd>
          </div>
        ))}
      </dl>
      {application.own ? (
        <>
          <h4 className="utrecht-heading-4">{t('academyScoring.yours')}</h4>
          <ul className="utrecht-unordered-list">{scoreLines(application.own.scores)}</ul>
          {application.own.note ? <p className="utrecht-paragraph pa-pre-line">{application.own.note}</p> : null}
          <h4 className="utrecht-heading-4">{t('academyScoring.others')}</h4>
          {application.others && application.others.length > 0 ? (
            application.others.map((other, index) => (
              <div key={index}>
                <p className="utrecht-paragraph">{t('academyScoring.scorer', { number: index + 1 })}</p>
                <ul className="utrecht-unordered-list">{scoreLines(other.scores)}</ul>
                {other.note ? <p className="utrecht-paragraph pa-pre-line">{other.note}</p> : null}
              </div>
            ))
          ) : (
            <p className="utrecht-paragraph">{t('academyScoring.noOthers')}</p>
          )}
        </>
      ) : canScore ? (
        <>
          <p className="utrecht-paragraph">{t('academyScoring.hidden')}</p>
          <ScoreForm applicationId={application.id} name={application.name} criteria={criteria} />
        </>
      ) : null}
    </section>
  );
}

function ScoreForm({ applicationId, name, criteria }: { applicationId: string; name: string; criteria: AcademyCriterion[] }) {
  const t = useT();
  const acted = useActionData<typeof action>();
  const [form, fields] = useForm<{ applicationId: string; scores: Record<string, string>; note: string }>({
    id: `score-${applicationId}`,
    lastResult: acted?.applicationId === applicationId ? acted.result : undefined,
    defaultValue: { applicationId },
  });
  const scores = fields.scores.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="applicationId" value={applicationId} />
      {criteria.map((c) => (
        <RadioGroupField
          key={c.id}
          meta={scores[c.id]!}
          legend={c.label}
          description={t('academyScoring.scale')}
          options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))}
          required
          columns
        />
      ))}
      <TextAreaField meta={fields.note} label={t('academyScoring.note')} description={t('academyScoring.noteHint')} rows={3} />
      <SubmitButton>
        {t('academyScoring.submit')}
        <span className="pa-visually-hidden"> ({name})</span>
      </SubmitButton>
    </Form>
  );
}
