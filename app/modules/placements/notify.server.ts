import { and, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { placements, placementSlots, type PlacementCaller } from '~db/schema';
import { getEnv } from '~/env.server';
import { now } from '../clock.server';
import { organizerOf } from '../courses/calendar.server';
import { meetingAttachment, meetingCalendar } from '../courses/meeting-calendar.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink } from '../http.server';
import { dateInAmsterdam } from '../time';
import { formatDays } from './dates';
import { placementRows } from './rows.server';

// What the two people of a placement are told, with the calendar file (ADR 018, placements; ADR 019):
// an iTIP REQUEST naming both as attendees when the host accepts or the slot's days or place change,
// and a CANCEL with the same UID and the next SEQUENCE when it is called off. The files are built by
// the meetings' calendar code (`kind: 'placement'`, whole days).

export type PlacementChange = 'confirmed' | 'changed' | 'called-off';

/**
 * Emails the host and the participant of a placement about `change`, each with the calendar file at
 * the row's current SEQUENCE (raise it first). `withCalendar: false` (a proposal called off: nobody had
 * a file) sends the email alone. People in `skip` get nothing (the actor of a proposal called off, or
 * an account being deleted); a placement called off because someone left names neither that person
 * nor the details they gave.
 */
export async function tellAboutPlacement(
  tx: Db,
  placementId: string,
  change: PlacementChange,
  options: { by?: PlacementCaller; actorUserId?: string | null; skip?: Set<string>; withCalendar?: boolean } = {},
) {
  const [row] = await placementRows(tx, [
    'placement',
    'slot',
    'academyName',
    'organisationName',
    'municipality',
    'hostName',
    'hostAccount',
    'participantAccount',
  ]).where(eq(placements.id, placementId));
  if (!row) return 0;
  const skip = options.skip ?? new Set<string>();
  const withCalendar = options.withCalendar ?? true;
  const cancelled = change === 'called-off';
  const left = options.by === 'left';
  const host = row.hostAccount?.id ? { ...row.hostAccount, name: row.hostName || row.hostAccount.name } : null;
  const participant = row.participantAccount?.id ? row.participantAccount : null;
  const people = [
    { person: host, other: participant, role: 'host' as const, url: '/stagebieder' },
    {
      person: participant,
      other: host,
      role: 'participant' as const,
      url: `/account/academies/${row.placement.applicationId}/meeloopstage`,
    },
  ].flatMap((p) => (p.person && !skip.has(p.person.id) ? [{ ...p, person: p.person }] : []));
  const attendees = (left ? people.map((p) => p.person) : [host, participant]).flatMap((p) =>
    p && (!left || !skip.has(p.id)) ? [{ name: p.name, email: p.email, accepted: !cancelled }] : [],
  );
  const dayAfter = new Date(`${row.slot.endsOn}T00:00:00Z`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  const calendar = meetingCalendar({
    kind: 'placement',
    uid: row.placement.id,
    sequence: row.placement.sequence,
    startsAt: new Date(`${row.slot.startsOn}T00:00:00Z`),
    durationMinutes: 0,
    allDay: { endsBefore: dayAfter },
    summary: left
      ? `Meeloopstage ${row.academyName}`
      : `Meeloopstage ${row.academyName}: ${participant?.name ?? ''} bij ${host?.name ?? ''}`,
    description: left ? '' : row.slot.note,
    location: row.municipality,
    state: cancelled ? 'cancelled' : 'confirmed',
    organizer: organizerOf(row.organisationName, getEnv().EMAIL_FROM),
    attendees,
    stamp: now(),
  });
  for (const { person, other, role, url } of people) {
    const common = {
      locale: person.locale,
      role,
      name: person.name,
      otherName: left ? '' : (other?.name ?? ''),
      academyName: row.academyName,
      dates: formatDays(person.locale, row.slot.startsOn, row.slot.endsOn),
      place: row.municipality,
      url: appLink(url),
    };
    const attachments = withCalendar ? [meetingAttachment(calendar, cancelled, 'meeloopstage')] : [];
    if (change === 'confirmed') {
      await enqueueEmail(tx, { template: 'placement-confirmed', to: person.email, userId: person.id, props: common, attachments });
    } else {
      await enqueueEmail(tx, {
        template: 'placement-update',
        to: person.email,
        userId: person.id,
        props: {
          ...common,
          change,
          by: options.by ?? null,
          byYou: Boolean(options.actorUserId) && options.actorUserId === person.id,
          calendar: withCalendar,
        },
        attachments,
      });
    }
  }
  return people.length;
}

/**
 * Calls off the proposed and accepted placements that `condition` selects (a condition on
 * `placements`), rows locked: each becomes `cancelled` with the next SEQUENCE, and both people are told
 * (an accepted one with a CANCEL for their calendars; a proposal, which nobody had in a calendar, by
 * email only and not to the person who called it off). The participant is free again: the next
 * assignment run places them. Returns the placements called off.
 */
export async function callOffPlacements(
  tx: Db,
  condition: SQL,
  by: PlacementCaller,
  options: { actorUserId?: string | null; gone?: Set<string> } = {},
) {
  const rows = await tx
    .select({ id: placements.id, status: placements.status })
    .from(placements)
    .where(and(condition, inArray(placements.status, ['proposed', 'accepted'])))
    .orderBy(placements.id)
    .for('update');
  for (const row of rows) {
    await tx
      .update(placements)
      .set({ status: 'cancelled', cancelledAt: now(), cancelledBy: by, sequence: sql`${placements.sequence} + 1`, updatedAt: now() })
      .where(eq(placements.id, row.id));
    const accepted = row.status === 'accepted';
    const skip = new Set(options.gone ?? []);
    if (!accepted && options.actorUserId) skip.add(options.actorUserId);
    await tellAboutPlacement(tx, row.id, 'called-off', { by, actorUserId: options.actorUserId, skip, withCalendar: accepted });
  }
  return rows.length;
}

/** Placements whose last day has not passed (Dutch time): a placement already held is not called off. */
export function notEnded(db: Db): SQL {
  return inArray(
    placements.slotId,
    db
      .select({ id: placementSlots.id })
      .from(placementSlots)
      .where(gte(placementSlots.endsOn, dateInAmsterdam(now()))),
  );
}
