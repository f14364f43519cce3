import { and, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { academies, academyApplications, consents, municipalities } from '~db/schema';
import { SQL_TIME_ZONE } from '../clock.server';
import { activeSpecialCategoryConsent } from './special-category.server';
import { completedAcademyApplications, placementAcademyApplications, startedAcademyApplications } from './academy-progress.server';

// What the funder report counts of academies as programmes (issue 15, item 7; ADR 021): per
// application to an academy's call made in the period, whether it was admitted, whether its
// participant started, completed and held a placement, and what they told us after an election.
// An academy has a few dozen applications a year: they are read as rows and counted in Node, as the
// mentoring applications are.

const bool = (value: unknown) => value === true || String(value) === 'true';

/**
 * The academy applications of an organisation (or one academy) made from `start` to `end`
 * (instants), each with the Dutch day it was made on. Withdrawn applications are not counted: the
 * person took them back before the call closed.
 * - focus groups: what the applicant said of themselves; disability only with an active consent
 *   for it (special-category data, as the mentoring figures count it);
 * - admitted: offered a place or accepted it (ADR 018: the places held);
 * - started, completed, placement: from academy-progress.server.ts, each at most the one before
 *   (completed ⊆ started ⊆ admitted, placement ⊆ admitted);
 * - on a list, elected: the person's own answers to the outcome question, for any election.
 */
export async function academyApplicationsBetween(
  db: Db,
  organisationId: string,
  academyId: string | null,
  start: ReturnType<typeof sql>,
  end: ReturnType<typeof sql>,
) {
  const [rows, started, completed, placed] = await Promise.all([
    db
      .select({
        id: academyApplications.id,
        academyId: academyApplications.academyId,
        day: sql<string>`to_char((${academyApplications.createdAt} at time zone ${SQL_TIME_ZONE})::date, 'YYYY-MM-DD')`,
        provinceCode: municipalities.provinceCode,
        province: municipalities.province,
        focusGroups: academyApplications.focusGroups,
        // Special-category: counted only with an active consent for it, never shown per person.
        disability: sql<boolean>`coalesce(${academyApplications.disability} and ${consents.id} is not null, false)`,
        admitted: sql<boolean>`${academyApplications.status} in ('offered', 'accepted')`,
        onList: sql<boolean>`exists (select 1 from candidacy_outcomes o where o.user_id = ${academyApplications.userId} and (o.on_list or o.elected))`,
        elected: sql<boolean>`exists (select 1 from candidacy_outcomes o where o.user_id = ${academyApplications.userId} and o.elected)`,
      })
      .from(academyApplications)
      .innerJoin(academies, eq(academies.id, academyApplications.academyId))
      .leftJoin(municipalities, eq(municipalities.code, academyApplications.municipalityCode))
      .leftJoin(consents, activeSpecialCategoryConsent(academyApplications.disabilityConsentId, academyApplications.userId))
      .where(
        and(
          eq(academies.organisationId, organisationId),
          academyId ? eq(academyApplications.academyId, academyId) : undefined,
          ne(academyApplications.status, 'withdrawn'),
          gte(academyApplications.createdAt, start),
          lt(academyApplications.createdAt, end),
        ),
      ),
    startedAcademyApplications(db, organisationId).then((ids) => new Set(ids)),
    completedAcademyApplications(db, organisationId).then((ids) => new Set(ids)),
    placementAcademyApplications(db, organisationId).then((ids) => new Set(ids)),
  ]);
  return rows.map((r) => {
    const admitted = bool(r.admitted);
    const hasStarted = admitted && started.has(r.id);
    return {
      ...r,
      provinceCode: r.provinceCode ?? null,
      province: r.province ?? null,
      disability: bool(r.disability),
      admitted,
      started: hasStarted,
      completed: hasStarted && completed.has(r.id),
      placement: admitted && placed.has(r.id),
      onList: bool(r.onList),
      elected: bool(r.elected),
    };
  });
}
export type AcademyApplicationRow = Awaited<ReturnType<typeof academyApplicationsBetween>>[number];
