// npm run worker — a worker process of its own (PostgreSQL only: PGlite is one connection, one process).
import { getEnv } from '../app/env.server';
import { startApplication } from '../server/app';
import { createLogger } from '../server/logger';
import { surviveDatabaseOutages } from '../server/outage';

const env = getEnv();
const log = createLogger(env.LOG_LEVEL);
surviveDatabaseOutages(log);
if (env.embedded) {
  log.error('npm run worker needs DATABASE_URL: with the embedded database the worker runs inside `npm start`.');
  process.exit(2);
}
const running = await startApplication(env, log, { web: false, worker: true });
log.info('worker running');
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping: finishing jobs in hand');
    await running.stop();
    process.exit(0);
  });
}
