import { Link, NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useDates } from './manage-courses';
import { DataTable } from './ui/data-table';
import { useT, type MessageKey } from '~/i18n';

// The top of every page of one network (/beheer/netwerken/:id/…): back link, name, organisation and
// the links between the network's pages. The layout route beheer.netwerken.$id renders it above each
// page. Only the overview link matches its path exactly (`end`), so a tab stays marked on the pages
// below it (an application's detail page keeps "Aanvragen" marked).

const pages: { to: string; key: MessageKey }[] = [
  { to: '', key: 'networks.nav.overview' },
  { to: 'bewerken', key: 'networks.nav.edit' },
  { to: 'mentoren', key: 'networks.nav.mentors' },
  { to: 'aanvragen', key: 'networks.nav.applications' },
  { to: 'koppelen', key: 'networks.nav.run' },
  { to: 'koppelingen', key: 'networks.nav.matches' },
  { to: 'route', key: 'networks.nav.route' },
];

export function NetworkHeader({ network }: { network: { id: string; name: string; organisationName: string } }) {
  const t = useT();
  const base = `/beheer/netwerken/${network.id}`;
  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/beheer/netwerken">
          {t('networks.backToList')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{network.name}</h1>
      <p className="utrecht-paragraph">{network.organisationName}</p>
      <nav aria-label={t('networks.nav.label')} className="pa-subnav">
        <ul className="pa-subnav__list">
          {pages.map((p) => (
            <li key={p.key}>
              <NavLink className="pa-subnav__link" to={p.to ? `${base}/${p.to}` : base} end={!p.to}>
                {t(p.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

export type MentorRow = {
  profileId: string;
  name: string;
  office: 'council-member' | 'alderman' | 'mayor' | 'provincial' | 'former';
  municipalityName: string | null;
  capacity: number;
  used: number;
  pausedUntil: string | null;
  paused: boolean;
  completedAt: string | Date | null;
};

export function MentorTable({ mentors, actions }: { mentors: MentorRow[]; actions?: (mentor: MentorRow) => ReactNode }) {
  const t = useT();
  const dates = useDates();
  return (
    <DataTable
      id="mentor-table-caption"
      caption={t('networks.mentors.caption')}
      rows={mentors}
      rowKey={(m) => m.profileId}
      stack="wide"
      columns={[
        { key: 'name', header: t('networks.mentors.name'), cell: (m) => m.name, rowHeader: true },
        { key: 'office', header: t('networks.profile.office'), cell: (m) => t(`networks.office.${m.office}`) },
        { key: 'municipality', header: t('networks.profile.municipality'), cell: (m) => m.municipalityName ?? '—' },
        {
          key: 'capacity',
          header: t('networks.mentors.capacity'),
          cell: (m) => t('networks.mentors.used', { used: m.used, capacity: m.capacity }),
        },
        {
          key: 'state',
          header: t('networks.mentors.state'),
          cell: (m) =>
            !m.completedAt
              ? t('networks.mentors.incomplete')
              : m.paused && m.pausedUntil
                ? t('networks.mentors.paused', { date: dates.day(`${m.pausedUntil}T12:00:00Z`) })
                : t('networks.mentors.available'),
        },
      ]}
      actions={actions ? { header: t('networks.mentors.actions'), cell: actions } : undefined}
    />
  );
}
