import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { Notice } from '~/components/ui/notice';
import { AcceptForm, DeclineProposal, MenteeDetails, ProposalReasons, replyFor } from '~/components/matches';
import { localeFromRequest, translator, useT } from '~/i18n';
import { requireMentor } from '~/modules/mentoring/guards.server';
import { handleMatchForm } from '~/routes/match-form.server';
import { matchOfMentor } from '~/modules/mentoring/matches.server';
import { proposalView } from '~/modules/mentoring/views.server';
import { isUuid, notFound } from '~/modules/http.server';
import { pageTitle } from '~/components/page-title';

// The page the proposal email links to. Only the proposal's own mentor sees it; anyone else gets 404.

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.proposal', args.data ? { name: args.data.proposal.mentee.firstName } : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { profile } = await requireMentor(request);
  if (!isUuid(params.matchId)) throw notFound();
  const ctx = await matchOfMentor(getDb(), params.matchId, profile.id);
  if (!ctx) throw notFound();
  const locale = localeFromRequest(request);
  return {
    proposal: proposalView(ctx, locale, translator(locale)),
    // The confirmation step for declining: `?afzeggen=<match id>`.
    declining: new URL(request.url).searchParams.get('afzeggen') === ctx.match.id,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, profile } = await requireMentor(request);
  if (!isUuid(params.matchId)) throw notFound();
  const back = `/mentor/voorstellen/${params.matchId}`;
  return handleMatchForm(getDb(), request, user, profile.id, back, () => '/mentor');
}

export default function ProposalPage() {
  const t = useT();
  const { proposal: p, declining } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const open = p.status === 'proposed';
  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/mentor">
          {t('matches.proposal.backToMentor')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('matches.proposal.title', { name: p.mentee.firstName })}</h1>
      {open ? (
        <p className="utrecht-paragraph">
          {t('matches.proposal.network', { network: p.networkName })}
          {p.answerBy ? ` ${t('matches.proposal.answerBy', { date: p.answerBy })}` : ''}
        </p>
      ) : (
        <Notice kind="info">
          {t('matches.proposal.notOpen')} {t('matches.field.status')}: {t(`matches.status.${p.status}`)}.
        </Notice>
      )}
      <section className="pa-section" aria-labelledby="about-heading">
        <h2 className="utrecht-heading-2" id="about-heading">
          {t('matches.proposal.about', { name: p.mentee.firstName })}
        </h2>
        <MenteeDetails mentee={p.mentee} />
      </section>
      <section className="pa-section" aria-labelledby="why-heading">
        <ProposalReasons id="why-heading" reasons={p.reasons} score={p.score} level={2} />
      </section>
      {open ? (
        <>
          <section className="pa-section" aria-labelledby="accept-heading">
            <h2 className="utrecht-heading-2" id="accept-heading">
              {t('matches.proposal.heading', { name: p.mentee.firstName })}
            </h2>
            <AcceptForm matchId={p.id} name={p.mentee.firstName} />
          </section>
          <section className="pa-section pa-narrow" aria-labelledby={`decline-heading-${p.id}`}>
            <DeclineProposal
              matchId={p.id}
              name={p.mentee.firstName}
              page={`/mentor/voorstellen/${p.id}`}
              declining={declining}
              lastResult={replyFor(reply, `decline-${p.id}`)}
              headingLevel={2}
              keepTo={`/mentor/voorstellen/${p.id}#decline-heading-${p.id}`}
            />
          </section>
        </>
      ) : p.status === 'active' ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/koppeling/${p.id}`}>
            {t('matches.mentor.openMatch')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
