import { getFormProps, useForm } from '@conform-to/react';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { privacyVersion } from '~/content/privacy';
import { CheckboxField, RadioGroupField, SelectField, TextAreaField, TextField } from '~/components/ui/fields';
import { AccessibilityAidsField } from '~/components/accessibility-aids';
import { ExtraQuestions } from '~/components/application-sections';
import { signUpSchema, type SignUpFields } from '~/modules/courses/sign-up-schema';
import { useBrowserValidation } from '~/components/ui/validation';
import { Banner, CourseErrorBoundary } from '~/components/course-parts';
import { Honeypot, SubmitButton } from '~/components/form';
import { localeFromRequest, translator, useT, type MessageKey } from '~/i18n';
import { clientIp } from '~/load-context';
import { isOwnAddress, normalizeEmail } from '~/modules/auth/accounts.server';
import { getUser } from '~/modules/auth/session.server';
import { now } from '~/modules/clock.server';
import {
  getPublicCourse,
  getSignUpCourse,
  listMunicipalities,
  listProvinces,
  municipalityExists,
  placeText,
} from '~/modules/courses/catalogue.server';
import { formatSession } from '~/modules/time';
import { signUp } from '~/modules/courses/registrations.server';
import { requestSignUp } from '~/modules/courses/sign-up-requests.server';
import { registrationSources as SOURCES } from '~/modules/labels';
import { honeypotFilled, minutesFrom } from '~/modules/forms.server';
import { hit, rules } from '~/modules/security/rate-limit.server';
import { pageTitle } from '~/components/page-title';
import { ErrorSummary } from '~/components/ui/error-summary';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.courseSignUp', args.data ? { course: args.data.title } : null);

const UTM_FIELDS = ['utm_source', 'utm_medium', 'utm_campaign'] as const;
async function loadCourse(id: string | undefined) {
  const course = await getPublicCourse(getDb(), id ?? '', now());
  if (!course) throw new Response('Not Found', { status: 404 });
  return course;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const course = await loadCourse(params.id);
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const db = getDb();
  const [municipalities, provinces, user] = await Promise.all([listMunicipalities(db), listProvinces(db), getUser(request)]);
  const url = new URL(request.url);
  const utm = Object.fromEntries(UTM_FIELDS.map((name) => [name, (url.searchParams.get(name) ?? '').slice(0, 100)]));
  const venue = placeText(t, course);
  const first = course.sessions[0] ? formatSession(locale, course.sessions[0], venue) : null;
  return {
    id: course.id,
    title: course.title,
    when: first ? t('courses.signup.when', { date: first.date, time: first.time, count: course.sessions.length }) : '',
    place: venue,
    availability: course.availability,
    seatsLeft: course.seatsLeft,
    // A hybrid course's choice, each pool with its free seats or "full: waitlist".
    poolOptions:
      course.format === 'hybrid'
        ? course.pools.map((p) => ({
            value: p.pool,
            label: t(`pools.pool.${p.pool}`),
            note: p.seatsLeft > 0 ? t('pools.seatsLeft', { count: p.seatsLeft }) : t('pools.full'),
          }))
        : null,
    questions: course.questions,
    municipalityGroups: provinces.map((p) => ({
      label: p.name,
      options: municipalities.filter((m) => m.provinceCode === p.code).map((m) => ({ value: m.code, label: m.name })),
    })),
    prefill: { name: user?.name ?? '', email: user?.email ?? '', ...utm },
    loggedIn: Boolean(user),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // The action reads only what a sign-up needs; signUp re-checks the course under its lock.
  const found = await getSignUpCourse(getDb(), params.id ?? '');
  if (!found) throw new Response('Not Found', { status: 404 });
  const { ctx, questions } = found;
  const course = { id: ctx.course.id, questions };
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const db = getDb();
  const formData = await request.formData();
  // A bot filled in the hidden field: nothing is stored, and it is sent back to the course page.
  if (honeypotFilled(formData)) return redirect(`/cursussen/${course.id}`, 303);

  const hybrid = ctx.course.format === 'hybrid';
  const submission = await parseWithZod(formData, {
    schema: signUpSchema(t, course.questions, (code) => municipalityExists(db, code), hybrid),
    async: true,
  });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });

  const limit = await hit(db, rules.signupPerIp, clientIp(context));
  if (!limit.allowed) {
    return data(submission.reply({ formErrors: [t('form.rateLimited', { count: minutesFrom(limit.retryAfterSeconds) })] }), {
      status: 429,
    });
  }

  const value = submission.value;
  const user = await getUser(request);
  const utm = Object.fromEntries(
    UTM_FIELDS.flatMap((name) => {
      const v = value[name]?.trim().slice(0, 100);
      return v ? [[name.slice(4), v]] : [];
    }),
  );
  const answers = Object.fromEntries(Object.entries(value.q ?? {}).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const input = {
    name: value.name,
    municipalityCode: value.municipality,
    phone: value.phone ?? null,
    answers,
    accessibilityNeeds: value.accessibilityNeeds ?? null,
    accessibilityAids: value.accessibilityAids,
    ...(value.pool ? { pool: value.pool } : {}),
    source: value.source ?? null,
    utm: Object.keys(utm).length ? utm : null,
    locale,
    privacyVersion,
    // Linked to the account only when it is the account's own address: someone logged in who signs
    // up another address must not see that person's registration on their account page.
    userId: user && normalizeEmail(user.email) === normalizeEmail(value.email) ? user.id : null,
  };
  const closed = (reason: string) =>
    data(submission.reply({ formErrors: [t(closedKey(reason)), t('courses.signup.closedBody')] }), { status: 409 });

  // ADR 011: only someone logged in with this very address (confirmed) sees the outcome at once.
  if (isOwnAddress(user, value.email)) {
    const result = await signUp(db, course.id, { ...input, email: value.email }, ctx);
    if (result.status === 'not-found') throw new Response('Not Found', { status: 404 });
    if (result.status === 'closed') return closed(result.reason);
    return signedUp(result);
  }
  // Everyone else gets the same answer for every address: "check your email".
  const result = await requestSignUp(db, course.id, value.email, input);
  if (result.status === 'not-found') throw new Response('Not Found', { status: 404 });
  if (result.status === 'closed') return closed(result.reason);
  return redirect(`/cursussen/${course.id}/aanmelden/verstuurd`, 303);
}

/** The heading that says why sign-up is closed. */
function closedKey(reason: string): MessageKey {
  switch (reason) {
    case 'not-yet-open':
      return 'courses.page.notYetOpen';
    case 'deadline-passed':
    case 'started':
    case 'ended':
    case 'cancelled':
      return `courses.closed.${reason}`;
    default:
      return 'courses.page.closedBody';
  }
}

const sourceKeys: Record<(typeof SOURCES)[number], MessageKey> = {
  'social-media': 'courses.signup.source.social-media',
  'friend-family': 'courses.signup.source.friend-family',
  party: 'courses.signup.source.party',
  municipality: 'courses.signup.source.municipality',
  newsletter: 'courses.signup.source.newsletter',
  other: 'courses.signup.source.other',
};

export default function SignUp() {
  const t = useT();
  const course = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<SignUpFields>({
    id: 'course-signup',
    lastResult,
    defaultValue: course.prefill,
    ...useBrowserValidation(
      () =>
        signUpSchema(
          t,
          course.questions,
          (code) => course.municipalityGroups.some((g) => g.options.some((o) => o.value === code)),
          course.poolOptions !== null,
        ),
      [t.locale, course.questions, course.municipalityGroups],
    ),
  });
  const answers = fields.q.getFieldset();
  const open = course.availability === 'open' || course.availability === 'full';
  return (
    <div className="pa-narrow pa-signup">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/cursussen/${course.id}`}>
          {t('courses.signup.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('courses.signup.title')}</h1>
      <div className="pa-card pa-signup__course">
        <p className="utrecht-paragraph pa-signup__course-title">{course.title}</p>
        {course.when ? <p className="utrecht-paragraph">{course.when}</p> : null}
        {course.place ? <p className="utrecht-paragraph">{course.place}</p> : null}
        {open ? (
          <p className={`pa-seats${course.availability === 'full' ? ' pa-seats--full' : ''}`}>
            {course.availability === 'full' ? t('courses.signup.fullNote') : t('courses.card.seatsLeft', { count: course.seatsLeft })}
          </p>
        ) : null}
      </div>

      {!open ? (
        <Banner kind="warning" title={t(closedKey(course.availability))}>
          <p className="utrecht-paragraph">
            {t('courses.signup.closedBody')}{' '}
            <Link className="utrecht-link" to="/cursussen">
              {t('courses.page.otherCourses')}
            </Link>
          </p>
        </Banner>
      ) : (
        <Form method="post" {...getFormProps(form)} className="pa-course-form">
          <ErrorSummary form={form} />
          <p className="utrecht-paragraph">{course.loggedIn ? t('courses.signup.introLoggedIn') : t('courses.signup.intro')}</p>

          {course.poolOptions ? (
            <RadioGroupField
              meta={fields.pool}
              legend={t('pools.signup.legend')}
              description={t('pools.signup.hint')}
              options={course.poolOptions}
              required
            />
          ) : null}

          <h2 className="utrecht-heading-2">{t('courses.signup.you')}</h2>
          <TextField required meta={fields.name} label={t('courses.signup.name')} autoComplete="name" />
          <TextField
            required
            meta={fields.email}
            label={t('courses.signup.email')}
            type="email"
            autoComplete="email"
            description={t('courses.signup.emailHint')}
          />
          <SelectField
            meta={fields.municipality}
            label={t('courses.signup.municipality')}
            description={t('courses.signup.municipalityHint')}
            placeholder={t('courses.signup.chooseMunicipality')}
            groups={course.municipalityGroups}
            required
          />
          <TextField
            meta={fields.phone}
            label={t('courses.signup.phone')}
            type="tel"
            autoComplete="tel"
            description={t('courses.signup.phoneHint')}
            required={false}
          />

          {course.questions.length ? (
            <>
              <h2 className="utrecht-heading-2">{t('courses.signup.questions')}</h2>
              <ExtraQuestions questions={course.questions} answers={answers} />
            </>
          ) : null}

          <h2 className="utrecht-heading-2">{t('courses.signup.more')}</h2>
          <AccessibilityAidsField meta={fields.accessibilityAids} />
          <TextAreaField
            meta={fields.accessibilityNeeds}
            label={t('courses.signup.accessibilityNeeds')}
            description={t('courses.signup.accessibilityNeedsHint')}
          />
          <SelectField
            meta={fields.source}
            label={t('courses.signup.source')}
            placeholder={t('courses.signup.sourceNone')}
            options={SOURCES.map((s) => ({ value: s, label: t(sourceKeys[s]) }))}
          />
          {UTM_FIELDS.map((name) => (
            <input key={name} type="hidden" name={name} defaultValue={fields[name].initialValue ?? ''} />
          ))}

          <CheckboxField
            meta={fields.consent}
            required
            label={
              <>
                {t('courses.signup.consentBefore')}{' '}
                <a className="utrecht-link" href="/privacy">
                  {t('courses.signup.consentLink')}
                </a>
                {t('courses.signup.consentAfter')}
              </>
            }
          />
          <Honeypot />
          <SubmitButton>{course.availability === 'full' ? t('courses.signup.submitWaitlist') : t('courses.signup.submit')}</SubmitButton>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <CourseErrorBoundary />;
}

/** The sign-up's own page, with what happened: signed up, on the waitlist (and where), or already signed up. */
function signedUp(result: { status: 'confirmed' | 'waitlisted' | 'duplicate'; manageToken: string; position?: number }) {
  const page = `/aanmelding/${result.manageToken}`;
  if (result.status === 'duplicate') return redirectWithNotice(page, 'notice.signUp.already');
  if (result.status === 'waitlisted') return redirectWithNotice(page, 'notice.signUp.waitlisted', { position: result.position ?? 0 });
  return redirectWithNotice(page, 'notice.signUp.confirmed');
}
