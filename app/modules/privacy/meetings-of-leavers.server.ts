import { and, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { matches, meetings, menteeApplications, mentorProfiles, networks, organisations, users } from '~db/schema';
import { getEnv } from '~/env.server';
import { now } from '../clock.server';
import { organizerOf } from '../courses/calendar.server';
import { meetingAttachment, meetingCalendar } from '../courses/meeting-calendar.server';
import { enqueueEmail } from '../email/outbox.server';
import { appLink } from '../http.server';
import { formatMoment } from '../time';

// Account deletion (deletion.server.ts) tells the other person of each planned meeting of the leaver's
// matches that it is off: a CANCEL with the meeting's UID (ADR 019). Here, in privacy, and not in
// mentoring, because mentoring already depends on privacy (consents) and the folders must not import
// each other (test/import-cycles.test.ts).

/**
 * When accounts are deleted, the planned meetings (proposed or accepted, not started) of their matches
 * are called off for the other person: a CANCEL with the meeting's UID and the next SEQUENCE, so their
 * calendar program removes the entry (ADR 019), queued in the deletion's transaction (ADR 004). The
 * file and the email do not name the person who left, nor the place or link they may have chosen (the
 * deletion erases those): the UID and the time are enough for a calendar program to find the entry. `inMatch` selects the matches (a condition on `matches`); the
 * caller deletes the meetings afterwards.
 */
export async function cancelMeetingsOfLeavers(tx: Db, inMatch: SQL, gone: Set<string>) {
  const planned = await tx
    .select({
      meeting: meetings,
      matchId: matches.id,
      networkName: networks.name,
      organisationName: organisations.name,
      menteeUserId: menteeApplications.userId,
      mentorUserId: mentorProfiles.userId,
    })
    .from(meetings)
    .innerJoin(matches, eq(matches.id, meetings.matchId))
    .innerJoin(networks, eq(networks.id, matches.networkId))
    .innerJoin(organisations, eq(organisations.id, networks.organisationId))
    .innerJoin(menteeApplications, eq(menteeApplications.id, matches.applicationId))
    .innerJoin(mentorProfiles, eq(mentorProfiles.id, matches.mentorProfileId))
    .where(and(inMatch, inArray(meetings.status, ['proposed', 'accepted']), gt(meetings.startsAt, now())));
  const toTell = planned.flatMap((p) => {
    const stays = [p.menteeUserId, p.mentorUserId].filter((id): id is string => id !== null && !gone.has(id));
    return stays.length === 1 ? [{ ...p, partnerId: stays[0]!, partnerIsMentor: stays[0] === p.mentorUserId }] : [];
  });
  if (!toTell.length) return 0;
  const partners = await tx
    .select()
    .from(users)
    .where(inArray(users.id, [...new Set(toTell.map((x) => x.partnerId))]));
  const partnerOf = new Map(partners.map((p) => [p.id, p]));
  const from = getEnv().EMAIL_FROM;
  for (const { meeting, partnerId, partnerIsMentor, networkName, organisationName } of toTell) {
    const partner = partnerOf.get(partnerId);
    if (!partner) continue;
    const summary = partner.locale === 'en' ? 'Meeting (Politiek Actief)' : 'Afspraak (Politiek Actief)';
    const pageUrl = appLink(partnerIsMentor ? '/mentor' : '/mentoraat');
    const calendar = meetingCalendar({
      uid: meeting.id,
      sequence: meeting.sequence + 1,
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
      summary,
      description: `${summary}, ${networkName}.`,
      location: '',
      url: pageUrl,
      state: 'cancelled',
      organizer: organizerOf(organisationName, from),
      attendees: [{ name: partner.name, email: partner.email, accepted: false }],
      stamp: now(),
    });
    await enqueueEmail(tx, {
      template: 'meeting-update',
      to: partner.email,
      userId: partner.id,
      props: {
        locale: partner.locale,
        name: partner.name,
        otherName: '',
        change: 'left',
        byYou: false,
        when: formatMoment(partner.locale, meeting.startsAt),
        durationMinutes: meeting.durationMinutes,
        place: '',
        videoUrl: '',
        matchUrl: pageUrl,
      },
      attachments: [meetingAttachment(calendar, true)],
    });
  }
  return toTell.length;
}
