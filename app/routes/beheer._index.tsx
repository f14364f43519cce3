import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { useDates } from '~/components/manage-courses';
import { useT } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { attentionFor } from '~/modules/organisations/attention.server';
import { notFound } from '~/modules/http.server';
import { requireOwnOrganisation } from '~/modules/organisations/guards.server';
import { organisationsCoordinatedBy } from '~/modules/organisations/organisations.server';
import { pageTitle } from '~/components/page-title';
import { EmbedSnippet, embedSnippetFor } from '~/components/embed-snippet';
import { getEnv } from '~/env.server';
import { translator, localeFromRequest } from '~/i18n';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.manage');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organisations = await organisationsCoordinatedBy(getDb(), user.id);
  const asked = new URL(request.url).searchParams.get('organisatie');
  // Logged-in people who coordinate nothing see how to become a coordinator; asking for any
  // organisation (another's, unknown, nonsense) is a 404, as everywhere in /beheer.
  if (organisations.length === 0) {
    if (asked !== null) throw notFound();
    return { organisations: [], chosen: null, attention: null };
  }
  const chosen = asked !== null ? requireOwnOrganisation({ user, organisations }, asked) : organisations[0]!;
  return {
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    chosen: { id: chosen.id, name: chosen.name, kind: chosen.kind },
    noticeVars: { organisation: chosen.name },
    attention: await attentionFor(getDb(), chosen.id),
    embedSnippet: embedSnippetFor(getEnv().appUrl, chosen.id, translator(localeFromRequest(request))('title.embed')),
  };
}

export default function ManageHome() {
  const t = useT();
  const dates = useDates();
  const loaded = useLoaderData<typeof loader>();
  const { organisations, chosen, attention } = loaded;
  const embedSnippet = 'embedSnippet' in loaded ? loaded.embedSnippet : null;
  if (!chosen || !attention) {
    return (
      <>
        <h1 className="utrecht-heading-1">{t('manage.title')}</h1>
        <p className="utrecht-paragraph">{t('manage.none')}</p>
      </>
    );
  }
  const q = `organisatie=${chosen.id}`;
  return (
    <div className="pa-manage">
      <h1 className="utrecht-heading-1">{t('manage.title')}</h1>
      {organisations.length > 1 ? (
        <nav aria-label={t('admin.home.switcher')} className="pa-subnav">
          <ul className="pa-subnav__list">
            {organisations.map((o) => (
              <li key={o.id}>
                <Link className="pa-subnav__link" to={`/beheer?organisatie=${o.id}`} aria-current={o.id === chosen.id ? 'page' : undefined}>
                  {o.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <h2 className="utrecht-heading-2">{chosen.name}</h2>
      <p className="utrecht-paragraph">
        {t('admin.home.youCoordinate', { organisation: chosen.name, kind: t(`org.kind.${chosen.kind}`) })}
      </p>
      <ul className="pa-plain-list pa-button-row">
        <li>
          <Link className="utrecht-link" to="/beheer/cursussen">
            {t('manageCourses.title')}
          </Link>
        </li>
        <li>
          <Link className="utrecht-link" to="/beheer/netwerken">
            {t('networks.list.title')}
          </Link>
        </li>
        <li>
          <Link className="utrecht-link" to="/beheer/rapportage">
            {t('reports.manageLink')}
          </Link>
        </li>
        <li>
          <Link className="utrecht-link" to={`/beheer/academies?${q}`}>
            {t('admin.academies.title')}
          </Link>
        </li>
      </ul>

      <section className="pa-section" aria-labelledby="attention-heading">
        <h2 className="utrecht-heading-2" id="attention-heading">
          {t('admin.home.attention')}
        </h2>
        {attention.total === 0 ? <p className="utrecht-paragraph">{t('admin.home.nothing')}</p> : null}

        {attention.filling.length > 0 ? (
          <>
            <h3 className="utrecht-heading-3">{t('admin.home.filling')}</h3>
            <ul className="pa-item-list">
              {attention.filling.map((c) => (
                <li className="pa-item" key={c.id}>
                  <Link className="utrecht-link pa-item__title" to={`/beheer/cursussen/${c.id}`}>
                    {c.title}
                  </Link>
                  <p className="utrecht-paragraph">
                    {c.full
                      ? t('admin.home.full', { taken: c.taken, count: c.capacity, waitlisted: c.waitlisted })
                      : t('admin.home.fillingLine', { taken: c.taken, count: c.capacity })}
                  </p>
                </li>
              ))}
            </ul>
            {attention.fillingMore > 0 ? (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to="/beheer/cursussen">
                  {t('admin.home.more', { count: attention.fillingMore })}
                </Link>
              </p>
            ) : null}
          </>
        ) : null}

        {attention.offers.length > 0 ? (
          <>
            <h3 className="utrecht-heading-3">{t('admin.home.offers')}</h3>
            <ul className="pa-item-list">
              {attention.offers.map((c) => (
                <li className="pa-item" key={c.id}>
                  <Link className="utrecht-link pa-item__title" to={`/beheer/cursussen/${c.id}/aanmeldingen`}>
                    {c.title}
                  </Link>
                  <p className="utrecht-paragraph">
                    {c.firstExpiry
                      ? t('admin.home.offersLine', { count: c.offered, until: dates.moment(c.firstExpiry) })
                      : t('admin.home.offersCount', { count: c.offered })}
                  </p>
                </li>
              ))}
            </ul>
            {attention.offersMore > 0 ? (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to="/beheer/cursussen">
                  {t('admin.home.more', { count: attention.offersMore })}
                </Link>
              </p>
            ) : null}
          </>
        ) : null}

        {attention.proposals.length > 0 ? (
          <>
            <h3 className="utrecht-heading-3">{t('admin.home.proposals')}</h3>
            <ul className="pa-item-list">
              {attention.proposals.map((n) => (
                <li className="pa-item" key={n.id}>
                  <Link className="utrecht-link pa-item__title" to={`/beheer/netwerken/${n.id}/koppelingen`}>
                    {n.name}
                  </Link>
                  <p className="utrecht-paragraph">
                    {t('admin.home.proposalsLine', { count: n.overdue, days: t('time.days', { count: n.alertDays }) })}
                  </p>
                </li>
              ))}
            </ul>
            {attention.proposalsMore > 0 ? (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to="/beheer/netwerken">
                  {t('admin.home.more', { count: attention.proposalsMore })}
                </Link>
              </p>
            ) : null}
          </>
        ) : null}

        {attention.quiet.length > 0 ? (
          <>
            <h3 className="utrecht-heading-3">{t('admin.home.quiet')}</h3>
            <ul className="pa-item-list">
              {attention.quiet.map((n) => (
                <li className="pa-item" key={n.id}>
                  <Link className="utrecht-link pa-item__title" to={`/beheer/netwerken/${n.id}/koppelingen`}>
                    {n.name}
                  </Link>
                  <p className="utrecht-paragraph">{t('admin.home.quietLine', { count: n.quiet })}</p>
                </li>
              ))}
            </ul>
            {attention.quietMore > 0 ? (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to="/beheer/netwerken">
                  {t('admin.home.more', { count: attention.quietMore })}
                </Link>
              </p>
            ) : null}
          </>
        ) : null}

        {attention.waiting.length > 0 ? (
          <>
            <h3 className="utrecht-heading-3">{t('admin.home.waiting')}</h3>
            <ul className="pa-item-list">
              {attention.waiting.map((n) => (
                <li className="pa-item" key={n.id}>
                  <Link className="utrecht-link pa-item__title" to={`/beheer/netwerken/${n.id}`}>
                    {n.name}
                  </Link>
                  <p className="utrecht-paragraph">{t('admin.home.waitingLine', { count: n.waiting })}</p>
                  <Link className="utrecht-link" to={`/beheer/netwerken/${n.id}/koppelen`}>
                    {t('admin.home.runMatching')}
                    <span className="pa-visually-hidden"> {n.name}</span>
                  </Link>
                </li>
              ))}
            </ul>
            {attention.waitingMore > 0 ? (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to="/beheer/netwerken">
                  {t('admin.home.more', { count: attention.waitingMore })}
                </Link>
              </p>
            ) : null}
          </>
        ) : null}
      </section>
      {embedSnippet ? <EmbedSnippet snippet={embedSnippet} /> : null}
    </div>
  );
}
