import { getFormProps, useForm } from '@conform-to/react';
import { useBrowserValidation } from '~/components/ui/validation';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { Hidden, useDates } from '~/components/manage-courses';
import { RadioGroupField, SelectField, TextField } from '~/components/ui/fields';
import { localeFromRequest, translator, useT, type MessageKey } from '~/i18n';
import {
  addRegistrationByCoordinator,
  cancelRegistrationByCoordinator,
  registrationOfCourse,
} from '~/modules/courses/manage/registrations.server';
import { courseRegistrations, municipalityCodes, municipalityOptions } from '~/modules/courses/manage/reading.server';
import { manualAddSchema, type ManualAddFields } from '~/modules/courses/manage/schemas';
import { notFound } from '~/modules/http.server';
import { requireCourseOfCoordinator, scopeOf } from '~/modules/organisations/guards.server';
import { DataTable } from '~/components/ui/data-table';
import { needsText } from '~/modules/courses/aids';
import { pageTitle, routeData } from '~/components/page-title';
import { ErrorSummary } from '~/components/ui/error-summary';

export const meta: MetaFunction = (args) => {
  const course = routeData<{ course?: { title: string } }>(args.matches, 'routes/beheer.cursussen.$id')?.course;
  return pageTitle(args, 'title.manageCourseRegistrations', course ? { course: course.title } : null);
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const coordinator = await requireCourseOfCoordinator(request, params.id);
  const db = getDb();
  const scope = scopeOf(coordinator);
  const found = (await courseRegistrations(db, scope, coordinator.course.id))!;
  const url = new URL(request.url);
  const cancelId = url.searchParams.get('afmelden');
  const toCancel = cancelId ? await registrationOfCourse(db, scope, coordinator.course.id, cancelId) : null;
  const t = translator(localeFromRequest(request));
  return {
    course: {
      id: found.course.id,
      status: found.course.status,
      capacity: found.course.capacity,
      language: found.course.language,
      hybrid: found.course.format === 'hybrid',
    },
    questions: found.questions.map((q) => ({ id: q.id, label: q.label, kind: q.kind })),
    people: found.people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      phone: p.phone,
      municipalityName: p.municipalityName,
      status: p.status,
      pool: p.pool,
      position: p.position,
      createdAt: p.createdAt,
      cancelledAt: p.cancelledAt,
      offerExpiresAt: p.offerExpiresAt,
      answers: p.answers,
      accessibilityNeeds: needsText(t, p),
      byCoordinator: p.source === 'coordinator',
    })),
    toCancel:
      toCancel && toCancel.status !== 'cancelled'
        ? { id: toCancel.id, name: toCancel.name, email: toCancel.email, status: toCancel.status }
        : null,
    municipalities: await municipalityOptions(db),
  };
}

const addProblems: Record<string, MessageKey> = {
  duplicate: 'manageCourses.add.duplicate',
  full: 'manageCourses.add.full',
  'not-published': 'manageCourses.add.notPublished',
};

export async function action({ request, params }: ActionFunctionArgs) {
  const coordinator = await requireCourseOfCoordinator(request, params.id);
  const db = getDb();
  const scope = scopeOf(coordinator);
  const id = coordinator.course.id;
  const t = translator(localeFromRequest(request));
  const formData = await request.formData();
  const intent = formData.get('intent');
  const base = `/beheer/cursussen/${id}/aanmeldingen`;

  if (intent === 'cancel-registration') {
    const registrationId = String(formData.get('registrationId') ?? '');
    // The person gets an email at once: only the confirmation step's button (confirm=yes) cancels.
    // Anything else (a bookmarked or forged post) goes to that step, without changing anything.
    if (!confirmed(formData)) {
      if (!(await registrationOfCourse(db, scope, id, registrationId))) throw notFound();
      return redirect(`${base}?afmelden=${registrationId}#afmelden`);
    }
    const outcome = await cancelRegistrationByCoordinator(db, scope, id, registrationId);
    if (outcome.status === 'not-found') throw notFound();
    return redirectWithNotice(
      base,
      outcome.status === 'cancelled' ? 'notice.course.registrationCancelled' : 'notice.course.alreadyCancelled',
    );
  }
  if (intent === 'add') {
    const hybrid = coordinator.course.format === 'hybrid';
    const submission = parseWithZod(formData, { schema: manualAddSchema(t, await municipalityCodes(db), hybrid) });
    if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
    const outcome = await addRegistrationByCoordinator(db, scope, id, submission.value);
    if (outcome.status === 'not-found') throw notFound();
    if (outcome.status === 'confirmed') return redirectWithNotice(base, 'notice.course.added');
    if (outcome.status === 'waitlisted') return redirectWithNotice(base, 'notice.course.addedToWaitlist', { position: outcome.position });
    const message = t(addProblems[outcome.status]!);
    return data(submission.reply(outcome.status === 'duplicate' ? { fieldErrors: { email: [message] } } : { formErrors: [message] }), {
      status: 400,
    });
  }
  throw new Response('Bad Request', { status: 400 });
}

type Person = ReturnType<typeof useLoaderData<typeof loader>>['people'][number];

export default function Registrations() {
  const t = useT();
  const dates = useDates();
  const { course, questions, people, toCancel, municipalities } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<ManualAddFields>({
    id: 'add-person',
    lastResult,
    defaultValue: { locale: course.language },
    ...useBrowserValidation(() => manualAddSchema(t, new Set(municipalities.map((m) => m.code))), [t.locale, municipalities]),
  });
  const seated = people.filter((p) => p.status === 'confirmed' || p.status === 'offered');
  const waiting = people.filter((p) => p.status === 'waitlisted');
  const cancelled = people.filter((p) => p.status === 'cancelled');
  const confirmed = seated.filter((p) => p.status === 'confirmed').length;
  const base = `/beheer/cursussen/${course.id}/aanmeldingen`;

  const answersOf = (p: Person) => {
    const items = questions
      .map((q) => ({ q, value: p.answers[q.id] ?? p.answers[q.label] }))
      .filter((a) => a.value !== undefined && a.value !== '');
    if (!items.length) return null;
    return (
      <ul className="pa-plain-list">
        {items.map(({ q, value }) => (
          <li key={q.id}>
            <span className="pa-label">{/[?:.!]$/.test(q.label) ? q.label : `${q.label}:`}</span>{' '}
            {q.kind === 'yes-no' ? yesNo(value!, t) : value}
          </li>
        ))}
      </ul>
    );
  };
  const cancelLink = (p: Person) => (
    <Link className="utrecht-link" to={`${base}?afmelden=${p.id}#afmelden`}>
      {t('manageCourses.registrations.cancel')}
      <Hidden> {p.name}</Hidden>
    </Link>
  );

  return (
    <>
      <h2 className="utrecht-heading-2">{t('manageCourses.registrations.heading')}</h2>

      {toCancel ? (
        <ConfirmStep
          id="afmelden"
          heading={t('manageCourses.registrations.confirmHeading', { name: toCancel.name })}
          intent="cancel-registration"
          fields={{ registrationId: toCancel.id }}
          submit={t('manageCourses.registrations.confirmSubmit')}
          keepTo={base}
          keep={t('manageCourses.registrations.keep')}
        >
          <p className="utrecht-paragraph">
            {t(
              toCancel.status === 'waitlisted' ? 'manageCourses.registrations.confirmWaitlist' : 'manageCourses.registrations.confirmSeat',
              { name: toCancel.name, email: toCancel.email },
            )}
          </p>
        </ConfirmStep>
      ) : null}

      <p className="utrecht-paragraph">
        {t('manageCourses.registrations.summary', {
          confirmed,
          count: course.capacity,
          offered: seated.length - confirmed,
          waiting: waiting.length,
          cancelled: cancelled.length,
        })}
      </p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={`/beheer/cursussen/${course.id}/export.csv`} download>
          {t('manageCourses.registrations.export')}
        </a>
      </p>

      <section className="pa-section" aria-labelledby="seated-caption">
        {seated.length === 0 ? (
          <>
            <h3 className="utrecht-heading-3" id="seated-caption">
              {t('manageCourses.registrations.seated')}
            </h3>
            <p className="utrecht-paragraph">{t('manageCourses.registrations.noneSeated')}</p>
          </>
        ) : (
          <DataTable
            id="seated-caption"
            caption={t('manageCourses.registrations.seated')}
            rows={seated}
            rowKey={(p) => p.id}
            stack="wide"
            columns={[
              { key: 'name', header: t('manageCourses.csv.name'), rowHeader: true, cell: (p) => p.name },
              {
                key: 'contact',
                header: t('manageCourses.registrations.contact'),
                cell: (p) => (
                  <>
                    {p.email}
                    {p.phone ? (
                      <>
                        <br />
                        {p.phone}
                      </>
                    ) : null}
                  </>
                ),
              },
              { key: 'municipality', header: t('manageCourses.csv.municipality'), cell: (p) => p.municipalityName },
              course.hybrid && { key: 'pool', header: t('pools.coordinator.column'), cell: (p) => t(`pools.pool.${p.pool}`) },
              {
                key: 'status',
                header: t('manageCourses.csv.status'),
                cell: (p) => (
                  <>
                    {t(`manageCourses.status.${p.status}`)}
                    {p.status === 'offered' && p.offerExpiresAt
                      ? ` ${t('manageCourses.registrations.until', { date: dates.moment(p.offerExpiresAt) })}`
                      : ''}
                    {p.byCoordinator ? ` ${t('manageCourses.registrations.byCoordinator')}` : ''}
                  </>
                ),
              },
              { key: 'registeredAt', header: t('manageCourses.csv.registeredAt'), cell: (p) => dates.moment(p.createdAt) },
              questions.length ? { key: 'answers', header: t('manageCourses.registrations.answers'), cell: answersOf } : null,
              {
                key: 'accessibility',
                header: t('manageCourses.csv.accessibility'),
                className: 'pa-pre-line',
                cell: (p) => p.accessibilityNeeds,
              },
            ]}
            actions={{ header: t('manageCourses.registrations.action'), cell: cancelLink }}
          />
        )}
      </section>

      <section className="pa-section" aria-labelledby="waitlist-caption">
        {waiting.length === 0 ? (
          <>
            <h3 className="utrecht-heading-3" id="waitlist-caption">
              {t('manageCourses.registrations.waitlist')}
            </h3>
            <p className="utrecht-paragraph">{t('manageCourses.registrations.noneWaiting')}</p>
          </>
        ) : (
          <DataTable
            id="waitlist-caption"
            caption={t('manageCourses.registrations.waitlist')}
            rows={waiting}
            rowKey={(p) => p.id}
            stack="wide"
            columns={[
              { key: 'position', header: t('manageCourses.csv.position'), numeric: true, cell: (p) => p.position },
              { key: 'name', header: t('manageCourses.csv.name'), rowHeader: true, cell: (p) => p.name },
              // Each pool has its own queue: the position counts within the pool named here.
              course.hybrid && { key: 'pool', header: t('pools.coordinator.column'), cell: (p) => t(`pools.pool.${p.pool}`) },
              { key: 'email', header: t('manageCourses.csv.email'), cell: (p) => p.email },
              { key: 'municipality', header: t('manageCourses.csv.municipality'), cell: (p) => p.municipalityName },
              { key: 'registeredAt', header: t('manageCourses.csv.registeredAt'), cell: (p) => dates.moment(p.createdAt) },
              questions.length ? { key: 'answers', header: t('manageCourses.registrations.answers'), cell: answersOf } : null,
            ]}
            actions={{ header: t('manageCourses.registrations.action'), cell: cancelLink }}
          />
        )}
      </section>

      {cancelled.length ? (
        <details className="pa-disclosure">
          <summary>{t('manageCourses.registrations.cancelledList', { count: cancelled.length })}</summary>
          <ul className="utrecht-unordered-list">
            {cancelled.map((p) => (
              <li className="utrecht-unordered-list__item" key={p.id}>
                {p.name} ({p.email}){p.cancelledAt ? `, ${dates.moment(p.cancelledAt)}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <section className="pa-section pa-narrow" aria-labelledby="add-heading">
        <h3 className="utrecht-heading-3" id="add-heading">
          {t('manageCourses.add.heading')}
        </h3>
        {course.status !== 'published' ? (
          <p className="utrecht-paragraph">{t('manageCourses.add.notPublished')}</p>
        ) : (
          <>
            <p className="utrecht-paragraph">{t('manageCourses.add.intro')}</p>
            <Form method="post" {...getFormProps(form)}>
              <ErrorSummary form={form} />
              {course.hybrid ? (
                <RadioGroupField
                  meta={fields.pool}
                  legend={t('pools.coordinator.addLegend')}
                  options={(['on-site', 'online'] as const).map((pool) => ({ value: pool, label: t(`pools.pool.${pool}`) }))}
                  required
                />
              ) : null}
              <TextField required meta={fields.name} label={t('manageCourses.add.name')} autoComplete="off" />
              <TextField required meta={fields.email} label={t('manageCourses.add.email')} type="email" autoComplete="off" />
              <SelectField
                meta={fields.municipalityCode}
                label={t('manageCourses.form.municipality')}
                options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
                placeholder={t('manageCourses.form.choose')}
                required
              />
              <SelectField
                meta={fields.locale}
                label={t('manageCourses.add.locale')}
                description={t('manageCourses.add.localeHint')}
                options={[
                  { value: 'nl', label: t('manageCourses.language.nl') },
                  { value: 'en', label: t('manageCourses.language.en') },
                ]}
                required
              />
              <SubmitButton name="intent" value="add">
                {t('manageCourses.add.submit')}
              </SubmitButton>
            </Form>
          </>
        )}
      </section>
    </>
  );
}

function yesNo(value: string, t: ReturnType<typeof useT>) {
  if (['yes', 'ja', 'true', 'on'].includes(value)) return t('manageCourses.yes');
  if (['no', 'nee', 'false', 'off'].includes(value)) return t('manageCourses.no');
  return value;
}
