import { parseWithZod } from '@conform-to/zod/v4';
import { data } from '@remix-run/node';
import type { Db } from '~db/client.server';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator } from '~/i18n';
import { isUuid, notFound } from '~/modules/http.server';
import { meetingSchema, sharedNeedsSchema } from '~/modules/mentoring/meeting-schemas';
import { acceptMeeting, cancelMeeting, counterProposeMeeting, declineMeeting, proposeMeeting } from '~/modules/mentoring/meetings.server';
import { matchOfParticipant } from '~/modules/mentoring/matches.server';
import { shareNeeds, stopSharingNeeds } from '~/modules/mentoring/shared-needs.server';

// The meeting and shared-needs forms of /koppeling/:matchId (a route helper, not a route). Every
// change is checked again in the module against who the user is in the match; a stranger gets 404.

export const meetingIntents = [
  'meeting-propose',
  'meeting-counter',
  'meeting-accept',
  'meeting-decline',
  'meeting-cancel',
  'needs-share',
  'needs-stop',
] as const;

export const isMeetingIntent = (intent: unknown): intent is (typeof meetingIntents)[number] =>
  (meetingIntents as readonly unknown[]).includes(intent);

export async function handleMeetingForm(db: Db, request: Request, user: { id: string }, matchId: string) {
  const formData = await request.formData();
  const intent = formData.get('intent');
  const back = `/koppeling/${matchId}`;
  const t = translator(localeFromRequest(request));
  const mine = await matchOfParticipant(db, matchId, user.id);
  if (!mine || !isMeetingIntent(intent)) throw notFound();
  const notPossible = () => redirectWithNotice(back, 'notice.meeting.notPossible');

  if (intent === 'meeting-propose' || intent === 'meeting-counter') {
    const meetingId = formData.get('meetingId');
    if (intent === 'meeting-counter' && !isUuid(meetingId)) throw notFound();
    const form = intent === 'meeting-propose' ? `meeting-${matchId}` : `counter-${String(meetingId)}`;
    const submission = parseWithZod(formData, { schema: meetingSchema(t) });
    if (submission.status !== 'success') return data({ form, result: submission.reply() }, { status: 400 });
    const outcome =
      intent === 'meeting-propose'
        ? await proposeMeeting(db, matchId, user.id, submission.value)
        : await counterProposeMeeting(db, String(meetingId), user.id, submission.value);
    if (outcome.status === 'in-the-past') {
      return data({ form, result: submission.reply({ fieldErrors: { date: [t('meetings.errors.past')] } }) }, { status: 400 });
    }
    if (outcome.status === 'not-found') throw notFound();
    if (outcome.status === 'not-possible') return notPossible();
    return redirectWithNotice(back, intent === 'meeting-propose' ? 'notice.meeting.proposed' : 'notice.meeting.countered');
  }

  if (intent === 'meeting-accept' || intent === 'meeting-decline' || intent === 'meeting-cancel') {
    const meetingId = formData.get('meetingId');
    if (!isUuid(meetingId)) throw notFound();
    const change = intent === 'meeting-accept' ? acceptMeeting : intent === 'meeting-decline' ? declineMeeting : cancelMeeting;
    const outcome = await change(db, meetingId, user.id);
    if (outcome.status === 'not-found') throw notFound();
    if (outcome.status !== 'accepted' && outcome.status !== 'declined' && outcome.status !== 'cancelled') return notPossible();
    return redirectWithNotice(back, `notice.meeting.${outcome.status}`);
  }

  // Shared needs: the mentee's only.
  if (mine.role !== 'mentee') throw notFound();
  if (intent === 'needs-stop') {
    await stopSharingNeeds(db, matchId, user.id);
    return redirectWithNotice(back, 'notice.sharedNeeds.stopped');
  }
  const submission = parseWithZod(formData, { schema: sharedNeedsSchema(t) });
  if (submission.status !== 'success') return data({ form: `needs-${matchId}`, result: submission.reply() }, { status: 400 });
  const outcome = await shareNeeds(db, matchId, user.id, submission.value);
  if (outcome.status === 'not-found') throw notFound();
  if (outcome.status === 'not-possible') return redirectWithNotice(back, 'notice.match.notPossible');
  return redirectWithNotice(back, 'notice.sharedNeeds.shared');
}
