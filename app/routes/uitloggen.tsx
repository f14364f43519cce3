import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { useT } from '~/i18n';
import { clearSessionCookie, getSessionToken, invalidateSession, requireUser } from '~/modules/auth/session.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.logout');

// Logging out changes state, so it is a POST; the page only offers the button.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const token = getSessionToken(request);
  if (token) await invalidateSession(getDb(), token);
  return redirectWithNotice('/inloggen', 'notice.login.loggedOut', {}, { headers: { 'Set-Cookie': clearSessionCookie() } });
}

export default function Logout() {
  const t = useT();
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('logout.title')}</h1>
      <p className="utrecht-paragraph">{t('logout.body')}</p>
      <Form method="post">
        <SubmitButton>{t('logout.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
