import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { localeFromRequest, useT } from '~/i18n';
import { pageTitle } from '~/components/page-title';
import { callPhase, listOpenCalls } from '~/modules/academies/call.server';
import { formatMoment } from '~/modules/time';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.academyCalls');

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const calls = await listOpenCalls(getDb());
  return {
    calls: calls.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      organisationName: c.organisationName,
      phase: callPhase({ callPublished: true, applicationsOpenAt: c.applicationsOpenAt, applicationsCloseAt: c.applicationsCloseAt }),
      opens: c.applicationsOpenAt ? formatMoment(locale, c.applicationsOpenAt) : '',
      closes: c.applicationsCloseAt ? formatMoment(locale, c.applicationsCloseAt) : '',
      seats: c.seats,
    })),
  };
}

export default function AcademyCalls() {
  const t = useT();
  const { calls } = useLoaderData<typeof loader>();
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('academyCalls.title')}</h1>
      <p className="utrecht-paragraph">{t('academyCalls.intro')}</p>
      {calls.length === 0 ? (
        <p className="utrecht-paragraph">{t('academyCalls.empty')}</p>
      ) : (
        <ul className="pa-call-list">
          {calls.map((call) => (
            <li key={call.id} className="pa-card">
              <h2 className="utrecht-heading-3">
                <Link className="utrecht-link" to={`/academies/${call.id}`}>
                  {call.name}
                </Link>
              </h2>
              <p className="utrecht-paragraph">{call.organisationName}</p>
              <p className="utrecht-paragraph">
                {call.phase === 'open'
                  ? t('academyCalls.openUntil', { date: call.closes })
                  : t('academyCalls.opensOn', { date: call.opens })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
