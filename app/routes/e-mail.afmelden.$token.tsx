import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { FormAlert, SubmitButton } from '~/components/form';
import { ActionNotice } from '~/components/ui/notice';
import { useT } from '~/i18n';
import { findUserByEmail } from '~/modules/auth/accounts.server';
import { setNewsConsent } from '~/modules/privacy/consent.server';
import { setPreferences, verifyUnsubscribeToken } from '~/modules/email/preferences.server';
import { pageTitle } from '~/components/page-title';

// /e-mail/afmelden/:token — the unsubscribe link of every non-transactional email. GET asks, POST
// acts, without login. Mail clients' one-click unsubscribe (RFC 8058) POSTs here with the body
// `List-Unsubscribe=One-Click` and no Origin of ours: server/security.ts lets this path through.

export const meta: MetaFunction = (args) => pageTitle(args, 'title.unsubscribe', {}, { noindex: true });

export async function loader({ params }: LoaderFunctionArgs) {
  const found = verifyUnsubscribeToken(params.token ?? '');
  if (!found) return data({ valid: false as const }, { status: 404 });
  return { valid: true as const, email: found.email, category: found.category };
}

export async function action({ params }: ActionFunctionArgs) {
  const found = verifyUnsubscribeToken(params.token ?? '');
  if (!found) return data({ done: false as const }, { status: 404 });
  const db = getDb();
  const user = await findUserByEmail(db, found.email);
  if (found.category === 'news' && user) await setNewsConsent(db, user.id, false);
  else await setPreferences(db, found.email, user?.id ?? null, { [found.category]: false });
  return { done: true as const };
}

export default function Unsubscribe() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  return (
    <div className="pa-narrow">
      {/* The answer to a one-time link comes as action data; the notice is focused as after a redirect. */}
      {loaded.valid && acted?.done ? <ActionNotice>{t('privacy.unsubscribe.done', { email: loaded.email })}</ActionNotice> : null}
      <h1 className="utrecht-heading-1">{t('privacy.unsubscribe.title')}</h1>
      {!loaded.valid ? (
        <FormAlert messages={[t('privacy.unsubscribe.invalid')]} />
      ) : acted?.done ? null : (
        <Form method="post">
          <p className="utrecht-paragraph">
            {t('privacy.unsubscribe.question', { category: t(`privacy.email.${loaded.category}`), email: loaded.email })}
          </p>
          <SubmitButton>{t('privacy.unsubscribe.button')}</SubmitButton>
        </Form>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/account/e-mail">
          {t('privacy.unsubscribe.settings')}
        </Link>
      </p>
    </div>
  );
}
