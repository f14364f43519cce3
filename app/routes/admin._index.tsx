import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { useT } from '~/i18n';
import { requireAdmin } from '~/modules/auth/session.server';
import { listOrganisations } from '~/modules/organisations/organisations.server';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';

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
        <DataTable
          id="organisations-caption"
          caption={t('admin.table.caption')}
          rows={organisations}
          rowKey={(o) => o.id}
          columns={[
            {
              key: 'name',
              header: t('admin.table.name'),
              rowHeader: true,
              cell: (o) => (
                <Link className="utrecht-link" to={`/admin/organisaties/${o.id}`}>
                  {o.name}
                </Link>
              ),
            },
            { key: 'kind', header: t('admin.table.kind'), cell: (o) => t(`org.kind.${o.kind}`) },
            { key: 'coordinators', header: t('admin.table.coordinators'), numeric: true, cell: (o) => o.coordinators },
          ]}
        />
      )}
    </div>
  );
}
