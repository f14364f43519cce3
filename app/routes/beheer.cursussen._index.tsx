import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { CourseStatus, useDates } from '~/components/manage-courses';
import { useT } from '~/i18n';
import { listCourses, PAGE_SIZE } from '~/modules/courses/manage.server';
import { requireCoordinator, requireOwnOrganisation, scopeOf } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';

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
        <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby="courses-caption">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption" id="courses-caption">
              {chosenName ? t('manageCourses.list.captionOf', { organisation: chosenName }) : t('manageCourses.list.caption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('manageCourses.list.course')}
                </th>
                {several && !chosen ? (
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('manageCourses.list.organisation')}
                  </th>
                ) : null}
                <th className="utrecht-table__header-cell" scope="col">
                  {t('manageCourses.list.firstDate')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('manageCourses.list.status')}
                </th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {t('manageCourses.list.confirmed')}
                </th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {t('manageCourses.list.waitlist')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {courses.map((c) => (
                <tr className="utrecht-table__row" key={c.id}>
                  <th className="utrecht-table__header-cell" scope="row">
                    <Link className="utrecht-link" to={`/beheer/cursussen/${c.id}`}>
                      {c.title}
                    </Link>
                  </th>
                  {several && !chosen ? <td className="utrecht-table__cell">{c.organisationName}</td> : null}
                  <td className="utrecht-table__cell">{c.firstStart ? dates.day(c.firstStart) : t('manageCourses.list.noDate')}</td>
                  <td className="utrecht-table__cell">
                    <CourseStatus status={c.status} />
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">
                    {t('manageCourses.list.ofCapacity', { confirmed: c.confirmed, capacity: c.capacity })}
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{c.waitlisted + c.offered}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
