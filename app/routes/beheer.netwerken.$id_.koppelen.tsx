import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useRevalidator, useSearchParams } from '@remix-run/react';
import { useEffect } from 'react';
import { getDb } from '~db/client.server';
import { FormAlert, Notice, SubmitButton } from '~/components/form';
import { useDates } from '~/components/manage-courses';
import { localeFromRequest, translator, useLocale, useT, type MessageKey } from '~/i18n';
import {
  DRAFT_PAGE_SIZE,
  draftMentorOf,
  draftTotals,
  findDraftRun,
  forbidPair,
  loadDraftView,
  menteeName,
  networkCounts,
  moveMentee,
  moveOptions,
  pinPair,
  publishRun,
  removeRule,
  type DraftListQuery,
} from '~/modules/mentoring/draft.server';
import { ListResults, ListSearch, Pager } from '~/components/pager';
import { listParams, listQueryString, pageCount, parseListQuery } from '~/modules/lists/paging';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';
import { now } from '~/modules/clock.server';
import { STALE_RUN_MS, startRun } from '~/modules/mentoring/runs.server';
import { isUuid, notFound } from '~/modules/http.server';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.networkMatching', args.data ? { network: args.data.network.name } : null);

const pagePath = (networkId: string) => `/beheer/netwerken/${networkId}/koppelen`;
/** The page number of the list of mentees without a mentor (the pairs use `pagina`). */
const UNMATCHED_PAGE = 'zonder';

function draftListQuery(url: URL): DraftListQuery {
  const { search, page } = parseListQuery(url.searchParams);
  const unmatched = parseListQuery(new URLSearchParams({ [listParams.page]: url.searchParams.get(UNMATCHED_PAGE) ?? '' }));
  return { search, page, unmatchedPage: unmatched.page };
}

function draftQueryString(query: DraftListQuery, extra: Record<string, string | number | null> = {}) {
  return listQueryString(
    { search: query.search, page: query.page },
    { [UNMATCHED_PAGE]: query.unmatchedPage > 1 ? query.unmatchedPage : null, ...extra },
  );
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network } = await requireNetworkOfCoordinator(request, params.id);
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const db = getDb();
  const url = new URL(request.url);
  // The pairs and the mentees without a mentor by page and by search (?zoek=, ?pagina=, ?zonder=).
  const query = draftListQuery(url);
  const view = await loadDraftView(db, network.id, query);
  const counts = await networkCounts(db, network.id);

  // "Move by hand" for one mentee at a time (?verplaats=<application id>), so the page stays small.
  const moveId = url.searchParams.get('verplaats');
  let move = null;
  if (view.run?.status === 'draft' && isUuid(moveId)) {
    const found = await moveOptions(db, network.id, view.run, moveId);
    if (found) {
      move = {
        applicationId: moveId,
        menteeName: await menteeName(db, network.id, moveId),
        currentMentor: await draftMentorOf(db, network.id, view.run.id, moveId),
        options: found.options,
      };
    }
  }

  const run = view.run;
  // A run that never finished (its worker died) shows as failed; a new run may then start.
  const lost = (run?.status === 'queued' || run?.status === 'running') && now().getTime() - run.createdAt.getTime() > STALE_RUN_MS;
  return {
    network: { id: network.id, name: network.name },
    counts,
    run: run
      ? {
          id: run.id,
          status: lost ? ('failed' as const) : run.status,
          progress: run.progress,
          progressLabel: run.progressLabel,
          error: lost ? t('matchingRuns.failed.lost') : run.error,
          createdAt: run.createdAt,
          publishedAt: run.publishedAt,
        }
      : null,
    totals: run?.status === 'draft' ? draftTotals(run.stats, view.summary) : null,
    changedByHand: view.summary.changedByHand,
    unmatchedCount: view.summary.unmatched,
    query,
    pairsTotal: view.pairsTotal,
    pageSize: DRAFT_PAGE_SIZE,
    unmatchedTotal: view.unmatchedTotal,
    pairs: view.pairs.map((p) => ({
      matchId: p.matchId,
      applicationId: p.applicationId,
      menteeName: p.menteeName,
      municipality: p.municipality,
      mentorName: p.mentorName,
      score: p.score,
      pinned: p.pinned,
      byHand: p.source === 'hand',
      // Only the reader's language: the reasons are most of the page's weight.
      reasons: p.reasons.map((r) => ({ id: r.id, text: locale === 'en' ? r.en : r.nl })),
    })),
    unmatched: view.unmatched,
    rules: view.rules,
    droppedPins: view.droppedPins.map((p) => `${p.applicationId}:${p.mentorProfileId}`),
    move,
  };
}

type ActionError = { intent: string; message: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { network, user } = await requireNetworkOfCoordinator(request, params.id);
  const t = translator(localeFromRequest(request));
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? '');
  const intent = field('intent');
  const db = getDb();
  // Back to the same search and pages of the draft after every change.
  const list = draftListQuery(new URL(request.url));
  const done = (what: string, extra: Record<string, string | number> = {}) =>
    redirect(`${pagePath(network.id)}${draftQueryString(list, { gedaan: what, ...extra })}`);
  const fail = (message: string, status = 400) => data<ActionError>({ intent, message }, { status });

  if (intent === 'start') {
    const outcome = await startRun(db, network.id, user.id);
    return outcome.status === 'busy' ? fail(t('matchingRuns.busy'), 409) : done('started');
  }

  if (intent === 'remove-rule') {
    const applicationId = field('applicationId');
    const mentorProfileId = field('mentorProfileId');
    if (!isUuid(applicationId) || !isUuid(mentorProfileId)) throw notFound();
    const outcome = await removeRule(db, network.id, applicationId, mentorProfileId);
    if (outcome.status !== 'ok') throw notFound();
    return done('removed');
  }
  // Every other action works on the draft the coordinator saw: its id comes with the form.
  const runId = field('runId');
  if (!isUuid(runId)) throw notFound();

  if (intent === 'publish') {
    const outcome = await publishRun(db, network.id, runId);
    if (outcome.status === 'not-draft') return fail(t('matchingRuns.publish.notDraft'), 409);
    return done('published', { voorgesteld: outcome.proposed, overgeslagen: outcome.skipped });
  }
  if (intent === 'pin' || intent === 'forbid') {
    const matchId = field('matchId');
    if (!isUuid(matchId)) throw notFound();
    const outcome = await (intent === 'pin' ? pinPair : forbidPair)(db, network.id, runId, matchId, user.id);
    if (outcome.status !== 'ok') throw notFound();
    return done(intent === 'pin' ? 'pinned' : 'forbidden');
  }
  if (intent === 'move') {
    const applicationId = field('applicationId');
    if (!isUuid(applicationId)) throw notFound();
    if (!(await findDraftRun(db, network.id, runId))) return fail(t('matchingRuns.publish.notDraft'), 409);
    const mentorProfileId = field('mentorProfileId');
    if (!isUuid(mentorProfileId)) return fail(t('matchingRuns.move.choose'));
    const outcome = await moveMentee(db, network.id, runId, applicationId, mentorProfileId, user.id);
    if (outcome.status === 'not-found') throw notFound();
    if (outcome.status === 'not-possible') return fail(t('matchingRuns.move.notPossible'));
    return done('moved');
  }
  return fail(t('matchingRuns.errors.unknown'));
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

const doneMessages: Record<string, MessageKey> = {
  started: 'matchingRuns.done.started',
  pinned: 'matchingRuns.done.pinned',
  forbidden: 'matchingRuns.done.forbidden',
  moved: 'matchingRuns.done.moved',
  removed: 'matchingRuns.done.removed',
};

export default function MatchingRunPage() {
  const t = useT();
  const loaderData = useLoaderData<typeof loader>();
  const { network, counts, run } = loaderData;
  const acted = useActionData<typeof action>();
  const [params] = useSearchParams();
  const gedaan = params.get('gedaan');
  const working = run?.status === 'queued' || run?.status === 'running';

  let notice: string | null = null;
  if (gedaan === 'published') {
    const proposed = Number(params.get('voorgesteld') ?? 0);
    const skipped = Number(params.get('overgeslagen') ?? 0);
    notice = t('matchingRuns.done.published', { count: proposed });
    if (skipped > 0) notice += ` ${t('matchingRuns.done.publishedSkipped', { count: skipped })}`;
  } else if (gedaan && doneMessages[gedaan]) {
    notice = t(doneMessages[gedaan]!);
  }

  return (
    <div className="pa-manage">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/beheer">
          {t('matchingRuns.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        {t('matchingRuns.title')}: {network.name}
      </h1>
      <p className="utrecht-paragraph">{t('matchingRuns.intro')}</p>
      <p className="utrecht-paragraph">{t('matchingRuns.waiting', { mentees: counts.waiting, mentors: counts.mentors })}</p>
      {notice && (gedaan !== 'started' || working) ? <Notice>{notice}</Notice> : null}
      {acted ? <FormAlert messages={[acted.message]} /> : null}

      {working ? (
        <Progress run={run!} />
      ) : (
        <>
          {run?.status === 'failed' ? (
            <section className="pa-section" aria-labelledby="run-failed">
              <h2 className="utrecht-heading-2" id="run-failed">
                {t('matchingRuns.failed.heading')}
              </h2>
              <FormAlert
                messages={[t('matchingRuns.failed.body'), ...(run.error ? [t('matchingRuns.failed.detail', { error: run.error })] : [])]}
              />
            </section>
          ) : null}
          {run?.status === 'published' ? <Published publishedAt={run.publishedAt} /> : null}
          {!run ? <p className="utrecht-paragraph">{t('matchingRuns.none')}</p> : null}
          {run?.status === 'draft' ? <Draft data={loaderData} /> : null}
          <Form method="post" className="pa-inline-form">
            <input type="hidden" name="intent" value="start" />
            {run?.status === 'draft' ? <p className="utrecht-paragraph">{t('matchingRuns.rerunHint')}</p> : null}
            <SubmitButton>{run?.status === 'draft' ? t('matchingRuns.rerun') : t('matchingRuns.start')}</SubmitButton>
          </Form>
          <Rules data={loaderData} />
        </>
      )}
    </div>
  );
}

function Progress({ run }: { run: NonNullable<LoaderData['run']> }) {
  const t = useT();
  const revalidator = useRevalidator();
  // With JavaScript: ask the server again every 1.5 s (the <noscript> refresh below does it without).
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, 1500);
    return () => clearInterval(timer);
  }, [revalidator]);
  const label =
    run.status === 'queued'
      ? t('matchingRuns.progress.queued')
      : t(`matchingRuns.progress.${run.progressLabel ?? 'loading'}` as MessageKey);
  return (
    <section className="pa-section" aria-labelledby="run-progress">
      <noscript>
        <meta httpEquiv="refresh" content="2" />
      </noscript>
      <h2 className="utrecht-heading-2" id="run-progress">
        {t('matchingRuns.progress.heading')}
      </h2>
      <p className="utrecht-paragraph">
        <label htmlFor="run-progress-bar">{t('matchingRuns.progress.label')}</label>{' '}
        <progress id="run-progress-bar" max={100} value={run.progress}>
          {t('matchingRuns.progress.percent', { percent: run.progress })}
        </progress>
      </p>
      <p className="utrecht-paragraph" role="status">
        {label} {t('matchingRuns.progress.percent', { percent: run.progress })}
      </p>
      <p className="utrecht-paragraph">
        {t('matchingRuns.progress.auto')}{' '}
        <a className="utrecht-link" href="?">
          {t('matchingRuns.progress.refresh')}
        </a>
      </p>
    </section>
  );
}

function Published({ publishedAt }: { publishedAt: string | Date | null }) {
  const t = useT();
  const dates = useDates();
  return (
    <section className="pa-section" aria-labelledby="run-published">
      <h2 className="utrecht-heading-2" id="run-published">
        {t('matchingRuns.published.heading')}
      </h2>
      <p className="utrecht-paragraph">{t('matchingRuns.published.body', { date: publishedAt ? dates.moment(publishedAt) : '' })}</p>
    </section>
  );
}

function Draft({ data: d }: { data: LoaderData }) {
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
        <h2 className="utrecht-heading-2" id="draft-heading">
          {t('matchingRuns.draft.heading')}
        </h2>
        <p className="utrecht-paragraph">{t('matchingRuns.draft.madeAt', { date: dates.moment(run.createdAt) })}</p>

        <h3 className="utrecht-heading-3">{t('matchingRuns.totals.heading')}</h3>
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

        <h3 className="utrecht-heading-3">{t('matchingRuns.compare.heading')}</h3>
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
        <h2 className="utrecht-heading-2" id="pairs-heading">
          {t('matchingRuns.pairs.heading')}
        </h2>
        {totals.matched + d.unmatchedCount > 0 ? <ListSearch path={path} query={listQuery} label={t('matchingRuns.pairs.search')} /> : null}
        {d.query.search || totals.matched > 0 ? (
          <ListResults page={d.query.page} shown={d.pairs.length} total={d.pairsTotal} pageSize={d.pageSize} />
        ) : null}
        {d.pairs.length === 0 ? (
          totals.matched === 0 ? (
            <p className="utrecht-paragraph">{t('matchingRuns.pairs.none')}</p>
          ) : null
        ) : (
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
                    {p.pinned ? (
                      <>
                        <br />
                        <span className="pa-note">{p.byHand ? t('matchingRuns.pairs.byHand') : t('matchingRuns.pairs.pinned')}</span>
                      </>
                    ) : null}
                  </>
                ),
              },
              { key: 'score', header: t('matchingRuns.pairs.score'), numeric: true, cell: (p) => p.score },
              {
                key: 'why',
                header: t('matchingRuns.pairs.why'),
                cell: (p) =>
                  p.reasons.length === 0 ? (
                    t('matchingRuns.pairs.noReasons')
                  ) : (
                    <ul className="pa-plain-list">
                      {p.reasons.map((r) => (
                        <li key={r.id}>{r.text}</li>
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
                    <Form method="post" className="pa-inline-form">
                      <input type="hidden" name="intent" value="pin" />
                      <input type="hidden" name="runId" value={run.id} />
                      <input type="hidden" name="matchId" value={p.matchId} />
                      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                        {t('matchingRuns.pairs.pin')}
                        <span className="pa-visually-hidden">: {pairLabel(p)}</span>
                      </button>
                    </Form>
                  )}
                  <Form method="post" className="pa-inline-form">
                    <input type="hidden" name="intent" value="forbid" />
                    <input type="hidden" name="runId" value={run.id} />
                    <input type="hidden" name="matchId" value={p.matchId} />
                    <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                      {t('matchingRuns.pairs.forbid')}
                      <span className="pa-visually-hidden">: {pairLabel(p)}</span>
                    </button>
                  </Form>
                  <Link className="utrecht-link" to={`${draftQueryString(d.query, { verplaats: p.applicationId })}#verplaatsen`}>
                    {t('matchingRuns.pairs.move')}
                    <span className="pa-visually-hidden">: {p.menteeName}</span>
                  </Link>
                </div>
              ),
            }}
          />
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
        <h2 className="utrecht-heading-2" id="unmatched-heading">
          {t('matchingRuns.unmatched.heading')}
        </h2>
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
                cell: (u) => t(`matchingRuns.reason.${u.reason}` as MessageKey),
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
        <h2 className="utrecht-heading-2" id="publish-heading">
          {t('matchingRuns.publish.heading')}
        </h2>
        <p className="utrecht-paragraph">{t('matchingRuns.publish.body')}</p>
        <Form method="post" className="pa-inline-form">
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name="runId" value={run.id} />
          <SubmitButton>{t('matchingRuns.publish.submit')}</SubmitButton>
        </Form>
      </section>
    </>
  );
}

function Move({ data: d, runId }: { data: LoaderData; runId: string }) {
  const t = useT();
  const locale = useLocale();
  const acted = useActionData<typeof action>();
  const move = d.move!;
  const errorId = 'move-error';
  const error = acted?.intent === 'move' ? acted.message : null;
  return (
    <section className="pa-section pa-action" id="verplaatsen" aria-labelledby="move-heading">
      <h2 className="utrecht-heading-2" id="move-heading">
        {t('matchingRuns.move.heading', { mentee: move.menteeName })}
      </h2>
      <p className="utrecht-paragraph">{t('matchingRuns.move.intro')}</p>
      {move.currentMentor ? <p className="utrecht-paragraph">{t('matchingRuns.move.current', { mentor: move.currentMentor })}</p> : null}
      {move.options.length === 0 ? (
        <p className="utrecht-paragraph">{t('matchingRuns.move.none')}</p>
      ) : (
        <Form method="post" action={`${pagePath(d.network.id)}${draftQueryString(d.query, { verplaats: move.applicationId })}`}>
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="runId" value={runId} />
          <input type="hidden" name="applicationId" value={move.applicationId} />
          <fieldset
            className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t('matchingRuns.move.legend')}
            </legend>
            {error ? (
              <p className="utrecht-form-field-error-message" id={errorId}>
                {error}
              </p>
            ) : null}
            <ul className="pa-check-list">
              {move.options.map((o) => {
                const id = `mentor-${o.mentorProfileId}`;
                return (
                  <li key={o.mentorProfileId}>
                    <label className="pa-check" htmlFor={id}>
                      <input
                        id={id}
                        type="radio"
                        name="mentorProfileId"
                        value={o.mentorProfileId}
                        className="utrecht-radio-button utrecht-radio-button--html-input"
                      />
                      <span>
                        {t('matchingRuns.move.option', { mentor: o.name, score: o.score })}
                        {o.reasons.length > 0 ? (
                          <>
                            <br />
                            <span className="pa-note">{o.reasons.map((r) => (locale === 'en' ? r.en : r.nl)).join('. ')}</span>
                          </>
                        ) : null}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <div className="pa-button-row">
            <SubmitButton>{t('matchingRuns.move.submit')}</SubmitButton>
            <Link className="utrecht-link" to={`${pagePath(d.network.id)}${draftQueryString(d.query)}`}>
              {t('matchingRuns.move.cancel')}
            </Link>
          </div>
        </Form>
      )}
      {move.options.length === 0 ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`${pagePath(d.network.id)}${draftQueryString(d.query)}`}>
            {t('matchingRuns.move.cancel')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function Rules({ data: d }: { data: LoaderData }) {
  const t = useT();
  const dropped = new Set(d.droppedPins);
  return (
    <section className="pa-section" aria-labelledby="rules-heading">
      <h2 className="utrecht-heading-2" id="rules-heading">
        {t('matchingRuns.rules.heading')}
      </h2>
      {d.rules.length === 0 ? (
        <p className="utrecht-paragraph">{t('matchingRuns.rules.none')}</p>
      ) : (
        <DataTable
          id="rules-caption"
          caption={t('matchingRuns.rules.caption')}
          rows={d.rules}
          rowKey={(r) => `${r.applicationId}:${r.mentorProfileId}`}
          columns={[
            { key: 'mentee', header: t('matchingRuns.pairs.mentee'), rowHeader: true, cell: (r) => r.menteeName },
            { key: 'mentor', header: t('matchingRuns.pairs.mentor'), cell: (r) => r.mentorName },
            {
              key: 'kind',
              header: t('matchingRuns.rules.kind'),
              cell: (r) => (
                <>
                  {r.kind === 'pin' ? t('matchingRuns.rules.pin') : t('matchingRuns.rules.forbid')}
                  {d.run?.status === 'draft' && dropped.has(`${r.applicationId}:${r.mentorProfileId}`) ? (
                    <>
                      <br />
                      <strong>{t('matchingRuns.rules.droppedShort')}</strong>: {t('matchingRuns.rules.dropped')}
                    </>
                  ) : null}
                  {r.menteeStatus === 'proposed' || r.menteeStatus === 'matched' ? (
                    <>
                      <br />
                      {r.menteeStatus === 'proposed' ? t('matchingRuns.rules.menteeProposed') : t('matchingRuns.rules.menteeMatched')}
                    </>
                  ) : null}
                </>
              ),
            },
          ]}
          actions={{
            header: t('matchingRuns.pairs.actions'),
            cell: (r) => (
              <Form method="post" className="pa-inline-form">
                <input type="hidden" name="intent" value="remove-rule" />
                <input type="hidden" name="applicationId" value={r.applicationId} />
                <input type="hidden" name="mentorProfileId" value={r.mentorProfileId} />
                <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                  {t('matchingRuns.rules.remove')}
                  <span className="pa-visually-hidden">
                    : {t('matchingRuns.pairs.pairLabel', { mentee: r.menteeName, mentor: r.mentorName })}
                  </span>
                </button>
              </Form>
            ),
          }}
        />
      )}
    </section>
  );
}
