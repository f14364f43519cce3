import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { FOCUS_KEYS } from '~/components/network-fields';
import { useT } from '~/i18n';
import { networksOfOrganisations } from '~/modules/mentoring/networks.server';
import { requireCoordinator } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.networks');

export async function loader({ request }: LoaderFunctionArgs) {
  const coordinator = await requireCoordinator(request);
  const networks = await networksOfOrganisations(
    getDb(),
    coordinator.organisations.map((o) => o.id),
  );
  return { networks, several: coordinator.organisations.length > 1 };
}

export default function ManageNetworks() {
  const t = useT();
  const { networks, several } = useLoaderData<typeof loader>();
  return (
    <div className="pa-manage">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/beheer">
          {t('manageCourses.backToManage')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('networks.list.title')}</h1>
      <p className="utrecht-paragraph">{t('networks.list.intro')}</p>
      <p className="utrecht-paragraph">
        <Link
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action pa-button-link"
          to="/beheer/netwerken/nieuw"
        >
          {t('networks.list.new')}
        </Link>
      </p>
      {networks.length === 0 ? (
        <p className="utrecht-paragraph">{t('networks.list.none')}</p>
      ) : (
        <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby="networks-caption">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption" id="networks-caption">
              {t('networks.list.caption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('networks.list.name')}
                </th>
                {several ? (
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('networks.list.organisation')}
                  </th>
                ) : null}
                <th className="utrecht-table__header-cell" scope="col">
                  {t('networks.form.focusGroup')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('networks.list.region')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('networks.list.applications')}
                </th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {t('networks.list.mentors')}
                </th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {t('networks.list.waiting')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {networks.map((n) => (
                <tr className="utrecht-table__row" key={n.id}>
                  <th className="utrecht-table__header-cell" scope="row">
                    <Link className="utrecht-link" to={`/beheer/netwerken/${n.id}`}>
                      {n.name}
                    </Link>
                  </th>
                  {several ? <td className="utrecht-table__cell">{n.organisationName}</td> : null}
                  <td className="utrecht-table__cell">{t(FOCUS_KEYS[n.focusGroup])}</td>
                  <td className="utrecht-table__cell">
                    {n.regionKind === 'national'
                      ? t('networks.region.national')
                      : t(`networks.regionCount.${n.regionKind}`, { count: n.regionCount })}
                  </td>
                  <td className="utrecht-table__cell">{n.applicationsOpen ? t('networks.open') : t('networks.closed')}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{n.mentors}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{n.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
