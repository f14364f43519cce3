import { parentPort } from 'node:worker_threads';
import { protectFigures, SolveBudgetExceeded, solveCount, type Figure, type Mark, type Relation } from './protection.server';

// The thread that solves the funder report's LPs (ADR 020, "Solving off the event loop"): one per
// process, started by protection-thread.server.ts on the first solve. Messages carry plain data (the
// figures, the relations, a deadline as a clock time); jobs run one after the other, as they did on
// the main thread, so each reply's count of LP solves is that job's own.

export type SolveRequest = { id: number; figures: Figure[]; relations: Relation[]; deadline?: number };
export type SolveReply =
  { id: number; marks: Mark[]; solves: number } | { id: number; error: 'budget' | 'failed'; message: string; solves: number };

const port = parentPort;
if (!port) throw new Error('protection-worker runs as a worker thread only');

let queue: Promise<void> = Promise.resolve();
port.on('message', (request: SolveRequest) => {
  queue = queue.then(() => solve(request));
});

async function solve({ id, figures, relations, deadline }: SolveRequest) {
  const before = solveCount();
  let reply: SolveReply;
  try {
    const marks = await protectFigures(figures, relations, { deadline });
    reply = { id, marks, solves: solveCount() - before };
  } catch (error) {
    reply = {
      id,
      error: error instanceof SolveBudgetExceeded ? 'budget' : 'failed',
      message: error instanceof Error ? error.message : String(error),
      solves: solveCount() - before,
    };
  }
  port!.postMessage(reply);
}
