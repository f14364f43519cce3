import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useRevalidator, useSearchParams } from '@remix-run/react';
import { useEffect } from 'react';
import { getDb } from '~db/client.server';
import { FormAlert, Notice, SubmitButton } from '~/components/form';
import { useDates } from '~/components/manage-courses';
import { localeFromRequest, translator, useLocale, useT, type Locale, type MessageKey } from '~/i18n';
import {
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
} from '~/modules/mentoring/draft.server';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';
import { now } from '~/modules/clock.server';
import { STALE_RUN_MS, startRun } from '~/modules/mentoring/runs.server';
import { isUuid, notFound } from '~/modules/organisations/guards.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined;
  const t = translator(root?.locale ?? 'nl');
  return [{ title: [t('matchingRuns.title'), data?.network.name, 'Politiek Actief'].filter(Boolean).join(' — ') }];
};

const pagePath = (networkId: string) => `/beheer/netwerken/${networkId}/koppelen`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network } = await requireNetworkOfCoordinator(request, params.id);
  const t = translator(localeFromRequest(request));
  const db = getDb();
  const view = await loadDraftView(db, network.id);
  const counts = await networkCounts(db, network.id);

  // "Move by hand" for one mentee at a time (?verplaats=<application id>), so the page stays small.
  const moveId = new URL(request.url).searchParams.get('verplaats');
  let move = null;
  if (view.run?.status === 'draft' && isUuid(moveId)) {
    const found = await moveOptions(db, network.id, view.run, moveId);
    if (found) {
      const current = view.pairs.find((p) => p.applicationId === moveId);
      move = {
        applicationId: moveId,
        menteeName: await menteeName(db, network.id, moveId),
        currentMentor: current?.mentorName ?? null,
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
    totals: run?.status === 'draft' ? draftTotals(run.stats, view.pairs) : null,
    changedByHand: view.pairs.some((p) => p.source === 'hand') || view.unmatched.some((u) => u.reason === 'removed-by-hand'),
    pairs: view.pairs.map((p) => ({
      matchId: p.matchId,
      applicationId: p.applicationId,
      menteeName: p.menteeName,
      municipality: p.municipality,
      mentorName: p.mentorName,
      score: p.score,
      pinned: p.pinned,
      byHand: p.source === 'hand',
      reasons: p.reasons.map((r) => ({ id: r.id, nl: r.nl, en: r.en })),
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
  const done = (what: string, extra = '') => redirect(`${pagePath(network.id)}?gedaan=${what}${extra}`);
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
    return done('published', `&voorgesteld=${outcome.proposed}&overgeslagen=${outcome.skipped}`);
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
    notice = skipped > 0 ? t('matchingRuns.done.publishedSkipped', { proposed, skipped }) : t('matchingRuns.done.published', { proposed });
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
  const locale = useLocale();
  const dates = useDates();
  const run = d.run!;
  const totals = d.totals!;
  const pairLabel = (p: { menteeName: string; mentorName: string }) =>
    t('matchingRuns.pairs.pairLabel', { mentee: p.menteeName, mentor: p.mentorName });
  const moreMatched = totals.runMatched - totals.greedyMatched;
  const scoreDiff = totals.runTotalScore - totals.greedyTotalScore;
  const compare = { ours: totals.runMatched, theirs: totals.greedyMatched };
  const scores = { ours: totals.runTotalScore, theirs: totals.greedyTotalScore };

  return (
    <>
      <section className="pa-section" aria-labelledby="draft-heading">
        <h2 className="utrecht-heading-2" id="draft-heading">
          {t('matchingRuns.draft.heading')}
        </h2>
        <p className="utrecht-paragraph">{t('matchingRuns.draft.madeAt', { date: dates.moment(run.createdAt) })}</p>

        <h3 className="utrecht-heading-3">{t('matchingRuns.totals.heading')}</h3>
        <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby="totals-caption">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption" id="totals-caption">
              {t('matchingRuns.totals.caption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('matchingRuns.totals.what')}
                </th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {t('matchingRuns.totals.value')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {(
                [
                  ['matchingRuns.totals.matched', totals.matched],
                  ['matchingRuns.totals.unmatched', d.unmatched.length],
                  ['matchingRuns.totals.score', totals.totalScore],
                  ['matchingRuns.totals.average', totals.matched === 0 ? 0 : Math.round(totals.totalScore / totals.matched)],
                ] as const
              ).map(([key, value]) => (
                <tr className="utrecht-table__row" key={key}>
                  <th className="utrecht-table__header-cell" scope="row">
                    {t(key)}
                  </th>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="utrecht-paragraph">
          {t('matchingRuns.totals.options', { edges: totals.edges, seconds: (totals.millis / 1000).toFixed(1) })}
        </p>

        <h3 className="utrecht-heading-3">{t('matchingRuns.compare.heading')}</h3>
        <p className="utrecht-paragraph">{t('matchingRuns.compare.intro')}</p>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            {moreMatched > 1
              ? t('matchingRuns.compare.moreMatched', { count: moreMatched, ...compare })
              : moreMatched === 1
                ? t('matchingRuns.compare.oneMoreMatched', compare)
                : t('matchingRuns.compare.sameMatched', compare)}
          </li>
          <li className="utrecht-unordered-list__item">
            {scoreDiff > 0
              ? t('matchingRuns.compare.moreScore', { points: scoreDiff, ...scores })
              : scoreDiff < 0
                ? t('matchingRuns.compare.lessScore', { points: -scoreDiff, ...scores })
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
        {d.pairs.length === 0 ? (
          <p className="utrecht-paragraph">{t('matchingRuns.pairs.none')}</p>
        ) : (
          <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby="pairs-caption">
            <table className="utrecht-table">
              <caption className="utrecht-table__caption" id="pairs-caption">
                {t('matchingRuns.pairs.caption')}
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('matchingRuns.pairs.mentee')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('matchingRuns.pairs.mentor')}
                  </th>
                  <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                    {t('matchingRuns.pairs.score')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('matchingRuns.pairs.why')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('matchingRuns.pairs.actions')}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {d.pairs.map((p) => (
                  <tr className="utrecht-table__row" key={p.matchId} id={`koppeling-${p.applicationId}`}>
                    <th className="utrecht-table__header-cell" scope="row">
                      {p.menteeName}
                      <br />
                      <span className="pa-note">{p.municipality}</span>
                    </th>
                    <td className="utrecht-table__cell">
                      {p.mentorName}
                      {p.pinned ? (
                        <>
                          <br />
                          <span className="pa-note">{p.byHand ? t('matchingRuns.pairs.byHand') : t('matchingRuns.pairs.pinned')}</span>
                        </>
                      ) : null}
                    </td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{p.score}</td>
                    <td className="utrecht-table__cell">
                      {p.reasons.length === 0 ? (
                        t('matchingRuns.pairs.noReasons')
                      ) : (
                        <ul className="pa-plain-list">
                          {p.reasons.map((r) => (
                            <li key={r.id}>{locale === 'en' ? r.en : r.nl}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="utrecht-table__cell">
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
                        <Link className="utrecht-link" to={`?verplaats=${p.applicationId}#verplaatsen`}>
                          {t('matchingRuns.pairs.move')}
                          <span className="pa-visually-hidden">: {p.menteeName}</span>
                        </Link>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="pa-section" aria-labelledby="unmatched-heading">
        <h2 className="utrecht-heading-2" id="unmatched-heading">
          {t('matchingRuns.unmatched.heading')}
        </h2>
        {d.unmatched.length === 0 ? (
          <p className="utrecht-paragraph">{t('matchingRuns.unmatched.none')}</p>
        ) : (
          <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby="unmatched-caption">
            <table className="utrecht-table">
              <caption className="utrecht-table__caption" id="unmatched-caption">
                {t('matchingRuns.unmatched.caption')}
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('matchingRuns.pairs.mentee')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('matchingRuns.unmatched.municipality')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('matchingRuns.unmatched.reason')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('matchingRuns.unmatched.action')}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {d.unmatched.map((u) => (
                  <tr className="utrecht-table__row" key={u.applicationId}>
                    <th className="utrecht-table__header-cell" scope="row">
                      {u.name}
                    </th>
                    <td className="utrecht-table__cell">{u.municipality}</td>
                    <td className="utrecht-table__cell">{t(`matchingRuns.reason.${u.reason}` as MessageKey)}</td>
                    <td className="utrecht-table__cell">
                      {u.reason === 'new-since-run' ? null : (
                        <Link className="utrecht-link" to={`?verplaats=${u.applicationId}#verplaatsen`}>
                          {t('matchingRuns.unmatched.byHand')}
                          <span className="pa-visually-hidden">: {u.name}</span>
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
        <Form method="post" action={`?verplaats=${move.applicationId}`}>
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
            <Link className="utrecht-link" to="?">
              {t('matchingRuns.move.cancel')}
            </Link>
          </div>
        </Form>
      )}
      {move.options.length === 0 ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="?">
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
        <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby="rules-caption">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption" id="rules-caption">
              {t('matchingRuns.rules.caption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('matchingRuns.pairs.mentee')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('matchingRuns.pairs.mentor')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('matchingRuns.rules.kind')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('matchingRuns.pairs.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {d.rules.map((r) => {
                const isDropped = d.run?.status === 'draft' && dropped.has(`${r.applicationId}:${r.mentorProfileId}`);
                return (
                  <tr className="utrecht-table__row" key={`${r.applicationId}:${r.mentorProfileId}`}>
                    <th className="utrecht-table__header-cell" scope="row">
                      {r.menteeName}
                    </th>
                    <td className="utrecht-table__cell">{r.mentorName}</td>
                    <td className="utrecht-table__cell">
                      {r.kind === 'pin' ? t('matchingRuns.rules.pin') : t('matchingRuns.rules.forbid')}
                      {isDropped ? (
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
                    </td>
                    <td className="utrecht-table__cell">
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
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
