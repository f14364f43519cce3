import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { pageTitle } from '~/components/page-title';
import { getEnv } from '~/env.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { now } from '~/modules/clock.server';
import { embedCourses, parseEmbedFilters } from '~/modules/courses/embed.server';
import { formatMoment } from '~/modules/time';

// /embed/cursussen?municipality=GM0193 (or province=PV23, organisation=<id>): a compact course list
// that municipality and association websites frame. The only page whose frame-ancestors allow other
// sites (server/security.ts); without our header and menu (handle.bare); links leave the frame.

export const meta: MetaFunction = (args) => pageTitle(args, 'title.embed');

export const handle = { bare: true };

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const filters = parseEmbedFilters(new URL(request.url).searchParams);
  const rows = await embedCourses(getDb(), filters, now());
  const appUrl = getEnv().appUrl;
  return {
    catalogueUrl: `${appUrl}/cursussen${filters.municipality ? `?municipality=${filters.municipality}` : filters.province ? `?province=${filters.province}` : ''}`,
    courses: rows.map((row) => ({
      id: row.id,
      title: row.title,
      url: `${appUrl}/cursussen/${row.id}`,
      when: formatMoment(locale, new Date(row.firstStart)),
      place: row.format === 'online' ? t('courses.format.online') : [row.locationName, row.municipalityName].filter(Boolean).join(', '),
      organisation: row.organisationName,
    })),
  };
}

export default function EmbedCourses() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <main className="pa-embed">
      <h1 className="utrecht-heading-2">{t('feeds.embed.heading')}</h1>
      {data.courses.length === 0 ? (
        <p className="utrecht-paragraph">{t('feeds.embed.none')}</p>
      ) : (
        <ul className="utrecht-unordered-list pa-embed__list">
          {data.courses.map((course) => (
            <li key={course.id}>
              <a className="utrecht-link" href={course.url} target="_top">
                {course.title}
              </a>
              <br />
              {course.when} · {course.place} · {t('feeds.embed.by', { organisation: course.organisation })}
            </li>
          ))}
        </ul>
      )}
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={data.catalogueUrl} target="_top">
          {t('feeds.embed.all')}
        </a>
      </p>
    </main>
  );
}
