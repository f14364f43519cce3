import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import {
  AcceptForm,
  CheckInForm,
  CheckInTable,
  ContactDetails,
  MenteeDetails,
  ProposalReasons,
  ReasonStep,
  DeclineProposal,
  replyFor,
  Section,
} from '~/components/matches';
import { localeFromRequest, translator, useT } from '~/i18n';
import { requireMentor } from '~/modules/mentoring/guards.server';
import { handleMatchForm } from '~/routes/match-form.server';
import { dutchToday } from '~/modules/clock.server';
import { firstName } from '~/modules/text';
import { matchesOfMentor } from '~/modules/mentoring/matches.server';
import { checkInRows, dateText, proposalView } from '~/modules/mentoring/views.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.mentor');

export async function loader({ request }: LoaderFunctionArgs) {
  const { profile } = await requireMentor(request);
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const found = await matchesOfMentor(getDb(), profile.id);
  return {
    today: dutchToday(),
    // The confirmation steps for ending a match with a mentee (`?stoppen=<match id>`) and for declining
    // a proposal (`?afzeggen=<match id>`).
    ending: new URL(request.url).searchParams.get('stoppen'),
    declining: new URL(request.url).searchParams.get('afzeggen'),
    proposals: found.proposals.map((ctx) => proposalView(ctx, locale, t)),
    // Contact details of mentees only now that the mentor accepted them.
    active: found.active.map((ctx) => ({
      id: ctx.match.id,
      name: ctx.mentee.name,
      email: ctx.mentee.email,
      phone: ctx.application.phone,
      networkName: ctx.network.name,
      since: dateText(locale, ctx.match.acceptedAt),
      checkIns: checkInRows(ctx.checkIns, locale, t),
    })),
    earlier: found.earlier.map((ctx) => ({
      id: ctx.match.id,
      name: ctx.match.acceptedAt ? ctx.mentee.name : firstName(ctx.mentee.name),
      status: ctx.match.status,
      networkName: ctx.network.name,
      wasActive: ctx.match.acceptedAt !== null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, profile } = await requireMentor(request);
  return handleMatchForm(getDb(), request, user, profile.id, '/mentor');
}

export default function MentorHome() {
  const t = useT();
  const { today, proposals, active, earlier, ending, declining } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <h1 className="utrecht-heading-1">{t('matches.mentor.title')}</h1>
      <p className="utrecht-paragraph">{t('matches.mentor.lead')}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/mentor/profiel">
          {t('matches.mentor.profileLink')}
        </Link>
      </p>

      <Section id="proposals-heading" title={t('matches.mentor.proposals')}>
        {proposals.length === 0 ? (
          <p className="utrecht-paragraph">{t('matches.mentor.noProposals')}</p>
        ) : (
          <>
            <p className="utrecht-paragraph">{t('matches.mentor.proposalsIntro')}</p>
            {proposals.map((p) => (
              <article className="pa-item" key={p.id} aria-labelledby={`proposal-${p.id}`}>
                <h3 className="utrecht-heading-3" id={`proposal-${p.id}`}>
                  {t('matches.proposal.heading', { name: p.mentee.firstName })}
                </h3>
                <p className="utrecht-paragraph">
                  {t('matches.proposal.network', { network: p.networkName })}
                  {p.answerBy ? ` ${t('matches.proposal.answerBy', { date: p.answerBy })}` : ''}
                </p>
                <MenteeDetails mentee={p.mentee} />
                <ProposalReasons id={`why-${p.id}`} reasons={p.reasons} score={p.score} level={4} />
                <AcceptForm matchId={p.id} name={p.mentee.firstName} />
                <DeclineProposal
                  matchId={p.id}
                  name={p.mentee.firstName}
                  page="/mentor"
                  declining={declining === p.id}
                  lastResult={replyFor(reply, `decline-${p.id}`)}
                  headingLevel={4}
                  keepTo={`/mentor#decline-heading-${p.id}`}
                />
                <p className="utrecht-paragraph">
                  <Link className="utrecht-link" to={`/mentor/voorstellen/${p.id}`}>
                    {t('matches.mentor.openProposal')}
                  </Link>
                </p>
              </article>
            ))}
          </>
        )}
      </Section>

      <Section id="mentees-heading" title={t('matches.mentor.mentees')}>
        {active.length === 0 ? <p className="utrecht-paragraph">{t('matches.mentor.noMentees')}</p> : null}
        {active.map((m) => (
          <article className="pa-item" key={m.id} aria-labelledby={`mentee-${m.id}`}>
            <h3 className="utrecht-heading-3" id={`mentee-${m.id}`}>
              {m.name}
            </h3>
            <p className="utrecht-paragraph">
              {m.networkName} · {t('matches.field.since')}: {m.since}
            </p>
            <ContactDetails email={m.email} phone={m.phone} />
            <h4 className="utrecht-heading-4">{t('matches.checkIns.heading')}</h4>
            <CheckInTable id={`check-ins-${m.id}`} caption={t('matches.checkIns.caption', { name: m.name })} rows={m.checkIns} />
            <CheckInForm
              id={`check-in-${m.id}`}
              matchId={m.id}
              today={today}
              lastResult={replyFor(reply, `check-in-${m.id}`)}
              headingLevel={4}
            />
            {ending === m.id ? (
              <ReasonStep
                intent="end"
                matchId={m.id}
                heading={t('matches.end.confirmHeading', { name: m.name })}
                label={t('matches.end.reason')}
                submit={t('matches.end.submit')}
                keepTo={`/mentor#mentee-${m.id}`}
                keep={t('matches.end.keep')}
                lastResult={replyFor(reply, `end-${m.id}`)}
              >
                <p className="utrecht-paragraph">{t('matches.end.introMentor', { name: m.name })}</p>
              </ReasonStep>
            ) : (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={`/mentor?stoppen=${m.id}#stoppen`}>
                  {t('matches.end.link', { name: m.name })}
                </Link>
              </p>
            )}
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`/koppeling/${m.id}`}>
                {t('matches.mentor.openMatch')}
              </Link>
            </p>
          </article>
        ))}
      </Section>

      {earlier.length ? (
        <Section id="earlier-heading" title={t('matches.mentor.earlier')}>
          <ul className="utrecht-unordered-list">
            {earlier.map((m) => (
              <li className="utrecht-unordered-list__item" key={m.id}>
                {m.wasActive ? (
                  <Link className="utrecht-link" to={`/koppeling/${m.id}`}>
                    {m.name}
                  </Link>
                ) : (
                  m.name
                )}{' '}
                ({m.networkName}): {t(`matches.status.${m.status}`)}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
