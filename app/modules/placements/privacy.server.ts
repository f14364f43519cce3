import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import {
  academies,
  academyApplications,
  academyHosts,
  municipalities,
  placementHosts,
  placementPreferences,
  placements,
  placementSlots,
} from '~db/schema';
import { now } from '../clock.server';
import { callOffPlacements, notEnded } from './notify.server';

// What the placements hold about a person, for the export and the account deletion (ADR 009).

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The person's host profile with its slots and the placements in them, and their own preferences and placements (invitations: ADR 022, one export part). */
export async function exportPlacementData(db: Db, userId: string) {
  const [host] = await db.select().from(placementHosts).where(eq(placementHosts.userId, userId));
  const slots = host
    ? await db
        .select({
          id: placementSlots.id,
          academy: academies.name,
          startsOn: placementSlots.startsOn,
          endsOn: placementSlots.endsOn,
          place: municipalities.name,
          capacity: placementSlots.capacity,
          note: placementSlots.note,
        })
        .from(placementSlots)
        .innerJoin(academies, eq(academies.id, placementSlots.academyId))
        .innerJoin(municipalities, eq(municipalities.code, placementSlots.municipalityCode))
        .where(eq(placementSlots.hostId, host.id))
    : [];
  const mine = db.select({ id: academyApplications.id }).from(academyApplications).where(eq(academyApplications.userId, userId));
  const preferences = await db
    .select({ applicationId: placementPreferences.applicationId, slotId: placementPreferences.slotId, rank: placementPreferences.rank })
    .from(placementPreferences)
    .where(inArray(placementPreferences.applicationId, mine));
  const asParticipant = await db
    .select({
      id: placements.id,
      applicationId: placements.applicationId,
      slotId: placements.slotId,
      status: placements.status,
      createdAt: placements.createdAt,
      respondedAt: placements.respondedAt,
    })
    .from(placements)
    .where(and(inArray(placements.applicationId, mine), inArray(placements.status, ['proposed', 'accepted', 'declined'])));
  const asHost = host
    ? await db
        .select({
          id: placements.id,
          slotId: placements.slotId,
          status: placements.status,
          declineReason: placements.declineReason,
          respondedAt: placements.respondedAt,
        })
        .from(placements)
        .innerJoin(placementSlots, eq(placementSlots.id, placements.slotId))
        .where(and(eq(placementSlots.hostId, host.id), inArray(placements.status, ['proposed', 'accepted', 'declined'])))
    : [];
  return {
    placementHostProfile: host
      ? { name: host.name, office: host.office, municipalityCode: host.municipalityCode, createdAt: iso(host.createdAt) }
      : null,
    placementSlotsOffered: slots,
    placementPreferences: preferences,
    placements: asParticipant.map((p) => ({ ...p, createdAt: iso(p.createdAt), respondedAt: iso(p.respondedAt) })),
    placementsHosted: asHost.map((p) => ({ ...p, respondedAt: iso(p.respondedAt) })),
  };
}

/**
 * Deletion, before the academy applications are anonymised: the leaver's placements still to come
 * (proposed or accepted) are called off for the other person, with a CANCEL for an accepted one that
 * names neither the leaver nor the slot's note (ADR 019); a participant's preferences go and their
 * draft placements are discarded; a host's profile is emptied and leaves every academy. Placements
 * already held stay, for the academy's counts.
 */
export async function erasePlacementData(tx: Db, userIds: string[]) {
  if (!userIds.length) return;
  const gone = new Set(userIds);
  const mine = tx.select({ id: academyApplications.id }).from(academyApplications).where(inArray(academyApplications.userId, userIds));
  const hosted = tx
    .select({ id: placementSlots.id })
    .from(placementSlots)
    .innerJoin(placementHosts, eq(placementHosts.id, placementSlots.hostId))
    .where(inArray(placementHosts.userId, userIds));
  await callOffPlacements(tx, and(or(inArray(placements.applicationId, mine), inArray(placements.slotId, hosted)), notEnded(tx))!, 'left', {
    gone,
  });
  await tx.delete(placementPreferences).where(inArray(placementPreferences.applicationId, mine));
  await tx
    .update(placements)
    .set({ status: 'discarded', updatedAt: now() })
    .where(and(inArray(placements.applicationId, mine), inArray(placements.status, ['draft', 'proposed'])));
  const hosts = await tx.select({ id: placementHosts.id }).from(placementHosts).where(inArray(placementHosts.userId, userIds));
  const hostIds = hosts.map((h) => h.id);
  if (hostIds.length) {
    const theirSlots = tx.select({ id: placementSlots.id }).from(placementSlots).where(inArray(placementSlots.hostId, hostIds));
    await tx
      .update(placements)
      .set({ status: 'discarded', updatedAt: now() })
      .where(and(inArray(placements.slotId, theirSlots), inArray(placements.status, ['draft', 'proposed'])));
    await tx.update(placements).set({ declineReason: '' }).where(inArray(placements.slotId, theirSlots));
    await tx.update(placementSlots).set({ note: '' }).where(inArray(placementSlots.hostId, hostIds));
    await tx.delete(academyHosts).where(inArray(academyHosts.hostId, hostIds));
    await tx.update(placementHosts).set({ userId: null, name: '', updatedAt: now() }).where(inArray(placementHosts.id, hostIds));
  }
}
