import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { getDb } from '~db/client.server';
import { isLocale, LOCALE_COOKIE } from '~/i18n';
import { setUserLocale } from '~/modules/auth/accounts.server';
import { getUser, safeRedirect } from '~/modules/auth/session.server';

/** Switches the language: a plain form post, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get('locale');
  const back = safeRedirect(form.get('redirectTo'), '/');
  if (!isLocale(locale)) return redirect(back);
  const user = await getUser(request);
  // Emails follow the language too.
  if (user) await setUserLocale(getDb(), user.id, locale);
  return redirect(back, {
    headers: { 'Set-Cookie': `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}

export function loader() {
  return redirect('/');
}
