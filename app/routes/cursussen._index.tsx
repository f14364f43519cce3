import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { FilterSearch, FilterSelect } from '~/components/ui/filter-fields';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import type { CourseFormat } from '~db/schema';
import { localeFromRequest, translator, useT, type MessageKey } from '~/i18n';
import { now } from '~/modules/clock.server';
import {
  catalogueQuery,
  costText,
  listCatalogue,
  listMunicipalities,
  listProvinces,
  monthLabel,
  parseCatalogueFilters,
  placeText,
  upcomingMonths,
} from '~/modules/courses/catalogue.server';
import { availabilityText } from '~/modules/courses/availability';
import { formatMoment, formatSession } from '~/modules/time';
import { pageTitle } from '~/components/page-title';
import { Pager } from '~/components/pager';
import { FeedLinks } from '~/components/feed-links';
import { countOpenCalls } from '~/modules/academies/call.server';
import { useProvinceNarrowing } from '~/components/province-narrowing';
import { useEffect, useRef, useState } from 'react';
import { getEnv } from '~/env.server';
import { feedPath, webcalUrl } from '~/modules/courses/feeds.server';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.courses');

const formatKeys: Record<CourseFormat, MessageKey> = {
  'in-person': 'courses.format.in-person',
  online: 'courses.format.online',
  hybrid: 'courses.format.hybrid',
};

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const db = getDb();
  const at = now();
  const filters = parseCatalogueFilters(new URL(request.url).searchParams);
  const [catalogue, municipalities, provinces, openCalls] = await Promise.all([
    listCatalogue(db, filters, at),
    listMunicipalities(db),
    listProvinces(db),
    countOpenCalls(db),
  ]);
  const chosenMunicipality = municipalities.find((m) => m.code === filters.municipality);
  const months = upcomingMonths(locale, at);
  // A calendar to subscribe to, for the municipality or else the province chosen in the filters.
  const feedOf = () => {
    const province = provinces.find((p) => p.code === filters.province?.toUpperCase());
    const scope = chosenMunicipality
      ? { kind: 'municipality' as const, value: chosenMunicipality.code, name: chosenMunicipality.name }
      : province
        ? { kind: 'province' as const, value: province.code, name: province.name }
        : null;
    if (!scope) return null;
    const https = `${getEnv().appUrl}${feedPath(scope)}`;
    return { name: scope.name, https, webcal: webcalUrl(https) };
  };
  if (filters.month && !months.some((m) => m.value === filters.month))
    months.unshift({ value: filters.month, label: monthLabel(locale, filters.month) });
  const items = catalogue.items.map((item) => {
    const first = formatSession(locale, { startsAt: item.firstSessionStart, endsAt: item.firstSessionStart, location: '' }, '');
    return {
      id: item.id,
      title: item.title,
      organisationName: item.organisationName,
      date: first.date,
      sessions: t('courses.card.sessions', { count: item.sessionCount }),
      place: placeText(t, item),
      format: t(formatKeys[item.format]),
      cost: costText(t, locale, item.costCents),
      availability: availabilityText(t, {
        availability: item.availability,
        seatsLeft: item.seatsLeft,
        opensAt: item.registrationOpensAt ? formatMoment(locale, item.registrationOpensAt) : null,
      }),
      full: item.availability === 'full',
      closed: item.availability !== 'open' && item.availability !== 'full',
      nearness:
        item.nearness === 'in'
          ? t('courses.near.in', { municipality: chosenMunicipality?.name ?? item.municipalityName })
          : item.nearness === 'nearby'
            ? t('courses.near.nearby', { municipality: item.municipalityName })
            : item.nearness === 'online'
              ? t('courses.near.online')
              : null,
    };
  });
  const { page, ...rest } = filters;
  const activeFilters = Object.keys(rest).length > 0;
  return {
    openCalls,
    filters: {
      q: filters.q ?? '',
      province: filters.province ?? '',
      municipality: filters.municipality ?? '',
      format: filters.format ?? '',
      month: filters.month ?? '',
    },
    query: catalogueQuery(filters),
    // What a course link carries, so that the course page's "back" link returns to this very page.
    linkQuery: catalogueQuery(filters, catalogue.page),
    activeFilters,
    chosenMunicipality: chosenMunicipality?.name ?? null,
    feed: feedOf(),
    page: catalogue.page,
    pageCount: catalogue.pageCount,
    total: catalogue.total,
    requestedPage: page ?? 1,
    items,
    provinces,
    municipalities,
    months,
  };
}

/**
 * After a filter with JavaScript (the GET form or "clear filters"), what a new page load would give:
 * the result count is announced in a polite live region ("12 cursussen gevonden"), and focus stays on
 * the search button (GOV.UK's advice for filters: results update, the person stays where they were), so
 * the next filter or Tab into the results is one step away. The form remounts with the new address (its
 * fields show the URL's values), which would otherwise drop focus to <body>. Without JavaScript the page
 * is new and its results heading says the count.
 */
function useFilterAnnouncement(resultCount: string) {
  const location = useLocation();
  const submitRef = useRef<HTMLButtonElement>(null);
  const pending = useRef(false);
  const [filtered, setFiltered] = useState<{ key: string; text: string } | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    // A new node each time, so the same count after another filter is read again.
    setFiltered({ key: location.key, text: resultCount });
    submitRef.current?.focus();
  }, [location.key, resultCount]);
  return {
    filtered,
    submitRef,
    onFilter: () => {
      pending.current = true;
    },
  };
}

/** The address of a page of the catalogue, keeping its filters (`page` is the catalogue's own name). */
function catalogueHref(query: string) {
  return (n: number) => {
    const params = new URLSearchParams(query);
    if (n > 1) params.set('page', String(n));
    else params.delete('page');
    const qs = params.toString();
    return `/cursussen${qs ? `?${qs}` : ''}`;
  };
}

export default function Catalogue() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { filters } = data;
  const formRef = useRef<HTMLFormElement>(null);
  useProvinceNarrowing(formRef, data.municipalities, data.query);
  const resultCount = data.total === 0 ? t('courses.results.none') : t('courses.results.count', { count: data.total });
  const { filtered, onFilter, submitRef } = useFilterAnnouncement(resultCount);
  const provinceGroups = data.provinces.map((p) => ({
    ...p,
    municipalities: data.municipalities.filter((m) => m.provinceCode === p.code),
  }));
  return (
    <>
      <h1 className="utrecht-heading-1">{t('courses.title')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead pa-prose">{t('courses.catalogue.intro')}</p>
      {data.openCalls > 0 ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/academies">
            {t('academyCalls.link')}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="filters-heading" className="pa-filters">
        <h2 className="utrecht-heading-2" id="filters-heading">
          {t('courses.filters.heading')}
        </h2>
        {/* key: after a search without JavaScript or with it, the fields show the URL's values. */}
        <Form method="get" action="/cursussen" className="pa-filters__form" key={data.query} ref={formRef} onSubmit={onFilter}>
          <FilterSearch
            id="filter-q"
            name="q"
            label={t('courses.filters.q')}
            hint={t('courses.filters.qHint')}
            value={filters.q}
            className="pa-filters__field pa-filters__field--wide"
          />
          <FilterSelect
            id="filter-province"
            name="province"
            label={t('courses.filters.province')}
            value={filters.province}
            all={t('courses.filters.allProvinces')}
            options={data.provinces.map((p) => ({ value: p.code, label: p.name }))}
            className="pa-filters__field"
          />
          <FilterSelect
            id="filter-municipality"
            name="municipality"
            label={t('courses.filters.municipality')}
            value={filters.municipality}
            all={t('courses.filters.allMunicipalities')}
            groups={provinceGroups.map((p) => ({
              label: p.name,
              options: p.municipalities.map((m) => ({ value: m.code, label: m.name })),
            }))}
            className="pa-filters__field"
          />
          <FilterSelect
            id="filter-format"
            name="format"
            label={t('courses.filters.format')}
            value={filters.format}
            all={t('courses.filters.allFormats')}
            options={(['in-person', 'online', 'hybrid'] as const).map((f) => ({ value: f, label: t(`courses.format.${f}`) }))}
            className="pa-filters__field"
          />
          <FilterSelect
            id="filter-month"
            name="month"
            label={t('courses.filters.month')}
            value={filters.month}
            all={t('courses.filters.allMonths')}
            options={data.months}
            className="pa-filters__field"
          />
          <div className="pa-filters__actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" ref={submitRef}>
              {t('courses.filters.submit')}
            </button>
            {data.activeFilters ? (
              <Link className="utrecht-link" to="/cursussen" onClick={onFilter}>
                {t('courses.filters.clear')}
              </Link>
            ) : null}
          </div>
        </Form>
        <p className="utrecht-paragraph pa-filters__note">{t('courses.filters.municipalityNote')}</p>
        {data.feed ? <FeedLinks feed={data.feed} /> : null}
      </section>

      {/* Polite: the count is read once whatever is being read now ends. Kept in the page (empty until
          a filter runs), since a live region that appears together with its text is often not read. */}
      <p className="pa-visually-hidden" role="status">
        {filtered ? <span key={filtered.key}>{filtered.text}</span> : null}
      </p>

      <section aria-labelledby="results-heading">
        <h2 className="utrecht-heading-2" id="results-heading">
          {resultCount}
        </h2>
        {data.chosenMunicipality && data.total > 0 ? (
          <p className="utrecht-paragraph">{t('courses.results.nearOrder', { municipality: data.chosenMunicipality })}</p>
        ) : null}
        {data.items.length > 0 ? (
          <>
            {data.pageCount > 1 ? (
              <p className="utrecht-paragraph">{t('courses.results.page', { page: data.page, pages: data.pageCount })}</p>
            ) : null}
            <ul className="pa-cards pa-course-list">
              {data.items.map((item) => (
                <li className="pa-card pa-course-card" key={item.id}>
                  {item.nearness ? <p className="pa-course-card__near">{item.nearness}</p> : null}
                  <h3 className="utrecht-heading-3 pa-course-card__title">
                    <Link className="utrecht-link" to={`/cursussen/${item.id}${data.linkQuery}`}>
                      {item.title}
                    </Link>
                  </h3>
                  <dl className="pa-course-card__facts">
                    <dt>{t('courses.card.when')}</dt>
                    <dd>
                      {item.date} · {item.sessions}
                    </dd>
                    <dt>{t('courses.card.where')}</dt>
                    <dd>{item.place}</dd>
                    <dt>{t('courses.card.format')}</dt>
                    <dd>{item.format}</dd>
                    <dt>{t('courses.card.cost')}</dt>
                    <dd>{item.cost}</dd>
                    <dt>{t('courses.card.organiser')}</dt>
                    <dd>{item.organisationName}</dd>
                  </dl>
                  <p className={`pa-seats${item.full ? ' pa-seats--full' : item.closed ? ' pa-seats--closed' : ''}`}>{item.availability}</p>
                </li>
              ))}
            </ul>
            <Pager
              path="/cursussen"
              query={{ search: '', status: null, page: data.page }}
              pageCount={data.pageCount}
              label={t('courses.pagination.label')}
              href={catalogueHref(data.query)}
            />
          </>
        ) : data.total > 0 ? (
          <p className="utrecht-paragraph">
            {t('courses.results.pastEnd')}{' '}
            <Link className="utrecht-link" to={`/cursussen${data.query}`}>
              {t('courses.results.firstPage')}
            </Link>
          </p>
        ) : (
          <div className="pa-prose">
            <p className="utrecht-paragraph">{data.activeFilters ? t('courses.empty.filtered') : t('courses.empty.none')}</p>
            {data.activeFilters ? (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to="/cursussen">
                  {t('courses.empty.showAll')}
                </Link>
              </p>
            ) : null}
          </div>
        )}
      </section>
    </>
  );
}
