import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { pageTitle } from '~/components/page-title';
import { publicCall } from '~/modules/academies/call.server';
import { ownApplication } from '~/modules/academies/applications.server';
import { getUser } from '~/modules/auth/session.server';
import { listProvinces } from '~/modules/courses/catalogue.server';
import { notFound } from '~/modules/http.server';
import { formatDate, formatMoment } from '~/modules/time';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.academyCall', args.data ? { academy: args.data.name } : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const call = await publicCall(db, params.id);
  if (!call) throw notFound();
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const user = await getUser(request);
  const [provinces, own] = await Promise.all([listProvinces(db), user ? ownApplication(db, user.id, call.academy.id) : null]);
  const a = call.academy;
  const provinceNames = provinces.filter((p) => a.eligibleProvinces.includes(p.code)).map((p) => p.name);
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    organisationName: call.organisationName,
    phase: call.phase,
    region: provinceNames.length ? provinceNames.join(', ') : t('academyCall.wholeCountry'),
    focusGroups: a.eligibleFocusGroups.map((g) => t(`applications.focus.${g}`)).join(', '),
    offices: a.eligibleOffices.map((o) => t(`academyCall.office.${o}`)).join(', '),
    eligibility: a.eligibility,
    cost: a.cost,
    seats: a.seats,
    opens: a.applicationsOpenAt ? formatMoment(locale, a.applicationsOpenAt) : '',
    closes: a.applicationsCloseAt ? formatMoment(locale, a.applicationsCloseAt) : '',
    modules: call.modules.map((m) => ({ id: m.id, title: m.title, date: m.startsAt ? formatDate(locale, m.startsAt) : '' })),
    applied: Boolean(own),
  };
}

export default function AcademyCall() {
  const t = useT();
  const call = useLoaderData<typeof loader>();
  return (
    <div className="pa-narrow">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/academies">
          {t('academyCall.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{call.name}</h1>
      <p className="utrecht-paragraph">{call.organisationName}</p>
      {call.description ? <p className="utrecht-paragraph pa-pre-line">{call.description}</p> : null}
      <h2 className="utrecht-heading-2">{t('academyCall.forWhom')}</h2>
      <dl className="pa-details">
        <dt>{t('academyCall.region')}</dt>
        <dd>{call.region}</dd>
        {call.focusGroups ? (
          <>
            <dt>{t('academyCall.focusGroups')}</dt>
            <dd>{call.focusGroups}</dd>
          </>
        ) : null}
        {call.offices ? (
          <>
            <dt>{t('academyCall.offices')}</dt>
            <dd>{call.offices}</dd>
          </>
        ) : null}
        {call.eligibility ? (
          <>
            <dt>{t('academyCall.eligibility')}</dt>
            <dd>{call.eligibility}</dd>
          </>
        ) : null}
        <dt>{t('academyCall.cost')}</dt>
        <dd>{call.cost || t('academyCall.free')}</dd>
        <dt>{t('academyCall.seats')}</dt>
        <dd>{call.seats}</dd>
        <dt>{t('academyCall.period')}</dt>
        <dd>{t('academyCall.periodValue', { opens: call.opens, closes: call.closes })}</dd>
      </dl>
      <h2 className="utrecht-heading-2">{t('academyCall.programme')}</h2>
      {call.modules.length ? (
        <ul className="utrecht-unordered-list">
          {call.modules.map((m) => (
            <li key={m.id} className="utrecht-unordered-list__item">
              <Link className="utrecht-link" to={`/cursussen/${m.id}`}>
                {m.title}
              </Link>
              {m.date ? ` — ${m.date}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph">{t('academyCall.programmeLater')}</p>
      )}
      {call.phase === 'open' ? (
        <p className="utrecht-paragraph">
          <Link
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
            to={`/academies/${call.id}/aanmelden`}
          >
            {call.applied ? t('academyCall.change') : t('academyCall.apply')}
          </Link>
        </p>
      ) : (
        <p className="utrecht-paragraph">{call.phase === 'upcoming' ? t('academyCall.notYetOpen') : t('academyCall.closed')}</p>
      )}
    </div>
  );
}
