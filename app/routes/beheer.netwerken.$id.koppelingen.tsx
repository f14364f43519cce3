import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { ReasonStep, replyFor, Section } from '~/components/matches';
import { localeFromRequest, translator, useT, type Locale, type MessageKey } from '~/i18n';
import { now } from '~/modules/clock.server';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';
import { ListResults, ListSearch, Pager } from '~/components/pager';
import { listQueryString, pageCount, parseListQuery } from '~/modules/lists/paging';
import { reasonSchema } from '~/modules/mentoring/match-schemas';
import {
  endMatch,
  feedbackOfNetwork,
  matchGroups,
  networkMatch,
  networkMatchCounts,
  networkMatchesPage,
  type MatchGroup,
} from '~/modules/mentoring/matches.server';
import { activeMatchRow, dateText, finishedMatchRow, proposedMatchRow } from '~/modules/mentoring/views.server';
import { isUuid, notFound } from '~/modules/http.server';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';
import { confirmed } from '~/components/ui/confirm-step';

// The coordinator follows a network's matches: proposals waiting (late ones marked), active matches
// (quiet ones marked) and what was declined, expired or ended, with the reasons. Ending an active match
// puts the mentee back in the pool for the next run.

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.networkMatches', args.data ? { network: args.data.network.name } : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network } = await requireNetworkOfCoordinator(request, params.id);
  const locale = localeFromRequest(request);
  const db = getDb();
  const url = new URL(request.url);
  // One group a page (a summary of all four first), so a network with years of matches reads one page.
  const counts = await networkMatchCounts(db, network.id);
  const parsed = parseListQuery(url.searchParams, matchGroups);
  // Without a choice: the first group holding any (waiting proposals are the most urgent).
  const group: MatchGroup = parsed.status ?? (['proposed', 'active', 'finished'] as const).find((g) => counts[g] > 0) ?? 'proposed';
  const query = { ...parsed, status: group, search: group === 'feedback' ? '' : parsed.search };
  const t = now().getTime();
  const ending = url.searchParams.get('stoppen');

  // Only the array of the group shown holds rows.
  const empty = { proposed: [], active: [], finished: [], feedback: [] };
  let total = counts[group];
  let lists: {
    proposed: ReturnType<typeof proposedMatchRow>[];
    active: ReturnType<typeof activeMatchRow>[];
    finished: ReturnType<typeof finishedMatchRow>[];
    feedback: Awaited<ReturnType<typeof feedbackRows>>;
  } = empty;
  if (group === 'feedback') {
    lists = { ...empty, feedback: await feedbackRows(locale, network.id, query.page) };
  } else {
    const page = await networkMatchesPage(db, network.id, { group, search: query.search, page: query.page });
    if (page.total !== null) total = page.total;
    if (group === 'proposed')
      lists = { ...empty, proposed: page.rows.map((r) => proposedMatchRow(r, locale, t, network.proposalAlertDays)) };
    if (group === 'active') lists = { ...empty, active: page.rows.map((r) => activeMatchRow(r, locale, t)) };
    if (group === 'finished') lists = { ...empty, finished: page.rows.map((r) => finishedMatchRow(r, locale)) };
  }

  const endingRow = isUuid(ending) ? await networkMatch(db, network.id, ending) : null;
  const toEnd = endingRow?.match.status === 'active' ? activeMatchRow({ ...endingRow, lastCheckInOn: null }, locale, t) : null;
  return {
    ...lists,
    network: { id: network.id, name: network.name, expiryDays: network.proposalExpiryDays },
    counts,
    query,
    total,
    pageCount: pageCount(total),
    toEnd,
  };
}

async function feedbackRows(locale: Locale, networkId: string, page: number) {
  return (await feedbackOfNetwork(getDb(), networkId, page)).map((f) => ({
    id: f.id,
    name: f.name ?? '',
    moment: f.moment,
    rating: f.rating,
    comment: f.comment,
    date: dateText(locale, f.createdAt),
  }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { network } = await requireNetworkOfCoordinator(request, params.id);
  const formData = await request.formData();
  const matchId = formData.get('matchId');
  if (formData.get('intent') !== 'end' || !isUuid(matchId)) throw notFound();
  // Only matches of this network, so the URL and the match always agree.
  if (!(await networkMatch(getDb(), network.id, matchId))) throw notFound();
  // Only the confirmation step's button (confirm=yes) ends it; anything else goes to that step.
  const list = parseListQuery(new URL(request.url).searchParams, matchGroups);
  if (!confirmed(formData)) {
    return redirect(`/beheer/netwerken/${network.id}/koppelingen${listQueryString(list, { stoppen: matchId })}#stoppen`, 303);
  }
  const t = translator(localeFromRequest(request));
  const submission = parseWithZod(formData, { schema: reasonSchema(t) });
  if (submission.status !== 'success') return data({ form: `end-${matchId}`, result: submission.reply() }, { status: 400 });
  const outcome = await endMatch(
    getDb(),
    matchId,
    { role: 'coordinator', organisationIds: [network.organisationId] },
    submission.value.reason,
  );
  if (outcome.status === 'not-found') throw notFound();
  // Back to the list as it was (group, search, page), without the confirmation step.
  return redirectWithNotice(
    `/beheer/netwerken/${network.id}/koppelingen${listQueryString(list)}`,
    outcome.status === 'ended' ? 'notice.matchManage.ended' : 'notice.match.notPossible',
  );
}

export default function NetworkMatches() {
  const t = useT();
  const { network, counts, query, total, pageCount, proposed, active, finished, feedback, toEnd } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const base = `/beheer/netwerken/${network.id}/koppelingen`;
  const group = query.status;
  const here = `${base}${listQueryString(query)}`;
  const shown = { proposed: proposed.length, active: active.length, finished: finished.length, feedback: feedback.length }[group];
  const groupTitle: Record<MatchGroup, MessageKey> = {
    proposed: 'matches.manage.proposed',
    active: 'matches.manage.active',
    finished: 'matches.manage.finished',
    feedback: 'matches.manage.feedback',
  };
  return (
    <div>
      <h2 className="utrecht-heading-2">{t('networks.nav.matches')}</h2>
      <p className="utrecht-paragraph">
        {t('matches.manage.summary', {
          proposed: t('matches.manage.summaryProposed', { count: counts.proposed }),
          active: t('matches.manage.summaryActive', { count: counts.active }),
          finished: t('matches.manage.summaryFinished', { count: counts.finished }),
        })}
      </p>
      {/* The summary doubles as the choice of group: one group a page, so the page stays small. */}
      <nav aria-label={t('matches.manage.groups')} className="pa-subnav">
        <ul className="pa-subnav__list">
          {matchGroupList.map((g) => (
            <li key={g}>
              <Link
                className="pa-subnav__link"
                to={`${base}${listQueryString({ status: g })}`}
                aria-current={g === group ? 'page' : undefined}
              >
                {t('lists.summary.status', { status: t(groupTitle[g]), count: counts[g] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {toEnd ? (
        <div className="pa-narrow">
          <ReasonStep
            intent="end"
            matchId={toEnd.id}
            heading={t('matches.manage.endHeading', { mentee: toEnd.mentee, mentor: toEnd.mentor })}
            label={t('matches.manage.endReason')}
            submit={t('matches.manage.endSubmit')}
            keepTo={here}
            keep={t('matches.manage.keep')}
            lastResult={replyFor(reply, `end-${toEnd.id}`)}
          >
            <p className="utrecht-paragraph">{t('matches.manage.endIntro', { mentee: toEnd.mentee })}</p>
          </ReasonStep>
        </div>
      ) : null}

      <Section id="group-heading" title={t(groupTitle[group])} level={3}>
        {group !== 'feedback' && counts[group] > 0 ? (
          <ListSearch path={base} query={query} label={t('matches.manage.search')} keep={{ status: group }} />
        ) : null}
        {counts[group] > 0 ? <ListResults page={query.page} shown={shown} total={total} /> : null}
        {group === 'proposed' ? (
          proposed.length === 0 ? (
            counts.proposed === 0 ? (
              <p className="utrecht-paragraph">{t('matches.manage.noProposed')}</p>
            ) : null
          ) : (
            <DataTable
              id="proposed-caption"
              caption={t('matches.manage.proposed')}
              rows={proposed}
              rowKey={(p) => p.id}
              columns={[
                { key: 'mentee', header: t('matches.field.mentee'), rowHeader: true, cell: (p) => p.mentee },
                { key: 'mentor', header: t('matches.field.mentor'), cell: (p) => p.mentor },
                { key: 'proposedOn', header: t('matches.manage.proposedOn'), cell: (p) => p.proposedOn },
                {
                  key: 'days',
                  header: t('matches.manage.daysWaiting'),
                  cell: (p) =>
                    p.late ? <span className="pa-status pa-status--cancelled">{t('matches.manage.late', { count: p.days })}</span> : p.days,
                },
              ]}
            />
          )
        ) : null}

        {group === 'active' ? (
          active.length === 0 ? (
            counts.active === 0 ? (
              <p className="utrecht-paragraph">{t('matches.manage.noActive')}</p>
            ) : null
          ) : (
            <DataTable
              id="active-caption"
              caption={t('matches.manage.active')}
              rows={active}
              rowKey={(a) => a.id}
              columns={[
                { key: 'mentee', header: t('matches.field.mentee'), rowHeader: true, cell: (a) => a.mentee },
                { key: 'mentor', header: t('matches.field.mentor'), cell: (a) => a.mentor },
                { key: 'since', header: t('matches.field.since'), cell: (a) => a.since },
                {
                  key: 'lastCheckIn',
                  header: t('matches.manage.lastCheckIn'),
                  cell: (a) => (
                    <>
                      {a.lastCheckIn ?? t('matches.manage.noCheckIn')}
                      {a.quietWeeks ? (
                        <>
                          {' '}
                          <span className="pa-status pa-status--cancelled">{t('matches.manage.quiet', { count: a.quietWeeks })}</span>
                        </>
                      ) : null}
                    </>
                  ),
                },
              ]}
              actions={{
                header: t('matches.manage.action'),
                cell: (a) => (
                  <Link
                    className="utrecht-link"
                    to={`${base}${listQueryString(query, { stoppen: a.id })}#stoppen`}
                    aria-label={t('matches.manage.endFor', { mentee: a.mentee, mentor: a.mentor })}
                  >
                    {t('matches.manage.end')}
                  </Link>
                ),
              }}
            />
          )
        ) : null}

        {group === 'finished' ? (
          finished.length === 0 ? (
            counts.finished === 0 ? (
              <p className="utrecht-paragraph">{t('matches.manage.noFinished')}</p>
            ) : null
          ) : (
            <DataTable
              id="finished-caption"
              caption={t('matches.manage.finished')}
              rows={finished}
              rowKey={(f) => f.id}
              stack="wide"
              columns={[
                { key: 'mentee', header: t('matches.field.mentee'), rowHeader: true, cell: (f) => f.mentee },
                { key: 'mentor', header: t('matches.field.mentor'), cell: (f) => f.mentor },
                { key: 'status', header: t('matches.field.status'), cell: (f) => t(`matches.status.${f.status}`) },
                { key: 'date', header: t('matches.manage.date'), cell: (f) => f.date },
                {
                  key: 'endedBy',
                  header: t('matches.manage.endedBy'),
                  cell: (f) => (f.endedBy ? t(`matches.manage.endedBy.${f.endedBy}`) : ''),
                },
                {
                  key: 'reason',
                  header: t('matches.manage.reason'),
                  cell: (f) => (
                    <span className="pa-plain-text">
                      {f.status === 'expired' ? t('matches.manage.noAnswer', { count: network.expiryDays }) : f.reason}
                    </span>
                  ),
                },
              ]}
            />
          )
        ) : null}

        {group === 'feedback' ? (
          feedback.length === 0 ? (
            counts.feedback === 0 ? (
              <p className="utrecht-paragraph">{t('matches.manage.noFeedback')}</p>
            ) : null
          ) : (
            <DataTable
              id="feedback-caption"
              caption={t('matches.manage.feedback')}
              rows={feedback}
              rowKey={(f) => f.id}
              stack="wide"
              columns={[
                { key: 'from', header: t('matches.manage.from'), rowHeader: true, cell: (f) => f.name },
                {
                  key: 'moment',
                  header: t('matches.manage.moment'),
                  cell: (f) => (f.moment === 'end' ? t('matches.manage.momentEnd') : t('matches.manage.momentFourWeeks')),
                },
                { key: 'rating', header: t('matches.manage.rating'), cell: (f) => f.rating },
                { key: 'comment', header: t('matches.manage.comment'), cell: (f) => <span className="pa-plain-text">{f.comment}</span> },
                { key: 'date', header: t('matches.manage.date'), cell: (f) => f.date },
              ]}
            />
          )
        ) : null}
        <Pager path={base} query={query} pageCount={pageCount} label={t('matches.manage.pages')} />
      </Section>
    </div>
  );
}

const matchGroupList: readonly MatchGroup[] = ['proposed', 'active', 'finished', 'feedback'];
