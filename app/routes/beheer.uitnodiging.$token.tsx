import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { getDb } from '~db/client.server';
import { SubmitButton, useSubmitRound } from '~/components/form';
import { TextField } from '~/components/ui/fields';
import { TokenProblem } from '~/components/token-problem';
import { localeFromRequest, translator, useT } from '~/i18n';
import { clientIp } from '~/load-context';
import { getSessionToken, getUser, startSession } from '~/modules/auth/session.server';
import { minutesFrom } from '~/modules/forms.server';
import { acceptAsCurrentUser, acceptWithNewAccount, acceptWithPassword, viewInvitation } from '~/modules/organisations/invitations.server';
import { pageTitle } from '~/components/page-title';
import { ErrorSummary } from '~/components/ui/error-summary';
import { useBrowserValidation } from '~/components/ui/validation';
import {
  invitationAccountSchema,
  invitationLoginSchema,
  type InvitationAccountFields,
  type InvitationLoginFields,
} from '~/modules/organisations/schemas';
import { linkProblemStatus as statusOf } from '~/modules/http.server';

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data?.view
    ? pageTitle(args, 'title.manageInvitation', { organisation: args.data.view.organisationName }, { noindex: true })
    : pageTitle(args, 'title.manageInvitationUnknown', {}, { noindex: true });

// GET only shows the invitation (mail scanners open links too); every POST acts.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const result = await viewInvitation(getDb(), params.token ?? '', user);
  if (!result.ok) return data({ problem: result.problem, view: null }, { status: statusOf(result.problem) });
  return { problem: null, view: result.view };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const db = getDb();
  const token = params.token ?? '';
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const user = await getUser(request);
  const formData = await request.formData();
  const intent = formData.get('intent');
  const welcome = (organisationId: string, cookie?: string) =>
    redirectWithNotice(
      `/beheer?organisatie=${organisationId}`,
      'notice.coordinator.welcome',
      {},
      cookie ? { headers: { 'Set-Cookie': cookie } } : {},
    );
  const gone = (problem: 'invalid' | 'expired' | 'used') => data({ intent, problem, result: undefined }, { status: statusOf(problem) });

  if (user) {
    // Logged in: only the account of the invited address can accept (anyone else gets 404, as for a forged link).
    const outcome = await acceptAsCurrentUser(db, token, user);
    if (!outcome.ok)
      return gone(
        outcome.problem === 'invalid' || outcome.problem === 'expired' || outcome.problem === 'used' ? outcome.problem : 'invalid',
      );
    return welcome(outcome.invitation.organisationId);
  }

  if (intent === 'login') {
    const submission = parseWithZod(formData, { schema: invitationLoginSchema(t) });
    if (submission.status !== 'success')
      return data({ intent, problem: null, result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
    const outcome = await acceptWithPassword(db, token, { password: submission.value.password, ip: clientIp(context) });
    if (outcome.ok) return welcome(outcome.invitation.organisationId, await startSession(db, outcome.userId!, getSessionToken(request)));
    if (outcome.problem === 'wrong-password' || outcome.problem === 'rate-limited') {
      const message =
        outcome.problem === 'rate-limited'
          ? t('form.rateLimited', { count: minutesFrom(outcome.retryAfterSeconds ?? 60) })
          : t('admin.invitation.wrongPassword');
      return data(
        { intent, problem: null, result: submission.reply({ fieldErrors: { password: [message] }, hideFields: ['password'] }) },
        { status: outcome.problem === 'rate-limited' ? 429 : 400 },
      );
    }
    return gone(outcome.problem === 'account-exists' ? 'invalid' : outcome.problem);
  }

  if (intent === 'register') {
    const submission = parseWithZod(formData, { schema: invitationAccountSchema(t) });
    if (submission.status !== 'success')
      return data({ intent, problem: null, result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
    const outcome = await acceptWithNewAccount(db, token, { ...submission.value, locale });
    if (outcome.ok) return welcome(outcome.invitation.organisationId, await startSession(db, outcome.userId!, getSessionToken(request)));
    if (outcome.problem === 'account-exists') {
      // Someone made the account in the meantime: this page now asks for its password.
      return data(
        {
          intent,
          problem: null,
          result: submission.reply({ formErrors: [t('admin.invitation.accountExists')], hideFields: ['password'] }),
        },
        { status: 409 },
      );
    }
    return gone(outcome.problem === 'wrong-password' || outcome.problem === 'rate-limited' ? 'invalid' : outcome.problem);
  }
  return data({ intent, problem: null, result: undefined }, { status: 400 });
}

export default function CoordinatorInvitationPage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const problem = acted?.problem ?? loaded.problem;
  if (problem || !loaded.view) return <TokenProblem problem={problem ?? 'invalid'} retry="login" />;
  const { view } = loaded;
  return (
    <div className="pa-narrow pa-manage">
      <h1 className="utrecht-heading-1">{t('admin.invitation.title')}</h1>
      <p className="utrecht-paragraph">{t('admin.invitation.intro', { organisation: view.organisationName, email: view.email })}</p>
      {view.mode === 'accept' ? (
        <Form method="post">
          <SubmitButton name="intent" value="accept">
            {t('admin.invitation.accept')}
          </SubmitButton>
        </Form>
      ) : view.mode === 'other' ? (
        <>
          <p className="utrecht-paragraph">{t('admin.invitation.otherAccount', { email: view.email })}</p>
          <Form method="post" action="/uitloggen">
            <SubmitButton>{t('admin.invitation.logout')}</SubmitButton>
          </Form>
        </>
      ) : view.mode === 'login' ? (
        <LoginForm email={view.email} result={acted?.intent === 'login' ? acted.result : undefined} />
      ) : (
        <RegisterForm email={view.email} result={acted?.intent === 'register' ? acted.result : undefined} />
      )}
    </div>
  );
}

type Reply = SubmissionResult<string[]> | null | undefined;

function RegisterForm({ email, result }: { email: string; result: Reply }) {
  const t = useT();
  const [form, fields] = useForm<InvitationAccountFields>({
    id: 'invitation-register',
    lastResult: result,
    ...useBrowserValidation(() => invitationAccountSchema(t), [t.locale]),
  });
  const round = useSubmitRound(result);
  return (
    <section aria-labelledby="register-heading">
      <h2 className="utrecht-heading-2" id="register-heading">
        {t('admin.invitation.registerHeading')}
      </h2>
      <p className="utrecht-paragraph">{t('admin.invitation.registerIntro', { email })}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <TextField required meta={fields.name} label={t('register.name')} autoComplete="name" />
        <TextField
          required
          meta={fields.password}
          label={t('register.password')}
          type="password"
          autoComplete="new-password"
          description={t('register.passwordHint')}
          resetKey={round}
        />
        <SubmitButton name="intent" value="register">
          {t('admin.invitation.registerSubmit')}
        </SubmitButton>
      </Form>
    </section>
  );
}

function LoginForm({ email, result }: { email: string; result: Reply }) {
  const t = useT();
  const [form, fields] = useForm<InvitationLoginFields>({
    id: 'invitation-login',
    lastResult: result,
    ...useBrowserValidation(() => invitationLoginSchema(t), [t.locale]),
  });
  const round = useSubmitRound(result);
  return (
    <section aria-labelledby="login-heading">
      <h2 className="utrecht-heading-2" id="login-heading">
        {t('admin.invitation.loginHeading')}
      </h2>
      <p className="utrecht-paragraph">{t('admin.invitation.loginIntro', { email })}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
        <TextField
          required
          meta={fields.password}
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          resetKey={round}
        />
        <SubmitButton name="intent" value="login">
          {t('admin.invitation.loginSubmit')}
        </SubmitButton>
      </Form>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href="/wachtwoord-vergeten">
          {t('login.forgot')}
        </a>
      </p>
    </section>
  );
}
