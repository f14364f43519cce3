import { Link, type useLoaderData } from '@remix-run/react';
import { ActionButton, Hidden, useDates } from '~/components/manage-courses';
import { useT } from '~/i18n';
import { ListResults, ListSearch, Pager } from '~/components/pager';
import { pageCount } from '~/modules/lists/paging';
import { DataTable } from '~/components/ui/data-table';
import type { loader } from './route';
import { Move } from './rules';
import { draftQueryString, pagePath } from './query';

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export function Draft({ data: d }: { data: LoaderData }) {
  const t = useT();
  const dates = useDates();
  const run = d.run!;
  const totals = d.totals!;
  const pairLabel = (p: { menteeName: string; mentorName: string }) =>
    t('matchingRuns.pairs.pairLabel', { mentee: p.menteeName, mentor: p.mentorName });
  const moreMatched = totals.runMatched - totals.greedyMatched;
  const scoreDiff = totals.runTotalScore - totals.greedyTotalScore;
  const compare = { ours: totals.runMatched, theirs: totals.greedyMatched };
  const scores = { ours: totals.runTotalScore, theirs: totals.greedyTotalScore };
  const path = pagePath(d.network.id);
  const listQuery = { search: d.query.search, status: null, page: d.query.page };

  return (
    <>
      <section className="pa-section" aria-labelledby="draft-heading">
        <h3 className="utrecht-heading-3" id="draft-heading">
          {t('matchingRuns.draft.heading')}
        </h3>
        <p className="utrecht-paragraph">{t('matchingRuns.draft.madeAt', { date: dates.moment(run.createdAt) })}</p>

        <h4 className="utrecht-heading-4">{t('matchingRuns.totals.heading')}</h4>
        <DataTable
          id="totals-caption"
          caption={t('matchingRuns.totals.caption')}
          rows={
            [
              ['matchingRuns.totals.matched', totals.matched],
              ['matchingRuns.totals.unmatched', d.unmatchedCount],
              ['matchingRuns.totals.score', totals.totalScore],
              ['matchingRuns.totals.average', totals.matched === 0 ? 0 : Math.round(totals.totalScore / totals.matched)],
            ] as const
          }
          rowKey={([key]) => key}
          columns={[
            { key: 'what', header: t('matchingRuns.totals.what'), rowHeader: true, cell: ([key]) => t(key) },
            { key: 'value', header: t('matchingRuns.totals.value'), numeric: true, cell: ([, value]) => value },
          ]}
        />
        <p className="utrecht-paragraph">
          {t('matchingRuns.totals.options', {
            edges: totals.edges,
            seconds: new Intl.NumberFormat(t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(totals.millis / 1000),
          })}
        </p>

        <h4 className="utrecht-heading-4">{t('matchingRuns.compare.heading')}</h4>
        <p className="utrecht-paragraph">{t('matchingRuns.compare.intro')}</p>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            {moreMatched > 0
              ? t('matchingRuns.compare.moreMatched', { count: moreMatched, ...compare })
              : t('matchingRuns.compare.sameMatched', compare)}
          </li>
          <li className="utrecht-unordered-list__item">
            {scoreDiff > 0
              ? t('matchingRuns.compare.moreScore', { count: scoreDiff, ...scores })
              : scoreDiff < 0
                ? t('matchingRuns.compare.lessScore', { count: -scoreDiff, ...scores })
                : t('matchingRuns.compare.sameScore', scores)}
          </li>
        </ul>
        {d.changedByHand ? <p className="utrecht-paragraph">{t('matchingRuns.compare.changed')}</p> : null}
      </section>

      {d.move ? <Move data={d} runId={run.id} /> : null}

      <section className="pa-section" aria-labelledby="pairs-heading">
        <h3 className="utrecht-heading-3" id="pairs-heading">
          {t('matchingRuns.pairs.heading')}
        </h3>
        {totals.matched + d.unmatchedCount > 0 ? <ListSearch path={path} query={listQuery} label={t('matchingRuns.pairs.search')} /> : null}
        {d.query.search || totals.matched > 0 ? (
          <ListResults page={d.query.page} shown={d.pairs.length} total={d.pairsTotal} pageSize={d.pageSize} />
        ) : null}
        {d.pairs.length === 0 ? (
          totals.matched === 0 ? (
            <p className="utrecht-paragraph">{t('matchingRuns.pairs.none')}</p>
          ) : null
        ) : (
          <>
            <p className="utrecht-paragraph pa-note">{t('matchingRuns.pairs.scaleNote')}</p>
            <DataTable
              id="pairs-caption"
              caption={t('matchingRuns.pairs.caption')}
              rows={d.pairs}
              rowKey={(p) => p.matchId}
              rowId={(p) => `koppeling-${p.applicationId}`}
              stack="wide"
              columns={[
                {
                  key: 'mentee',
                  header: t('matchingRuns.pairs.mentee'),
                  rowHeader: true,
                  cell: (p) => (
                    <>
                      {p.menteeName}
                      <br />
                      <span className="pa-note">{p.municipality}</span>
                    </>
                  ),
                },
                {
                  key: 'mentor',
                  header: t('matchingRuns.pairs.mentor'),
                  cell: (p) => (
                    <>
                      {p.mentorName}
                      <br />
                      <span className="pa-note">
                        {p.mentorMunicipality ?? t('matchingRuns.pairs.noMunicipality')} ·{' '}
                        {t('matchingRuns.pairs.remaining', { count: p.mentorRemaining })}
                      </span>
                      {p.pinned ? (
                        <>
                          <br />
                          <span className="pa-note">{p.byHand ? t('matchingRuns.pairs.byHand') : t('matchingRuns.pairs.pinned')}</span>
                        </>
                      ) : null}
                    </>
                  ),
                },
                {
                  key: 'score',
                  header: t('matchingRuns.pairs.score'),
                  numeric: true,
                  cell: (p) => t('matchingRuns.pairs.scoreOf', { score: p.score }),
                },
                {
                  key: 'why',
                  header: t('matchingRuns.pairs.why'),
                  cell: (p) =>
                    p.reasons.length === 0 ? (
                      t('matchingRuns.pairs.noReasons')
                    ) : (
                      <ul className="pa-plain-list">
                        {p.reasons.map((r) => (
                          <li key={r.id}>
                            {r.text} <span className="pa-note">{t('matchingRuns.pairs.points', { points: r.points })}</span>
                          </li>
                        ))}
                      </ul>
                    ),
                },
              ]}
              actions={{
                header: t('matchingRuns.pairs.actions'),
                cell: (p) => (
                  <div className="pa-button-row">
                    {p.pinned ? null : (
                      <ActionButton intent="pin" fields={{ runId: run.id, matchId: p.matchId }}>
                        {t('matchingRuns.pairs.pin')}
                        <Hidden>: {pairLabel(p)}</Hidden>
                      </ActionButton>
                    )}
                    <ActionButton intent="forbid" fields={{ runId: run.id, matchId: p.matchId }}>
                      {t('matchingRuns.pairs.forbid')}
                      <Hidden>: {pairLabel(p)}</Hidden>
                    </ActionButton>
                    <Link className="utrecht-link" to={`${draftQueryString(d.query, { verplaats: p.applicationId })}#verplaatsen`}>
                      {t('matchingRuns.pairs.move')}
                      <span className="pa-visually-hidden">: {p.menteeName}</span>
                    </Link>
                  </div>
                ),
              }}
            />
          </>
        )}
        <Pager
          path={path}
          query={listQuery}
          pageCount={pageCount(d.pairsTotal, d.pageSize)}
          label={t('matchingRuns.pairs.pages')}
          href={(page) => `${path}${draftQueryString({ ...d.query, page })}`}
        />
      </section>

      <section className="pa-section" aria-labelledby="unmatched-heading">
        <h3 className="utrecht-heading-3" id="unmatched-heading">
          {t('matchingRuns.unmatched.heading')}
        </h3>
        {d.query.search || d.unmatchedCount > 0 ? (
          <ListResults page={d.query.unmatchedPage} shown={d.unmatched.length} total={d.unmatchedTotal} />
        ) : null}
        {d.unmatched.length === 0 ? (
          d.unmatchedCount === 0 ? (
            <p className="utrecht-paragraph">{t('matchingRuns.unmatched.none')}</p>
          ) : null
        ) : (
          <DataTable
            id="unmatched-caption"
            caption={t('matchingRuns.unmatched.caption')}
            rows={d.unmatched}
            rowKey={(u) => u.applicationId}
            columns={[
              { key: 'mentee', header: t('matchingRuns.pairs.mentee'), rowHeader: true, cell: (u) => u.name },
              { key: 'municipality', header: t('matchingRuns.unmatched.municipality'), cell: (u) => u.municipality },
              {
                key: 'reason',
                header: t('matchingRuns.unmatched.reason'),
                cell: (u) => t(`matchingRuns.reason.${u.reason}`),
              },
            ]}
            actions={{
              header: t('matchingRuns.unmatched.action'),
              cell: (u) =>
                u.reason === 'new-since-run' ? null : (
                  <Link className="utrecht-link" to={`${draftQueryString(d.query, { verplaats: u.applicationId })}#verplaatsen`}>
                    {t('matchingRuns.unmatched.byHand')}
                    <span className="pa-visually-hidden">: {u.name}</span>
                  </Link>
                ),
            }}
          />
        )}
        <Pager
          path={path}
          query={{ ...listQuery, page: d.query.unmatchedPage }}
          pageCount={pageCount(d.unmatchedTotal)}
          label={t('matchingRuns.unmatched.pages')}
          href={(page) => `${path}${draftQueryString({ ...d.query, unmatchedPage: page })}`}
        />
      </section>

      <section className="pa-section pa-action" aria-labelledby="publish-heading">
        <h3 className="utrecht-heading-3" id="publish-heading">
          {t('matchingRuns.publish.heading')}
        </h3>
        <p className="utrecht-paragraph">{t('matchingRuns.publish.body')}</p>
        <ActionButton intent="publish" fields={{ runId: run.id }} kind="primary-action">
          {t('matchingRuns.publish.submit')}
        </ActionButton>
      </section>
    </>
  );
}
