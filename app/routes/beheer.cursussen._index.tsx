import { getFormProps, useForm } from '@conform-to/react';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { CourseStatus, useDates } from '~/components/manage-courses';
import { SelectField, TextField } from '~/components/ui/fields';
import { useT } from '~/i18n';
import { ManageHeader } from '~/components/manage-header';
import { now } from '~/modules/clock.server';
import { courseListFilters, courseListQueryString, parseCourseListQuery } from '~/modules/courses/coordinator-list';
import { listCoordinatorCourses } from '~/modules/courses/coordinator-list.server';
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
  const query = parseCourseListQuery(url.searchParams);
  const ids = scopeOf(coordinator).organisationIds.filter((id) => !organisation || id === organisation.id);
  const { courses, total, pageCount } = await listCoordinatorCourses(getDb(), ids, query, now());
  return {
    organisations: coordinator.organisations.map((o) => ({ id: o.id, name: o.name })),
    chosen: organisation?.id ?? null,
    courses,
    total,
    filter: query.filter,
    q: query.q,
    page: query.page,
    pages: pageCount,
  };
}

export default function ManageCourses() {
  const t = useT();
  const dates = useDates();
  const { organisations, chosen, courses, total, filter, q, page, pages } = useLoaderData<typeof loader>();
  const several = organisations.length > 1;
  // Links keep the filter and search; switching organisation starts again at page 1.
  const query = (next: { organisatie?: string | null; pagina?: number }) =>
    `/beheer/cursussen${courseListQueryString({
      organisatie: next.organisatie === undefined ? chosen : next.organisatie,
      filter,
      q,
      page: next.pagina,
    })}`;
  const filtered = Boolean(filter || q);
  const chosenName = organisations.find((o) => o.id === chosen)?.name;
  return (
    <div className="pa-manage">
      <ManageHeader title={t('manageCourses.list.title')} intro={t('manageCourses.list.intro')} />

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

      <section aria-labelledby="course-filters-heading" className="pa-filters">
        <h2 className="utrecht-heading-2" id="course-filters-heading">
          {t('courseList.filters.heading')}
        </h2>
        {/* Keyed by the query: after a search (with or without JavaScript) the fields show the address's values. */}
        <CourseFilters key={`${filter}-${q}`} chosen={chosen} filter={filter} q={q} filtered={filtered} />
      </section>

      {filtered ? (
        <p className="utrecht-paragraph" role="status">
          {total === 0 ? t('courseList.none') : t('courseList.count', { count: total })}
        </p>
      ) : null}
      {courses.length === 0 ? (
        filtered ? null : (
          <p className="utrecht-paragraph">{t('manageCourses.list.empty')}</p>
        )
      ) : (
        <DataTable
          id="courses-caption"
          caption={chosenName ? t('courseList.captionOf', { organisation: chosenName }) : t('courseList.caption')}
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
            { key: 'municipality', header: t('courseList.municipality'), cell: (c) => c.municipalityName },
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
              cell: (c) =>
                c.heldForCohort > 0
                  ? t('manageCourses.list.ofCapacityHeld', { confirmed: c.confirmed, capacity: c.capacity, held: c.heldForCohort })
                  : t('manageCourses.list.ofCapacity', { confirmed: c.confirmed, capacity: c.capacity }),
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

/** The filter and search: a GET form, so the choice is in the address and works without JavaScript. */
function CourseFilters({ chosen, filter, q, filtered }: { chosen: string | null; filter: string | null; q: string; filtered: boolean }) {
  const t = useT();
  const [form, fields] = useForm({ id: 'course-filters', defaultValue: { filter: filter ?? '', zoek: q } });
  return (
    <Form method="get" action="/beheer/cursussen" {...getFormProps(form)} className="pa-filters__form">
      {chosen ? <input type="hidden" name="organisatie" value={chosen} /> : null}
      <SelectField
        meta={fields.filter}
        label={t('courseList.filters.filter')}
        placeholder={t('courseList.filters.all')}
        options={courseListFilters.map((f) => ({ value: f, label: t(`courseList.filters.${f}`) }))}
      />
      <TextField meta={fields.zoek} label={t('courseList.filters.q')} />
      <div className="pa-filters__actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {t('courseList.filters.submit')}
        </button>
        {filtered ? (
          <Link className="utrecht-link" to={chosen ? `/beheer/cursussen?organisatie=${chosen}` : '/beheer/cursussen'}>
            {t('courseList.filters.clear')}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
