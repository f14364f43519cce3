import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, NavLink, Outlet, useLoaderData } from '@remix-run/react';
import { CourseStatus } from '~/components/manage-courses';
import { useT, type MessageKey } from '~/i18n';
import { requireCourseOfCoordinator } from '~/modules/organisations/guards.server';

// The frame of one course's pages: its title, organisation, status and the links between the pages.
// Each page below guards itself too: loaders run in parallel, so this one does not protect them.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { course, organisation } = await requireCourseOfCoordinator(request, params.id);
  return { course: { id: course.id, title: course.title, status: course.status }, organisationName: organisation.name };
}

const pages: { to: string; key: MessageKey }[] = [
  { to: '', key: 'manageCourses.nav.overview' },
  { to: 'bewerken', key: 'manageCourses.nav.edit' },
  { to: 'aanmeldingen', key: 'manageCourses.nav.registrations' },
  { to: 'aanwezigheid', key: 'manageCourses.nav.attendance' },
  { to: 'bericht', key: 'manageCourses.nav.message' },
];

export default function CourseFrame() {
  const t = useT();
  const { course, organisationName } = useLoaderData<typeof loader>();
  const base = `/beheer/cursussen/${course.id}`;
  return (
    <div className="pa-manage">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/beheer/cursussen">
          {t('manageCourses.backToList')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{course.title}</h1>
      <p className="utrecht-paragraph pa-course-meta">
        <span>{organisationName}</span> <CourseStatus status={course.status} />
      </p>
      <nav aria-label={t('manageCourses.nav.label')} className="pa-subnav">
        <ul className="pa-subnav__list">
          {pages.map((p) => (
            <li key={p.key}>
              <NavLink className="pa-subnav__link" to={p.to ? `${base}/${p.to}` : base} end>
                {t(p.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
