import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { Honeypot, SubmitButton, useSubmitRound } from '~/components/form';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { TextField } from '~/components/ui/fields';
import { localeFromRequest, translator, useT } from '~/i18n';
import { clientIp } from '~/load-context';
import { loginWithPassword, requestLoginLink } from '~/modules/auth/accounts.server';
import { emailOnlySchema, passwordLoginSchema, type EmailOnlyFields, type PasswordLoginFields } from '~/modules/auth/schemas';
import { getSessionToken, requireAnonymous, safeRedirect, startSession } from '~/modules/auth/session.server';
import { homeOf } from '~/modules/mentoring/menu.server';
import { honeypotFilled, minutesFrom } from '~/modules/forms.server';
import { pageTitle } from '~/components/page-title';
import { useBrowserValidation } from '~/components/ui/validation';
import { ErrorSummary } from '~/components/ui/error-summary';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.login');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const t = translator(localeFromRequest(request));
  const formData = await request.formData();
  const intent = formData.get('intent') === 'link' ? 'link' : 'password';
  const db = getDb();
  const ip = clientIp(context);

  if (intent === 'link') {
    const submission = parseWithZod(formData, { schema: emailOnlySchema(t) });
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 });
    // The same answer for an address with or without an account (no enumeration), and for a bot.
    // Back to this page, keeping where a password login would lead afterwards.
    const back = new URL(request.url).searchParams.get('redirectTo');
    const here = back ? `/inloggen?${new URLSearchParams({ redirectTo: back })}` : '/inloggen';
    if (honeypotFilled(formData)) return redirectWithNotice(here, 'notice.login.linkSent');
    const outcome = await requestLoginLink(db, { email: submission.value.email, ip });
    if (outcome.status === 'rate-limited') {
      const message = t('form.rateLimited', { count: minutesFrom(outcome.retryAfterSeconds) });
      return data({ intent, result: submission.reply({ formErrors: [message] }) }, { status: 429 });
    }
    return redirectWithNotice(here, 'notice.login.linkSent');
  }

  const submission = parseWithZod(formData, { schema: passwordLoginSchema(t) });
  if (submission.status !== 'success') {
    return data({ intent, result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
  }
  if (honeypotFilled(formData)) {
    return data({ intent, result: submission.reply({ formErrors: [t('login.invalid')], hideFields: ['password'] }) }, { status: 400 });
  }
  const outcome = await loginWithPassword(db, { ...submission.value, ip });
  if (outcome.status === 'ok') {
    const cookie = await startSession(db, outcome.userId, getSessionToken(request));
    // The page that sent them here, when it is one of ours; otherwise the home of their role.
    const back = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '') || (await homeOf(db, outcome.userId));
    return redirect(back, { headers: { 'Set-Cookie': cookie } });
  }
  const message =
    outcome.status === 'rate-limited'
      ? t('form.rateLimited', { count: minutesFrom(outcome.retryAfterSeconds) })
      : outcome.status === 'unverified'
        ? t('login.unverified')
        : t('login.invalid');
  return data(
    { intent, result: submission.reply({ formErrors: [message], hideFields: ['password'] }) },
    { status: outcome.status === 'rate-limited' ? 429 : 400 },
  );
}

export default function Login() {
  const t = useT();
  const acted = useActionData<typeof action>();
  const [passwordForm, passwordFields] = useForm<PasswordLoginFields>({
    id: 'login-password',
    lastResult: acted?.intent === 'password' ? acted.result : undefined,
    ...useBrowserValidation(() => passwordLoginSchema(t), [t.locale]),
  });
  const passwordRound = useSubmitRound(acted?.intent === 'password' ? acted.result : undefined);
  const [linkForm, linkFields] = useForm<EmailOnlyFields>({
    id: 'login-link',
    lastResult: acted?.intent === 'link' ? acted.result : undefined,
    ...useBrowserValidation(() => emailOnlySchema(t), [t.locale]),
  });
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('login.title')}</h1>

      <section aria-labelledby="login-password-heading" className="pa-section">
        <h2 className="utrecht-heading-2" id="login-password-heading">
          {t('login.password.heading')}
        </h2>
        <Form method="post" {...getFormProps(passwordForm)}>
          <ErrorSummary form={passwordForm} />
          <TextField required meta={passwordFields.email} label={t('login.email')} type="email" autoComplete="username" />
          <TextField
            required
            meta={passwordFields.password}
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            resetKey={passwordRound}
          />
          <Honeypot />
          <SubmitButton name="intent" value="password">
            {t('login.submit')}
          </SubmitButton>
        </Form>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/wachtwoord-vergeten">
            {t('login.forgot')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="login-link-heading" className="pa-section">
        <h2 className="utrecht-heading-2" id="login-link-heading">
          {t('login.link.heading')}
        </h2>
        <p className="utrecht-paragraph">{t('login.link.intro')}</p>
        <Form method="post" {...getFormProps(linkForm)}>
          <ErrorSummary form={linkForm} />
          <TextField required meta={linkFields.email} label={t('login.email')} type="email" autoComplete="email" />
          <SubmitButton name="intent" value="link">
            {t('login.link.submit')}
          </SubmitButton>
        </Form>
      </section>

      <p className="utrecht-paragraph">
        {t('login.noAccount')}{' '}
        <Link className="utrecht-link" to="/registreren">
          {t('login.registerInstead')}
        </Link>
      </p>
    </div>
  );
}
