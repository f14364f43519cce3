import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { AcademyHeader } from '~/components/academy-nav';
import { SubmitButton } from '~/components/form';
import { pageTitle } from '~/components/page-title';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';
import { DataTable } from '~/components/ui/data-table';
import { ErrorSummary } from '~/components/ui/error-summary';
import { SelectField, TextField } from '~/components/ui/fields';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT, useLocale } from '~/i18n';
import { callPhase } from '~/modules/academies/call.server';
import { decisionSchema } from '~/modules/academies/forms.server';
import { requireAcademyOfCoordinator } from '~/modules/academies/guards.server';
import { decideApplication, releaseDecisions, selectionOverview } from '~/modules/academies/selection.server';
import { notFound } from '~/modules/http.server';
import { formatMoment } from '~/modules/time';

// The coordinator's selection (ADR 018): every application with its average score, how many scores
// it has and their spread; a draft decision per application (admit, reserve, decline with a reason)
// with the seats enforced under the academy's lock; then one release that sends every decision.

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.academySelection', args.data ? { academy: args.data.academy.name } : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy, organisation } = await requireAcademyOfCoordinator(request, params.id);
  const locale = localeFromRequest(request);
  const rows = await selectionOverview(getDb(), academy);
  const released = Boolean(academy.decisionsReleasedAt);
  const taken = rows.filter((r) =>
    released ? r.status === 'offered' || r.status === 'accepted' : r.status === 'submitted' && r.decision === 'admit',
  ).length;
  const pending = rows.filter((r) => r.status === 'submitted');
  const url = new URL(request.url);
  const closed = callPhase(academy) === 'closed';
  return {
    academy: { id: academy.id, name: academy.name, organisationId: organisation.id, organisationName: organisation.name },
    closed,
    released: academy.decisionsReleasedAt ? formatMoment(locale, academy.decisionsReleasedAt) : null,
    seats: academy.seats,
    taken,
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      decision: r.decision,
      decisionReason: r.decisionReason,
      reserveRank: r.reserveRank,
      scored: r.scored,
      average: r.average,
      low: r.low,
      high: r.high,
      offerExpires: r.status === 'offered' && r.offerExpiresAt ? formatMoment(locale, r.offerExpiresAt) : '',
    })),
    // The release's confirmation step (`?vrijgeven=ja`) says how many emails go out.
    confirmRelease: closed && !released && url.searchParams.get('vrijgeven') === 'ja' ? { emails: pending.length } : null,
  };
}

type Answer = { applicationId: string; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { academy } = await requireAcademyOfCoordinator(request, params.id);
  const db = getDb();
  const t = translator(localeFromRequest(request));
  const formData = await request.formData();
  const base = `/beheer/academies/${academy.id}/selectie`;
  const intent = formData.get('intent');

  if (intent === 'release') {
    if (!confirmed(formData)) return redirect(`${base}?vrijgeven=ja#vrijgeven`, 303);
    const outcome = await releaseDecisions(db, academy.id);
    if (outcome.status === 'released') return redirectWithNotice(base, 'notice.academySelection.released', { count: outcome.emails });
    if (outcome.status === 'undecided') return redirectWithNotice(base, 'notice.academySelection.undecided', { count: outcome.count });
    if (outcome.status === 'not-found') throw notFound();
    return redirectWithNotice(base, 'notice.academySelection.notPossible');
  }

  const submission = parseWithZod(formData, { schema: decisionSchema(t) });
  const applicationId = String(formData.get('applicationId') ?? '');
  if (submission.status !== 'success') return data<Answer>({ applicationId, result: submission.reply() }, { status: 400 });
  const { decision, reason } = submission.value;
  const outcome = await decideApplication(db, academy.id, applicationId, decision === 'none' ? null : decision, reason);
  if (outcome === 'decided') return redirectWithNotice(`${base}#aanmelding-${applicationId}`, 'notice.academySelection.decided');
  if (outcome === 'not-found') throw notFound();
  const message =
    outcome === 'full'
      ? t('academySelection.errors.full', { count: academy.seats })
      : outcome === 'reason-missing'
        ? t('academySelection.errors.reason')
        : outcome === 'not-closed'
          ? t('academySelection.errors.notClosed')
          : t('academyScoring.released');
  return data<Answer>({ applicationId, result: submission.reply({ formErrors: [message] }) }, { status: 409 });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['rows'][number];

export default function AcademySelection() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const base = `/beheer/academies/${page.academy.id}/selectie`;
  const number = (v: number) => v.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
  const deciding = page.closed && !page.released;
  const draft = (r: Row) =>
    r.decision === 'reserve'
      ? t('academySelection.draft.reserve', { rank: r.reserveRank ?? '' })
      : t(`academySelection.draft.${r.decision ?? 'none'}`);
  const status = (r: Row) =>
    r.status === 'reserve'
      ? t('academySelection.statusOf.reserve', { rank: r.reserveRank ?? '' })
      : r.status === 'offered'
        ? t('academySelection.statusOf.offered', { date: r.offerExpires })
        : r.status === 'withdrawn'
          ? '—'
          : t(`academySelection.statusOf.${r.status}`);
  return (
    <div className="pa-manage">
      <AcademyHeader academy={page.academy} />
      <h2 className="utrecht-heading-2">{t('academyNav.selection')}</h2>
      {page.released ? (
        <p className="utrecht-paragraph">{t('academySelection.releasedOn', { date: page.released })}</p>
      ) : page.closed ? (
        <p className="utrecht-paragraph">{t('academySelection.intro')}</p>
      ) : (
        <p className="utrecht-paragraph">{t('academySelection.notClosed')}</p>
      )}
      <p className="utrecht-paragraph pa-item__title" id="plaatsen">
        {t('academySelection.seats', { taken: page.taken, count: page.seats })}
      </p>
      {page.confirmRelease ? (
        <ConfirmStep
          id="vrijgeven"
          heading={t('academySelection.releaseHeading')}
          intent="release"
          fields={{}}
          submit={t('academySelection.releaseSubmit')}
          keepTo={base}
          keep={t('academySelection.keep')}
          action={base}
        >
          <p className="utrecht-paragraph">{t('academySelection.releaseBody', { count: page.confirmRelease.emails })}</p>
        </ConfirmStep>
      ) : null}
      {page.rows.length === 0 ? (
        <p className="utrecht-paragraph">{t('academySelection.none')}</p>
      ) : (
        <DataTable
          id="selection-caption"
          caption={t('academySelection.caption')}
          rows={page.rows}
          rowKey={(r) => r.id}
          rowId={(r) => `aanmelding-${r.id}`}
          stack="wide"
          columns={[
            { key: 'name', header: t('academySelection.name'), rowHeader: true, cell: (r) => r.name },
            {
              key: 'average',
              header: t('academySelection.average'),
              numeric: true,
              cell: (r) => (r.average === null ? '—' : t('academySelection.averageValue', { average: number(r.average) })),
            },
            { key: 'scored', header: t('academySelection.scores'), numeric: true, cell: (r) => r.scored },
            {
              key: 'spread',
              header: t('academySelection.spread'),
              numeric: true,
              cell: (r) => (r.low === null || r.high === null ? '—' : `${number(r.low)} – ${number(r.high)}`),
            },
            page.released
              ? { key: 'status', header: t('academySelection.status'), cell: status }
              : {
                  key: 'decision',
                  header: t('academySelection.decision'),
                  cell: (r) => (
                    <>
                      {draft(r)}
                      {r.decision === 'decline' && r.decisionReason ? (
                        <>
                          <br />
                          <span className="pa-note">{r.decisionReason}</span>
                        </>
                      ) : null}
                    </>
                  ),
                },
          ]}
          actions={
            deciding
              ? { header: t('academySelection.actions'), cell: (r) => (r.status === 'submitted' ? <DecideForm row={r} /> : null) }
              : undefined
          }
        />
      )}
      {deciding && page.rows.length > 0 && !page.confirmRelease ? (
        <section className="pa-section" aria-labelledby="release-heading">
          <h3 className="utrecht-heading-3" id="release-heading">
            {t('academySelection.release')}
          </h3>
          <p className="utrecht-paragraph">{t('academySelection.releaseIntro')}</p>
          <p className="utrecht-paragraph">
            <Link
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              to={`${base}?vrijgeven=ja#vrijgeven`}
            >
              {t('academySelection.release')}
            </Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}

function DecideForm({ row }: { row: Row }) {
  const t = useT();
  const acted = useActionData<typeof action>();
  const [form, fields] = useForm<{ applicationId: string; decision: string; reason: string }>({
    id: `decide-${row.id}`,
    lastResult: acted?.applicationId === row.id ? acted.result : undefined,
    defaultValue: { applicationId: row.id, decision: row.decision ?? 'none', reason: row.decisionReason },
  });
  return (
    <Form method="post" {...getFormProps(form)} aria-label={t('academySelection.decisionFor', { name: row.name })}>
      <ErrorSummary form={form} />
      <input type="hidden" name="applicationId" value={row.id} />
      <SelectField
        meta={fields.decision}
        label={t('academySelection.decision')}
        options={(['none', 'admit', 'reserve', 'decline'] as const).map((d) => ({ value: d, label: t(`academySelection.choice.${d}`) }))}
      />
      <TextField meta={fields.reason} label={t('academySelection.reason')} description={t('academySelection.reasonHint')} />
      <SubmitButton name="intent" value="decide">
        {t('academySelection.save')}
        <span className="pa-visually-hidden"> ({row.name})</span>
      </SubmitButton>
    </Form>
  );
}
