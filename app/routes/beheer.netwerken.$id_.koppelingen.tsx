import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { getDb } from '~db/client.server';
import { Notice } from '~/components/form';
import { ReasonForm, replyFor, Section } from '~/components/matches';
import { localeFromRequest, translator, useT, type MessageKey } from '~/i18n';
import { DAY, now } from '~/modules/clock.server';
import { QUIET_AFTER_DAYS } from '~/modules/mentoring/due.server';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';
import { endMatch, endSchema, feedbackOfNetwork, matchesOfNetwork } from '~/modules/mentoring/matches.server';
import { dateText } from '~/modules/mentoring/views.server';
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
  const rows = await matchesOfNetwork(getDb(), network.id);
  const t = now().getTime();
  const url = new URL(request.url);
  const ending = url.searchParams.get('stoppen');
  const proposed = rows
    .filter((r) => r.match.status === 'proposed')
    .map((r) => {
      const days = r.match.proposedAt ? Math.floor((t - r.match.proposedAt.getTime()) / DAY) : 0;
      return {
        id: r.match.id,
        mentee: r.mentee.name,
        mentor: r.mentor.name,
        proposedOn: dateText(locale, r.match.proposedAt),
        days,
        late: days >= network.proposalAlertDays,
      };
    });
  const active = rows
    .filter((r) => r.match.status === 'active')
    .map((r) => {
      const quietSince = (r.match.lastCheckInAt ?? r.match.acceptedAt ?? r.match.createdAt).getTime();
      const quietDays = Math.floor((t - quietSince) / DAY);
      return {
        id: r.match.id,
        mentee: r.mentee.name,
        mentor: r.mentor.name,
        since: dateText(locale, r.match.acceptedAt),
        lastCheckIn: r.lastCheckInOn ? dateText(locale, new Date(`${r.lastCheckInOn}T12:00:00Z`)) : null,
        quietWeeks: quietDays >= QUIET_AFTER_DAYS ? Math.floor(quietDays / 7) : null,
      };
    });
  const finished = rows
    .filter((r) => ['declined', 'expired', 'ended', 'completed'].includes(r.match.status))
    .map((r) => ({
      id: r.match.id,
      mentee: r.mentee.name,
      mentor: r.mentor.name,
      status: r.match.status,
      date: dateText(locale, r.match.endedAt ?? r.match.respondedAt ?? r.match.updatedAt),
      reason: r.match.status === 'declined' ? (r.match.declineReason ?? '') : (r.match.endReason ?? ''),
      endedBy: r.match.endedBy,
    }));
  const toEnd = ending ? active.find((a) => a.id === ending) : undefined;
  const feedback = (await feedbackOfNetwork(getDb(), network.id)).map((f) => ({
    id: f.id,
    name: f.name ?? '',
    moment: f.moment,
    rating: f.rating,
    comment: f.comment,
    date: dateText(locale, f.createdAt),
  }));
  return {
    feedback,
    network: { id: network.id, name: network.name, expiryDays: network.proposalExpiryDays },
    proposed,
    active,
    finished,
    toEnd: toEnd ?? null,
    ended: url.searchParams.get('melding') === 'gestopt',
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { network } = await requireNetworkOfCoordinator(request, params.id);
  const formData = await request.formData();
  const matchId = formData.get('matchId');
  if (formData.get('intent') !== 'end' || !isUuid(matchId)) throw notFound();
  // Only matches of this network (the query of the list), so the URL and the match always agree.
  const mine = (await matchesOfNetwork(getDb(), network.id)).some((r) => r.match.id === matchId);
  if (!mine) throw notFound();
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
  return redirect(`/beheer/netwerken/${network.id}/koppelingen?melding=${outcome.status === 'ended' ? 'gestopt' : 'niet-mogelijk'}`);
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
  const { network, proposed, active, finished, feedback, toEnd, ended } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const base = `/beheer/netwerken/${network.id}/koppelingen`;
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
          proposed: t('matches.manage.summaryProposed', { count: proposed.length }),
          active: t('matches.manage.summaryActive', { count: active.length }),
          finished: t('matches.manage.summaryFinished', { count: finished.length }),
        })}
      </p>

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
            <Link className="utrecht-link" to={base}>
              {t('matches.manage.keep')}
            </Link>
          </p>
        </section>
      ) : null}

      <Section id="proposed-heading" title={t('matches.manage.proposed')}>
        {proposed.length === 0 ? (
          <p className="utrecht-paragraph">{t('matches.manage.noProposed')}</p>
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
                  {p.late ? <span className="pa-status pa-status--cancelled">{t('matches.manage.late', { count: p.days })}</span> : p.days}
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section id="active-heading" title={t('matches.manage.active')}>
        {active.length === 0 ? (
          <p className="utrecht-paragraph">{t('matches.manage.noActive')}</p>
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
                    to={`${base}?stoppen=${a.id}#stoppen`}
                    aria-label={t('matches.manage.endFor', { mentee: a.mentee, mentor: a.mentor })}
                  >
                    {t('matches.manage.end')}
                  </Link>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section id="finished-heading" title={t('matches.manage.finished')}>
        {finished.length === 0 ? (
          <p className="utrecht-paragraph">{t('matches.manage.noFinished')}</p>
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
        )}
      </Section>

      <Section id="feedback-heading" title={t('matches.manage.feedback')}>
        {feedback.length === 0 ? (
          <p className="utrecht-paragraph">{t('matches.manage.noFeedback')}</p>
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
        )}
      </Section>
    </div>
  );
}
