import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { TokenProblem } from '~/components/token-problem';
import { useT } from '~/i18n';
import { consumeLoginLink } from '~/modules/auth/accounts.server';
import { getSessionToken, startSession } from '~/modules/auth/session.server';
import { checkToken } from '~/modules/auth/tokens.server';

export const meta: MetaFunction = () => [{ title: 'Inloggen met je link — Politiek Actief' }, { name: 'robots', content: 'noindex' }];

// Opening the link does not log in (mail scanners open links too); pressing the button does.
export async function loader({ params }: LoaderFunctionArgs) {
  const check = await checkToken(getDb(), params.token ?? '', 'login-link');
  return check.ok ? { problem: null } : data({ problem: check.problem }, { status: check.problem === 'invalid' ? 404 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const result = await consumeLoginLink(db, params.token ?? '');
  if (!result.ok) return data({ problem: result.problem }, { status: result.problem === 'invalid' ? 404 : 410 });
  const cookie = await startSession(db, result.userId, getSessionToken(request));
  return redirect('/account', { headers: { 'Set-Cookie': cookie } });
}

export default function LoginWithLink() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const problem = acted?.problem ?? loaded.problem;
  if (problem) return <TokenProblem problem={problem} retry="login" />;
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('loginLink.title')}</h1>
      <p className="utrecht-paragraph">{t('loginLink.body')}</p>
      <Form method="post">
        <SubmitButton>{t('loginLink.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
