import { parseWithZod } from '@conform-to/zod/v4';
import type { SubmissionResult } from '@conform-to/react';
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { FormAlert, SubmitButton } from '~/components/form';
import type { NoticeKey } from '~/components/ui/notice-key';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { useDates } from '~/components/manage-courses';
import { localeFromRequest, translator, useT } from '~/i18n';
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
} from '~/modules/mentoring/draft.server';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';
import { now } from '~/modules/clock.server';
import { STALE_RUN_MS, startRun } from '~/modules/mentoring/runs.server';
import { isUuid, notFound } from '~/modules/http.server';
import { pageTitle } from '~/components/page-title';
import { RunPolling } from '~/components/run-polling';
import { moveMenteeSchema } from '~/modules/mentoring/move-schema';
import { Draft } from './draft';
import { Rules } from './rules';
import { draftListQuery, draftQueryString, pagePath } from './query';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.networkMatching', args.data ? { network: args.data.network.name } : null);

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
      mentorMunicipality: p.mentorMunicipality,
      mentorRemaining: Math.max(0, p.mentorRemaining),
      score: p.score,
      pinned: p.pinned,
      byHand: p.source === 'hand',
      // Only the reader's language: the reasons are most of the page's weight. The weightiest first,
      // each with its share of the 0–100 score.
      reasons: [...p.reasons]
        .sort((a, b) => b.points - a.points)
        .map((r) => ({ id: r.id, points: Math.round(r.points), text: locale === 'en' ? r.en : r.nl })),
    })),
    unmatched: view.unmatched,
    rules: view.rules,
    droppedPins: view.droppedPins.map((p) => `${p.applicationId}:${p.mentorProfileId}`),
    move,
  };
}

/** A refusal: a message at the top of the page, or (the move form) Conform's reply for its form. */
type ActionError = { intent: string; message?: string; result?: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { network, user } = await requireNetworkOfCoordinator(request, params.id);
  const t = translator(localeFromRequest(request));
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? '');
  const intent = field('intent');
  const db = getDb();
  // Back to the same search and pages of the draft after every change.
  const list = draftListQuery(new URL(request.url));
  const done = (key: NoticeKey, vars: Record<string, number> = {}) =>
    redirectWithNotice(`${pagePath(network.id)}${draftQueryString(list)}`, key, vars);
  const fail = (message: string, status = 400) => data<ActionError>({ intent, message }, { status });

  if (intent === 'start') {
    const outcome = await startRun(db, network.id, user.id);
    return outcome.status === 'busy' ? fail(t('matchingRuns.busy'), 409) : done('notice.matchingRun.started');
  }

  if (intent === 'remove-rule') {
    const applicationId = field('applicationId');
    const mentorProfileId = field('mentorProfileId');
    if (!isUuid(applicationId) || !isUuid(mentorProfileId)) throw notFound();
    const outcome = await removeRule(db, network.id, applicationId, mentorProfileId);
    if (outcome.status !== 'ok') throw notFound();
    return done('notice.matchingRun.removed');
  }
  // Every other action works on the draft the coordinator saw: its id comes with the form.
  const runId = field('runId');
  if (!isUuid(runId)) throw notFound();

  if (intent === 'publish') {
    const outcome = await publishRun(db, network.id, runId);
    if (outcome.status === 'not-draft') return fail(t('matchingRuns.publish.notDraft'), 409);
    return done('notice.matchingRun.published', { count: outcome.proposed, skipped: outcome.skipped });
  }
  if (intent === 'pin' || intent === 'forbid') {
    const matchId = field('matchId');
    if (!isUuid(matchId)) throw notFound();
    const outcome = await (intent === 'pin' ? pinPair : forbidPair)(db, network.id, runId, matchId, user.id);
    if (outcome.status !== 'ok') throw notFound();
    return done(intent === 'pin' ? 'notice.matchingRun.pinned' : 'notice.matchingRun.forbidden');
  }
  if (intent === 'move') {
    const applicationId = field('applicationId');
    if (!isUuid(applicationId)) throw notFound();
    if (!(await findDraftRun(db, network.id, runId))) return fail(t('matchingRuns.publish.notDraft'), 409);
    const submission = parseWithZod(form, { schema: moveMenteeSchema(t) });
    if (submission.status !== 'success') return data<ActionError>({ intent, result: submission.reply() }, { status: 400 });
    const outcome = await moveMentee(db, network.id, runId, applicationId, submission.value.mentorProfileId, user.id);
    if (outcome.status === 'not-found') throw notFound();
    if (outcome.status === 'not-possible') {
      const result = submission.reply({ fieldErrors: { mentorProfileId: [t('matchingRuns.move.notPossible')] } });
      return data<ActionError>({ intent, result }, { status: 400 });
    }
    return done('notice.matchingRun.moved');
  }
  return fail(t('matchingRuns.errors.unknown'));
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function MatchingRunPage() {
  const t = useT();
  const loaderData = useLoaderData<typeof loader>();
  const { counts, run } = loaderData;
  const acted = useActionData<typeof action>();
  const working = run?.status === 'queued' || run?.status === 'running';

  return (
    <div>
      <h2 className="utrecht-heading-2">{t('matchingRuns.title')}</h2>
      <p className="utrecht-paragraph">{t('matchingRuns.intro')}</p>
      <p className="utrecht-paragraph">{t('matchingRuns.waiting', { mentees: counts.waiting, mentors: counts.mentors })}</p>
      {acted?.message ? <FormAlert messages={[acted.message]} /> : null}

      {working ? (
        <Progress run={run!} />
      ) : (
        <>
          {run?.status === 'failed' ? (
            <section className="pa-section" aria-labelledby="run-failed">
              <h3 className="utrecht-heading-3" id="run-failed">
                {t('matchingRuns.failed.heading')}
              </h3>
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
  const label = run.status === 'queued' ? t('matchingRuns.progress.queued') : t(`matchingRuns.progress.${run.progressLabel ?? 'loading'}`);
  return (
    <section className="pa-section" aria-labelledby="run-progress">
      <RunPolling />
      <h3 className="utrecht-heading-3" id="run-progress">
        {t('matchingRuns.progress.heading')}
      </h3>
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
      <h3 className="utrecht-heading-3" id="run-published">
        {t('matchingRuns.published.heading')}
      </h3>
      <p className="utrecht-paragraph">{t('matchingRuns.published.body', { date: publishedAt ? dates.moment(publishedAt) : '' })}</p>
    </section>
  );
}
