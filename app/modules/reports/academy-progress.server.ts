import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '~db/client.server';
import { academies } from '~db/schema/organisations';
import { academyApplications, academyCompletions } from '~db/schema/academies';
import { registrations, sessionAttendance } from '~db/schema/courses';
import { placements, placementSlots } from '~db/schema/placements';
import { now } from '../clock.server';
import { dateInAmsterdam } from '../time';

// Three academy figures of the funder report (issue #15 point 7; ADR 018 for the tables): a
// participant who started the programme, completed it, and held a job-shadowing placement. Each query
// returns the academy applications (ids) of an organisation's academies that reached the step; the
// report (academy-figures.server.ts) counts them through the same suppression and LP audit as every
// figure, with the relations completed ≤ started ≤ admitted and placements ≤ started. So:
//
// - only accepted applications count (an admitted person who has not accepted, or who left the
//   programme, is admitted at most, never started);
// - started: attended at least one session of a module (a registration with the application's
//   `academy_application_id`), or completed (a rule may ask only for a placement);
// - completed: a row in `academy_completions`;
// - placements: an accepted placement whose last day has passed (`hasHeldPlacement`'s rule), and the
//   person started.

const acceptedOf = (organisationId: string) =>
  sql`select a.id from ${academyApplications} a join ${academies} ac on ac.id = a.academy_id
      where ac.organisation_id = ${organisationId} and a.status = 'accepted'`;

const attended = sql`exists (select 1 from ${registrations} r join ${sessionAttendance} sa on sa.registration_id = r.id
                      where r.academy_application_id = x.id and sa.attended)`;
const completed = sql`exists (select 1 from ${academyCompletions} c where c.application_id = x.id)`;

async function ids(db: Db, query: SQL): Promise<string[]> {
  return rowsOf<{ id: string }>(await db.execute(query)).map((r) => r.id);
}

/** Academy applications of the organisation whose participant started the programme. */
export async function startedAcademyApplications(db: Db, organisationId: string): Promise<string[]> {
  return ids(db, sql`select x.id from (${acceptedOf(organisationId)}) x where ${attended} or ${completed}`);
}

/** Academy applications of the organisation whose participant completed the programme. */
export async function completedAcademyApplications(db: Db, organisationId: string): Promise<string[]> {
  return ids(db, sql`select x.id from (${acceptedOf(organisationId)}) x where ${completed}`);
}

/** Academy applications of the organisation whose participant held at least one placement. */
export async function placementAcademyApplications(db: Db, organisationId: string): Promise<string[]> {
  const today = dateInAmsterdam(now());
  return ids(
    db,
    sql`select x.id from (${acceptedOf(organisationId)}) x
        where (${attended} or ${completed})
          and exists (select 1 from ${placements} p join ${placementSlots} s on s.id = p.slot_id
                      where p.application_id = x.id and p.status = 'accepted' and s.ends_on < ${today}::date)`,
  );
}
