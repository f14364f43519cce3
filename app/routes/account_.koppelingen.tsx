import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { localeFromRequest, useT } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { mentorProfileOf } from '~/modules/mentoring/guards.server';
import { matchesOfMentee } from '~/modules/mentoring/matches.server';
import { dateText } from '~/modules/mentoring/views.server';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';

// The person's matches as a mentee (mentors have /mentor for theirs).

export const meta: MetaFunction = (args) => pageTitle(args, 'title.accountMatches');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = localeFromRequest(request);
  const rows = await matchesOfMentee(getDb(), user.id);
  return {
    isMentor: (await mentorProfileOf(user.id)) !== null,
    // A proposal that did not go ahead is not news for the mentee: they are simply waiting again.
    matches: rows
      .filter((r) => r.match.status !== 'declined' && r.match.status !== 'expired')
      .map((r) => ({
        id: r.match.id,
        mentorName: r.mentor.name,
        networkName: r.network.name,
        status: r.match.status,
        date: dateText(locale, r.match.acceptedAt ?? r.match.proposedAt),
      })),
  };
}

export default function MyMatches() {
  const t = useT();
  const { matches, isMentor } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">{t('matches.account.title')}</h1>
      <p className="utrecht-paragraph">{t('matches.account.intro')}</p>
      {matches.length === 0 ? (
        <p className="utrecht-paragraph">
          {t('matches.account.none')}{' '}
          <Link className="utrecht-link" to="/mentoraat">
            {t('matches.account.apply')}
          </Link>
        </p>
      ) : (
        <DataTable
          id="matches-caption"
          caption={t('matches.account.caption')}
          rows={matches}
          rowKey={(m) => m.id}
          columns={[
            {
              key: 'mentor',
              header: t('matches.field.mentor'),
              rowHeader: true,
              cell: (m) => (
                <Link className="utrecht-link" to={`/koppeling/${m.id}`} aria-label={t('matches.account.openFor', { name: m.mentorName })}>
                  {m.mentorName}
                </Link>
              ),
            },
            { key: 'network', header: t('matches.field.network'), cell: (m) => m.networkName },
            { key: 'status', header: t('matches.field.status'), cell: (m) => t(`matches.status.${m.status}`) },
            { key: 'date', header: t('matches.manage.date'), cell: (m) => m.date },
          ]}
        />
      )}
      {isMentor ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/mentor">
            {t('matches.account.mentorLink')}
          </Link>
        </p>
      ) : null}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/account">
          {t('layout.nav.account')}
        </Link>
      </p>
    </>
  );
}
