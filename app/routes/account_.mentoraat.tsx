import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, useT } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { formatDate } from '~/modules/time';
import { applicationsOfUser, withdrawApplication, withdrawDisabilityConsent } from '~/modules/mentoring/applications.server';
import { isUuid, notFound } from '~/modules/http.server';
import { pageTitle } from '~/components/page-title';
import { MyApplications } from '~/components/my-applications';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.accountApplications');

// The person's applications for a mentor: status, withdraw an application, withdraw the consent for
// special-category data (which erases it). Both act only after a confirmation step, by POST.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = localeFromRequest(request);
  const url = new URL(request.url);
  const applications = await applicationsOfUser(getDb(), user.id);
  const pick = (param: string) => applications.find((a) => a.id === url.searchParams.get(param)) ?? null;
  const toWithdraw = pick('intrekken');
  const consentOf = pick('toestemming');
  return {
    applications: applications.map((a) => ({
      id: a.id,
      name: a.networkName,
      organisationName: a.organisationName,
      status: a.status,
      createdAt: formatDate(locale, a.createdAt),
      sharesDisability: a.sharesDisability,
      canWithdraw: a.canWithdraw,
    })),
    confirmWithdraw: toWithdraw?.canWithdraw ? { id: toWithdraw.id, networkName: toWithdraw.networkName } : null,
    confirmConsent: consentOf?.sharesDisability ? { id: consentOf.id, networkName: consentOf.networkName } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get('intent');
  const applicationId = formData.get('applicationId');
  if (!isUuid(applicationId)) throw notFound();
  const db = getDb();
  // Both change things at once (the consent's withdrawal erases data): only the confirmation step's
  // button (confirm=yes) acts; a post without it opens the step for the person's own application.
  if ((intent === 'withdraw-application' || intent === 'withdraw-consent') && !confirmed(formData)) {
    const mine = (await applicationsOfUser(db, user.id)).find((a) => a.id === applicationId);
    if (!mine) throw notFound();
    const step = intent === 'withdraw-application' ? 'intrekken' : 'toestemming';
    return redirect(`/account/mentoraat?${step}=${applicationId}#${step}`, 303);
  }
  if (intent === 'withdraw-application') {
    const outcome = await withdrawApplication(db, user.id, applicationId);
    if (outcome.status === 'not-found') throw notFound();
    return redirectWithNotice(
      '/account/mentoraat',
      outcome.status === 'not-possible' ? 'notice.application.notPossible' : 'notice.application.withdrawn',
    );
  }
  if (intent === 'withdraw-consent') {
    const outcome = await withdrawDisabilityConsent(db, user.id, applicationId);
    if (outcome.status === 'not-found') throw notFound();
    return redirectWithNotice('/account/mentoraat', 'notice.application.consentWithdrawn');
  }
  return data({ done: 'unknown' as const }, { status: 400 });
}

export default function MyMentoringApplications() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/account">
          {t('applications.mine.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('applications.mine.title')}</h1>

      {page.confirmWithdraw ? (
        <ConfirmStep
          id="intrekken"
          heading={t('applications.mine.withdrawHeading', { network: page.confirmWithdraw.networkName })}
          intent="withdraw-application"
          fields={{ applicationId: page.confirmWithdraw.id }}
          action="/account/mentoraat"
          submit={t('applications.mine.withdrawConfirm')}
          keepTo="/account/mentoraat"
          keep={t('applications.mine.keep')}
        >
          <p className="utrecht-paragraph">{t('applications.mine.withdrawQuestion', { network: page.confirmWithdraw.networkName })}</p>
        </ConfirmStep>
      ) : null}
      {page.confirmConsent ? (
        <ConfirmStep
          id="toestemming"
          heading={t('applications.mine.consentHeading', { network: page.confirmConsent.networkName })}
          intent="withdraw-consent"
          fields={{ applicationId: page.confirmConsent.id }}
          action="/account/mentoraat"
          submit={t('applications.mine.consentConfirm')}
          keepTo="/account/mentoraat"
          keep={t('applications.mine.keep')}
        >
          <p className="utrecht-paragraph">{t('applications.mine.consentQuestion')}</p>
        </ConfirmStep>
      ) : null}

      <MyApplications
        id="applications-caption"
        caption={t('applications.mine.caption')}
        rows={page.applications}
        nameHeader={t('applications.mine.network')}
        columns={[
          { key: 'date', header: t('applications.mine.date'), cell: (a) => a.createdAt },
          {
            key: 'status',
            header: t('applications.mine.status'),
            cell: (a) => (
              <>
                {t(`applications.status.${a.status}`)}
                {a.sharesDisability ? (
                  <>
                    <br />
                    {t('applications.mine.sharesDisability')}
                  </>
                ) : null}
              </>
            ),
          },
        ]}
        actionsHeader={t('applications.mine.actions')}
        actions={(a) => [
          ...(a.canWithdraw
            ? [
                {
                  key: 'withdraw',
                  to: `/account/mentoraat?intrekken=${a.id}#intrekken`,
                  text: t('applications.mine.withdraw'),
                  label: t('applications.mine.withdrawFor', { network: a.name }),
                },
              ]
            : []),
          ...(a.sharesDisability
            ? [
                {
                  key: 'consent',
                  to: `/account/mentoraat?toestemming=${a.id}#toestemming`,
                  text: t('applications.mine.withdrawConsent'),
                  label: t('applications.mine.withdrawConsentFor', { network: a.name }),
                },
              ]
            : []),
        ]}
        none={t('applications.mine.none')}
        find={{ to: '/mentoraat', text: t('applications.mine.find') }}
      />
    </>
  );
}
