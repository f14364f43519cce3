import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { FormAlert, Notice, SubmitButton, TextField, useSubmitRound } from '~/components/form';
import { localeFromRequest, translator, useT } from '~/i18n';
import { changePassword } from '~/modules/auth/accounts.server';
import { changePasswordSchema, type ChangePasswordFields } from '~/modules/auth/schemas';
import { clearSessionCookie, invalidateAllSessions, requireUser, startSession } from '~/modules/auth/session.server';
import { organisationsCoordinatedBy } from '~/modules/organisations/organisations.server';

export const meta: MetaFunction = () => [{ title: 'Mijn account — Politiek Actief' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organisations = await organisationsCoordinatedBy(getDb(), user.id);
  return {
    user: { name: user.name, email: user.email, verified: Boolean(user.emailVerifiedAt), isAdmin: user.isAdmin },
    organisations: organisations.map((o) => o.name),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const formData = await request.formData();
  const intent = formData.get('intent');

  if (intent === 'logout-everywhere') {
    await invalidateAllSessions(db, user.id);
    return redirect('/inloggen?uitgelogd=1', { headers: { 'Set-Cookie': clearSessionCookie() } });
  }

  const t = translator(localeFromRequest(request));
  const submission = parseWithZod(formData, { schema: changePasswordSchema(t) });
  const hide = { hideFields: ['current', 'password', 'confirm'] };
  if (submission.status !== 'success') return data({ changed: false, result: submission.reply(hide) }, { status: 400 });
  const outcome = await changePassword(db, user.id, submission.value.current, submission.value.password);
  if (outcome.status === 'wrong-password') {
    return data(
      { changed: false, result: submission.reply({ ...hide, fieldErrors: { current: [t('account.password.wrong')] } }) },
      { status: 400 },
    );
  }
  // Every session ended with the change; this browser gets a fresh one.
  const cookie = await startSession(db, user.id, null);
  return data({ changed: true, result: submission.reply({ resetForm: true }) }, { headers: { 'Set-Cookie': cookie } });
}

export default function Account() {
  const t = useT();
  const { user, organisations } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<ChangePasswordFields>({ id: 'change-password', lastResult: acted?.result, shouldRevalidate: 'onBlur' });
  const round = useSubmitRound(acted?.result);
  return (
    <>
      <h1 className="utrecht-heading-1">{t('account.title')}</h1>
      {params.get('bevestigd') ? <Notice>{t('account.verifiedNotice')}</Notice> : null}
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
        {acted?.changed ? <Notice>{t('account.password.changed')}</Notice> : null}
        <Form method="post" {...getFormProps(form)}>
          <FormAlert id={form.errorId} messages={form.errors} />
          <TextField
            meta={fields.current}
            label={t('account.password.current')}
            type="password"
            autoComplete="current-password"
            resetKey={round}
          />
          <TextField
            meta={fields.password}
            label={t('account.password.new')}
            type="password"
            autoComplete="new-password"
            description={t('register.passwordHint')}
            resetKey={round}
          />
          <TextField
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
