import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { getDb } from '~db/client.server';
import { Notice } from '~/components/form';
import { ReasonForm, replyFor, Section } from '~/components/matches';
import { localeFromRequest, translator, useT, type Locale, type MessageKey } from '~/i18n';
import { now } from '~/modules/clock.server';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';
import { ListResults, ListSearch, Pager } from '~/components/pager';
import { listQueryString, pageCount, parseListQuery } from '~/modules/lists/paging';
import {
  endMatch,
  endSchema,
  feedbackOfNetwork,
  matchGroups,
  networkMatch,
  networkMatchCounts,
  networkMatchesPage,
  type MatchGroup,
} from '~/modules/mentoring/matches.server';
import { activeMatchRow, dateText, finishedMatchRow, proposedMatchRow } from '~/modules/mentoring/views.server';
import { isUuid, notFound } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';

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
    ended: url.searchParams.get('melding') === 'gestopt',
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
  const t = translator(localeFromRequest(request));
  const submission = parseWithZod(formData, { schema: endSchema(t) });
  if (submission.status !== 'success') return data({ form: `end-${matchId}`, result: submission.reply() }, { status: 400 });
  const outcome = await endMatch(
    getDb(),
    matchId,
    { role: 'coordinator', organisationIds: [network.organisationId] },
    submission.value.reason,
  );
  if (outcome.status === 'not-found') throw notFound();
  // Back to the list as it was (group, search, page), without the "end" panel.
  const list = parseListQuery(new URL(request.url).searchParams, matchGroups);
  const melding = outcome.status === 'ended' ? 'gestopt' : 'niet-mogelijk';
  return redirect(`/beheer/netwerken/${network.id}/koppelingen${listQueryString(list, { melding })}`);
}

function Table({ id, caption, headers, children }: { id: string; caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
      <table className="utrecht-table">
        <caption className="utrecht-table__caption" id={id}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {headers.map((h) => (
              <th className="utrecht-table__header-cell" scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">{children}</tbody>
      </table>
    </div>
  );
}

const Cell = ({ children }: { children: ReactNode }) => <td className="utrecht-table__cell">{children}</td>;
const RowHead = ({ children }: { children: ReactNode }) => (
  <th className="utrecht-table__header-cell" scope="row">
    {children}
  </th>
);

export default function NetworkMatches() {
  const t = useT();
  const { network, counts, query, total, pageCount, proposed, active, finished, feedback, toEnd, ended } = useLoaderData<typeof loader>();
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
    <div className="pa-manage">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/beheer/netwerken/${network.id}`}>
          {t('matches.manage.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('matches.manage.title', { network: network.name })}</h1>
      {ended ? <Notice>{t('matches.manage.ended')}</Notice> : null}
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
        <section className="pa-action pa-action--danger pa-narrow" id="stoppen" aria-labelledby="end-heading">
          <h2 className="utrecht-heading-2" id="end-heading">
            {t('matches.manage.endHeading', { mentee: toEnd.mentee, mentor: toEnd.mentor })}
          </h2>
          <p className="utrecht-paragraph">{t('matches.manage.endIntro', { mentee: toEnd.mentee })}</p>
          <ReasonForm
            id={`end-${toEnd.id}`}
            intent="end"
            matchId={toEnd.id}
            label={t('matches.manage.endReason')}
            submit={t('matches.manage.endSubmit')}
            lastResult={replyFor(reply, `end-${toEnd.id}`)}
          />
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={here}>
              {t('matches.manage.keep')}
            </Link>
          </p>
        </section>
      ) : null}

      <Section id="group-heading" title={t(groupTitle[group])}>
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
            <Table
              id="proposed-caption"
              caption={t('matches.manage.proposed')}
              headers={[
                t('matches.field.mentee'),
                t('matches.field.mentor'),
                t('matches.manage.proposedOn'),
                t('matches.manage.daysWaiting'),
              ]}
            >
              {proposed.map((p) => (
                <tr className="utrecht-table__row" key={p.id}>
                  <RowHead>{p.mentee}</RowHead>
                  <Cell>{p.mentor}</Cell>
                  <Cell>{p.proposedOn}</Cell>
                  <Cell>
                    {p.late ? (
                      <span className="pa-status pa-status--cancelled">{t('matches.manage.late', { count: p.days })}</span>
                    ) : (
                      p.days
                    )}
                  </Cell>
                </tr>
              ))}
            </Table>
          )
        ) : null}

        {group === 'active' ? (
          active.length === 0 ? (
            counts.active === 0 ? (
              <p className="utrecht-paragraph">{t('matches.manage.noActive')}</p>
            ) : null
          ) : (
            <Table
              id="active-caption"
              caption={t('matches.manage.active')}
              headers={[
                t('matches.field.mentee'),
                t('matches.field.mentor'),
                t('matches.field.since'),
                t('matches.manage.lastCheckIn'),
                t('matches.manage.action'),
              ]}
            >
              {active.map((a) => (
                <tr className="utrecht-table__row" key={a.id}>
                  <RowHead>{a.mentee}</RowHead>
                  <Cell>{a.mentor}</Cell>
                  <Cell>{a.since}</Cell>
                  <Cell>
                    {a.lastCheckIn ?? t('matches.manage.noCheckIn')}
                    {a.quietWeeks ? (
                      <>
                        {' '}
                        <span className="pa-status pa-status--cancelled">{t('matches.manage.quiet', { count: a.quietWeeks })}</span>
                      </>
                    ) : null}
                  </Cell>
                  <Cell>
                    <Link
                      className="utrecht-link"
                      to={`${base}${listQueryString(query, { stoppen: a.id })}#stoppen`}
                      aria-label={t('matches.manage.endFor', { mentee: a.mentee, mentor: a.mentor })}
                    >
                      {t('matches.manage.end')}
                    </Link>
                  </Cell>
                </tr>
              ))}
            </Table>
          )
        ) : null}

        {group === 'finished' ? (
          finished.length === 0 ? (
            counts.finished === 0 ? (
              <p className="utrecht-paragraph">{t('matches.manage.noFinished')}</p>
            ) : null
          ) : (
            <Table
              id="finished-caption"
              caption={t('matches.manage.finished')}
              headers={[
                t('matches.field.mentee'),
                t('matches.field.mentor'),
                t('matches.field.status'),
                t('matches.manage.date'),
                t('matches.manage.endedBy'),
                t('matches.manage.reason'),
              ]}
            >
              {finished.map((f) => (
                <tr className="utrecht-table__row" key={f.id}>
                  <RowHead>{f.mentee}</RowHead>
                  <Cell>{f.mentor}</Cell>
                  <Cell>{t(`matches.status.${f.status}` as MessageKey)}</Cell>
                  <Cell>{f.date}</Cell>
                  <Cell>{f.endedBy ? t(`matches.manage.endedBy.${f.endedBy}` as MessageKey) : ''}</Cell>
                  <Cell>
                    <span className="pa-plain-text">
                      {f.status === 'expired' ? t('matches.manage.noAnswer', { count: network.expiryDays }) : f.reason}
                    </span>
                  </Cell>
                </tr>
              ))}
            </Table>
          )
        ) : null}

        {group === 'feedback' ? (
          feedback.length === 0 ? (
            counts.feedback === 0 ? (
              <p className="utrecht-paragraph">{t('matches.manage.noFeedback')}</p>
            ) : null
          ) : (
            <Table
              id="feedback-caption"
              caption={t('matches.manage.feedback')}
              headers={[
                t('matches.manage.from'),
                t('matches.manage.moment'),
                t('matches.manage.rating'),
                t('matches.manage.comment'),
                t('matches.manage.date'),
              ]}
            >
              {feedback.map((f) => (
                <tr className="utrecht-table__row" key={f.id}>
                  <RowHead>{f.name}</RowHead>
                  <Cell>{f.moment === 'end' ? t('matches.manage.momentEnd') : t('matches.manage.momentFourWeeks')}</Cell>
                  <Cell>{f.rating}</Cell>
                  <Cell>
                    <span className="pa-plain-text">{f.comment}</span>
                  </Cell>
                  <Cell>{f.date}</Cell>
                </tr>
              ))}
            </Table>
          )
        ) : null}
        <Pager path={base} query={query} pageCount={pageCount} label={t('matches.manage.pages')} />
      </Section>
    </div>
  );
}

const matchGroupList: readonly MatchGroup[] = ['proposed', 'active', 'finished', 'feedback'];
