import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { Honeypot, SubmitButton } from '~/components/form';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { TextField } from '~/components/ui/fields';
import { localeFromRequest, translator, useT } from '~/i18n';
import { clientIp } from '~/load-context';
import { requestPasswordReset } from '~/modules/auth/accounts.server';
import { emailOnlySchema, type EmailOnlyFields } from '~/modules/auth/schemas';
import { honeypotFilled, minutesFrom } from '~/modules/forms.server';
import { pageTitle } from '~/components/page-title';
import { useBrowserValidation } from '~/components/ui/validation';
import { ErrorSummary } from '~/components/ui/error-summary';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.forgot');

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(localeFromRequest(request));
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: emailOnlySchema(t) });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  // The same answer whether or not an account has this address (no enumeration): a 303 to the page with
  // the "if there is an account, we sent a link" notice; a filled-in honeypot looks the same.
  if (honeypotFilled(formData)) return redirectWithNotice(request, 'notice.forgot.sent');
  const outcome = await requestPasswordReset(getDb(), { email: submission.value.email, ip: clientIp(context) });
  if (outcome.status === 'rate-limited') {
    const message = t('form.rateLimited', { count: minutesFrom(outcome.retryAfterSeconds) });
    return data({ result: submission.reply({ formErrors: [message] }) }, { status: 429 });
  }
  return redirectWithNotice(request, 'notice.forgot.sent');
}

export default function ForgotPassword() {
  const t = useT();
  const acted = useActionData<typeof action>();
  const [form, fields] = useForm<EmailOnlyFields>({
    id: 'forgot',
    lastResult: acted?.result,
    ...useBrowserValidation(() => emailOnlySchema(t), [t.locale]),
  });
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('forgot.title')}</h1>
      <p className="utrecht-paragraph">{t('forgot.intro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <TextField required meta={fields.email} label={t('login.email')} type="email" autoComplete="email" />
        <Honeypot />
        <SubmitButton>{t('forgot.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
