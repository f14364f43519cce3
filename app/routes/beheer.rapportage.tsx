import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { FilterSelect } from '~/components/ui/filter-fields';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { ChartWithTable, MarksLegend } from '~/components/report-figures';
import { localeFromRequest, translator, useT } from '~/i18n';
import { ManageHeader } from '~/components/manage-header';
import { reportTables } from '~/modules/reports/figures.server';
import { readBlockReport } from '~/modules/reports/snapshot.server';
import { FormAlert } from '~/components/form';
import { readReportRequest, reportQuery } from '~/modules/reports/filters.server';
import { publishCell, publishTable } from '~/modules/reports/publish';
import { pageTitle } from '~/components/page-title';
import { dutchToday as dutchDate } from '~/modules/clock.server';
import { formatMoment } from '~/modules/time';
import { Notice } from '~/components/ui/notice';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.report');

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const t = translator(localeFromRequest(request));
  const r = await readReportRequest(request, db, t);
  const base = {
    organisations: r.coordinator.organisations.map((o) => ({ id: o.id, name: o.name })),
    organisationId: r.organisation.id,
    academies: r.academies,
    academyId: r.academy?.id ?? '',
    input: r.input,
    blocks: r.blocks,
    cohort: r.cohort,
    errors: r.errors,
  };
  if (r.errors) return data({ ...base, report: null, csvUrl: null, pending: false }, { status: 400 });
  // Protected together with every block and academy a reader can put beside it (ADR 015), as last
  // snapshotted: figures and marks of one moment, never solved here for a big block (ADR 020).
  const snapshot = await readBlockReport(db, t, {
    organisationId: r.organisation.id,
    academyId: r.academy?.id ?? null,
    block: r.block,
    cohort: r.cohort,
  });
  if (snapshot.state === 'pending') return { ...base, report: null, csvUrl: null, pending: true };
  const report = snapshot.report;
  // Only the published text of each figure goes to the page, never the number behind a mark.
  const [
    courseSummary,
    coursesByProvince,
    coursesBySource,
    mentoringSummary,
    mentoringByProvince,
    byFocus,
    mentoringBySource,
    funnel,
    academySummary,
    academyByProvince,
    academyByFocus,
  ] = reportTables(t, report).map(publishTable);
  const m = report.mentoring;
  return {
    ...base,
    report: {
      organisation: r.organisation.name,
      academy: r.academy?.name ?? null,
      period: r.blocks.find((b) => b.code === r.input.period)?.label ?? `${r.scope.from} – ${r.scope.to}`,
      madeOn: dutchDate(),
      updatedAt: formatMoment(t.locale, snapshot.takenAt),
      courses: [courseSummary!, coursesByProvince!, coursesBySource!],
      mentoring: { summary: mentoringSummary!, byProvince: mentoringByProvince!, byFocus: byFocus!, bySource: mentoringBySource! },
      medianDays: m.medianDays.days,
      capacity: { used: publishCell(m.capacity.used).text, capacity: m.capacity.capacity, mentors: publishCell(m.capacity.mentors).text },
      funnel: funnel!,
      // Academies as programmes (issue 15, item 7): shown when the organisation has academies.
      academies: r.academies.length
        ? {
            count: r.academy ? 1 : r.academies.length,
            summary: academySummary!,
            byProvince: academyByProvince!,
            byFocus: academyByFocus!,
          }
        : null,
    },
    csvUrl: `/beheer/rapportage.csv?${reportQuery(r)}`,
    pending: false,
  };
}

export default function Reports() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const report = d.report;
  return (
    <div className="pa-manage">
      <ManageHeader title={t('reports.title')} intro={t('reports.intro')} prose />

      <section aria-labelledby="report-filters-heading" className="pa-filters">
        <h2 className="utrecht-heading-2" id="report-filters-heading">
          {t('reports.filters.legend')}
        </h2>
        {d.errors?.period ? <FormAlert messages={[`${t('reports.filters.periodLabel')}: ${d.errors.period.join(' ')}`]} /> : null}
        <Form method="get" action="/beheer/rapportage" className="pa-filters__form" key={JSON.stringify(d.input) + d.organisationId}>
          <FilterSelect
            id="report-organisatie"
            name="organisatie"
            label={t('reports.filters.organisation')}
            value={d.organisationId}
            options={d.organisations.map((o) => ({ value: o.id, label: o.name }))}
            className="pa-filters__field"
          />
          <FilterSelect
            id="report-academie"
            name="academie"
            label={t('reports.filters.academy')}
            value={d.academyId}
            all={t('reports.filters.allAcademies')}
            options={d.academies.map((a) => ({ value: a.id, label: a.name }))}
            className="pa-filters__field"
          />
          <FilterSelect
            id="report-periode"
            name="periode"
            label={t('reports.filters.periodLabel')}
            hint={t('reports.filters.periodHint')}
            errors={d.errors?.period}
            value={d.blocks.some((b) => b.code === d.input.period) ? d.input.period : (d.blocks[0]?.code ?? '')}
            options={d.blocks.map((b) => ({ value: b.code, label: b.label }))}
            className="pa-filters__field"
          />
          <FilterSelect
            id="report-groep"
            name="groep"
            label={t('reports.filters.cohort')}
            value={d.cohort === 'academy' ? 'academie' : 'maand'}
            options={[
              { value: 'maand', label: t('reports.filters.cohortMonth') },
              { value: 'academie', label: t('reports.filters.cohortAcademy') },
            ]}
            className="pa-filters__field"
          />
          <div className="pa-filters__actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {t('reports.filters.submit')}
            </button>
          </div>
        </Form>
        <p className="utrecht-paragraph pa-filters__note">{t('reports.filters.period')}</p>
      </section>

      {report ? (
        <>
          <p className="utrecht-paragraph pa-print-hidden">
            <a className="utrecht-link" href={d.csvUrl!} download>
              {t('reports.csv.download')}
            </a>
          </p>
          <p className="utrecht-paragraph pa-prose pa-print-hidden">{t('reports.print.hint')}</p>
          <section className="pa-report-cover" aria-label={t('reports.title')}>
            <ul className="utrecht-unordered-list pa-report-cover__facts">
              <li className="utrecht-unordered-list__item">
                {t('reports.print.organisation', {
                  name: report.academy ? `${report.organisation}, ${report.academy}` : report.organisation,
                })}
              </li>
              <li className="utrecht-unordered-list__item">{t('reports.print.period', { period: report.period })}</li>
              <li className="utrecht-unordered-list__item">{t('reports.print.madeOn', { date: report.madeOn })}</li>
              <li className="utrecht-unordered-list__item" data-testid="report-updated-at">
                {t('reports.snapshot.updatedAt', { date: report.updatedAt })}
              </li>
            </ul>
            <p className="utrecht-paragraph pa-prose">{t('reports.snapshot.explain')}</p>
            <p className="utrecht-paragraph pa-prose">{t('reports.suppressionNote')}</p>
            <MarksLegend />
          </section>

          <section className="pa-section pa-report-section" aria-labelledby="report-courses-heading">
            <h2 className="utrecht-heading-2" id="report-courses-heading">
              {t('reports.courses.heading')}
            </h2>
            <p className="utrecht-paragraph pa-prose">{t('reports.courses.explain')}</p>
            <ChartWithTable table={report.courses[0]!} chart="total-row" />
            <ChartWithTable table={report.courses[1]!} />
            <ChartWithTable table={report.courses[2]!} />
          </section>

          <section className="pa-section pa-report-section" aria-labelledby="report-mentoring-heading">
            <h2 className="utrecht-heading-2" id="report-mentoring-heading">
              {t('reports.mentoring.heading')}
            </h2>
            <ChartWithTable table={report.mentoring.summary} chart="total-row" />
            <ChartWithTable table={report.mentoring.byProvince} />
            <p className="utrecht-paragraph pa-prose">{t('reports.mentoring.focusNote')}</p>
            <ChartWithTable table={report.mentoring.byFocus} />
            <ChartWithTable table={report.mentoring.bySource} />
            <h3 className="utrecht-heading-3">{t('reports.mentoring.other')}</h3>
            <dl className="pa-details">
              <dt>{t('reports.mentoring.medianDays')}</dt>
              <dd>{report.medianDays === null ? t('reports.tooFew') : t('reports.mentoring.days', { count: report.medianDays })}</dd>
              <dt>{t('reports.mentoring.capacityUsed')}</dt>
              <dd>
                {t('reports.mentoring.capacity', {
                  used: report.capacity.used,
                  count: report.capacity.capacity,
                  mentors:
                    // A shown count reads "1 mentor" / "12 mentoren"; a hidden one keeps its mark.
                    /^\d+$/.test(report.capacity.mentors)
                      ? t('reports.mentoring.mentorCount', { count: Number(report.capacity.mentors) })
                      : t('reports.mentoring.hiddenMentors', { mark: report.capacity.mentors }),
                })}
              </dd>
            </dl>
          </section>

          <section className="pa-section pa-report-section" aria-labelledby="report-funnel-heading">
            <h2 className="utrecht-heading-2" id="report-funnel-heading">
              {t('reports.funnel.heading')}
            </h2>
            <p className="utrecht-paragraph pa-prose">{t('reports.funnel.intro')}</p>
            {report.funnel.rows.length === 0 ? (
              <p className="utrecht-paragraph">{t('reports.empty')}</p>
            ) : (
              <ChartWithTable table={report.funnel} chart="grouped" />
            )}
            <p className="utrecht-paragraph pa-prose">{t('reports.funnel.onRouteExplain')}</p>
          </section>

          {report.academies ? (
            <section className="pa-section pa-report-section" aria-labelledby="report-academies-heading">
              <h2 className="utrecht-heading-2" id="report-academies-heading">
                {t('reports.academy.heading')}
              </h2>
              <p className="utrecht-paragraph pa-prose">
                {t('reports.academy.count', { count: report.academies.count })} {t('reports.academy.intro')}
              </p>
              <ChartWithTable table={report.academies.summary} chart="total-row" />
              <ChartWithTable table={report.academies.byProvince} />
              <ChartWithTable table={report.academies.byFocus} />
            </section>
          ) : null}
        </>
      ) : d.pending ? (
        <Notice kind="info" id="report-pending">
          {t('reports.snapshot.pending')}
        </Notice>
      ) : null}
    </div>
  );
}
