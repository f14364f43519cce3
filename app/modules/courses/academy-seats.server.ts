import { eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { academies, academyApplications, type SeatPool } from '~db/schema';
import { onlyPool } from './pools';

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
export async function seatsPendingForCohort(
  tx: Db,
  course: { academyId: string | null; format: 'in-person' | 'online' | 'hybrid' },
  pool: SeatPool,
): Promise<number> {
  if (!course.academyId || cohortPool(course) !== pool) return 0;
  const [row] = await tx
    .select({
      seats: academies.seats,
      released: sql<boolean>`${academies.decisionsReleasedAt} is not null`,
      accepted:
        sql`(select count(*) from ${academyApplications} a where a.academy_id = ${course.academyId} and a.status = 'accepted')`.mapWith(
          Number,
        ),
      waiting:
        sql`(select count(*) from ${academyApplications} a where a.academy_id = ${course.academyId} and a.status in ('offered', 'reserve'))`.mapWith(
          Number,
        ),
    })
    .from(academies)
    .where(eq(academies.id, course.academyId));
  if (!row || row.seats <= 0) return 0;
  if (!row.released) return row.seats;
  return Math.max(0, Math.min(row.seats - row.accepted, row.waiting));
}
