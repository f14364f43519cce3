import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { emailCategories } from '~db/schema';
import { Notice, SubmitButton } from '~/components/form';
import { useT, type MessageKey } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { setNewsConsent } from '~/modules/privacy/consent.server';
import { isSuppressed, preferencesFor, setPreferences } from '~/modules/email/preferences.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.accountEmail');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const [preferences, suppressed] = await Promise.all([preferencesFor(db, user.email), isSuppressed(db, user.email)]);
  return { email: user.email, preferences, suppressed };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const form = await request.formData();
  const on = new Set(form.getAll('on').map(String));
  await setPreferences(db, user.email, user.id, {
    reminders: on.has('reminders'),
    'follow-ups': on.has('follow-ups'),
    outcomes: on.has('outcomes'),
  });
  // News is marketing: switching it on records the consent, switching it off withdraws it.
  await setNewsConsent(db, user.id, on.has('news'));
  return { saved: true };
}

export default function EmailSettings() {
  const t = useT();
  const { email, preferences, suppressed } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('privacy.email.title')}</h1>
      <p className="utrecht-paragraph">{t('privacy.email.lead')}</p>
      {acted?.saved ? <Notice>{t('privacy.email.saved')}</Notice> : null}
      {suppressed ? <Notice kind="warning">{t('privacy.email.suppressed', { email })}</Notice> : null}
      <Form method="post">
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('privacy.email.legend')}</legend>
          <ul className="pa-check-list">
            {emailCategories.map((category) => (
              <li key={category}>
                <label className="pa-check" htmlFor={`email-${category}`}>
                  <input
                    id={`email-${category}`}
                    type="checkbox"
                    name="on"
                    value={category}
                    defaultChecked={preferences[category]}
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                  />
                  <span>{t(`privacy.email.${category}` as MessageKey)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <SubmitButton>{t('privacy.email.save')}</SubmitButton>
      </Form>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/account/privacy">
          {t('privacy.account.link')}
        </Link>{' '}
        ·{' '}
        <Link className="utrecht-link" to="/account">
          {t('privacy.page.back')}
        </Link>
      </p>
    </div>
  );
}
