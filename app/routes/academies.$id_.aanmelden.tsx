import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { CheckboxField, SelectField, TextAreaField, TextField } from '~/components/ui/fields';
import { ErrorSummary } from '~/components/ui/error-summary';
import { DisabilitySection, ExtraQuestions, FocusGroupsSection } from '~/components/application-sections';
import { Banner } from '~/components/course-parts';
import { SubmitButton } from '~/components/form';
import { pageTitle } from '~/components/page-title';
import { localeFromRequest, translator, useT } from '~/i18n';
import { getUser, requireUser } from '~/modules/auth/session.server';
import { listMunicipalities, listProvinces } from '~/modules/courses/catalogue.server';
import { applyToAcademy, changeApplication, openCall, ownApplication } from '~/modules/academies/applications.server';
import { academyApplicationSchema, type AcademyApplicationFields } from '~/modules/academies/application-schema';
import { useBrowserValidation } from '~/components/ui/validation';
import { notFound } from '~/modules/http.server';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.academyApply', args.data ? { academy: args.data.academy.name } : null);

async function callOr404(id: string | undefined) {
  const call = await openCall(getDb(), id);
  if (!call) throw notFound();
  return call;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = await callOr404(params.id);
  const db = getDb();
  const user = await getUser(request);
  const academy = { id: call.academy.id, name: call.academy.name, organisationName: call.organisationName };
  const url = new URL(request.url);
  if (!user) return { academy, loggedIn: false as const, loginUrl: `/inloggen?redirectTo=${encodeURIComponent(url.pathname)}` };
  const [own, municipalities, provinces] = await Promise.all([
    ownApplication(db, user.id, call.academy.id),
    listMunicipalities(db),
    listProvinces(db),
  ]);
  return {
    academy,
    loggedIn: true as const,
    // A live application is changed here while it is still open; a decided one is seen on /account.
    mode: own ? (own.status === 'submitted' ? ('change' as const) : ('decided' as const)) : ('new' as const),
    questions: call.academy.questions,
    municipalityGroups: provinces.map((p) => ({
      label: p.name,
      options: municipalities.filter((m) => m.provinceCode === p.code).map((m) => ({ value: m.code, label: m.name })),
    })),
    prefill: own
      ? {
          motivation: own.motivation,
          experience: own.experience,
          municipality: own.municipalityCode ?? '',
          party: own.party,
          noParty: own.noParty ? 'on' : '',
          availability: own.availability,
          q: own.answers,
          focusGroups: own.focusGroups,
          disability: own.disability ? 'on' : '',
          disabilityConsent: own.disability ? 'on' : '',
        }
      : {},
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const call = await callOr404(params.id);
  const db = getDb();
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const submission = parseWithZod(await request.formData(), { schema: academyApplicationSchema(t, call.academy.questions) });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const own = await ownApplication(db, user.id, call.academy.id);
  if (own) {
    const changed = await changeApplication(db, user.id, own.id, submission.value);
    if (changed === 'changed') return redirectWithNotice('/account/academies', 'notice.academyApplication.changed');
    return data({ result: submission.reply({ formErrors: [t('academyApply.closed')] }) }, { status: 409 });
  }
  const outcome = await applyToAcademy(db, user, call.academy.id, submission.value, locale);
  if (outcome.status === 'created') return redirectWithNotice('/account/academies', 'notice.academyApplication.sent');
  return data(
    { result: submission.reply({ formErrors: [t(outcome.status === 'duplicate' ? 'academyApply.duplicate' : 'academyApply.closed')] }) },
    { status: 409 },
  );
}

export default function ApplyToAcademy() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="pa-narrow pa-signup">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/academies/${page.academy.id}`}>
          {t('academyApply.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('academyApply.title', { academy: page.academy.name })}</h1>
      <p className="utrecht-paragraph">{page.academy.organisationName}</p>
      {!page.loggedIn ? (
        <Banner kind="info" title={t('academyApply.loginTitle')}>
          <p className="utrecht-paragraph">{t('academyApply.loginBody')}</p>
          <p className="utrecht-paragraph pa-inline-actions">
            <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={page.loginUrl}>
              {t('academyApply.login')}
            </Link>{' '}
            <Link className="utrecht-link" to="/registreren">
              {t('academyApply.register')}
            </Link>
          </p>
        </Banner>
      ) : page.mode === 'decided' ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/account/academies">
            {t('academyApply.seeAccount')}
          </Link>
        </p>
      ) : (
        <ApplicationForm />
      )}
    </div>
  );
}

function ApplicationForm() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [form, fields] = useForm<AcademyApplicationFields>({
    id: 'academy-application',
    lastResult: acted?.result,
    defaultValue: page.loggedIn ? page.prefill : {},
    ...useBrowserValidation(() => academyApplicationSchema(t, page.loggedIn ? page.questions : []), [t.locale, page]),
  });
  if (!page.loggedIn || page.mode === 'decided') return null;
  const answers = fields.q.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} className="pa-course-form pa-application-form">
      <ErrorSummary form={form} />
      <p className="utrecht-paragraph">{page.mode === 'change' ? t('academyApply.changeIntro') : t('academyApply.intro')}</p>
      <TextAreaField
        meta={fields.motivation}
        label={t('academyApply.motivation')}
        description={t('academyApply.motivationHint')}
        required
      />
      <TextAreaField meta={fields.experience} label={t('academyApply.experience')} description={t('academyApply.experienceHint')} />
      <SelectField
        meta={fields.municipality}
        label={t('academyApply.municipality')}
        placeholder={t('academyApply.chooseMunicipality')}
        groups={page.municipalityGroups}
      />
      <TextField meta={fields.party} label={t('academyApply.party')} required={false} />
      <CheckboxField meta={fields.noParty} label={t('academyApply.noParty')} />
      <TextAreaField meta={fields.availability} label={t('academyApply.availability')} description={t('academyApply.availabilityHint')} />
      <ExtraQuestions questions={page.questions} answers={answers} />
      <FocusGroupsSection meta={fields.focusGroups} hint={t('academyApply.identityHint')} />
      <DisabilitySection
        disability={fields.disability}
        consent={fields.disabilityConsent}
        uses={[t('academyApply.disabilityUse'), t('academyApply.disabilityNeverReviewer')]}
      />
      <SubmitButton>{page.mode === 'change' ? t('academyApply.saveChanges') : t('academyApply.submit')}</SubmitButton>
    </Form>
  );
}
