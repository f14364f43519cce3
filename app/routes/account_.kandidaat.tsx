import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { ErrorSummary } from '~/components/ui/error-summary';
import { RadioGroupField } from '~/components/ui/fields';
import { useBrowserValidation } from '~/components/ui/validation';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { findElection, outcomesOf, saveOutcomes } from '~/modules/reports/outcomes.server';
import { candidacySchema, type CandidacyFields } from '~/modules/reports/schemas';
import { pageTitle } from '~/components/page-title';

// /account/kandidaat — people tell us at any time whether they were on a candidate list or elected.

export const meta: MetaFunction = (args) => pageTitle(args, 'title.accountCandidate');

const formatDay = (locale: 'nl' | 'en', day: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );

const toChoice = (value: boolean | null) => (value === true ? 'ja' : value === false ? 'nee' : 'onbekend');
const fromChoice = (value: string | undefined) => (value === 'ja' ? true : value === 'nee' ? false : null);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = localeFromRequest(request);
  const rows = await outcomesOf(getDb(), user.id);
  return {
    elections: rows.map((e) => ({
      id: e.id,
      name: locale === 'en' ? e.nameEn : e.nameNl,
      day: formatDay(locale, e.electionDate),
      onList: toChoice(e.onList),
      elected: toChoice(e.elected),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const form = await request.formData();
  const electionId = String(form.get('electionId') ?? '');
  const election = electionId ? await findElection(db, electionId) : undefined;
  if (!election) throw new Response('Not Found', { status: 404 });
  const submission = parseWithZod(form, { schema: candidacySchema(translator(localeFromRequest(request))) });
  if (submission.status !== 'success') return data({ electionId: election.id, result: submission.reply() }, { status: 400 });
  await saveOutcomes(db, user.id, election.id, {
    onList: fromChoice(submission.value.onList),
    elected: fromChoice(submission.value.elected),
  });
  return redirectWithNotice(request, 'notice.candidate.saved');
}

export default function Candidacy() {
  const t = useT();
  const { elections } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  return (
    <div className="pa-narrow">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/account">
          {t('reports.candidate.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('reports.candidate.title')}</h1>
      <p className="utrecht-paragraph">{t('reports.candidate.intro')}</p>
      {elections.length === 0 ? <p className="utrecht-paragraph">{t('reports.candidate.none')}</p> : null}
      {elections.map((e) => (
        <section className="pa-section" aria-labelledby={`election-${e.id}`} key={e.id}>
          <h2 className="utrecht-heading-2" id={`election-${e.id}`}>
            {e.name}
          </h2>
          <p className="utrecht-paragraph">{t('reports.candidate.electionDay', { date: e.day })}</p>
          <CandidacyForm election={e} lastResult={acted?.electionId === e.id ? acted.result : undefined} />
        </section>
      ))}
    </div>
  );
}

type Election = { id: string; onList: string; elected: string };

/** One election's two questions; each election has its own form (and Conform id). */
function CandidacyForm({ election, lastResult }: { election: Election; lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const [form, fields] = useForm<CandidacyFields>({
    id: `candidacy-${election.id}`,
    lastResult,
    defaultValue: { onList: election.onList, elected: election.elected },
    ...useBrowserValidation(() => candidacySchema(t), [t.locale]),
  });
  const options = [
    { value: 'ja', label: t('reports.outcome.yes') },
    { value: 'nee', label: t('reports.outcome.no') },
    { value: 'onbekend', label: t('reports.candidate.unknown') },
  ];
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="electionId" value={election.id} />
      <RadioGroupField meta={fields.onList} legend={t('reports.candidate.onList')} options={options} />
      <RadioGroupField meta={fields.elected} legend={t('reports.candidate.elected')} options={options} />
      <SubmitButton>{t('reports.candidate.save')}</SubmitButton>
    </Form>
  );
}
