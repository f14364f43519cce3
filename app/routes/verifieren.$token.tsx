import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { TokenConfirmPage } from '~/components/token-confirm';
import { useT } from '~/i18n';
import { verifyEmail } from '~/modules/auth/accounts.server';
import { getSessionToken, startSession } from '~/modules/auth/session.server';
import { loadTokenPage, tokenProblemResponse } from '~/modules/auth/token-page.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.verify', {}, { noindex: true });

export const loader = ({ params }: LoaderFunctionArgs) => loadTokenPage(params.token, 'verify-email');

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const result = await verifyEmail(db, params.token ?? '');
  if (!result.ok) return tokenProblemResponse(result);
  const cookie = await startSession(db, result.userId, getSessionToken(request));
  return redirectWithNotice('/account', 'notice.account.verified', {}, { headers: { 'Set-Cookie': cookie } });
}

export default function VerifyEmail() {
  const t = useT();
  const acted = useActionData<typeof action>();
  const loaded = useLoaderData<typeof loader>();
  const problem = acted?.problem ?? loaded.problem;
  return <TokenConfirmPage problem={problem} title={t('verify.title')} body={t('verify.body')} submit={t('verify.submit')} />;
}
