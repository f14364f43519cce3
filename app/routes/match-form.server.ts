import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from '@remix-run/node';
import { confirmed } from '~/components/ui/confirm-step';
import type { Db } from '~db/client.server';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator } from '~/i18n';
import { isUuid, notFound } from '~/modules/http.server';
import { checkInSchema, reasonSchema } from '~/modules/mentoring/match-schemas';
import { dutchToday } from '~/modules/clock.server';
import { acceptProposal, declineProposal, endMatch, logCheckIn, matchOfParticipant } from '~/modules/mentoring/matches.server';

// The forms of the match pages (accept, decline, check-in, end) post here through the actions of
// mentor._index, mentor_.voorstellen.$matchId and koppeling.$matchId._index (a route helper, not a route).
// Every change re-checks who may make it; a match of someone else answers 404.

/**
 * Handles one posted match form for the logged-in user. `back` is the page to return to; after an
 * acceptance the user goes to `afterAccept(matchId)` when given.
 */
export async function handleMatchForm(
  db: Db,
  request: Request,
  user: { id: string },
  mentorProfileId: string | null,
  back: string,
  afterAccept?: (matchId: string) => string,
) {
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const matchId = formData.get('matchId');
  if (!isUuid(matchId)) throw notFound();
  const t = translator(localeFromRequest(request));

  if (intent === 'accept' || intent === 'decline') {
    if (!mentorProfileId) throw notFound();
    if (intent === 'accept') {
      const outcome = await acceptProposal(db, matchId, mentorProfileId);
      if (outcome.status === 'not-found') throw notFound();
      if (outcome.status === 'not-possible') return redirectWithNotice(back, 'notice.match.notPossible');
      return redirectWithNotice(afterAccept ? afterAccept(matchId) : back, 'notice.match.accepted');
    }
    // Declining closes the proposal for good: only the confirmation step's button (confirm=yes)
    // declines; anything else goes to that step. Only the proposal's mentor learns of the step or of
    // an incomplete form.
    const submission = parseWithZod(formData, { schema: reasonSchema(t) });
    if (!confirmed(formData) || submission.status !== 'success') {
      const mine = await matchOfParticipant(db, matchId, user.id);
      if (!mine || mine.role !== 'mentor') throw notFound();
      if (!confirmed(formData)) return redirect(`${back}?afzeggen=${encodeURIComponent(matchId)}#afzeggen`, 303);
      return data({ form: `decline-${matchId}`, result: submission.reply() }, { status: 400 });
    }
    const outcome = await declineProposal(db, matchId, mentorProfileId, submission.value.reason);
    if (outcome.status === 'not-found') throw notFound();
    return redirectWithNotice(back, outcome.status === 'declined' ? 'notice.match.declined' : 'notice.match.notPossible');
  }

  if (intent === 'check-in' || intent === 'end') {
    const mine = await matchOfParticipant(db, matchId, user.id);
    if (!mine) throw notFound();
    if (intent === 'check-in') {
      const submission = parseWithZod(formData, { schema: checkInSchema(t, dutchToday()) });
      if (submission.status !== 'success') return data({ form: `check-in-${matchId}`, result: submission.reply() }, { status: 400 });
      const outcome = await logCheckIn(db, matchId, user.id, submission.value);
      if (outcome.status === 'not-found') throw notFound();
      return redirectWithNotice(back, outcome.status === 'logged' ? 'notice.match.checkIn' : 'notice.match.notPossible');
    }
    // Only the confirmation step's button (confirm=yes) ends it; anything else goes to that step.
    if (!confirmed(formData)) return redirect(`${back}?stoppen=${encodeURIComponent(matchId)}#stoppen`, 303);
    const submission = parseWithZod(formData, { schema: reasonSchema(t) });
    if (submission.status !== 'success') return data({ form: `end-${matchId}`, result: submission.reply() }, { status: 400 });
    const outcome = await endMatch(db, matchId, { role: mine.role, userId: user.id }, submission.value.reason);
    if (outcome.status === 'not-found') throw notFound();
    return redirectWithNotice(back, outcome.status === 'ended' ? 'notice.match.ended' : 'notice.match.notPossible');
  }

  throw new Response('Bad Request', { status: 400 });
}
