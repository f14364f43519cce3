import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { Notice } from '~/components/ui/notice';
import { localeFromRequest, useT, type Translate } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { findElection, outcomesOf, saveOutcomes } from '~/modules/reports/outcomes.server';
import { pageTitle } from '~/components/page-title';

// /account/kandidaat — people tell us at any time whether they were on a candidate list or elected.

export const meta: MetaFunction = (args) => pageTitle(args, 'title.accountCandidate');

const formatDay = (locale: 'nl' | 'en', day: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );

const toChoice = (value: boolean | null) => (value === true ? 'ja' : value === false ? 'nee' : '');
const fromChoice = (value: FormDataEntryValue | null) => (value === 'ja' ? true : value === 'nee' ? false : null);

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
  const choices = [form.get('onList'), form.get('elected')];
  if (choices.some((c) => c !== null && c !== '' && c !== 'ja' && c !== 'nee')) return data({ saved: null }, { status: 400 });
  await saveOutcomes(db, user.id, election.id, { onList: fromChoice(choices[0]!), elected: fromChoice(choices[1]!) });
  return { saved: election.id };
}

function Choice({ name, legend, value, electionId, t }: { name: string; legend: string; value: string; electionId: string; t: Translate }) {
  const options = [
    { value: 'ja', label: t('reports.outcome.yes') },
    { value: 'nee', label: t('reports.outcome.no') },
    { value: '', label: t('reports.candidate.unknown') },
  ];
  return (
    <fieldset className="utrecht-form-fieldset pa-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-label">{legend}</legend>
      {options.map((o) => {
        const id = `${electionId}-${name}-${o.value || 'unknown'}`;
        return (
          <div className="utrecht-form-field utrecht-form-field--radio" key={id}>
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                id={id}
                name={name}
                value={o.value}
                defaultChecked={value === o.value}
              />{' '}
              <label className="utrecht-form-label utrecht-form-label--radio-button" htmlFor={id}>
                {o.label}
              </label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
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
      {acted?.saved ? <Notice>{t('reports.candidate.saved')}</Notice> : null}
      {elections.length === 0 ? <p className="utrecht-paragraph">{t('reports.candidate.none')}</p> : null}
      {elections.map((e) => (
        <section className="pa-section" aria-labelledby={`election-${e.id}`} key={e.id}>
          <h2 className="utrecht-heading-2" id={`election-${e.id}`}>
            {e.name}
          </h2>
          <p className="utrecht-paragraph">{t('reports.candidate.electionDay', { date: e.day })}</p>
          <Form method="post">
            <input type="hidden" name="electionId" value={e.id} />
            <Choice name="onList" legend={t('reports.candidate.onList')} value={e.onList} electionId={e.id} t={t} />
            <Choice name="elected" legend={t('reports.candidate.elected')} value={e.elected} electionId={e.id} t={t} />
            <SubmitButton>{t('reports.candidate.save')}</SubmitButton>
          </Form>
        </section>
      ))}
    </div>
  );
}
