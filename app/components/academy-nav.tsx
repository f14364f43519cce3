import { Link, NavLink } from '@remix-run/react';
import { useT, type MessageKey } from '~/i18n';

// The top of the coordinator's pages of one academy: back link, name, organisation and the links
// between its pages (settings, call, reviewers, review, selection, participants, job shadowing). Only the first link matches its
// path exactly (`end`).

const pages: { to: (id: string) => string; key: MessageKey; end?: boolean }[] = [
  { to: (id) => `/beheer/academies/${id}`, key: 'academyNav.overview', end: true },
  { to: (id) => `/beheer/academies/${id}/oproep`, key: 'academyNav.call' },
  { to: (id) => `/beheer/academies/${id}/beoordelaars`, key: 'academyNav.reviewers' },
  { to: (id) => `/academies/${id}/beoordelen`, key: 'academyNav.scoring' },
  { to: (id) => `/beheer/academies/${id}/selectie`, key: 'academyNav.selection' },
  { to: (id) => `/beheer/academies/${id}/deelnemers`, key: 'academyNav.cohort' },
  { to: (id) => `/beheer/academies/${id}/meeloopstages`, key: 'academyNav.placements' },
];

export function AcademyNav({ academyId }: { academyId: string }) {
  const t = useT();
  return (
    <nav aria-label={t('academyNav.label')} className="pa-subnav">
      <ul className="pa-subnav__list">
        {pages.map((p) => (
          <li key={p.key}>
            <NavLink className="pa-subnav__link" to={p.to(academyId)} end={p.end}>
              {t(p.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Back link, the academy's name as the page's heading, its organisation and the navigation. */
export function AcademyHeader({
  academy,
  nav = true,
}: {
  academy: { id: string; name: string; organisationId: string; organisationName: string };
  nav?: boolean;
}) {
  const t = useT();
  return (
    <>
      {nav ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/beheer/academies?organisatie=${academy.organisationId}`}>
            {t('academyNav.back')}
          </Link>
        </p>
      ) : null}
      <h1 className="utrecht-heading-1">{academy.name}</h1>
      <p className="utrecht-paragraph">{academy.organisationName}</p>
      {nav ? <AcademyNav academyId={academy.id} /> : null}
    </>
  );
}
