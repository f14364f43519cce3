import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { SubmitButton, useSubmitRound } from '~/components/form';
import { ErrorSummary } from '~/components/ui/error-summary';
import { TextField } from '~/components/ui/fields';
import { useBrowserValidation } from '~/components/ui/validation';
import { useT, type MessageKey } from '~/i18n';
import {
  invitationAccountSchema,
  invitationLoginSchema,
  type InvitationAccountFields,
  type InvitationLoginFields,
} from '~/modules/invitations/schemas';

// The page behind the link in every invitation (ADR 022): coordinator, mentor, reviewer, host. One
// page: what the invitation is for, then what this visitor can do (accept; log out of another
// account; log in; make the account of the invited address), or why the link no longer works.
// Each route gives its kind's words; the loader says which forms the kind has.

type LinkProblem = 'invalid' | 'expired' | 'used';

/** What the loader of an invitation's page gives: the invitation and this visitor's mode, or the link's problem. */
export type InvitationPageData =
  | { problem: LinkProblem; invitation: null; mode: null; loginUrl: string }
  | {
      problem: null;
      invitation: { email: string; name: string; targetName: string; targetDescription: string; organisationName: string };
      /** accept: logged in as the invited address; other: as someone else; login: the address has an account; create: it has none. */
      mode: 'accept' | 'other' | 'login' | 'create';
      loginUrl: string;
    };

/** What its action answers when it does not redirect: the link's problem, or a form's reply. */
export type InvitationAnswer = { problem?: LinkProblem; result?: SubmissionResult<string[]> };

/** The words of one kind's page; `{organisation}`, `{target}` and `{email}` are filled in. */
export type InvitationTexts = {
  title: MessageKey;
  intro: MessageKey;
  /** What taking part means, under the target's own description. */
  what?: MessageKey;
  accept: MessageKey;
  otherAccount: MessageKey;
  /** The address has an account: log in (the password form's intro, or above the link to the login page; a plain "log in with {email}" when absent). */
  login?: MessageKey;
  /** With the password form on the page. */
  loginForm?: { heading: MessageKey; submit: MessageKey };
  /** With the new-account form on the page. */
  accountForm?: { heading: MessageKey; intro: MessageKey; name: MessageKey; submit: MessageKey };
};

export function InvitationPage({ texts }: { texts: InvitationTexts }) {
  const t = useT();
  const loaded = useLoaderData<InvitationPageData>();
  const acted = useActionData<InvitationAnswer>();
  const problem = acted?.problem ?? loaded.problem;
  if (problem || !loaded.invitation) return <InvitationProblem problem={problem ?? 'invalid'} />;
  const { invitation, mode, loginUrl } = loaded;
  const vars = { organisation: invitation.organisationName, target: invitation.targetName, email: invitation.email };
  const result = acted?.result;
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t(texts.title)}</h1>
      <p className="utrecht-paragraph">{t(texts.intro, vars)}</p>
      {invitation.targetDescription ? <p className="utrecht-paragraph pa-pre-line">{invitation.targetDescription}</p> : null}
      {texts.what ? <p className="utrecht-paragraph">{t(texts.what)}</p> : null}
      {mode === 'accept' ? (
        <Form method="post">
          <SubmitButton name="intent" value="accept">
            {t(texts.accept)}
          </SubmitButton>
        </Form>
      ) : mode === 'other' ? (
        <>
          <p className="utrecht-paragraph">{t(texts.otherAccount, vars)}</p>
          <Form method="post" action="/uitloggen">
            <SubmitButton>{t('invitations.logout')}</SubmitButton>
          </Form>
        </>
      ) : mode === 'login' && texts.loginForm ? (
        <LoginForm email={invitation.email} intro={texts.login ?? 'invitations.loginWith'} words={texts.loginForm} result={result} />
      ) : mode === 'create' && texts.accountForm ? (
        <AccountForm email={invitation.email} name={invitation.name} words={texts.accountForm} result={result} />
      ) : (
        <>
          <p className="utrecht-paragraph">{t(texts.login ?? 'invitations.loginWith', vars)}</p>
          <p className="utrecht-paragraph">
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={loginUrl}>
              {t('invitations.login')}
            </a>
          </p>
          {mode === 'create' ? (
            <p className="utrecht-paragraph">
              {t('invitations.register', vars)}{' '}
              <Link className="utrecht-link" to="/registreren">
                {t('invitations.registerLink')}
              </Link>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

/** A link that is unknown (404), expired or used (410): which, and what to do. */
function InvitationProblem({ problem }: { problem: LinkProblem }) {
  const t = useT();
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t(`invitations.problem.${problem}.title`)}</h1>
      <p className="utrecht-paragraph">{t(`invitations.problem.${problem}.body`)}</p>
      {problem === 'used' ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/inloggen">
            {t('invitations.login')}
          </a>
        </p>
      ) : null}
    </div>
  );
}

type Reply = SubmissionResult<string[]> | undefined;

function AccountForm({
  email,
  name,
  words,
  result,
}: {
  email: string;
  name: string;
  words: NonNullable<InvitationTexts['accountForm']>;
  result: Reply;
}) {
  const t = useT();
  const [form, fields] = useForm<InvitationAccountFields>({
    id: 'invitation-account',
    lastResult: result,
    defaultValue: { name },
    ...useBrowserValidation(() => invitationAccountSchema(t), [t.locale]),
  });
  const round = useSubmitRound(result);
  return (
    <section aria-labelledby="account-heading">
      <h2 className="utrecht-heading-2" id="account-heading">
        {t(words.heading)}
      </h2>
      <p className="utrecht-paragraph">{t(words.intro, { email })}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <TextField required meta={fields.name} label={t(words.name)} autoComplete="name" />
        <TextField
          required
          meta={fields.password}
          label={t('register.password')}
          type="password"
          autoComplete="new-password"
          description={t('register.passwordHint')}
          resetKey={round}
        />
        <SubmitButton name="intent" value="create">
          {t(words.submit)}
        </SubmitButton>
      </Form>
    </section>
  );
}

function LoginForm({
  email,
  intro,
  words,
  result,
}: {
  email: string;
  intro: MessageKey;
  words: NonNullable<InvitationTexts['loginForm']>;
  result: Reply;
}) {
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
        {t(words.heading)}
      </h2>
      <p className="utrecht-paragraph">{t(intro, { email })}</p>
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
          {t(words.submit)}
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
