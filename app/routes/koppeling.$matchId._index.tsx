import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { CheckInForm, CheckInTable, ContactDetails, ReasonStep, replyFor, Section } from '~/components/matches';
import { MeetingForm, MeetingTable, SharedNeedsForm, SharedNeedsList, StopSharingButton, WhyMentor } from '~/components/meetings';
import { handleMeetingForm, isMeetingIntent } from '~/routes/meeting-form.server';
import { meetingsOf } from '~/modules/mentoring/meetings.server';
import { sharedNeedsOf } from '~/modules/mentoring/shared-needs.server';
import { meetingView, sharedNeedsView, whyThisMentor } from '~/modules/mentoring/meeting-views.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { handleMatchForm } from '~/routes/match-form.server';
import { checkInsOf, feedbackGiven, matchOfParticipant } from '~/modules/mentoring/matches.server';
import { dutchToday } from '~/modules/clock.server';
import { firstName } from '~/modules/text';
import { checkInRows, dateText } from '~/modules/mentoring/views.server';
import { isUuid, notFound } from '~/modules/http.server';
import { pageTitle } from '~/components/page-title';
import { CandidacyRoute } from '~/components/candidacy-route';
import { matchRouteView } from '~/modules/candidacy/views.server';
import { handleRouteForm } from '~/routes/route-form.server';

// One match, for its mentee and its mentor (anyone else: 404). Contact details only while it is active.

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, 'title.match', args.data ? { name: args.data.otherName } : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.matchId)) throw notFound();
  const db = getDb();
  const ctx = await matchOfParticipant(db, params.matchId, user.id);
  if (!ctx) throw notFound();
  const { match } = ctx;
  if (ctx.role === 'mentor' && match.status === 'proposed') throw redirect(`/mentor/voorstellen/${match.id}`);
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const accepted = match.acceptedAt !== null;
  const other = ctx.role === 'mentee' ? ctx.mentor : ctx.mentee;
  const otherPhone = ctx.role === 'mentee' ? ctx.mentor.phone : ctx.application.phone;
  const feedback = [];
  if (match.fourWeekMailSentAt && !(await feedbackGiven(db, match.id, user.id, 'four-weeks'))) feedback.push('four-weeks');
  if (match.endMailSentAt && !(await feedbackGiven(db, match.id, user.id, 'end'))) feedback.push('end');
  return {
    id: match.id,
    role: ctx.role,
    status: match.status,
    // The confirmation step for ending the match: `?stoppen=<match id>`.
    ending: match.status === 'active' && new URL(request.url).searchParams.get('stoppen') === match.id,
    networkName: ctx.network.name,
    otherName: ctx.role === 'mentor' && !accepted ? firstName(other.name) : other.name,
    contact: match.status === 'active' ? { email: other.email, phone: otherPhone } : null,
    since: dateText(locale, match.acceptedAt),
    endedOn: dateText(locale, match.endedAt),
    checkIns: accepted ? checkInRows(await checkInsOf(db, [match.id]), locale, t) : [],
    feedback,
    today: dutchToday(),
    ...meetingView(await meetingsOf(db, match.id), {
      userId: user.id,
      otherName: other.name,
      active: match.status === 'active',
      counterId: new URL(request.url).searchParams.get('tegenvoorstel'),
      locale,
      t,
    }),
    // Shared needs: the mentee sees their own; the mentor only what is shared, only while the match is active.
    sharedNeeds: ctx.role === 'mentee' || match.status === 'active' ? sharedNeedsView(await sharedNeedsOf(db, match.id), t) : null,
    why: ctx.role === 'mentee' && accepted ? whyThisMentor(match.reasons, locale) : null,
    // The candidacy route (issue 17), once the mentor accepted: only the two people of this match reach it.
    route: accepted ? await matchRouteView(db, { id: match.id, networkId: match.networkId }, locale) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.matchId)) throw notFound();
  const intent = (await request.clone().formData()).get('intent');
  if (isMeetingIntent(intent)) return handleMeetingForm(getDb(), request, user, params.matchId);
  const routeReply = await handleRouteForm(getDb(), request, user, `/koppeling/${params.matchId}`);
  if (routeReply) return routeReply;
  return handleMatchForm(getDb(), request, user, null, `/koppeling/${params.matchId}`);
}

export default function MatchPage() {
  const t = useT();
  const m = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={m.role === 'mentor' ? '/mentor' : '/account/koppelingen'}>
          {m.role === 'mentor' ? t('matches.proposal.backToMentor') : t('matches.match.allMatches')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('matches.match.title', { name: m.otherName })}</h1>

      {m.status === 'proposed' ? (
        <>
          <p className="utrecht-paragraph">{t('matches.match.proposedMentee', { name: m.otherName, network: m.networkName })}</p>
          <p className="utrecht-paragraph">{t('matches.contact.later')}</p>
        </>
      ) : m.status === 'declined' || m.status === 'expired' ? (
        <p className="utrecht-paragraph">{m.role === 'mentee' ? t('matches.match.gone') : t(`matches.status.${m.status}`)}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">
            {m.role === 'mentee'
              ? t('matches.match.roleMentee', { name: m.otherName, network: m.networkName })
              : t('matches.match.roleMentor', { name: m.otherName, network: m.networkName })}{' '}
            {t('matches.field.since')}: {m.since}.
          </p>
          {m.status !== 'active' ? (
            <p className="utrecht-paragraph">
              {m.endedOn ? t('matches.match.ended', { date: m.endedOn }) : t(`matches.status.${m.status}`)}
            </p>
          ) : null}
        </>
      )}

      {m.feedback.length ? (
        <ul className="utrecht-unordered-list">
          {m.feedback.map((moment) => (
            <li className="utrecht-unordered-list__item" key={moment}>
              <Link className="utrecht-link" to={`/koppeling/${m.id}/feedback?moment=${moment}`}>
                {moment === 'end' ? t('matches.feedback.titleEnd') : t('matches.match.feedbackLink')}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}

      {m.contact ? (
        <Section id="contact-heading" title={t('matches.contact.heading', { name: m.otherName })}>
          <ContactDetails email={m.contact.email} phone={m.contact.phone} />
        </Section>
      ) : null}

      {m.why ? <WhyMentor mentorName={m.otherName} reasons={m.why} /> : null}

      {m.status === 'active' ? (
        <Section id="meetings-heading" title={t('meetings.heading')}>
          <p className="utrecht-paragraph">{t('meetings.intro', { name: m.otherName })}</p>
          <MeetingTable
            caption={t('meetings.caption', { name: m.otherName })}
            rows={m.meetings}
            counterHref={(id) => `?tegenvoorstel=${id}#counter-${id}-heading`}
          />
          {m.counter ? (
            <div className="pa-narrow">
              <MeetingForm
                key={m.counter.id}
                id={`counter-${m.counter.id}`}
                heading={t('meetings.counterHeading', { when: m.counter.when })}
                intro={t('meetings.counterIntro', { name: m.otherName })}
                meetingId={m.counter.id}
                defaults={m.counter.defaults}
                minDate={m.today}
                submit={t('meetings.submitCounter')}
                lastResult={replyFor(reply, `counter-${m.counter.id}`)}
              />
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={`/koppeling/${m.id}#meetings-heading`}>
                  {t('meetings.counterBack')}
                </Link>
              </p>
            </div>
          ) : null}
          <div className="pa-narrow">
            <MeetingForm
              id={`meeting-${m.id}`}
              heading={t('meetings.formHeading')}
              minDate={m.today}
              submit={t('meetings.submit')}
              lastResult={replyFor(reply, `meeting-${m.id}`)}
            />
          </div>
        </Section>
      ) : null}

      {m.role === 'mentee' && m.status === 'active' ? (
        <Section id="needs-heading" title={t('sharedNeeds.heading')}>
          <p className="utrecht-paragraph">{t('sharedNeeds.intro', { name: m.otherName })}</p>
          {m.sharedNeeds ? (
            <>
              <p className="utrecht-paragraph">{t('sharedNeeds.sharedIntro', { name: m.otherName })}</p>
              <SharedNeedsList shared={m.sharedNeeds} />
              <StopSharingButton label={t('sharedNeeds.stop')} />
              <h3 className="utrecht-heading-3">{t('sharedNeeds.changeHeading')}</h3>
            </>
          ) : (
            <p className="utrecht-paragraph">{t('sharedNeeds.notShared', { name: m.otherName })}</p>
          )}
          <div className="pa-narrow">
            <SharedNeedsForm
              id={`needs-${m.id}`}
              mentorName={m.otherName}
              defaults={m.sharedNeeds ? { needs: m.sharedNeeds.kinds, other: m.sharedNeeds.other } : undefined}
              submit={m.sharedNeeds ? t('sharedNeeds.change') : t('sharedNeeds.submit', { name: m.otherName })}
              lastResult={replyFor(reply, `needs-${m.id}`)}
            />
          </div>
        </Section>
      ) : null}

      {m.role === 'mentor' && m.sharedNeeds ? (
        <Section id="needs-heading" title={t('sharedNeeds.mentorHeading', { name: m.otherName })}>
          <p className="utrecht-paragraph">{t('sharedNeeds.mentorIntro', { name: m.otherName })}</p>
          <SharedNeedsList shared={m.sharedNeeds} />
        </Section>
      ) : null}

      {m.since ? (
        <Section id="check-ins-heading" title={t('matches.checkIns.heading')}>
          <CheckInTable id="check-ins-caption" caption={t('matches.checkIns.caption', { name: m.otherName })} rows={m.checkIns} />
          {m.status === 'active' ? (
            <div className="pa-narrow">
              <CheckInForm id={`check-in-${m.id}`} matchId={m.id} today={m.today} lastResult={replyFor(reply, `check-in-${m.id}`)} />
            </div>
          ) : null}
        </Section>
      ) : null}

      {m.route ? (
        <CandidacyRoute matchId={m.id} role={m.role} otherName={m.otherName} active={m.status === 'active'} route={m.route} reply={reply} />
      ) : null}

      {m.status === 'active' ? (
        <section className="pa-section pa-narrow" aria-labelledby="end-heading">
          <h2 className="utrecht-heading-2" id="end-heading">
            {t('matches.end.heading')}
          </h2>
          {m.ending ? (
            <ReasonStep
              intent="end"
              matchId={m.id}
              heading={t('matches.end.confirmHeading', { name: m.otherName })}
              label={t('matches.end.reason')}
              submit={t('matches.end.submit')}
              keepTo={`/koppeling/${m.id}#end-heading`}
              keep={t('matches.end.keep')}
              lastResult={replyFor(reply, `end-${m.id}`)}
            >
              <p className="utrecht-paragraph">
                {m.role === 'mentor'
                  ? t('matches.end.introMentor', { name: m.otherName })
                  : t('matches.end.introMentee', { name: m.otherName })}
              </p>
            </ReasonStep>
          ) : (
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`/koppeling/${m.id}?stoppen=${m.id}#stoppen`}>
                {t('matches.end.link', { name: m.otherName })}
              </Link>
            </p>
          )}
        </section>
      ) : null}
    </>
  );
}
