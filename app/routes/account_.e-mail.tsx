import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { emailCategories } from '~db/schema/privacy';
import { SubmitButton } from '~/components/form';
import { ErrorSummary } from '~/components/ui/error-summary';
import { CheckboxGroupField } from '~/components/ui/fields';
import { useBrowserValidation } from '~/components/ui/validation';
import { Notice } from '~/components/ui/notice';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { setNewsConsent } from '~/modules/privacy/consent.server';
import { isSuppressed, preferencesFor, setPreferences } from '~/modules/email/preferences.server';
import { emailPreferencesSchema, type EmailPreferencesFields } from '~/modules/privacy/schemas';
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
  const submission = parseWithZod(await request.formData(), { schema: emailPreferencesSchema(translator(localeFromRequest(request))) });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const on = new Set(submission.value.on);
  await setPreferences(db, user.email, user.id, {
    reminders: on.has('reminders'),
    'follow-ups': on.has('follow-ups'),
    outcomes: on.has('outcomes'),
  });
  // News is marketing: switching it on records the consent, switching it off withdraws it.
  await setNewsConsent(db, user.id, on.has('news'));
  return redirectWithNotice(request, 'notice.privacy.emailSaved');
}

export default function EmailSettings() {
  const t = useT();
  const { email, preferences, suppressed } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [form, fields] = useForm<EmailPreferencesFields>({
    id: 'email-preferences',
    lastResult: acted?.result,
    defaultValue: { on: emailCategories.filter((category) => preferences[category]) },
    ...useBrowserValidation(() => emailPreferencesSchema(t), [t.locale]),
  });
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('privacy.email.title')}</h1>
      <p className="utrecht-paragraph">{t('privacy.email.lead')}</p>
      {suppressed ? <Notice kind="warning">{t('privacy.email.suppressed', { email })}</Notice> : null}
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <CheckboxGroupField
          meta={fields.on}
          legend={t('privacy.email.legend')}
          options={emailCategories.map((category) => ({ value: category, label: t(`privacy.email.${category}`) }))}
        />
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
