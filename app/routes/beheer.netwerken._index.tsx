import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { FOCUS_KEYS } from '~/components/network-fields';
import { useT } from '~/i18n';
import { ManageHeader } from '~/components/manage-header';
import { networksOfOrganisations } from '~/modules/mentoring/networks/overview.server';
import { requireCoordinator } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';

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
      <ManageHeader title={t('networks.list.title')} intro={t('networks.list.intro')} />
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
        <DataTable
          id="networks-caption"
          caption={t('networks.list.caption')}
          rows={networks}
          rowKey={(n) => n.id}
          stack="wide"
          columns={[
            {
              key: 'name',
              header: t('networks.list.name'),
              rowHeader: true,
              cell: (n) => (
                <Link className="utrecht-link" to={`/beheer/netwerken/${n.id}`}>
                  {n.name}
                </Link>
              ),
            },
            several ? { key: 'organisation', header: t('networks.list.organisation'), cell: (n) => n.organisationName } : null,
            { key: 'focusGroup', header: t('networks.form.focusGroup'), cell: (n) => t(FOCUS_KEYS[n.focusGroup]) },
            {
              key: 'region',
              header: t('networks.list.region'),
              cell: (n) =>
                n.regionKind === 'national'
                  ? t('networks.region.national')
                  : t(`networks.regionCount.${n.regionKind}`, { count: n.regionCount }),
            },
            {
              key: 'applications',
              header: t('networks.list.applications'),
              cell: (n) => (n.applicationsOpen ? t('networks.open') : t('networks.closed')),
            },
            { key: 'mentors', header: t('networks.list.mentors'), numeric: true, cell: (n) => n.mentors },
            { key: 'waiting', header: t('networks.list.waiting'), numeric: true, cell: (n) => n.waiting },
          ]}
        />
      )}
    </div>
  );
}
