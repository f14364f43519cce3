import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { formatDate } from '~/modules/courses/format.server';
import { sourceLabel } from '~/modules/labels';
import { themeWords } from '~/modules/matching/scoring';
import { networkApplications } from '~/modules/mentoring/applications.server';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Aanvragen — ${data.network.name} — Politiek Actief` : 'Politiek Actief' },
];

// The applications of one network, for its organisation's coordinators. No special-category data
// here: disability shows only on an application's own page, where each read is audited.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network, organisation, organisations } = await requireNetworkOfCoordinator(request, params.id);
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const rows = await networkApplications(getDb(), { organisationIds: organisations.map((o) => o.id) }, network.id);
  return {
    network: { id: network.id, name: network.name },
    organisationName: organisation.name,
    applications: rows.map((r) => ({
      id: r.id,
      name: r.name,
      municipalityName: r.municipalityName,
      status: r.status,
      themes: r.themes.map((theme) => themeWords(theme)[locale]).join(', '),
      source: sourceLabel(t, r.source) || t('applications.manage.sourceNone'),
      createdAt: formatDate(locale, r.createdAt),
    })),
  };
}

export default function NetworkApplications() {
  const t = useT();
  const { network, organisationName, applications } = useLoaderData<typeof loader>();
  return (
    <div className="pa-manage">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/beheer">
          {t('applications.manage.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        {t('applications.manage.title')}: {network.name}
      </h1>
      <p className="utrecht-paragraph">{organisationName}</p>
      <p className="utrecht-paragraph">{t('applications.manage.intro', { network: network.name })}</p>
      {applications.length === 0 ? (
        <p className="utrecht-paragraph">{t('applications.manage.none')}</p>
      ) : (
        <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby="applications-caption">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption" id="applications-caption">
              {t('applications.manage.caption', { network: network.name })}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('applications.manage.name')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('applications.manage.municipality')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('applications.manage.themes')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('applications.manage.status')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('applications.manage.date')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('applications.manage.source')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {applications.map((a) => (
                <tr className="utrecht-table__row" key={a.id}>
                  <th className="utrecht-table__header-cell" scope="row">
                    <Link className="utrecht-link" to={`/beheer/netwerken/${network.id}/aanvragen/${a.id}`}>
                      {a.name}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{a.municipalityName}</td>
                  <td className="utrecht-table__cell">{a.themes}</td>
                  <td className="utrecht-table__cell">{t(`applications.status.${a.status}`)}</td>
                  <td className="utrecht-table__cell">{a.createdAt}</td>
                  <td className="utrecht-table__cell">{a.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
