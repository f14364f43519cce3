import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { academies, academyApplications, municipalities, placementHosts, placements, placementSlots, users } from '~db/schema';
import { now } from '../clock.server';
import { isUuid } from '../http.server';
import { dateInAmsterdam } from '../time';
import { callOffPlacements, tellAboutPlacement } from './notify.server';

// A host answers a proposed placement. Accepting sends both people the details with a calendar
// invitation (iTIP REQUEST naming both as attendees, as meetings do, ADR 019): one UID for the
// placement's life and its SEQUENCE, so a later change replaces the event instead of adding one.
// The host, the participant or the coordinator can call a live placement off (notify.server.ts).

/** The proposed and answered placements of a host: the participant's name and municipality only. */
export async function placementsOfHost(db: Db, hostId: string) {
  return db
    .select({
      id: placements.id,
      slotId: placements.slotId,
      status: placements.status,
      declineReason: placements.declineReason,
      participant: users.name,
      participantMunicipality: municipalities.name,
      academyName: academies.name,
      startsOn: placementSlots.startsOn,
      endsOn: placementSlots.endsOn,
    })
    .from(placements)
    .innerJoin(placementSlots, eq(placementSlots.id, placements.slotId))
    .innerJoin(academies, eq(academies.id, placements.academyId))
    .innerJoin(academyApplications, eq(academyApplications.id, placements.applicationId))
    .leftJoin(users, eq(users.id, academyApplications.userId))
    .leftJoin(municipalities, eq(municipalities.code, academyApplications.municipalityCode))
    .where(and(eq(placementSlots.hostId, hostId), inArray(placements.status, ['proposed', 'accepted', 'declined'])))
    .orderBy(asc(placementSlots.startsOn), asc(placements.createdAt));
}

/** The participant's published placements (proposed or accepted) for one application. */
export async function placementsOfParticipant(db: Db, applicationId: string) {
  return db
    .select({
      id: placements.id,
      status: placements.status,
      hostName: placementHosts.name,
      hostOffice: placementHosts.office,
      municipality: municipalities.name,
      startsOn: placementSlots.startsOn,
      endsOn: placementSlots.endsOn,
    })
    .from(placements)
    .innerJoin(placementSlots, eq(placementSlots.id, placements.slotId))
    .innerJoin(placementHosts, eq(placementHosts.id, placementSlots.hostId))
    .innerJoin(municipalities, eq(municipalities.code, placementSlots.municipalityCode))
    .where(and(eq(placements.applicationId, applicationId), inArray(placements.status, ['proposed', 'accepted'])))
    .orderBy(asc(placementSlots.startsOn));
}

export type RespondOutcome = 'accepted' | 'declined' | 'not-possible' | 'not-found';

/**
 * The host's answer. The row is locked, and only a `proposed` placement can be answered, so of two
 * answers at once (two tabs, a double click) exactly one counts and the other is 'not-possible'.
 */
export async function respondToPlacement(
  db: Db,
  hostUserId: string,
  placementId: string,
  answer: { accept: true } | { accept: false; reason: string },
): Promise<RespondOutcome> {
  if (!isUuid(placementId)) return 'not-found';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ placement: placements, slot: placementSlots, host: placementHosts })
      .from(placements)
      .innerJoin(placementSlots, eq(placementSlots.id, placements.slotId))
      .innerJoin(placementHosts, eq(placementHosts.id, placementSlots.hostId))
      .where(and(eq(placements.id, placementId), eq(placementHosts.userId, hostUserId)))
      .for('update', { of: placements });
    if (!row) return 'not-found';
    if (row.placement.status !== 'proposed') return 'not-possible';
    if (!answer.accept) {
      await tx
        .update(placements)
        .set({ status: 'declined', declineReason: answer.reason, respondedAt: now(), updatedAt: now() })
        .where(eq(placements.id, placementId));
      return 'declined';
    }
    await tx.update(placements).set({ status: 'accepted', respondedAt: now(), updatedAt: now() }).where(eq(placements.id, placementId));
    await tellAboutPlacement(tx, placementId, 'confirmed');
    return 'accepted';
  });
}

/**
 * The host calls off a placement they accepted (or one still waiting for their answer), behind the
 * page's confirmation step: both people get a CANCEL for their calendars and the participant is free
 * for the next assignment run. 'not-possible' once it is no longer live or its last day has passed.
 */
export async function callOffAsHost(db: Db, hostUserId: string, placementId: string): Promise<'called-off' | 'not-possible' | 'not-found'> {
  if (!isUuid(placementId)) return 'not-found';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: placements.status, endsOn: placementSlots.endsOn })
      .from(placements)
      .innerJoin(placementSlots, eq(placementSlots.id, placements.slotId))
      .innerJoin(placementHosts, eq(placementHosts.id, placementSlots.hostId))
      .where(and(eq(placements.id, placementId), eq(placementHosts.userId, hostUserId)))
      .for('update', { of: placements });
    if (!row) return 'not-found';
    if (!isLive(row)) return 'not-possible';
    await callOffPlacements(tx, eq(placements.id, placementId), 'host', { actorUserId: hostUserId });
    return 'called-off';
  });
}

/** The participant calls off their live placement in this academy (same rules as the host's). */
export async function callOffAsParticipant(
  db: Db,
  userId: string,
  applicationId: string,
  placementId: string,
): Promise<'called-off' | 'not-possible' | 'not-found'> {
  if (!isUuid(placementId) || !isUuid(applicationId)) return 'not-found';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: placements.status, endsOn: placementSlots.endsOn })
      .from(placements)
      .innerJoin(placementSlots, eq(placementSlots.id, placements.slotId))
      .innerJoin(academyApplications, eq(academyApplications.id, placements.applicationId))
      .where(and(eq(placements.id, placementId), eq(placements.applicationId, applicationId), eq(academyApplications.userId, userId)))
      .for('update', { of: placements });
    if (!row) return 'not-found';
    if (!isLive(row)) return 'not-possible';
    await callOffPlacements(tx, eq(placements.id, placementId), 'participant', { actorUserId: userId });
    return 'called-off';
  });
}

/** The coordinator takes a published pair apart (the caller checked the academy is theirs). */
export async function callOffAsCoordinator(
  db: Db,
  academyId: string,
  placementId: string,
  coordinatorUserId: string,
): Promise<'called-off' | 'not-possible' | 'not-found'> {
  if (!isUuid(placementId)) return 'not-found';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: placements.status, endsOn: placementSlots.endsOn })
      .from(placements)
      .innerJoin(placementSlots, eq(placementSlots.id, placements.slotId))
      .where(and(eq(placements.id, placementId), eq(placements.academyId, academyId)))
      .for('update', { of: placements });
    if (!row) return 'not-found';
    if (!isLive(row)) return 'not-possible';
    await callOffPlacements(tx, eq(placements.id, placementId), 'coordinator', { actorUserId: coordinatorUserId });
    return 'called-off';
  });
}

/** Proposed or accepted, and its last day not yet passed (in Dutch time). */
function isLive(row: { status: string; endsOn: string }) {
  return (row.status === 'proposed' || row.status === 'accepted') && row.endsOn >= dateInAmsterdam(now());
}

/**
 * Whether the participant of this application has held a placement: one the host accepted whose
 * last day has passed (in Dutch time). A placement that has only started does not count yet, since
 * it can still be cut short; the completion rule calls this after the programme ends anyway.
 */
export async function hasHeldPlacement(db: Db, applicationId: string): Promise<boolean> {
  if (!isUuid(applicationId)) return false;
  const [row] = await db
    .select({ id: placements.id })
    .from(placements)
    .innerJoin(placementSlots, eq(placementSlots.id, placements.slotId))
    .where(
      and(
        eq(placements.applicationId, applicationId),
        eq(placements.status, 'accepted'),
        lt(placementSlots.endsOn, dateInAmsterdam(now())),
      ),
    )
    .limit(1);
  return Boolean(row);
}
