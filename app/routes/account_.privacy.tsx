import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';
import { getDb } from '~db/client.server';
import { FormAlert, SubmitButton, useSubmitRound } from '~/components/form';
import { ErrorSummary } from '~/components/ui/error-summary';
import { TextField } from '~/components/ui/fields';
import { useBrowserValidation } from '~/components/ui/validation';
import { Notice } from '~/components/ui/notice';
import { localeFromRequest, translator, useT } from '~/i18n';
import { clearSessionCookie, requireUser } from '~/modules/auth/session.server';
import { formatMoment } from '~/modules/time';
import { auditEntityLabel, consentPurposeLabel, consentVersionLabel } from '~/modules/labels';
import { withdrawConsent, consentsOf } from '~/modules/privacy/consent.server';
import { deleteAccount } from '~/modules/privacy/deletion.server';
import { specialDataAccess } from '~/modules/privacy/personal-data.server';
import { deleteAccountSchema, type DeleteAccountFields } from '~/modules/privacy/schemas';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';
import { hasPassword, recheckPassword } from '~/modules/auth/accounts.server';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.accountPrivacy');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const [withPassword, mine, access] = await Promise.all([
    hasPassword(db, user.id),
    consentsOf(db, user.id),
    specialDataAccess(db, user.id, 100),
  ]);
  // The confirmation step for withdrawing one consent: `?intrekken=<id>` of a consent still valid.
  const asked = new URL(request.url).searchParams.get('intrekken');
  const toWithdraw = mine.find((c) => c.id === asked && !c.withdrawnAt);
  return {
    hasPassword: withPassword,
    toWithdraw: toWithdraw
      ? {
          id: toWithdraw.id,
          purposeKey: toWithdraw.purpose,
          purpose: consentPurposeLabel(t, toWithdraw.purpose),
          givenAt: formatMoment(locale, toWithdraw.givenAt),
        }
      : null,
    consents: mine.map((c) => ({
      id: c.id,
      purpose: consentPurposeLabel(t, c.purpose),
      textVersion: consentVersionLabel(t, locale, c.textVersion),
      givenAt: formatMoment(locale, c.givenAt),
      withdrawnAt: c.withdrawnAt ? formatMoment(locale, c.withdrawnAt) : null,
    })),
    access: access.map((a) => ({
      at: formatMoment(locale, a.at),
      action: t(`privacy.access.action.${a.action}`),
      entity: auditEntityLabel(t, a.entity),
      actor: a.actor,
      organisation: a.organisation,
    })),
  };
}

type DeleteReply = SubmissionResult<string[]>;
type ActionResult = { kind: 'withdrawn'; purpose: string } | { kind: 'withdraw-not-found' } | { kind: 'delete'; result: DeleteReply };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const t = translator(localeFromRequest(request));
  const form = await request.formData();
  const intent = form.get('intent');

  if (intent === 'withdraw') {
    const consentId = String(form.get('consentId') ?? '');
    // Withdrawing can erase data at once: only the confirmation step's button (confirm=yes) does it.
    // A post without it (the old one-click button, a forged post) goes to that step, changing nothing.
    if (!confirmed(form)) {
      const mine = await consentsOf(db, user.id);
      if (!mine.some((c) => c.id === consentId && !c.withdrawnAt))
        return data({ kind: 'withdraw-not-found' } satisfies ActionResult, { status: 404 });
      return redirect(`/account/privacy?intrekken=${encodeURIComponent(consentId)}#intrekken`, 303);
    }
    const outcome = await withdrawConsent(db, user.id, consentId);
    if (outcome.status === 'not-found') return data({ kind: 'withdraw-not-found' } satisfies ActionResult, { status: 404 });
    return { kind: 'withdrawn', purpose: outcome.purpose } satisfies ActionResult;
  }

  if (intent === 'delete') {
    const submission = parseWithZod(form, { schema: deleteAccountSchema(t, await hasPassword(db, user.id)) });
    const hide = { hideFields: ['password'] };
    if (submission.status !== 'success') {
      return data({ kind: 'delete', result: submission.reply(hide) } satisfies ActionResult, { status: 400 });
    }
    if ((await recheckPassword(db, user.id, submission.value.password ?? '')) !== 'ok') {
      const result = submission.reply({ ...hide, fieldErrors: { password: [t('privacy.delete.passwordWrong')] } });
      return data({ kind: 'delete', result } satisfies ActionResult, { status: 400 });
    }
    await deleteAccount(db, user.id);
    return redirect('/account/verwijderd', { status: 303, headers: { 'Set-Cookie': clearSessionCookie() } });
  }

  return data({ kind: 'withdraw-not-found' } satisfies ActionResult, { status: 400 });
}

export default function PrivacyPage() {
  const t = useT();
  const { hasPassword, consents, access, toWithdraw } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const deleteResult = acted?.kind === 'delete' ? acted.result : undefined;
  const confirming = params.get('verwijderen') === '1' || Boolean(deleteResult);

  return (
    <>
      <h1 className="utrecht-heading-1">{t('privacy.page.title')}</h1>
      <p className="utrecht-paragraph">{t('privacy.page.lead')}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/account">
          {t('privacy.page.back')}
        </Link>{' '}
        ·{' '}
        <Link className="utrecht-link" to="/privacy">
          {t('privacy.page.statement')}
        </Link>{' '}
        ·{' '}
        <Link className="utrecht-link" to="/account/e-mail">
          {t('privacy.account.emailLink')}
        </Link>
      </p>

      <section className="pa-section" aria-labelledby="consents-heading" id="toestemmingen">
        <h2 className="utrecht-heading-2" id="consents-heading">
          {t('privacy.consents.heading')}
        </h2>
        {acted?.kind === 'withdrawn' ? (
          <Notice>
            {acted.purpose === 'special-category'
              ? t('privacy.consents.withdrawnSpecial')
              : acted.purpose === 'shared-needs'
                ? t('privacy.consents.withdrawnShared')
                : acted.purpose === 'marketing'
                  ? t('privacy.consents.withdrawnMarketing')
                  : t('privacy.consents.withdrawn')}
          </Notice>
        ) : null}
        {acted?.kind === 'withdraw-not-found' ? <FormAlert messages={[t('privacy.consents.notFound')]} /> : null}
        {toWithdraw ? (
          <ConfirmStep
            id="intrekken"
            heading={t('privacy.consents.confirmHeading', { purpose: toWithdraw.purpose })}
            intent="withdraw"
            fields={{ consentId: toWithdraw.id }}
            submit={t('privacy.consents.confirmSubmit')}
            keepTo="/account/privacy#toestemmingen"
            keep={t('privacy.consents.keep')}
            action="/account/privacy"
          >
            <p className="utrecht-paragraph">
              {toWithdraw.purposeKey === 'special-category'
                ? t('privacy.consents.confirmSpecial')
                : toWithdraw.purposeKey === 'shared-needs'
                  ? t('privacy.consents.confirmShared')
                  : toWithdraw.purposeKey === 'marketing'
                    ? t('privacy.consents.confirmMarketing')
                    : t('privacy.consents.confirmOther')}
            </p>
          </ConfirmStep>
        ) : null}
        {consents.length === 0 ? (
          <p className="utrecht-paragraph">{t('privacy.consents.none')}</p>
        ) : (
          <DataTable
            id="consents-caption"
            caption={t('privacy.consents.caption')}
            rows={consents}
            rowKey={(c) => c.id}
            columns={[
              { key: 'purpose', header: t('privacy.consents.purpose'), cell: (c) => c.purpose },
              { key: 'version', header: t('privacy.consents.version'), cell: (c) => c.textVersion },
              { key: 'given', header: t('privacy.consents.given'), cell: (c) => c.givenAt },
              {
                key: 'status',
                header: t('privacy.consents.status'),
                cell: (c) =>
                  c.withdrawnAt ? (
                    t('privacy.consents.withdrawnOn', { date: c.withdrawnAt })
                  ) : (
                    <>
                      {t('privacy.consents.active')}{' '}
                      <Link
                        className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                        to={`/account/privacy?intrekken=${c.id}#intrekken`}
                        aria-label={t('privacy.consents.withdrawLabel', { purpose: c.purpose, date: c.givenAt })}
                      >
                        {t('privacy.consents.withdraw')}
                      </Link>
                    </>
                  ),
              },
            ]}
          />
        )}
      </section>

      <section className="pa-section" aria-labelledby="access-heading" id="inzage">
        <h2 className="utrecht-heading-2" id="access-heading">
          {t('privacy.access.heading')}
        </h2>
        <p className="utrecht-paragraph">{t('privacy.access.lead')}</p>
        {access.length === 0 ? (
          <p className="utrecht-paragraph">{t('privacy.access.none')}</p>
        ) : (
          <DataTable
            id="access-caption"
            caption={t('privacy.access.caption')}
            rows={access}
            rowKey={(_, i) => String(i)}
            columns={[
              { key: 'when', header: t('privacy.access.when'), cell: (a) => a.at },
              { key: 'who', header: t('privacy.access.who'), cell: (a) => a.actor ?? t('privacy.access.system') },
              { key: 'organisation', header: t('privacy.access.organisation'), cell: (a) => a.organisation ?? '' },
              {
                key: 'what',
                header: t('privacy.access.what'),
                cell: (a) => (
                  <>
                    {a.action}: {a.entity}
                  </>
                ),
              },
            ]}
          />
        )}
      </section>

      <section className="pa-section" aria-labelledby="export-heading" id="downloaden">
        <h2 className="utrecht-heading-2" id="export-heading">
          {t('privacy.export.heading')}
        </h2>
        <p className="utrecht-paragraph">{t('privacy.export.body')}</p>
        <p className="utrecht-paragraph">
          <a
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href="/account/privacy/export.json"
            download
          >
            {t('privacy.export.button')}
          </a>
        </p>
      </section>

      <section className="pa-section" aria-labelledby="delete-heading" id="verwijderen">
        <h2 className="utrecht-heading-2" id="delete-heading">
          {t('privacy.delete.heading')}
        </h2>
        <p className="utrecht-paragraph">{t('privacy.delete.body')}</p>
        {confirming ? (
          <div className="utrecht-alert utrecht-alert--warning" role="region" aria-labelledby="delete-confirm-heading">
            <div className="utrecht-alert__message">
              <h3 className="utrecht-heading-3" id="delete-confirm-heading">
                {t('privacy.delete.confirmHeading')}
              </h3>
              <p className="utrecht-paragraph">{t('privacy.delete.confirmBody')}</p>
              <DeleteAccountForm hasPassword={hasPassword} lastResult={deleteResult} />
            </div>
          </div>
        ) : (
          <p className="utrecht-paragraph">
            <Link
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              to="/account/privacy?verwijderen=1#verwijderen"
            >
              {t('privacy.delete.start')}
            </Link>
          </p>
        )}
      </section>
    </>
  );
}

/** The last step of deleting the account: the password again (when there is one) and the button. */
function DeleteAccountForm({ hasPassword, lastResult }: { hasPassword: boolean; lastResult: DeleteReply | undefined }) {
  const t = useT();
  const [form, fields] = useForm<DeleteAccountFields>({
    id: 'delete-account',
    lastResult,
    ...useBrowserValidation(() => deleteAccountSchema(t, hasPassword), [t.locale, hasPassword]),
  });
  const round = useSubmitRound(lastResult);
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      {hasPassword ? (
        <TextField
          required
          meta={fields.password}
          label={t('privacy.delete.password')}
          description={t('privacy.delete.passwordHelp')}
          type="password"
          autoComplete="current-password"
          resetKey={round}
        />
      ) : null}
      <p className="pa-inline-actions">
        <SubmitButton name="intent" value="delete">
          {t('privacy.delete.confirm')}
        </SubmitButton>{' '}
        <Link className="utrecht-link" to="/account/privacy#verwijderen">
          {t('privacy.delete.cancel')}
        </Link>
      </p>
    </Form>
  );
}
