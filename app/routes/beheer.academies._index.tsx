import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { Notice } from '~/components/form';
import { useT } from '~/i18n';
import { listAcademies } from '~/modules/organisations/academies.server';
import { requireCoordinator, requireOwnOrganisation, scopeOf } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.academies');

export async function loader({ request }: LoaderFunctionArgs) {
  const coordinator = await requireCoordinator(request);
  const asked = new URL(request.url).searchParams.get('organisatie');
  const organisation = asked !== null ? requireOwnOrganisation(coordinator, asked) : null;
  const ids = organisation ? [organisation.id] : scopeOf(coordinator).organisationIds;
  const academies = await listAcademies(getDb(), ids);
  return {
    organisations: coordinator.organisations
      .filter((o) => ids.includes(o.id))
      .map((o) => ({ id: o.id, name: o.name, academies: academies.filter((a) => a.organisationId === o.id) })),
    several: coordinator.organisations.length > 1,
    chosen: organisation?.id ?? null,
  };
}

export default function Academies() {
  const t = useT();
  const { organisations, several, chosen } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const period = (a: { periodStart: string | null; periodEnd: string | null }) =>
    a.periodStart || a.periodEnd ? `${a.periodStart ?? '…'} – ${a.periodEnd ?? '…'}` : t('admin.academies.noPeriod');
  return (
    <div className="pa-manage">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={chosen ? `/beheer?organisatie=${chosen}` : '/beheer'}>
          {t('manageCourses.backToManage')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('admin.academies.title')}</h1>
      {params.get('melding') === 'opgeslagen' ? <Notice>{t('admin.academies.saved')}</Notice> : null}
      <p className="utrecht-paragraph">{t('admin.academies.intro')}</p>
      {organisations.map((o) => (
        <section className="pa-section" key={o.id} aria-labelledby={`org-${o.id}`}>
          <h2 className="utrecht-heading-2" id={`org-${o.id}`}>
            {several ? o.name : t('admin.academies.of', { organisation: o.name })}
          </h2>
          <p className="utrecht-paragraph">
            <Link
              className="utrecht-button utrecht-button--secondary-action pa-button-link"
              to={`/beheer/academies/nieuw?organisatie=${o.id}`}
            >
              {t('admin.academies.new')}
              {several ? <span className="pa-visually-hidden"> ({o.name})</span> : null}
            </Link>
          </p>
          {o.academies.length === 0 ? (
            <p className="utrecht-paragraph">{t('admin.academies.empty')}</p>
          ) : (
            <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby={`caption-${o.id}`}>
              <table className="utrecht-table">
                <caption className="utrecht-table__caption" id={`caption-${o.id}`}>
                  {t('admin.academies.caption', { organisation: o.name })}
                </caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th className="utrecht-table__header-cell" scope="col">
                      {t('admin.academies.name')}
                    </th>
                    <th className="utrecht-table__header-cell" scope="col">
                      {t('admin.academies.period')}
                    </th>
                    <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                      {t('admin.academies.courses')}
                    </th>
                    <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                      {t('admin.academies.networks')}
                    </th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {o.academies.map((a) => (
                    <tr className="utrecht-table__row" key={a.id}>
                      <th className="utrecht-table__header-cell" scope="row">
                        <Link className="utrecht-link" to={`/beheer/academies/${a.id}`}>
                          {a.name}
                        </Link>
                      </th>
                      <td className="utrecht-table__cell">{period(a)}</td>
                      <td className="utrecht-table__cell utrecht-table__cell--numeric">{a.courses}</td>
                      <td className="utrecht-table__cell utrecht-table__cell--numeric">{a.networks}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
