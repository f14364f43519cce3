import { openDatabase, setDatabaseHandle, type DatabaseHandle } from '../db/client.server';
import { migrateDatabase } from '../db/migrate.server';
import { seedDemoData } from '../db/seed.server';
import type { Env } from '../app/env.server';
import { setBoss, startBoss } from '../app/modules/jobs/boss.server';
import { startWorkers } from '../app/worker.server';
import type { Logger } from 'pino';

export type RunningApplication = { handle: DatabaseHandle; stop(): Promise<void> };

/**
 * Opens the database, migrates it, seeds the demo data once (when asked), starts pg-boss and,
 * when this process is also a worker, the workers. Shared by the web server and `npm run worker`.
 */
export async function startApplication(env: Env, log: Logger, role: { web: boolean; worker: boolean }): Promise<RunningApplication> {
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR, maxConnections: env.DB_POOL_SIZE });
  setDatabaseHandle(handle);
  await migrateDatabase(handle);
  log.info({ database: handle.kind }, 'database migrated');
  if (env.demoData && role.web) {
    const seeded = await seedDemoData(handle.db, { onlyIfEmpty: true });
    if (seeded) log.info('demo data seeded');
  }
  const boss = await startBoss(
    handle,
    { retryLimit: env.EMAIL_RETRY_LIMIT, retryDelaySeconds: env.EMAIL_RETRY_DELAY_SECONDS },
    { supervise: role.worker, schedule: role.worker },
  );
  if (role.worker) {
    const provider = await startWorkers(handle.db, boss, env);
    log.info({ emailProvider: provider.name }, 'workers started');
  }
  return {
    handle,
    async stop() {
      // Workers finish the jobs they hold (or leave them to expire and be retried elsewhere).
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
      setBoss(undefined);
      await handle.close();
      setDatabaseHandle(undefined);
    },
  };
}
