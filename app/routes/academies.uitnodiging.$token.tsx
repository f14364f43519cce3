import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { pageTitle } from '~/components/page-title';
import { TokenProblem } from '~/components/token-problem';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { useT } from '~/i18n';
import { normalizeEmail } from '~/modules/auth/accounts.server';
import { getUser } from '~/modules/auth/session.server';
import { acceptReviewerInvitation, checkReviewerInvitation } from '~/modules/academies/reviewers.server';
import { linkProblemStatus as statusOf } from '~/modules/http.server';

// The page behind the link in a reviewer's invitation (ADR 018). GET only shows it (mail scanners open
// links too); the POST accepts, for the logged-in account of the invited address only. The link works
// once: afterwards it says so, as the other invitation links do.

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data?.invitation
    ? pageTitle(args, 'title.academyInvitation', { academy: args.data.invitation.academyName }, { noindex: true })
    : pageTitle(args, 'title.academyInvitationUnknown', {}, { noindex: true });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const check = await checkReviewerInvitation(getDb(), params.token);
  if (!check.ok) return data({ problem: check.problem, invitation: null, mode: null, loginUrl: '' }, { status: statusOf(check.problem) });
  const user = await getUser(request);
  const { invitation } = check;
  const mode = !user ? ('login' as const) : normalizeEmail(user.email) === invitation.email ? ('accept' as const) : ('other' as const);
  return {
    problem: null,
    invitation: { academyName: invitation.academyName, organisationName: invitation.organisationName, email: invitation.email },
    mode,
    loginUrl: `/inloggen?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await getUser(request);
  if (!user) return redirect(`/inloggen?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  const outcome = await acceptReviewerInvitation(getDb(), params.token, user);
  if (outcome.ok) return redirectWithNotice(`/academies/${outcome.invitation.academyId}/beoordelen`, 'notice.academyReviewer.welcome');
  // Another account than the invited one: 404, as for a forged link (and as for the other invitations).
  const problem = outcome.problem === 'other-account' ? 'invalid' : outcome.problem;
  return data({ problem }, { status: statusOf(problem) });
}

export default function ReviewerInvitation() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const problem = acted?.problem ?? loaded.problem;
  if (problem || !loaded.invitation) return <TokenProblem problem={problem ?? 'invalid'} retry="login" />;
  const { invitation, mode, loginUrl } = loaded;
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('academyInvitation.title')}</h1>
      <p className="utrecht-paragraph">
        {t('academyInvitation.intro', { organisation: invitation.organisationName, academy: invitation.academyName })}
      </p>
      <p className="utrecht-paragraph">{t('academyInvitation.what')}</p>
      {mode === 'accept' ? (
        <Form method="post">
          <SubmitButton>{t('academyInvitation.accept')}</SubmitButton>
        </Form>
      ) : mode === 'other' ? (
        <>
          <p className="utrecht-paragraph">{t('academyInvitation.otherAccount', { email: invitation.email })}</p>
          <Form method="post" action="/uitloggen">
            <SubmitButton>{t('academyInvitation.logout')}</SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('academyInvitation.login', { email: invitation.email })}</p>
          <p className="utrecht-paragraph">
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={loginUrl}>
              {t('academyInvitation.loginButton')}
            </a>
          </p>
          <p className="utrecht-paragraph">
            {t('academyInvitation.register', { email: invitation.email })}{' '}
            <Link className="utrecht-link" to="/registreren">
              {t('academyInvitation.registerLink')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
