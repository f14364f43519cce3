import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { ErrorSummary } from '~/components/ui/error-summary';
import { ActionNotice } from '~/components/ui/notice';
import { localeFromRequest, translator, useT } from '~/i18n';
import { recordOutcome, readOutcomeLink } from '~/modules/reports/outcomes.server';
import { outcomeAnswerSchema, type OutcomeAnswerFields } from '~/modules/reports/schemas';
import { pageTitle } from '~/components/page-title';

// /uitslag/:token — the one-click answer to an outcome question. GET only shows the answer with a
// button (mail scanners open links too); POST records it.

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data && 'valid' in args.data && args.data.valid
    ? pageTitle(args, 'title.outcome', { election: args.data.election }, { noindex: true })
    : pageTitle(args, 'title.outcomeUnknown', {}, { noindex: true });

const readLink = (token: string | undefined) => readOutcomeLink(getDb(), token);

const parseAnswer = (value: unknown) => (value === 'ja' ? true : value === 'nee' ? false : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await readLink(params.token);
  if (!found) return data({ valid: false as const }, { status: 404 });
  const locale = localeFromRequest(request);
  const answer = parseAnswer(new URL(request.url).searchParams.get('antwoord'));
  return {
    valid: true as const,
    question: found.link.question,
    election: locale === 'en' ? found.election.nameEn : found.election.nameNl,
    answer: answer === null ? null : answer ? ('ja' as const) : ('nee' as const),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const found = await readLink(params.token);
  if (!found) return data({ saved: false, invalid: true, result: undefined }, { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: outcomeAnswerSchema(translator(localeFromRequest(request))) });
  if (submission.status !== 'success') return data({ saved: false, invalid: false, result: submission.reply() }, { status: 400 });
  await recordOutcome(getDb(), found.link.userId, found.link.electionId, found.link.question, submission.value.answer);
  return { saved: true, invalid: false, result: undefined };
}

export default function OutcomeAnswer() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  // The answer is the button pressed: nothing to check in the browser, only the server's reply to show.
  const [form] = useForm<OutcomeAnswerFields>({ id: 'outcome', lastResult: acted?.result });
  if (!d.valid || acted?.invalid) {
    return (
      <div className="pa-narrow">
        <h1 className="utrecht-heading-1">{t('reports.outcome.title')}</h1>
        <p className="utrecht-paragraph">{t('reports.outcome.invalid')}</p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/account/kandidaat">
            {t('reports.outcome.toAccount')}
          </Link>
        </p>
      </div>
    );
  }
  const question =
    d.question === 'list'
      ? t('reports.outcome.listQuestion', { election: d.election })
      : t('reports.outcome.electedQuestion', { election: d.election });
  return (
    <div className="pa-narrow">
      {/* A one-time link's answer: it cannot be read again from an address, so it comes as action data. */}
      {acted?.saved ? <ActionNotice>{t('reports.outcome.thanks')}</ActionNotice> : null}
      <h1 className="utrecht-heading-1">{t('reports.outcome.title')}</h1>
      {acted?.saved ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/account/kandidaat">
            {t('reports.outcome.toAccount')}
          </Link>
        </p>
      ) : (
        <>
          <p className="utrecht-paragraph">
            <strong>{question}</strong>
          </p>
          {d.answer ? (
            <>
              <p className="utrecht-paragraph">{d.answer === 'ja' ? t('reports.outcome.confirmYes') : t('reports.outcome.confirmNo')}</p>
              <p className="utrecht-paragraph">{t('reports.outcome.confirmIntro')}</p>
              <Form method="post" {...getFormProps(form)}>
                <ErrorSummary form={form} />
                <input type="hidden" name="antwoord" value={d.answer} />
                <SubmitButton>{t('reports.outcome.submit')}</SubmitButton>
              </Form>
            </>
          ) : (
            <Form method="post" {...getFormProps(form)}>
              <ErrorSummary form={form} />
              <p className="pa-inline-actions">
                <SubmitButton name="antwoord" value="ja">
                  {t('reports.outcome.yes')}
                </SubmitButton>{' '}
                <SubmitButton name="antwoord" value="nee">
                  {t('reports.outcome.no')}
                </SubmitButton>
              </p>
            </Form>
          )}
        </>
      )}
    </div>
  );
}
