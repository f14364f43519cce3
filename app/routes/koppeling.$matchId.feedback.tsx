import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { RadioGroupField, TextAreaField } from '~/components/ui/fields';
import { SubmitButton } from '~/components/form';
import { Notice } from '~/components/ui/notice';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { feedbackGiven, feedbackMoments, matchOfParticipant, saveFeedback, type FeedbackMoment } from '~/modules/mentoring/matches.server';
import { isUuid, notFound } from '~/modules/http.server';
import { feedbackSchema, type FeedbackFields } from '~/modules/mentoring/match-schemas';
import { pageTitle } from '~/components/page-title';
import { useBrowserValidation } from '~/components/ui/validation';
import { ErrorSummary } from '~/components/ui/error-summary';

// The short feedback form the 4-week and period-end emails link to: a score 1–5 and a few words.
// Only the two people of the match; the coordinator reads the answers.

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.matchFeedback', args.data ? { name: args.data.otherName } : null);

const momentOf = (request: Request): FeedbackMoment => {
  const value = new URL(request.url).searchParams.get('moment');
  return feedbackMoments.includes(value as FeedbackMoment) ? (value as FeedbackMoment) : 'four-weeks';
};

async function guard(request: Request, matchId: string | undefined) {
  const user = await requireUser(request);
  if (!isUuid(matchId)) throw notFound();
  const ctx = await matchOfParticipant(getDb(), matchId, user.id);
  if (!ctx || ctx.match.acceptedAt === null) throw notFound();
  return { user, ctx };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, ctx } = await guard(request, params.matchId);
  const moment = momentOf(request);
  const other = ctx.role === 'mentee' ? ctx.mentor : ctx.mentee;
  return {
    id: ctx.match.id,
    moment,
    otherName: other.name,
    done: (await feedbackGiven(getDb(), ctx.match.id, user.id, moment)) ? ('already' as const) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ctx } = await guard(request, params.matchId);
  const moment = momentOf(request);
  const t = translator(localeFromRequest(request));
  const submission = parseWithZod(await request.formData(), { schema: feedbackSchema(t) });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const outcome = await saveFeedback(getDb(), ctx.match.id, user.id, moment, submission.value);
  if (outcome.status === 'not-found' || outcome.status === 'not-possible') throw notFound();
  // Done: back to the match, whose page says so (a second answer for the same moment was not stored).
  return redirectWithNotice(
    `/koppeling/${ctx.match.id}`,
    outcome.status === 'saved' ? 'notice.match.feedbackSaved' : 'notice.match.feedbackAlready',
  );
}

export default function FeedbackPage() {
  const t = useT();
  const { id, moment, otherName, done } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [form, fields] = useForm<FeedbackFields>({
    id: 'feedback',
    lastResult: acted?.result,
    ...useBrowserValidation(() => feedbackSchema(t), [t.locale]),
  });
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{moment === 'end' ? t('matches.feedback.titleEnd') : t('matches.feedback.title')}</h1>
      {done ? (
        <Notice>{t('notice.match.feedbackAlready')}</Notice>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('matches.feedback.intro', { name: otherName })}</p>
          <Form method="post" action={`/koppeling/${id}/feedback?moment=${moment}`} {...getFormProps(form)}>
            <ErrorSummary form={form} />
            <RadioGroupField
              meta={fields.rating}
              legend={t('matches.feedback.rating')}
              description={t('matches.feedback.ratingHint')}
              options={(['1', '2', '3', '4', '5'] as const).map((n) => ({ value: n, label: t(`matches.feedback.rating${n}`) }))}
              required
            />
            <TextAreaField meta={fields.comment} label={t('matches.feedback.comment')} description={t('matches.feedback.commentHint')} />
            <SubmitButton>{t('matches.feedback.submit')}</SubmitButton>
          </Form>
        </>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/koppeling/${id}`}>
          {t('matches.feedback.back')}
        </Link>
      </p>
    </div>
  );
}
