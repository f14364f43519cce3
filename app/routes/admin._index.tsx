import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { useT } from '~/i18n';
import { requireAdmin } from '~/modules/auth/session.server';
import { listOrganisations } from '~/modules/organisations/organisations.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.admin');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { organisations: await listOrganisations(getDb()) };
}

export default function AdminHome() {
  const t = useT();
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <div className="pa-manage">
      <h1 className="utrecht-heading-1">{t('admin.title')}</h1>
      <p className="utrecht-paragraph">{t('admin.intro')}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-button utrecht-button--primary-action pa-button-link" to="/admin/organisaties/nieuw">
          {t('admin.orgs.new')}
        </Link>
      </p>
      {organisations.length === 0 ? (
        <p className="utrecht-paragraph">{t('admin.orgs.empty')}</p>
      ) : (
        <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby="organisations-caption">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption" id="organisations-caption">
              {t('admin.table.caption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('admin.table.name')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('admin.table.kind')}
                </th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {t('admin.table.coordinators')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {organisations.map((o) => (
                <tr className="utrecht-table__row" key={o.id}>
                  <th className="utrecht-table__header-cell" scope="row">
                    <Link className="utrecht-link" to={`/admin/organisaties/${o.id}`}>
                      {o.name}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{t(`org.kind.${o.kind}`)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{o.coordinators}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
