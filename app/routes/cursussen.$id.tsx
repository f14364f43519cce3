import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { Banner, CourseErrorBoundary, PlainText, SessionsTable } from '~/components/course-parts';
import { localeFromRequest, translator, useT } from '~/i18n';
import { now } from '~/modules/clock.server';
import { availabilityText } from '~/modules/courses/availability';
import { catalogueQuery, costText, getPublicCourse, parseCatalogueFilters } from '~/modules/courses/catalogue.server';
import { formatMoment, formatSession } from '~/modules/time';
import { pageTitle } from '~/components/page-title';
import { JsonLd } from '~/components/json-ld';
import { getEnv } from '~/env.server';
import { courseEvent, scriptJson, shortDescription } from '~/modules/courses/structured-data';

export const meta: MetaFunction<typeof loader> = (args) => {
  const tags = pageTitle(args, 'title.course', args.data ? { course: args.data.course.title } : null);
  const og = args.data?.openGraph;
  if (!og) return tags;
  // Open Graph: what chat apps and social sites show when someone shares the course page.
  return [
    ...tags,
    ...(og.description ? [{ name: 'description', content: og.description }] : []),
    { tagName: 'link', rel: 'canonical', href: og.url },
    { property: 'og:type', content: 'website' },
    { property: 'og:site_name', content: og.siteName },
    { property: 'og:title', content: og.title },
    ...(og.description ? [{ property: 'og:description', content: og.description }] : []),
    { property: 'og:url', content: og.url },
    { property: 'og:locale', content: og.locale },
  ];
};

/** utm_* parameters of this page travel on to the sign-up form, so attribution survives the click. */
function utmQuery(url: URL) {
  const params = new URLSearchParams();
  for (const name of ['utm_source', 'utm_medium', 'utm_campaign']) {
    const value = url.searchParams.get(name);
    if (value) params.set(name, value.slice(0, 100));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The catalogue's filters and page from the course's address, and nothing else. */
function backQuery(url: URL) {
  const filters = parseCatalogueFilters(url.searchParams);
  return catalogueQuery(filters, filters.page);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const course = await getPublicCourse(getDb(), params.id ?? '', now());
  if (!course) throw new Response('Not Found', { status: 404 });
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const pageUrl = `${getEnv().appUrl}/cursussen/${course.id}`;
  const venue = course.format === 'online' ? t('courses.format.online') : [course.locationName, course.address].filter(Boolean).join(', ');
  return {
    course: {
      id: course.id,
      title: course.title,
      description: course.description,
      organisationName: course.organisationName,
      format: course.format,
      formatLabel: t(`courses.format.${course.format}`),
      venue,
      // An online-only course has no town to name (issue 16: never badged with one).
      municipality: course.municipalityName && course.format !== 'online' ? `${course.municipalityName} (${course.province})` : '',
      accessibilityInfo: course.accessibilityInfo,
      language: t(`courses.language.${course.language}`),
      cost: costText(t, locale, course.costCents),
      capacity: course.capacity,
      // A hybrid course's seats per pool ("Op locatie: 3 van 20 plaatsen vrij"); none for one pool.
      poolSeats:
        course.format === 'hybrid'
          ? course.pools.map((p) => t('pools.page.seats', { pool: t(`pools.pool.${p.pool}`), left: p.seatsLeft, count: p.capacity }))
          : [],
      seatsLeft: course.seatsLeft,
      availability: course.availability,
      availabilityText: availabilityText(t, {
        availability: course.availability,
        seatsLeft: course.seatsLeft,
        opensAt: course.registrationOpensAt ? formatMoment(locale, course.registrationOpensAt) : null,
      }),
      registrationDeadline: course.registrationDeadline ? formatMoment(locale, course.registrationDeadline) : null,
      cancellationDeadline: course.cancellationDeadline ? formatMoment(locale, course.cancellationDeadline) : null,
      sessions: course.sessions.map((s) => ({ id: s.id, ...formatSession(locale, s, venue) })),
    },
    signUpHref: `/cursussen/${course.id}/aanmelden${utmQuery(new URL(request.url))}`,
    // The catalogue's filters ride along on the course link, so "back" returns to the same list.
    backHref: `/cursussen${backQuery(new URL(request.url))}`,
    jsonLd: scriptJson(courseEvent(course, pageUrl)),
    openGraph: {
      url: pageUrl,
      title: course.title,
      description: shortDescription(course.description),
      siteName: t('meta.siteName'),
      locale: locale === 'nl' ? 'nl_NL' : 'en_GB',
    },
  };
}

function SignUpBox({ data }: { data: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const t = useT();
  const { course } = data;
  const button = (label: string) => (
    <p className="utrecht-paragraph">
      <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={data.signUpHref}>
        {label}
      </Link>
    </p>
  );
  switch (course.availability) {
    case 'open':
      return (
        <Banner kind="info" role="none" title={course.availabilityText}>
          {course.registrationDeadline ? (
            <p className="utrecht-paragraph">{t('courses.page.signUpUntil', { date: course.registrationDeadline })}</p>
          ) : null}
          {button(t('courses.page.signUp'))}
        </Banner>
      );
    case 'full':
      return (
        <Banner kind="warning" role="none" title={course.availabilityText}>
          <p className="utrecht-paragraph">{t('courses.page.fullBody')}</p>
          {button(t('courses.page.joinWaitlist'))}
        </Banner>
      );
    case 'not-yet-open':
      return (
        <Banner kind="info" role="none" title={course.availabilityText}>
          <p className="utrecht-paragraph">{t('courses.page.notYetOpenBody')}</p>
        </Banner>
      );
    default:
      return (
        <Banner kind="warning" role="none" title={course.availabilityText}>
          <p className="utrecht-paragraph">
            {t('courses.page.closedBody')}{' '}
            <Link className="utrecht-link" to="/cursussen">
              {t('courses.page.otherCourses')}
            </Link>
          </p>
        </Banner>
      );
  }
}

export default function CoursePage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { course } = data;
  return (
    <>
      <JsonLd json={data.jsonLd} />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={data.backHref}>
          {t('courses.page.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{course.title}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('courses.page.by', { organisation: course.organisationName })}</p>
      <div className="pa-course-layout">
        <div className="pa-course-layout__main pa-prose">
          <SignUpBox data={data} />
          {course.description ? (
            <section aria-labelledby="about-heading">
              <h2 className="utrecht-heading-2" id="about-heading">
                {t('courses.page.about')}
              </h2>
              <PlainText text={course.description} />
            </section>
          ) : null}
          <section aria-labelledby="sessions-heading">
            <h2 className="utrecht-heading-2" id="sessions-heading">
              {t('courses.page.sessions')}
            </h2>
            {course.sessions.length ? (
              <SessionsTable
                id="sessions-caption"
                caption={t('courses.sessions.caption', { count: course.sessions.length })}
                sessions={course.sessions}
              />
            ) : (
              <p className="utrecht-paragraph">{t('courses.sessions.none')}</p>
            )}
            {course.format !== 'in-person' ? <p className="utrecht-paragraph">{t('courses.page.onlineLinkLater')}</p> : null}
          </section>
          <section aria-labelledby="access-heading">
            <h2 className="utrecht-heading-2" id="access-heading">
              {t('courses.page.accessibility')}
            </h2>
            {course.accessibilityInfo ? (
              <PlainText text={course.accessibilityInfo} />
            ) : (
              <p className="utrecht-paragraph">{t('courses.page.accessibilityUnknown')}</p>
            )}
            <p className="utrecht-paragraph">{t('courses.page.accessibilityAsk')}</p>
          </section>
        </div>
        <section aria-labelledby="facts-heading" className="pa-course-layout__aside">
          <h2 className="utrecht-heading-2" id="facts-heading">
            {t('courses.page.facts')}
          </h2>
          <dl className="pa-details pa-details--stacked">
            <dt>{t('courses.card.organiser')}</dt>
            <dd>{course.organisationName}</dd>
            <dt>{t('courses.card.format')}</dt>
            <dd>{course.formatLabel}</dd>
            <dt>{t('courses.page.venue')}</dt>
            <dd>{course.venue || t('courses.page.venueUnknown')}</dd>
            {course.municipality ? (
              <>
                <dt>{t('courses.page.municipality')}</dt>
                <dd>{course.municipality}</dd>
              </>
            ) : null}
            <dt>{t('courses.page.language')}</dt>
            <dd>{course.language}</dd>
            <dt>{t('courses.card.cost')}</dt>
            <dd>{course.cost}</dd>
            <dt>{t('courses.page.seats')}</dt>
            {course.poolSeats.length ? (
              course.poolSeats.map((line) => <dd key={line}>{line}</dd>)
            ) : (
              <dd>{t('courses.page.seatsOf', { left: course.seatsLeft, capacity: course.capacity })}</dd>
            )}
            {course.registrationDeadline ? (
              <>
                <dt>{t('courses.page.registrationDeadline')}</dt>
                <dd>{course.registrationDeadline}</dd>
              </>
            ) : null}
            {course.cancellationDeadline ? (
              <>
                <dt>{t('courses.page.cancellationDeadline')}</dt>
                <dd>{course.cancellationDeadline}</dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <CourseErrorBoundary />;
}
