import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { formatDate } from '~/modules/time';
import { sourceLabel } from '~/modules/labels';
import { themeWords } from '~/modules/matching/scoring';
import { ListResults, ListSearch, Pager } from '~/components/pager';
import { listQueryString, pageCount, parseListQuery } from '~/modules/lists/paging';
import { networkApplicationsPage } from '~/modules/mentoring/applications.server';
import { applicationStatuses } from '~db/schema';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.networkApplications', args.data ? { network: args.data.network.name } : null);

// The applications of one network, for its organisation's coordinators. No special-category data
// here: disability shows only on an application's own page, where each read is audited.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network, organisations } = await requireNetworkOfCoordinator(request, params.id);
  const locale = localeFromRequest(request);
  const t = translator(locale);
  // A page of 50 with a search and a status filter, so the page stays small however many apply.
  const query = parseListQuery(new URL(request.url).searchParams, applicationStatuses);
  const { rows, total, counts } = await networkApplicationsPage(
    getDb(),
    { organisationIds: organisations.map((o) => o.id) },
    network.id,
    query,
  );
  return {
    network: { id: network.id, name: network.name },
    query,
    statuses: [...applicationStatuses],
    total,
    counts,
    pageCount: pageCount(total),
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
  const { network, applications, query, statuses, total, counts, pageCount } = useLoaderData<typeof loader>();
  const path = `/beheer/netwerken/${network.id}/aanvragen`;
  return (
    <div>
      <h2 className="utrecht-heading-2">{t('applications.manage.title')}</h2>
      <p className="utrecht-paragraph">{t('applications.manage.intro', { network: network.name })}</p>
      {counts.all === 0 ? (
        <p className="utrecht-paragraph">{t('applications.manage.none')}</p>
      ) : (
        <>
          <section className="pa-section" aria-labelledby="summary-heading">
            <h3 className="utrecht-heading-3" id="summary-heading">
              {t('lists.summary.heading')}
            </h3>
            <ul className="pa-plain-list pa-status-counts">
              <li>
                <Link className="utrecht-link" to={path} aria-current={!query.status && !query.search ? 'page' : undefined}>
                  {t('lists.summary.all', { count: counts.all })}
                </Link>
              </li>
              {statuses.map((status) => (
                <li key={status}>
                  <Link
                    className="utrecht-link"
                    to={`${path}${listQueryString({ status })}`}
                    aria-current={query.status === status && !query.search ? 'page' : undefined}
                  >
                    {t('lists.summary.status', { status: t(`applications.status.${status}`), count: counts[status] })}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <ListSearch
            path={path}
            query={query}
            label={t('lists.search.people')}
            statusLabel={t('applications.manage.status')}
            statuses={statuses.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))}
          />
          <ListResults page={query.page} shown={applications.length} total={total} />
        </>
      )}
      {applications.length === 0 ? null : (
        <DataTable
          id="applications-caption"
          caption={t('applications.manage.caption', { network: network.name })}
          rows={applications}
          rowKey={(a) => a.id}
          stack="wide"
          columns={[
            {
              key: 'name',
              header: t('applications.manage.name'),
              rowHeader: true,
              cell: (a) => (
                <Link className="utrecht-link" to={`/beheer/netwerken/${network.id}/aanvragen/${a.id}`}>
                  {a.name}
                </Link>
              ),
            },
            { key: 'municipality', header: t('applications.manage.municipality'), cell: (a) => a.municipalityName },
            { key: 'themes', header: t('applications.manage.themes'), cell: (a) => a.themes },
            { key: 'status', header: t('applications.manage.status'), cell: (a) => t(`applications.status.${a.status}`) },
            { key: 'date', header: t('applications.manage.date'), cell: (a) => a.createdAt },
            { key: 'source', header: t('applications.manage.source'), cell: (a) => a.source },
          ]}
        />
      )}
      <Pager path={path} query={query} pageCount={pageCount} label={t('applications.manage.pages')} />
    </div>
  );
}
