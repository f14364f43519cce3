import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { FormAlert, SubmitButton, useSubmitRound } from '~/components/form';
import { ErrorSummary } from '~/components/ui/error-summary';
import { TextField } from '~/components/ui/fields';
import { localeFromRequest, translator, useT } from '~/i18n';
import { findUserByEmail } from '~/modules/auth/accounts.server';
import { getSessionToken, getUser, startSession } from '~/modules/auth/session.server';
import {
  acceptInvitation,
  acceptWithNewAccount,
  checkInvitation,
  type InvitationProblem,
} from '~/modules/mentoring/networks/invitations.server';
import { newMentorAccountSchema, type NewMentorAccountFields } from '~/modules/mentoring/networks/schemas';
import { useBrowserValidation } from '~/components/ui/validation';
import { pageTitle } from '~/components/page-title';
import { linkProblemStatus as statusOf } from '~/modules/http.server';

// The page behind the link in a mentor invitation. GET only shows it (mail scanners open links too);
// the POST accepts: for the logged-in invited person, or with a new account for the invited address.

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data && 'invitation' in args.data && args.data.invitation
    ? pageTitle(args, 'title.mentorInvitation', { network: args.data.invitation.networkName }, { noindex: true })
    : pageTitle(args, 'title.mentorInvitationUnknown', {}, { noindex: true });

type Mode = 'accept' | 'other-account' | 'login' | 'create';

async function stateOf(request: Request, token: string) {
  const db = getDb();
  const check = await checkInvitation(db, token);
  if (!check.ok) return { problem: check.problem } as const;
  const user = await getUser(request);
  const { invitation } = check;
  let mode: Mode;
  if (user) mode = user.email === invitation.email ? 'accept' : 'other-account';
  else mode = (await findUserByEmail(db, invitation.email)) ? 'login' : 'create';
  return {
    problem: null,
    mode,
    invitation: {
      name: invitation.name,
      email: invitation.email,
      networkName: invitation.networkName,
      networkDescription: invitation.networkDescription,
      organisationName: invitation.organisationName,
    },
    loginUrl: `/inloggen?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`,
  } as const;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const state = await stateOf(request, params.token ?? '');
  if (state.problem) return data(state, { status: statusOf(state.problem) });
  return state;
}

type Answer = { problem?: InvitationProblem; result?: SubmissionResult<string[]>; message?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? '';
  const db = getDb();
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const formData = await request.formData();
  const intent = formData.get('intent');
  const user = await getUser(request);
  const refuse = (answer: Answer, status = 400) => data(answer, { status });

  if (intent === 'accept') {
    if (!user) return redirect(`/inloggen?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
    const outcome = await acceptInvitation(db, token, user);
    if (outcome.status === 'problem') return refuse({ problem: outcome.problem }, statusOf(outcome.problem));
    // Another account than the invited one: 404, as for a forged link (and as for coordinator invitations).
    if (outcome.status !== 'accepted') return refuse({ message: t('networks.invitation.otherAccount', { email: '' }) }, 404);
    return redirectWithNotice('/mentor/profiel', 'notice.mentorProfile.welcome');
  }

  if (intent === 'create') {
    if (user) return refuse({ message: t('networks.invitation.logOutFirst') });
    const submission = parseWithZod(formData, { schema: newMentorAccountSchema(t), disableAutoCoercion: true });
    if (submission.status !== 'success') return refuse({ result: submission.reply({ hideFields: ['password'] }) });
    const outcome = await acceptWithNewAccount(db, token, { ...submission.value, locale });
    if (outcome.status === 'problem') return refuse({ problem: outcome.problem }, statusOf(outcome.problem));
    if (outcome.status === 'account-exists') return refuse({ message: t('networks.invitation.accountExists') }, 409);
    if (outcome.status !== 'accepted') return refuse({ message: t('networks.errors.unknownAction') });
    const cookie = await startSession(db, outcome.userId, getSessionToken(request));
    return redirectWithNotice('/mentor/profiel', 'notice.mentorProfile.welcome', {}, { headers: { 'Set-Cookie': cookie } });
  }
  return refuse({ message: t('networks.errors.unknownAction') });
}

export default function MentorInvitation() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>() as Answer | undefined;
  const problem = acted?.problem ?? loaded.problem;
  if (problem || !('invitation' in loaded) || !loaded.invitation) {
    const key = problem ?? 'invalid';
    return (
      <div className="pa-narrow">
        <h1 className="utrecht-heading-1">{t(`networks.invitation.${key}.title`)}</h1>
        <p className="utrecht-paragraph">{t(`networks.invitation.${key}.body`)}</p>
      </div>
    );
  }
  const { invitation, mode, loginUrl } = loaded;
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('networks.invitation.title')}</h1>
      <p className="utrecht-paragraph">
        {t('networks.invitation.intro', { organisation: invitation.organisationName, network: invitation.networkName })}
      </p>
      {invitation.networkDescription ? <p className="utrecht-paragraph pa-pre-line">{invitation.networkDescription}</p> : null}
      <p className="utrecht-paragraph">{t('networks.invitation.what')}</p>
      {acted?.message ? <FormAlert messages={[acted.message]} /> : null}
      {mode === 'accept' ? (
        <Form method="post">
          <SubmitButton name="intent" value="accept">
            {t('networks.invitation.accept')}
          </SubmitButton>
        </Form>
      ) : mode === 'other-account' ? (
        <p className="utrecht-paragraph">{t('networks.invitation.otherAccount', { email: invitation.email })}</p>
      ) : mode === 'login' ? (
        <>
          <p className="utrecht-paragraph">{t('networks.invitation.login', { email: invitation.email })}</p>
          <p className="utrecht-paragraph">
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={loginUrl}>
              {t('networks.invitation.loginButton')}
            </a>
          </p>
        </>
      ) : (
        <>
          <h2 className="utrecht-heading-2">{t('networks.invitation.createHeading')}</h2>
          <p className="utrecht-paragraph">{t('networks.invitation.create', { email: invitation.email })}</p>
          <NewAccountForm lastResult={acted?.result} name={invitation.name} />
        </>
      )}
    </div>
  );
}

function NewAccountForm({ lastResult, name }: { lastResult?: SubmissionResult<string[]>; name: string }) {
  const t = useT();
  const [form, fields] = useForm<NewMentorAccountFields>({
    id: 'mentor-account',
    lastResult,
    defaultValue: { name },
    ...useBrowserValidation(() => newMentorAccountSchema(t), [t.locale], { disableAutoCoercion: true }),
  });
  const round = useSubmitRound(lastResult);
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <TextField meta={fields.name} label={t('networks.invitation.name')} required autoComplete="name" />
      <TextField
        meta={fields.password}
        type="password"
        label={t('networks.invitation.password')}
        description={t('networks.invitation.passwordHint')}
        required
        autoComplete="new-password"
        resetKey={round}
      />
      <SubmitButton name="intent" value="create">
        {t('networks.invitation.createSubmit')}
      </SubmitButton>
    </Form>
  );
}
