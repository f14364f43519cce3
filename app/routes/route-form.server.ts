import { parseWithZod } from '@conform-to/zod/v4';
import { data } from '@remix-run/node';
import type { Db } from '~db/client.server';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator } from '~/i18n';
import { isUuid, notFound } from '~/modules/http.server';
import { matchOfParticipant } from '~/modules/mentoring/matches.server';
import { saveRouteStep, setMentorCopy } from '~/modules/candidacy/route.server';
import { mentorCopySchema, routeStepSchema } from '~/modules/candidacy/schemas';

// The candidacy route's forms on the match page (a route helper, not a route): tick a step with its
// note (mentee and mentor), and the mentee's choice to copy reminders to the mentor. Answers null for
// any other form, which the page's own handler then takes. Someone else's match answers 404.

export const routeIntents = ['route-step', 'route-copy'] as const;

export async function handleRouteForm(db: Db, request: Request, user: { id: string }, back: string) {
  const formData = await request.clone().formData();
  const intent = String(formData.get('intent') ?? '');
  if (!(routeIntents as readonly string[]).includes(intent)) return null;
  const matchId = formData.get('matchId');
  if (!isUuid(matchId)) throw notFound();
  const mine = await matchOfParticipant(db, matchId, user.id);
  if (!mine) throw notFound();
  const t = translator(localeFromRequest(request));

  if (intent === 'route-copy') {
    if (mine.role !== 'mentee') throw notFound();
    const submission = parseWithZod(formData, { schema: mentorCopySchema() });
    if (submission.status !== 'success') return data({ form: `route-copy-${matchId}`, result: submission.reply() }, { status: 400 });
    if (mine.match.status !== 'active') return redirectWithNotice(back, 'notice.match.notPossible');
    await setMentorCopy(db, matchId, submission.value.mentorCopy);
    return redirectWithNotice(back, 'notice.route.copySaved');
  }

  const stepId = formData.get('stepId');
  if (!isUuid(stepId)) throw notFound();
  const submission = parseWithZod(formData, { schema: routeStepSchema(t) });
  if (submission.status !== 'success') return data({ form: `route-step-${stepId}`, result: submission.reply() }, { status: 400 });
  const outcome = await saveRouteStep(db, {
    matchId,
    stepId,
    userId: user.id,
    done: submission.value.done,
    note: submission.value.note,
    menteeUserId: mine.mentee.id,
  });
  if (outcome.status === 'not-found') throw notFound();
  if (outcome.status === 'not-possible') return redirectWithNotice(back, 'notice.match.notPossible');
  return redirectWithNotice(back, outcome.answered && mine.role === 'mentee' ? 'notice.route.onList' : 'notice.route.saved');
}
