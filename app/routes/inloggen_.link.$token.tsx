import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { TokenConfirmPage } from '~/components/token-confirm';
import { useT } from '~/i18n';
import { consumeLoginLink } from '~/modules/auth/accounts.server';
import { getSessionToken, startSession } from '~/modules/auth/session.server';
import { loadTokenPage, tokenProblemResponse } from '~/modules/auth/token-page.server';
import { pageTitle } from '~/components/page-title';
import { homeOf } from '~/modules/mentoring/menu.server';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.loginLink', {}, { noindex: true });

export const loader = ({ params }: LoaderFunctionArgs) => loadTokenPage(params.token, 'login-link');

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const result = await consumeLoginLink(db, params.token ?? '');
  if (!result.ok) return tokenProblemResponse(result);
  const cookie = await startSession(db, result.userId, getSessionToken(request));
  return redirect(await homeOf(db, result.userId), { headers: { 'Set-Cookie': cookie } });
}

export default function LoginWithLink() {
  const t = useT();
  const acted = useActionData<typeof action>();
  const loaded = useLoaderData<typeof loader>();
  const problem = acted?.problem ?? loaded.problem;
  return <TokenConfirmPage problem={problem} title={t('loginLink.title')} body={t('loginLink.body')} submit={t('loginLink.submit')} />;
}
