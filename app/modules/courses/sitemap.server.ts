import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { courseSessions, courses } from '~db/schema';

// sitemap.xml: the main public pages and every published course that has not ended yet. Drafts and
// cancelled courses are never listed; a course without sessions is listed while it is published.

/** The public pages anyone may find, besides the courses. */
const publicPages = ['/', '/cursussen', '/mentoraat', '/privacy'] as const;

export async function sitemapCourses(db: Db, at: Date) {
  const lastEnd = sql<Date | null>`(select max(${courseSessions.endsAt}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id})`;
  return db
    .select({ id: courses.id, updatedAt: courses.updatedAt })
    .from(courses)
    .where(and(eq(courses.status, 'published'), or(isNull(lastEnd), gt(lastEnd, sql`${at.toISOString()}::timestamptz`))))
    .orderBy(courses.id)
    .limit(45000);
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function sitemapXml(appUrl: string, courseRows: { id: string; updatedAt: Date }[]) {
  const urls = [
    ...publicPages.map((path) => `  <url><loc>${escapeXml(`${appUrl}${path === '/' ? '/' : path}`)}</loc></url>`),
    ...courseRows.map(
      (c) => `  <url><loc>${escapeXml(`${appUrl}/cursussen/${c.id}`)}</loc><lastmod>${new Date(c.updatedAt).toISOString()}</lastmod></url>`,
    ),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function robotsTxt(appUrl: string) {
  return [
    'User-agent: *',
    'Disallow: /beheer',
    'Disallow: /admin',
    'Disallow: /account',
    'Disallow: /aanmelding/',
    '',
    `Sitemap: ${appUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
