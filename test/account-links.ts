import type PgBoss from 'pg-boss';
import type { Db } from '../db/client.server';
import { sendAccountLink, type AccountLinkJob } from '../app/modules/auth/accounts.server';
import { queues } from '../app/modules/jobs/boss.server';

/** Does what the worker does with queued login-link and reset requests (tests run no workers). */
export async function runAccountLinkJobs(boss: PgBoss, db: Db) {
  for (;;) {
    const jobs = await boss.fetch<AccountLinkJob>(queues.accountLink, { batchSize: 100 });
    if (!jobs?.length) return;
    for (const job of jobs) await sendAccountLink(db, job.data);
    await boss.complete(
      queues.accountLink,
      jobs.map((job) => job.id),
    );
  }
}
