import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { courseSessions, courses, municipalities, organisations } from '~db/schema';

// /embed/cursussen: the published courses not yet over, for other sites to frame. Filters are exact
// (a municipality's own courses, a province's, an organisation's); unknown values simply match nothing.

export type EmbedFilters = { municipality?: string; province?: string; organisation?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Z]{2}\d{2,4}$/;

export function parseEmbedFilters(params: URLSearchParams): EmbedFilters {
  const filters: EmbedFilters = {};
  const municipality = (params.get('municipality') ?? '').trim().toUpperCase();
  const province = (params.get('province') ?? '').trim().toUpperCase();
  const organisation = (params.get('organisation') ?? '').trim();
  if (CODE.test(municipality)) filters.municipality = municipality;
  if (CODE.test(province)) filters.province = province;
  if (UUID.test(organisation)) filters.organisation = organisation.toLowerCase();
  return filters;
}

export async function embedCourses(db: Db, filters: EmbedFilters, at: Date, limit = 20) {
  const atText = at.toISOString();
  const conditions: SQL[] = [eq(courses.status, 'published')];
  if (filters.municipality) conditions.push(eq(courses.municipalityCode, filters.municipality));
  if (filters.province) conditions.push(eq(municipalities.provinceCode, filters.province));
  if (filters.organisation) conditions.push(eq(courses.organisationId, filters.organisation));
  const firstStart = sql<Date>`min(${courseSessions.startsAt})`;
  return db
    .select({
      id: courses.id,
      title: courses.title,
      format: courses.format,
      locationName: courses.locationName,
      municipalityName: municipalities.name,
      organisationName: organisations.name,
      firstStart,
    })
    .from(courses)
    .innerJoin(courseSessions, eq(courseSessions.courseId, courses.id))
    .innerJoin(municipalities, eq(municipalities.code, courses.municipalityCode))
    .innerJoin(organisations, eq(organisations.id, courses.organisationId))
    .where(and(...conditions))
    .groupBy(courses.id, municipalities.name, organisations.name)
    .having(gt(sql`max(${courseSessions.endsAt})`, sql`${atText}::timestamptz`))
    .orderBy(asc(firstStart), asc(courses.id))
    .limit(limit);
}
