import { getFormProps, useForm } from '@conform-to/react';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton, useSubmitRound } from '~/components/form';
import { TextField } from '~/components/ui/fields';
import { TokenProblem } from '~/components/token-problem';
import { localeFromRequest, translator, useT } from '~/i18n';
import { resetPassword } from '~/modules/auth/accounts.server';
import { resetPasswordSchema, type ResetPasswordFields } from '~/modules/auth/schemas';
import { clearSessionCookie } from '~/modules/auth/session.server';
import { loadTokenPage } from '~/modules/auth/token-page.server';
import { pageTitle } from '~/components/page-title';
import { useBrowserValidation } from '~/components/ui/validation';
import { ErrorSummary } from '~/components/ui/error-summary';
import { linkProblemStatus } from '~/modules/http.server';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.reset', {}, { noindex: true });

export const loader = ({ params }: LoaderFunctionArgs) => loadTokenPage(params.token, 'password-reset');

export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(localeFromRequest(request));
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: resetPasswordSchema(t) });
  if (submission.status !== 'success') {
    return data({ problem: null, result: submission.reply({ hideFields: ['password', 'confirm'] }) }, { status: 400 });
  }
  const outcome = await resetPassword(getDb(), params.token ?? '', submission.value.password);
  if (!outcome.ok) return data({ problem: outcome.problem, result: null }, { status: linkProblemStatus(outcome.problem) });
  // Every session of the account ended, this browser's too: log in again with the new password.
  return redirectWithNotice('/inloggen', 'notice.login.passwordReset', {}, { headers: { 'Set-Cookie': clearSessionCookie() } });
}

export default function ResetPassword() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [form, fields] = useForm<ResetPasswordFields>({
    id: 'reset',
    lastResult: acted?.result,
    ...useBrowserValidation(() => resetPasswordSchema(t), [t.locale]),
  });
  const round = useSubmitRound(acted?.result);
  const problem = acted?.problem ?? loaded.problem;
  if (problem) return <TokenProblem problem={problem} retry="reset" />;
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('reset.title')}</h1>
      <p className="utrecht-paragraph">{t('reset.note')}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <TextField
          required
          meta={fields.password}
          label={t('reset.password')}
          type="password"
          autoComplete="new-password"
          description={t('register.passwordHint')}
          resetKey={round}
        />
        <TextField required meta={fields.confirm} label={t('reset.confirm')} type="password" autoComplete="new-password" resetKey={round} />
        <SubmitButton>{t('reset.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
