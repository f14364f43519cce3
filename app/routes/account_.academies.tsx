import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, useT } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { formatDate, formatMoment } from '~/modules/time';
import { applicationsOf, withdrawApplication } from '~/modules/academies/applications.server';
import { respondToOffer } from '~/modules/academies/selection.server';
import { academiesReviewedBy } from '~/modules/academies/reviewers.server';
import { isUuid, notFound } from '~/modules/http.server';
import { pageTitle } from '~/components/page-title';
import { MyApplications } from '~/components/my-applications';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';
import { AcademyProgrammes, type ProgrammeView } from '~/components/academy-programme';
import { leaveAcademy } from '~/modules/academies/cohort.server';
import { programmesOf } from '~/modules/academies/completion.server';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.accountAcademies');

// The person's academy applications: change or withdraw while the call is open, accept or decline an
// offered place within its claim window. Withdrawing and declining act only after a confirmation step.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = localeFromRequest(request);
  const url = new URL(request.url);
  const [applications, reviewing] = await Promise.all([applicationsOf(getDb(), user.id), academiesReviewedBy(getDb(), user.id)]);
  const pick = (param: string) => applications.find((a) => a.id === url.searchParams.get(param)) ?? null;
  const toWithdraw = pick('intrekken');
  const toDecline = pick('afzeggen');
  // The programme of each place taken (ADR 018, cohort): modules, attendance, completion.
  const programmes: ProgrammeView[] = (await programmesOf(getDb(), user.id)).map((p) => ({
    ...p,
    modules: p.modules.map((m) => ({
      courseId: m.courseId,
      title: m.title,
      dates: m.firstStart
        ? [formatDate(locale, m.firstStart), m.lastEnd ? formatDate(locale, m.lastEnd) : '']
            .filter((d, i, all) => d && all.indexOf(d) === i)
            .join(' – ')
        : '',
      state: m.state,
      attendedSessions: m.attendedSessions,
      sessions: m.sessions,
    })),
    completedOn: p.completedAt ? formatDate(locale, p.completedAt) : null,
  }));
  const toLeave = programmes.find((p) => p.applicationId === url.searchParams.get('stoppen') && p.canLeave) ?? null;
  return {
    programmes,
    confirmLeave: toLeave,
    applications: applications.map((a) => ({
      id: a.id,
      academyId: a.academyId,
      name: a.academyName,
      organisationName: a.organisationName,
      status: a.status,
      closes: a.closesAt ? formatMoment(locale, a.closesAt) : '',
      offerExpires: a.offerExpiresAt ? formatMoment(locale, a.offerExpiresAt) : '',
      decisionReason: a.decisionReason,
      canChange: a.canChange,
      canRespond: a.canRespond,
    })),
    reviewing,
    confirmWithdraw: toWithdraw?.canChange ? { id: toWithdraw.id, academyName: toWithdraw.academyName } : null,
    confirmDecline: toDecline?.canRespond ? { id: toDecline.id, academyName: toDecline.academyName } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get('intent');
  const applicationId = formData.get('applicationId');
  if (!isUuid(applicationId)) throw notFound();
  const db = getDb();
  // To the confirmation step, only with an application of the person's own: another's is a 404 as
  // when confirmed (the step's address never tells whether an id exists).
  const toStep = async (param: 'intrekken' | 'stoppen' | 'afzeggen') => {
    if (!(await applicationsOf(db, user.id)).some((a) => a.id === applicationId)) throw notFound();
    return redirect(`/account/academies?${param}=${applicationId}#${param}`, 303);
  };
  if (intent === 'withdraw') {
    // Only from the confirmation step, like giving up a place.
    if (!confirmed(formData)) return toStep('intrekken');
    const outcome = await withdrawApplication(db, user.id, applicationId);
    if (outcome === 'not-found') throw notFound();
    return redirectWithNotice(
      '/account/academies',
      outcome === 'withdrawn' ? 'notice.academyApplication.withdrawn' : 'notice.academyApplication.notPossible',
    );
  }
  if (intent === 'leave') {
    // Leaving cancels every module: only from the confirmation step.
    if (!confirmed(formData)) return toStep('stoppen');
    const outcome = await leaveAcademy(db, user.id, applicationId);
    if (outcome === 'not-found') throw notFound();
    return redirectWithNotice(
      '/account/academies',
      outcome === 'left' ? 'notice.academyProgramme.left' : 'notice.academyProgramme.notPossible',
    );
  }
  if (intent === 'decline' && !confirmed(formData)) {
    // Declining gives the place to a reserve and cannot be undone: only from the confirmation step.
    return toStep('afzeggen');
  }
  if (intent === 'accept' || intent === 'decline') {
    const outcome = await respondToOffer(db, user.id, applicationId, intent === 'accept');
    if (outcome === 'not-found') throw notFound();
    const key =
      outcome === 'accepted'
        ? 'notice.academyApplication.accepted'
        : outcome === 'refused'
          ? 'notice.academyApplication.declined'
          : 'notice.academyApplication.notPossible';
    return redirectWithNotice('/account/academies', key);
  }
  return data({ done: 'unknown' as const }, { status: 400 });
}

export default function MyAcademyApplications() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/account">
          {t('academyMine.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('academyMine.title')}</h1>
      <AcademyProgrammes programmes={page.programmes} confirmLeave={page.confirmLeave} />
      {page.confirmWithdraw ? (
        <ConfirmStep
          id="intrekken"
          heading={t('academyMine.withdrawHeading', { academy: page.confirmWithdraw.academyName })}
          intent="withdraw"
          fields={{ applicationId: page.confirmWithdraw.id }}
          submit={t('academyMine.withdrawConfirm')}
          keepTo="/account/academies"
          keep={t('academyMine.keep')}
          action="/account/academies"
        >
          <p className="utrecht-paragraph">{t('academyMine.withdrawQuestion', { academy: page.confirmWithdraw.academyName })}</p>
        </ConfirmStep>
      ) : null}
      {page.confirmDecline ? (
        <ConfirmStep
          id="afzeggen"
          heading={t('academyMine.declineHeading', { academy: page.confirmDecline.academyName })}
          intent="decline"
          fields={{ applicationId: page.confirmDecline.id }}
          submit={t('academyMine.declineConfirm')}
          keepTo="/account/academies"
          keep={t('academyMine.keep')}
          action="/account/academies"
        >
          <p className="utrecht-paragraph">{t('academyMine.declineQuestion', { academy: page.confirmDecline.academyName })}</p>
        </ConfirmStep>
      ) : null}
      <MyApplications
        id="academy-applications-caption"
        caption={t('academyMine.caption')}
        rows={page.applications}
        nameHeader={t('academyMine.academy')}
        columns={[
          {
            key: 'status',
            header: t('academyMine.status'),
            cell: (a) => (
              <>
                {t(`academyMine.statusOf.${a.status}`)}
                {a.status === 'submitted' && a.canChange ? (
                  <>
                    <br />
                    {t('academyMine.changeUntil', { date: a.closes })}
                  </>
                ) : null}
                {a.canRespond ? (
                  <>
                    <br />
                    {t('academyMine.respondBefore', { date: a.offerExpires })}
                  </>
                ) : null}
                {a.decisionReason ? (
                  <>
                    <br />
                    {t('academyMine.reason', { reason: a.decisionReason })}
                  </>
                ) : null}
              </>
            ),
          },
        ]}
        actionsHeader={t('academyMine.actions')}
        actions={(a) => [
          ...(a.canChange
            ? [
                {
                  key: 'change',
                  to: `/academies/${a.academyId}/aanmelden`,
                  text: t('academyMine.change'),
                  label: t('academyMine.changeFor', { academy: a.name }),
                },
                {
                  key: 'withdraw',
                  to: `/account/academies?intrekken=${a.id}#intrekken`,
                  text: t('academyMine.withdraw'),
                  label: t('academyMine.withdrawFor', { academy: a.name }),
                },
              ]
            : []),
          ...(a.status === 'accepted'
            ? [
                {
                  key: 'placement',
                  to: `/account/academies/${a.id}/meeloopstage`,
                  text: t('placements.mine.link'),
                  label: t('placements.mine.linkFor', { academy: a.name }),
                },
              ]
            : []),
          ...(a.canRespond
            ? [
                {
                  key: 'accept',
                  node: (
                    <Form method="post" action="/account/academies">
                      <input type="hidden" name="applicationId" value={a.id} />
                      <SubmitButton name="intent" value="accept">
                        {t('academyMine.acceptFor', { academy: a.name })}
                      </SubmitButton>
                    </Form>
                  ),
                },
                {
                  key: 'decline',
                  to: `/account/academies?afzeggen=${a.id}#afzeggen`,
                  text: t('academyMine.decline'),
                  label: t('academyMine.declineFor', { academy: a.name }),
                },
              ]
            : []),
        ]}
        none={t('academyMine.none')}
        find={{ to: '/academies', text: t('academyMine.find') }}
      />
      {page.reviewing.length > 0 ? (
        <section className="pa-section" aria-labelledby="reviewing-heading">
          <h2 className="utrecht-heading-2" id="reviewing-heading">
            {t('academyScoring.reviewing')}
          </h2>
          <ul className="utrecht-unordered-list">
            {page.reviewing.map((a) => (
              <li className="utrecht-unordered-list__item" key={a.id}>
                <Link className="utrecht-link" to={`/academies/${a.id}/beoordelen`}>
                  {t('academyScoring.reviewLink', { academy: a.name })}
                </Link>{' '}
                ({a.organisationName})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
