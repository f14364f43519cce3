import type PgBoss from 'pg-boss';
import type { Db } from '~db/client.server';
import { type Env, getEnv } from '~/env.server';
import { deliverEmailBatch } from '~/modules/email/delivery.server';
import { mailboxProvider, resendProvider, type EmailProvider } from '~/modules/email/providers.server';
import { pruneExpiredAuthData } from '~/modules/auth/cleanup.server';
import { sendAccountLink, type AccountLinkJob } from '~/modules/auth/accounts.server';
import { pruneRateLimits } from '~/modules/security/rate-limit.server';
import { runDueCourseWork } from '~/modules/courses/lifecycle.server';
import { runDueAcademyWork } from '~/modules/academies/selection.server';
import { runDueCohortWork } from '~/modules/academies/completion.server';
import { pruneSignUpRequests } from '~/modules/courses/sign-up-requests.server';
import { processMatchingRun } from '~/modules/mentoring/runs.server';
import { processPlacementRun } from '~/modules/placements/assignment.server';
import { runDueMentoringWork } from '~/modules/mentoring/due.server';
import { runDueRouteWork } from '~/modules/candidacy/reminders.server';
import { runRetentionWork } from '~/modules/privacy/retention.server';
import { runOutcomeWork } from '~/modules/reports/outcomes.server';
import { refreshChangedMarks, refreshProtectedMarks, type MarksChangedJob } from '~/modules/reports/marks-refresh.server';
import { queues } from '~/modules/jobs/boss.server';

function emailProviderFor(env: Env): EmailProvider {
  return env.RESEND_API_KEY ? resendProvider(env.RESEND_API_KEY, env.RESEND_BASE_URL) : mailboxProvider;
}

type EmailJob = { messageId: string };

/**
 * Handles a batch of email jobs: the messages go out in Resend batches (attachments one by one), and
 * the jobs of messages that must be tried again fail on their own (pg-boss retries them with backoff).
 */
export function emailJobHandler(db: Db, boss: PgBoss, provider: EmailProvider, from: string) {
  return async (jobs: PgBoss.JobWithMetadata<EmailJob>[]) => {
    const outcomes = await deliverEmailBatch(
      db,
      jobs.map((job) => ({ messageId: job.data.messageId, finalAttempt: job.retryCount >= job.retryLimit })),
      provider,
      { from },
    );
    const retry = jobs.filter((job) => (outcomes.get(job.data.messageId) ?? 'retry') === 'retry');
    if (retry.length)
      await boss.fail(
        queues.emailSend,
        retry.map((job) => job.id),
      );
  };
}

/** Jobs fetched (and messages sent in one batch) at a time: up to Resend's limit of 100. */
const emailBatchSize = () => getEnv().EMAIL_BATCH_SIZE;

/** Registers every worker of the application on this process's pg-boss. */
export async function startWorkers(db: Db, boss: PgBoss, env: Env, options: { pollingIntervalSeconds?: number } = {}) {
  const provider = emailProviderFor(env);
  // Two fetch loops per process: one batch renders while the other waits for the provider.
  const loops = getEnv().EMAIL_WORK_LOOPS;
  const batchSize = emailBatchSize();
  for (let i = 0; i < loops; i++) {
    const handle = emailJobHandler(db, boss, provider, env.EMAIL_FROM);
    let workerId = '';
    workerId = await boss.work<EmailJob>(
      queues.emailSend,
      { batchSize, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
      async (jobs) => {
        await handle(jobs);
        // A full batch means more are probably waiting: fetch again at once instead of after the
        // polling interval (which otherwise caps a loop at one batch a second).
        if (jobs.length >= batchSize) boss.notifyWorker(workerId);
      },
    );
  }
  // Login-link and password-reset requests: the web request only queues the address (accounts.server).
  await boss.work<AccountLinkJob>(queues.accountLink, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 }, async (jobs) => {
    for (const job of jobs) await sendAccountLink(db, job.data);
  });
  await boss.work(queues.maintenance, { pollingIntervalSeconds: 30 }, async () => {
    await pruneExpiredAuthData(db);
    await pruneRateLimits(db);
    await pruneSignUpRequests(db);
  });
  // Reminders, offer expiry and follow-ups: each run does what is due at that moment, so a run that
  // is late or repeated does no harm.
  await boss.work(queues.courseDueWork, { pollingIntervalSeconds: 5 }, async () => {
    await runDueCourseWork(db);
    // Academy places whose claim window passed lapse and go to the first reserve (same sweep rules).
    await runDueAcademyWork(db);
    // The cohort: modules published since are enrolled, completions the attendance page missed recorded.
    await runDueCohortWork(db);
  });
  // A coordinator's matching run: the job records its own failure on the run, so it is not retried.
  await boss.work<{ runId: string }>(queues.matchingRun, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await processMatchingRun(db, job.data.runId);
  });
  // An academy's placement run (the same engine and the same rules as a matching run).
  await boss.work<{ runId: string }>(queues.placementRun, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await processPlacementRun(db, job.data.runId);
  });
  // Proposal reminders, alerts and expiry; quiet-match nudges; feedback emails (same rules as above).
  await boss.work(queues.mentoringDueWork, { pollingIntervalSeconds: 5 }, async () => {
    await runDueMentoringWork(db);
  });
  // Candidacy route reminders: a step due in two weeks, a passed nomination day (once each, issue 17).
  // The hourly run covers every network; a saved template queues its own network's run (with
  // `networkId`), which should follow within seconds.
  await boss.work<{ networkId?: string } | null>(queues.routeDueWork, { pollingIntervalSeconds: 5, batchSize: 10 }, async (jobs) => {
    const networks = jobs.map((job) => job.data?.networkId);
    if (networks.some((id) => !id)) await runDueRouteWork(db);
    else for (const networkId of new Set(networks)) await runDueRouteWork(db, { networkId });
  });
  // Retention: warn people inactive for too long, delete them 30 days later; anonymise the sign-ups
  // of people without an account once they are inactive that long (daily).
  await boss.work(queues.privacyRetention, { pollingIntervalSeconds: 60 }, async () => {
    await runRetentionWork(db);
  });
  // Candidacy outcome questions after list deadlines and election days (once per person and question).
  await boss.work(queues.outcomeDueWork, { pollingIntervalSeconds: 30 }, async () => {
    await runOutcomeWork(db);
  });
  // The funder report's suppression, solved again for the blocks whose figures changed (ADR 017), so
  // that a coordinator's page reads the marks instead of solving them.
  await boss.work(queues.reportMarks, { pollingIntervalSeconds: 30 }, async () => {
    await refreshProtectedMarks(db);
  });
  // The same for the blocks whose figures just changed: the database queues one job per organisation
  // and quarter, 30 seconds after the first change (migration 0023), in the writing transaction.
  await boss.work<MarksChangedJob>(queues.reportMarksChanged, { pollingIntervalSeconds: 5, batchSize: 20 }, async (jobs) => {
    await refreshChangedMarks(
      db,
      jobs.map((job) => job.data),
    );
  });
  // pg-boss's scheduler makes sure one process enqueues each, however many run workers.
  await boss.schedule(queues.maintenance, '17 * * * *');
  await boss.schedule(queues.courseDueWork, '* * * * *');
  await boss.schedule(queues.mentoringDueWork, '* * * * *');
  await boss.schedule(queues.privacyRetention, '23 3 * * *');
  await boss.schedule(queues.outcomeDueWork, '7 9 * * *');
  await boss.schedule(queues.routeDueWork, '37 * * * *');
  await boss.schedule(queues.reportMarks, '*/10 * * * *');
  return provider;
}
