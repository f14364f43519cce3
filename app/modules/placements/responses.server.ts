import { and, asc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { academyApplications, placementHosts, placements, placementSlots } from '~db/schema';
import { now } from '../clock.server';
import { isUuid } from '../http.server';
import { dateInAmsterdam } from '../time';
import { callOffPlacements, tellAboutPlacement } from './notify.server';
import { placementRows } from './rows.server';

// A host answers a proposed placement. Accepting sends both people the details with a calendar
// invitation (iTIP REQUEST naming both as attendees, as meetings do, ADR 019): one UID for the
// placement's life and its SEQUENCE, so a later change replaces the event instead of adding one.
// The host, the participant or the coordinator can call a live placement off (notify.server.ts).

/** The proposed and answered placements of a host: the participant's name and municipality only. */
export async function placementsOfHost(db: Db, hostId: string) {
  return placementRows(db, [
    'id',
    'slotId',
    'status',
    'declineReason',
    'participant',
    'participantMunicipality',
    'academyName',
    'startsOn',
    'endsOn',
  ])
    .where(and(eq(placementSlots.hostId, hostId), inArray(placements.status, ['proposed', 'accepted', 'declined'])))
    .orderBy(asc(placementSlots.startsOn), asc(placements.createdAt));
}

/** The participant's published placements (proposed or accepted) for one application. */
export async function placementsOfParticipant(db: Db, applicationId: string) {
  return placementRows(db, ['id', 'status', 'hostName', 'hostOffice', 'municipality', 'startsOn', 'endsOn'])
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
    const [row] = await placementRows(tx, ['status'])
      .where(and(eq(placements.id, placementId), eq(placementHosts.userId, hostUserId)))
      .for('update', { of: placements });
    if (!row) return 'not-found';
    if (row.status !== 'proposed') return 'not-possible';
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
 * Calls off the placement `placementId` when `whose` holds for it (the caller's right to it), under its
 * row lock: both people get a CANCEL for their calendars and the participant is free for the next
 * assignment run. 'not-possible' once it is no longer live or its last day has passed.
 */
async function callOff(
  db: Db,
  placementId: string,
  whose: SQL | undefined,
  by: 'host' | 'participant' | 'coordinator',
  actorUserId: string,
): Promise<'called-off' | 'not-possible' | 'not-found'> {
  if (!isUuid(placementId)) return 'not-found';
  return db.transaction(async (tx) => {
    const [row] = await placementRows(tx, ['status', 'endsOn'])
      .where(and(eq(placements.id, placementId), whose))
      .for('update', { of: placements });
    if (!row) return 'not-found';
    if (!isLive(row)) return 'not-possible';
    await callOffPlacements(tx, eq(placements.id, placementId), by, { actorUserId });
    return 'called-off';
  });
}

/** The host calls off a placement they accepted (or one still waiting for their answer), behind the page's confirmation step. */
export async function callOffAsHost(db: Db, hostUserId: string, placementId: string) {
  return callOff(db, placementId, eq(placementHosts.userId, hostUserId), 'host', hostUserId);
}

/** The participant calls off their live placement in this academy (same rules as the host's). */
export async function callOffAsParticipant(db: Db, userId: string, applicationId: string, placementId: string) {
  if (!isUuid(applicationId)) return 'not-found' as const;
  return callOff(
    db,
    placementId,
    and(eq(placements.applicationId, applicationId), eq(academyApplications.userId, userId)),
    'participant',
    userId,
  );
}

/** The coordinator takes a published pair apart (the caller checked the academy is theirs). */
export async function callOffAsCoordinator(db: Db, academyId: string, placementId: string, coordinatorUserId: string) {
  return callOff(db, placementId, eq(placements.academyId, academyId), 'coordinator', coordinatorUserId);
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
