import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { pageTitle } from '~/components/page-title';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { useT } from '~/i18n';
import { getUser } from '~/modules/auth/session.server';
import { linkProblemStatus, type LinkProblem } from '~/modules/http.server';
import { acceptHostInvitation, checkHostInvitation } from '~/modules/placements/hosts.server';

// The page behind the link in a host invitation. GET only shows it (mail scanners open links too);
// the POST accepts, for the logged-in account of the invited address only (another account: 404).

export const meta: MetaFunction = (args) => pageTitle(args, 'title.hostInvitation', {}, { noindex: true });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const check = await checkHostInvitation(getDb(), params.token);
  if (!check.ok)
    return data({ problem: check.problem, invitation: null, mode: null, loginUrl: '' }, { status: linkProblemStatus(check.problem) });
  const user = await getUser(request);
  const path = new URL(request.url).pathname;
  const mode = !user ? 'login' : user.email === check.invitation.email ? 'accept' : 'other-account';
  const { academyName, organisationName, email } = check.invitation;
  return {
    problem: null,
    invitation: { academyName, organisationName, email },
    mode,
    loginUrl: `/inloggen?redirectTo=${encodeURIComponent(path)}`,
  } as const;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await getUser(request);
  if (!user) return redirect(`/inloggen?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  const outcome = await acceptHostInvitation(getDb(), params.token, user);
  if (!outcome.ok) {
    if (outcome.problem === 'other-account') return data({ problem: 'invalid' as LinkProblem }, { status: 404 });
    return data({ problem: outcome.problem }, { status: linkProblemStatus(outcome.problem) });
  }
  return redirectWithNotice('/stagebieder', 'notice.placements.hostWelcome');
}

export default function HostInvitation() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const problem = acted?.problem ?? loaded.problem;
  if (problem || !loaded.invitation) {
    const key = problem ?? 'invalid';
    return (
      <div className="pa-narrow">
        <h1 className="utrecht-heading-1">{t(`placements.invitation.${key}.title`)}</h1>
        <p className="utrecht-paragraph">{t(`placements.invitation.${key}.body`)}</p>
      </div>
    );
  }
  const { invitation, mode, loginUrl } = loaded;
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('placements.invitation.title')}</h1>
      <p className="utrecht-paragraph">
        {t('placements.invitation.intro', { organisation: invitation.organisationName, academy: invitation.academyName })}
      </p>
      {mode === 'accept' ? (
        <Form method="post">
          <SubmitButton>{t('placements.invitation.accept')}</SubmitButton>
        </Form>
      ) : mode === 'other-account' ? (
        <p className="utrecht-paragraph">{t('placements.invitation.otherAccount', { email: invitation.email })}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('placements.invitation.login', { email: invitation.email })}</p>
          <p className="utrecht-paragraph">
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={loginUrl}>
              {t('placements.invitation.loginButton')}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
