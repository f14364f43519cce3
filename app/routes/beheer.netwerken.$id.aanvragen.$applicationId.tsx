import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { Banner } from '~/components/course-parts';
import { localeFromRequest, translator, useT } from '~/i18n';
import { formatDate } from '~/modules/time';
import { codeWords, sourceLabel } from '~/modules/labels';
import { goalIds, slotWords, themeWords } from '~/modules/matching/scoring';
import { applicationMeetingModes, languageIds, mentorGenders } from '~/modules/mentoring/application-options';
import { focusGroups } from '~db/schema';
import { readApplicationForCoordinator } from '~/modules/mentoring/applications.server';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';
import { isUuid, notFound } from '~/modules/http.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.networkApplication', args.data ? { name: args.data.application.name, network: args.data.network.name } : null);

// One application, for the coordinators of its network's organisation. Disability shows only as the
// person's consented self-identification; readApplicationForCoordinator records every such read.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, network, organisations } = await requireNetworkOfCoordinator(request, params.id);
  if (!isUuid(params.applicationId)) throw notFound();
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const found = await readApplicationForCoordinator(
    getDb(),
    { userId: user.id, organisationIds: organisations.map((o) => o.id) },
    network.id,
    params.applicationId,
  );
  if (!found) throw notFound();
  const mustHaves = [
    found.mustHaves.onlineOnly ? t('applications.manage.mustHave.onlineOnly') : null,
    found.mustHaves.mentorGender
      ? t('applications.manage.mustHave.mentorGender', {
          gender: codeWords(mentorGenders, found.mustHaves.mentorGender, (g) => t(`applications.gender.${g}`)),
        })
      : null,
    found.mustHaves.sameParty ? t('applications.manage.mustHave.sameParty') : null,
  ].filter((m): m is string => m !== null);
  const questions = new Map(network.intakeQuestions.map((q) => [q.id, q]));
  return {
    network: { id: network.id, name: network.name },
    application: {
      name: found.name,
      email: found.email,
      phone: found.phone,
      municipalityName: found.municipalityName,
      status: found.status,
      createdAt: formatDate(locale, found.createdAt),
      themes: found.themes.map((theme) => themeWords(theme)[locale]).join(', '),
      goals: found.goals.map((goal) => codeWords(goalIds, goal, (g) => t(`applications.goal.${g}`))),
      goalsText: found.goalsText,
      party: found.party,
      meetingModes: found.meetingModes
        .map((mode) => codeWords(applicationMeetingModes, mode, (m) => t(`applications.mode.${m}`)))
        .join(', '),
      languages: found.languages.map((language) => codeWords(languageIds, language, (l) => t(`applications.language.${l}`))).join(', '),
      availability: found.availability.map((s) => slotWords(s)[locale]).join(', '),
      mustHaves,
      accessibilityNeeds: found.accessibilityNeeds,
      answers: Object.entries(found.answers).map(([id, answer]) => {
        const q = questions.get(id);
        const shown = q?.kind === 'yes-no' ? (answer === 'yes' ? t('applications.form.yes') : t('applications.form.no')) : answer;
        return { id, question: q?.label ?? id, answer: shown };
      }),
      selfIdentification: [
        ...found.selfIdentification.focusGroups.map((group) => codeWords(focusGroups, group, (g) => t(`applications.focus.${g}`))),
        ...(found.selfIdentification.disability ? [t('applications.manage.disabilityConsented')] : []),
      ],
      disabilityShown: found.selfIdentification.disability,
      source: sourceLabel(t, found.source) || t('applications.manage.sourceNone'),
      // Sorted: jsonb keeps its own key order.
      utm: found.utm
        ? Object.entries(found.utm)
            .map(([k, v]) => `${k}=${v}`)
            .sort()
        : [],
    },
  };
}

export default function NetworkApplication() {
  const t = useT();
  const { network, application: a } = useLoaderData<typeof loader>();
  const none = t('applications.manage.none-given');
  return (
    <div className="pa-narrow">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/beheer/netwerken/${network.id}/aanvragen`}>
          {t('applications.manage.backToList')}
        </Link>
      </p>
      <h2 className="utrecht-heading-2">{t('applications.manage.detailTitle', { name: a.name })}</h2>
      <p className="utrecht-paragraph">
        {t(`applications.status.${a.status}`)} · {a.createdAt}
      </p>

      <h3 className="utrecht-heading-3">{t('applications.manage.contact')}</h3>
      <dl className="pa-details">
        <dt>{t('applications.manage.email')}</dt>
        <dd>{a.email}</dd>
        <dt>{t('applications.manage.phone')}</dt>
        <dd>{a.phone ?? none}</dd>
        <dt>{t('applications.manage.municipality')}</dt>
        <dd>{a.municipalityName}</dd>
      </dl>

      <h3 className="utrecht-heading-3">{t('applications.manage.wishes')}</h3>
      <dl className="pa-details">
        <dt>{t('applications.manage.themes')}</dt>
        <dd>{a.themes || none}</dd>
        <dt>{t('applications.manage.goals')}</dt>
        <dd>{a.goals.length ? a.goals.join(', ') : none}</dd>
        <dt>{t('applications.manage.goalsText')}</dt>
        <dd>{a.goalsText || none}</dd>
        <dt>{t('applications.manage.party')}</dt>
        <dd>{a.party ?? t('applications.manage.noParty')}</dd>
        <dt>{t('applications.manage.meetingModes')}</dt>
        <dd>{a.meetingModes || none}</dd>
        <dt>{t('applications.manage.languages')}</dt>
        <dd>{a.languages || none}</dd>
        <dt>{t('applications.manage.availability')}</dt>
        <dd>{a.availability || none}</dd>
        <dt>{t('applications.manage.mustHaves')}</dt>
        <dd>{a.mustHaves.length ? a.mustHaves.join(', ') : none}</dd>
        <dt>{t('applications.manage.accessibilityNeeds')}</dt>
        <dd>{a.accessibilityNeeds ?? none}</dd>
      </dl>

      {a.answers.length ? (
        <>
          <h3 className="utrecht-heading-3">{t('applications.manage.answers')}</h3>
          <dl className="pa-details">
            {a.answers.map((answer) => (
              <div key={answer.id}>
                <dt>{answer.question}</dt>
                <dd>{answer.answer}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}

      <h3 className="utrecht-heading-3">{t('applications.manage.selfIdentification')}</h3>
      <p className="utrecht-paragraph">{a.selfIdentification.length ? a.selfIdentification.join(', ') : none}</p>
      {a.disabilityShown ? (
        <Banner kind="warning" role="none">
          <p className="utrecht-paragraph">{t('applications.manage.disabilityAudit')}</p>
        </Banner>
      ) : null}

      <h3 className="utrecht-heading-3">{t('applications.manage.origin')}</h3>
      <dl className="pa-details">
        <dt>{t('applications.manage.source')}</dt>
        <dd>{a.source}</dd>
        <dt>{t('applications.manage.utm')}</dt>
        <dd>{a.utm.length ? a.utm.join(', ') : none}</dd>
      </dl>
    </div>
  );
}
