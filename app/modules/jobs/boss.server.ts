import PgBoss from 'pg-boss';
import type { DatabaseHandle, Db } from '~db/client.server';
import { getLog } from '../log.server';
import { getEnv } from '~/env.server';

/** The queues this application uses. pg-boss 10 wants each queue created before use. */
export const queues = {
  emailSend: 'email-send',
  maintenance: 'maintenance',
  courseDueWork: 'course-due-work',
  matchingRun: 'matching-run',
  placementRun: 'placement-run',
  mentoringDueWork: 'mentoring-due-work',
  privacyRetention: 'privacy-retention',
  outcomeDueWork: 'outcome-due-work',
  routeDueWork: 'route-due-work',
  accountLink: 'account-link',
  reportMarks: 'report-marks',
  /** Queued by the database itself when a block's figures change (migration 0023): policy "short". */
  reportMarksChanged: 'report-marks-changed',
} as const;

type SqlRunner = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

// pg-boss passes undefined for absent options and plain objects for job data; both drivers need
// NULL and JSON text instead (drizzle replaces postgres.js's own JSON serialisation).
function toSqlValues(values: unknown[] | undefined): unknown[] {
  return (values ?? []).map((v) => {
    if (v === undefined) return null;
    if (v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v)) return JSON.stringify(v);
    return v;
  });
}

type PgliteLike = {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<Array<{ rows: unknown[] }>>;
};
type PostgresLike = { unsafe(text: string, values?: unknown[]): Promise<unknown> };

function pgliteRunner(client: PgliteLike): SqlRunner {
  return {
    async executeSql(text, values) {
      // pg-boss sends its install script as one multi-statement text without parameters.
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return client.query(text, toSqlValues(values));
    },
  };
}

function postgresRunner(client: PostgresLike): SqlRunner {
  return {
    async executeSql(text, values) {
      const rows = (await client.unsafe(text, toSqlValues(values) as never[])) as unknown[];
      return { rows: Array.from(rows) };
    },
  };
}

/**
 * Lets pg-boss insert a job on the connection of a drizzle transaction, so the job exists exactly
 * when the transaction commits (ADR 004).
 */
export function jobsIn(tx: Db): SqlRunner {
  const client = (tx as unknown as { _: { session: { client: unknown } } })._.session.client;
  if (typeof (client as PostgresLike).unsafe === 'function') return postgresRunner(client as PostgresLike);
  return pgliteRunner(client as PgliteLike);
}

export type BossOptions = { supervise?: boolean; schedule?: boolean; pollingIntervalSeconds?: number };

/** pg-boss in the application's database: its own `pg` pool for PostgreSQL, an adapter for PGlite. */
export function createBoss(handle: DatabaseHandle, options: BossOptions = {}): PgBoss {
  const common = {
    schema: 'pgboss',
    supervise: options.supervise ?? true,
    schedule: options.schedule ?? true,
    migrate: true,
    // How often pg-boss expires jobs whose worker died, and retries them (default 120 s).
    ...(getEnv().PGBOSS_MAINTENANCE_SECONDS ? { maintenanceIntervalSeconds: getEnv().PGBOSS_MAINTENANCE_SECONDS } : {}),
  };
  if (handle.kind === 'postgres') {
    return new PgBoss({ ...common, connectionString: handle.url, max: 4 });
  }
  return new PgBoss({ ...common, db: pgliteRunner(handle.pglite as unknown as PgliteLike) });
}

const BOSS = Symbol.for('politiek-actief.boss');
type GlobalWithBoss = typeof globalThis & { [BOSS]?: PgBoss };

export function setBoss(boss: PgBoss | undefined) {
  (globalThis as GlobalWithBoss)[BOSS] = boss;
}

export function getBoss(): PgBoss {
  const boss = (globalThis as GlobalWithBoss)[BOSS];
  if (!boss) throw new Error('pg-boss is not started: call startJobs() at start-up.');
  return boss;
}

export type QueueSettings = { retryLimit: number; retryDelaySeconds: number };

/** Starts pg-boss (installing or migrating its schema) and makes sure every queue exists. */
export async function startBoss(handle: DatabaseHandle, settings: QueueSettings, options: BossOptions = {}) {
  const boss = createBoss(handle, options);
  boss.on('error', (error) => getLog().error({ err: error }, 'pg-boss error'));
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const name of Object.values(queues)) {
    const settingsOf = (creating: boolean) => ({
      name,
      // A short queue keeps one waiting job per singleton key: the report's triggers insert with
      // ON CONFLICT DO NOTHING against it, so a burst of changes to one block makes one job.
      ...(name === queues.reportMarksChanged && creating ? { policy: 'short' as const } : {}),
      retryLimit: settings.retryLimit,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: getEnv().EMAIL_RETRY_BACKOFF ?? true,
      // A job held by a worker that died (SIGKILL, a lost machine) is retried after this (default 15 min).
      ...(name === queues.emailSend && getEnv().EMAIL_JOB_EXPIRE_SECONDS ? { expireInSeconds: getEnv().EMAIL_JOB_EXPIRE_SECONDS } : {}),
    });
    // Several processes starting on a new database create the same queues at once. PostgreSQL
    // breaks a deadlock between them by failing one statement (40P01); that process looks again
    // whether the queue exists now and carries on, so every process starts.
    for (let attempt = 1; ; attempt++) {
      try {
        const exists = existing.has(name) || (attempt > 1 && Boolean(await boss.getQueue(name)));
        if (exists) await boss.updateQueue(name, settingsOf(false));
        else await boss.createQueue(name, settingsOf(true));
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
  }
  setBoss(boss);
  return boss;
}
