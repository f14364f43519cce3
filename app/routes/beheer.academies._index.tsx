import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { useT } from '~/i18n';
import { ManageHeader } from '~/components/manage-header';
import { listAcademies } from '~/modules/organisations/academies.server';
import { requireCoordinator, requireOwnOrganisation, scopeOf } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';

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
  const period = (a: { periodStart: string | null; periodEnd: string | null }) =>
    a.periodStart || a.periodEnd ? `${a.periodStart ?? '…'} – ${a.periodEnd ?? '…'}` : t('admin.academies.noPeriod');
  return (
    <div className="pa-manage">
      <ManageHeader
        title={t('admin.academies.title')}
        intro={t('admin.academies.intro')}
        back={chosen ? `/beheer?organisatie=${chosen}` : '/beheer'}
      />
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
            <DataTable
              id={`caption-${o.id}`}
              caption={t('admin.academies.caption', { organisation: o.name })}
              rows={o.academies}
              rowKey={(a) => a.id}
              columns={[
                {
                  key: 'name',
                  header: t('admin.academies.name'),
                  rowHeader: true,
                  cell: (a) => (
                    <Link className="utrecht-link" to={`/beheer/academies/${a.id}`}>
                      {a.name}
                    </Link>
                  ),
                },
                { key: 'period', header: t('admin.academies.period'), cell: (a) => period(a) },
                { key: 'courses', header: t('admin.academies.courses'), numeric: true, cell: (a) => a.courses },
                { key: 'networks', header: t('admin.academies.networks'), numeric: true, cell: (a) => a.networks },
              ]}
            />
          )}
        </section>
      ))}
    </div>
  );
}
