// npm run worker — a worker process of its own (PostgreSQL only: PGlite is one connection, one process).
import { EnvError, getEnv, type Env } from '../app/env.server';
import { startApplication } from '../server/app';
import { createLogger } from '../app/modules/log.server';
import { surviveDatabaseOutages } from '../server/outage';

let env: Env;
try {
  env = getEnv();
} catch (error) {
  // The same readable list of every invalid variable as the web server prints.
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
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
