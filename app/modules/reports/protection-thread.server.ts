import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { getEnv } from '~/env.server';
import { countSolves, protectFigures, SolveBudgetExceeded, type Figure, type Mark, type Relation } from './protection.server';
import type { SolveReply, SolveRequest } from './protection-worker';

// Solving the funder report's protection takes seconds to minutes of pure computation (HiGHS in
// WASM). On the main thread it held up every request of the process meanwhile: with web and worker in
// one process (`npm start` on the embedded database) a login waited behind a programme year. So the
// LPs run in a worker thread (ADR 020): one per process, started on the first solve, kept while it
// has work and left idle (not holding the process open) when it has none. Messages carry plain data.

/** Set by scripts/build-server.mjs in the compiled server (esbuild `define`); undefined elsewhere. */
declare const __PA_COMPILED_SERVER__: boolean | undefined;

/**
 * The worker's file. From the TypeScript source (tests, `npm run dev`, tsx scripts) the bootstrap
 * next to this file loads it through tsx; in the production build (the app bundle in build/server
 * and the compiled server in build/runtime) it is build/runtime/protection-worker.js, found from the
 * working directory as the server finds build/server/index.js.
 */
function workerFile(): URL {
  const compiled = typeof __PA_COMPILED_SERVER__ !== 'undefined' && __PA_COMPILED_SERVER__;
  const source = path.join(path.dirname(fileURLToPath(import.meta.url)), 'protection-worker-source.mjs');
  if (!compiled && existsSync(source)) return pathToFileURL(source);
  const built = path.resolve('build/runtime/protection-worker.js');
  if (existsSync(built)) return pathToFileURL(built);
  throw new Error(`the LP worker is missing: neither ${source} nor ${built} (run npm run build)`);
}

type Pending = { resolve: (marks: Mark[]) => void; reject: (error: Error) => void };
let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

function failAll(error: Error) {
  const waiting = [...pending.values()];
  pending.clear();
  worker = null;
  for (const p of waiting) p.reject(error);
}

function startWorker() {
  const started = new Worker(workerFile());
  started.on('message', (reply: SolveReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    countSolves(reply.solves);
    if ('marks' in reply) waiting.resolve(reply.marks);
    else waiting.reject(reply.error === 'budget' ? new SolveBudgetExceeded(reply.message) : new Error(reply.message));
  });
  // A crash (out of memory, a bug) fails the jobs in flight; the next solve starts a new thread.
  started.on('error', (error) => {
    if (worker === started) failAll(error);
  });
  started.on('exit', (code) => {
    if (worker === started) failAll(new Error(`the LP worker stopped (exit code ${code})`));
  });
  return started;
}

/**
 * protectFigures (protection.server.ts) in the LP worker thread: the same marks, while the event loop
 * keeps serving requests. `REPORT_LP_THREAD=off` solves on the calling thread as before (a
 * benchmark's comparison).
 */
export function protectFiguresOffThread(
  figures: readonly Figure[],
  relations: readonly Relation[],
  options: { deadline?: number } = {},
): Promise<Mark[]> {
  if (getEnv().REPORT_LP_THREAD === 'off') return protectFigures(figures, relations, options);
  worker ??= startWorker();
  const running = worker;
  running.ref();
  const id = nextId++;
  const request: SolveRequest = { id, figures: [...figures], relations: [...relations], deadline: options.deadline };
  return new Promise<Mark[]>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    running.postMessage(request);
  });
}
