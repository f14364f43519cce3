import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { CourseStatus, useDates } from '~/components/manage-courses';
import { useT } from '~/i18n';
import { listCourses, PAGE_SIZE } from '~/modules/courses/manage/reading.server';
import { requireCoordinator, requireOwnOrganisation, scopeOf } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.manageCourses');

export async function loader({ request }: LoaderFunctionArgs) {
  const coordinator = await requireCoordinator(request);
  const url = new URL(request.url);
  const chosen = url.searchParams.get('organisatie');
  // Another organisation's id (or nonsense) is a 404, like every other thing a coordinator may not see.
  const organisation = chosen ? requireOwnOrganisation(coordinator, chosen) : null;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('pagina') ?? '1', 10) || 1));
  const { courses, total } = await listCourses(getDb(), scopeOf(coordinator), { organisationId: organisation?.id, page });
  return {
    organisations: coordinator.organisations.map((o) => ({ id: o.id, name: o.name })),
    chosen: organisation?.id ?? null,
    courses,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

export default function ManageCourses() {
  const t = useT();
  const dates = useDates();
  const { organisations, chosen, courses, page, pages } = useLoaderData<typeof loader>();
  const several = organisations.length > 1;
  const query = (next: { organisatie?: string | null; pagina?: number }) => {
    const params = new URLSearchParams();
    const organisation = next.organisatie === undefined ? chosen : next.organisatie;
    if (organisation) params.set('organisatie', organisation);
    if (next.pagina && next.pagina > 1) params.set('pagina', String(next.pagina));
    const search = params.toString();
    return `/beheer/cursussen${search ? `?${search}` : ''}`;
  };
  const chosenName = organisations.find((o) => o.id === chosen)?.name;
  return (
    <div className="pa-manage">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/beheer">
          {t('manageCourses.backToManage')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('manageCourses.list.title')}</h1>
      <p className="utrecht-paragraph">{t('manageCourses.list.intro')}</p>

      {several ? (
        <nav aria-label={t('manageCourses.list.switcher')} className="pa-subnav">
          <ul className="pa-subnav__list">
            <li>
              <Link className="pa-subnav__link" to={query({ organisatie: null })} aria-current={chosen === null ? 'page' : undefined}>
                {t('manageCourses.list.allOrganisations')}
              </Link>
            </li>
            {organisations.map((o) => (
              <li key={o.id}>
                <Link className="pa-subnav__link" to={query({ organisatie: o.id })} aria-current={chosen === o.id ? 'page' : undefined}>
                  {o.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <p className="utrecht-paragraph">
        <Link
          className="utrecht-button utrecht-button--primary-action pa-button-link"
          to={chosen ? `/beheer/cursussen/nieuw?organisatie=${chosen}` : '/beheer/cursussen/nieuw'}
        >
          {t('manageCourses.list.new')}
        </Link>
      </p>

      {courses.length === 0 ? (
        <p className="utrecht-paragraph">{t('manageCourses.list.empty')}</p>
      ) : (
        <DataTable
          id="courses-caption"
          caption={chosenName ? t('manageCourses.list.captionOf', { organisation: chosenName }) : t('manageCourses.list.caption')}
          rows={courses}
          rowKey={(c) => c.id}
          columns={[
            {
              key: 'course',
              header: t('manageCourses.list.course'),
              rowHeader: true,
              cell: (c) => (
                <Link className="utrecht-link" to={`/beheer/cursussen/${c.id}`}>
                  {c.title}
                </Link>
              ),
            },
            several && !chosen
              ? { key: 'organisation', header: t('manageCourses.list.organisation'), cell: (c) => c.organisationName }
              : null,
            {
              key: 'firstDate',
              header: t('manageCourses.list.firstDate'),
              cell: (c) => (c.firstStart ? dates.day(c.firstStart) : t('manageCourses.list.noDate')),
            },
            { key: 'status', header: t('manageCourses.list.status'), cell: (c) => <CourseStatus status={c.status} /> },
            {
              key: 'confirmed',
              header: t('manageCourses.list.confirmed'),
              numeric: true,
              cell: (c) => t('manageCourses.list.ofCapacity', { confirmed: c.confirmed, capacity: c.capacity }),
            },
            { key: 'waitlist', header: t('manageCourses.list.waitlist'), numeric: true, cell: (c) => c.waitlisted + c.offered },
          ]}
        />
      )}

      {pages > 1 ? (
        <nav aria-label={t('manageCourses.list.pages')} className="pa-pager">
          {page > 1 ? (
            <Link className="utrecht-link" to={query({ pagina: page - 1 })} rel="prev">
              {t('manageCourses.list.previous')}
            </Link>
          ) : null}
          <span>{t('manageCourses.list.pageOf', { page, pages })}</span>
          {page < pages ? (
            <Link className="utrecht-link" to={query({ pagina: page + 1 })} rel="next">
              {t('manageCourses.list.next')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
