import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { getDb } from '~db/client.server';
import { CheckboxField, CheckboxGroupField, RadioGroupField, SelectField, TextAreaField, TextField } from '~/components/ui/fields';
import { Banner } from '~/components/course-parts';
import { SubmitButton } from '~/components/form';
import { localeFromRequest, translator, useT } from '~/i18n';
import { getUser, requireUser } from '~/modules/auth/session.server';
import { listMunicipalities, listProvinces } from '~/modules/courses/catalogue.server';
import { goalIds, themeIds, themeWords } from '~/modules/matching/scoring';
import {
  applicationInput,
  applicationSchema,
  defaultMunicipalityOf,
  describeNetwork,
  municipalityOf,
  networkOpenForApplications,
  openApplicationOf,
  sourceOf,
  sourceQuery,
  submitApplication,
} from '~/modules/mentoring/applications.server';
import {
  applicationMeetingModes as meetingModes,
  dayParts,
  days,
  languageIds,
  mentorGenders as genders,
  utmFields,
} from '~/modules/mentoring/application-options';
import { isUuid } from '~/modules/http.server';
import { applicationFormSchema } from '~/modules/mentoring/application-schema';
import { useBrowserValidation } from '~/components/ui/validation';
import { pageTitle } from '~/components/page-title';
import { ErrorSummary } from '~/components/ui/error-summary';
import { DisabilitySection, ExtraQuestions, FocusGroupsSection } from '~/components/application-sections';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.mentoringApply', args.data ? { network: args.data.network.name } : null);

/** The network, when it takes applications now; anything else is a 404 (with the way back to the list). */
async function openNetwork(networkId: string | undefined) {
  const found = isUuid(networkId) ? await networkOpenForApplications(getDb(), networkId) : null;
  if (!found) throw new Response('Not Found', { status: 404 });
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network, summary } = await openNetwork(params.networkId);
  const db = getDb();
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const url = new URL(request.url);
  const user = await getUser(request);
  const source = sourceOf(url.searchParams);
  const base = {
    network: { id: network.id, name: network.name, description: network.description, organisationName: summary.organisationName },
    facts: describeNetwork(t, locale, summary),
    query: sourceQuery(source),
  };
  if (!user) {
    return { ...base, loggedIn: false as const, loginUrl: `/inloggen?redirectTo=${encodeURIComponent(url.pathname + url.search)}` };
  }
  const [existing, municipalities, provinces, municipality] = await Promise.all([
    openApplicationOf(db, user.id, network.id),
    listMunicipalities(db),
    listProvinces(db),
    // The municipality chosen on /mentoraat, or else the one the person gave us last.
    municipalityOf(db, url.searchParams.get('gemeente')).then(async (chosen) => chosen?.code ?? (await defaultMunicipalityOf(db, user))),
  ]);
  return {
    ...base,
    loggedIn: true as const,
    existing: Boolean(existing),
    questions: network.intakeQuestions,
    region: { regionKind: network.regionKind, regionCodes: network.regionCodes },
    municipalityGroups: provinces.map((p) => ({
      label: p.name,
      provinceCode: p.code,
      options: municipalities.filter((m) => m.provinceCode === p.code).map((m) => ({ value: m.code, label: m.name })),
    })),
    themes: themeIds.map((id) => ({ value: id, label: themeWords(id)[locale] })),
    goals: [...goalIds],
    prefill: {
      municipality: municipality ?? '',
      languages: [locale === 'en' ? 'en' : 'nl'],
      meetingModes: [...meetingModes],
      bron: source.source ?? '',
      ...Object.fromEntries(Object.entries(source.utm ?? {}).map(([k, v]) => [`utm_${k}`, v])),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { network } = await openNetwork(params.networkId);
  const db = getDb();
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const formData = await request.formData();
  const submission = await parseWithZod(formData, { schema: applicationSchema(t, db, network), async: true });
  if (submission.status !== 'success') return data({ result: submission.reply(), existing: false }, { status: 400 });
  const outcome = await submitApplication(db, user, network.id, applicationInput(submission.value, network.intakeQuestions), locale);
  switch (outcome.status) {
    case 'created':
      return redirectWithNotice('/account/mentoraat', 'notice.application.sent');
    case 'duplicate':
      return data({ result: submission.reply({ formErrors: [t('applications.duplicate')] }), existing: true }, { status: 409 });
    default:
      throw new Response('Not Found', { status: 404 });
  }
}

// Every field optional, as the schema reads them (each rule has its own message).
type Fields = Partial<{
  municipality: string;
  phone: string;
  themes: string[];
  goals: string[];
  goalsText: string;
  party: string;
  noParty: boolean;
  meetingModes: string[];
  languages: string[];
  availability: string[];
  onlineOnly: boolean;
  mentorGender: string;
  sameParty: boolean;
  accessibilityNeeds: string;
  q: Record<string, string | undefined>;
  focusGroups: string[];
  disability: boolean;
  disabilityConsent: boolean;
  bron: string;
  utm_source: string;
  utm_medium: string;
  utm_campaign: string;
  utm_content: string;
  utm_term: string;
}>;

function NetworkCard({ network, facts }: { network: { name: string; organisationName: string }; facts: Record<string, string> }) {
  const t = useT();
  return (
    <div className="pa-card">
      <p className="utrecht-paragraph pa-signup__course-title">{network.name}</p>
      <dl className="pa-details">
        <dt>{t('mentoring.card.for')}</dt>
        <dd>{facts.focusGroup}</dd>
        <dt>{t('mentoring.card.organisation')}</dt>
        <dd>{network.organisationName}</dd>
        <dt>{t('mentoring.card.region')}</dt>
        <dd>{facts.region}</dd>
        <dt>{t('mentoring.card.period')}</dt>
        <dd>{facts.period}</dd>
      </dl>
    </div>
  );
}

export default function Apply() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="pa-narrow pa-signup">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/mentoraat${page.query}`}>
          {t('applications.form.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('applications.form.title')}</h1>
      <NetworkCard network={page.network} facts={page.facts} />
      {page.loggedIn ? (
        page.existing ? (
          <Banner kind="info" title={t('applications.form.existingTitle')}>
            <p className="utrecht-paragraph">
              {t('applications.form.existingBody')}{' '}
              <Link className="utrecht-link" to="/account/mentoraat">
                {t('applications.form.existingLink')}
              </Link>
            </p>
          </Banner>
        ) : (
          <ApplicationForm />
        )
      ) : (
        <Banner kind="info" title={t('applications.form.loginTitle')}>
          <p className="utrecht-paragraph">{t('applications.form.loginBody')}</p>
          <p className="utrecht-paragraph pa-inline-actions">
            <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={page.loginUrl}>
              {t('applications.form.login')}
            </Link>{' '}
            <Link className="utrecht-link" to="/registreren">
              {t('applications.form.register')}
            </Link>
          </p>
          <p className="utrecht-paragraph">{t('applications.form.registerNote')}</p>
        </Banner>
      )}
    </div>
  );
}

function ApplicationForm() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [form, fields] = useForm<Fields>({
    id: 'mentor-application',
    lastResult: acted?.result,
    defaultValue: page.loggedIn ? page.prefill : {},
    ...useBrowserValidation(
      () =>
        applicationFormSchema(
          t,
          page.loggedIn
            ? { ...page.region, intakeQuestions: page.questions }
            : { regionKind: 'national', regionCodes: [], intakeQuestions: [] },
          (code) => {
            const group = page.loggedIn ? page.municipalityGroups.find((g) => g.options.some((o) => o.value === code)) : undefined;
            return group ? { code, provinceCode: group.provinceCode } : null;
          },
        ),
      [t.locale, page],
    ),
  });
  if (!page.loggedIn) return null;
  const answers = fields.q.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} className="pa-course-form pa-application-form">
      <ErrorSummary form={form} />
      {acted?.existing ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/account/mentoraat">
            {t('applications.form.existingLink')}
          </Link>
        </p>
      ) : null}
      <p className="utrecht-paragraph">{t('applications.form.intro')}</p>

      <h2 className="utrecht-heading-2">{t('applications.form.you')}</h2>
      <SelectField
        meta={fields.municipality}
        label={t('applications.form.municipality')}
        description={t('applications.form.municipalityHint')}
        placeholder={t('applications.form.chooseMunicipality')}
        groups={page.municipalityGroups}
        required
      />
      <TextField
        meta={fields.phone}
        label={t('applications.form.phone')}
        type="tel"
        autoComplete="tel"
        description={t('applications.form.phoneHint')}
        required={false}
      />

      <h2 className="utrecht-heading-2">{t('applications.form.learn')}</h2>
      <CheckboxGroupField
        meta={fields.themes}
        legend={t('applications.form.themes')}
        description={t('applications.form.themesHint')}
        options={page.themes}
        required
      />
      <CheckboxGroupField
        meta={fields.goals}
        legend={t('applications.form.goals')}
        description={t('applications.form.goalsHint')}
        options={page.goals.map((goal) => ({ value: goal, label: t(`applications.goal.${goal}`) }))}
        required
      />
      <TextAreaField meta={fields.goalsText} label={t('applications.form.goalsText')} />

      <h2 className="utrecht-heading-2">{t('applications.form.party')}</h2>
      <TextField meta={fields.party} label={t('applications.form.partyName')} required={false} />
      <CheckboxField meta={fields.noParty} label={t('applications.form.noParty')} />

      <h2 className="utrecht-heading-2">{t('applications.form.meet')}</h2>
      <CheckboxGroupField
        meta={fields.meetingModes}
        legend={t('applications.form.meetingModes')}
        options={meetingModes.map((mode) => ({ value: mode, label: t(`applications.mode.${mode}`) }))}
        required
      />
      <CheckboxGroupField
        meta={fields.languages}
        legend={t('applications.form.languages')}
        options={languageIds.map((language) => ({ value: language, label: t(`applications.language.${language}`) }))}
        required
      />
      <CheckboxGroupField
        meta={fields.availability}
        legend={t('applications.form.availability')}
        description={t('applications.form.availabilityHint')}
        options={days.flatMap((day) =>
          dayParts.map((part) => ({
            value: `${day}-${part}`,
            label: `${t(`applications.day.${day}`)} ${t(`applications.dayPart.${part}`)}`,
          })),
        )}
        groups={days.map((day) => ({ label: t(`applications.day.${day}`), values: dayParts.map((part) => `${day}-${part}`) }))}
      />

      <h2 className="utrecht-heading-2">{t('applications.form.mustHaves')}</h2>
      <p className="utrecht-paragraph">{t('applications.form.mustHavesHint')}</p>
      <CheckboxField meta={fields.onlineOnly} label={t('applications.form.onlineOnly')} />
      <RadioGroupField
        meta={fields.mentorGender}
        legend={t('applications.form.mentorGender')}
        options={[
          { value: '', label: t('applications.gender.any') },
          ...genders.map((gender) => ({ value: gender, label: t(`applications.gender.${gender}`) })),
        ]}
      />
      <CheckboxField meta={fields.sameParty} label={t('applications.form.sameParty')} />

      <h2 className="utrecht-heading-2">{t('applications.form.accessibility')}</h2>
      <TextAreaField
        meta={fields.accessibilityNeeds}
        label={t('applications.form.accessibilityNeeds')}
        description={t('applications.form.accessibilityNeedsHint')}
      />

      {page.questions.length ? (
        <>
          <h2 className="utrecht-heading-2">{t('applications.form.questions')}</h2>
          <ExtraQuestions questions={page.questions} answers={answers} />
        </>
      ) : null}

      <FocusGroupsSection meta={fields.focusGroups} hint={t('applications.form.identityHint')} />

      <DisabilitySection
        disability={fields.disability}
        consent={fields.disabilityConsent}
        uses={[t('applications.form.disabilityUse'), t('applications.form.disabilityNeverMentor')]}
      />

      {['bron', ...utmFields].map((name) => (
        <input key={name} type="hidden" name={name} defaultValue={fields[name as keyof Fields].initialValue?.toString() ?? ''} />
      ))}
      <SubmitButton>{t('applications.form.submit')}</SubmitButton>
    </Form>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{notFound ? t('notFound.title') : t('error.title')}</h1>
      <p className="utrecht-paragraph">{notFound ? t('applications.form.closed') : t('error.body')}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to="/mentoraat">
          {t('applications.form.back')}
        </Link>
      </p>
    </div>
  );
}
