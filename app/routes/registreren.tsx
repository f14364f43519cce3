import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { Honeypot, SubmitButton, useSubmitRound } from '~/components/form';
import { TextField } from '~/components/ui/fields';
import { localeFromRequest, translator, useT } from '~/i18n';
import { clientIp } from '~/load-context';
import { registerAccount } from '~/modules/auth/accounts.server';
import { registerSchema, type RegisterFields } from '~/modules/auth/schemas';
import { requireAnonymous } from '~/modules/auth/session.server';
import { honeypotFilled, minutesFrom } from '~/modules/forms.server';
import { pageTitle } from '~/components/page-title';
import { useBrowserValidation } from '~/components/ui/validation';
import { ErrorSummary } from '~/components/ui/error-summary';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.register');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const formData = await request.formData();
  if (honeypotFilled(formData)) return redirect('/registreren/verstuurd');
  const submission = parseWithZod(formData, { schema: registerSchema(t) });
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['password'] }), { status: 400 });
  const result = await registerAccount(getDb(), { ...submission.value, locale, ip: clientIp(context) });
  if (result.status === 'rate-limited') {
    return data(
      submission.reply({
        formErrors: [t('form.rateLimited', { count: minutesFrom(result.retryAfterSeconds) })],
        hideFields: ['password'],
      }),
      { status: 429 },
    );
  }
  return redirect('/registreren/verstuurd');
}

export default function Register() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<RegisterFields>({
    id: 'register',
    lastResult,
    ...useBrowserValidation(() => registerSchema(t), [t.locale]),
  });
  const round = useSubmitRound(lastResult);
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('register.title')}</h1>
      <p className="utrecht-paragraph">{t('register.intro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <TextField required meta={fields.name} label={t('register.name')} autoComplete="name" />
        <TextField required meta={fields.email} label={t('register.email')} type="email" autoComplete="email" />
        <TextField
          required
          meta={fields.password}
          label={t('register.password')}
          type="password"
          autoComplete="new-password"
          description={t('register.passwordHint')}
          resetKey={round}
        />
        <Honeypot />
        <SubmitButton>{t('register.submit')}</SubmitButton>
      </Form>
      <p className="utrecht-paragraph">
        {t('register.haveAccount')}{' '}
        <Link className="utrecht-link" to="/inloggen">
          {t('register.loginInstead')}
        </Link>
      </p>
    </div>
  );
}
