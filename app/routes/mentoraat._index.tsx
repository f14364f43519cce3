import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { FilterSelect } from '~/components/ui/filter-fields';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { getUser } from '~/modules/auth/session.server';
import { listMunicipalities, listProvinces } from '~/modules/courses/catalogue.server';
import {
  applicationsOfUser,
  defaultMunicipalityOf,
  describeNetwork,
  municipalityOf,
  NETWORK_PAGE_SIZE,
  openNetworksPage,
  sourceOf,
  sourceQuery,
} from '~/modules/mentoring/applications.server';
import { pageTitle } from '~/components/page-title';
import { Pager } from '~/components/pager';
import { pageCount, parseListQuery } from '~/modules/lists/paging';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.mentoring');

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const url = new URL(request.url);
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const user = await getUser(request);
  // The municipality chosen in the filter wins; otherwise the one the person gave us last.
  const asked = url.searchParams.get('gemeente');
  const code = asked !== null ? asked : user ? await defaultMunicipalityOf(db, user) : null;
  const place = await municipalityOf(db, code);
  const { page } = parseListQuery(url.searchParams);
  const [{ networks, total }, municipalities, provinces, own] = await Promise.all([
    openNetworksPage(db, place?.code ?? null, { page, pageSize: NETWORK_PAGE_SIZE }),
    listMunicipalities(db),
    listProvinces(db),
    user ? applicationsOfUser(db, user.id) : Promise.resolve([]),
  ]);
  const appliedTo = new Set(own.filter((a) => ['waiting', 'proposed', 'matched'].includes(a.status)).map((a) => a.networkId));
  const query = sourceQuery(sourceOf(url.searchParams));
  // The form starts with the municipality chosen here.
  const applyQuery = place ? `${query || '?'}${query ? '&' : ''}gemeente=${place.code}` : query;
  // The pages keep the municipality and the source.
  const listQuery = `${query || '?'}${query ? '&' : ''}${place ? `gemeente=${place.code}&` : ''}`;
  return {
    page,
    pageCount: pageCount(total, NETWORK_PAGE_SIZE),
    total,
    pageHref: `/mentoraat${listQuery}pagina=`,
    loggedIn: Boolean(user),
    municipality: place ? { code: place.code, name: place.name } : null,
    query,
    applyQuery,
    municipalityGroups: provinces.map((p) => ({
      label: p.name,
      options: municipalities.filter((m) => m.provinceCode === p.code).map((m) => ({ value: m.code, label: m.name })),
    })),
    networks: networks.map((n) => ({
      id: n.id,
      name: n.name,
      description: n.description,
      organisationName: n.organisationName,
      ...describeNetwork(t, locale, n),
      applied: appliedTo.has(n.id),
    })),
  };
}

export default function Mentoring() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <article className="pa-prose">
        <h1 className="utrecht-heading-1">{t('mentoring.title')}</h1>
        <p className="utrecht-paragraph utrecht-paragraph--lead">{t('mentoring.lead')}</p>
        <p className="utrecht-paragraph">{t('mentoring.who')}</p>
        <p className="utrecht-paragraph">{t('mentoring.how')}</p>
        {data.loggedIn ? (
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to="/account/mentoraat">
              {t('mentoring.myApplications')}
            </Link>
          </p>
        ) : (
          <p className="utrecht-paragraph">{t('mentoring.anonymous')}</p>
        )}
      </article>

      <section aria-labelledby="filters-heading" className="pa-filters">
        <h2 className="utrecht-heading-2" id="filters-heading">
          {t('mentoring.filter.heading')}
        </h2>
        <Form method="get" action="/mentoraat" className="pa-filters__form" key={data.municipality?.code ?? ''}>
          <FilterSelect
            id="filter-gemeente"
            name="gemeente"
            label={t('mentoring.filter.municipality')}
            hint={t('mentoring.filter.hint')}
            value={data.municipality?.code ?? ''}
            all={t('mentoring.filter.choose')}
            groups={data.municipalityGroups}
            className="pa-filters__field"
          />
          {/* The source (a course follow-up email, a campaign) stays with the person while they filter. */}
          {Array.from(new URLSearchParams(data.query).entries()).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="pa-filters__actions">
            <button type="submit" className="utrecht-button utrecht-button--secondary-action">
              {t('mentoring.filter.submit')}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="networks-heading">
        <h2 className="utrecht-heading-2" id="networks-heading">
          {t('mentoring.list.heading')}
        </h2>
        <p className="utrecht-paragraph" role="status">
          {data.municipality ? t('mentoring.list.for', { municipality: data.municipality.name }) : t('mentoring.list.nationalOnly')}{' '}
          {t('mentoring.list.count', { count: data.total })}
        </p>
        {data.networks.length === 0 && data.total > 0 ? (
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`${data.pageHref}1`}>
              {t('mentoring.list.firstPage')}
            </Link>
          </p>
        ) : data.networks.length === 0 ? (
          <p className="utrecht-paragraph">
            {t('mentoring.list.none')}{' '}
            <Link className="utrecht-link" to="/cursussen">
              {t('mentoring.courses')}
            </Link>
          </p>
        ) : (
          <ul className="pa-cards pa-network-list">
            {data.networks.map((n) => (
              <li className="pa-card" key={n.id}>
                <h3 className="utrecht-heading-3">{n.name}</h3>
                {n.description ? <p className="utrecht-paragraph">{n.description}</p> : null}
                <dl className="pa-details">
                  <dt>{t('mentoring.card.for')}</dt>
                  <dd>{n.focusGroup}</dd>
                  <dt>{t('mentoring.card.organisation')}</dt>
                  <dd>{n.organisationName}</dd>
                  <dt>{t('mentoring.card.region')}</dt>
                  <dd>{n.region}</dd>
                  <dt>{t('mentoring.card.period')}</dt>
                  <dd>{n.period}</dd>
                </dl>
                <p className="utrecht-paragraph">
                  {n.applied ? (
                    <Link className="utrecht-link" to="/account/mentoraat">
                      {t('mentoring.card.applied')}
                    </Link>
                  ) : (
                    <Link
                      className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                      to={`/mentoraat/aanvragen/${n.id}${data.applyQuery}`}
                    >
                      {t('mentoring.card.apply', { network: n.name })}
                    </Link>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager
          path="/mentoraat"
          query={{ search: '', status: null, page: data.page }}
          pageCount={data.pageCount}
          label={t('mentoring.list.pages')}
          href={(n) => `${data.pageHref}${n}`}
        />
      </section>
    </>
  );
}
