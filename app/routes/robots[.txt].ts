import { getEnv } from '~/env.server';
import { robotsTxt } from '~/modules/courses/sitemap.server';

// /robots.txt: points search engines at the sitemap and keeps them out of the personal pages.

export function loader() {
  return new Response(robotsTxt(getEnv().appUrl), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}
