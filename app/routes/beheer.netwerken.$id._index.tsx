import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { InvitationList } from '~/components/invitation-list';
import { useDates } from '~/components/manage-courses';
import { FOCUS_KEYS, WEIGHT_KEYS } from '~/components/network-fields';
import { MentorTable } from '~/components/network-nav';
import { useT } from '~/i18n';
import { defaultWeights, scorePartIds } from '~/modules/matching/scoring';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';
import { applicationCounts, mentorsOfNetwork, pendingInvitations, regionNames } from '~/modules/mentoring/networks/overview.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.network', args.data ? { network: args.data.network.name } : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network, organisation } = await requireNetworkOfCoordinator(request, params.id);
  const db = getDb();
  const [mentors, invitations, counts, regions] = await Promise.all([
    mentorsOfNetwork(db, network.id),
    pendingInvitations(db, network.id),
    applicationCounts(db, network.id),
    regionNames(db, network),
  ]);
  return {
    network: {
      id: network.id,
      name: network.name,
      organisationName: organisation.name,
      description: network.description,
      focusGroup: network.focusGroup,
      regionKind: network.regionKind,
      periodStart: network.periodStart,
      periodEnd: network.periodEnd,
      applicationsOpen: network.applicationsOpen,
      intakeQuestions: network.intakeQuestions.length,
      weights: { ...defaultWeights, ...(network.weights ?? {}) },
      days: [network.proposalReminderDays, network.proposalAlertDays, network.proposalExpiryDays] as const,
    },
    regions,
    mentors,
    invitations,
    counts,
  };
}

export default function NetworkOverview() {
  const t = useT();
  const dates = useDates();
  const { network, regions, mentors, invitations, counts } = useLoaderData<typeof loader>();
  const day = (d: string) => dates.day(`${d}T12:00:00Z`);
  return (
    <div>
      <section className="pa-section" aria-labelledby="details-heading">
        <h2 className="utrecht-heading-2" id="details-heading">
          {t('networks.overview.details')}
        </h2>
        <dl className="pa-details">
          <dt>{t('networks.form.description')}</dt>
          <dd className="pa-pre-line">{network.description || t('networks.overview.notSet')}</dd>
          <dt>{t('networks.form.focusGroup')}</dt>
          <dd>{t(FOCUS_KEYS[network.focusGroup])}</dd>
          <dt>{t('networks.list.region')}</dt>
          <dd>{network.regionKind === 'national' ? t('networks.region.national') : regions.join(', ')}</dd>
          <dt>{t('networks.form.period')}</dt>
          <dd>
            {network.periodStart || network.periodEnd
              ? `${network.periodStart ? day(network.periodStart) : '…'} – ${network.periodEnd ? day(network.periodEnd) : '…'}`
              : t('networks.overview.notSet')}
          </dd>
          <dt>{t('networks.list.applications')}</dt>
          <dd>{network.applicationsOpen ? t('networks.open') : t('networks.closed')}</dd>
          <dt>{t('networks.questions.heading')}</dt>
          <dd>{t('networks.overview.questions', { count: network.intakeQuestions })}</dd>
          <dt>{t('networks.form.weights')}</dt>
          <dd>{scorePartIds.map((id) => `${t(WEIGHT_KEYS[id])}: ${network.weights[id]}`).join('; ')}</dd>
          <dt>{t('networks.form.proposalDays')}</dt>
          <dd>
            {t('networks.overview.days', {
              reminder: t('time.days', { count: network.days[0] }),
              alert: t('time.days', { count: network.days[1] }),
              expiry: t('time.days', { count: network.days[2] }),
            })}
          </dd>
        </dl>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="bewerken">
            {t('networks.overview.edit')}
          </Link>
        </p>
      </section>

      <section className="pa-section" aria-labelledby="applications-heading">
        <h2 className="utrecht-heading-2" id="applications-heading">
          {t('networks.overview.applications')}
        </h2>
        <ul className="utrecht-unordered-list">
          {(['waiting', 'proposed', 'matched', 'withdrawn', 'closed'] as const).map((s) => (
            <li className="utrecht-unordered-list__item" key={s}>
              {t(`networks.applicationStatus.${s}`)}: {counts[s]}
            </li>
          ))}
        </ul>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to="aanvragen">
              {t('networks.overview.toApplications')}
            </Link>
          </li>
          <li className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to="koppelen">
              {t('networks.overview.toRun')}
            </Link>
          </li>
          <li className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to="koppelingen">
              {t('networks.overview.toMatches')}
            </Link>
          </li>
        </ul>
      </section>

      <section className="pa-section" aria-labelledby="mentors-heading">
        <h2 className="utrecht-heading-2" id="mentors-heading">
          {t('networks.overview.mentors', { count: mentors.length })}
        </h2>
        <p className="utrecht-paragraph">{t('networks.overview.capacityHint')}</p>
        {mentors.length === 0 ? <p className="utrecht-paragraph">{t('networks.mentors.none')}</p> : <MentorTable mentors={mentors} />}
        <h3 className="utrecht-heading-3">{t('networks.overview.invitations', { count: invitations.length })}</h3>
        {invitations.length ? <InvitationList invitations={invitations} withNames /> : null}
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="mentoren">
            {t('networks.overview.toMentors')}
          </Link>
        </p>
      </section>
    </div>
  );
}
