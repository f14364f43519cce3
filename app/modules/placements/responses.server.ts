import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
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
import { getEnv } from '~/env.server';
import { now } from '../clock.server';
import { organizerOf, type CalendarOrganizer } from '../courses/calendar.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink, isUuid } from '../http.server';
import { dateInAmsterdam } from '../time';
import { formatDays } from './dates';

// A host answers a proposed placement. Accepting sends both people the details with a calendar
// invitation (iTIP REQUEST naming both as attendees, as meetings do, ADR 019): one UID for the
// placement's life and its SEQUENCE, so a later change replaces the event instead of adding one.

const hostUsers = alias(users, 'host_users');

/** The proposed and answered placements of a host: the participant's name and municipality only. */
export async function placementsOfHost(db: Db, hostId: string) {
  return db
    .select({
      id: placements.id,
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
    await sendConfirmations(tx, placementId);
    return 'accepted';
  });
}

async function sendConfirmations(tx: Db, placementId: string) {
  const [row] = await tx
    .select({
      placement: placements,
      slot: placementSlots,
      academyName: academies.name,
      organisationName: organisations.name,
      place: municipalities.name,
      hostName: placementHosts.name,
      host: { id: hostUsers.id, name: hostUsers.name, email: hostUsers.email, locale: hostUsers.locale },
      participant: { id: users.id, name: users.name, email: users.email, locale: users.locale },
    })
    .from(placements)
    .innerJoin(placementSlots, eq(placementSlots.id, placements.slotId))
    .innerJoin(placementHosts, eq(placementHosts.id, placementSlots.hostId))
    .innerJoin(hostUsers, eq(hostUsers.id, placementHosts.userId))
    .innerJoin(academies, eq(academies.id, placements.academyId))
    .innerJoin(organisations, eq(organisations.id, academies.organisationId))
    .innerJoin(municipalities, eq(municipalities.code, placementSlots.municipalityCode))
    .innerJoin(academyApplications, eq(academyApplications.id, placements.applicationId))
    .innerJoin(users, eq(users.id, academyApplications.userId))
    .where(eq(placements.id, placementId));
  if (!row) return;
  const host = { ...row.host, name: row.hostName || row.host.name };
  const calendar = placementCalendar({
    id: row.placement.id,
    sequence: row.placement.sequence,
    startsOn: row.slot.startsOn,
    endsOn: row.slot.endsOn,
    summary: `Meeloopstage ${row.academyName}: ${row.participant.name} bij ${host.name}`,
    location: row.place,
    note: row.slot.note,
    organizer: organizerOf(row.organisationName, getEnv().EMAIL_FROM),
    attendees: [host, row.participant].map((p) => ({ name: p.name, email: p.email })),
    stamp: now(),
  });
  for (const [person, other, role, url] of [
    [host, row.participant, 'host', '/stagebieder'],
    [row.participant, host, 'participant', `/account/academies/${row.placement.applicationId}/meeloopstage`],
  ] as const) {
    await enqueueEmail(tx, {
      template: 'placement-confirmed',
      to: person.email,
      userId: person.id,
      props: {
        locale: person.locale,
        role,
        name: person.name,
        otherName: other.name,
        academyName: row.academyName,
        dates: formatDays(person.locale, row.slot.startsOn, row.slot.endsOn),
        place: row.place,
        url: appLink(url),
      },
      attachments: [
        {
          filename: 'meeloopstage.ics',
          contentType: 'text/calendar; charset=utf-8; method=REQUEST',
          content: Buffer.from(calendar, 'utf8').toString('base64'),
        },
      ],
    });
  }
}

/** The calendar file of an accepted placement: METHOD:REQUEST, all-day from the first to the last day. */
function placementCalendar(p: {
  id: string;
  sequence: number;
  startsOn: string;
  endsOn: string;
  summary: string;
  location: string;
  note: string;
  organizer: CalendarOrganizer;
  attendees: { name: string; email: string }[];
  stamp: Date;
}) {
  const calendar = ical({ prodId: { company: 'Politiek Actief', product: 'meeloopstages', language: 'NL' } });
  calendar.method(ICalCalendarMethod.REQUEST);
  const dayAfter = new Date(`${p.endsOn}T00:00:00Z`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  const event = calendar.createEvent({
    id: `placement-${p.id}@politiekactief`,
    sequence: p.sequence,
    start: new Date(`${p.startsOn}T00:00:00Z`),
    end: dayAfter,
    allDay: true,
    stamp: p.stamp,
    status: ICalEventStatus.CONFIRMED,
    organizer: p.organizer,
    summary: p.summary,
    description: p.note || null,
    location: p.location,
  });
  for (const a of p.attendees) {
    event.createAttendee({ name: a.name, email: a.email, role: ICalAttendeeRole.REQ, rsvp: false, status: ICalAttendeeStatus.ACCEPTED });
  }
  return calendar.toString();
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
