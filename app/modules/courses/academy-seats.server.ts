import { inArray, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { academies, academyApplications, type CourseFormat, type SeatPool } from '~db/schema';
import { onlyPool, poolCapacity, poolsOf } from './pools';

// The seats of an academy's module course held for its cohort (ADR 018, "Cohort and completion"). A
// module course is an ordinary course whose `academy_id` is set; the academy's places are reserved in
// its capacity, so the public can never take a seat a participant of the cohort may still need:
//
//   held for the cohort = places the academy may still fill, not yet enrolled
//     before the decisions are released: all `seats`;
//     after: min(seats − accepted, offered + reserve), so a place nobody can take any more (no reserve
//     left) goes back to the public.
//
// Accepted participants hold real registrations (source 'academy'), counted like anyone's. Public
// sign-ups, waitlist offers and pool switches count `held + pending for the cohort` against the pool's
// capacity; enrolling a participant counts only the seats held. Read it under the course's row lock.

/** The pool an academy participant sits in: the course's own, the room of a hybrid course. */
export const cohortPool = (course: { format: 'in-person' | 'online' | 'hybrid' }): SeatPool => onlyPool(course) ?? 'on-site';

/** Seats of `pool` the public may not take because the course's academy may still enrol someone in them. */
async function seatsPendingForCohort(
  tx: Db,
  course: { academyId: string | null; format: 'in-person' | 'online' | 'hybrid' },
  pool: SeatPool,
): Promise<number> {
  if (!course.academyId || cohortPool(course) !== pool) return 0;
  return (await seatsHeldByAcademy(tx, [course.academyId])).get(course.academyId) ?? 0;
}

// Qualified by hand: inside the subqueries a bare "id" would be the application's.
const academyRow = sql`${sql.identifier('academies')}.${sql.identifier('id')}`;

/** For each academy: the seats its module courses keep for the cohort (see the rule above), read in one query. */
export async function seatsHeldByAcademy(db: Db, academyIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(academyIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: academies.id,
      seats: academies.seats,
      released: sql<boolean>`${academies.decisionsReleasedAt} is not null`,
      accepted: sql`(select count(*) from ${academyApplications} a where a.academy_id = ${academyRow} and a.status = 'accepted')`.mapWith(
        Number,
      ),
      waiting:
        sql`(select count(*) from ${academyApplications} a where a.academy_id = ${academyRow} and a.status in ('offered', 'reserve'))`.mapWith(
          Number,
        ),
    })
    .from(academies)
    .where(inArray(academies.id, ids));
  return new Map(
    rows.map((row) => [
      row.id,
      row.seats <= 0 ? 0 : !row.released ? row.seats : Math.max(0, Math.min(row.seats - row.accepted, row.waiting)),
    ]),
  );
}

type SeatCourse = { academyId: string | null; format: CourseFormat; capacity: number; onlineCapacity: number | null };

/**
 * The one rule for the seats a member of the public can still get, per pool and in all: the pool's
 * capacity minus the seats taken (confirmed or offered) minus, in the cohort's pool, the seats `held`
 * for the course's academy (`seatsHeldByAcademy`). The catalogue, the course page, the sign-up form,
 * the sign-up itself and waitlist offers all count with it, so none of them promises a seat the
 * public cannot get.
 */
export function publicSeats(course: SeatCourse, taken: (pool: SeatPool) => number, held: number) {
  const pools = poolsOf(course).map((pool) => {
    const capacity = poolCapacity(course, pool);
    const keep = course.academyId && pool === cohortPool(course) ? held : 0;
    return { pool, capacity, heldForCohort: Math.min(keep, capacity), seatsLeft: Math.max(0, capacity - taken(pool) - keep) };
  });
  return { pools, seatsLeft: pools.reduce((sum, p) => sum + p.seatsLeft, 0) };
}

/** `publicSeats` for one pool, with the seats taken in it already counted (under the course's lock, for the writes). */
export async function publicSeatsLeftIn(tx: Db, course: SeatCourse, pool: SeatPool, taken: number) {
  const held = await seatsPendingForCohort(tx, course, pool);
  return publicSeats(course, (p) => (p === pool ? taken : 0), held).pools.find((p) => p.pool === pool)?.seatsLeft ?? 0;
}
