import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { parseWithZod } from '@conform-to/zod/v4';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { AnswersSection } from '~/components/registration-answers';
import { canChangeAnswers, changeAnswers, questionsOfCourse } from '~/modules/courses/needs.server';
import { answersSchema } from '~/modules/courses/sign-up-schema';
import { getDb } from '~db/client.server';
import { Banner, SessionsTable } from '~/components/course-parts';
import { localeFromRequest, translator, useT, type Translate } from '~/i18n';
import { now } from '~/modules/clock.server';
import { calendarDownload, venueOf } from '~/modules/courses/context.server';
import { formatMoment, formatSession } from '~/modules/time';
import {
  canStillCancel,
  cancelRegistration,
  claimOffer,
  findRegistrationByLink,
  switchOption,
  switchPool,
} from '~/modules/courses/registrations.server';
import { SeatPoolSection } from '~/components/seat-pool';
import { seatPools, type SeatPool } from '~db/schema';
import { registrationsWithCertificate } from '~/modules/courses/certificates.server';
import { pageTitle } from '~/components/page-title';
import { CourseLinkProblem } from '~/components/link-problem';

export const meta: MetaFunction<typeof loader> = (args) =>
  // The address is a key to one person's registration: keep it out of search engines.
  pageTitle(args, 'title.registration', args.data && 'found' in args.data && args.data.found ? { course: args.data.courseTitle } : null, {
    noindex: true,
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findRegistrationByLink(getDb(), params.token ?? '');
  if (!found) return data({ found: false as const }, { status: 404 });
  const { registration, ctx, position } = found;
  const locale = localeFromRequest(request);
  const at = now();
  const venue = venueOf(ctx.course, registration.pool);
  const online = venue === 'Online';
  const offerOpen = registration.status === 'offered' && Boolean(registration.offerExpiresAt && registration.offerExpiresAt > at);
  return {
    found: true as const,
    courseId: ctx.course.id,
    courseTitle: ctx.course.title,
    courseCancelled: ctx.course.status === 'cancelled',
    organisationName: ctx.organisationName,
    name: registration.name,
    status: registration.status,
    position,
    // On a hybrid course: the person's pool and the way to the other one.
    seatPool: ctx.course.format === 'hybrid' ? { pool: registration.pool, option: await switchOption(getDb(), ctx, registration) } : null,
    offerOpen,
    offerExpiresAt: registration.offerExpiresAt ? formatMoment(locale, registration.offerExpiresAt) : null,
    canCancel: registration.status !== 'cancelled' && canStillCancel(ctx, at),
    cancellationDeadline: formatDeadline(locale, ctx.course.cancellationDeadline ?? ctx.sessions[0]?.startsAt ?? null),
    cancelHint: cancelHint(
      translator(locale),
      registration.status === 'waitlisted',
      ctx.course.cancellationDeadline ?? ctx.sessions[0]?.startsAt ?? null,
      locale,
    ),
    // An online seat is shown no room, not even a session's own.
    sessions: ctx.sessions.map((s) => ({ id: s.id, ...formatSession(locale, online ? { ...s, location: '' } : s, venue) })),
    hasCalendar: calendarDownload(ctx, registration) !== null,
    hasCertificate: (await registrationsWithCertificate(getDb(), [registration.id])).has(registration.id),
    answers: {
      questions: (await questionsOfCourse(getDb(), ctx.course.id)).map((q) => ({
        id: q.id,
        kind: q.kind,
        label: q.label,
        options: q.options,
        required: q.required,
      })),
      given: registration.answers,
      aids: registration.accessibilityAids,
      needs: registration.accessibilityNeeds ?? '',
      canChange: canChangeAnswers(ctx, registration, at),
    },
  };
}

/** Why to cancel: only someone with a seat gives it to someone else; a waitlist place is not a seat. */
function cancelHint(t: Translate, waitlisted: boolean, deadline: Date | null, locale: ReturnType<typeof localeFromRequest>) {
  const date = formatDeadline(locale, deadline);
  if (waitlisted) return date ? t('courses.manage.cancel.untilWaitlist', { date }) : t('courses.manage.cancel.bodyWaitlist');
  return date ? t('courses.manage.cancel.until', { date }) : t('courses.manage.cancel.body');
}

function formatDeadline(locale: ReturnType<typeof localeFromRequest>, date: Date | null) {
  return date ? formatMoment(locale, date) : null;
}

type ActionResult = { outcome: 'confirm-cancel' | 'too-late' | 'already-cancelled' | 'expired' | 'not-offered' };

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const token = params.token ?? '';
  const found = await findRegistrationByLink(db, token);
  if (!found) return data({ found: false as const }, { status: 404 });
  const formData = await request.formData();
  const intent = formData.get('intent');
  const here = `/aanmelding/${token}`;

  if (intent === 'cancel') {
    // The first press asks "are you sure?"; only the second, with confirm=yes, cancels.
    if (formData.get('confirm') !== 'yes') return { outcome: 'confirm-cancel' } satisfies ActionResult;
    const result = await cancelRegistration(db, found.registration.id, 'participant');
    if (result.status === 'cancelled') return redirectWithNotice(here, 'notice.signUp.cancelled');
    if (result.status === 'too-late') return data({ outcome: 'too-late' } satisfies ActionResult, { status: 409 });
    return { outcome: 'already-cancelled' } satisfies ActionResult;
  }
  if (intent === 'answers') {
    const t = translator(localeFromRequest(request));
    const submission = parseWithZod(formData, { schema: answersSchema(t, await questionsOfCourse(db, found.ctx.course.id)) });
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 });
    const outcome = await changeAnswers(db, found.registration.id, submission.value);
    if (outcome === 'saved') return redirectWithNotice(here, 'notice.signUp.answersSaved');
    return data({ intent, result: submission.reply({ formErrors: [t('needs.answers.tooLate')] }) }, { status: 409 });
  }
  if (intent === 'pool') {
    const to = String(formData.get('pool') ?? '');
    if (!(seatPools as readonly string[]).includes(to)) return redirectWithNotice(here, 'notice.pool.notPossible');
    const result = await switchPool(db, found.registration.id, to as SeatPool);
    if (result.status === 'switched') return redirectWithNotice(here, `notice.pool.switched.${result.pool}`);
    return redirectWithNotice(here, result.status === 'no-seat' ? 'notice.pool.noSeat' : 'notice.pool.notPossible');
  }
  if (intent === 'claim') {
    const result = await claimOffer(db, found.registration.id);
    if (result.status === 'confirmed') return redirectWithNotice(here, 'notice.signUp.claimed');
    return data({ outcome: result.status } satisfies ActionResult, { status: 409 });
  }
  return data({ outcome: 'not-offered' } satisfies ActionResult, { status: 400 });
}

function NotFoundPage() {
  return (
    <CourseLinkProblem title="courses.manage.notFound.title" lines={['courses.manage.notFound.body', 'courses.manage.notFound.email']} />
  );
}

export default function ManageRegistration() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const location = useLocation();
  if (!loaded.found) return <NotFoundPage />;
  const r = loaded;
  const outcome = acted && 'outcome' in acted ? acted.outcome : null;

  return (
    <div className="pa-prose">
      <h1 className="utrecht-heading-1">{t('courses.manage.title')}</h1>

      {outcome && outcome !== 'confirm-cancel' ? (
        <Banner kind={outcome === 'already-cancelled' ? 'info' : 'error'} role="alert" title={t(`courses.manage.outcome.${outcome}`)} />
      ) : null}

      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {t('courses.manage.for', { name: r.name })}{' '}
        <Link className="utrecht-link" to={`/cursussen/${r.courseId}`}>
          {r.courseTitle}
        </Link>
      </p>

      <section aria-labelledby="status-heading">
        <h2 className="utrecht-heading-2" id="status-heading">
          {t('courses.manage.status')}
        </h2>
        {r.courseCancelled ? <Banner kind="warning" role="none" title={t('courses.closed.cancelled')} /> : null}
        {r.status === 'confirmed' ? (
          <p className="utrecht-paragraph pa-reg-status">
            <strong>{t('courses.manage.status.confirmed')}</strong> {t('courses.manage.status.confirmedBody')}
          </p>
        ) : null}
        {r.status === 'waitlisted' ? (
          <p className="utrecht-paragraph pa-reg-status">
            <strong>{t('courses.manage.status.waitlisted', { position: r.position ?? 0 })}</strong>{' '}
            {t('courses.manage.status.waitlistedBody')}
          </p>
        ) : null}
        {r.status === 'offered' ? (
          r.offerOpen ? (
            <Banner kind="info" role="none" title={t('courses.manage.status.offered')}>
              <p className="utrecht-paragraph">{t('courses.manage.status.offeredBody', { date: r.offerExpiresAt ?? '' })}</p>
              <Form method="post">
                <button type="submit" name="intent" value="claim" className="utrecht-button utrecht-button--primary-action">
                  {t('courses.manage.claim')}
                </button>
              </Form>
            </Banner>
          ) : (
            <p className="utrecht-paragraph pa-reg-status">
              <strong>{t('courses.manage.outcome.expired')}</strong>
            </p>
          )
        ) : null}
        {r.status === 'cancelled' ? (
          <p className="utrecht-paragraph pa-reg-status">
            <strong>{t('courses.manage.status.cancelled')}</strong>{' '}
            <Link className="utrecht-link" to="/cursussen">
              {t('courses.page.otherCourses')}
            </Link>
          </p>
        ) : null}
      </section>

      {r.seatPool ? <SeatPoolSection pool={r.seatPool.pool} status={r.status} option={r.seatPool.option} /> : null}

      {r.status !== 'cancelled' ? (
        <AnswersSection
          answers={r.answers}
          organisationName={r.organisationName}
          lastResult={acted && 'intent' in acted ? acted.result : undefined}
        />
      ) : null}

      <section aria-labelledby="sessions-heading">
        <h2 className="utrecht-heading-2" id="sessions-heading">
          {t('courses.page.sessions')}
        </h2>
        <SessionsTable
          id="manage-sessions-caption"
          caption={t('courses.sessions.caption', { count: r.sessions.length })}
          sessions={r.sessions}
        />
        {r.hasCalendar ? (
          <p className="utrecht-paragraph">
            {/* A plain link to a file: the browser downloads it, with or without JavaScript. */}
            <a className="utrecht-link" href={`${location.pathname.replace(/\/$/, '')}/agenda.ics`} download>
              {t('courses.manage.calendar')}
            </a>{' '}
            {t('courses.manage.calendarHint')}
          </p>
        ) : null}
      </section>

      {r.hasCertificate ? (
        <section aria-labelledby="certificate-heading">
          <h2 className="utrecht-heading-2" id="certificate-heading">
            {t('certificates.manage.heading')}
          </h2>
          <p className="utrecht-paragraph">{t('certificates.manage.body')}</p>
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href={`${location.pathname.replace(/\/$/, '')}/certificaat.pdf`} download>
              {t('certificates.download')}
            </a>
          </p>
        </section>
      ) : null}

      {r.status !== 'cancelled' ? (
        <section aria-labelledby="cancel-heading">
          <h2 className="utrecht-heading-2" id="cancel-heading">
            {r.status === 'waitlisted' ? t('courses.manage.cancel.headingWaitlist') : t('courses.manage.cancel.heading')}
          </h2>
          {!r.canCancel ? (
            <p className="utrecht-paragraph">{t('courses.manage.cancel.tooLate', { organisation: r.organisationName })}</p>
          ) : outcome === 'confirm-cancel' ? (
            <Banner kind="warning" role="alert" title={t('courses.manage.cancel.sure')}>
              <p className="utrecht-paragraph">
                {r.status === 'waitlisted' ? t('courses.manage.cancel.sureWaitlist') : t('courses.manage.cancel.sureBody')}
              </p>
              <Form method="post" className="pa-actions">
                <input type="hidden" name="confirm" value="yes" />
                <button type="submit" name="intent" value="cancel" className="utrecht-button utrecht-button--primary-action">
                  {t('courses.manage.cancel.yes')}
                </button>
                <Link
                  className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                  to={location.pathname}
                >
                  {t('courses.manage.cancel.no')}
                </Link>
              </Form>
            </Banner>
          ) : (
            <>
              <p className="utrecht-paragraph">{r.cancelHint}</p>
              <Form method="post">
                <button type="submit" name="intent" value="cancel" className="utrecht-button utrecht-button--secondary-action">
                  {r.status === 'waitlisted' ? t('courses.manage.cancel.buttonWaitlist') : t('courses.manage.cancel.button')}
                </button>
              </Form>
            </>
          )}
        </section>
      ) : null}

      <p className="utrecht-paragraph pa-note">{t('courses.manage.keepLink')}</p>
    </div>
  );
}
