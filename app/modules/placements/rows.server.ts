import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '~db/client.server';
import { academies, academyApplications, municipalities, placementHosts, placements, placementSlots, users } from '~db/schema';

// The one join every list of placements reads (issue #14): placement → its slot → the slot's host,
// its academy, and its application → the participant. The participant's account may be gone (deleted:
// no name), so that side is a left join; a slot always has a host and a place.

const participantPlace = alias(municipalities, 'participant_place');
const slotPlace = alias(municipalities, 'slot_place');

/** What a caller may pick from the chain, by name. */
const columns = {
  id: placements.id,
  status: placements.status,
  runId: placements.runId,
  score: placements.score,
  reasons: placements.reasons,
  declineReason: placements.declineReason,
  applicationId: placements.applicationId,
  slotId: placements.slotId,
  createdAt: placements.createdAt,
  academyName: academies.name,
  startsOn: placementSlots.startsOn,
  endsOn: placementSlots.endsOn,
  capacity: placementSlots.capacity,
  withdrawnAt: placementSlots.withdrawnAt,
  /** The municipality the slot is in. */
  municipality: slotPlace.name,
  hostName: placementHosts.name,
  hostOffice: placementHosts.office,
  hostUserId: placementHosts.userId,
  participant: users.name,
  /** The municipality the participant lives in (from the application). */
  participantMunicipality: participantPlace.name,
};

export type PlacementColumn = keyof typeof columns;

/**
 * Placements with the columns named in `pick`, for the caller to narrow (`.where`, `.orderBy`,
 * `.for('update', { of: placements })`). Conditions may name the joined tables: `placementSlots`,
 * `placementHosts`, `academyApplications`, `academies`, `users` (the participant).
 */
export function placementRows<K extends PlacementColumn>(db: Db, pick: readonly K[]) {
  const fields = Object.fromEntries(pick.map((k) => [k, columns[k]])) as Pick<typeof columns, K>;
  return db
    .select(fields)
    .from(placements)
    .innerJoin(placementSlots, eq(placementSlots.id, placements.slotId))
    .innerJoin(placementHosts, eq(placementHosts.id, placementSlots.hostId))
    .innerJoin(slotPlace, eq(slotPlace.code, placementSlots.municipalityCode))
    .innerJoin(academies, eq(academies.id, placements.academyId))
    .innerJoin(academyApplications, eq(academyApplications.id, placements.applicationId))
    .leftJoin(users, eq(users.id, academyApplications.userId))
    .leftJoin(participantPlace, eq(participantPlace.code, academyApplications.municipalityCode));
}
