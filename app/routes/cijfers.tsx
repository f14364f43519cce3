import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { FilterSelect } from '~/components/ui/filter-fields';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { ChartWithTable, MarksLegend } from '~/components/report-figures';
import { pageTitle } from '~/components/page-title';
import { localeFromRequest, translator, useT } from '~/i18n';
import { publishTable } from '~/modules/reports/publish';
import { nationalReport, readNationalRequest } from '~/modules/reports/national.server';

// /cijfers: the open national figures (issue 12, item 10). Public; one calendar year at a time.

export const meta: MetaFunction = (args) => pageTitle(args, 'title.national');

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const { year, years, organisations } = await readNationalRequest(request, db);
  if (organisations === 0) return { year, years, organisations, report: null };
  const report = await nationalReport(db, t, year);
  // Only the published text of each figure goes to the page, never the number behind a mark.
  return {
    year,
    years,
    organisations: report.organisations,
    report: {
      updatedOn: new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${report.updatedOn}T12:00:00Z`),
      ),
      national: publishTable(report.tables.national),
      byProvince: publishTable(report.tables.byProvince),
      notBrokenDown: report.tables.notBrokenDown,
      byFocus: publishTable(report.tables.byFocus),
    },
  };
}

export default function NationalFigures() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="pa-national">
      <h1 className="utrecht-heading-1">{t('national.title')}</h1>
      <p className="utrecht-paragraph pa-prose">{t('national.intro')}</p>

      <section aria-labelledby="national-year-heading" className="pa-filters">
        <h2 className="utrecht-heading-2" id="national-year-heading">
          {t('national.year.legend')}
        </h2>
        <Form method="get" action="/cijfers" className="pa-filters__form" key={d.year}>
          <FilterSelect
            id="national-jaar"
            name="jaar"
            label={t('national.year.label')}
            hint={t('national.year.hint')}
            value={String(d.year)}
            options={d.years.map((y) => ({ value: String(y), label: String(y) }))}
            className="pa-filters__field"
          />
          <div className="pa-filters__actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {t('national.year.submit')}
            </button>
          </div>
        </Form>
        <p className="utrecht-paragraph pa-filters__note">{t('national.year.why')}</p>
      </section>

      {d.report ? (
        <>
          <section className="pa-report-cover" aria-label={t('national.title')}>
            <ul className="utrecht-unordered-list pa-report-cover__facts">
              <li className="utrecht-unordered-list__item">{t('national.organisations', { count: d.organisations })}</li>
              <li className="utrecht-unordered-list__item">{t('national.updated', { date: d.report.updatedOn })}</li>
              <li className="utrecht-unordered-list__item">
                {t('national.licence')}{' '}
                <a className="utrecht-link" href="https://creativecommons.org/publicdomain/zero/1.0/deed.nl" hrefLang="nl">
                  {t('national.licenceLink')}
                </a>
              </li>
            </ul>
            <p className="utrecht-paragraph pa-print-hidden">
              <a className="utrecht-link" href={`/cijfers.csv?jaar=${d.year}`} download>
                {t('national.csv.download', { year: d.year })}
              </a>
            </p>
            <p className="utrecht-paragraph pa-prose">{t('national.people')}</p>
            <p className="utrecht-paragraph pa-prose">{t('reports.suppressionNote')}</p>
            <MarksLegend />
          </section>

          <section className="pa-section pa-report-section" aria-labelledby="national-funnel-heading">
            <h2 className="utrecht-heading-2" id="national-funnel-heading">
              {t('national.funnel.heading', { year: d.year })}
            </h2>
            <ChartWithTable table={d.report.national} chart="total-row" />
          </section>

          <section className="pa-section pa-report-section" aria-labelledby="national-province-heading">
            <h2 className="utrecht-heading-2" id="national-province-heading">
              {t('national.byProvince')}
            </h2>
            {d.report.notBrokenDown.length ? (
              <p className="utrecht-paragraph pa-prose">{t('national.notBrokenDown', { stages: d.report.notBrokenDown.join(', ') })}</p>
            ) : null}
            {d.report.byProvince.columns.length ? <ChartWithTable table={d.report.byProvince} /> : null}
          </section>

          <section className="pa-section pa-report-section" aria-labelledby="national-focus-heading">
            <h2 className="utrecht-heading-2" id="national-focus-heading">
              {t('national.byFocus')}
            </h2>
            <p className="utrecht-paragraph pa-prose">{t('national.focusNote')}</p>
            <ChartWithTable table={d.report.byFocus} chart="grouped" />
          </section>
        </>
      ) : (
        <p className="utrecht-paragraph">{t('national.none')}</p>
      )}
    </div>
  );
}
