import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '~db/client.server';
import {
  academies,
  academyApplications,
  municipalities,
  organisations,
  placementHosts,
  placements,
  placementSlots,
  users,
} from '~db/schema';

// The one join every list of placements reads (issue #14): placement → its slot → the slot's host,
// its academy (and organisation), and its application → the participant. The participant's account
// may be gone (deleted: no name), and so may the host's, so those sides are left joins; a slot always
// has a host profile and a place.

const participantPlace = alias(municipalities, 'participant_place');
const slotPlace = alias(municipalities, 'slot_place');
const hostUsers = alias(users, 'host_users');

/** What a caller may pick from the chain, by name. */
const columns = {
  /** The whole rows, for the emails and calendar files about one placement. */
  placement: placements,
  slot: placementSlots,
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
  organisationName: organisations.name,
  startsOn: placementSlots.startsOn,
  endsOn: placementSlots.endsOn,
  capacity: placementSlots.capacity,
  withdrawnAt: placementSlots.withdrawnAt,
  /** The municipality the slot is in. */
  municipality: slotPlace.name,
  hostName: placementHosts.name,
  hostOffice: placementHosts.office,
  hostUserId: placementHosts.userId,
  /** Whom to email: null once the host deleted their account. */
  hostAccount: { id: hostUsers.id, name: hostUsers.name, email: hostUsers.email, locale: hostUsers.locale },
  participant: users.name,
  /** The municipality the participant lives in (from the application). */
  participantMunicipality: participantPlace.name,
  /** Whom to email: null once the participant deleted their account. */
  participantAccount: { id: users.id, name: users.name, email: users.email, locale: users.locale },
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
    .leftJoin(hostUsers, eq(hostUsers.id, placementHosts.userId))
    .innerJoin(slotPlace, eq(slotPlace.code, placementSlots.municipalityCode))
    .innerJoin(academies, eq(academies.id, placements.academyId))
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .innerJoin(academyApplications, eq(academyApplications.id, placements.applicationId))
    .leftJoin(users, eq(users.id, academyApplications.userId))
    .leftJoin(participantPlace, eq(participantPlace.code, academyApplications.municipalityCode));
}
