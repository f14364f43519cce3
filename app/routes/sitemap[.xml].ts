import { getDb } from '~db/client.server';
import { getEnv } from '~/env.server';
import { now } from '~/modules/clock.server';
import { sitemapCourses, sitemapXml } from '~/modules/courses/sitemap.server';

// /sitemap.xml: the public pages and the published courses, for search engines.

export async function loader() {
  const rows = await sitemapCourses(getDb(), now());
  return new Response(sitemapXml(getEnv().appUrl, rows), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}
