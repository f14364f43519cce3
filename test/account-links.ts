import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { rowsOf, type Db } from '../db/client.server';
import { sendAccountLink, type AccountLinkJob } from '../app/modules/auth/accounts.server';
import { queues } from '../app/modules/jobs/boss.server';

/** Does what the worker does with queued login-link and reset requests (tests run no workers). */
export async function runAccountLinkJobs(boss: PgBoss, db: Db) {
  for (let idle = 0; ;) {
    const jobs = await boss.fetch<AccountLinkJob>(queues.accountLink, { batchSize: 100 });
    if (!jobs?.length) {
      // pg-boss hands out a job once its start time is before the database's clock; on a loaded
      // machine a job queued a moment ago can still be waiting for that. Done only when none waits.
      const waiting = await db.execute(
        sql`select 1 from pgboss.job where name = ${queues.accountLink} and state in ('created', 'retry') limit 1`,
      );
      if (rowsOf(waiting).length === 0 || ++idle > 50) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    for (const job of jobs) await sendAccountLink(db, job.data);
    await boss.complete(
      queues.accountLink,
      jobs.map((job) => job.id),
    );
  }
}
