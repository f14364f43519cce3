import { getFormProps, useForm } from '@conform-to/react';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { parseWithZod } from '@conform-to/zod/v4';
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton, useSubmitRound } from '~/components/form';
import { TextField } from '~/components/ui/fields';
import { localeFromRequest, translator, useT } from '~/i18n';
import { changePassword } from '~/modules/auth/accounts.server';
import { changePasswordSchema, type ChangePasswordFields } from '~/modules/auth/schemas';
import { clearSessionCookie, invalidateAllSessions, requireUser, startSession } from '~/modules/auth/session.server';
import { organisationsCoordinatedBy } from '~/modules/organisations/organisations.server';
import { cancelOwnRegistration, registrationsOfUser, switchOption, switchOwnPool } from '~/modules/courses/registrations.server';
import { loadCourseContext } from '~/modules/courses/context.server';
import { seatPools, type SeatPool } from '~db/schema';
import { formatDate } from '~/modules/time';
import { registrationsWithCertificate } from '~/modules/courses/certificates.server';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';
import { useBrowserValidation } from '~/components/ui/validation';
import { ErrorSummary } from '~/components/ui/error-summary';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.account');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = localeFromRequest(request);
  const [organisations, registrations] = await Promise.all([
    organisationsCoordinatedBy(getDb(), user.id),
    registrationsOfUser(getDb(), user),
  ]);
  const certified = await registrationsWithCertificate(
    getDb(),
    registrations.map((r) => r.id),
  );
  // A hybrid course's registration may move to the other pool while it has a free seat.
  const switchTo = new Map<string, SeatPool>();
  for (const r of registrations) {
    if (!r.canSwitch || !r.pool) continue;
    const ctx = await loadCourseContext(getDb(), r.courseId);
    const option = ctx ? await switchOption(getDb(), ctx, { status: r.status, pool: r.pool }) : null;
    if (option?.free) switchTo.set(r.id, option.to);
  }
  return {
    user: { name: user.name, email: user.email, verified: Boolean(user.emailVerifiedAt), isAdmin: user.isAdmin },
    organisations: organisations.map((o) => o.name),
    registrations: registrations.map((r) => ({
      ...r,
      firstStart: r.firstStart ? formatDate(locale, r.firstStart) : '',
      certificate: certified.has(r.id),
      switchTo: switchTo.get(r.id) ?? null,
    })),
    hybrid: registrations.some((r) => r.pool),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const formData = await request.formData();
  const intent = formData.get('intent');

  if (intent === 'cancel-registration') {
    const registrationId = String(formData.get('registrationId') ?? '');
    // The seat goes to someone else: only the confirmation step's button (confirm=yes) cancels.
    if (!confirmed(formData)) {
      const mine = (await registrationsOfUser(db, user)).find((r) => r.id === registrationId);
      if (!mine) throw new Response('Not Found', { status: 404 });
      if (!mine.canCancel) return redirectWithNotice('/account', 'notice.registration.tooLate');
      return redirect(`/account?afmelden=${encodeURIComponent(registrationId)}#afmelden`, 303);
    }
    const outcome = await cancelOwnRegistration(db, user, registrationId);
    if (outcome.status === 'not-found') throw new Response('Not Found', { status: 404 });
    return redirectWithNotice('/account', outcome.status === 'too-late' ? 'notice.registration.tooLate' : 'notice.registration.cancelled');
  }

  if (intent === 'switch-pool') {
    const to = String(formData.get('pool') ?? '');
    if (!(seatPools as readonly string[]).includes(to)) return redirectWithNotice('/account', 'notice.pool.notPossible');
    const outcome = await switchOwnPool(db, user, String(formData.get('registrationId') ?? ''), to as SeatPool);
    if (outcome.status === 'not-found') throw new Response('Not Found', { status: 404 });
    if (outcome.status === 'switched') return redirectWithNotice('/account', `notice.pool.switched.${outcome.pool}`);
    return redirectWithNotice('/account', outcome.status === 'no-seat' ? 'notice.pool.noSeat' : 'notice.pool.notPossible');
  }

  if (intent === 'logout-everywhere') {
    await invalidateAllSessions(db, user.id);
    return redirectWithNotice('/inloggen', 'notice.login.loggedOut', {}, { headers: { 'Set-Cookie': clearSessionCookie() } });
  }

  const t = translator(localeFromRequest(request));
  const submission = parseWithZod(formData, { schema: changePasswordSchema(t) });
  const hide = { hideFields: ['current', 'password', 'confirm'] };
  if (submission.status !== 'success') return data({ result: submission.reply(hide) }, { status: 400 });
  const outcome = await changePassword(db, user.id, submission.value.current, submission.value.password);
  if (outcome.status === 'wrong-password') {
    return data({ result: submission.reply({ ...hide, fieldErrors: { current: [t('account.password.wrong')] } }) }, { status: 400 });
  }
  // Every session ended with the change; this browser gets a fresh one.
  const cookie = await startSession(db, user.id, null);
  return redirectWithNotice('/account', 'notice.account.passwordChanged', {}, { headers: { 'Set-Cookie': cookie } });
}

export default function Account() {
  const t = useT();
  const { user, organisations, registrations, hybrid } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [params] = useSearchParams();
  const confirming = registrations.find((r) => r.id === params.get('afmelden') && r.canCancel);
  const [form, fields] = useForm<ChangePasswordFields>({
    id: 'change-password',
    lastResult: acted?.result,
    ...useBrowserValidation(() => changePasswordSchema(t), [t.locale]),
  });
  const round = useSubmitRound(acted?.result);
  return (
    <>
      <h1 className="utrecht-heading-1">{t('account.title')}</h1>
      <p className="utrecht-paragraph">{t('account.welcome', { name: user.name })}</p>

      <section className="pa-section" aria-labelledby="details-heading">
        <h2 className="utrecht-heading-2" id="details-heading">
          {t('account.details')}
        </h2>
        <dl className="pa-details">
          <dt>{t('account.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('account.email')}</dt>
          <dd>
            {user.email} ({user.verified ? t('account.verified') : t('account.notVerified')})
          </dd>
        </dl>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/account/privacy">
            {t('privacy.account.link')}
          </Link>{' '}
          ·{' '}
          <Link className="utrecht-link" to="/account/e-mail">
            {t('privacy.account.emailLink')}
          </Link>
        </p>
      </section>

      <section className="pa-section" aria-labelledby="registrations-heading" id="aanmeldingen">
        <h2 className="utrecht-heading-2" id="registrations-heading">
          {t('account.registrations.heading')}
        </h2>
        {confirming ? (
          <ConfirmStep
            id="afmelden"
            heading={t('account.registrations.confirmHeading', { course: confirming.courseTitle })}
            intent="cancel-registration"
            fields={{ registrationId: confirming.id }}
            submit={t('account.registrations.confirmCancel')}
            keepTo="/account#aanmeldingen"
            keep={t('account.registrations.keep')}
          >
            <p className="utrecht-paragraph">{t('account.registrations.confirmQuestion', { course: confirming.courseTitle })}</p>
          </ConfirmStep>
        ) : null}
        {registrations.length === 0 ? (
          <p className="utrecht-paragraph">
            {t('account.registrations.none')}{' '}
            <Link className="utrecht-link" to="/cursussen">
              {t('account.registrations.find')}
            </Link>
          </p>
        ) : (
          <DataTable
            id="registrations-caption"
            caption={t('account.registrations.caption')}
            rows={registrations}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'course',
                header: t('account.registrations.course'),
                rowHeader: true,
                cell: (r) => (
                  <Link className="utrecht-link" to={`/cursussen/${r.courseId}`}>
                    {r.courseTitle}
                  </Link>
                ),
              },
              { key: 'date', header: t('account.registrations.date'), cell: (r) => r.firstStart },
              hybrid && {
                key: 'pool',
                header: t('pools.coordinator.column'),
                cell: (r) => (r.pool ? t(`pools.pool.${r.pool}`) : ''),
              },
              {
                key: 'status',
                header: t('account.registrations.status'),
                cell: (r) =>
                  r.courseCancelled
                    ? t('account.registrations.courseCancelled')
                    : r.status === 'waitlisted'
                      ? t('account.registrations.waitlisted', { position: r.position ?? '' })
                      : r.status === 'offered'
                        ? t('account.registrations.offered')
                        : r.status === 'confirmed'
                          ? t('account.registrations.confirmed')
                          : t('account.registrations.cancelledStatus'),
              },
            ]}
            actions={{
              header: t('account.registrations.action'),
              cell: (r) =>
                r.canCancel ? (
                  <>
                    <Link
                      className="utrecht-link"
                      to={`/account?afmelden=${r.id}#afmelden`}
                      aria-label={t('account.registrations.cancelFor', { course: r.courseTitle })}
                    >
                      {t('account.registrations.cancel')}
                    </Link>
                    {r.switchTo ? (
                      <Form method="post" className="pa-inline-form">
                        <input type="hidden" name="registrationId" value={r.id} />
                        <input type="hidden" name="pool" value={r.switchTo} />
                        <button
                          type="submit"
                          name="intent"
                          value="switch-pool"
                          className="utrecht-button utrecht-button--secondary-action"
                          aria-label={t('pools.account.switch', { action: t(`pools.manage.switch.${r.switchTo}`), course: r.courseTitle })}
                        >
                          {t(`pools.manage.switch.${r.switchTo}`)}
                        </button>
                      </Form>
                    ) : null}
                  </>
                ) : r.certificate ? (
                  <a
                    className="utrecht-link"
                    href={`/account/certificaat/${r.id}`}
                    download
                    aria-label={t('certificates.downloadFor', { course: r.courseTitle })}
                  >
                    {t('certificates.download')}
                  </a>
                ) : null,
            }}
          />
        )}
      </section>

      <section className="pa-section" aria-labelledby="mentoring-heading">
        <h2 className="utrecht-heading-2" id="mentoring-heading">
          {t('mentoring.title')}
        </h2>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/account/mentoraat">
            {t('applications.mine.accountLink')}
          </Link>
        </p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/account/academies">
            {t('academyMine.link')}
          </Link>
        </p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/account/koppelingen">
            {t('matches.account.link')}
          </Link>
        </p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/account/kandidaat">
            {t('reports.candidate.link')}
          </Link>
        </p>
      </section>

      <section className="pa-section" aria-labelledby="roles-heading">
        <h2 className="utrecht-heading-2" id="roles-heading">
          {t('account.roles.heading')}
        </h2>
        {organisations.length === 0 && !user.isAdmin ? <p className="utrecht-paragraph">{t('account.roles.none')}</p> : null}
        <ul className="utrecht-unordered-list">
          {user.isAdmin ? <li className="utrecht-unordered-list__item">{t('account.roles.admin')}</li> : null}
          {organisations.map((name) => (
            <li className="utrecht-unordered-list__item" key={name}>
              {t('account.roles.coordinator', { organisation: name })}
            </li>
          ))}
        </ul>
      </section>

      <section className="pa-section pa-narrow" aria-labelledby="password-heading">
        <h2 className="utrecht-heading-2" id="password-heading">
          {t('account.password.heading')}
        </h2>
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary form={form} />
          <TextField
            required
            meta={fields.current}
            label={t('account.password.current')}
            type="password"
            autoComplete="current-password"
            resetKey={round}
          />
          <TextField
            required
            meta={fields.password}
            label={t('account.password.new')}
            type="password"
            autoComplete="new-password"
            description={t('register.passwordHint')}
            resetKey={round}
          />
          <TextField
            required
            meta={fields.confirm}
            label={t('account.password.confirm')}
            type="password"
            autoComplete="new-password"
            resetKey={round}
          />
          <SubmitButton name="intent" value="change-password">
            {t('account.password.submit')}
          </SubmitButton>
        </Form>
      </section>

      <section className="pa-section" aria-labelledby="sessions-heading">
        <h2 className="utrecht-heading-2" id="sessions-heading">
          {t('account.sessions.heading')}
        </h2>
        <p className="utrecht-paragraph">{t('account.sessions.body')}</p>
        <Form method="post">
          <SubmitButton name="intent" value="logout-everywhere">
            {t('account.sessions.submit')}
          </SubmitButton>
        </Form>
      </section>
    </>
  );
}
